import Foundation
import ParkScore
import ParkScoreDossier
import ParkScoreIO

/// What a batch does: which applications, against which scorecards, into which folder, in which formats.
public struct BatchOptions: Sendable {
    /// The folder of applications: each subfolder holds a self-report.yaml, its evidence and an optional reviews/.
    public var applications: String
    /// The output folder (created if missing).
    public var output: String
    /// Scorecards by built-in id or path; empty: each application's `applies_to`.
    public var scorecards: [String]
    /// Dossier formats written per application and scorecard; empty: rankings only.
    public var formats: [DossierFormat]
    public var language: LocalizedText.Language
    /// Workers; the output is the same whatever their number.
    public var jobs: Int
    public var evidenceLimit: Int

    public init(applications: String, output: String, scorecards: [String] = [], formats: [DossierFormat] = [.html, .json],
                language: LocalizedText.Language = .zh, jobs: Int = BatchOptions.defaultJobs,
                evidenceLimit: Int = EvidenceFolder.defaultMaxBytes) {
        self.applications = applications
        self.output = output
        self.scorecards = scorecards
        self.formats = formats
        self.language = language
        self.jobs = jobs
        self.evidenceLimit = evidenceLimit
    }

    /// One worker per core.
    public static var defaultJobs: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// At most this many workers.
    public static let maxJobs = 256
}
