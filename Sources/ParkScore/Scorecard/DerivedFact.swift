/// A fact a scorecard computes from others, such as
/// `tenants.advertising_share: tenants.advertising_related / tenants.total`.
public struct DerivedFact: Sendable {
    public var key: String
    public var expression: Expression
    public var title: LocalizedText?
    /// Show the value as a percentage in explanations.
    public var isPercent: Bool
    public var location: SourceLocation?

    public init(key: String, expression: Expression, title: LocalizedText? = nil, isPercent: Bool = false,
                location: SourceLocation? = nil) {
        self.key = key
        self.expression = expression
        self.title = title
        self.isPercent = isPercent
        self.location = location
    }
}
