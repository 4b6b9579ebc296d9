/// An exact number: a fraction of two integers in lowest terms.
///
/// Policy thresholds must hold exactly at their boundaries (18 of 45 is exactly 40%), and money must
/// never pass through floating point, so every number in facts, expressions and points is a `Rational`.
/// Operations that would overflow 64 bits return nil; callers turn that into an error value.
public struct Rational: Sendable, Hashable, Comparable, CustomStringConvertible {
    public private(set) var numerator: Int
    public private(set) var denominator: Int

    public static let zero = Rational(0)
    public static let one = Rational(1)

    public init(_ value: Int) {
        numerator = value
        denominator = 1
    }

    /// A fraction in lowest terms over a denominator known to be positive (a constant of the code, never a number from a
    /// file): it always exists.
    init(reduced numerator: Int, _ denominator: Int) {
        precondition(denominator > 0, "a positive denominator")
        let g = Rational.gcd(numerator.magnitude, UInt(denominator))
        self.numerator = g > 1 ? numerator / Int(g) : numerator
        self.denominator = g > 1 ? denominator / Int(g) : denominator
    }

    /// A fraction in lowest terms; nil when the denominator is zero or the value does not fit.
    public init?(_ numerator: Int, _ denominator: Int) {
        guard denominator != 0 else { return nil }
        var n = numerator, d = denominator
        if d < 0 {
            guard n != .min, d != .min else { return nil }
            n = -n
            d = -d
        }
        let g = Rational.gcd(n.magnitude, UInt(d))
        if g > 1 {
            n /= Int(g)
            d /= Int(g)
        }
        self.numerator = n
        self.denominator = d
    }

    /// Parses a decimal text: `12`, `-0.40`, `+3.5`, `1.5e6`, `2E-3`. Nothing else is accepted.
    public init?(decimal text: Substring) {
        var chars = text.utf8[...]
        var negative = false
        if let first = chars.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            chars = chars.dropFirst()
        }
        var mantissa = 0
        var scale = 0
        var digits = 0
        var seenPoint = false
        var exponent = 0
        while let c = chars.first {
            if c >= 48 && c <= 57 {
                let (m1, o1) = mantissa.multipliedReportingOverflow(by: 10)
                let (m2, o2) = m1.addingReportingOverflow(Int(c - 48))
                guard !o1, !o2 else { return nil }
                mantissa = m2
                digits += 1
                if seenPoint { scale += 1 }
            } else if c == UInt8(ascii: "."), !seenPoint {
                seenPoint = true
            } else if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
                chars = chars.dropFirst()
                var expNegative = false
                if let s = chars.first, s == UInt8(ascii: "-") || s == UInt8(ascii: "+") {
                    expNegative = s == UInt8(ascii: "-")
                    chars = chars.dropFirst()
                }
                guard !chars.isEmpty, chars.count <= 3 else { return nil }
                for d in chars {
                    guard d >= 48 && d <= 57 else { return nil }
                    exponent = exponent * 10 + Int(d - 48)
                }
                if expNegative { exponent = -exponent }
                chars = chars.dropFirst(chars.count)
                break
            } else {
                return nil
            }
            chars = chars.dropFirst()
        }
        guard digits > 0 else { return nil }
        let power = exponent - scale
        var value = negative ? -mantissa : mantissa
        var denominator = 1
        if power >= 0 {
            for _ in 0..<power {
                let (v, o) = value.multipliedReportingOverflow(by: 10)
                guard !o else { return nil }
                value = v
            }
        } else {
            for _ in 0..<(-power) {
                let (d, o) = denominator.multipliedReportingOverflow(by: 10)
                guard !o else { return nil }
                denominator = d
            }
        }
        self.init(value, denominator)
    }

    public init?(decimal text: String) {
        self.init(decimal: text[...])
    }

    public var isInteger: Bool { denominator == 1 }
    public var isZero: Bool { numerator == 0 }
    public var isNegative: Bool { numerator < 0 }

    public var doubleValue: Double { Double(numerator) / Double(denominator) }

    // MARK: Arithmetic (nil on overflow or division by zero)

    public func adding(_ other: Rational) -> Rational? {
        if denominator == other.denominator {
            let (n, o) = numerator.addingReportingOverflow(other.numerator)
            return o ? nil : Rational(n, denominator)
        }
        let (a, o1) = numerator.multipliedReportingOverflow(by: other.denominator)
        let (b, o2) = other.numerator.multipliedReportingOverflow(by: denominator)
        let (n, o3) = a.addingReportingOverflow(b)
        let (d, o4) = denominator.multipliedReportingOverflow(by: other.denominator)
        guard !(o1 || o2 || o3 || o4) else { return nil }
        return Rational(n, d)
    }

    public func subtracting(_ other: Rational) -> Rational? {
        guard other.numerator != .min else { return nil }
        return adding(Rational(unchecked: -other.numerator, other.denominator))
    }

    public func multiplied(by other: Rational) -> Rational? {
        // Cross-reduce first to keep the numbers small.
        let g1 = Int(Rational.gcd(numerator.magnitude, UInt(other.denominator)))
        let g2 = Int(Rational.gcd(other.numerator.magnitude, UInt(denominator)))
        let (n, o1) = (numerator / Swift.max(g1, 1)).multipliedReportingOverflow(by: other.numerator / Swift.max(g2, 1))
        let (d, o2) = (denominator / Swift.max(g2, 1)).multipliedReportingOverflow(by: other.denominator / Swift.max(g1, 1))
        guard !(o1 || o2) else { return nil }
        return Rational(n, d)
    }

    public func divided(by other: Rational) -> Rational? {
        guard other.numerator != 0 else { return nil }
        guard let inverse = Rational(other.denominator, other.numerator) else { return nil }
        return multiplied(by: inverse)
    }

    public var negated: Rational? {
        numerator == .min ? nil : Rational(unchecked: -numerator, denominator)
    }

    private init(unchecked numerator: Int, _ denominator: Int) {
        self.numerator = numerator
        self.denominator = denominator
    }

    // MARK: Comparison, exact through 128-bit products

    public static func < (lhs: Rational, rhs: Rational) -> Bool {
        let a = lhs.numerator.multipliedFullWidth(by: rhs.denominator)
        let b = rhs.numerator.multipliedFullWidth(by: lhs.denominator)
        return a.high != b.high ? a.high < b.high : a.low < b.low
    }

    public static func min(_ a: Rational, _ b: Rational) -> Rational { b < a ? b : a }
    public static func max(_ a: Rational, _ b: Rational) -> Rational { a < b ? b : a }

    // MARK: Rounding and text

    /// The value in decimal, rounded half away from zero to `places` digits after the point: sign, whole part and
    /// fraction digits. Exact for every value (full-width long division), so no text is ever made from a wrong number.
    func decimalDigits(places: Int) -> (negative: Bool, whole: String, fraction: [UInt8]) {
        let places = Swift.max(0, Swift.min(places, 40))
        let d = UInt(denominator)
        var whole = numerator.magnitude / d
        var r = numerator.magnitude % d
        var digits: [UInt8] = []
        digits.reserveCapacity(places)
        for _ in 0..<places {
            let product = r.multipliedFullWidth(by: 10)
            let (q, rest) = d.dividingFullWidth(product)
            digits.append(UInt8(q))
            r = rest
        }
        // Half up: the remainder is at least half the denominator.
        if r >= d - r {
            var i = digits.count - 1
            var carry = true
            while carry && i >= 0 {
                if digits[i] == 9 { digits[i] = 0 } else { digits[i] += 1; carry = false }
                i -= 1
            }
            if carry { whole += 1 }
        }
        let negative = numerator < 0 && (whole != 0 || digits.contains { $0 != 0 })
        return (negative, String(whole), digits)
    }

    /// Rounded to `places` decimal places, half away from zero; the value itself when the rounded one cannot be held.
    public func rounded(places: Int) -> Rational {
        let (negative, whole, digits) = decimalDigits(places: places)
        guard let w = Int(whole) else { return self }
        var value = w
        var scale = 1
        for digit in digits {
            let (v, o1) = value.multipliedReportingOverflow(by: 10)
            let (v2, o2) = v.addingReportingOverflow(Int(digit))
            let (s, o3) = scale.multipliedReportingOverflow(by: 10)
            if o1 || o2 || o3 { return self }
            value = v2
            scale = s
        }
        return Rational(negative ? -value : value, scale) ?? self
    }

    /// The whole number nearest below or at this value.
    public var floor: Int {
        let q = numerator / denominator
        return (numerator % denominator != 0 && numerator < 0) ? q - 1 : q
    }

    /// Decimal text with at most `places` decimals, trailing zeros trimmed: 19/45 → `0.422`.
    public func formatted(places: Int = 3) -> String {
        var (negative, whole, digits) = decimalDigits(places: places)
        while digits.last == 0 { digits.removeLast() }
        let fraction = String(decoding: digits.map { $0 + 48 }, as: UTF8.self)
        return (negative ? "-" : "") + whole + (fraction.isEmpty ? "" : "." + fraction)
    }

    public var description: String { formatted(places: 6) }

    /// Decimal text with exactly `places` decimals: a total of 84.1 shows as `84.10`.
    public func fixed(places: Int = 2) -> String {
        let (negative, whole, digits) = decimalDigits(places: places)
        let fraction = String(decoding: digits.map { $0 + 48 }, as: UTF8.self)
        return (negative ? "-" : "") + whole + (fraction.isEmpty ? "" : "." + fraction)
    }

    /// An amount in yuan, to the fen, with thousands grouped: `¥1,250.5` → `¥1,250.50`, `¥3,000,000`.
    public var yuan: String {
        var (negative, whole, digits) = decimalDigits(places: 2)
        var grouped = ""
        while whole.count > 3 {
            grouped = "," + whole.suffix(3) + grouped
            whole.removeLast(3)
        }
        grouped = whole + grouped
        let fraction = digits == [0, 0] ? "" : "." + String(decoding: digits.map { $0 + 48 }, as: UTF8.self)
        return (negative ? "-¥" : "¥") + grouped + fraction
    }

    /// As explanations show a value: a percentage (`35%`) or a number with up to three decimals.
    /// A value that 3 decimals (1 for a percentage) would show wrongly beside a threshold (39999/100000 as `0.4`) gets
    /// up to 6 more, and `≈` if still not exact: an explanation never shows a number equal to a bound it failed.
    public func shown(percent: Bool) -> String {
        let scaled = percent ? multiplied(by: 100) : nil
        let value = scaled ?? self
        let suffix = scaled != nil ? "%" : ""
        let short = percent ? 1 : 3
        if value.rounded(places: short) == value { return value.formatted(places: short) + suffix }
        let text = value.formatted(places: short)
        let decimals = text.split(separator: ".").dropFirst().first?.count ?? 0
        // Rounded with all its decimals shown (19/45 as ≈0.422): marked as rounded, so it never reads as equal to a bound
        // it missed. Rounded to fewer (0.4 for 0.39999): more decimals, exact if they suffice.
        if decimals == short { return "≈" + text + suffix }
        let longer = value.formatted(places: short + 6)
        return (value.rounded(places: short + 6) == value ? "" : "≈") + longer + suffix
    }

    static func gcd(_ a: UInt, _ b: UInt) -> UInt {
        var a = a, b = b
        while b != 0 { (a, b) = (b, a % b) }
        return a
    }
}

extension Rational: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self.init(value) }
}
