/// Reads a template's text into nodes, character by character the way swift-mustache 2.1 does (its `Parser` and
/// `MustacheTemplate.parse`), so text, whitespace and standalone lines come out byte for byte as it renders them,
/// quirks included: a standalone tag takes its line's indentation and line break with it; whether the line after a
/// section's closing tag starts fresh is decided by its opening tag.
struct TemplateParser {
    private let text: String
    private let maxDepth: Int
    private var position: String.Index

    init(_ text: String, maxDepth: Int) {
        self.text = text
        self.maxDepth = maxDepth
        position = text.startIndex
    }

    private static let nameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
    private static let pragmaCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")

    /// An open section: its name as written, and where its tag starts.
    private struct OpenSection {
        let name: Substring
        let tag: String.Index
    }

    mutating func parseTemplate() throws(TemplateError) -> [TemplateNode] {
        try parse(section: nil, depth: 0, newLine: true, escaping: .html)
    }

    // MARK: - Reading

    private var atEnd: Bool { position == text.endIndex }

    /// The character here, or NUL at the end (as swift-mustache's `current()`).
    private var current: Character { atEnd ? "\0" : text[position] }

    private mutating func advance() { position = text.index(after: position) }

    @discardableResult
    private mutating func read(while accept: (Character) -> Bool) -> Substring {
        let start = position
        while !atEnd, accept(text[position]) { advance() }
        return text[start..<position]
    }

    /// Reads `expected` if it comes next. As swift-mustache does, as many characters as expected are read before
    /// comparing: fewer left is an error, whatever they are.
    private mutating func read(_ expected: String) throws(TemplateError) -> Bool {
        var index = position
        var matches = true
        for wanted in expected {
            guard index < text.endIndex else { throw error("the template ends inside a tag", at: text.endIndex) }
            if text[index] != wanted { matches = false }
            index = text.index(after: index)
        }
        if matches { position = index }
        return matches
    }

    private func error(_ message: String, at index: String.Index) -> TemplateError { TemplateError(message, at: index, in: text) }

    // MARK: - Parsing

    /// The nodes up to the end of the text (`section` nil) or up to the tag closing `section`.
    private mutating func parse(section: OpenSection?, depth: Int, newLine startsLine: Bool,
                                escaping inherited: TemplateEscaping) throws(TemplateError) -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        var pending: [UInt8] = []
        func flush() {
            if !pending.isEmpty { nodes.append(.text(pending)); pending = [] }
        }
        var newLine = startsLine
        var escaping = inherited
        var whitespaceBefore: Substring = ""
        while !atEnd {
            if newLine { whitespaceBefore = read { $0 == " " || $0 == "\t" } }
            let (textBefore, tag) = try readUntilTagOrNewline()
            if current.isNewline {
                pending += whitespaceBefore.utf8
                pending += textBefore.utf8
                pending += String(current).utf8
                newLine = true
                advance()
                continue
            }
            if !textBefore.isEmpty {
                pending += whitespaceBefore.utf8
                pending += textBefore.utf8
                whitespaceBefore = ""
                newLine = false
            }
            guard let tag, !atEnd else { break }
            func keepWhitespace() {
                if !whitespaceBefore.isEmpty {
                    pending += whitespaceBefore.utf8
                    whitespaceBefore = ""
                }
            }
            var setNewLine = false
            switch current {
            case "#", "^":
                let inverted = current == "^"
                advance()
                let name = try readName(tag: tag)
                if isStandalone(newLine) {
                    setNewLine = true
                } else {
                    keepWhitespace()
                }
                guard depth < maxDepth else {
                    throw error("sections nest more than \(maxDepth) deep", at: tag)
                }
                let inner = try parse(section: OpenSection(name: name, tag: tag), depth: depth + 1, newLine: setNewLine, escaping: escaping)
                flush()
                nodes.append(inverted ? .invertedSection(TemplateName(name), inner) : .section(TemplateName(name), inner))
            case "/":
                advance()
                let namePosition = position
                let name = try readName(tag: tag)
                guard let section, name == section.name else {
                    if let section {
                        throw error("sectionCloseNameIncorrect: {{/\(name)}} does not close the open section '\(section.name)'", at: namePosition)
                    }
                    throw error("sectionCloseNameIncorrect: {{/\(name)}} closes no open section", at: namePosition)
                }
                if !isStandalone(newLine) { keepWhitespace() }
                flush()
                return nodes
            case "!":
                advance()
                try skipComment(tag: tag)
                setNewLine = isStandalone(newLine)
            case "{", "&":
                keepWhitespace()
                let triple = current == "{"
                advance()
                let name = try readName(tag: tag)
                if triple {
                    guard try read("}") else { throw error("unfinishedName: {{{ is closed by }} instead of }}}", at: tag) }
                }
                flush()
                nodes.append(.variable(TemplateName(name), .none))
            case ">":
                throw error("partials ({{>name}}) are not supported in dossier templates", at: tag)
            case "<":
                throw error("parent templates ({{<name}}) are not supported in dossier templates", at: tag)
            case "$":
                throw error("blocks ({{$name}}) are not supported in dossier templates", at: tag)
            case "=":
                throw error("delimiter changes ({{=…=}}) are not supported in dossier templates", at: tag)
            case "%":
                advance()
                escaping = try readPragma(tag: tag)
                setNewLine = isStandalone(newLine)
            default:
                keepWhitespace()
                let name = try readName(tag: tag)
                flush()
                nodes.append(.variable(TemplateName(name), escaping))
            }
            newLine = setNewLine
        }
        if let section {
            throw error("expectedSectionEnd: section '\(section.name)' is never closed with {{/\(section.name)}}", at: section.tag)
        }
        flush()
        return nodes
    }

    /// Text up to a line break (which stays unread) or an opening `{{` (which is read; its position returned).
    private mutating func readUntilTagOrNewline() throws(TemplateError) -> (Substring, String.Index?) {
        let start = position
        var textEnd = position
        while !atEnd {
            let c = text[position]
            if c == "\n" || c == "\r\n" {
                return (text[start..<position], nil)
            }
            if c == "{" {
                textEnd = position
                if try read("{{") { return (text[start..<textEnd], textEnd) }
            }
            advance()
        }
        return (text[start..<position], nil)
    }

    /// A comment's text, after the `!`, up to and with the first `}}`.
    private mutating func skipComment(tag: String.Index) throws(TemplateError) {
        var braces = 0
        while !atEnd {
            braces = text[position] == "}" ? braces + 1 : 0
            advance()
            if braces == 2 { return }
        }
        throw error("the comment is never closed with }}", at: tag)
    }

    /// A tag's name and the closing `}}`. Names with brackets would be swift-mustache transforms: refused.
    private mutating func readName(tag: String.Index) throws(TemplateError) -> Substring {
        read { $0.isWhitespace }
        let name = read { Self.nameCharacters.contains($0) }
        read { $0.isWhitespace }
        guard try read("}}") else { throw error("unfinishedName: the tag is not closed with }} after its name", at: tag) }
        if name.contains("(") || name.contains(")") {
            throw error("transforms ({{name(value)}}) are not supported in dossier templates", at: tag)
        }
        return name
    }

    /// `{{% CONTENT_TYPE: NAME }}`, after the `%`: the escaping of the variable tags that follow.
    private mutating func readPragma(tag: String.Index) throws(TemplateError) -> TemplateEscaping {
        read { $0.isWhitespace }
        let variable = read { Self.pragmaCharacters.contains($0) }
        read { $0.isWhitespace }
        let syntax = error("invalidConfigVariableSyntax: a pragma reads {{% CONTENT_TYPE: HTML|MARKDOWN|TEXT}}", at: tag)
        guard (try? read(":")) == true else { throw syntax }
        read { $0.isWhitespace }
        let value = read { Self.pragmaCharacters.contains($0) }
        read { $0.isWhitespace }
        guard (try? read("}}")) == true, !variable.isEmpty, !value.isEmpty else { throw syntax }
        guard variable == "CONTENT_TYPE", let escaping = TemplateEscaping(contentType: value) else {
            throw error("unrecognisedConfigVariable: \(variable): \(value) (known: CONTENT_TYPE: HTML, MARKDOWN or TEXT)", at: tag)
        }
        return escaping
    }

    /// Whether the tag just read stands alone on its line: then the rest of the line (spaces, tabs, one line break)
    /// is read with it.
    private mutating func isStandalone(_ newLine: Bool) -> Bool {
        guard newLine else { return false }
        if atEnd { return true }
        var index = position
        while index < text.endIndex, text[index] == " " || text[index] == "\t" { index = text.index(after: index) }
        guard index < text.endIndex, text[index].isNewline else { return false }
        position = text.index(after: index)
        return true
    }
}
