import ParkScore
import ParkYAML

/// Turns YAML nodes into domain values while collecting every problem with its file, line, column and
/// key path. Decoding never stops at the first problem: a bad value is reported and skipped.
final class DocumentDecoder {
    let file: String
    /// For YAML made from a workbook: the cell each line came from, which every location then names.
    let cells: [Int: CellPlace]
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String, cells: [Int: CellPlace] = [:]) {
        self.file = file
        self.cells = cells
    }

    func location(_ node: Node) -> SourceLocation {
        location(node.mark)
    }

    func location(_ mark: Mark) -> SourceLocation {
        SourceLocation(file: file, line: mark.line, column: mark.column, cell: cells[mark.line])
    }

    func error(_ message: Message, at node: Node, _ path: KeyPath) {
        diagnostics.append(.error(message, at: location(node), path: path.description.isEmpty ? nil : path.description))
    }

    func warning(_ message: Message, at node: Node, _ path: KeyPath) {
        diagnostics.append(.warning(message, at: location(node), path: path.description.isEmpty ? nil : path.description))
    }

    /// A note on how an entry was read (`input.read.*`: the entry as written, the value read).
    func note(_ message: Message, at node: Node, _ path: KeyPath) {
        diagnostics.append(.note(message, at: location(node), path: path.description.isEmpty ? nil : path.description))
    }

    func add(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    /// A view of a mapping node, or nil (and an error) when the node is something else.
    func mapping(_ node: Node, _ path: KeyPath, what: Message) -> MappingReader? {
        guard let pairs = node.mapping else {
            error(Message("decode.not-mapping", [], parts: [what, kind(node)]), at: node, path)
            return nil
        }
        return MappingReader(node: node, pairs: pairs, path: path, decoder: self, what: what)
    }

    func sequence(_ node: Node, _ path: KeyPath, what: Message) -> [Node]? {
        guard let items = node.sequence else {
            error(Message("decode.not-list", [], parts: [what, kind(node)]), at: node, path)
            return nil
        }
        return items
    }

    /// Any scalar as text (`1.0` stays `1.0`); nil and an error for null, lists and mappings.
    func text(_ node: Node, _ path: KeyPath, what: Message) -> String? {
        guard let scalar = node.scalar, !scalar.isNull else {
            let was = node.scalar?.isNull == true ? Message("input.written.empty") : kind(node)
            error(Message("decode.not-text", [], parts: [what, was]), at: node, path)
            return nil
        }
        return scalar.text
    }

    /// A number: an integer, a decimal, or a percentage written `40%`.
    func number(_ node: Node, _ path: KeyPath, what: Message) -> Rational? {
        if let scalar = node.scalar {
            switch scalar.kind {
            case .int, .float:
                if let r = Rational(decimal: scalar.text) { return r }
            case .string:
                if let r = Self.percent(scalar.text) { return r }
            default: break
            }
        }
        error(Message("decode.not-number", [], parts: [what, written(node)]), at: node, path)
        return nil
    }

    func integer(_ node: Node, _ path: KeyPath, what: Message) -> Int? {
        if let scalar = node.scalar, scalar.kind == .int, let n = scalar.int { return n }
        error(Message("decode.not-integer", [], parts: [what, written(node)]), at: node, path)
        return nil
    }

    func bool(_ node: Node, _ path: KeyPath, what: Message) -> Bool? {
        if let b = node.scalar?.bool { return b }
        var hint = Self.noHint
        if let text = node.scalar?.text, ["yes", "no", "on", "off", "y", "n"].contains(text.lowercased()) {
            hint = Message("decode.hint.yaml-boolean")
        }
        error(Message("decode.not-boolean", [], parts: [what, written(node), hint]), at: node, path)
        return nil
    }

    /// `zh`/`en` text: a mapping with `zh` (required) and `en`, or a plain text taken as Chinese.
    func localized(_ node: Node, _ path: KeyPath, what: Message) -> LocalizedText? {
        if node.mapping == nil {
            return text(node, path, what: what).map { LocalizedText(zh: $0) }
        }
        guard let map = mapping(node, path, what: what) else { return nil }
        let zh = map.text("zh", required: true)
        let en = map.text("en")
        map.finish()
        return zh.map { LocalizedText(zh: $0, en: en) }
    }

    /// An expression from a scalar, with its origin at the first character of the expression text.
    func expression(_ node: Node, _ path: KeyPath, what: Message) -> Expression? {
        guard let scalar = node.scalar, !scalar.isNull else {
            error(Message("decode.not-expression", [], parts: [what, written(node)]), at: node, path)
            return nil
        }
        var origin = location(node)
        switch scalar.style {
        case .singleQuoted, .doubleQuoted: origin.column += 1
        case .literal, .folded:
            origin.line += 1
            origin.column += 2
        case .plain: break
        }
        do {
            return try Expression(scalar.text, origin: origin)
        } catch {
            let shifted = origin.advanced(by: error.offset, in: scalar.text)
            // The parser's message names its place as written in the file: the key (`'when'`), an identifier.
            let place = what.code == "subject.key" ? "'\(what.arguments.first ?? "")'" : "'\(path.description)'"
            diagnostics.append(.error(error.message(in: place), at: shifted, path: path.description))
            return nil
        }
    }

    /// What was written, for a message to quote (`input.written.*`): 「text '20家'」, 「integer 12」, 「a list」, 「empty」.
    func written(_ node: Node) -> Message {
        switch node.content {
        case .scalar(let s):
            if s.isNull { return Message("input.written.empty") }
            switch s.kind {
            case .string: return Message("input.written.text", s.text)
            case .int: return Message("input.written.integer", s.text)
            case .float: return Message("input.written.number", s.text)
            case .bool: return Message("input.written.boolean", s.text)
            case .null: return Message("input.written.empty")
            }
        case .sequence: return Message("input.written.list")
        case .mapping: return Message("input.written.mapping")
        }
    }

    /// The kind of a node, for a message to name (`input.kind.*`): 「a mapping」, 「a sequence」, 「a string」.
    func kind(_ node: Node) -> Message {
        switch node.content {
        case .mapping: return Message("input.kind.mapping")
        case .sequence: return Message("input.kind.sequence")
        case .scalar(let s):
            switch s.kind {
            case .null: return Message("input.kind.null")
            case .bool: return Message("input.kind.boolean")
            case .int: return Message("input.kind.integer")
            case .float: return Message("input.kind.number")
            case .string: return Message("input.kind.string")
            }
        }
    }

    /// No hint (`input.hint.none`, worded as nothing).
    static let noHint = Message("input.hint.none")

    /// ` (did you mean 'x'?)` for the nearest candidate, or no hint.
    static func didYouMean(_ name: String, in candidates: some Sequence<String>) -> Message {
        Suggestion.closest(to: name, in: candidates).map { Message("input.hint.did-you-mean", $0) } ?? noHint
    }

    /// Items listed as the language lists them (`input.list.more`: `a, b` / `a、b`); one item stands as itself.
    static func listing(_ items: [Message]) -> Message {
        guard let first = items.first else { return noHint }
        guard items.count > 1 else { return first }
        return Message("input.list.more", [], parts: [first, listing(Array(items.dropFirst()))])
    }

    /// `42%`, `12.5%` as a fraction; nil for anything else.
    static func percent(_ text: String) -> Rational? {
        guard text.hasSuffix("%") else { return nil }
        let number = text.dropLast()
        guard !number.isEmpty, !number.contains("e"), !number.contains("E"), let r = Rational(decimal: number) else { return nil }
        return r.divided(by: 100)
    }
}

/// The keys of one mapping node, read one by one; `finish()` reports the keys nobody asked for.
final class MappingReader {
    let node: Node
    let pairs: [Node.Pair]
    let path: KeyPath
    let decoder: DocumentDecoder
    let what: Message
    /// Keys asked for, known or not; a key read from the mapping is marked in `read`.
    private var asked: [String] = []
    private var read: [Bool]

    init(node: Node, pairs: [Node.Pair], path: KeyPath, decoder: DocumentDecoder, what: Message) {
        self.node = node
        self.pairs = pairs
        self.path = path
        self.decoder = decoder
        self.what = what
        self.read = Array(repeating: false, count: pairs.count)
    }

    var keys: [String] { pairs.compactMap { $0.key.scalar?.text } }

    /// The value node of a key; with `required`, an error at the mapping when it is absent. An optional key
    /// left empty (`name_en:`) counts as absent; a required one left empty is reported by the reader of its value.
    func value(_ key: String, required: Bool = false) -> Node? {
        asked.append(key)
        for (i, pair) in pairs.enumerated() where pair.key.hasText(key) {
            read[i] = true
            if !required && pair.value.scalar?.isNull == true { return nil }
            return pair.value
        }
        if required {
            decoder.error(Message("decode.missing-key", [key], parts: [what]), at: node, path)
        }
        return nil
    }

    /// A key's value read by one of the decoder's typed readers (`decoder.text`, `decoder.number`, …).
    private func read<T>(_ key: String, _ required: Bool, _ reader: (Node, KeyPath, Message) -> T?) -> T? {
        value(key, required: required).flatMap { reader($0, path.appending(key), Message("subject.key", key)) }
    }

    func text(_ key: String, required: Bool = false) -> String? { read(key, required, decoder.text) }
    func number(_ key: String, required: Bool = false) -> Rational? { read(key, required, decoder.number) }
    func integer(_ key: String, required: Bool = false) -> Int? { read(key, required, decoder.integer) }
    func bool(_ key: String, required: Bool = false) -> Bool? { read(key, required, decoder.bool) }
    func localized(_ key: String, required: Bool = false) -> LocalizedText? { read(key, required, decoder.localized) }
    func expression(_ key: String, required: Bool = false) -> Expression? { read(key, required, decoder.expression) }
    func mapping(_ key: String, required: Bool = false) -> MappingReader? { read(key, required, decoder.mapping) }
    func sequence(_ key: String, required: Bool = false) -> [Node]? { read(key, required, decoder.sequence) }

    /// Reports every key not read, with the nearest known key as a hint.
    func finish(allowing extra: [String] = []) {
        for (i, pair) in pairs.enumerated() where !read[i] {
            guard let key = pair.key.scalar?.text else {
                decoder.error(Message("decode.key-not-text", [], parts: [what, decoder.kind(pair.key)]), at: pair.key, path)
                continue
            }
            if extra.contains(key) { continue }
            decoder.error(Message("decode.unknown-key", [key], parts: [what, DocumentDecoder.didYouMean(key, in: asked + extra)]),
                          at: pair.key, path.appending(key))
        }
    }
}
