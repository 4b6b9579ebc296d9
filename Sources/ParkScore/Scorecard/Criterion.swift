/// One scored line of a scorecard.
public struct Criterion: Sendable {
    public var id: String
    public var title: LocalizedText
    public var clause: Clause?
    public var kind: Kind {
        didSet {
            factKeys = Criterion.factKeys(of: kind)
            maxPoints = Criterion.maxPoints(of: kind)
        }
    }
    /// The most points the criterion can earn (worked out once: scoring asks for it several times a criterion).
    public private(set) var maxPoints: Rational
    /// The facts the criterion reads, in the order its expressions name them.
    public private(set) var factKeys: [String]
    /// Whether a park may claim the criterion does not apply to it (with a justification).
    public var allowsNotApplicable: Bool
    public var evidence: EvidenceRequirement?
    /// What a park can do to earn the points, in words.
    public var guidance: LocalizedText?
    public var examples: [ScorecardExample]
    public var location: SourceLocation?
    /// The effort class of the criterion's own steps (meet it, add items, raise the value, reach a level), when the
    /// scorecard states it (`effort: change | recognition`): `recognition` for an accreditation or a designation only an
    /// outside body grants. Unstated: `change`, or `recognition` for a judged criterion's levels.
    public var effort: Improvement.Effort?

    public enum Kind: Sendable {
        /// A condition: all the points when it holds, none otherwise.
        case check(Check)
        /// A number turned into points, by bands or linearly between two bounds.
        case scale(Scale)
        /// Points for each item present, up to a cap.
        case checklist(Checklist)
        /// A rubric of levels rated by an evaluator (self-rated, provisionally, in self-assessment).
        case judged(Judged)

        public var name: String {
            switch self {
            case .check: return "check"
            case .scale: return "scale"
            case .checklist: return "checklist"
            case .judged: return "judged"
            }
        }
    }

    public init(id: String, title: LocalizedText, clause: Clause?, kind: Kind, allowsNotApplicable: Bool = false,
                evidence: EvidenceRequirement? = nil, guidance: LocalizedText? = nil, examples: [ScorecardExample] = [],
                location: SourceLocation? = nil, effort: Improvement.Effort? = nil) {
        self.effort = effort
        self.id = id
        self.title = title
        self.clause = clause
        self.kind = kind
        self.factKeys = Criterion.factKeys(of: kind)
        self.maxPoints = Criterion.maxPoints(of: kind)
        self.allowsNotApplicable = allowsNotApplicable
        self.evidence = evidence
        self.guidance = guidance
        self.examples = examples
        self.location = location
    }

    static func maxPoints(of kind: Kind) -> Rational {
        switch kind {
        case .check(let c): return c.points
        case .scale(let s): return s.maxPoints
        case .checklist(let c): return c.maxPoints
        case .judged(let j): return j.levels.map(\.points).max() ?? 0
        }
    }

    /// Every expression the criterion evaluates.
    public var expressions: [Expression] { Criterion.expressions(of: kind) }

    static func expressions(of kind: Kind) -> [Expression] {
        switch kind {
        case .check(let c): return [c.condition]
        case .scale(let s): return [s.value]
        case .checklist(let c): return c.items.map(\.condition)
        case .judged: return []
        }
    }

    static func factKeys(of kind: Kind) -> [String] {
        var seen = Set<String>()
        return expressions(of: kind).flatMap { $0.factReferences.map(\.path) }.filter { seen.insert($0).inserted }
    }
}

public struct Check: Sendable {
    public var condition: Expression
    public var points: Rational

    public init(condition: Expression, points: Rational) {
        self.condition = condition
        self.points = points
    }
}

public struct Scale: Sendable {
    public enum Mapping: Sendable {
        /// The points of the highest band whose `min` the value reaches (inclusive).
        case bands([Band])
        /// `points × (value − from) / (to − from)`, clamped to [0, points]; `from > to` means lower is better.
        case linear(from: Rational, to: Rational, points: Rational)
    }

    public struct Band: Sendable, Hashable {
        public var min: Rational
        public var points: Rational
        public var location: SourceLocation?

        public init(min: Rational, points: Rational, location: SourceLocation? = nil) {
            self.min = min
            self.points = points
            self.location = location
        }
    }

    public var value: Expression
    public var mapping: Mapping
    /// Show the value as a percentage.
    public var isPercent: Bool

    public init(value: Expression, mapping: Mapping, isPercent: Bool = false) {
        self.value = value
        self.mapping = mapping
        self.isPercent = isPercent
    }

    public var maxPoints: Rational {
        switch mapping {
        case .bands(let bands): return bands.map(\.points).max() ?? 0
        case .linear(_, _, let points): return points
        }
    }
}

public struct Checklist: Sendable {
    public struct Item: Sendable {
        public var id: String
        public var title: LocalizedText
        public var condition: Expression
        public var points: Rational
        public var location: SourceLocation?

        public init(id: String, title: LocalizedText, condition: Expression, points: Rational, location: SourceLocation? = nil) {
            self.id = id
            self.title = title
            self.condition = condition
            self.points = points
            self.location = location
        }
    }

    public var items: [Item]
    /// The most points the items together earn; the sum of the items when nil.
    public var cap: Rational?

    public init(items: [Item], cap: Rational? = nil) {
        self.items = items
        self.cap = cap
    }

    public var maxPoints: Rational {
        let sum = items.reduce(Rational.zero) { $0.adding($1.points) ?? $0 }
        if let cap { return Rational.min(cap, sum) }
        return sum
    }
}

public struct Judged: Sendable {
    public struct Level: Sendable, Hashable {
        public var level: Int
        public var points: Rational
        /// What a park at this level has: concrete and observable.
        public var descriptor: LocalizedText
        public var location: SourceLocation?

        public init(level: Int, points: Rational, descriptor: LocalizedText, location: SourceLocation? = nil) {
            self.level = level
            self.points = points
            self.descriptor = descriptor
            self.location = location
        }
    }

    public var levels: [Level]

    public init(levels: [Level]) {
        self.levels = levels
    }

    public func level(_ number: Int) -> Level? { levels.first { $0.level == number } }
}
