import ParkScore

/// The digits Foundation's JSONEncoder writes for `Decimal(string: text)`, worked out from the text alone.
///
/// `text` is a plain decimal as `Rational.formatted(places:)` writes it: an optional `-`, digits, and optionally `.` and
/// more digits. JSONEncoder writes a `Decimal` as its `description`: the value with no leading zeros, no trailing zeros
/// after the point, no point when nothing follows it, and `0` (never `-0`) for zero; `12.50` → `12.5`, `3.00` → `3`,
/// `-0.00` → `0`, `0.10` → `0.1`, `00012.50` → `12.5`. A `Decimal` holds its digits in a 128-bit mantissa: reading the
/// text, a digit that would take the mantissa past 2¹²⁸ − 1 is dropped and so is every digit after it, one before the
/// point counting as a zero (`340282366920938463463374607431768211456` → `…211450`), one after it not at all. The
/// differential tests hold this against Foundation, long texts included.
enum JSONNumberText {
    /// `r.formatted(places:)` for up to 4 places (the documents' 2 and 4), without its intermediate strings and arrays:
    /// the same digits, rounded half up in the same way, trailing zeros dropped, no `-0`; nil for more places. The
    /// tests hold it to `formatted(places:)`.
    static func formatted(_ r: Rational, places: Int) -> String? {
        guard places >= 0, places <= 4, r.denominator > 0 else { return nil }
        let d = UInt(r.denominator)
        var whole = r.numerator.magnitude / d
        var rest = r.numerator.magnitude % d
        var fraction: UInt = 0
        var scale: UInt = 1
        for _ in 0..<places {
            let (q, remainder) = d.dividingFullWidth(rest.multipliedFullWidth(by: 10))
            fraction = fraction * 10 + q
            scale *= 10
            rest = remainder
        }
        // Half up: the remainder is at least half the denominator; 0.995 to two places carries into the whole.
        if rest >= d - rest {
            fraction += 1
            if fraction == scale {
                fraction = 0
                whole += 1
            }
        }
        var shown = places
        while shown > 0, fraction % 10 == 0 {
            fraction /= 10
            shown -= 1
        }
        let negative = r.numerator < 0 && (whole != 0 || fraction != 0)
        // A sign, at most 20 whole digits, a point and 4 decimals, written from the end; a short text is a small string,
        // not allocated.
        var buffer: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        return withUnsafeMutableBytes(of: &buffer) { buffer in
            var out = buffer.count
            var f = fraction
            for _ in 0..<shown {
                out -= 1
                buffer[out] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: f % 10)
                f /= 10
            }
            if shown > 0 {
                out -= 1
                buffer[out] = UInt8(ascii: ".")
            }
            var w = whole
            repeat {
                out -= 1
                buffer[out] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: w % 10)
                w /= 10
            } while w > 0
            if negative {
                out -= 1
                buffer[out] = UInt8(ascii: "-")
            }
            return String(decoding: UnsafeRawBufferPointer(rebasing: buffer[out...]), as: UTF8.self)
        }
    }

    /// 2¹²⁸ − 1, the largest mantissa of a `Decimal`.
    private static let maxMantissa: [UInt8] = Array("340282366920938463463374607431768211455".utf8)

    /// JSON number digits for a decimal text; `0` for a text of any other shape (as `Decimal(string:) ?? 0` gave).
    static func digits(_ text: String) -> String {
        var copy = text
        switch copy.withUTF8({ digits(utf8: $0) }) {
        case .unchanged: return text
        case .changed(let digits): return digits
        case .invalid: return "0"
        }
    }

    private enum Outcome {
        case unchanged, changed(String), invalid
    }

    private static func digits(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Outcome {
        guard let outcome = digitsOrNil(utf8: bytes) else { return .invalid }
        return outcome
    }

    private static func digitsOrNil(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Outcome? {
        var i = 0
        let n = bytes.count
        var negative = false
        if i < n, bytes[i] == UInt8(ascii: "-") {
            negative = true
            i += 1
        }
        let wholeStart = i
        while i < n, isDigit(bytes[i]) { i += 1 }
        let wholeEnd = i
        var fractionStart = i, fractionEnd = i
        if i < n, bytes[i] == UInt8(ascii: ".") {
            i += 1
            fractionStart = i
            while i < n, isDigit(bytes[i]) { i += 1 }
            fractionEnd = i
        }
        guard i == n, wholeEnd > wholeStart || fractionEnd > fractionStart else { return nil }

        // The fast case: at most 38 significant digits always fit, so the value is the text itself, made canonical.
        // Rational.formatted's text is canonical already: no leading or trailing zeros, no `-0`.
        var firstSignificant = wholeStart
        while firstSignificant < wholeEnd, bytes[firstSignificant] == UInt8(ascii: "0") { firstSignificant += 1 }
        var fractionTrim = fractionEnd
        while fractionTrim > fractionStart, bytes[fractionTrim - 1] == UInt8(ascii: "0") { fractionTrim -= 1 }
        if firstSignificant == wholeEnd {
            var f = fractionStart
            while f < fractionTrim, bytes[f] == UInt8(ascii: "0") { f += 1 }
            let significant = fractionTrim - f
            if significant == 0 { return n == 1 ? .unchanged : .changed("0") }
            if significant <= 38 {
                if wholeEnd - wholeStart == 1, fractionTrim == fractionEnd { return .unchanged }
                return compose(negative: negative, whole: UnsafeBufferPointer(start: nil, count: 0), fraction: UnsafeBufferPointer(rebasing: bytes[fractionStart..<fractionTrim]))
            }
        } else if (wholeEnd - firstSignificant) + (fractionEnd - fractionStart) <= 38 {
            let hasPoint = fractionStart > wholeEnd
            if firstSignificant == wholeStart, !hasPoint || (fractionEnd > fractionStart && fractionTrim == fractionEnd) {
                return .unchanged
            }
            return compose(negative: negative, whole: UnsafeBufferPointer(rebasing: bytes[firstSignificant..<wholeEnd]),
                           fraction: UnsafeBufferPointer(rebasing: bytes[fractionStart..<fractionTrim]))
        }

        // The long case: read digit by digit as a Decimal does, dropping what does not fit the mantissa.
        var mantissa: [UInt8] = []
        var exponent = 0
        var full = false
        for k in wholeStart..<wholeEnd {
            let d = bytes[k]
            if full { exponent += 1; continue }
            if mantissa.isEmpty && d == UInt8(ascii: "0") { continue }
            mantissa.append(d)
            if !fits(mantissa) {
                mantissa.removeLast()
                full = true
                exponent += 1
            }
        }
        if !full {
            for k in fractionStart..<fractionEnd {
                let d = bytes[k]
                if mantissa.isEmpty && d == UInt8(ascii: "0") { exponent -= 1; continue }
                mantissa.append(d)
                if !fits(mantissa) {
                    mantissa.removeLast()
                    break
                }
                exponent -= 1
            }
        }
        if mantissa.isEmpty { return .changed("0") }
        // The value mantissa × 10^exponent, written out.
        var whole: [UInt8], fraction: [UInt8]
        if exponent >= 0 {
            whole = mantissa + Array(repeating: UInt8(ascii: "0"), count: exponent)
            fraction = []
        } else {
            let places = -exponent
            if places >= mantissa.count {
                whole = []
                fraction = Array(repeating: UInt8(ascii: "0"), count: places - mantissa.count) + mantissa
            } else {
                whole = Array(mantissa[..<(mantissa.count - places)])
                fraction = Array(mantissa[(mantissa.count - places)...])
            }
        }
        while fraction.last == UInt8(ascii: "0") { fraction.removeLast() }
        let text = whole.withUnsafeBufferPointer { w in
            fraction.withUnsafeBufferPointer { f in compose(negative: negative, whole: w, fraction: f) }
        }
        return text
    }

    /// `-`, the whole digits (`0` if none), and `.` and the fraction digits if any.
    private static func compose(negative: Bool, whole: UnsafeBufferPointer<UInt8>, fraction: UnsafeBufferPointer<UInt8>) -> Outcome {
        var out: [UInt8] = []
        out.reserveCapacity(whole.count + fraction.count + 3)
        if negative { out.append(UInt8(ascii: "-")) }
        if whole.isEmpty { out.append(UInt8(ascii: "0")) } else { out.append(contentsOf: whole) }
        if !fraction.isEmpty {
            out.append(UInt8(ascii: "."))
            out.append(contentsOf: fraction)
        }
        return .changed(String(decoding: out, as: UTF8.self))
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

    /// Whether digits without leading zeros are at most 2¹²⁸ − 1.
    private static func fits(_ digits: [UInt8]) -> Bool {
        if digits.count != maxMantissa.count { return digits.count < maxMantissa.count }
        return !maxMantissa.lexicographicallyPrecedes(digits)
    }
}
