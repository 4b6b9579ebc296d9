import Foundation
import ParkOffice
import ParkScore

/// Prints diagnostics as `file:line:column: error: message [key.path]`, followed by the line of the file
/// and a caret under the column. The lines come from the bytes that were loaded (`remember`), never from reading
/// the file again: what is shown is what was parsed.
public final class DiagnosticRenderer {
    /// The files given, by path; split into lines only when a diagnostic points into one (a batch hands over the
    /// scorecard and the fact dictionary with every application, and most applications have nothing to show).
    private var files: [String: SourceFile] = [:]
    private var lines: [String: [Substring]] = [:]

    /// The catalogue the messages are worded from; without one (only when the catalogue itself cannot be read), the
    /// diagnostics' own text.
    private let messages: Messages?

    public init(messages: Messages? = nil) {
        self.messages = messages
    }

    /// Gives the renderer a file's text, so it need not read the file again.
    public func remember(_ file: SourceFile) {
        files[file.path] = file
        lines[file.path] = nil
    }

    public func remember(_ files: [SourceFile]) {
        for file in files where self.files[file.path] == nil { remember(file) }
    }

    private func lines(of path: String) -> [Substring]? {
        if let known = lines[path] { return known }
        // A workbook has no lines to show: its places are cells, shown by their text.
        guard let file = files[path], PackageReader.kind(of: file.bytes) == .other else { return nil }
        let split = Self.split(String(decoding: file.bytes, as: UTF8.self))
        lines[path] = split
        return split
    }

    /// Remembers the sources and renders the diagnostics.
    public func rendering(_ diagnostics: [Diagnostic], sources: [SourceFile]) -> String {
        remember(sources)
        return render(diagnostics)
    }

    /// At most this many diagnostics are printed; the rest are counted. Errors come first.
    public static let maxShown = 200

    public func render(_ diagnostics: [Diagnostic]) -> String {
        guard diagnostics.count > Self.maxShown else { return diagnostics.map(render).joined() }
        let errors = diagnostics.filter { $0.severity == .error }
        let shown = Array((errors + diagnostics.filter { $0.severity != .error }).prefix(Self.maxShown))
        let hiddenErrors = max(0, errors.count - shown.filter { $0.severity == .error }.count)
        let hidden = diagnostics.count - shown.count
        let more = messages?("diagnostic.more_not_shown", ["hidden": String(hidden), "errors": String(hiddenErrors)])
            ?? "… \(hidden) more problem\(hidden == 1 ? "" : "s") not shown (\(hiddenErrors) error\(hiddenErrors == 1 ? "" : "s"))"
        return shown.sortedForReport().map(render).joined() + more + "\n"
    }

    public func render(_ diagnostic: Diagnostic) -> String {
        var out = TerminalText.escape(Self.shortened(messages?.line(for: diagnostic) ?? diagnostic.description))
        if let path = diagnostic.path { out += " [\(TerminalText.escape(Self.shortened(path, limit: 200)))]" }
        out += "\n"
        if let location = diagnostic.location, let snippet = snippet(location) { out += snippet }
        return out
    }

    func snippet(_ location: SourceLocation) -> String? {
        if let cell = location.cell { return cellSnippet(cell) }
        guard let fileLines = lines(of: location.file), location.line >= 1, location.line <= fileLines.count else { return nil }
        var column = max(location.column - 1, 0)
        // Only the part of a long line around the column is looked at.
        let line = fileLines[location.line - 1]
        var scalars = line.unicodeScalars[...]
        if column > 200 {
            scalars = scalars.dropFirst(column - 100)
            column = 100
        }
        var text = Array(scalars.prefix(column + 200))
        // Keep long lines short around the column.
        if text.count > 120 {
            let start = max(0, min(column - 40, text.count - 120))
            text = Array(text[start..<min(text.count, start + 120)])
            column -= start
        }
        // Control characters (a NUL of a UTF-16 file, an escape sequence) are shown escaped, the caret kept under its column.
        let shown = TerminalText.escape(String(String.UnicodeScalarView(text)))
        var caret = ""
        for scalar in text.prefix(column) {
            if scalar == "\t" {
                caret += "\t"
            } else if TerminalText.needsEscape(scalar) {
                caret += String(repeating: " ", count: TerminalText.escape(String(scalar)).count)
            } else {
                caret += String(repeating: " ", count: Self.width(scalar))
            }
        }
        return "    \(shown)\n    \(caret)^\n"
    }

    /// A workbook's cell: its text instead of a caret line (one line, kept short), or that it is blank.
    func cellSnippet(_ cell: CellPlace) -> String? {
        guard !cell.name.isEmpty else { return nil }
        guard !cell.text.isEmpty else { return "    " + (messages?("workbook.cell.blank") ?? "(blank)") + "\n" }
        var text = cell.text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
        if text.count > 120 { text = String(text.prefix(117)) + "…" }
        return "    " + (messages?("workbook.cell.text", ["text": TerminalText.escape(text)]) ?? TerminalText.escape(text)) + "\n"
    }

    /// A message quoting a huge name is cut in the middle: the start and the end say enough.
    static func shortened(_ message: String, limit: Int = 1000) -> String {
        guard message.count > limit else { return message }
        return String(message.prefix(limit / 2)) + " … " + String(message.suffix(limit / 2))
    }

    static func split(_ text: String) -> [Substring] {
        // By scalars: "\r\n" is one Character, so splitting on the Character "\n" would never split a CRLF file.
        // libyaml also breaks lines at a lone CR, NEL, LS and PS; so must the snippets, or they show the wrong line.
        text.split(omittingEmptySubsequences: false, whereSeparator: {
            $0 == "\n" || $0 == "\r\n" || $0 == "\r" || $0 == "\u{85}" || $0 == "\u{2028}" || $0 == "\u{2029}"
        })
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
