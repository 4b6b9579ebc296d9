import Foundation
import ParkScore

/// The JSON form of a score result (`parkscore score --format json`): versioned by `schemaVersion`,
/// keys sorted, numbers rounded to two decimals, unknown values as null.
public struct ResultDocument: Encodable {
    public static let schemaVersion = 1

    let schemaVersion = ResultDocument.schemaVersion
    let scorecard: ScorecardRef
    let park: ParkRef
    let period: ReportingPeriodRef
    let mode: String
    let scoringModel: String
    let verdict: String
    let total: JSONNumber
    let grade: GradeRef?
    let gradeByPoints: GradeRef?
    let cappedBy: [String]
    let provisional: Bool
    let provisionalReasons: [String]
    let gates: [GateRef]
    let dimensions: [DimensionRef]
    let derived: [String: JSONValue]
    let missingData: [MissingRef]
    let improvements: [ImprovementRef]
    let nextGrade: NextGradeRef?
    let support: [SupportRef]
    /// Self, preliminary and panel scores side by side, in evaluation.
    public var stages: StagesRef?

    /// `language` is the language of the explanation steps; titles carry both languages.
    public init(result: ScoreResult, scorecard: Scorecard, report: SelfReport, language: LocalizedText.Language = .zh) {
        self.scorecard = ScorecardRef(id: scorecard.id, version: scorecard.version, title: Localized(scorecard.title),
                                      source: scorecard.source.file)
        park = ParkRef(id: report.park.id, name: report.park.name, nameEn: report.park.nameEn, jurisdiction: report.park.jurisdiction)
        period = ReportingPeriodRef(from: report.period.from, to: report.period.to)
        mode = result.mode.rawValue
        scoringModel = result.scoringModel.rawValue
        verdict = result.verdict.rawValue
        total = JSONNumber(result.total)
        grade = result.grade.map(GradeRef.init)
        gradeByPoints = result.gradeByPoints.map(GradeRef.init)
        cappedBy = result.cappedBy
        provisional = result.isProvisional
        provisionalReasons = result.provisionalReasons.map { reason in
            switch reason {
            case .selfRated(let ids): return "self-rated: " + ids.joined(separator: ", ")
            case .pendingReview(let ids): return "pending review: " + ids.joined(separator: ", ")
            case .gateMissingData(let ids): return "gate missing data: " + ids.joined(separator: ", ")
            }
        }
        gates = result.gates.map(GateRef.init)
        dimensions = result.dimensions.map { DimensionRef($0, language: language) }
        derived = result.derived.mapValues(JSONValue.init)
        missingData = result.missingData.map { MissingRef(fact: $0.key, usedBy: $0.usedBy) }
        improvements = result.improvements.map(ImprovementRef.init)
        nextGrade = result.nextGrade.map(NextGradeRef.init)
        support = result.support.map { SupportRef($0, language: language) }
    }

    /// Pretty-printed, sorted-key JSON text ending in a newline.
    public func encoded() -> String {
        Self.encode(self)
    }

    /// Several results as one JSON array.
    public static func encoded(_ documents: [ResultDocument]) -> String {
        encode(documents)
    }

    private static func encode(_ value: some Encodable) -> String {
        JSONText.encode(value)
    }
}

/// Pretty-printed JSON with sorted keys and a final newline: the same bytes for the same value.
public enum JSONText {
    public static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("null".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

/// A number written with at most two decimals, exactly (never through floating point).
public struct JSONNumber: Encodable {
    let value: Decimal

    public init(_ r: Rational, places: Int = 2) {
        value = Decimal(string: r.formatted(places: places)) ?? 0
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(value)
    }
}

enum JSONValue: Encodable {
    case null, bool(Bool), number(JSONNumber), string(String), list([JSONValue])

    init(_ value: Value) {
        switch value {
        case .number(let n): self = .number(JSONNumber(n, places: 4))
        case .bool(let b): self = .bool(b)
        case .text(let s), .date(let s): self = .string(s)
        case .list(let items): self = .list(items.map(JSONValue.init))
        case .unknown, .error: self = .null
        }
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .bool(let b): try c.encode(b)
        case .number(let n): try c.encode(n)
        case .string(let s): try c.encode(s)
        case .list(let l): try c.encode(l)
        }
    }
}

struct Localized: Encodable {
    let zh: String
    let en: String?

    init(_ text: LocalizedText) {
        zh = text.zh
        en = text.en
    }
}

struct ScorecardRef: Encodable {
    let id: String
    let version: String
    let title: Localized
    let source: String
}

struct ParkRef: Encodable {
    let id: String?
    let name: String
    let nameEn: String?
    let jurisdiction: String?
}

struct ReportingPeriodRef: Encodable {
    let from: String
    let to: String
}

struct GradeRef: Encodable {
    let id: String
    let title: Localized
    let min: JSONNumber
    let max: JSONNumber

    init(_ band: GradeBand) {
        id = band.id
        title = Localized(band.title)
        min = JSONNumber(band.min)
        max = JSONNumber(band.max)
    }
}

struct ClauseRef: Encodable {
    let ref: String
    let quote: String

    init?(_ clause: Clause?) {
        guard let clause else { return nil }
        ref = clause.ref
        quote = clause.quote
    }
}

struct EvidenceRef: Encodable {
    let state: String
    let items: [EvidenceItemRef]

    struct EvidenceItemRef: Encodable {
        let id: String
        let file: String?
    }

    init(_ state: EvidenceState) {
        switch state {
        case .notRequired:
            self.state = "not-required"
            items = []
        case .missing:
            self.state = "missing"
            items = []
        case .listed(let refs):
            self.state = "listed"
            items = refs.map { EvidenceItemRef(id: $0.id, file: $0.state?.rawValue) }
        }
    }
}

struct GateRef: Encodable {
    let id: String
    let title: Localized
    let clause: ClauseRef?
    let effect: String
    let status: String
    let explanation: String
    let problem: String?
    let missingFacts: [String]
    let evidence: EvidenceRef

    init(_ gate: GateResult) {
        id = gate.id
        title = Localized(gate.title)
        clause = ClauseRef(gate.clause)
        switch gate.effect {
        case .ineligible: effect = "ineligible"
        case .capGrade(let band): effect = "cap:\(band)"
        }
        status = gate.status.rawValue
        explanation = gate.explanation
        problem = gate.problem
        missingFacts = gate.missingFacts
        evidence = EvidenceRef(gate.evidence)
    }
}

struct CriterionRef: Encodable {
    let id: String
    let title: Localized
    let kind: String
    let clause: ClauseRef?
    let status: String
    let points: JSONNumber
    let maxPoints: JSONNumber
    let contribution: JSONNumber
    let maxContribution: JSONNumber
    let explanation: [String]
    let measured: JSONNumber?
    let values: [String: JSONValue]
    let missingFacts: [String]
    let level: Int?
    let evidence: EvidenceRef
    let notApplicable: String?
    let provisional: Bool

    init(_ c: CriterionResult, language: LocalizedText.Language) {
        id = c.id
        title = Localized(c.title)
        kind = c.kind
        clause = ClauseRef(c.clause)
        status = c.status.rawValue
        points = JSONNumber(c.points)
        maxPoints = JSONNumber(c.maxPoints)
        contribution = JSONNumber(c.contribution)
        maxContribution = JSONNumber(c.maxContribution)
        explanation = c.explanation.map { $0.text(language) }
        measured = c.measured.map { JSONNumber($0, places: 4) }
        values = c.values.mapValues(JSONValue.init)
        missingFacts = c.missingFacts
        level = c.level
        evidence = EvidenceRef(c.evidence)
        notApplicable = c.notApplicableJustification
        provisional = c.isProvisional
    }
}

struct DimensionRef: Encodable {
    let id: String
    let title: Localized
    let weight: JSONNumber
    let effectiveWeight: JSONNumber
    let points: JSONNumber
    let maxPoints: JSONNumber
    let score: JSONNumber
    let applicable: Bool
    let criteria: [CriterionRef]

    init(_ d: DimensionResult, language: LocalizedText.Language) {
        id = d.id
        title = Localized(d.title)
        weight = JSONNumber(d.weight)
        effectiveWeight = JSONNumber(d.effectiveWeight)
        points = JSONNumber(d.points)
        maxPoints = JSONNumber(d.applicableMaxPoints)
        score = JSONNumber(d.score)
        applicable = d.isApplicable
        criteria = d.criteria.map { CriterionRef($0, language: language) }
    }
}

struct MissingRef: Encodable {
    let fact: String
    let usedBy: [String]
}

struct ImprovementRef: Encodable {
    let criterion: String
    let dimension: String
    let gain: JSONNumber
    let action: String
    let facts: [String]?
    let items: [String]?
    let level: Int?
    let current: JSONNumber?
    let target: JSONNumber?

    init(_ i: Improvement) {
        criterion = i.criterionID
        dimension = i.dimensionID
        gain = JSONNumber(i.gain)
        var facts: [String]?, items: [String]?, level: Int?, current: JSONNumber?, target: JSONNumber?
        switch i.action {
        case .provideData(let f):
            action = "provide-data"
            facts = f
        case .meetCondition: action = "meet-condition"
        case .improveValue(let c, let t):
            action = "improve-value"
            current = c.map { JSONNumber($0, places: 4) }
            target = t.map { JSONNumber($0, places: 4) }
        case .addItems(let ids):
            action = "add-items"
            items = ids
        case .reachLevel(let l):
            action = "reach-level"
            level = l
        case .getRated: action = "get-rated"
        case .provideEvidence: action = "provide-evidence"
        }
        self.facts = facts
        self.items = items
        self.level = level
        self.current = current
        self.target = target
    }
}

/// The stages of an evaluation: each stage's total and grade, the panel's ratings, and the overrides.
public struct StagesRef: Encodable {
    struct Stage: Encodable {
        let stage: String
        let verdict: String
        let total: JSONNumber
        let grade: String?
        let provisional: Bool
    }

    struct Rating: Encodable {
        let criterion: String
        let levels: [String: Int]
        let counted: [Int]
        let aggregation: String
        let level: JSONNumber
        let points: JSONNumber
        let disagreement: Bool
    }

    struct Override: Encodable {
        let stage: String
        let criterion: String
        let reviewer: String
        let date: String
        let old: JSONNumber
        let new: JSONNumber
        let reason: String
    }

    let stages: [Stage]
    let panelRatings: [Rating]
    let overrides: [Override]

    public init(_ staged: StagedResult) {
        let named: [(String, ScoreResult?)] = [("self", staged.selfAssessment), ("preliminary", staged.preliminary), ("panel", staged.panel)]
        stages = named.compactMap { name, result in
            result.map { Stage(stage: name, verdict: $0.verdict.rawValue, total: JSONNumber($0.total), grade: $0.grade?.id, provisional: $0.isProvisional) }
        }
        panelRatings = staged.panelRatings.map { r in
            Rating(criterion: r.criterionID, levels: Dictionary(r.levels.map { ($0.reviewer, $0.level) }, uniquingKeysWith: { a, _ in a }),
                   counted: r.counted, aggregation: r.aggregation.rawValue, level: JSONNumber(r.level), points: JSONNumber(r.points),
                   disagreement: r.disagreement)
        }
        overrides = named.flatMap { name, result in
            (result?.criteria ?? []).compactMap { c in
                c.override.map { Override(stage: name, criterion: c.id, reviewer: $0.reviewer, date: $0.date, old: JSONNumber($0.old),
                                          new: JSONNumber($0.new), reason: $0.reason) }
            }
        }
    }
}

/// An entitlement; amounts in yuan with two decimals.
struct SupportRef: Encodable {
    let id: String
    let title: Localized
    let clause: ClauseRef?
    let beneficiary: String
    let status: String
    let perPeriod: JSONNumber?
    let period: String
    let periods: Int
    let total: JSONNumber?
    let ceiling: Bool
    let missingFacts: [String]
    let explanation: [String]

    init(_ s: SupportEntitlement, language: LocalizedText.Language) {
        id = s.id
        title = Localized(s.title)
        clause = ClauseRef(s.clause)
        beneficiary = s.beneficiary.rawValue
        status = s.status.rawValue
        perPeriod = s.perPeriod.map { JSONNumber($0) }
        period = s.period.rawValue
        periods = s.periods
        total = s.total.map { JSONNumber($0) }
        ceiling = s.isCeiling
        missingFacts = s.missingFacts
        explanation = s.explanation.map { $0.text(language) }
    }
}

struct NextGradeRef: Encodable {
    let target: GradeRef
    let pointsNeeded: JSONNumber
    let blockingGates: [String]
    let criteria: [String]
    let reachable: Bool

    init(_ n: NextGradePath) {
        target = GradeRef(n.target)
        pointsNeeded = JSONNumber(n.pointsNeeded)
        blockingGates = n.blockingGates
        criteria = n.criteria
        reachable = n.isReachable
    }
}
