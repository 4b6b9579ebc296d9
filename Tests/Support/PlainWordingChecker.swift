import Foundation

/// Finds what reads as code in a plain-language explanation: quoted keys or values (`'key'`, `"value"`), operators
/// (`==`, `!=`, `&&`, `||`, `⇒`, `≥`, `≤`, `→`), function calls (`contains(`, `count(`…), the marks of a formula (` ✓`, ` ✗`),
/// and fact keys (`tenants.total`, `management.statistics`). Chinese text may carry no English word but an acronym
/// (XR, MCN, IP); English text no full-width punctuation.
public enum PlainWordingChecker {
    static let codePatterns = [#"'[A-Za-z0-9_.]+'"#, #""[A-Za-z0-9_.]*""#, "==", "!=", "&&", #"\|\|"#, "⇒", "≥", "≤", "→", "≈",
                               #"\b(contains|count|sum|min|max|year)\("#, " ✓", " ✗", #"\?\s*$"#, #"\b[a-z]+_[a-z_]+\b"#]

    public static func problems(zh text: String, factKeys: [String]) -> [String] {
        var found = code(text, factKeys: factKeys)
        // An English word (two or more letters, not all capitals): an acronym such as XR or MCN is how the text names it.
        if let range = text.range(of: #"[A-Za-z]*[a-z][A-Za-z]*"#, options: .regularExpression), text[range].count >= 2 {
            found.append("English word '\(text[range])'")
        }
        return found
    }

    public static func problems(en text: String, factKeys: [String]) -> [String] {
        var found = code(text, factKeys: factKeys)
        if let range = text.range(of: "[，：（）；、「」。！？]", options: .regularExpression) {
            found.append("full-width '\(text[range])'")
        }
        return found
    }

    static func code(_ text: String, factKeys: [String]) -> [String] {
        var found: [String] = []
        for pattern in codePatterns {
            if let range = text.range(of: pattern, options: .regularExpression) { found.append("code '\(text[range])'") }
        }
        for key in factKeys where text.contains(key) { found.append("fact key '\(key)'") }
        return found
    }
}
