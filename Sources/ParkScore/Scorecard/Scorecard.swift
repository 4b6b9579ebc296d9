/// A scorecard written from one policy text: grade bands, gates, weighted dimensions of criteria.
public struct Scorecard: Sendable {
    public var id: String
    public var version: String
    public var title: LocalizedText
    public var source: SourceText
    public var scoringModel: ScoringModel
    /// How panel ratings are aggregated and when they disagree.
    public var panelRule: PanelRule = .standard
    public var grades: [GradeBand]
    public var derived: [DerivedFact]
    public var gates: [Gate]
    public var dimensions: [Dimension]
    /// Support the text offers, computed as entitlements.
    public var incentives: [Incentive]
    /// The file the scorecard was read from, if any.
    public var file: String?
    public var location: SourceLocation?

    public init(id: String, version: String, title: LocalizedText, source: SourceText,
                scoringModel: ScoringModel = .weightedDimensions, grades: [GradeBand], derived: [DerivedFact] = [],
                gates: [Gate], dimensions: [Dimension], incentives: [Incentive] = [], file: String? = nil,
                location: SourceLocation? = nil) {
        self.id = id
        self.version = version
        self.title = title
        self.source = source
        self.scoringModel = scoringModel
        self.grades = grades
        self.derived = derived
        self.gates = gates
        self.dimensions = dimensions
        self.incentives = incentives
        self.file = file
        self.location = location
    }

    public var criteria: [Criterion] { dimensions.flatMap(\.criteria) }

    public func criterion(_ id: String) -> Criterion? {
        for dimension in dimensions {
            if let c = dimension.criteria.first(where: { $0.id == id }) { return c }
        }
        return nil
    }

    public func gate(_ id: String) -> Gate? { gates.first { $0.id == id } }

    /// Grade bands from the lowest to the highest.
    public var gradesAscending: [GradeBand] { grades.sorted { $0.min < $1.min } }

    public func grade(for total: Rational) -> GradeBand? {
        gradesAscending.last { $0.contains(total) } ?? gradesAscending.last { $0.min <= total }
    }

    /// Every fact key the scorecard reads: from gates, criteria, derived facts and incentives (derived keys and the
    /// reporting period excluded; an incentive's table counts, its fields do not).
    public var factKeys: [String] {
        let derivedKeys = Set(derived.map(\.key))
        var seen = Set<String>()
        var keys: [String] = []
        let expressions = derived.map(\.expression) + gates.map(\.condition) + criteria.flatMap(\.expressions)
        let references = expressions.flatMap { $0.factReferences.map(\.path) } + incentives.flatMap(\.factKeys)
        // The reporting period is the self-report's, not a fact.
        for key in references where !derivedKeys.contains(key) && !key.hasPrefix("period.") && seen.insert(key).inserted {
            keys.append(key)
        }
        return keys
    }

    /// The gates and criteria that read `key`, directly or through a derived fact, in scorecard order (gates first).
    public func readers(of key: String) -> [String] {
        // Derived facts that depend on the key, through other derived facts too.
        var keys: Set<String> = [key]
        var grew = true
        while grew {
            grew = false
            for fact in derived where !keys.contains(fact.key) && fact.expression.factReferences.contains(where: { keys.contains($0.path) }) {
                keys.insert(fact.key)
                grew = true
            }
        }
        let gateIDs = gates.filter { $0.condition.factReferences.contains { keys.contains($0.path) } }.map(\.id)
        let criterionIDs = criteria.filter { $0.expressions.contains { $0.factReferences.contains { keys.contains($0.path) } } }.map(\.id)
        return gateIDs + criterionIDs
    }
}
