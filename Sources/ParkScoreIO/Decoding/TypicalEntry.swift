import ParkScore

/// The ways park staff typically write a value in Chinese forms — `是`, `20家`, `１２`, `1,250,000`, `42％`, `86万元`,
/// `2026年1月20日` — read exactly (decimal text to `Rational`, never through a floating-point number), each only where
/// it is unambiguous for the fact's type. A reader that returns nil leaves the entry to be refused with a hint.
enum TypicalEntry {
    /// `是`/`有` true, `否`/`无` false.
    static func boolean(_ text: String) -> Bool? {
        switch trimmed(text) {
        case "是", "有": return true
        case "否", "无": return false
        default: return nil
        }
    }

    /// The text with full-width forms folded to ASCII (digits, `．`, `％`, `／`, `－`) and surrounding spaces (ASCII or
    /// the ideographic space) removed. A full-width comma stays: `1，250` may be a list.
    static func folded(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in trimmed(text).unicodeScalars {
            switch scalar.value {
            case 0xFF10...0xFF19, 0xFF0E, 0xFF05, 0xFF0F, 0xFF0D:
                out.append(Unicode.Scalar(scalar.value - 0xFEE0)!)
            default:
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// A plain decimal number, with thousands separators allowed only in groups of three (`1,250,000`, `12,345.5`).
    /// No exponent, no sign other than a leading `-`.
    static func decimal(_ text: String) -> Rational? {
        var body = Substring(text)
        var negative = false
        if body.hasPrefix("-") {
            negative = true
            body = body.dropFirst()
        }
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, !whole.isEmpty else { return nil }
        if parts.count == 2 {
            guard !parts[1].isEmpty, parts[1].allSatisfy(\.isASCIIDigit) else { return nil }
        }
        if whole.contains(",") {
            let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
            guard let first = groups.first, (1...3).contains(first.count),
                  groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        }
        guard whole.allSatisfy({ $0.isASCIIDigit || $0 == "," }) else { return nil }
        let digits = whole.filter { $0 != "," } + (parts.count == 2 ? "." + parts[1] : "")
        return Rational(decimal: (negative ? "-" : "") + digits)
    }

    /// Whether the text is written as a number the readers above accept (digits, separators, a unit, 万元…) but holds
    /// too many digits to compute exactly: it is then refused as too large, not as a wrong form.
    static func isTooLong(_ text: String, unit: String?) -> Bool {
        var body = folded(text)
        for suffix in [unit ?? "", "亿元", "万元", "元", "%"] where !suffix.isEmpty && body.hasSuffix(suffix) {
            body = trimmed(String(body.dropLast(suffix.count)))
            break
        }
        let digits = body.filter { $0 != "," && $0 != "." && $0 != "-" }
        return digits.count > 15 && digits.allSatisfy(\.isASCIIDigit) && body.filter { $0 == "." }.count <= 1
    }

    /// A number as written for a fact counted in `unit`: full-width digits, thousands separators, the unit after the
    /// number (`20家` for a fact in 家). Nil for anything else, a different unit included (see `unitWritten`).
    static func number(_ text: String, unit: String?) -> Rational? {
        var body = folded(text)
        if let unit, !unit.isEmpty, body.hasSuffix(unit) {
            body = trimmed(String(body.dropLast(unit.count)))
        }
        return decimal(body)
    }

    /// The unit written after a number (`人` of `20人`), when the text is a number followed by a few non-digit
    /// characters; for the hint that names the fact's own unit.
    static func unitWritten(_ text: String) -> String? {
        let body = folded(text)
        guard let end = body.lastIndex(where: { $0.isASCIIDigit }) else { return nil }
        let suffix = trimmed(String(body[body.index(after: end)...]))
        guard !suffix.isEmpty, suffix.count <= 4, decimal(String(body[...end])) != nil,
              !suffix.contains(where: { $0.isASCIIDigit || $0 == "%" }) else { return nil }
        return suffix
    }

    /// `42％`, `４２%`, `12.5 %`: a fraction (0.42).
    static func percent(_ text: String) -> Rational? {
        let body = folded(text)
        guard body.hasSuffix("%") else { return nil }
        return decimal(trimmed(String(body.dropLast()))).flatMap { $0.divided(by: 100) }
    }

    /// An amount in yuan: `86万元` (860000), `12.5万` (125000: 元 left out, as money is always in yuan), `1.5亿元`
    /// (150000000), `3000元`, `1,250,000`, full-width digits.
    static func money(_ text: String) -> Rational? {
        let body = folded(text)
        let scales: [(suffix: String, factor: Int)] = [("亿元", 100_000_000), ("万元", 10_000), ("亿", 100_000_000), ("万", 10_000), ("元", 1)]
        for (suffix, factor) in scales where body.hasSuffix(suffix) {
            guard let amount = decimal(trimmed(String(body.dropLast(suffix.count)))) else { return nil }
            return amount.multiplied(by: Rational(factor))
        }
        return decimal(body)
    }

    /// `2026年1月20日`, `2026/1/20`, with full-width digits too: `2026-01-20`, when it is a calendar day.
    static func date(_ text: String) -> String? {
        let body = folded(text)
        var parts: [Substring]
        if body.hasSuffix("日"), body.contains("年"), body.contains("月") {
            parts = body.dropLast().split(omittingEmptySubsequences: false) { $0 == "年" || $0 == "月" }
        } else if body.contains("/") {
            parts = body.split(separator: "/", omittingEmptySubsequences: false)
        } else {
            return nil
        }
        guard parts.count == 3, parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
              parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }) else { return nil }
        func two(_ s: Substring) -> String { s.count == 1 ? "0" + s : String(s) }
        let date = "\(parts[0])-\(two(parts[1]))-\(two(parts[2]))"
        return DateText.isValid(date) ? date : nil
    }

    /// A rubric level: `2级`, `２`, `2 级`, and a level in words, `二级`, `零级` (rubrics have at most ten levels).
    static func level(_ text: String) -> Int? {
        var body = folded(text)
        if body.hasSuffix("级") { body = trimmed(String(body.dropLast())) }
        if body.count == 1, let word = body.first, let n = "零一二三四五六七八九十".firstIndex(of: word) {
            return "零一二三四五六七八九十".distance(from: "零一二三四五六七八九十".startIndex, to: n)
        }
        guard !body.isEmpty, body.count <= 3, body.allSatisfy(\.isASCIIDigit) else { return nil }
        return Int(body)
    }

    /// The value whose Chinese label is `text`, when exactly one value has it.
    static func value(labelled text: String, in labels: [String: LocalizedText], allowed: [String]) -> String? {
        let label = trimmed(text)
        let matches = allowed.filter { labels[$0]?.zh == label }
        return matches.count == 1 ? matches[0] : nil
    }

    static func trimmed(_ text: String) -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\u{3000}" || $0 == "\t" }
        guard let start = text.firstIndex(where: { !isSpace($0) }), let end = text.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(text[start...end])
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
