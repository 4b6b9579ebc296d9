import ParkScore

/// Prints diagnostics as `file:line:column: error: message [key.path]`, followed by the line of the file
/// and a caret under the column. The lines come from the bytes that were loaded (`remember`), never from reading
/// the file again: what is shown is what was parsed.
public final class DiagnosticRenderer {
    private var lines: [String: [Substring]] = [:]

    public init() {}

    /// Gives the renderer a file's text, so it need not read the file again.
    public func remember(_ file: SourceFile) {
        lines[file.path] = Self.split(String(decoding: file.bytes, as: UTF8.self))
    }

    public func remember(_ files: [SourceFile]) {
        for file in files where lines[file.path] == nil { remember(file) }
    }

    /// Remembers the sources and renders the diagnostics.
    public func rendering(_ diagnostics: [Diagnostic], sources: [SourceFile]) -> String {
        remember(sources)
        return render(diagnostics)
    }

    public func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(render).joined()
    }

    public func render(_ diagnostic: Diagnostic) -> String {
        var out = diagnostic.description
        if let path = diagnostic.path { out += " [\(path)]" }
        out += "\n"
        if let location = diagnostic.location, let snippet = snippet(location) { out += snippet }
        return out
    }

    func snippet(_ location: SourceLocation) -> String? {
        guard let fileLines = lines[location.file], location.line >= 1, location.line <= fileLines.count else { return nil }
        var text = Array(fileLines[location.line - 1].unicodeScalars)
        var column = max(location.column - 1, 0)
        // Keep long lines short around the column.
        if text.count > 120 {
            let start = max(0, min(column - 40, text.count - 120))
            text = Array(text[start..<min(text.count, start + 120)])
            column -= start
        }
        let shown = String(String.UnicodeScalarView(text))
        var caret = ""
        for scalar in text.prefix(column) {
            caret += scalar == "\t" ? "\t" : String(repeating: " ", count: Self.width(scalar))
        }
        return "    \(shown)\n    \(caret)^\n"
    }

    static func split(_ text: String) -> [Substring] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasSuffix("\r") ? line.dropLast() : line
        }
    }

    /// Columns a character takes in a terminal: 2 for East Asian wide characters.
    public static func width(_ scalar: Unicode.Scalar) -> Int {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }
}
