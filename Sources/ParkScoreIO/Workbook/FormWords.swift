import ParkScore

/// The words a 申报表's drop-down lists offer — 是/否 (yes/no), a value's label in either language, 无 (none) for an
/// empty list — read as the values they stand for. A workbook filled in from its own lists then reads as quietly as
/// the YAML it stands for (no "「是」读作 true" note per cell), an English form reads like a Chinese one, and a label
/// that holds a separator itself (文化、体育和娱乐业) stays one item.
///
/// Anything else is left to the decoders, with their forgiving reading of typical entries and their notes.
enum FormWords {
    static let yes: Set<String> = ["是", "yes", "Yes", "YES"]
    static let no: Set<String> = ["否", "no", "No", "NO"]
    static let none: Set<String> = ["无", "none", "None", "NONE"]

    /// The value a scalar cell's text stands for, when it is one of the form's own words for the type.
    static func scalar(_ text: String, type: FactType, labels: [String: LocalizedText]) -> String? {
        let word = TypicalEntry.trimmed(text)
        switch type {
        case .boolean:
            if yes.contains(word) { return "true" }
            if no.contains(word) { return "false" }
            return nil
        case .enumeration(let values):
            return value(of: word, allowed: values, labels: labels)
        default:
            return nil
        }
    }

    /// The value whose label (Chinese or English) is `word`; nil when none is, or when two are.
    static func value(of word: String, allowed: [String], labels: [String: LocalizedText]) -> String? {
        if allowed.contains(word) { return nil }  // the value itself: read as written
        let matches = allowed.filter { labels[$0]?.zh == word || labels[$0]?.en == word }
        return matches.count == 1 ? matches[0] : nil
    }

    /// A list cell's items: `无`/`none` alone is the empty list; the allowed values' labels are found whole, the longest
    /// first, and stand for their values; the rest is split at the separators and left as written.
    static func items(_ text: String, allowed: [String]?, labels: [String: LocalizedText], separators: Set<Character>) -> [String] {
        if none.contains(TypicalEntry.trimmed(String(text.filter { !separators.contains($0) }))) { return [] }
        var words: [(text: [Character], value: String)] = []
        for value in allowed ?? [] {
            for label in [labels[value]?.zh, labels[value]?.en].compactMap({ $0 }) where !label.isEmpty && label != value {
                words.append((Array(label), value))
            }
        }
        words.sort { $0.text.count > $1.text.count }
        let characters = Array(text)
        let isBreak: (Character) -> Bool = { separators.contains($0) || $0 == " " || $0 == "\u{3000}" || $0 == "\t" }
        var items: [String] = []
        var i = 0
        while i < characters.count {
            if isBreak(characters[i]) {
                i += 1
                continue
            }
            // A label that starts here and ends at a separator (or the end) is one item, separators inside it and all.
            if let word = words.first(where: { word in
                let end = i + word.text.count
                return end <= characters.count && Array(characters[i..<end]) == word.text && (end == characters.count || isBreak(characters[end]))
            }) {
                items.append(word.value)
                i += word.text.count
                continue
            }
            var end = i
            while end < characters.count && !separators.contains(characters[end]) { end += 1 }
            let item = TypicalEntry.trimmed(String(characters[i..<end]))
            if !item.isEmpty { items.append(item) }
            i = end
        }
        return items
    }
}
