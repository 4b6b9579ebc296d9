import ParkScore

/// Everything one application came to: the self-report as read, what checking its evidence found, its reviews, and one
/// result per scorecard. Self-contained: renderers need nothing else (no file, no clock).
public struct Assessment: Sendable {
    public let report: SelfReport
    public let dictionary: FactDictionary
    public let mode: ScoringMode
    /// What checking each evidence file found, by evidence id.
    public let evidence: EvidenceReport
    /// The reviews that were read, in the order given.
    public let reviews: [Review]
    /// One per scorecard, in the order they were named (`--scorecard`, else `applies_to`).
    public let results: [ScorecardAssessment]
    /// The self-report's fingerprint: the sha256 of the very bytes that were parsed and scored.
    public let reportFingerprint: InputFingerprint
}

/// One application against one scorecard: the final result, every stage of an evaluation, and all a dossier shows.
public struct ScorecardAssessment: Sendable {
    public let report: SelfReport
    public let dictionary: FactDictionary
    public let scorecard: Scorecard
    public let scorecardFingerprint: InputFingerprint
    /// The final result: the panel's, else the preliminary check's, else the park's own.
    public let result: ScoreResult
    /// Every stage and every reviewer's findings, in evaluation.
    public let staged: StagedResult?
    /// The evidence files as checked, by evidence id.
    public let evidence: [String: EvidenceFileCheck]
    /// The document's date: `--date`, else (evaluation) the latest review's date, else the report's date, else the
    /// end of its period. Never the clock.
    public let date: String
    public let toolVersion: String
    /// Every input by name with its sha256, in a fixed order: self-report, fact dictionary, scorecard, evidence, reviews.
    public let inputs: [InputFingerprint]

    public var mode: ScoringMode { result.mode }

    /// The evidence decision in force for an item, in evaluation.
    public func decision(_ evidenceID: String) -> EvidenceDecision? { staged?.evidenceDecisions[evidenceID] }
}

/// The version of parkscore, as the audit appendix states it.
public enum ParkScoreVersion {
    public static let current = "0.2.0"
}
