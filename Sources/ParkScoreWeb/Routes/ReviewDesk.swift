import Foundation
import GRDB
import Hummingbird
import ParkScore
import ParkScoreIO

/// An evaluator's place at one application: who they are, the application, their assignment and review role, the
/// scorecard, and their review so far. Made only through `ReviewDesk.seat`, which checks role and assignment on the
/// server: a park or admin gets 403, an evaluator not assigned (or an application not yet submitted) 404.
struct ReviewSeat: Sendable {
    let account: Account
    let accountID: Int64
    let application: ApplicationRecord
    let applicationID: Int64
    let assignment: AssignmentRecord
    let role: Review.Role
    let scorecard: LoadedScorecard
    let review: ReviewRecord?

    var reviewer: Review.Reviewer { Review.Reviewer(id: account.name, name: account.displayName, role: role) }
    var isFinalised: Bool { application.status == .finalised }
    var isSubmitted: Bool { review?.submitted ?? false }
    /// The chair's desk: assigned as chair, with the chair's account role.
    var isChair: Bool { role == .chair && account.role == .chair }
    var form: ReviewForm { review.map { ReviewForm.decode($0.form) } ?? ReviewForm() }
    var version: Int64 { review?.version ?? 0 }
}

/// Reading and writing evaluators' reviews: the assignment checks, the review files of an application, and saving a
/// review with its version checked and every change audited in the same transaction.
struct ReviewDesk: Sendable {
    let workbench: Workbench

    /// The evaluator's seat at application `idText`.
    func seat(_ context: WorkbenchContext, _ idText: String?) throws -> ReviewSeat {
        let account = try context.require(.reviewer, .chair)
        guard let accountID = account.id, let idText, idText.utf8.count <= 18, let id = Int64(idText), id > 0 else {
            throw HTTPError(.notFound)
        }
        let found = try workbench.store.database.read { db -> (ApplicationRecord, AssignmentRecord, ReviewRecord?)? in
            guard let assignment = try AssignmentRecord.filter(Column("applicationID") == id && Column("reviewerID") == accountID).fetchOne(db),
                  let application = try ApplicationRecord.fetchOne(db, key: id) else { return nil }
            let review = try ReviewRecord.filter(Column("applicationID") == id && Column("reviewerID") == accountID).fetchOne(db)
            return (application, assignment, review)
        }
        guard let found, found.0.status != .draft,
              let role = Review.Role(rawValue: found.1.reviewRole),
              let scorecard = workbench.scorecard(found.0.scorecardID) else { throw HTTPError(.notFound) }
        let (application, assignment, review) = found
        // The chair's desk needs the chair's account role as well as the assignment.
        if role == .chair && account.role != .chair { throw HTTPError(.forbidden) }
        return ReviewSeat(account: account, accountID: accountID, application: application, applicationID: id, assignment: assignment,
                          role: role, scorecard: scorecard, review: review)
    }

    /// Every assignment of the application with its account and review (if any), in assignment order.
    func panel(of applicationID: Int64) throws -> [(assignment: AssignmentRecord, account: Account, review: ReviewRecord?)] {
        try workbench.store.database.read { db in
            let assignments = try AssignmentRecord.filter(Column("applicationID") == applicationID).order(Column("id")).fetchAll(db)
            var out: [(AssignmentRecord, Account, ReviewRecord?)] = []
            for assignment in assignments {
                guard let account = try Account.fetchOne(db, key: assignment.reviewerID) else { continue }
                let review = try ReviewRecord.filter(Column("applicationID") == applicationID && Column("reviewerID") == assignment.reviewerID)
                    .fetchOne(db)
                out.append((assignment, account, review))
            }
            return out
        }
    }

    /// The submitted reviews of an application as review files (`reviews/<reviewer>.yaml`), in assignment order;
    /// `excluding` leaves one reviewer's out.
    func submittedFiles(of applicationID: Int64, excluding: Int64? = nil) throws -> [SourceFile] {
        try panel(of: applicationID).compactMap { entry in
            guard let review = entry.review, review.submitted, entry.account.id != excluding else { return nil }
            return SourceFile(path: Self.filePath(entry.account.name), bytes: Array(review.reviewYAML.utf8))
        }
    }

    /// The submitted preliminary reviews (初审) of an application as review files: what a panel member sees in force
    /// before the panel's own findings.
    func preliminaryFiles(of applicationID: Int64) throws -> [SourceFile] {
        try panel(of: applicationID).compactMap { entry in
            guard entry.assignment.reviewRole == Review.Role.preliminary.rawValue, let review = entry.review, review.submitted else { return nil }
            return SourceFile(path: Self.filePath(entry.account.name), bytes: Array(review.reviewYAML.utf8))
        }
    }

    static func filePath(_ reviewerName: String) -> String { "reviews/" + reviewerName + ".yaml" }

    /// Today in Beijing time, `YYYY-MM-DD`: the date a review file carries.
    static func today() -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai") ?? TimeZone(secondsFromGMT: 8 * 3600) ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return String(format: "%04d-%02d-%02d", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
    }

    /// The review file `form` stands for, for `seat`'s reviewer.
    func yaml(_ form: ReviewForm, seat: ReviewSeat) -> String {
        ReviewYAML.render(form, reviewer: seat.reviewer, date: Self.today(), scorecard: seat.application.scorecardID)
    }

    /// The evidence ids of the application, in order.
    func evidenceIDs(of applicationID: Int64) throws -> [String] {
        try workbench.evidence(of: applicationID).map(\.evidenceID)
    }

    enum SaveOutcome {
        case saved(ReviewRecord)
        /// Another save came first (the version moved on), or the review or the application is closed.
        case conflict
        case locked
    }

    /// Saves `form` as `seat`'s review, if the stored version is still `version` (0: no review yet), the review not
    /// submitted and the application not finalised; marks it submitted when `submit`. Every changed item is an audit
    /// event (`review.saved`, old → new, with the reason given), and `review.submitted` on submission, in the same
    /// transaction.
    func save(_ form: ReviewForm, seat: ReviewSeat, version: Int64, submit: Bool) throws -> SaveOutcome {
        do {
            return try write(form, seat: seat, version: version, submit: submit)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            // Two first saves at once: the second insert meets the first's row (one review per evaluator).
            return .conflict
        }
    }

    private func write(_ form: ReviewForm, seat: ReviewSeat, version: Int64, submit: Bool) throws -> SaveOutcome {
        let yaml = yaml(form, seat: seat)
        let now = Date()
        return try workbench.store.database.write { db -> SaveOutcome in
            guard let application = try ApplicationRecord.fetchOne(db, key: seat.applicationID), application.status == .submitted else {
                return .locked
            }
            let stored = try ReviewRecord.filter(Column("applicationID") == seat.applicationID && Column("reviewerID") == seat.accountID).fetchOne(db)
            if let stored, stored.submitted { return .locked }
            let old = stored.map { ReviewForm.decode($0.form) } ?? ReviewForm()
            var record: ReviewRecord
            if var stored {
                guard stored.version == version else { return .conflict }
                try db.execute(sql: """
                    UPDATE review SET form = ?, reviewYAML = ?, submitted = ?, version = version + 1, updatedAt = ?, submittedAt = ?
                    WHERE id = ? AND version = ? AND submitted = 0
                    """, arguments: [form.json, yaml, submit, now, submit ? now : Date?.none, stored.id, version])
                guard db.changesCount == 1 else { return .conflict }
                stored.form = form.json
                stored.reviewYAML = yaml
                stored.submitted = submit
                stored.version = version + 1
                stored.updatedAt = now
                stored.submittedAt = submit ? now : nil
                record = stored
            } else {
                guard version == 0 else { return .conflict }
                record = ReviewRecord(applicationID: seat.applicationID, reviewerID: seat.accountID, reviewRole: seat.role.rawValue,
                                      form: form.json, reviewYAML: yaml, submitted: submit, version: 1, createdAt: now, updatedAt: now,
                                      submittedAt: submit ? now : nil)
                try record.insert(db)
            }
            for change in form.changes(from: old) {
                try WorkbenchStore.record(AuditEvent(applicationID: seat.applicationID, actorID: seat.accountID, at: now, action: "review.saved",
                                                     subject: change.subject, oldValue: change.old, newValue: change.new,
                                                     reason: change.reason), in: db)
            }
            if submit {
                try WorkbenchStore.record(AuditEvent(applicationID: seat.applicationID, actorID: seat.accountID, at: now,
                                                     action: "review.submitted", subject: seat.role.rawValue,
                                                     oldValue: "draft", newValue: "submitted"), in: db)
            }
            return .saved(record)
        }
    }

    /// The problems the pipeline finds in `yaml` as `seat`'s review file, by form field (`evidence.<id>` → messages),
    /// plus those of no one field under "". Only this review is checked (with the application's self-report and
    /// evidence), so the problems are its own.
    func check(_ yaml: String, seat: ReviewSeat, language: LocalizedText.Language) throws -> [String: [String]] {
        let file = SourceFile(path: Self.filePath(seat.account.name), bytes: Array(yaml.utf8))
        let loaded = try workbench.assess(seat.application, reviews: [file], evaluation: true)
        let messages = workbench.pages.messages(language)
        var out: [String: [String]] = [:]
        for diagnostic in loaded.diagnostics where diagnostic.severity == .error {
            out[Self.field(of: diagnostic.path), default: []].append(messages.text(of: diagnostic))
        }
        return out
    }

    /// The form field a review file's key path stands for: `evidence.<id>` (and anything under it) → `evidence.<id>`;
    /// `ratings.` → `rating.`, `overrides.` → `override.`, `resolutions.` → `resolution.`; `comments`; else "".
    static func field(of path: String?) -> String {
        guard let path else { return "" }
        let sections = [("ratings.", "rating."), ("evidence.", "evidence."), ("overrides.", "override."), ("resolutions.", "resolution.")]
        for (section, field) in sections where path.hasPrefix(section) {
            var id = String(path.dropFirst(section.count))
            // `overrides.x.points`: the criterion id itself may hold dots, so only a known last key is cut.
            for tail in [".points", ".reason", ".level", ".comment", ".verdict"] where id.hasSuffix(tail) {
                id = String(id.dropLast(tail.count))
                break
            }
            return field + id
        }
        return path == "comments" ? "comments" : ""
    }
}
