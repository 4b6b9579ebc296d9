import ParkScore
import ParkYAML

/// Turns the YAML errors park staff typically meet into a message they can act on, at the line where the mistake is
/// (libyaml notices a full-width colon or a tab only on a later line): a full-width colon `：` where `:` belongs, a line
/// indented with a tab, a file saved as GBK/GB18030 instead of UTF-8. Anything else keeps libyaml's problem, worded
/// by the catalogue from its code (`yaml.problem.…`, see ParkYAML's `LibYAMLProblem`).
enum YAMLHint {
    static func diagnostic(for error: YAMLError, in bytes: [UInt8], path: String) -> Diagnostic {
        let at = error.mark.map { SourceLocation(file: path, line: $0.line, column: $0.column) } ?? SourceLocation(file: path, line: 1, column: 1)
        switch error.reason {
        case .encoding:
            return encoding(bytes, path: path) ?? .error(Message(error.code, error.arguments), at: at)
        case .syntax:
            let lines = Self.lines(bytes)
            let problemLine = error.mark?.line ?? 1
            // libyaml names where the construct it was reading started: the mistake lies between there and the problem.
            let firstLine = error.contextMark?.line ?? max(1, problemLine - 1)
            if let hint = tab(lines, from: firstLine, to: problemLine, path: path) { return hint }
            if let hint = fullWidthColon(lines, from: firstLine, to: problemLine, path: path) { return hint }
            return .error(Message(error.code, error.arguments), at: at)
        default:
            return .error(Message(error.code, error.arguments), at: at)
        }
    }

    /// A value that should have been a mapping but is a text like `talent.forums：6`: the line as it should be written
    /// (`talent.forums: 6`), or nil.
    static func fullWidthColon(in text: String) -> String? {
        guard let colon = text.firstIndex(of: "："), !text[..<colon].contains(":") else { return nil }
        let key = TypicalEntry.trimmed(String(text[..<colon]))
        let value = TypicalEntry.trimmed(String(text[text.index(after: colon)...]))
        guard !key.isEmpty else { return nil }
        return "\(key): \(value)"
    }

    // MARK: the file's encoding

    private static func encoding(_ bytes: [UInt8], path: String) -> Diagnostic? {
        guard let bad = firstInvalidUTF8(bytes) else { return nil }
        var (line, column) = position(of: bad, in: bytes)
        if isGB18030(bytes) {
            column = gbColumn(line: line, in: bytes)
            let at = SourceLocation(file: path, line: line, column: column)
            return .error(Message(DiagnosticCode.notUTF8GB18030, String(line)), at: at)
        }
        return .error(Message(DiagnosticCode.notUTF8, String(bytes[bad], radix: 16)), at: SourceLocation(file: path, line: line, column: column))
    }

    /// The offset of the first byte that is not part of a well-formed UTF-8 sequence; nil when all are (or the file is
    /// UTF-16, which libyaml reads from its byte-order mark).
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return nil }
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch b {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return i
            }
            guard i + length <= bytes.count else { return i }
            for k in 1..<max(length, 1) {
                let c = bytes[i + k]
                let (lo, hi) = k == 1 ? (low, high) : (UInt8(0x80), UInt8(0xBF))
                if c < lo || c > hi { return i }
            }
            i += length
        }
        return nil
    }

    /// Whether every byte reads as GB18030 (which includes GBK and GB2312) and some are Chinese.
    static func isGB18030(_ bytes: [UInt8]) -> Bool {
        var i = 0
        var wide = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 {
                i += 1
                continue
            }
            guard (0x81...0xFE).contains(b), i + 1 < bytes.count else { return false }
            let second = bytes[i + 1]
            if (0x40...0x7E).contains(second) || (0x80...0xFE).contains(second) {
                i += 2
            } else if (0x30...0x39).contains(second), i + 3 < bytes.count, (0x81...0xFE).contains(bytes[i + 2]),
                      (0x30...0x39).contains(bytes[i + 3]) {
                i += 4
            } else {
                return false
            }
            wide += 1
        }
        return wide > 0
    }

    /// Line and column (in bytes, the only unit a file in an unknown encoding has; 1-based) of a byte offset.
    private static func position(of offset: Int, in bytes: [UInt8]) -> (Int, Int) {
        var line = 1, start = 0
        for i in 0..<offset where bytes[i] == 0x0A {
            line += 1
            start = i + 1
        }
        // Columns count characters: the ASCII before the offset (all that can be told apart for sure) and one per
        // character before it that is well-formed UTF-8.
        let before = String(decoding: bytes[start..<offset], as: UTF8.self)
        return (line, before.unicodeScalars.count + 1)
    }

    /// The column of the first non-ASCII character of a line of a GB18030 file, counting characters as an editor
    /// reading GB18030 shows them.
    private static func gbColumn(line target: Int, in bytes: [UInt8]) -> Int {
        var line = 1, i = 0
        while i < bytes.count && line < target {
            if bytes[i] == 0x0A { line += 1 }
            i += 1
        }
        var column = 1
        while i < bytes.count && bytes[i] < 0x80 && bytes[i] != 0x0A {
            column += 1
            i += 1
        }
        return column
    }

    // MARK: tabs and full-width colons

    /// The file's lines as text, broken where libyaml breaks them (LF, CRLF, CR).
    static func lines(_ bytes: [UInt8]) -> [Substring] {
        DiagnosticRenderer.split(String(decoding: bytes, as: UTF8.self))
    }

    private static func tab(_ lines: [Substring], from first: Int, to last: Int, path: String) -> Diagnostic? {
        guard first >= 1, first <= last else { return nil }
        for number in stride(from: min(last, lines.count), through: first, by: -1) {
            let line = lines[number - 1]
            let indent = line.prefix { $0 == " " || $0 == "\t" }
            guard let tab = indent.firstIndex(of: "\t") else { continue }
            let column = line.distance(from: line.startIndex, to: tab) + 1
            return .error(Message(DiagnosticCode.tabIndentation, String(number)), at: SourceLocation(file: path, line: number, column: column))
        }
        return nil
    }

    private static func fullWidthColon(_ lines: [Substring], from first: Int, to last: Int, path: String) -> Diagnostic? {
        guard first >= 1, first <= last else { return nil }
        for number in first...min(last, lines.count) {
            let line = lines[number - 1]
            let content = line.prefix { $0 != "#" }
            guard let colon = content.firstIndex(of: "："), !content[..<colon].contains(":") else { continue }
            let key = TypicalEntry.trimmed(String(content[..<colon]).replacingDash())
            let value = TypicalEntry.trimmed(String(content[content.index(after: colon)...]))
            guard !key.isEmpty else { continue }
            let column = content[..<colon].unicodeScalars.count + 1
            let fixed = value.isEmpty ? "\(key):" : "\(key): \(value)"
            return .error(Message(DiagnosticCode.fullWidthColon, String(number), key, fixed), at: SourceLocation(file: path, line: number, column: column))
        }
        return nil
    }
}

private extension String {
    /// A list item's `- ` is not part of the key.
    func replacingDash() -> String {
        let trimmed = TypicalEntry.trimmed(self)
        return trimmed.hasPrefix("- ") ? String(trimmed.dropFirst(2)) : trimmed
    }
}
