/// Options of one scoring run.
public struct ScoringOptions: Sendable {
    public var mode: ScoringMode
    /// What checking each evidence file found, by evidence id (absent: not checked).
    public var evidenceFiles: [String: EvidenceFileState]
    /// Levels rated by evaluators for judged criteria, by criterion id (evaluation mode).
    public var ratings: [String: Rating]
    /// Points set by an evaluator instead of the computed ones, by criterion id.
    public var overrides: [String: OverrideDecision]
    /// Who rejected a piece of evidence and why, by evidence id (its file state is `.rejected`).
    public var rejections: [String: EvidenceRejection]
    /// Judged criteria the panel disagrees on and the chair has not resolved: the result stays provisional.
    public var unresolvedDisagreements: [String]
    /// Evidence a reviewer's acceptance in force covers, by id: in evaluation, a file without a recorded sha256
    /// counts only when accepted.
    public var acceptedEvidence: Set<String> = []
    /// The preliminary stage without a panel stage yet: the result is provisional.
    public var awaitingPanel = false

    public init(mode: ScoringMode = .selfAssessment, evidenceFiles: [String: EvidenceFileState] = [:],
                ratings: [String: Rating] = [:], overrides: [String: OverrideDecision] = [:],
                rejections: [String: EvidenceRejection] = [:], unresolvedDisagreements: [String] = []) {
        self.mode = mode
        self.evidenceFiles = evidenceFiles
        self.ratings = ratings
        self.overrides = overrides
        self.rejections = rejections
        self.unresolvedDisagreements = unresolvedDisagreements
    }

    /// An evaluator's decision to set a criterion's points, with who, when and why.
    public struct OverrideDecision: Sendable, Hashable {
        public var points: Rational
        public var reviewer: String
        public var date: String
        public var reason: String

        public init(points: Rational, reviewer: String, date: String, reason: String) {
            self.points = points
            self.reviewer = reviewer
            self.date = date
            self.reason = reason
        }
    }

    /// A judged criterion's rating as the evaluation settled it: the level, and the points it earns
    /// (a panel's mean may fall between levels).
    public struct Rating: Sendable, Hashable {
        public var level: Rational
        public var points: Rational
        /// The chair's resolution, when the level is the chair's rather than the panel's aggregate.
        public var resolution: ResolutionRecord?

        public init(level: Rational, points: Rational, resolution: ResolutionRecord? = nil) {
            self.level = level
            self.points = points
            self.resolution = resolution
        }
    }
}

/// Applies a scorecard to a self-report. Pure: value types in, a result out; no I/O, no printing.
public struct ScoringEngine: Sendable {
    public let dictionary: FactDictionary
    private let percentKeys: Set<String>
    private let moneyKeys: Set<String>

    public init(dictionary: FactDictionary) {
        self.dictionary = dictionary
        var percent = Set<String>(), money = Set<String>()
        for (key, definition) in dictionary.definitions {
            if case .percent = definition.type { percent.insert(key) }
            if case .money = definition.type { money.insert(key) }
        }
        percentKeys = percent
        moneyKeys = money
    }

    public func score(_ report: SelfReport, against scorecard: Scorecard, options: ScoringOptions = ScoringOptions()) -> ScoreResult {
        var environment = FactEnvironment(values: report.factValues, percentKeys: percentKeys, moneyKeys: moneyKeys)
        // The reporting period, which expressions read as `period.from` and `period.to` (a dictionary never has these keys).
        environment.values["period.from"] = .date(report.period.from)
        environment.values["period.to"] = .date(report.period.to)
        var derived: [String: Value] = [:]
        for fact in scorecard.derived {
            let value = fact.expression.value(in: environment)
            environment.values[fact.key] = value
            derived[fact.key] = value
            if fact.isPercent { environment.percentKeys.insert(fact.key) }
        }
        let assessment = report.assessments[scorecard.id] ?? SelfAssessment()
        let evidence = EvidenceIndex(report.evidence, files: options.evidenceFiles, rejections: options.rejections,
                                     accepted: options.acceptedEvidence)
        var run = Run(scorecard: scorecard, dictionary: dictionary, environment: environment, assessment: assessment, evidence: evidence,
                      options: options)
        return run.result(derived: derived)
    }
}

/// Indexes the self-report's evidence by what it supports, and works out, in evaluation, which facts and which gates
/// and criteria the evidence leaves unsubstantiated.
struct EvidenceIndex {
    var bySupport: [String: [EvidenceReference]] = [:]
    var items: [String: Evidence] = [:]
    let rejections: [String: EvidenceRejection]

    let accepted: Set<String>

    init(_ items: [Evidence], files: [String: EvidenceFileState], rejections: [String: EvidenceRejection] = [:], accepted: Set<String> = []) {
        self.accepted = accepted
        for item in items {
            self.items[item.id] = item
            for key in item.supports {
                bySupport[key, default: []].append(EvidenceReference(id: item.id, state: files[item.id]))
            }
        }
        self.rejections = rejections
    }

    func references(for id: String, facts: [String]) -> [EvidenceReference] {
        var refs: [EvidenceReference] = bySupport[id] ?? []
        for key in facts { refs += bySupport[key] ?? [] }
        var seen = Set<String>()
        return refs.filter { seen.insert($0.id).inserted }
    }

    func state(for id: String, facts: [String], requirement: EvidenceRequirement?) -> EvidenceState {
        guard requirement != nil else { return .notRequired }
        let refs = references(for: id, facts: facts)
        return refs.isEmpty ? .missing : .listed(refs)
    }

    /// In evaluation, an item counts when its file matches its recorded sha256, or, with no sha256 recorded, when a
    /// reviewer's acceptance is in force; never when rejected, missing or failing its hash. (Unchecked, `nil`: counts.)
    func isAcceptable(_ ref: EvidenceReference) -> Bool {
        switch ref.state {
        case nil, .verified: return true
        case .unchecked: return accepted.contains(ref.id)
        case .missing, .hashMismatch, .outsideFolder, .rejected, .notAFile, .tooLarge: return false
        }
    }

    /// Why a gate or criterion is unsubstantiated in evaluation, or nil when it is not: a fact it reads (through derived
    /// facts too) is supported only by evidence that does not count; items naming it directly all fail; or it asks for
    /// evidence and no item that counts supports it or its facts.
    func unsubstantiated(_ id: String, facts: [String], requirement: EvidenceRequirement?) -> Unsubstantiated? {
        var unsupported: [String] = []
        var problems: [EvidenceProblem] = []
        func add(_ ref: EvidenceReference) {
            guard !problems.contains(where: { $0.evidenceID == ref.id }) else { return }
            problems.append(problem(ref))
        }
        for key in facts {
            guard let refs = bySupport[key], !refs.isEmpty, !refs.contains(where: isAcceptable) else { continue }
            unsupported.append(key)
            refs.forEach(add)
        }
        if let direct = bySupport[id], !direct.isEmpty, !direct.contains(where: isAcceptable) {
            direct.forEach(add)
        }
        if requirement != nil {
            let refs = references(for: id, facts: facts)
            if refs.isEmpty {
                problems.append(EvidenceProblem(evidenceID: nil, title: nil, kind: .noneListed(required: requirement?.description)))
            } else if !refs.contains(where: isAcceptable) {
                refs.forEach(add)
            }
        }
        return problems.isEmpty ? nil : Unsubstantiated(facts: unsupported, problems: problems)
    }

    func problem(_ ref: EvidenceReference) -> EvidenceProblem {
        let kind: EvidenceProblem.Kind
        switch ref.state {
        case .rejected:
            let r = rejections[ref.id]
            kind = .rejected(by: r?.by ?? "", reason: r?.reason ?? "")
        case .missing: kind = .fileMissing
        case .hashMismatch: kind = .hashMismatch
        case .outsideFolder: kind = .outsideFolder
        case .unchecked: kind = .unverified
        case .notAFile: kind = .notAFile
        case .tooLarge: kind = .tooLarge
        case .verified, nil: kind = .fileMissing
        }
        return EvidenceProblem(evidenceID: ref.id, title: items[ref.id]?.title, kind: kind)
    }
}

/// Where exact arithmetic could not give an exact answer: each place, naming the numbers. A result with any is not a
/// result (the pipeline turns them into located errors); the engine never substitutes a fallback value.
final class ArithmeticLog {
    var problems: [ArithmeticProblem] = []

    func add(_ a: Rational, _ b: Rational, at subject: String) -> Rational {
        if let r = a.adding(b) { return r }
        problems.append(ArithmeticProblem(subject: subject, operation: "\(a) + \(b)"))
        return a
    }

    func subtract(_ a: Rational, _ b: Rational, at subject: String) -> Rational {
        if let r = a.subtracting(b) { return r }
        problems.append(ArithmeticProblem(subject: subject, operation: "\(a) − \(b)"))
        return a
    }

    func multiply(_ a: Rational, _ b: Rational, at subject: String) -> Rational {
        if let r = a.multiplied(by: b) { return r }
        problems.append(ArithmeticProblem(subject: subject, operation: "\(a) × \(b)"))
        return a
    }

    func divide(_ a: Rational, _ b: Rational, at subject: String) -> Rational {
        if let r = a.divided(by: b) { return r }
        problems.append(ArithmeticProblem(subject: subject, operation: "\(a) ÷ \(b)"))
        return a
    }
}

private struct Run {
    let scorecard: Scorecard
    let dictionary: FactDictionary
    let log = ArithmeticLog()
    let environment: FactEnvironment
    let assessment: SelfAssessment
    let evidence: EvidenceIndex
    let options: ScoringOptions

    init(scorecard: Scorecard, dictionary: FactDictionary, environment: FactEnvironment, assessment: SelfAssessment, evidence: EvidenceIndex,
         options: ScoringOptions) {
        self.scorecard = scorecard
        self.dictionary = dictionary
        self.environment = environment
        self.assessment = assessment
        self.evidence = evidence
        self.options = options
    }

    mutating func result(derived: [String: Value]) -> ScoreResult {
        let gates = scorecard.gates.map { gateResult($0) }
        var dimensions = scorecard.dimensions.map { dimensionResult($0) }

        // Weights of dimensions with no applicable criterion are shared out among the others.
        let applicableWeight = dimensions.filter(\.isApplicable).reduce(Rational.zero) { log.add($0, $1.weight, at: ArithmeticProblem.weights) }
        var total = Rational.zero
        for d in dimensions.indices {
            // Read what is needed first: holding a copy of the dimension while changing the array would copy
            // every criterion result.
            guard dimensions[d].isApplicable, !applicableWeight.isZero else {
                dimensions[d].effectiveWeight = .zero
                continue
            }
            let applicableMax = dimensions[d].applicableMaxPoints
            let id = dimensions[d].id
            let effectiveWeight = log.divide(log.multiply(dimensions[d].weight, 100, at: id), applicableWeight, at: id)
            let log = self.log
            let share = { (points: Rational) -> Rational in
                log.divide(log.multiply(effectiveWeight, points, at: id), applicableMax, at: id)
            }
            dimensions[d].effectiveWeight = effectiveWeight
            dimensions[d].score = share(dimensions[d].points)
            for c in dimensions[d].criteria.indices where dimensions[d].criteria[c].status != .notApplicable {
                dimensions[d].criteria[c].contribution = share(dimensions[d].criteria[c].points)
                dimensions[d].criteria[c].maxContribution = share(dimensions[d].criteria[c].maxPoints)
                if !dimensions[d].criteria[c].withheldPoints.isZero {
                    dimensions[d].criteria[c].withheldContribution = share(dimensions[d].criteria[c].withheldPoints)
                }
            }
            total = log.add(total, dimensions[d].score, at: ArithmeticProblem.total)
        }
        total = total.rounded(places: 2)

        // Verdict and grade.
        // A failed "ineligible" gate decides; otherwise any gate that cannot be decided — missing data or, in evaluation,
        // evidence that does not hold — leaves the verdict open, cap gates included: missing data never beats a bad value.
        let failedIneligible = gates.contains { $0.effect == .ineligible && $0.status == .failed }
        let undecided = gates.contains { $0.status == .missingData || $0.status == .unsubstantiated }
        let verdict: ScoreResult.Verdict = failedIneligible ? .ineligible : (undecided ? .undetermined : .eligible)
        let gradeByPoints = scorecard.grade(for: total)
        var grade = verdict == .eligible ? gradeByPoints : nil
        var cappedBy: [String] = []
        for gate in gates where gate.status == .failed {
            guard case .capGrade(let bandID) = gate.effect, let cap = scorecard.grades.first(where: { $0.id == bandID })
            else { continue }
            if let current = grade, cap.min < current.min {
                grade = cap
                cappedBy.append(gate.id)
            }
        }

        // What keeps the result provisional.
        var selfRated: [String] = []
        var pending: [String] = []
        for d in dimensions.indices {
            for c in dimensions[d].criteria.indices {
                if dimensions[d].criteria[c].status == .pendingReview {
                    pending.append(dimensions[d].criteria[c].id)
                } else if dimensions[d].criteria[c].isProvisional {
                    selfRated.append(dimensions[d].criteria[c].id)
                }
            }
        }
        var reasons: [ProvisionalReason] = []
        if !selfRated.isEmpty { reasons.append(.selfRated(selfRated)) }
        if !pending.isEmpty { reasons.append(.pendingReview(pending)) }
        let gatesMissing = gates.filter { $0.status == .missingData }.map(\.id)
        if !gatesMissing.isEmpty { reasons.append(.gateMissingData(gatesMissing)) }
        let gatesUnsubstantiated = gates.filter { $0.status == .unsubstantiated }.map(\.id)
        if !gatesUnsubstantiated.isEmpty { reasons.append(.gateUnsubstantiated(gatesUnsubstantiated)) }
        if !options.unresolvedDisagreements.isEmpty { reasons.append(.disagreement(options.unresolvedDisagreements)) }
        if options.awaitingPanel { reasons.append(.awaitingPanel) }

        let improvements = improvementList(dimensions)
        return ScoreResult(
            scorecardID: scorecard.id, scorecardVersion: scorecard.version, scoringModel: scorecard.scoringModel,
            mode: options.mode, verdict: verdict, total: total, gradeByPoints: gradeByPoints, grade: grade,
            // A failed "ineligible" gate settles the outcome whatever the open points: it is not provisional.
            cappedBy: cappedBy, isProvisional: !reasons.isEmpty && verdict != .ineligible, provisionalReasons: reasons, gates: gates,
            dimensions: dimensions, derived: derived, missingData: missingData(gates: gates, dimensions: dimensions),
            improvements: improvements,
            nextGrade: nextGrade(total: total, verdict: verdict, grade: grade, gradeByPoints: gradeByPoints, gates: gates,
                                 improvements: improvements),
            support: support(verdict: verdict, gates: gates),
            corrections: corrections(gates: gates, dimensions: dimensions),
            arithmeticProblems: log.problems)
    }

    /// What each incentive comes to; one granted for being in an accredited park follows the verdict.
    func support(verdict: ScoreResult.Verdict, gates: [GateResult]) -> [SupportEntitlement] {
        var seen = Set<String>()
        let missing = gates.flatMap(\.missingFacts).filter { seen.insert($0).inserted }
        let calculator = EntitlementCalculator(environment: environment, dictionary: dictionary, log: log, verdict: verdict,
                                               verdictMissingFacts: missing)
        return scorecard.incentives.map { calculator.entitlement($0) }
    }

    // MARK: Gates

    func gateResult(_ gate: Gate) -> GateResult {
        let value = gate.condition.value(in: environment)
        let status: GateResult.Status
        var problem: Message?
        switch value {
        case .bool(true): status = .passed
        case .unknown: status = .missingData
        case .error(let message):
            status = .failed
            problem = message
            if let overflow = value.overflowOperation { log.problems.append(ArithmeticProblem(subject: gate.id, operation: overflow)) }
        default: status = .failed
        }
        let facts = gate.condition.factReferences.map(\.path)
        var result = GateResult(id: gate.id, title: gate.title, clause: gate.clause, basis: gate.basis, effect: gate.effect, status: status,
                                trace: ExpressionTrace(gate.condition, environment), problem: problem, missingFacts: value.missingFacts,
                                evidence: evidence.state(for: gate.id, facts: facts, requirement: gate.evidence))
        // In evaluation a gate the park's figures pass still needs evidence that holds; figures that fail it fail it.
        if options.mode == .evaluation, status == .passed,
           let reason = evidence.unsubstantiated(gate.id, facts: baseFacts(facts), requirement: gate.evidence) {
            result.status = .unsubstantiated
            result.unsubstantiated = reason
        }
        return result
    }

    /// The facts behind `keys`: a derived fact stands for the facts its expression reads, recursively.
    func baseFacts(_ keys: [String]) -> [String] {
        var result: [String] = []
        var seen = Set<String>()
        func visit(_ key: String, depth: Int) {
            guard seen.insert(key).inserted else { return }
            result.append(key)
            guard depth < 64, let derived = scorecard.derived.first(where: { $0.key == key }) else { return }
            for ref in derived.expression.factReferences { visit(ref.path, depth: depth + 1) }
        }
        for key in keys { visit(key, depth: 0) }
        return result
    }

    // MARK: Criteria

    func dimensionResult(_ dimension: Dimension) -> DimensionResult {
        let criteria = dimension.criteria.map { criterionResult($0) }
        var points = Rational.zero
        var applicableMax = Rational.zero
        // By position, not `for c in criteria`: each iteration would copy a whole result (a dozen references).
        for i in criteria.indices where criteria[i].status != .notApplicable {
            points = log.add(points, criteria[i].points, at: dimension.id)
            applicableMax = log.add(applicableMax, criteria[i].maxPoints, at: dimension.id)
        }
        return DimensionResult(id: dimension.id, title: dimension.title, weight: dimension.weight, points: points,
                               applicableMaxPoints: applicableMax, score: .zero, effectiveWeight: dimension.weight,
                               isApplicable: !applicableMax.isZero, criteria: criteria)
    }

    func criterionResult(_ criterion: Criterion) -> CriterionResult {
        let facts = criterion.factKeys
        var result = CriterionResult(
            id: criterion.id, title: criterion.title, kind: criterion.kind.name, clause: criterion.clause, status: .unmet,
            points: .zero, maxPoints: criterion.maxPoints, contribution: .zero, maxContribution: .zero, explanation: [],
            measured: nil, factKeys: facts, environment: environment, missingFacts: [], unmetItems: [], level: nil,
            evidence: evidence.state(for: criterion.id, facts: facts, requirement: criterion.evidence),
            notApplicableJustification: nil, isProvisional: false, override: nil)

        if let claim = assessment.notApplicable[criterion.id] {
            if criterion.allowsNotApplicable && !claim.justification.isEmpty {
                result.status = .notApplicable
                result.notApplicableJustification = claim.justification
                result.explanation = [.notApplicable(claim.justification)]
                return result
            }
            result.explanation.append(.notApplicableRefused(allowed: criterion.allowsNotApplicable))
        }

        switch criterion.kind {
        case .check(let check):
            let value = check.condition.value(in: environment)
            result.explanation.append(.evaluated(ExpressionTrace(check.condition, environment)))
            switch value {
            case .bool(true):
                result.points = check.points
            case .unknown(let missing):
                result.missingFacts = missing
            case .error(let message):
                result.explanation.append(.problem(message))
                if let overflow = value.overflowOperation { log.problems.append(ArithmeticProblem(subject: criterion.id, operation: overflow)) }
            default: break
            }
        case .scale(let scale):
            score(scale, into: &result)
        case .checklist(let checklist):
            score(checklist, into: &result)
        case .judged(let judged):
            score(judged, into: &result)
        }

        // In evaluation, a claim whose evidence does not hold earns nothing.
        if options.mode == .evaluation, !result.points.isZero,
           let reason = evidence.unsubstantiated(criterion.id, facts: baseFacts(facts), requirement: criterion.evidence) {
            result.unsubstantiated = reason
            result.explanation.append(.evidenceNotAccepted(reason))
            result.withheldPoints = result.points
            result.points = .zero
        }

        if let decision = options.overrides[criterion.id], result.status != .notApplicable {
            let new = Rational.min(Rational.max(decision.points, .zero), result.maxPoints)
            result.override = OverrideRecord(reviewer: decision.reviewer, date: decision.date, old: result.points, new: new,
                                             reason: decision.reason)
            result.explanation.append(.overridden(old: result.points, new: new, reviewer: decision.reviewer, reason: decision.reason))
            result.points = new
            if result.status == .pendingReview { result.status = .partial }
            result.missingFacts = []
        }

        if result.status != .pendingReview || result.override != nil {
            if result.unsubstantiated != nil && result.override == nil {
                result.status = .unsubstantiated
            } else if result.points == result.maxPoints && !result.maxPoints.isZero {
                result.status = .met
            } else if !result.missingFacts.isEmpty {
                result.status = .missingData
            } else {
                result.status = result.points.isZero ? .unmet : .partial
            }
        }
        return result
    }

    private func score(_ scale: Scale, into result: inout CriterionResult) {
        let measured = scale.value.value(in: environment)
        result.explanation.append(.evaluated(ExpressionTrace(scale.value, environment)))
        let value: Rational
        switch measured {
        case .number(let n): value = n
        case .unknown(let missing):
            result.missingFacts = missing
            return
        case .error(let message):
            result.explanation.append(.problem(message))
            if let overflow = measured.overflowOperation { log.problems.append(ArithmeticProblem(subject: result.id, operation: overflow)) }
            return
        default:
            result.explanation.append(.problem(Message("engine.scale-not-number", measured.typeName)))
            return
        }
        result.measured = value
        switch scale.mapping {
        case .bands(let bands):
            let reached = bands.filter { $0.min <= value }.max { $0.min < $1.min }
            if let reached {
                result.points = reached.points
                result.explanation.append(.band(value: value, min: reached.min, points: reached.points, percent: scale.isPercent))
            } else if let lowest = bands.map(\.min).min() {
                result.explanation.append(.belowBands(value: value, lowest: lowest, percent: scale.isPercent))
            } else {
                result.explanation.append(.problem(Message("engine.scale-no-bands")))  // lint refuses this; never scored as a band
            }
        case .linear(let from, let to, let points):
            let span = log.subtract(to, from, at: result.id)
            guard !span.isZero else { return }  // lint refuses equal bounds
            let fraction = log.divide(log.subtract(value, from, at: result.id), span, at: result.id)
            let clamped = Rational.min(Rational.max(fraction, .zero), .one)
            result.points = log.multiply(points, clamped, at: result.id)
            result.explanation.append(.linear(points: points, value: value, from: from, to: to, result: result.points,
                                              clamped: clamped != fraction, percent: scale.isPercent))
        }
    }

    private func score(_ checklist: Checklist, into result: inout CriterionResult) {
        var sum = Rational.zero
        var missing = Set<String>()
        var earned: [Rational] = []
        for item in checklist.items {
            let value = item.condition.value(in: environment)
            let trace = ExpressionTrace(item.condition, environment)
            switch value {
            case .bool(true):
                sum = log.add(sum, item.points, at: result.id)
                earned.append(item.points)
                result.explanation.append(.item(id: item.id, present: true, trace: trace))
            case .unknown(let facts):
                missing.formUnion(facts)
                result.unmetItems.append(item.id)
                result.explanation.append(.item(id: item.id, present: nil, trace: trace))
            default:
                if let overflow = value.overflowOperation { log.problems.append(ArithmeticProblem(subject: result.id, operation: overflow)) }
                result.unmetItems.append(item.id)
                result.explanation.append(.item(id: item.id, present: false, trace: trace))
            }
        }
        result.missingFacts = missing.sorted()
        result.points = checklist.cap.map { Rational.min($0, sum) } ?? sum
        result.explanation.append(.sum(items: earned, total: sum, cap: checklist.cap))
    }

    private func score(_ judged: Judged, into result: inout CriterionResult) {
        func pending(_ result: inout CriterionResult) {
            result.status = .pendingReview
            result.isProvisional = true
            result.explanation.append(.notRated(mode: options.mode))
        }
        switch options.mode {
        case .selfAssessment:
            guard let rating = assessment.ratings[result.id] else { return pending(&result) }
            guard let level = judged.level(rating.level) else {
                result.explanation.append(.levelNotInRubric(rating.level))
                return
            }
            result.level = level.level
            result.points = level.points
            result.isProvisional = true
            result.explanation.append(.selfRated(level: level.level, points: level.points))
        case .evaluation:
            if let own = assessment.ratings[result.id] { result.explanation.append(.selfRatingForReference(level: own.level)) }
            guard let rating = options.ratings[result.id] else { return pending(&result) }
            result.level = rating.level.isInteger ? rating.level.numerator : rating.level.floor
            result.points = Rational.min(rating.points, result.maxPoints)
            if let resolution = rating.resolution {
                result.explanation.append(.resolved(level: resolution.level, aggregate: resolution.aggregate, points: result.points,
                                                    chair: resolution.chair.name, reason: resolution.reason))
            } else {
                result.explanation.append(.rated(level: rating.level, points: result.points))
            }
        }
    }

    // MARK: Support

    // MARK: Summaries

    /// The corrections list: one line per piece of evidence (or per requirement none is listed for), with what it holds up.
    func corrections(gates: [GateResult], dimensions: [DimensionResult]) -> [CorrectionItem] {
        var items: [CorrectionItem] = []
        func add(_ id: String, _ reason: Unsubstantiated?) {
            for problem in reason?.problems ?? [] {
                if let evidenceID = problem.evidenceID, let i = items.firstIndex(where: { $0.problem.evidenceID == evidenceID }) {
                    if !items[i].affects.contains(id) { items[i].affects.append(id) }
                } else {
                    items.append(CorrectionItem(problem: problem, affects: [id]))
                }
            }
        }
        for gate in gates where gate.status == .unsubstantiated { add(gate.id, gate.unsubstantiated) }
        for d in dimensions.indices {
            for c in dimensions[d].criteria.indices where dimensions[d].criteria[c].status == .unsubstantiated {
                add(dimensions[d].criteria[c].id, dimensions[d].criteria[c].unsubstantiated)
            }
        }
        return items
    }

    func missingData(gates: [GateResult], dimensions: [DimensionResult]) -> [MissingFact] {
        var order: [String] = []
        var usedBy: [String: [String]] = [:]
        func add(_ id: String, _ facts: [String]) {
            for key in facts {
                if usedBy[key] == nil { order.append(key) }
                usedBy[key, default: []].append(id)
            }
        }
        for gate in gates where !gate.missingFacts.isEmpty { add(gate.id, gate.missingFacts) }
        for d in dimensions.indices {
            for c in dimensions[d].criteria.indices where !dimensions[d].criteria[c].missingFacts.isEmpty
                && dimensions[d].criteria[c].status != .notApplicable {
                add(dimensions[d].criteria[c].id, dimensions[d].criteria[c].missingFacts)
            }
        }
        return order.compactMap { key in usedBy[key].map { MissingFact(key: key, usedBy: $0) } }
    }

    func improvementList(_ dimensions: [DimensionResult]) -> [Improvement] {
        var list: [(Improvement, Int)] = []
        var position = 0
        for dimension in dimensions {
            for (c, criterion) in zip(scorecard.dimensions.first { $0.id == dimension.id }!.criteria, dimension.criteria) {
                position += 1
                guard criterion.status != .notApplicable else { continue }
                // Supplying the evidence restores what the park's own figures earn, not full marks.
                let gain = criterion.status == .unsubstantiated ? criterion.withheldContribution
                    : log.subtract(criterion.maxContribution, criterion.contribution, at: criterion.id)
                guard gain > .zero else { continue }
                let action: Improvement.Action
                if !criterion.missingFacts.isEmpty {
                    action = .provideData(criterion.missingFacts)
                } else if criterion.status == .pendingReview {
                    action = .getRated
                } else if let override = criterion.override {
                    action = .addressOverride(reason: override.reason)
                } else if criterion.status == .unsubstantiated {
                    action = .provideEvidence
                } else {
                    switch c.kind {
                    case .check: action = .meetCondition
                    // Never an empty list: a checklist short of its points always has an item missing, but should
                    // one not be named, the step is worded as the condition to meet.
                    case .checklist: action = criterion.unmetItems.isEmpty ? .meetCondition : .addItems(criterion.unmetItems)
                    case .judged(let j):
                        // lint requires two levels at least; without any there is nothing to reach but a rating
                        action = j.levels.max { $0.points < $1.points }.map { .reachLevel($0.level) } ?? .getRated
                    case .scale(let s):
                        let current = criterion.measured
                        let target: Rational?
                        switch s.mapping {
                        case .bands(let bands): target = bands.max { $0.points < $1.points || ($0.points == $1.points && $1.min < $0.min) }?.min
                        case .linear(_, let to, _): target = to
                        }
                        action = .improveValue(current: current, target: target)
                    }
                }
                let effort = action.isCriterionStep ? (c.effort ?? action.effort) : action.effort
                list.append((Improvement(criterionID: criterion.id, title: criterion.title, dimensionID: dimension.id,
                                         gain: gain, action: action, effort: effort), position))
            }
        }
        // Cheapest effort class first (entering data before changing the park), then larger gains, then scorecard order.
        list.sort { a, b in
            if a.0.effort != b.0.effort { return a.0.effort < b.0.effort }
            return a.0.gain != b.0.gain ? b.0.gain < a.0.gain : a.1 < b.1
        }
        return list.map(\.0)
    }

    func nextGrade(total: Rational, verdict: ScoreResult.Verdict, grade: GradeBand?, gradeByPoints: GradeBand?,
                   gates: [GateResult], improvements: [Improvement]) -> NextGradePath? {
        let bands = scorecard.gradesAscending
        // With a grade, the band above it; without one (ineligible, undetermined), the band above the one the
        // points would earn, or that band itself when it is the top.
        let base = grade ?? gradeByPoints
        let target: GradeBand?
        if let base {
            target = bands.first { base.min < $0.min } ?? (grade == nil ? base : nil)
        } else {
            target = bands.first
        }
        guard let target else { return nil }
        var blocking: [String] = []
        for gate in gates where gate.status != .passed {
            switch gate.effect {
            case .ineligible: blocking.append(gate.id)
            case .capGrade(let bandID):
                if let cap = bands.first(where: { $0.id == bandID }), cap.min < target.min { blocking.append(gate.id) }
            }
        }
        let needed = Rational.max(log.subtract(target.min, total, at: ArithmeticProblem.nextGrade), .zero)
        let steps = CheapestPath.steps(improvements.map { ($0.effort, $0.gain) }, needed: needed, log: log)
        return NextGradePath(target: target, pointsNeeded: needed, blockingGates: blocking,
                             criteria: (steps ?? []).map { improvements[$0].criterionID }, isReachable: steps != nil)
    }
}
