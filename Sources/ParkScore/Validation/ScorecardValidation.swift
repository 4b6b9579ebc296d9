/// What a scorecard rule looks at: the scorecard and the fact dictionary it reads from.
public struct ScorecardContext: Sendable {
    public var scorecard: Scorecard
    public var dictionary: FactDictionary

    public init(scorecard: Scorecard, dictionary: FactDictionary) {
        self.scorecard = scorecard
        self.dictionary = dictionary
    }

    func location(_ location: SourceLocation?) -> SourceLocation? { location ?? scorecard.location }
}

/// One check of a scorecard, as a small value: rules are listed in `ScorecardValidation.rules` and every
/// rule runs, so all problems are reported together.
public struct ScorecardRule: Sendable {
    public let id: String
    public let summary: String
    let check: @Sendable (ScorecardContext) -> [Diagnostic]

    public init(id: String, summary: String, check: @escaping @Sendable (ScorecardContext) -> [Diagnostic]) {
        self.id = id
        self.summary = summary
        self.check = check
    }

    public func callAsFunction(_ context: ScorecardContext) -> [Diagnostic] { check(context) }
}

public enum ScorecardValidation {
    public static let rules: [ScorecardRule] = [
        uniqueIDs, weightsAddUp, gradeBands, sourceClauses, derivedFacts, expressions, points, gateEffects, incentives, sizes,
    ]

    /// Weights, points, levels, bounds and the numbers written in expressions stay within sizes that exact arithmetic
    /// can always carry through a score (`NumberLimit`).
    static let sizes = ScorecardRule(id: "sizes", summary: "numbers a scorecard declares are of bounded size and precision") { context in
        var diagnostics: [Diagnostic] = []
        // The code names the place and the problem: `scorecard.size.dimension-weight` + `.too-large` (see `sizeCodes`).
        func check(_ value: Rational, _ limit: NumberLimit, _ place: String, _ names: [String], _ location: SourceLocation?) {
            if let problem = limit.problem(value) {
                diagnostics.append(.error(Message(place + "." + problem.kind, names + problem.arguments), at: context.location(location)))
            }
        }
        func literals(_ expression: Expression, _ place: String, _ name: String, _ location: SourceLocation?) {
            expression.root.visit { node in
                if case .literal(.number(let n)) = node.kind { check(n, .bound, place, [name], location) }
            }
        }
        let s = context.scorecard
        for dimension in s.dimensions { check(dimension.weight, .weight, "scorecard.size.dimension-weight", [dimension.id], dimension.location) }
        for band in s.grades {
            check(band.min, .points, "scorecard.size.grade-band", [band.id], band.location)
            check(band.max, .points, "scorecard.size.grade-band", [band.id], band.location)
        }
        for derived in s.derived { literals(derived.expression, "scorecard.size.derived", derived.key, derived.location) }
        for gate in s.gates { literals(gate.condition, "scorecard.size.gate", gate.id, gate.location) }
        for criterion in s.criteria {
            let at = criterion.location
            let name = criterion.id
            for expression in criterion.expressions { literals(expression, "scorecard.size.criterion", name, at) }
            switch criterion.kind {
            case .check(let c): check(c.points, .points, "scorecard.size.criterion-points", [name], at)
            case .scale(let scale):
                switch scale.mapping {
                case .bands(let bands):
                    for band in bands {
                        check(band.points, .points, "scorecard.size.band-points", [name], band.location ?? at)
                        check(band.min, .bound, "scorecard.size.band", [name], band.location ?? at)
                    }
                case .linear(let from, let to, let points):
                    check(from, .bound, "scorecard.size.from", [name], at)
                    check(to, .bound, "scorecard.size.to", [name], at)
                    check(points, .points, "scorecard.size.criterion-points", [name], at)
                }
            case .checklist(let list):
                for item in list.items { check(item.points, .points, "scorecard.size.item-points", [item.id], item.location ?? at) }
                if let cap = list.cap { check(cap, .points, "scorecard.size.cap", [name], at) }
            case .judged(let judged):
                for level in judged.levels {
                    check(Rational(level.level), .level, "scorecard.size.rubric-level", [name], at)
                    check(level.points, .points, "scorecard.size.level-points", [String(level.level), name], at)
                }
            }
        }
        for incentive in s.incentives {
            for expression in incentive.expressions { literals(expression, "scorecard.size.incentive", incentive.id, incentive.location) }
            if let rate = incentive.rate { check(rate, .bound, "scorecard.size.incentive-rate", [incentive.id], incentive.location) }
        }
        return diagnostics
    }

    /// The places a number's size is checked, each with the limit that applies there: a place's code + `.` + the
    /// problem's kind (`NumberProblem.kind`) is a message code, for the catalogue test to find every one.
    public static let sizeCodes: [(place: String, limit: NumberLimit)] = [
        ("scorecard.size.dimension-weight", .weight), ("scorecard.size.grade-band", .points), ("scorecard.size.derived", .bound),
        ("scorecard.size.gate", .bound), ("scorecard.size.criterion", .bound), ("scorecard.size.criterion-points", .points),
        ("scorecard.size.band-points", .points), ("scorecard.size.band", .bound), ("scorecard.size.from", .bound),
        ("scorecard.size.to", .bound), ("scorecard.size.item-points", .points), ("scorecard.size.cap", .points),
        ("scorecard.size.rubric-level", .level), ("scorecard.size.level-points", .points), ("scorecard.size.incentive", .bound),
        ("scorecard.size.incentive-rate", .bound),
    ]

    /// Every problem the rules find, in file order.
    public static func validate(_ scorecard: Scorecard, dictionary: FactDictionary) -> [Diagnostic] {
        let context = ScorecardContext(scorecard: scorecard, dictionary: dictionary)
        return rules.flatMap { $0(context) }.sortedForReport()
    }

    static let uniqueIDs = ScorecardRule(id: "unique-ids", summary: "gate, dimension, criterion, item and grade ids are unique") { context in
        var diagnostics: [Diagnostic] = []
        // The message: the id, and where it was first given (`12:5`) when known.
        func unique(_ items: [(id: String, location: SourceLocation?)], _ message: (String, String?) -> Message) {
            var first: [String: SourceLocation?] = [:]
            for item in items {
                if let seen = first[item.id] {
                    diagnostics.append(.error(message(item.id, seen.map { "\($0.line):\($0.column)" }), at: context.location(item.location)))
                } else {
                    first[item.id] = item.location
                }
            }
        }
        let s = context.scorecard
        unique(s.gates.map { ($0.id, $0.location) }) { id, first in
            first.map { Message("scorecard.duplicate.gate.first-at", id, $0) } ?? Message("scorecard.duplicate.gate", id)
        }
        unique(s.dimensions.map { ($0.id, $0.location) }) { id, first in
            first.map { Message("scorecard.duplicate.dimension.first-at", id, $0) } ?? Message("scorecard.duplicate.dimension", id)
        }
        unique(s.criteria.map { ($0.id, $0.location) }) { id, first in
            first.map { Message("scorecard.duplicate.criterion.first-at", id, $0) } ?? Message("scorecard.duplicate.criterion", id)
        }
        unique(s.grades.map { ($0.id, $0.location) }) { id, first in
            first.map { Message("scorecard.duplicate.grade.first-at", id, $0) } ?? Message("scorecard.duplicate.grade", id)
        }
        unique(s.incentives.map { ($0.id, $0.location) }) { id, first in
            first.map { Message("scorecard.duplicate.incentive.first-at", id, $0) } ?? Message("scorecard.duplicate.incentive", id)
        }
        for criterion in s.criteria {
            if case .checklist(let checklist) = criterion.kind {
                unique(checklist.items.map { ($0.id, $0.location) }) { id, first in
                    first.map { Message("scorecard.duplicate.item.first-at", id, $0) } ?? Message("scorecard.duplicate.item", id)
                }
            }
        }
        return diagnostics
    }

    static let weightsAddUp = ScorecardRule(id: "weights", summary: "dimension weights are positive and add up to 100") { context in
        var diagnostics: [Diagnostic] = []
        var sum = Rational.zero
        for dimension in context.scorecard.dimensions {
            if dimension.weight <= .zero {
                diagnostics.append(.error(Message("scorecard.weight.not-positive", dimension.id, dimension.weight.formatted()),
                                          at: context.location(dimension.location)))
            }
            if dimension.criteria.isEmpty {
                diagnostics.append(.error(Message("scorecard.dimension.no-criteria", dimension.id), at: context.location(dimension.location)))
            }
            guard let next = sum.adding(dimension.weight) else {
                // The sizes rule names the weight; a sum that cannot be computed is not 100.
                diagnostics.append(.error(Message("scorecard.weights.too-large", dimension.weight.formatted(places: 6)),
                                          at: context.location(dimension.location)))
                return diagnostics
            }
            sum = next
        }
        if sum != 100 && !context.scorecard.dimensions.isEmpty {
            let where_ = context.scorecard.dimensions.first?.location
            diagnostics.append(.error(Message("scorecard.weights.sum", sum.formatted()), at: context.location(where_)))
        }
        return diagnostics
    }

    static let gradeBands = ScorecardRule(id: "grade-bands", summary: "grade bands cover 0 to 100 with no gap and no overlap") { context in
        var diagnostics: [Diagnostic] = []
        let bands = context.scorecard.gradesAscending
        guard let first = bands.first, let last = bands.last else {
            return [.error(Message("scorecard.grades.none"), at: context.scorecard.location)]
        }
        for band in bands where !(band.min < band.max) {
            diagnostics.append(.error(Message("scorecard.grades.min-max", band.id, band.min.formatted(), band.max.formatted()),
                                      at: context.location(band.location)))
        }
        if first.min != .zero {
            diagnostics.append(.error(Message("scorecard.grades.start", first.min.formatted()), at: context.location(first.location)))
        }
        if last.max != 100 {
            diagnostics.append(.error(Message("scorecard.grades.end", last.max.formatted()), at: context.location(last.location)))
        }
        for (lower, upper) in zip(bands, bands.dropFirst()) {
            if upper.min < lower.max {
                diagnostics.append(.error(
                    Message("scorecard.grades.overlap", lower.id, lower.min.formatted(), lower.max.formatted(), upper.id, upper.min.formatted(),
                            upper.max.formatted()),
                    at: context.location(upper.location)))
            } else if lower.max < upper.min {
                diagnostics.append(.error(
                    Message("scorecard.grades.gap", lower.max.formatted(), upper.min.formatted()),
                    at: context.location(upper.location)))
            }
        }
        return diagnostics
    }

    static let sourceClauses = ScorecardRule(id: "source-clauses", summary: "every gate and criterion cites its clause") { context in
        var diagnostics: [Diagnostic] = []
        for gate in context.scorecard.gates where gate.clause == nil {
            diagnostics.append(.error(Message("scorecard.clause.gate", gate.id), at: context.location(gate.location)))
        }
        for criterion in context.scorecard.criteria where criterion.clause == nil {
            diagnostics.append(.error(Message("scorecard.clause.criterion", criterion.id), at: context.location(criterion.location)))
        }
        for incentive in context.scorecard.incentives where incentive.clause == nil {
            diagnostics.append(.error(Message("scorecard.clause.incentive", incentive.id), at: context.location(incentive.location)))
        }
        for clause in context.scorecard.gates.compactMap(\.clause) + context.scorecard.criteria.compactMap(\.clause)
            + context.scorecard.incentives.compactMap(\.clause)
        where clause.quote.trimmingWhitespace.isEmpty || clause.ref.trimmingWhitespace.isEmpty {
            diagnostics.append(.error(Message("scorecard.clause.incomplete", "ref", "quote"), at: context.location(clause.location)))
        }
        return diagnostics
    }

    static let derivedFacts = ScorecardRule(id: "derived-facts", summary: "derived facts are new keys that use only earlier ones") { context in
        var diagnostics: [Diagnostic] = []
        let derived = context.scorecard.derived
        let position = Dictionary(derived.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { a, _ in a })
        for (index, fact) in derived.enumerated() {
            if context.dictionary.contains(fact.key) {
                diagnostics.append(.error(Message("scorecard.derived.dictionary-key", fact.key),
                                          at: context.location(fact.location)))
            }
            for ref in fact.expression.factReferences {
                if let p = position[ref.path], p >= index {
                    let message = p == index ? Message("scorecard.derived.uses-itself", fact.key)
                        : Message("scorecard.derived.uses-later", fact.key, ref.path)
                    diagnostics.append(.error(message,
                                              at: fact.expression.location(at: ref.offset) ?? context.location(fact.location)))
                }
            }
        }
        return diagnostics
    }

    static let expressions = ScorecardRule(id: "expressions", summary: "expressions read known facts and have the right types") { context in
        var types: [String: StaticType] = [:]
        for (key, definition) in context.dictionary.definitions { types[key] = StaticType(definition.type) }
        var diagnostics: [Diagnostic] = []
        // `what` names the expression, for a type other than expected: its code and ids; the type given is added.
        func check(_ expression: Expression, expecting expected: StaticType?, _ what: Message?, at fallback: SourceLocation?,
                   record: (table: String, fields: [String: StaticType])? = nil) -> StaticType {
            let checker = ExpressionChecker(factTypes: types, record: record)
            let (type, issues) = checker.check(expression)
            for issue in issues {
                diagnostics.append(.error(issue.message, at: expression.location(at: issue.offset) ?? context.location(fallback)))
            }
            if let expected, let what, issues.isEmpty, !expected.accepts(type) {
                diagnostics.append(.error(Message(what.code, what.arguments + [type.rawValue]),
                                          at: expression.location(at: 0) ?? context.location(fallback)))
            }
            return type
        }
        let s = context.scorecard
        // Derived facts are known by key from the start; their order is the 'derived-facts' rule's concern.
        for fact in s.derived where types[fact.key] == nil { types[fact.key] = .any }
        for fact in s.derived {
            types[fact.key] = check(fact.expression, expecting: nil, nil, at: fact.location)
        }
        for gate in s.gates {
            _ = check(gate.condition, expecting: .boolean, Message("scorecard.type.gate-condition", gate.id), at: gate.location)
        }
        for criterion in s.criteria {
            switch criterion.kind {
            case .check(let c):
                _ = check(c.condition, expecting: .boolean, Message("scorecard.type.criterion-condition", criterion.id), at: criterion.location)
            case .scale(let scale):
                _ = check(scale.value, expecting: .number, Message("scorecard.type.criterion-value", criterion.id), at: criterion.location)
            case .checklist(let list):
                for item in list.items {
                    _ = check(item.condition, expecting: .boolean, Message("scorecard.type.item-condition", item.id), at: item.location)
                }
            case .judged: break
            }
        }
        for incentive in s.incentives {
            // With 'for_each', the terms are evaluated per record: bare names are the table's fields.
            var record: (table: String, fields: [String: StaticType])?
            if let table = incentive.forEach {
                if case .records(let schema)? = context.dictionary.type(of: table) {
                    record = (table, Dictionary(uniqueKeysWithValues: schema.fields.map { ($0.name, StaticType($0.type)) }))
                } else {
                    let tables = context.dictionary.keys.filter { if case .records? = context.dictionary.type(of: $0) { return true } else { return false } }
                    let message = context.dictionary.contains(table) ? Message("scorecard.for-each.not-records", incentive.id, table)
                        : Suggestion.closest(to: table, in: tables).map { Message("scorecard.for-each.unknown.suggested", incentive.id, table, $0) }
                        ?? Message("scorecard.for-each.unknown", incentive.id, table)
                    diagnostics.append(.error(message,
                                              at: context.location(incentive.location)))
                    continue
                }
            }
            // Per record, the message also names the table: `… of incentive 'x' (per record of 'firms')`.
            let id = incentive.id, table = incentive.forEach ?? ""
            let perRecord = record != nil
            if let condition = incentive.condition {
                let what = perRecord ? Message("scorecard.type.incentive-condition.per-record", id, table) : Message("scorecard.type.incentive-condition", id)
                _ = check(condition, expecting: .boolean, what, at: incentive.location, record: record)
            }
            if let base = incentive.base {
                let what = perRecord ? Message("scorecard.type.incentive-base.per-record", id, table) : Message("scorecard.type.incentive-base", id)
                _ = check(base, expecting: .number, what, at: incentive.location, record: record)
            }
            let cap = perRecord ? Message("scorecard.type.incentive-cap.per-record", id, table) : Message("scorecard.type.incentive-cap", id)
            _ = check(incentive.cap, expecting: .number, cap, at: incentive.location, record: record)
            if let yearsLeft = incentive.yearsLeft {
                let what = perRecord ? Message("scorecard.type.incentive-years-left.per-record", id, table) : Message("scorecard.type.incentive-years-left", id)
                _ = check(yearsLeft, expecting: .number, what, at: incentive.location, record: record)
            }
            if let totals = incentive.parkTotals {
                if let condition = totals.condition {
                    _ = check(condition, expecting: .boolean, Message("scorecard.type.totals-condition", id), at: incentive.location)
                }
                if let base = totals.base {
                    _ = check(base, expecting: .number, Message("scorecard.type.totals-base", id), at: incentive.location)
                }
                _ = check(totals.cap, expecting: .number, Message("scorecard.type.totals-cap", id), at: incentive.location)
            }
        }
        return diagnostics
    }

    static let points = ScorecardRule(id: "points", summary: "points are positive and every kind is complete") { context in
        var diagnostics: [Diagnostic] = []
        for criterion in context.scorecard.criteria {
            let at = context.location(criterion.location)
            if criterion.maxPoints <= .zero {
                diagnostics.append(.error(Message("scorecard.criterion.no-points", criterion.id), at: at))
            }
            switch criterion.kind {
            case .check(let c) where c.points < .zero:
                diagnostics.append(.error(Message("scorecard.criterion.negative-points", criterion.id), at: at))
            case .scale(let scale):
                switch scale.mapping {
                case .bands(let bands):
                    if bands.isEmpty { diagnostics.append(.error(Message("scorecard.scale.no-bands", criterion.id), at: at)) }
                    for band in bands where band.points < .zero {
                        diagnostics.append(.error(Message("scorecard.scale.negative-band-points", criterion.id), at: context.location(band.location ?? criterion.location)))
                    }
                    var seen = Set<Rational>()
                    for band in bands where !seen.insert(band.min).inserted {
                        diagnostics.append(.error(Message("scorecard.scale.same-start", criterion.id, band.min.formatted()),
                                                  at: context.location(band.location ?? criterion.location)))
                    }
                case .linear(let from, let to, _):
                    if from == to {
                        diagnostics.append(.error(Message("scorecard.scale.equal-bounds", criterion.id, "from", "to"), at: at))
                    }
                }
            case .checklist(let list):
                if list.items.isEmpty { diagnostics.append(.error(Message("scorecard.checklist.no-items", criterion.id), at: at)) }
                for item in list.items where item.points <= .zero {
                    diagnostics.append(.error(Message("scorecard.checklist.item-points", item.id), at: context.location(item.location)))
                }
                if let cap = list.cap, cap <= .zero {
                    diagnostics.append(.error(Message("scorecard.checklist.cap", criterion.id), at: at))
                }
            case .judged(let judged):
                if judged.levels.count < 2 {
                    diagnostics.append(.error(Message("scorecard.judged.few-levels", criterion.id), at: at))
                }
                var seen = Set<Int>()
                for level in judged.levels where !seen.insert(level.level).inserted {
                    diagnostics.append(.error(Message("scorecard.judged.level-twice", String(level.level), criterion.id),
                                              at: context.location(level.location ?? criterion.location)))
                }
                let sorted = judged.levels.sorted { $0.level < $1.level }
                for (a, b) in zip(sorted, sorted.dropFirst()) where b.points < a.points {
                    diagnostics.append(.error(Message("scorecard.judged.level-order", String(b.level), criterion.id, String(a.level)),
                                              at: context.location(b.location ?? criterion.location)))
                }
            default: break
            }
        }
        return diagnostics
    }

    static let gateEffects = ScorecardRule(id: "gate-effects", summary: "a gate's cap names a grade band") { context in
        var diagnostics: [Diagnostic] = []
        let ids = context.scorecard.grades.map(\.id)
        for gate in context.scorecard.gates {
            if case .capGrade(let band) = gate.effect, !ids.contains(band) {
                let message = Suggestion.closest(to: band, in: ids).map { Message("scorecard.gate.cap-unknown.suggested", gate.id, band, $0) }
                    ?? Message("scorecard.gate.cap-unknown", gate.id, band)
                diagnostics.append(.error(message,
                                          at: context.location(gate.location)))
            }
        }
        return diagnostics
    }
}

extension ScorecardValidation {
    static let incentives = ScorecardRule(id: "incentives", summary: "incentives have a rate between 0 and 100% (or an unstated one with a base), sensible years, park totals only beside a per-firm form, and require accreditation only where gates decide it") { context in
        var diagnostics: [Diagnostic] = []
        for incentive in context.scorecard.incentives {
            let at = context.location(incentive.location)
            if let rate = incentive.rate, rate <= .zero || rate > .one {
                diagnostics.append(.error(Message("scorecard.incentive.rate-range", incentive.id), at: at))
            }
            if incentive.rate != nil && incentive.base == nil {
                diagnostics.append(.error(Message("scorecard.incentive.rate-no-base", incentive.id), at: at))
            }
            if incentive.period == .year && incentive.years < 1 {
                diagnostics.append(.error(Message("scorecard.incentive.years", incentive.id, String(incentive.years)), at: at))
            }
            if incentive.rateUnstated && incentive.base == nil {
                diagnostics.append(.error(Message("scorecard.incentive.unstated-no-base", incentive.id), at: at))
            }
            if incentive.yearsLeft != nil && incentive.period != .year {
                diagnostics.append(.error(Message("scorecard.incentive.years-left-once", incentive.id, "period: year"), at: at))
            }
            if incentive.yearsLeft != nil && incentive.forEach == nil {
                // Only a per-record measure reads 'years_left': without 'for_each' it would be silently ignored.
                diagnostics.append(.error(Message("scorecard.incentive.years-left-no-for-each", incentive.id), at: at))
            }
            if incentive.parkTotals != nil && incentive.forEach == nil {
                diagnostics.append(.error(Message("scorecard.incentive.totals-no-for-each", incentive.id), at: at))
            }
            if let totals = incentive.parkTotals, incentive.base != nil, totals.base == nil {
                diagnostics.append(.error(Message("scorecard.incentive.totals-no-base", incentive.id), at: at))
            }
            if incentive.requiresAccreditation && context.scorecard.gates.isEmpty {
                // Without a gate every park's verdict is eligible: "accredited" would decide nothing.
                diagnostics.append(.error(Message("scorecard.incentive.accreditation-no-gate", incentive.id), at: at))
            }
            if incentive.period == .once && incentive.years != 1 {
                diagnostics.append(.error(Message("scorecard.incentive.once-years", incentive.id, "years", "period: year"), at: at))
            }
        }
        return diagnostics
    }
}

extension String {
    var trimmingWhitespace: Substring {
        var s = self[...]
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return s
    }
}
