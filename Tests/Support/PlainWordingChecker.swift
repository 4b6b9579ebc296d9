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

    /// The language check alone, for command output that shows ids, keys and a scorecard's formulas on purpose
    /// (`explain`, `diff`, `compare`, `crosswalk`, `scorecards`): each identifier given (an id, a fact key or value, a
    /// file name, a formula as the scorecard writes it) is taken out first, the longest first; what is left may hold no
    /// English word. Returns the words found, with their line.
    public static func englishWords(zh text: String, identifiers: [String]) -> [String] {
        var found: [String] = []
        let sorted = identifiers.filter { !$0.isEmpty }.sorted { $0.count > $1.count }
        for line in text.components(separatedBy: "\n") {
            var rest = line
            for identifier in sorted where rest.contains(identifier) { rest = rest.replacingOccurrences(of: identifier, with: " ") }
            var from = rest.startIndex
            while let range = rest.range(of: #"[A-Za-z]*[a-z][A-Za-z]*"#, options: .regularExpression, range: from..<rest.endIndex) {
                if rest[range].count >= 2 { found.append("English word '\(rest[range])' in: \(line)") }
                from = range.upperBound
            }
        }
        return found
    }

    /// Full-width punctuation in English output, with its line, once the Chinese data it quotes as written (a clause and
    /// its ref, a policy text's title, a park's Chinese name) is taken out.
    public static func fullWidth(en text: String, data: [String] = []) -> [String] {
        let sorted = data.filter { !$0.isEmpty }.sorted { $0.count > $1.count }
        return text.components(separatedBy: "\n").compactMap { line in
            var rest = line
            for quoted in sorted where rest.contains(quoted) { rest = rest.replacingOccurrences(of: quoted, with: " ") }
            return rest.range(of: "[，：（）；、「」。！？]", options: .regularExpression).map { "full-width '\(rest[$0])' in: \(line)" }
        }
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
