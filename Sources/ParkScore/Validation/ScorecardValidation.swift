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
        func check(_ value: Rational, _ limit: NumberLimit, _ what: String, _ location: SourceLocation?) {
            if let problem = limit.problem(value) { diagnostics.append(.error("\(what): \(problem)", at: context.location(location))) }
        }
        func literals(_ expression: Expression, _ what: String, _ location: SourceLocation?) {
            expression.root.visit { node in
                if case .literal(.number(let n)) = node.kind { check(n, .bound, what, location) }
            }
        }
        let s = context.scorecard
        for dimension in s.dimensions { check(dimension.weight, .weight, "weight of dimension '\(dimension.id)'", dimension.location) }
        for band in s.grades {
            check(band.min, .points, "grade band '\(band.id)'", band.location)
            check(band.max, .points, "grade band '\(band.id)'", band.location)
        }
        for derived in s.derived { literals(derived.expression, "derived fact '\(derived.key)'", derived.location) }
        for gate in s.gates { literals(gate.condition, "gate '\(gate.id)'", gate.location) }
        for criterion in s.criteria {
            let at = criterion.location
            let name = "criterion '\(criterion.id)'"
            for expression in criterion.expressions { literals(expression, name, at) }
            switch criterion.kind {
            case .check(let c): check(c.points, .points, "points of \(name)", at)
            case .scale(let scale):
                switch scale.mapping {
                case .bands(let bands):
                    for band in bands {
                        check(band.points, .points, "band points of \(name)", band.location ?? at)
                        check(band.min, .bound, "band of \(name)", band.location ?? at)
                    }
                case .linear(let from, let to, let points):
                    check(from, .bound, "'from' of \(name)", at)
                    check(to, .bound, "'to' of \(name)", at)
                    check(points, .points, "points of \(name)", at)
                }
            case .checklist(let list):
                for item in list.items { check(item.points, .points, "points of item '\(item.id)'", item.location ?? at) }
                if let cap = list.cap { check(cap, .points, "cap of \(name)", at) }
            case .judged(let judged):
                for level in judged.levels {
                    check(Rational(level.level), .level, "rubric level of \(name)", at)
                    check(level.points, .points, "points of level \(level.level) of \(name)", at)
                }
            }
        }
        for incentive in s.incentives {
            for expression in incentive.expressions { literals(expression, "support measure '\(incentive.id)'", incentive.location) }
            if let rate = incentive.rate { check(rate, .bound, "rate of support measure '\(incentive.id)'", incentive.location) }
        }
        return diagnostics
    }

    /// Every problem the rules find, in file order.
    public static func validate(_ scorecard: Scorecard, dictionary: FactDictionary) -> [Diagnostic] {
        let context = ScorecardContext(scorecard: scorecard, dictionary: dictionary)
        return rules.flatMap { $0(context) }.sortedForReport()
    }

    static let uniqueIDs = ScorecardRule(id: "unique-ids", summary: "gate, dimension, criterion, item and grade ids are unique") { context in
        var diagnostics: [Diagnostic] = []
        func unique(_ what: String, _ items: [(id: String, location: SourceLocation?)]) {
            var first: [String: SourceLocation?] = [:]
            for item in items {
                if let seen = first[item.id] {
                    let at = seen.map { " (first at \($0.line):\($0.column))" } ?? ""
                    diagnostics.append(.error("duplicate \(what) id '\(item.id)'\(at)", at: context.location(item.location)))
                } else {
                    first[item.id] = item.location
                }
            }
        }
        let s = context.scorecard
        unique("gate", s.gates.map { ($0.id, $0.location) })
        unique("dimension", s.dimensions.map { ($0.id, $0.location) })
        unique("criterion", s.criteria.map { ($0.id, $0.location) })
        unique("grade", s.grades.map { ($0.id, $0.location) })
        unique("incentive", s.incentives.map { ($0.id, $0.location) })
        for criterion in s.criteria {
            if case .checklist(let checklist) = criterion.kind {
                unique("item", checklist.items.map { ($0.id, $0.location) })
            }
        }
        return diagnostics
    }

    static let weightsAddUp = ScorecardRule(id: "weights", summary: "dimension weights are positive and add up to 100") { context in
        var diagnostics: [Diagnostic] = []
        var sum = Rational.zero
        for dimension in context.scorecard.dimensions {
            if dimension.weight <= .zero {
                diagnostics.append(.error("weight of dimension '\(dimension.id)' must be above 0, not \(dimension.weight.formatted())",
                                          at: context.location(dimension.location)))
            }
            if dimension.criteria.isEmpty {
                diagnostics.append(.error("dimension '\(dimension.id)' has no criteria", at: context.location(dimension.location)))
            }
            guard let next = sum.adding(dimension.weight) else {
                // The sizes rule names the weight; a sum that cannot be computed is not 100.
                diagnostics.append(.error("dimension weights cannot be added up exactly: \(dimension.weight.formatted(places: 6)) is too large",
                                          at: context.location(dimension.location)))
                return diagnostics
            }
            sum = next
        }
        if sum != 100 && !context.scorecard.dimensions.isEmpty {
            let where_ = context.scorecard.dimensions.first?.location
            diagnostics.append(.error("dimension weights add up to \(sum.formatted()), not 100", at: context.location(where_)))
        }
        return diagnostics
    }

    static let gradeBands = ScorecardRule(id: "grade-bands", summary: "grade bands cover 0 to 100 with no gap and no overlap") { context in
        var diagnostics: [Diagnostic] = []
        let bands = context.scorecard.gradesAscending
        guard let first = bands.first, let last = bands.last else {
            return [.error("scorecard has no grade bands", at: context.scorecard.location)]
        }
        for band in bands where !(band.min < band.max) {
            diagnostics.append(.error("grade band '\(band.id)' runs from \(band.min.formatted()) to \(band.max.formatted()): min must be below max",
                                      at: context.location(band.location)))
        }
        if first.min != .zero {
            diagnostics.append(.error("grade bands start at \(first.min.formatted()), not 0", at: context.location(first.location)))
        }
        if last.max != 100 {
            diagnostics.append(.error("grade bands end at \(last.max.formatted()), not 100", at: context.location(last.location)))
        }
        for (lower, upper) in zip(bands, bands.dropFirst()) {
            if upper.min < lower.max {
                diagnostics.append(.error(
                    "grade bands '\(lower.id)' (\(lower.min.formatted())–\(lower.max.formatted())) and '\(upper.id)' (\(upper.min.formatted())–\(upper.max.formatted())) overlap",
                    at: context.location(upper.location)))
            } else if lower.max < upper.min {
                diagnostics.append(.error(
                    "grade bands leave a gap between \(lower.max.formatted()) and \(upper.min.formatted())",
                    at: context.location(upper.location)))
            }
        }
        return diagnostics
    }

    static let sourceClauses = ScorecardRule(id: "source-clauses", summary: "every gate and criterion cites its clause") { context in
        var diagnostics: [Diagnostic] = []
        for gate in context.scorecard.gates where gate.clause == nil {
            diagnostics.append(.error("gate '\(gate.id)' cites no source clause", at: context.location(gate.location)))
        }
        for criterion in context.scorecard.criteria where criterion.clause == nil {
            diagnostics.append(.error("criterion '\(criterion.id)' cites no source clause", at: context.location(criterion.location)))
        }
        for incentive in context.scorecard.incentives where incentive.clause == nil {
            diagnostics.append(.error("incentive '\(incentive.id)' cites no source clause", at: context.location(incentive.location)))
        }
        for clause in context.scorecard.gates.compactMap(\.clause) + context.scorecard.criteria.compactMap(\.clause)
            + context.scorecard.incentives.compactMap(\.clause)
        where clause.quote.trimmingWhitespace.isEmpty || clause.ref.trimmingWhitespace.isEmpty {
            diagnostics.append(.error("clause needs both 'ref' and 'quote'", at: context.location(clause.location)))
        }
        return diagnostics
    }

    static let derivedFacts = ScorecardRule(id: "derived-facts", summary: "derived facts are new keys that use only earlier ones") { context in
        var diagnostics: [Diagnostic] = []
        let derived = context.scorecard.derived
        let position = Dictionary(derived.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { a, _ in a })
        for (index, fact) in derived.enumerated() {
            if context.dictionary.contains(fact.key) {
                diagnostics.append(.error("derived fact '\(fact.key)' has the key of a fact in the dictionary",
                                          at: context.location(fact.location)))
            }
            for ref in fact.expression.factReferences {
                if let p = position[ref.path], p >= index {
                    let why = p == index ? "itself" : "'\(ref.path)', which is defined after it"
                    diagnostics.append(.error("derived fact '\(fact.key)' uses \(why)",
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
        func check(_ expression: Expression, expecting expected: StaticType?, _ what: String, at fallback: SourceLocation?,
                   record: (table: String, fields: [String: StaticType])? = nil) -> StaticType {
            let checker = ExpressionChecker(factTypes: types, record: record)
            let (type, issues) = checker.check(expression)
            for issue in issues {
                diagnostics.append(.error(issue.message, at: expression.location(at: issue.offset) ?? context.location(fallback)))
            }
            if let expected, issues.isEmpty, !expected.accepts(type) {
                let wanted = expected == .boolean ? "true or false" : "a \(expected.rawValue)"
                diagnostics.append(.error("\(what) gives a \(type.rawValue), not \(wanted)",
                                          at: expression.location(at: 0) ?? context.location(fallback)))
            }
            return type
        }
        let s = context.scorecard
        // Derived facts are known by key from the start; their order is the 'derived-facts' rule's concern.
        for fact in s.derived where types[fact.key] == nil { types[fact.key] = .any }
        for fact in s.derived {
            types[fact.key] = check(fact.expression, expecting: nil, "derived fact '\(fact.key)'", at: fact.location)
        }
        for gate in s.gates {
            _ = check(gate.condition, expecting: .boolean, "condition of gate '\(gate.id)'", at: gate.location)
        }
        for criterion in s.criteria {
            switch criterion.kind {
            case .check(let c):
                _ = check(c.condition, expecting: .boolean, "condition of criterion '\(criterion.id)'", at: criterion.location)
            case .scale(let scale):
                _ = check(scale.value, expecting: .number, "value of criterion '\(criterion.id)'", at: criterion.location)
            case .checklist(let list):
                for item in list.items {
                    _ = check(item.condition, expecting: .boolean, "condition of item '\(item.id)'", at: item.location)
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
                    let what = context.dictionary.contains(table) ? "'\(table)' is not a table of records" : "unknown fact '\(table)'\(Suggestion.hint(for: table, in: tables))"
                    diagnostics.append(.error("'for_each' of incentive '\(incentive.id)' must name a records fact: \(what)",
                                              at: context.location(incentive.location)))
                    continue
                }
            }
            let name = record == nil ? "" : " (per record of '\(incentive.forEach ?? "")')"
            if let condition = incentive.condition {
                _ = check(condition, expecting: .boolean, "condition of incentive '\(incentive.id)'\(name)", at: incentive.location, record: record)
            }
            if let base = incentive.base {
                _ = check(base, expecting: .number, "base of incentive '\(incentive.id)'\(name)", at: incentive.location, record: record)
            }
            _ = check(incentive.cap, expecting: .number, "cap of incentive '\(incentive.id)'\(name)", at: incentive.location, record: record)
            if let yearsLeft = incentive.yearsLeft {
                _ = check(yearsLeft, expecting: .number, "years_left of incentive '\(incentive.id)'\(name)", at: incentive.location, record: record)
            }
            if let totals = incentive.parkTotals {
                if let condition = totals.condition {
                    _ = check(condition, expecting: .boolean, "park_totals condition of incentive '\(incentive.id)'", at: incentive.location)
                }
                if let base = totals.base {
                    _ = check(base, expecting: .number, "park_totals base of incentive '\(incentive.id)'", at: incentive.location)
                }
                _ = check(totals.cap, expecting: .number, "park_totals cap of incentive '\(incentive.id)'", at: incentive.location)
            }
        }
        return diagnostics
    }

    static let points = ScorecardRule(id: "points", summary: "points are positive and every kind is complete") { context in
        var diagnostics: [Diagnostic] = []
        for criterion in context.scorecard.criteria {
            let at = context.location(criterion.location)
            if criterion.maxPoints <= .zero {
                diagnostics.append(.error("criterion '\(criterion.id)' can earn no points", at: at))
            }
            switch criterion.kind {
            case .check(let c) where c.points < .zero:
                diagnostics.append(.error("points of criterion '\(criterion.id)' must not be negative", at: at))
            case .scale(let scale):
                switch scale.mapping {
                case .bands(let bands):
                    if bands.isEmpty { diagnostics.append(.error("scale '\(criterion.id)' has no bands", at: at)) }
                    for band in bands where band.points < .zero {
                        diagnostics.append(.error("band points must not be negative", at: context.location(band.location ?? criterion.location)))
                    }
                    var seen = Set<Rational>()
                    for band in bands where !seen.insert(band.min).inserted {
                        diagnostics.append(.error("two bands of '\(criterion.id)' start at \(band.min.formatted())",
                                                  at: context.location(band.location ?? criterion.location)))
                    }
                case .linear(let from, let to, _):
                    if from == to {
                        diagnostics.append(.error("linear scale '\(criterion.id)' needs 'from' and 'to' to differ", at: at))
                    }
                }
            case .checklist(let list):
                if list.items.isEmpty { diagnostics.append(.error("checklist '\(criterion.id)' has no items", at: at)) }
                for item in list.items where item.points <= .zero {
                    diagnostics.append(.error("item '\(item.id)' must earn more than 0 points", at: context.location(item.location)))
                }
                if let cap = list.cap, cap <= .zero {
                    diagnostics.append(.error("cap of checklist '\(criterion.id)' must be above 0", at: at))
                }
            case .judged(let judged):
                if judged.levels.count < 2 {
                    diagnostics.append(.error("judged criterion '\(criterion.id)' needs at least 2 rubric levels", at: at))
                }
                var seen = Set<Int>()
                for level in judged.levels where !seen.insert(level.level).inserted {
                    diagnostics.append(.error("rubric level \(level.level) of '\(criterion.id)' is given twice",
                                              at: context.location(level.location ?? criterion.location)))
                }
                let sorted = judged.levels.sorted { $0.level < $1.level }
                for (a, b) in zip(sorted, sorted.dropFirst()) where b.points < a.points {
                    diagnostics.append(.error("rubric level \(b.level) of '\(criterion.id)' earns fewer points than level \(a.level)",
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
                diagnostics.append(.error("gate '\(gate.id)' caps the grade at '\(band)', which is not a grade band\(Suggestion.hint(for: band, in: ids))",
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
                diagnostics.append(.error("rate of incentive '\(incentive.id)' must be above 0% and at most 100%", at: at))
            }
            if incentive.rate != nil && incentive.base == nil {
                diagnostics.append(.error("incentive '\(incentive.id)' has a rate but no base to apply it to", at: at))
            }
            if incentive.period == .year && incentive.years < 1 {
                diagnostics.append(.error("incentive '\(incentive.id)' runs for \(incentive.years) years: at least 1", at: at))
            }
            if incentive.rateUnstated && incentive.base == nil {
                diagnostics.append(.error("incentive '\(incentive.id)' says its rate is unstated but has no base the amount is a share of", at: at))
            }
            if incentive.yearsLeft != nil && incentive.period != .year {
                diagnostics.append(.error("incentive '\(incentive.id)' has 'years_left' but is granted once: it applies to 'period: year' only", at: at))
            }
            if incentive.yearsLeft != nil && incentive.forEach == nil {
                // Only a per-record measure reads 'years_left': without 'for_each' it would be silently ignored.
                diagnostics.append(.error("incentive '\(incentive.id)' has 'years_left' but no 'for_each': years left are counted per record of a table", at: at))
            }
            if incentive.parkTotals != nil && incentive.forEach == nil {
                diagnostics.append(.error("incentive '\(incentive.id)' has 'park_totals' but no 'for_each': the park-aggregate form stands in for a per-firm measure", at: at))
            }
            if let totals = incentive.parkTotals, incentive.base != nil, totals.base == nil {
                diagnostics.append(.error("incentive '\(incentive.id)' has a base per firm, but its 'park_totals' has none", at: at))
            }
            if incentive.requiresAccreditation && context.scorecard.gates.isEmpty {
                // Without a gate every park's verdict is eligible: "accredited" would decide nothing.
                diagnostics.append(.error("incentive '\(incentive.id)' has 'requires_accreditation' but the scorecard has no gate to decide the park's accreditation", at: at))
            }
            if incentive.period == .once && incentive.years != 1 {
                diagnostics.append(.error("incentive '\(incentive.id)' is granted once: 'years' applies to 'period: year' only", at: at))
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
