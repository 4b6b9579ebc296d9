import Foundation
import ParkScore

/// The JSON form of a score result (`parkscore score --format json`): versioned by `schemaVersion`,
/// keys sorted, numbers rounded to two decimals, unknown values as null.
public struct ResultDocument: Encodable {
    public static let schemaVersion = 2

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
    let corrections: [CorrectionRef]
    /// Self, preliminary and panel scores side by side, every reviewer's finding, in evaluation.
    public var stages: StagesRef?

    /// The JSON of one assessment: the final result, and in evaluation its stages and findings.
    public init(_ assessment: ScorecardAssessment, messages: Messages, texts: ExplanationTexts? = nil) {
        let texts = texts.flatMap { $0.language == messages.language ? $0 : nil }
            ?? ExplanationTexts(assessment.result, scorecard: assessment.scorecard, dictionary: assessment.dictionary, messages: messages)
        self.init(result: assessment.result, scorecard: assessment.scorecard, report: assessment.report, messages: messages, texts: texts)
        stages = assessment.staged.map { StagesRef($0, report: assessment.report, messages: messages) }
    }

    /// `messages` words the explanation steps, in its language; titles carry both languages.
    /// `texts`, when given, are the result's explanations already worded in that language (a dossier words them once for
    /// all its formats).
    public init(result: ScoreResult, scorecard: Scorecard, report: SelfReport, messages: Messages,
                texts: ExplanationTexts? = nil) {
        let language = messages.language
        let texts = texts.flatMap { $0.language == language ? $0 : nil } ?? ExplanationTexts(result, messages: messages)
        self.scorecard = ScorecardRef(id: scorecard.id, version: scorecard.version, title: Localized(scorecard.title),
                                      source: SourceRef(title: scorecard.source.title,
                                                        issuer: Localized(scorecard.source.issuer ?? scorecard.source.jurisdiction),
                                                        file: scorecard.source.file))
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
            case .selfRated(let ids): return messages("document.provisional.self_rated", ["ids": messages.list(ids)])
            case .pendingReview(let ids): return messages("document.provisional.pending_review", ["ids": messages.list(ids)])
            case .gateMissingData(let ids): return messages("document.provisional.gate_missing_data", ["ids": messages.list(ids)])
            case .gateUnsubstantiated(let ids): return messages("document.provisional.gate_unsubstantiated", ["ids": messages.list(ids)])
            case .disagreement(let ids): return messages("document.provisional.disagreement", ["ids": messages.list(ids)])
            case .awaitingPanel: return messages("document.provisional.awaiting_panel")
            }
        }
        gates = result.gates.indices.map { i in
            GateRef(result.gates[i], explanation: texts.gates[i], plain: texts.plainGates?[i], messages: messages)
        }
        dimensions = result.dimensions.indices.map { d in
            DimensionRef(result.dimensions[d], explanations: texts.criteria[d], plain: texts.plainCriteria?[d], messages: messages)
        }
        derived = result.derived.mapValues(JSONValue.init)
        missingData = result.missingData.map { MissingRef(fact: $0.key, usedBy: $0.usedBy) }
        improvements = result.improvements.map(ImprovementRef.init)
        nextGrade = result.nextGrade.map(NextGradeRef.init)
        support = result.support.map { SupportRef($0, messages: messages) }
        corrections = result.corrections.map { CorrectionRef($0, messages: messages) }
    }

    /// Pretty-printed, sorted-key JSON text ending in a newline.
    public func encoded() -> String {
        String(decoding: JSONText.bytes(writing: self), as: UTF8.self)
    }

    /// Several results as one JSON array.
    public static func encoded(_ documents: [ResultDocument]) -> String {
        String(decoding: JSONText.bytes(writing: documents, capacity: 16384 * Swift.max(documents.count, 1)), as: UTF8.self)
    }
}

/// Pretty-printed JSON with sorted keys and a final newline: the same bytes for the same value.
///
/// Written by our own encoder (Output/JSON/), byte for byte what Foundation's `JSONEncoder` writes with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]` (the differential tests hold the two side by side), several
/// times faster. A value JSONEncoder would refuse (a NaN, containers 512 deep, nothing encoded) is `null`.
public enum JSONText {
    /// A string as a JSON string literal, quoted and escaped as the encoder writes it (for documents written a row at
    /// a time).
    public static func quoted(_ text: String) -> String {
        var writer = JSONWriter(capacity: text.utf8.count + 2)
        writer.writeString(text)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    public static func encode(_ value: some Encodable) -> String {
        String(decoding: bytes(value), as: UTF8.self)
    }

    /// The UTF-8 bytes of `encode(_:)`, final newline included. A value that writes itself (`JSONWritable`: the result
    /// and dossier documents) is written directly, the rest through `Swift.Encoder`.
    public static func bytes(_ value: some Encodable) -> [UInt8] {
        if let writable = value as? any JSONWritable { return bytes(writing: writable) }
        return treeBytes(value)
    }

    /// The bytes of a value that writes itself, without `Swift.Encoder`.
    package static func bytes(writing value: some JSONWritable, capacity: Int = 16384) -> [UInt8] {
        var writer = JSONWriter(capacity: capacity)
        value.write(to: &writer)
        if writer.tooDeep { return Array("null\n".utf8) }
        var bytes = writer.bytes
        bytes.append(UInt8(ascii: "\n"))
        return bytes
    }

    /// The bytes through `Swift.Encoder` (`JSONTreeEncoder`), even for a value that writes itself: what the direct path
    /// is held to.
    package static func treeBytes(_ value: some Encodable) -> [UInt8] {
        var writer = JSONWriter()
        do {
            let encoder = JSONTreeEncoder()
            guard let root = try rootNode(value, encoder: encoder) else { return Array("null\n".utf8) }
            try writer.write(root)
        } catch {
            return Array("null\n".utf8)
        }
        var bytes = writer.bytes
        bytes.append(UInt8(ascii: "\n"))
        return bytes
    }

    private static func rootNode<T: Encodable>(_ value: T, encoder: JSONTreeEncoder) throws -> JSONNode? {
        if T.self == String.self || T.self == Int.self || T.self == Bool.self || T.self == JSONNumber.self || T.self == Decimal.self
            || T.self == URL.self || T.self == Data.self || T.self == Double.self || T.self == Float.self {
            return try encoder.wrap(value, key: nil)
        }
        try value.encode(to: encoder)
        return encoder.value
    }
}

/// A number written with at most `places` decimals, exactly (never through floating point): the digits JSONEncoder
/// wrote for `Decimal(string: r.formatted(places:))`, found from the text itself (`JSONNumberText`).
public struct JSONNumber: Encodable {
    /// `Rational.formatted(places:)`.
    let text: String
    /// What the JSON shows.
    public let digits: String

    public init(_ r: Rational, places: Int = 2) {
        if let text = JSONNumberText.formatted(r, places: places) {
            // At most 24 significant digits, written canonically: the digits are the text itself.
            self.text = text
            digits = text
        } else {
            text = r.formatted(places: places)
            digits = JSONNumberText.digits(text)
        }
    }

    public func encode(to encoder: Encoder) throws {
        if let tree = encoder as? JSONTreeEncoder {
            tree.set(.number(digits))
            return
        }
        // Any other encoder (Foundation's JSONEncoder, the tests' reference): the number as the Decimal it always was.
        var c = encoder.singleValueContainer()
        try c.encode(Decimal(string: text) ?? 0)
    }
}

enum JSONValue: Encodable {
    case null, bool(Bool), number(JSONNumber), string(String), list([JSONValue])
    /// A record's fields in key order (`JSONKeyOrder`); a field not given is left out.
    case object([(key: String, value: JSONValue)])

    init(_ value: Value) {
        switch value {
        case .number(let n): self = .number(JSONNumber(n, places: 4))
        case .bool(let b): self = .bool(b)
        case .text(let s), .date(let s): self = .string(s)
        case .list(let items): self = .list(items.map(JSONValue.init))
        case .record(let fields):
            self = .object(fields.filter { $0.value.isKnown }.sorted { JSONKeyOrder.less($0.key, $1.key) }
                .map { (key: $0.key, value: JSONValue($0.value)) })
        case .unknown, .error: self = .null
        }
    }

    private struct FieldKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: Encoder) throws {
        if case .object(let fields) = self {
            var c = encoder.container(keyedBy: FieldKey.self)
            for field in fields { try c.encode(field.value, forKey: FieldKey(stringValue: field.key)) }
            return
        }
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .bool(let b): try c.encode(b)
        case .number(let n): try c.encode(n)
        case .string(let s): try c.encode(s)
        case .list(let l): try c.encode(l)
        case .object: break
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
    let source: SourceRef
}

/// The policy text: its title and issuer, and the file name in the seeds folder.
struct SourceRef: Encodable {
    let title: String
    let issuer: Localized
    let file: String
}

/// Why a gate or criterion is unsubstantiated, and each line of the corrections list.
struct ProblemRef: Encodable {
    let evidence: String?
    let title: String?
    let problem: String
    let reviewer: String?
    let reason: String?
    let text: String

    init(_ p: EvidenceProblem, messages: Messages) {
        evidence = p.evidenceID
        title = p.title
        var reviewer: String?, reason: String?
        switch p.kind {
        case .rejected(let by, let why):
            problem = "rejected"
            reviewer = by
            reason = why
        case .fileMissing: problem = "file-missing"
        case .hashMismatch: problem = "hash-mismatch"
        case .outsideFolder: problem = "outside-folder"
        case .unverified: problem = "unverified"
        case .notAFile: problem = "not-a-file"
        case .tooLarge: problem = "too-large"
        case .noneListed: problem = "none-listed"
        }
        self.reviewer = reviewer
        self.reason = reason
        text = p.text(messages)
    }
}

struct UnsubstantiatedRef: Encodable {
    let facts: [String]
    let problems: [ProblemRef]

    init?(_ u: Unsubstantiated?, messages: Messages) {
        guard let u else { return nil }
        facts = u.facts
        problems = u.problems.map { ProblemRef($0, messages: messages) }
    }
}

struct CorrectionRef: Encodable {
    let problem: ProblemRef
    let affects: [String]

    init(_ item: CorrectionItem, messages: Messages) {
        problem = ProblemRef(item.problem, messages: messages)
        affects = item.affects
    }
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
    /// "text" or "proposal": whether the text states the condition or the scorecard proposes it.
    let basis: String
    let effect: String
    let status: String
    /// The exact formula with the facts substituted, for auditors.
    let explanation: String
    /// The same in plain language: the facts by title, with units, and the verdict.
    let plain: String?
    let problem: String?
    let missingFacts: [String]
    let evidence: EvidenceRef
    let unsubstantiated: UnsubstantiatedRef?

    init(_ gate: GateResult, explanation: String, plain: String?, messages: Messages) {
        self.plain = plain
        id = gate.id
        title = Localized(gate.title)
        clause = ClauseRef(gate.clause)
        basis = gate.basis.rawValue
        switch gate.effect {
        case .ineligible: effect = "ineligible"
        case .capGrade(let band): effect = "cap:\(band)"
        }
        status = gate.status.rawValue
        self.explanation = explanation
        problem = gate.problem?.description
        missingFacts = gate.missingFacts
        evidence = EvidenceRef(gate.evidence)
        unsubstantiated = UnsubstantiatedRef(gate.unsubstantiated, messages: messages)
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
    /// The exact steps, formulas with the facts substituted, for auditors.
    let explanation: [String]
    /// The same steps in plain language.
    let plain: [String]?
    let measured: JSONNumber?
    let values: [String: JSONValue]
    let missingFacts: [String]
    let level: Int?
    let evidence: EvidenceRef
    let notApplicable: String?
    let provisional: Bool
    let unsubstantiated: UnsubstantiatedRef?

    init(_ c: CriterionResult, explanation: [String], plain: [String]?, messages: Messages) {
        self.plain = plain
        id = c.id
        title = Localized(c.title)
        kind = c.kind
        clause = ClauseRef(c.clause)
        status = c.status.rawValue
        points = JSONNumber(c.points)
        maxPoints = JSONNumber(c.maxPoints)
        contribution = JSONNumber(c.contribution)
        maxContribution = JSONNumber(c.maxContribution)
        self.explanation = explanation
        measured = c.measured.map { JSONNumber($0, places: 4) }
        values = c.values.mapValues(JSONValue.init)
        missingFacts = c.missingFacts
        level = c.level
        evidence = EvidenceRef(c.evidence)
        notApplicable = c.notApplicableJustification
        provisional = c.isProvisional
        unsubstantiated = UnsubstantiatedRef(c.unsubstantiated, messages: messages)
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

    init(_ d: DimensionResult, explanations: [[String]], plain: [[String]]?, messages: Messages) {
        id = d.id
        title = Localized(d.title)
        weight = JSONNumber(d.weight)
        effectiveWeight = JSONNumber(d.effectiveWeight)
        points = JSONNumber(d.points)
        maxPoints = JSONNumber(d.applicableMaxPoints)
        score = JSONNumber(d.score)
        applicable = d.isApplicable
        criteria = d.criteria.indices.map { i in
            CriterionRef(d.criteria[i], explanation: explanations[i], plain: plain?[i], messages: messages)
        }
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
    /// The effort class (data | evidence | rating | change | level), by which the list is ranked before the gain.
    let effort: String
    let facts: [String]?
    let items: [String]?
    let level: Int?
    let current: JSONNumber?
    let target: JSONNumber?

    init(_ i: Improvement) {
        criterion = i.criterionID
        dimension = i.dimensionID
        gain = JSONNumber(i.gain)
        effort = i.effort.name
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
        case .addressOverride: action = "address-override"
        }
        self.facts = facts
        self.items = items
        self.level = level
        self.current = current
        self.target = target
    }
}

/// The stages of an evaluation: each stage's total and grade, the panel's ratings and the chair's resolutions, the
/// overrides in force, every reviewer's findings with where each stands, the evidence decisions, and the reviewers.
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
        let resolution: Resolution?
    }

    struct Resolution: Encodable {
        let criterion: String
        let chair: Reviewer
        let date: String
        let level: Int
        let points: JSONNumber
        let aggregate: JSONNumber?
        let reason: String
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

    struct Reviewer: Encodable {
        let id: String
        let name: String
        let role: String

        init(_ r: Review.Reviewer) {
            id = r.id
            name = r.name
            role = r.role.rawValue
        }
    }

    struct FindingRef: Encodable {
        let stage: String
        let reviewer: Reviewer
        let date: String
        let subject: String
        let subjectKind: String
        let statement: String
        let points: JSONNumber?
        let level: Int?
        let text: String?
        let standing: String
        let reversedBy: [String]?
        let summary: String
    }

    struct Decision: Encodable {
        let evidence: String
        let accepted: Bool
        let stage: String
        let by: [Reviewer]
        let date: String
        let reason: String?
    }

    struct ReviewRef: Encodable {
        let reviewer: Reviewer
        let date: String
        let file: String?
        let sha256: String?
        let comments: String?
    }

    let stages: [Stage]
    let panelRatings: [Rating]
    let resolutions: [Resolution]
    let overrides: [Override]
    let findings: [FindingRef]
    let evidenceDecisions: [Decision]
    let reviews: [ReviewRef]
    let unresolvedDisagreements: [String]

    public init(_ staged: StagedResult, report: SelfReport, messages: Messages) {
        let named: [(String, ScoreResult?)] = [("self", staged.selfAssessment), ("preliminary", staged.preliminary), ("panel", staged.panel)]
        stages = named.compactMap { name, result in
            result.map { Stage(stage: name, verdict: $0.verdict.rawValue, total: JSONNumber($0.total), grade: $0.grade?.id, provisional: $0.isProvisional) }
        }
        func resolution(_ r: ResolutionRecord) -> Resolution {
            Resolution(criterion: r.criterionID, chair: Reviewer(r.chair), date: r.date, level: r.level, points: JSONNumber(r.points),
                       aggregate: r.aggregate.map { JSONNumber($0) }, reason: r.reason)
        }
        panelRatings = staged.panelRatings.map { r in
            Rating(criterion: r.criterionID, levels: Dictionary(r.levels.map { ($0.reviewer, $0.level) }, uniquingKeysWith: { a, _ in a }),
                   counted: r.counted, aggregation: r.aggregation.rawValue, level: JSONNumber(r.level), points: JSONNumber(r.points),
                   disagreement: r.disagreement, resolution: staged.resolutions[r.criterionID].map(resolution))
        }
        resolutions = staged.resolutions.values.sorted { $0.criterionID < $1.criterionID }.map(resolution)
        overrides = named.flatMap { name, result in
            (result?.criteria ?? []).compactMap { c in
                c.override.map { Override(stage: name, criterion: c.id, reviewer: $0.reviewer, date: $0.date, old: JSONNumber($0.old),
                                          new: JSONNumber($0.new), reason: $0.reason) }
            }
        }
        let words = FindingText(messages: messages)
        findings = staged.findings.map { f in
            let subject: String, kind: String
            switch f.subject {
            case .evidence(let id): (subject, kind) = (id, "evidence")
            case .criterion(let id): (subject, kind) = (id, "criterion")
            case .application: (subject, kind) = ("", "application")
            }
            var statement = "", points: JSONNumber?, level: Int?
            switch f.statement {
            case .accepted: statement = "accepted"
            case .rejected: statement = "rejected"
            case .override(let p): (statement, points) = ("override", JSONNumber(p))
            case .rating(let l): (statement, level) = ("rating", l)
            case .resolution(let l): (statement, level) = ("resolution", l)
            case .comment: statement = "comment"
            }
            var standing = "", reversedBy: [String]?
            switch f.standing {
            case .inForce: standing = "in-force"
            case .memberOnly: standing = "member-only"
            case .concurs: standing = "concurs"
            case .overruledByChair: standing = "overruled-by-chair"
            case .fileProblem: standing = "file-problem"
            case .sameDayConflict: standing = "same-day-conflict"
            case .reversed(let by): (standing, reversedBy) = ("reversed", by)
            case .superseded: standing = "superseded"
            case .recorded: standing = "recorded"
            case .reversalWithoutReason: standing = "reversal-without-reason"
            }
            return FindingRef(stage: f.stage.rawValue, reviewer: Reviewer(f.reviewer), date: f.date, subject: subject, subjectKind: kind,
                              statement: statement, points: points, level: level, text: f.text, standing: standing, reversedBy: reversedBy,
                              summary: words.line(f, report: report))
        }
        evidenceDecisions = staged.evidenceDecisions.values.sorted { $0.evidenceID < $1.evidenceID }.map {
            Decision(evidence: $0.evidenceID, accepted: $0.accepted, stage: $0.stage.rawValue, by: $0.by.map(Reviewer.init), date: $0.date,
                     reason: $0.reason)
        }
        reviews = staged.reviews.map {
            ReviewRef(reviewer: Reviewer($0.reviewer), date: $0.date, file: $0.file.map(SourceFile.name(of:)),
                      sha256: $0.sha256, comments: $0.comments)
        }
        unresolvedDisagreements = staged.unresolvedDisagreements
    }
}

/// An entitlement; amounts in yuan with two decimals. `basis` says what it was computed from (`park`, `per-firm`,
/// `park-totals`); `upperBound` marks an amount from park totals for tenants; `firms` is the per-firm breakdown.
struct SupportRef: Encodable {
    let basis: String
    let firms: [FirmRef]?
    let rateUnstated: Bool
    let requiresAccreditation: Bool
    let upperBound: Bool
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

    init(_ s: SupportEntitlement, messages: Messages) {
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
        explanation = s.explanation.map { $0.text(messages) }
        basis = s.basis.rawValue
        firms = s.basis == .perFirm && !s.firms.isEmpty ? s.firms.map { FirmRef($0, messages: messages) } : nil
        rateUnstated = s.rateUnstated
        requiresAccreditation = s.requiresAccreditation
        upperBound = s.isUpperBound
    }
}

/// One firm's amount under a per-firm measure: its place in the table (from 1), name, status and working.
struct FirmRef: Encodable {
    let index: Int
    let name: String?
    let status: String
    let perPeriod: JSONNumber?
    let periods: Int
    let total: JSONNumber?
    let missingFacts: [String]
    let explanation: [String]

    init(_ f: FirmEntitlement, messages: Messages) {
        index = f.index
        name = f.name
        status = f.status.rawValue
        perPeriod = f.perPeriod.map { JSONNumber($0) }
        periods = f.periods
        total = f.total.map { JSONNumber($0) }
        missingFacts = f.missingFacts
        explanation = f.explanation.map { $0.text(messages) }
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

// MARK: - Direct JSON
//
// Each document type writes itself (`JSONWritable`, what `JSONText` uses), bypassing `Swift.Encoder`: the members its
// synthesized `Encodable` encodes, under the same keys, in key order (`JSONKeyOrder`: by UTF-8 bytes, so `gradeByPoints`
// after `grade`, `scorecard` before `scoringModel`), a nil optional left out. A member added to a type goes in both.

extension ResultDocument: JSONWritable {
    package func write(to json: inout JSONWriter) {
        json.objectStart()
        json.field("cappedBy", cappedBy)
        json.field("corrections", corrections)
        json.field("derived", derived)
        json.field("dimensions", dimensions)
        json.field("gates", gates)
        json.field("grade", grade)
        json.field("gradeByPoints", gradeByPoints)
        json.field("improvements", improvements)
        json.field("missingData", missingData)
        json.field("mode", mode)
        json.field("nextGrade", nextGrade)
        json.field("park", park)
        json.field("period", period)
        json.field("provisional", provisional)
        json.field("provisionalReasons", provisionalReasons)
        json.field("schemaVersion", schemaVersion)
        json.field("scorecard", scorecard)
        json.field("scoringModel", scoringModel)
        json.field("stages", stages)
        json.field("support", support)
        json.field("total", total)
        json.field("verdict", verdict)
        json.objectEnd()
    }
}

extension JSONValue: JSONWritable {
    func write(to json: inout JSONWriter) {
        switch self {
        case .null: json.writeRaw("null")
        case .bool(let b): json.writeBool(b)
        case .number(let n): json.writeRaw(n.digits)
        case .string(let s): json.writeString(s)
        case .list(let l): l.write(to: &json)
        case .object(let fields):
            json.objectStart()
            for field in fields {
                json.key(field.key)
                field.value.write(to: &json)
            }
            json.objectEnd()
        }
    }
}

extension Localized: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.objectStart()
        json.field("en", en)
        json.field("zh", zh)
        json.objectEnd()
    }
}

extension ScorecardRef: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.objectStart()
        json.field("id", id)
        json.field("source", source)
        json.field("title", title)
        json.field("version", version)
        json.objectEnd()
    }
}

extension SourceRef: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.objectStart()
        json.field("file", file)
        json.field("issuer", issuer)
        json.field("title", title)
        json.objectEnd()
    }
}

extension ProblemRef: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.objectStart()
        json.field("evidence", evidence)
        json.field("problem", problem)
        json.field("reason", reason)
        json.field("reviewer", reviewer)
        json.field("text", text)
        json.field("title", title)
        json.objectEnd()
    }
}

extension UnsubstantiatedRef: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.objectStart()
        json.field("facts", facts)
        json.field("problems", problems)
        json.objectEnd()
    }
}

extension CorrectionRef: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.objectStart()
        json.field("affects", affects)
        json.field("problem", problem)
        json.objectEnd()
    }
}

extension ParkRef: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.objectStart()
        json.field("id", id)
        json.field("jurisdiction", jurisdiction)
        json.field("name", name)
        json.field("nameEn", nameEn)
        json.objectEnd()
    }
}

extension ReportingPeriodRef: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.objectStart()
        json.field("from", from)
        json.field("to", to)
        json.objectEnd()
    }
}

extension GradeRef: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.objectStart()
        json.field("id", id)
        json.field("max", max)
        json.field("min", min)
        json.field("title", title)
        json.objectEnd()
    }
}

extension ClauseRef: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.objectStart()
        json.field("quote", quote)
        json.field("ref", ref)
        json.objectEnd()
    }
}

extension EvidenceRef: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.objectStart()
        json.field("items", items)
        json.field("state", state)
        json.objectEnd()
    }
}

extension EvidenceRef.EvidenceItemRef: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.objectStart()
        json.field("file", file)
        json.field("id", id)
        json.objectEnd()
    }
}

extension GateRef: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.objectStart()
        json.field("basis", basis)
        json.field("clause", clause)
        json.field("effect", effect)
        json.field("evidence", evidence)
        json.field("explanation", explanation)
        json.field("id", id)
        json.field("missingFacts", missingFacts)
        json.field("plain", plain)
        json.field("problem", problem)
        json.field("status", status)
        json.field("title", title)
        json.field("unsubstantiated", unsubstantiated)
        json.objectEnd()
    }
}

extension CriterionRef: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.objectStart()
        json.field("clause", clause)
        json.field("contribution", contribution)
        json.field("evidence", evidence)
        json.field("explanation", explanation)
        json.field("id", id)
        json.field("kind", kind)
        json.field("level", level)
        json.field("maxContribution", maxContribution)
        json.field("maxPoints", maxPoints)
        json.field("measured", measured)
        json.field("missingFacts", missingFacts)
        json.field("notApplicable", notApplicable)
        json.field("plain", plain)
        json.field("points", points)
        json.field("provisional", provisional)
        json.field("status", status)
        json.field("title", title)
        json.field("unsubstantiated", unsubstantiated)
        json.field("values", values)
        json.objectEnd()
    }
}

extension DimensionRef: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.objectStart()
        json.field("applicable", applicable)
        json.field("criteria", criteria)
        json.field("effectiveWeight", effectiveWeight)
        json.field("id", id)
        json.field("maxPoints", maxPoints)
        json.field("points", points)
        json.field("score", score)
        json.field("title", title)
        json.field("weight", weight)
        json.objectEnd()
    }
}

extension MissingRef: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.objectStart()
        json.field("fact", fact)
        json.field("usedBy", usedBy)
        json.objectEnd()
    }
}

extension ImprovementRef: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.objectStart()
        json.field("action", action)
        json.field("criterion", criterion)
        json.field("current", current)
        json.field("dimension", dimension)
        json.field("effort", effort)
        json.field("facts", facts)
        json.field("gain", gain)
        json.field("items", items)
        json.field("level", level)
        json.field("target", target)
        json.objectEnd()
    }
}

extension StagesRef: JSONWritable {
    package func write(to json: inout JSONWriter) {
        json.objectStart()
        json.field("evidenceDecisions", evidenceDecisions)
        json.field("findings", findings)
        json.field("overrides", overrides)
        json.field("panelRatings", panelRatings)
        json.field("resolutions", resolutions)
        json.field("reviews", reviews)
        json.field("stages", stages)
        json.field("unresolvedDisagreements", unresolvedDisagreements)
        json.objectEnd()
    }
}

extension StagesRef.Stage: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.objectStart()
        json.field("grade", grade)
        json.field("provisional", provisional)
        json.field("stage", stage)
        json.field("total", total)
        json.field("verdict", verdict)
        json.objectEnd()
    }
}

extension StagesRef.Rating: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.objectStart()
        json.field("aggregation", aggregation)
        json.field("counted", counted)
        json.field("criterion", criterion)
        json.field("disagreement", disagreement)
        json.field("level", level)
        json.field("levels", levels)
        json.field("points", points)
        json.field("resolution", resolution)
        json.objectEnd()
    }
}

extension StagesRef.Resolution: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.objectStart()
        json.field("aggregate", aggregate)
        json.field("chair", chair)
        json.field("criterion", criterion)
        json.field("date", date)
        json.field("level", level)
        json.field("points", points)
        json.field("reason", reason)
        json.objectEnd()
    }
}

extension StagesRef.Override: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.objectStart()
        json.field("criterion", criterion)
        json.field("date", date)
        json.field("new", new)
        json.field("old", old)
        json.field("reason", reason)
        json.field("reviewer", reviewer)
        json.field("stage", stage)
        json.objectEnd()
    }
}

extension StagesRef.Reviewer: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.objectStart()
        json.field("id", id)
        json.field("name", name)
        json.field("role", role)
        json.objectEnd()
    }
}

extension StagesRef.FindingRef: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.objectStart()
        json.field("date", date)
        json.field("level", level)
        json.field("points", points)
        json.field("reversedBy", reversedBy)
        json.field("reviewer", reviewer)
        json.field("stage", stage)
        json.field("standing", standing)
        json.field("statement", statement)
        json.field("subject", subject)
        json.field("subjectKind", subjectKind)
        json.field("summary", summary)
        json.field("text", text)
        json.objectEnd()
    }
}

extension StagesRef.Decision: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.objectStart()
        json.field("accepted", accepted)
        json.field("by", by)
        json.field("date", date)
        json.field("evidence", evidence)
        json.field("reason", reason)
        json.field("stage", stage)
        json.objectEnd()
    }
}

extension StagesRef.ReviewRef: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.objectStart()
        json.field("comments", comments)
        json.field("date", date)
        json.field("file", file)
        json.field("reviewer", reviewer)
        json.field("sha256", sha256)
        json.objectEnd()
    }
}

extension SupportRef: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.objectStart()
        json.field("basis", basis)
        json.field("beneficiary", beneficiary)
        json.field("ceiling", ceiling)
        json.field("clause", clause)
        json.field("explanation", explanation)
        json.field("firms", firms)
        json.field("id", id)
        json.field("missingFacts", missingFacts)
        json.field("perPeriod", perPeriod)
        json.field("period", period)
        json.field("periods", periods)
        json.field("rateUnstated", rateUnstated)
        json.field("requiresAccreditation", requiresAccreditation)
        json.field("status", status)
        json.field("title", title)
        json.field("total", total)
        json.field("upperBound", upperBound)
        json.objectEnd()
    }
}

extension FirmRef: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.objectStart()
        json.field("explanation", explanation)
        json.field("index", index)
        json.field("missingFacts", missingFacts)
        json.field("name", name)
        json.field("perPeriod", perPeriod)
        json.field("periods", periods)
        json.field("status", status)
        json.field("total", total)
        json.objectEnd()
    }
}

extension NextGradeRef: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.objectStart()
        json.field("blockingGates", blockingGates)
        json.field("criteria", criteria)
        json.field("pointsNeeded", pointsNeeded)
        json.field("reachable", reachable)
        json.field("target", target)
        json.objectEnd()
    }
}
