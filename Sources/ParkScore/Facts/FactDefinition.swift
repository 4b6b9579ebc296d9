/// One entry of the fact dictionary: the key, its type and the bounds a value must keep.
public struct FactDefinition: Sendable, Hashable {
    public var key: String
    public var type: FactType
    /// The unit as a reader says it (家, 万元, 人, m²); money is always CNY.
    public var unit: String?
    public var minimum: Rational?
    public var maximum: Rational?
    /// Another fact this one may not exceed: a part is never more than its whole.
    public var atMost: String?
    public var description: LocalizedText
    /// Labels of enum or list values, by value.
    public var valueLabels: [String: LocalizedText]
    public var location: SourceLocation?

    public init(key: String, type: FactType, unit: String? = nil, minimum: Rational? = nil, maximum: Rational? = nil,
                atMost: String? = nil, description: LocalizedText, valueLabels: [String: LocalizedText] = [:], location: SourceLocation? = nil) {
        self.key = key
        self.type = type
        self.unit = unit
        self.minimum = minimum
        self.maximum = maximum
        self.atMost = atMost
        self.description = description
        self.valueLabels = valueLabels
        self.location = location
    }

    /// The effective lower bound: counts and money are never negative unless the dictionary says so.
    public var effectiveMinimum: Rational? {
        if let minimum { return minimum }
        switch type {
        case .integer, .money, .percent: return 0
        default: return nil
        }
    }

    /// The effective upper bound: a percentage never above 100%.
    public var effectiveMaximum: Rational? {
        if let maximum { return maximum }
        if case .percent = type { return 1 }
        return nil
    }
}
