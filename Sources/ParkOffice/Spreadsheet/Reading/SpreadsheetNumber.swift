/// A cell's number as exact decimal text, from the text the part stores (never through a binary float): exponents
/// expanded, a percentage shifted two places, a date serial turned into a calendar date.
public enum SpreadsheetNumber {
    /// `1.5E-3` → `0.0015`, `4.5E+1` → `45`, `-0.50` → `-0.5`, `007` → `7`; nil for text that is not a decimal number or
    /// whose exponent is beyond any cell (±400).
    public static func plain(_ text: String) -> String? {
        guard let (negative, digits, point) = parse(text) else { return nil }
        return render(negative: negative, digits: digits, point: point)
    }

    /// The number times 100, exactly: `0.42` → `42`, `0.125` → `12.5`.
    public static func percent(_ text: String) -> String? {
        guard let (negative, digits, point) = parse(text) else { return nil }
        return render(negative: negative, digits: digits, point: point + 2)
    }

    /// Sign, digits without a point, and where the point goes (digits before it; may be negative or beyond the digits).
    private static func parse(_ text: String) -> (Bool, [UInt8], Int)? {
        var bytes = Array(text.utf8)
        guard !bytes.isEmpty, bytes.count <= 400 else { return nil }
        var negative = false
        if bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") {
            negative = bytes[0] == UInt8(ascii: "-")
            bytes.removeFirst()
        }
        var exponent = 0
        if let e = bytes.firstIndex(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
            var rest = bytes[(e + 1)...]
            var sign = 1
            if let first = rest.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
                sign = first == UInt8(ascii: "-") ? -1 : 1
                rest = rest.dropFirst()
            }
            guard !rest.isEmpty, rest.count <= 3, rest.allSatisfy({ (48...57).contains($0) }) else { return nil }
            exponent = sign * (Int(String(decoding: rest, as: UTF8.self)) ?? 0)
            bytes = Array(bytes[..<e])
        }
        var digits: [UInt8] = []
        var point: Int?
        for b in bytes {
            if b == UInt8(ascii: ".") {
                guard point == nil else { return nil }
                point = digits.count
            } else if (48...57).contains(b) {
                digits.append(b - 48)
            } else {
                return nil
            }
        }
        guard !digits.isEmpty, abs(exponent) <= 400 else { return nil }
        return (negative, digits, (point ?? digits.count) + exponent)
    }

    private static func render(negative: Bool, digits: [UInt8], point: Int) -> String {
        var digits = digits
        var point = point
        // Leading zeros before the point, trailing zeros after it, go.
        while digits.count > 1, digits.first == 0, point > 0 {
            digits.removeFirst()
            point -= 1
        }
        while let last = digits.last, last == 0, digits.count > max(point, 1) {
            digits.removeLast()
        }
        var out = ""
        if point <= 0 {
            out = "0." + String(repeating: "0", count: -point) + digits.map(String.init).joined()
        } else if point >= digits.count {
            out = digits.map(String.init).joined() + String(repeating: "0", count: point - digits.count)
        } else {
            out = digits[..<point].map(String.init).joined() + "." + digits[point...].map(String.init).joined()
        }
        if out.hasSuffix(".") { out.removeLast() }
        let zero = digits.allSatisfy { $0 == 0 }
        return negative && !zero ? "-" + out : (zero ? "0" : out)
    }

    /// A date serial as `YYYY-MM-DD`: days from 1899-12-30 (Excel's 1900 system, whose day 60 is the 29 February 1900
    /// that never was), or from 1904-01-01. A time of day is dropped. Nil for a serial that is not a number, negative,
    /// 0 in the 1900 system (a day the programs disagree on), or past 9999-12-31.
    public static func date(_ text: String, date1904: Bool = false) -> String? {
        guard let plain = plain(text), !plain.hasPrefix("-") else { return nil }
        let whole = plain.split(separator: ".").first.map(String.init) ?? plain
        guard whole.count <= 7, var days = Int(whole) else { return nil }
        if date1904 {
            days += 1462
        } else {
            // Serial 0 is shown as 1900-01-00 by Excel and as 1899-12-30 by LibreOffice: no date both agree on.
            guard days >= 1 else { return nil }
            if days == 60 { return "1900-02-29" }
            if days < 60 { days += 1 }
        }
        guard days <= 2_958_465 else { return nil }
        // Days from 1899-12-30 to a civil date (Howard Hinnant's days_from_civil, inverted).
        let z = days - 25_569 + 719_468  // 1899-12-30 is 25,569 days before 1970-01-01
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let year = String(y)
        return String(repeating: "0", count: max(0, 4 - year.count)) + year + "-" + two(m) + "-" + two(d)
    }
}
