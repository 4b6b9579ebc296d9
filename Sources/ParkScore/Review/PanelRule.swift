/// How a panel's ratings of a judged criterion become one: named in the scorecard (`panel:`), with the
/// spread of levels above which the panel is asked to discuss the criterion.
public struct PanelRule: Sendable, Hashable {
    public enum Aggregation: String, Sendable, Hashable, CaseIterable {
        /// The mean below 5 ratings; from 5 up, the mean without the highest and the lowest (as expert panels do).
        case trimmedMean = "trimmed-mean"
        /// The mean of all ratings.
        case mean
        /// The median.
        case median
    }

    public var aggregation: Aggregation
    /// Ratings further apart than this many levels flag the criterion for discussion.
    public var disagreementSpread: Int

    public init(aggregation: Aggregation = .trimmedMean, disagreementSpread: Int = 1) {
        self.aggregation = aggregation
        self.disagreementSpread = disagreementSpread
    }

    public static let standard = PanelRule()
}
