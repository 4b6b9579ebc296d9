/// A weighted group of criteria; the weights of a scorecard's dimensions add up to 100.
public struct Dimension: Sendable {
    public var id: String
    public var title: LocalizedText
    public var weight: Rational
    public var criteria: [Criterion]
    public var location: SourceLocation?

    public init(id: String, title: LocalizedText, weight: Rational, criteria: [Criterion], location: SourceLocation? = nil) {
        self.id = id
        self.title = title
        self.weight = weight
        self.criteria = criteria
        self.location = location
    }

    public var maxPoints: Rational {
        criteria.reduce(Rational.zero) { $0.adding($1.maxPoints) ?? $0 }
    }
}
