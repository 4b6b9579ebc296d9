/// Text from an input shown on a terminal or in a text file: control characters (a newline that would forge a line such
/// as `总分: 100.00`, an escape sequence that would recolour or retitle the terminal, a NUL) and bidirectional overrides
/// are shown escaped, `\u{1B}`, never sent as they are. A tab stays.
public enum TerminalText {
    public static func escape(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) {
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: return true
        default: return false
        }
    }

    /// Each line escaped, then joined: a line break can only come from the renderer.
    public static func lines(_ lines: [String]) -> String {
        lines.map(escape).joined(separator: "\n")
    }
}

/// A spreadsheet cell from an input: a text that a spreadsheet would run as a formula (starting with `=`, `+`, `-`,
/// `@`, a tab or a carriage return) is prefixed with `'`, as OWASP advises; numbers stay numbers.
public enum SpreadsheetText {
    public static func cell(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return text }
        // A plain decimal number stays a number; "+inf", "-nan", "-0x1p3" are texts like any other.
        let plain = text.unicodeScalars.allSatisfy { "0123456789.-+eE".unicodeScalars.contains($0) }
        if plain && Double(text) != nil { return text }
        return "'" + text
    }
}
