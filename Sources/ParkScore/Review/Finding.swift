/// One thing one reviewer said — a verdict on a piece of evidence, an override, a rating, a chair's resolution or a
/// comment — and where it stands at the end of the evaluation. Nothing a reviewer writes is dropped: every statement
/// of every review becomes a finding, and the dossier lists them all.
public struct Finding: Sendable, Hashable {
    public enum Subject: Sendable, Hashable {
        /// A piece of evidence, by id.
        case evidence(String)
        /// A criterion, by id.
        case criterion(String)
        /// The application as a whole (a review's general comments).
        case application
    }

    public enum Statement: Sendable, Hashable {
        case accepted
        case rejected
        case override(points: Rational)
        case rating(level: Int)
        case resolution(level: Int)
        case comment
    }

    public enum Standing: Sendable, Hashable {
        /// The stage's decision, and still in force at the end.
        case inForce
        /// One panel member's finding that the panel did not adopt: no chair's record, no majority.
        case memberOnly
        /// One panel member's finding that agrees with the decision in force (made at an earlier stage).
        case concurs
        /// The finding of a majority of the panel, which the chair decided otherwise.
        case overruledByChair
        /// An acceptance of a file that is missing or fails its hash: a verdict cannot cure the file.
        case fileProblem
        /// Two findings of the same stage on the same day disagree: the stricter one (the rejection, the lower points)
        /// stands, and this one does not.
        case sameDayConflict
        /// A decision that a later stage reversed; by whom.
        case reversed(by: [String])
        /// Replaced by a later finding of the same stage.
        case superseded
        /// Counted in the stage's aggregate (ratings), or on record (comments).
        case recorded
        /// A panel decision that would reverse an earlier stage's finding but gives no reason, so the earlier
        /// finding stays in force.
        case reversalWithoutReason
    }

    public var stage: EvaluationStage
    public var reviewer: Review.Reviewer
    public var date: String
    public var subject: Subject
    public var statement: Statement
    /// The reason or comment that came with it.
    public var text: String?
    public var standing: Standing

    public init(stage: EvaluationStage, reviewer: Review.Reviewer, date: String, subject: Subject, statement: Statement,
                text: String?, standing: Standing) {
        self.stage = stage
        self.reviewer = reviewer
        self.date = date
        self.subject = subject
        self.statement = statement
        self.text = text
        self.standing = standing
    }
}

/// A decision on a piece of evidence that is in force at the end of the evaluation: accepted or rejected, at which
/// stage, by whom (the chair, a majority of the panel, or the preliminary reviewer), when and why.
public struct EvidenceDecision: Sendable, Hashable {
    public var evidenceID: String
    public var accepted: Bool
    public var stage: EvaluationStage
    public var by: [Review.Reviewer]
    public var date: String
    public var reason: String?

    public init(evidenceID: String, accepted: Bool, stage: EvaluationStage, by: [Review.Reviewer], date: String, reason: String?) {
        self.evidenceID = evidenceID
        self.accepted = accepted
        self.stage = stage
        self.by = by
        self.date = date
        self.reason = reason
    }

    /// Who decided, as a reader wants it: names joined.
    public var byNames: String { by.map(\.name).joined(separator: " / ") }
}

/// The chair's settlement of a judged criterion: the level that replaces the panel's aggregate, beside it, with the reason.
public struct ResolutionRecord: Sendable, Hashable {
    public var criterionID: String
    public var chair: Review.Reviewer
    public var date: String
    public var level: Int
    public var points: Rational
    /// The panel's aggregate level it replaces, when the panel rated the criterion.
    public var aggregate: Rational?
    public var reason: String

    public init(criterionID: String, chair: Review.Reviewer, date: String, level: Int, points: Rational, aggregate: Rational?,
                reason: String) {
        self.criterionID = criterionID
        self.chair = chair
        self.date = date
        self.level = level
        self.points = points
        self.aggregate = aggregate
        self.reason = reason
    }
}
