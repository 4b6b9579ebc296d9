import Foundation
import GRDB
import ParkScore
import ParkScoreIO

/// An application as the assessment pipeline takes it: the stored self-report YAML as `self-report.yaml`, its
/// evidence as the stored files, and the review files given. The CLI, batch and every page of the workbench score
/// through this and `AssessmentPipeline`, so they cannot disagree.
extension Workbench {
    public func evidence(of applicationID: Int64) throws -> [EvidenceRecord] {
        try store.database.read { db in
            try EvidenceRecord.filter(Column("applicationID") == applicationID).order(Column("evidenceID")).fetchAll(db)
        }
    }

    /// The pipeline's input for `application` with `reviews` (review YAML files, in the order to read them).
    public func input(of application: ApplicationRecord, reviews: [SourceFile] = []) throws -> ApplicationInput {
        guard let id = application.id else { throw WorkbenchError.notStored }
        let files = try evidence(of: id)
        var paths: [String: String] = [:]
        for file in files { paths[file.path] = file.sha256 }
        return ApplicationInput(selfReport: SourceFile(path: "self-report.yaml", bytes: Array(application.selfReport.utf8)),
                                reviews: reviews, evidence: StoredEvidence(blobs: store.blobs, files: paths))
    }

    /// `application` assessed against its scorecard, with `reviews`, in evaluation when `evaluation` (or when there
    /// are reviews).
    public func assess(_ application: ApplicationRecord, reviews: [SourceFile] = [], evaluation: Bool = false) throws -> Loaded<Assessment> {
        let input = try input(of: application, reviews: reviews)
        let options = AssessmentOptions(scorecards: [application.scorecardID], mode: evaluation ? .evaluation : .selfAssessment)
        return pipeline.assess(input, options: options)
    }
}

public enum WorkbenchError: Error, Sendable {
    case notStored
}
