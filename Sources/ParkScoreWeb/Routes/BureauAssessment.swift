import Foundation
import GRDB
import ParkScore
import ParkScoreIO

/// An application as the bureau sees it scored: through `Workbench.assess`, with the SUBMITTED reviews of its
/// evaluators as the review files `reviews/<account name>.yaml` (in name order, as batch reads a `reviews/` folder), in
/// evaluation as soon as there is one. The comparison, the dossier and the export all take the reviews from here, so
/// they agree with each other and with `parkscore batch` on the export.
struct BureauAssessment {
    /// The stage an application's current result is of.
    enum Stage: Equatable {
        case selfAssessment, preliminary, panel, finalised
    }

    let application: ApplicationRecord
    let reviews: [SourceFile]
    let loaded: Loaded<Assessment>

    /// The result of the application's own scorecard, when it could be scored.
    var scored: ScorecardAssessment? {
        loaded.value?.results.first { $0.scorecard.id == application.scorecardID }
    }

    var stage: Stage {
        if application.status == .finalised { return .finalised }
        guard let staged = scored?.staged else { return .selfAssessment }
        if staged.panel != nil { return .panel }
        if staged.preliminary != nil { return .preliminary }
        return .selfAssessment
    }

    init(_ application: ApplicationRecord, workbench: Workbench) throws {
        self.application = application
        reviews = try Self.submittedReviews(of: application, in: workbench.store)
        loaded = try workbench.assess(application, reviews: reviews, evaluation: !reviews.isEmpty)
    }

    /// The submitted reviews of `application` as review files, by reviewer account name.
    static func submittedReviews(of application: ApplicationRecord, in store: WorkbenchStore) throws -> [SourceFile] {
        guard let id = application.id else { return [] }
        return try store.database.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT account.name AS name, review.reviewYAML AS yaml FROM review JOIN account ON account.id = review.reviewerID
                WHERE review.applicationID = ? AND review.submitted = 1 ORDER BY account.name
                """, arguments: [id])
            return rows.compactMap { row -> SourceFile? in
                let name: String = row["name"], yaml: String = row["yaml"]
                // Account names are checked when made; one that is not a plain name never becomes a file name.
                guard Accounts.isValidName(name) else { return nil }
                return SourceFile(path: ReviewDesk.filePath(name), bytes: Array(yaml.utf8))
            }
        }
    }
}
