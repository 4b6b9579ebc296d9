/// Everything the engine concluded about one park against one scorecard.
public struct ScoreResult: Sendable {
    public enum Verdict: String, Sendable, Hashable {
        /// Every "ineligible" gate passed.
        case eligible
        /// An "ineligible" gate failed: 不予认定.
        case ineligible
        /// No "ineligible" gate failed, but a gate lacks the data to decide (a cap gate too: missing data never beats
        /// a bad value), or, in evaluation, a gate's evidence is rejected, missing or fails its hash (待补正).
        case undetermined
    }

    public var scorecardID: String
    public var scorecardVersion: String
    public var scoringModel: ScoringModel
    public var mode: ScoringMode
    public var verdict: Verdict
    /// Out of 100, rounded half up to two decimals.
    public var total: Rational
    /// The band the total falls in, before any cap.
    public var gradeByPoints: GradeBand?
    /// The grade awarded: nil when the park is ineligible or the verdict is undetermined.
    public var grade: GradeBand?
    /// Gates whose failure capped the grade.
    public var cappedBy: [String]
    /// Whether the result may still change: self-rated or unrated judged criteria, missing gate data.
    public var isProvisional: Bool
    public var provisionalReasons: [ProvisionalReason]
    public var gates: [GateResult]
    public var dimensions: [DimensionResult]
    public var derived: [String: Value]
    public var missingData: [MissingFact]
    public var improvements: [Improvement]
    public var nextGrade: NextGradePath?
    /// Support the park or its tenants could claim, where the scorecard has incentives.
    public var support: [SupportEntitlement]
    /// In evaluation, what the park must supply (补正清单): each piece of evidence that is rejected, missing or fails its
    /// hash, or a required piece none is listed for, with the gates and criteria it leaves unsubstantiated.
    public var corrections: [CorrectionItem]
    /// Where exact arithmetic failed (numbers too large to compute exactly). Not empty: the result must not be used;
    /// the pipeline reports each as an error.
    public var arithmeticProblems: [ArithmeticProblem] = []

    /// Undetermined because a gate's evidence does not hold: the verdict reads 待补正.
    public var needsCorrection: Bool {
        verdict == .undetermined && gates.contains { $0.status == .unsubstantiated }
    }

    public var criteria: [CriterionResult] { dimensions.flatMap(\.criteria) }

    public func criterion(_ id: String) -> CriterionResult? { criteria.first { $0.id == id } }
    public func gate(_ id: String) -> GateResult? { gates.first { $0.id == id } }
}

public enum ScoringMode: String, Sendable, Hashable {
    /// A park's own assessment: judged criteria take its self-ratings, marked provisional.
    case selfAssessment = "self"
    /// An evaluator's scoring: judged criteria take the panel's ratings, and claims need their evidence.
    case evaluation
}

public enum ProvisionalReason: Sendable, Hashable {
    case selfRated([String])
    case pendingReview([String])
    case gateMissingData([String])
    /// Gates whose evidence does not hold (evaluation): the park must supply what the corrections list names.
    case gateUnsubstantiated([String])
    /// Only the preliminary check has been made: the panel has yet to score.
    case awaitingPanel
    /// Judged criteria the panel disagrees on and the chair has not resolved (待合议).
    case disagreement([String])
}

public struct GateResult: Sendable {
    public enum Status: String, Sendable, Hashable {
        case passed, failed, missingData = "missing-data"
        /// In evaluation: the condition holds on the park's figures, but the evidence behind them is rejected,
        /// missing or fails its hash. Neither passed nor failed.
        case unsubstantiated
    }

    public var id: String
    public var title: LocalizedText
    public var clause: Clause?
    /// Whether the text states the condition or the scorecard proposes it (printed beside the gate).
    public var basis: Gate.Basis
    public var effect: Gate.Effect
    public var status: Status
    /// The condition with the facts substituted, rendered when read.
    public var trace: ExpressionTrace
    public var explanation: String { trace.text }
    /// A problem evaluating the condition (such as a division by zero), which makes the gate fail.
    public var problem: Message?
    public var missingFacts: [String]
    public var evidence: EvidenceState
    /// In evaluation, why the evidence does not hold, when it does not.
    public var unsubstantiated: Unsubstantiated?
}

public enum CriterionStatus: String, Sendable, Hashable, CaseIterable {
    case met
    case partial
    case unmet
    case missingData = "missing-data"
    case pendingReview = "pending-review"
    case notApplicable = "not-applicable"
    /// In evaluation, the claim's evidence is rejected, missing or fails its hash: it earns nothing.
    case unsubstantiated
}

public struct CriterionResult: Sendable {
    public var id: String
    public var title: LocalizedText
    public var kind: String
    public var clause: Clause?
    public var status: CriterionStatus
    /// Points earned, of `maxPoints`, before weighting.
    public var points: Rational
    public var maxPoints: Rational
    /// What the criterion adds to the total out of 100, and the most it could add.
    public var contribution: Rational
    public var maxContribution: Rational
    /// How the points came about, step by step, with the values substituted.
    public var explanation: [ExplanationStep]
    /// The number a scale criterion measured.
    public var measured: Rational?
    /// The facts the criterion reads, and the facts it was scored against.
    public var factKeys: [String]
    public var environment: FactEnvironment
    /// The values the criterion read, by fact key (unknown for a missing fact).
    public var values: [String: Value] {
        var values: [String: Value] = [:]
        for key in factKeys { values[key] = environment.value(key) }
        return values
    }
    public var missingFacts: [String]
    /// Checklist items not present (their ids).
    public var unmetItems: [String]
    /// The rubric level that counted, for a judged criterion.
    public var level: Int?
    public var evidence: EvidenceState
    public var notApplicableJustification: String?
    /// Self-rated or otherwise open to change.
    public var isProvisional: Bool
    /// An evaluator's override of the computed points.
    public var override: OverrideRecord?
    /// In evaluation, why the evidence does not hold, when it does not.
    public var unsubstantiated: Unsubstantiated?
    /// In evaluation, the points withheld for want of evidence: what supplying it would restore (before weighting),
    /// and what that adds to the total.
    public var withheldPoints: Rational = .zero
    public var withheldContribution: Rational = .zero
}

/// Who changed a criterion's points, when, from what to what, and why.
public struct OverrideRecord: Sendable, Hashable {
    public var reviewer: String
    public var date: String
    public var old: Rational
    public var new: Rational
    public var reason: String

    public init(reviewer: String, date: String, old: Rational, new: Rational, reason: String) {
        self.reviewer = reviewer
        self.date = date
        self.old = old
        self.new = new
        self.reason = reason
    }
}

/// Evidence behind a gate or criterion.
public enum EvidenceState: Sendable, Hashable {
    /// The scorecard asks for none.
    case notRequired
    /// The self-report lists these documents for it (ids, with their file state where checked).
    case listed([EvidenceReference])
    /// Evidence is required and the self-report lists none.
    case missing

    public var isSatisfied: Bool {
        switch self {
        case .notRequired: return true
        case .missing: return false
        case .listed(let refs): return refs.contains { $0.state == nil || $0.state == .verified || $0.state == .unchecked }
        }
    }
}

public struct EvidenceReference: Sendable, Hashable {
    public var id: String
    public var state: EvidenceFileState?

    /// Counts as support outside an evaluation: not rejected, and its file is there (matching its sha256, where one
    /// was recorded).
    public var isAcceptable: Bool { state == nil || state == .verified || state == .unchecked }

    public init(id: String, state: EvidenceFileState?) {
        self.id = id
        self.state = state
    }
}

public struct DimensionResult: Sendable {
    public var id: String
    public var title: LocalizedText
    public var weight: Rational
    /// Points earned of the most points of the applicable criteria.
    public var points: Rational
    public var applicableMaxPoints: Rational
    /// The weighted score this dimension adds to the total, of `effectiveWeight`.
    public var score: Rational
    /// The weight after rescaling when some dimension is wholly not applicable.
    public var effectiveWeight: Rational
    public var isApplicable: Bool
    public var criteria: [CriterionResult]
}

/// A fact the scorecard needs and the self-report does not give, with who needs it.
public struct MissingFact: Sendable, Hashable {
    public var key: String
    /// Gate and criterion ids that read it.
    public var usedBy: [String]

    public init(key: String, usedBy: [String]) {
        self.key = key
        self.usedBy = usedBy
    }
}

/// One way to gain points. The list is ranked by effort first (entering missing data before changing the park), then by
/// the points it would add to the total.
public struct Improvement: Sendable, Hashable {
    /// How much work a step asks of the park, cheapest first. A step of a class costs more than any number of steps of
    /// the classes below it: that is how the next-grade path weighs them (see `NextGradePath`).
    public enum Effort: Int, Sendable, Hashable, Comparable, CaseIterable {
        /// Enter figures the park already has (补充数据): nothing in the park changes.
        case data = 1
        /// Supply documents for what the park already reports (补交证明材料): paperwork, nothing in the park changes.
        case evidence
        /// Have a judged criterion rated: self-rate it, or ask the panel. A procedural step, not a change to the park.
        case rating
        /// Change the park: make a condition hold, add checklist items, raise a value, answer an evaluator's reason.
        case change
        /// Win recognition from outside the park: a higher rubric level of a judged criterion (the levels tie to awards,
        /// titles, accreditation), or a criterion the scorecard marks `effort: recognition` (an accreditation, a
        /// designation). The slowest and least in the park's hands.
        case recognition

        public static func < (a: Effort, b: Effort) -> Bool { a.rawValue < b.rawValue }

        /// The identifier used in JSON.
        public var name: String {
            switch self {
            case .data: return "data"
            case .evidence: return "evidence"
            case .rating: return "rating"
            case .change: return "change"
            case .recognition: return "recognition"
            }
        }
    }

    public enum Action: Sendable, Hashable {
        /// Report these missing facts.
        case provideData([String])
        /// Make the condition hold.
        case meetCondition
        /// Raise (or lower) the value: what it is now, and where it reaches full points.
        case improveValue(current: Rational?, target: Rational?)
        /// Add these checklist items.
        case addItems([String])
        /// Reach this rubric level.
        case reachLevel(Int)
        /// Have the criterion rated.
        case getRated
        /// An evaluator set the points: address what the reason says.
        case addressOverride(reason: String)
        /// Supply the required evidence.
        case provideEvidence

        /// The effort class of the step, unless the scorecard states the class of the criterion's own steps
        /// (`Criterion.effort`).
        public var effort: Effort {
            switch self {
            case .provideData: return .data
            case .provideEvidence: return .evidence
            case .getRated: return .rating
            case .meetCondition, .improveValue, .addItems, .addressOverride: return .change
            case .reachLevel: return .recognition
            }
        }

        /// Whether the step is the criterion's own (meet, add, raise, reach a level): the steps whose class a scorecard
        /// may state. Entering data, supplying evidence, being rated and answering an evaluator keep their class.
        public var isCriterionStep: Bool {
            switch self {
            case .meetCondition, .improveValue, .addItems, .reachLevel: return true
            case .provideData, .provideEvidence, .getRated, .addressOverride: return false
            }
        }
    }

    public var criterionID: String
    public var title: LocalizedText
    public var dimensionID: String
    /// Points the total would gain at full marks on this criterion.
    public var gain: Rational
    public var action: Action
    /// How much work the step asks: the action's class, or for the criterion's own steps the class its scorecard states.
    public var effort: Effort
}

/// What stands between the park and the next grade up.
public struct NextGradePath: Sendable, Hashable {
    public var target: GradeBand
    /// Points the total is short of the band.
    public var pointsNeeded: Rational
    /// Gates that must pass first (failed or missing data), including caps below the target.
    public var blockingGates: [String]
    /// The cheapest set of improvements (criterion ids) whose full marks close the gap, in the improvement list's order
    /// (cheapest class first, then larger gains). Cheapest: fewest steps of the costliest class, then fewest of the next
    /// class down, and so on to data entries; a step of a class costs more than any number of cheaper steps. Empty when
    /// no points are needed or the gap cannot be closed.
    public var criteria: [String]
    /// Whether every improvement together could close the gap; false: the band is out of reach on points.
    public var isReachable: Bool
}

/// Who rejected a piece of evidence, when, and why.
public struct EvidenceRejection: Sendable, Hashable {
    public var by: String
    public var date: String
    public var reason: String

    public init(by: String, date: String, reason: String) {
        self.by = by
        self.date = date
        self.reason = reason
    }
}

/// What is wrong with the evidence behind a gate or criterion.
public struct EvidenceProblem: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case rejected(by: String, reason: String)
        case fileMissing
        case hashMismatch
        case outsideFolder
        /// In evaluation: no sha256 was recorded to check the file against, and no reviewer accepted it.
        case unverified
        /// The path names a folder, a FIFO or a device.
        case notAFile
        /// The file is larger than the evidence size limit.
        case tooLarge
        /// Evidence is required and the self-report lists none: what the scorecard asks for.
        case noneListed(required: LocalizedText?)
    }

    /// The evidence id; nil for `noneListed`.
    public var evidenceID: String?
    public var title: String?
    public var kind: Kind

    public init(evidenceID: String?, title: String?, kind: Kind) {
        self.evidenceID = evidenceID
        self.title = title
        self.kind = kind
    }
}

/// Why a gate or criterion is unsubstantiated: the facts it reads that no acceptable evidence supports, and each
/// problem with the evidence.
public struct Unsubstantiated: Sendable, Hashable {
    public var facts: [String]
    public var problems: [EvidenceProblem]

    public init(facts: [String], problems: [EvidenceProblem]) {
        self.facts = facts
        self.problems = problems
    }
}

/// One line of the corrections list (补正清单): what to supply, and what it holds up.
public struct CorrectionItem: Sendable, Hashable {
    public var problem: EvidenceProblem
    /// Gate and criterion ids it leaves unsubstantiated.
    public var affects: [String]

    public init(problem: EvidenceProblem, affects: [String]) {
        self.problem = problem
        self.affects = affects
    }
}

/// A computation that exact arithmetic could not carry out: where (a gate, criterion, support measure, or one of the
/// sums `ArithmeticProblem.weights`, `.total`, `.nextGrade`) and the operation, with its numbers (`9000 × 9000`).
public struct ArithmeticProblem: Sendable, Hashable {
    public var subject: String
    public var operation: String

    /// The sum of the applicable dimensions' weights.
    public static let weights = "weights"
    /// The sum of the dimension scores.
    public static let total = "total"
    /// The points to the next grade band and the cheapest steps to it.
    public static let nextGrade = "next grade"

    public init(subject: String, operation: String) {
        self.subject = subject
        self.operation = operation
    }

    /// `engine.too-large`: the subject's id and the operation; the sums by codes of their own.
    public var message: Message {
        switch subject {
        case Self.weights: return Message("engine.too-large.weights", operation)
        case Self.total: return Message("engine.too-large.total", operation)
        case Self.nextGrade: return Message("engine.too-large.next-grade", operation)
        default: return Message("engine.too-large", subject, operation)
        }
    }
}
