import ParkScore

/// The message catalogue in one language: every word parkscore says to a user, from `Templates/messages/<lang>/`.
/// Renderers take a result, and this; nothing else words anything.
///
///     messages("cli.validate.valid", ["file": path, "facts": "12"])
///     messages.message(Message(DiagnosticCode.invalidInteger, key, text))   // diagnostics.input.invalid.integer
public struct Messages: Sendable {
    public let language: LocalizedText.Language
    let entries: [String: MessageTemplate]
    /// The files the entries came from, with their sha256, for the audit appendix.
    public let files: [(name: String, sha256: String)]

    public init(language: LocalizedText.Language, entries: [String: MessageTemplate], files: [(name: String, sha256: String)] = []) {
        self.language = language
        self.entries = entries
        self.files = files
    }

    /// The keys the catalogue has.
    public var keys: Dictionary<String, MessageTemplate>.Keys { entries.keys }

    /// The catalogue as one input of the audit appendix: `templates/messages/zh/` and the sha256 of its files' names and
    /// sha256 values, one `name sha256` line each, in name order. One line however many files it is split into.
    public var fingerprint: (name: String, sha256: String) {
        let lines = files.map { "\($0.name) \($0.sha256)\n" }.joined()
        return ("templates/messages/\(language.rawValue)/", SHA256Text.of(Array(lines.utf8)))
    }

    public func has(_ key: String) -> Bool { entries[key] != nil }

    public func template(_ key: String) -> MessageTemplate? { entries[key] }

    /// The entry `key` with its `{name}` placeholders filled in. A key the catalogue lacks comes out as `⟦key⟧` (the
    /// catalogue test makes sure every key the sources use is there, in both languages).
    public func callAsFunction(_ key: String, _ values: [String: String] = [:]) -> String {
        guard let template = entries[key] else { return "⟦\(key)⟧" }
        return template.render(values)
    }

    /// A coded message (a diagnostic's, an evaluation problem's): `diagnostics.<code>`, its arguments as `{1}`, `{2}`, …
    public func message(_ message: Message) -> String {
        var values: [String: String] = [:]
        for (i, argument) in message.arguments.enumerated() { values[String(i + 1)] = argument }
        for (i, part) in message.parts.enumerated() { values["m" + String(i + 1)] = self.message(part) }
        return self("diagnostics." + message.code, values)
    }

    /// A diagnostic's message in this language (without its place).
    public func text(of diagnostic: Diagnostic) -> String {
        // Only the catalogue's own problems have no code (it cannot word them): they are written in both languages.
        guard let coded = diagnostic.coded else { return diagnostic.message }
        return message(coded)
    }

    /// `error`, `警告`, …: the word before a diagnostic's message.
    public func severity(_ severity: Diagnostic.Severity) -> String {
        switch severity {
        case .error: return self("severity.error")
        case .warning: return self("severity.warning")
        case .note: return self("severity.note")
        }
    }

    /// `file:line:column: 错误：message`: a diagnostic in a line, as compilers print it.
    public func line(for diagnostic: Diagnostic) -> String {
        var s = ""
        if let location = diagnostic.location { s += "\(location): " }
        return s + self("diagnostic.line", ["severity": severity(diagnostic.severity), "message": text(of: diagnostic)])
    }

    /// Every entry under `prefix.` (the dossier's `labels.`), keyed by the rest of the key.
    public func section(_ prefix: String) -> [String: String] {
        let start = prefix + "."
        var out: [String: String] = [:]
        for (key, template) in entries where key.hasPrefix(start) {
            out[String(key.dropFirst(start.count))] = template.render([:])
        }
        return out
    }

    /// Items joined as this language lists them: 「甲、乙、丙」, "a, b, c".
    public func list(_ items: [String]) -> String { items.joined(separator: self("punct.list")) }
}
