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

    /// Nil when the number fits; else why not, as data naming the number.
    public func problem(_ value: Rational) -> NumberProblem? {
        if !allowsNegative && value < .zero { return .negative(value.formatted(places: 6)) }
        let size = value < .zero ? (value.negated ?? value) : value
        if magnitude < size {
            return .tooLarge(value.formatted(places: 6), most: magnitude.formatted(places: 0))
        }
        var scale = 1
        for _ in 0..<decimals { scale *= 10 }
        if scale % value.denominator != 0 {
            return decimals == 0 ? .notWhole(value.formatted(places: 12)) : .tooPrecise(value.formatted(places: 12), decimals: decimals)
        }
        return nil
    }
}

/// Why a number does not fit a `NumberLimit`, with the numbers as written (digits are the same in every language).
public enum NumberProblem: Sendable, Hashable {
    case negative(String)
    case tooLarge(String, most: String)
    case notWhole(String)
    case tooPrecise(String, decimals: Int)

    /// The problem alone (`number.too-large`): the number, and the limit it passes.
    public var message: Message {
        switch self {
        case .negative(let n): return Message("number.negative", n)
        case .tooLarge(let n, let most): return Message("number.too-large", n, most)
        case .notWhole(let n): return Message("number.not-whole", n)
        case .tooPrecise(let n, let decimals): return Message("number.too-precise", n, String(decimals))
        }
    }

    /// The last part of a code that names the problem of a number in a place: `scorecard.size.weight.` + `too-large`.
    public var kind: String {
        switch self {
        case .negative: return "negative"
        case .tooLarge: return "too-large"
        case .notWhole: return "not-whole"
        case .tooPrecise: return "too-precise"
        }
    }

    /// The numbers the message quotes, in order.
    public var arguments: [String] {
        switch self {
        case .negative(let n), .notWhole(let n): return [n]
        case .tooLarge(let n, let most): return [n, most]
        case .tooPrecise(let n, let decimals): return [n, String(decimals)]
        }
    }
}
