/// Escapes text for Markdown, so a park named `| a | b |` or `**x**` shows as that text and breaks no table:
/// Markdown's special characters get a backslash, and line breaks become spaces. Character by character: the
/// reference `TemplateEscaping.markdown` follows on bytes, and uses itself for the rare text it cannot do on bytes.
enum MarkdownEscaping {
    static let special: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "~"]

    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for c in text {
            if c.unicodeScalars.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\u{2028}" || $0 == "\u{2029}" }) {
                out.append(" ")
            } else if special.contains(c) {
                out.append("\\")
                out.append(c)
            } else {
                out.append(c)
            }
        }
        return out
    }
}
