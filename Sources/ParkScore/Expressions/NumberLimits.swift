/// The sizes a number may have where it enters: a self-report's facts, a scorecard's weights, points, levels and bounds,
/// an expression's literals. Within them, exact arithmetic on `Rational` cannot overflow in scoring; beyond them a number
/// is refused where it is written, with a message naming it, instead of being computed wrongly later.
public struct NumberLimit: Sendable {
    /// The largest magnitude allowed.
    public let magnitude: Rational
    /// The most decimals allowed (the denominator divides 10^decimals).
    public let decimals: Int
    public let allowsNegative: Bool

    public init(magnitude: Rational, decimals: Int, allowsNegative: Bool = true) {
        self.magnitude = magnitude
        self.decimals = decimals
        self.allowsNegative = allowsNegative
    }

    /// A fact value: up to 10^15 (a quadrillion yuan), with up to 6 decimals.
    public static let fact = NumberLimit(magnitude: Rational(1_000_000_000_000_000), decimals: 6)
    /// A number written in a scorecard expression or as a scale's bound.
    public static let bound = NumberLimit(magnitude: Rational(1_000_000_000_000_000), decimals: 6)
    /// A dimension weight: above 0, up to 100, with up to 2 decimals.
    public static let weight = NumberLimit(magnitude: Rational(100), decimals: 2, allowsNegative: false)
    /// Points: up to 1,000, with up to 2 decimals.
    public static let points = NumberLimit(magnitude: Rational(1000), decimals: 2, allowsNegative: false)
    /// A rubric level: a whole number from 0 to 100.
    public static let level = NumberLimit(magnitude: Rational(100), decimals: 0, allowsNegative: false)

    /// Nil when the number fits; else why not, in a sentence naming it.
    public func problem(_ value: Rational) -> String? {
        if !allowsNegative && value < .zero { return "\(value.formatted(places: 6)) is negative" }
        let size = value < .zero ? (value.negated ?? value) : value
        if magnitude < size {
            return "\(value.formatted(places: 6)) is larger than \(magnitude.formatted(places: 0)), the most this tool computes exactly here"
        }
        var scale = 1
        for _ in 0..<decimals { scale *= 10 }
        if scale % value.denominator != 0 {
            return decimals == 0 ? "\(value.formatted(places: 12)) must be a whole number"
                : "\(value.formatted(places: 12)) has more than \(decimals) decimals"
        }
        return nil
    }
}
