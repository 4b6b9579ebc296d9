/// A grade and the range of totals that earn it: `min` inclusive, `max` exclusive (the top band
/// includes 100).
public struct GradeBand: Sendable, Hashable {
    public var id: String
    public var title: LocalizedText
    public var min: Rational
    public var max: Rational
    public var location: SourceLocation?

    public init(id: String, title: LocalizedText, min: Rational, max: Rational, location: SourceLocation? = nil) {
        self.id = id
        self.title = title
        self.min = min
        self.max = max
        self.location = location
    }

    public func contains(_ total: Rational) -> Bool {
        min <= total && (total < max || (max == 100 && total == 100))
    }
}
