internal import CYAML

/// Reads YAML text into node trees by pulling libyaml's parser events.
///
/// - Anchors and aliases are resolved; an alias node keeps its own mark.
/// - Duplicate mapping keys are refused (keys compare by their resolved value).
/// - Plain scalars resolve as YAML 1.2 core (`no` is a string).
/// - `ParseLimits` are enforced while events are pulled, so hostile input is refused early.
public enum YAMLReader {
    /// Every document of the stream.
    public static func documents(_ bytes: [UInt8], limits: ParseLimits = .default) throws(YAMLError) -> [Node] {
        guard bytes.count <= limits.maxInputBytes else {
            throw YAMLError(.limit, "input is \(bytes.count) bytes, more than the limit of \(limits.maxInputBytes)", at: nil,
                            code: "yaml.limit.input-bytes", arguments: [String(bytes.count), String(limits.maxInputBytes)])
        }
        var builder = TreeBuilder(limits: limits)
        let outcome: YAMLError? = bytes.withUnsafeBufferPointer { buffer in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else {
                return YAMLError(.limit, "libyaml could not allocate a parser", at: nil, code: "yaml.limit.memory")
            }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    return parserError(parser, bytes: buffer)
                }
                let done = event.type == YAML_STREAM_END_EVENT
                let failure = builder.consume(event)
                yaml_event_delete(&event)
                if let failure { return failure }
                if done { return nil }
            }
        }
        if let outcome { throw outcome }
        return builder.documents
    }

    /// The one document of a stream; nil for an empty stream. A second document is an error.
    public static func document(_ bytes: [UInt8], limits: ParseLimits = .default) throws(YAMLError) -> Node? {
        let all = try documents(bytes, limits: limits)
        if all.count > 1 {
            throw YAMLError(.multipleDocuments, "expected one YAML document, found \(all.count)", at: all[1].mark,
                            code: "yaml.multiple-documents", arguments: [String(all.count)])
        }
        return all.first
    }

    public static func document(_ text: String, limits: ParseLimits = .default) throws(YAMLError) -> Node? {
        try document(Array(text.utf8), limits: limits)
    }

    /// Counts libyaml's events without building anything: the baseline the benchmarks compare against.
    public static func countEvents(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var event = yaml_event_t()
            var count = 0
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                let done = event.type == YAML_STREAM_END_EVENT
                yaml_event_delete(&event)
                count += 1
                if done { return count }
            }
        }
    }

    private static func parserError(_ parser: yaml_parser_t, bytes: UnsafeBufferPointer<UInt8>) -> YAMLError {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
        switch parser.error {
        case YAML_MEMORY_ERROR:
            return YAMLError(.limit, "libyaml ran out of memory", at: nil, code: "yaml.limit.memory")
        case YAML_READER_ERROR:
            let offset = min(Int(parser.problem_offset), bytes.count)
            var message = problem
            let byte = parser.problem_value != -1 && problem.hasPrefix("invalid") ? Int(parser.problem_value) : nil
            if let byte { message += " (byte 0x\(String(byte, radix: 16)))" }
            let at = markForByteOffset(offset, in: bytes)
            guard let coded = LibYAMLProblem.code(readerProblem: problem, byte: byte) else { return YAMLError(.encoding, message, at: at) }
            return YAMLError(.encoding, message, at: at, code: coded.code, arguments: coded.arguments)
        default:
            var message = problem
            let problemMark = mark(parser.problem_mark)
            var contextMark: Mark?
            var context: String?
            if let text = parser.context {
                context = String(cString: text)
                message += " \(String(cString: text))"
                contextMark = mark(parser.context_mark)
                if let contextMark, contextMark != problemMark {
                    message += " (started at \(contextMark))"
                }
            }
            guard let coded = LibYAMLProblem.code(problem: problem, context: context, problemMark: problemMark, contextMark: contextMark) else {
                var unknown = YAMLError(.syntax, message, at: problemMark)
                unknown.contextMark = contextMark
                return unknown
            }
            return YAMLError(.syntax, message, at: problemMark, code: coded.code, arguments: coded.arguments, contextMark: contextMark)
        }
    }

    static func mark(_ m: yaml_mark_t) -> Mark {
        Mark(line: Int(m.line) + 1, column: Int(m.column) + 1)
    }

    /// The line and column (in characters) of a byte offset.
    static func markForByteOffset(_ offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Mark {
        var line = 1
        var column = 1
        var i = 0
        while i < offset {
            let b = bytes[i]
            if b == 0x0A {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
            i += 1
        }
        return Mark(line: line, column: column)
    }
}

/// Builds nodes from the event stream, enforcing limits and the rules of this layer.
///
/// Children wait on one shared stack; when a collection ends, its children become one array of exactly
/// their number, so no array grows and reallocates while it is read.
private struct TreeBuilder {
    struct Frame {
        var isMapping: Bool
        var mark: Mark
        var tag: String?
        var anchor: String?
        /// Where this collection's children start on the stack.
        var start: Int
        var size = 1
        var keyIndex: [KeyIdentity: Mark]?
    }

    let limits: ParseLimits
    var documents: [Node] = []
    var frames: [Frame] = []
    var stack: [Node] = []
    /// Characters of canonical text made for complex keys so far in this document.
    var complexKeyText = 0
    var anchors: [String: Node] = [:]
    var nodeCount = 0
    var expandedCount = 0

    init(limits: ParseLimits) {
        self.limits = limits
        stack.reserveCapacity(64)
    }

    mutating func consume(_ event: yaml_event_t) -> YAMLError? {
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            if !anchors.isEmpty { anchors.removeAll(keepingCapacity: true) }
            return nil
        case YAML_SCALAR_EVENT:
            let mark = YAMLReader.mark(event.start_mark)
            if let error = countNode(at: mark) { return error }
            let data = event.data.scalar
            let text = String(decoding: UnsafeBufferPointer(start: data.value, count: Int(data.length)), as: UTF8.self)
            let style: Scalar.Style
            switch data.style {
            case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
            case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
            case YAML_LITERAL_SCALAR_STYLE: style = .literal
            case YAML_FOLDED_SCALAR_STYLE: style = .folded
            default: style = .plain
            }
            let tag = data.tag.map { String(cString: $0) }
            let kind: Scalar.Kind
            if let tag, tag != "!" {
                if let resolved = CoreSchema.resolveTagged(text, tag: tag) {
                    kind = resolved
                } else if tag.hasPrefix("tag:yaml.org,2002:") && tag != "tag:yaml.org,2002:binary"
                            && tag != "tag:yaml.org,2002:timestamp" {
                    let short = "!!" + tag.dropFirst("tag:yaml.org,2002:".count)
                    return YAMLError(.invalidTaggedValue, "'\(text)' is not a valid \(short) value", at: mark,
                                     code: "yaml.tagged-value.invalid", arguments: [text, short])
                } else {
                    kind = .string
                }
            } else {
                kind = style == .plain && tag == nil ? CoreSchema.resolvePlain(text) : .string
            }
            let node = Node(content: .scalar(Scalar(text: text, style: style, kind: kind)), mark: mark, tag: tag,
                            expandedSize: 1)
            if let anchor = data.anchor { anchors[String(cString: anchor)] = node }
            expandedCount += 1
            return append(node)
        case YAML_ALIAS_EVENT:
            let mark = YAMLReader.mark(event.start_mark)
            if let error = countNode(at: mark) { return error }
            let name = String(cString: event.data.alias.anchor)
            guard let target = anchors[name] else {
                return YAMLError(.unknownAlias, "alias '*\(name)' refers to no anchor defined before it", at: mark,
                                 code: "yaml.alias.unknown", arguments: [name])
            }
            expandedCount += target.expandedSize
            if expandedCount > limits.maxExpandedNodes {
                return YAMLError(.limit, "aliases expand the document to more than \(limits.maxExpandedNodes) nodes", at: mark,
                                 code: "yaml.limit.expanded-nodes", arguments: [String(limits.maxExpandedNodes)])
            }
            var node = target
            node.anchorMark = target.anchorMark ?? target.mark
            node.mark = mark
            return append(node)
        case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
            let mark = YAMLReader.mark(event.start_mark)
            if let error = countNode(at: mark) { return error }
            guard frames.count < limits.maxDepth else {
                return YAMLError(.limit, "nesting is deeper than the limit of \(limits.maxDepth) levels", at: mark,
                                 code: "yaml.limit.depth", arguments: [String(limits.maxDepth)])
            }
            expandedCount += 1
            let isMapping = event.type == YAML_MAPPING_START_EVENT
            let anchor = isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor
            let tag = isMapping ? event.data.mapping_start.tag : event.data.sequence_start.tag
            frames.append(Frame(isMapping: isMapping, mark: mark, tag: tag.map { String(cString: $0) },
                                anchor: anchor.map { String(cString: $0) }, start: stack.count))
            return nil
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            let frame = frames.removeLast()
            let content: Node.Content
            if frame.isMapping {
                var pairs: [Node.Pair] = []
                pairs.reserveCapacity((stack.count - frame.start) / 2)
                var i = frame.start
                while i + 1 < stack.count {
                    pairs.append(Node.Pair(key: stack[i], value: stack[i + 1]))
                    i += 2
                }
                content = .mapping(pairs)
            } else {
                content = .sequence(Array(stack[frame.start...]))
            }
            stack.removeSubrange(frame.start...)
            let node = Node(content: content, mark: frame.mark, tag: frame.tag, expandedSize: frame.size)
            if let anchor = frame.anchor { anchors[anchor] = node }
            return append(node)
        default:
            return nil
        }
    }

    private mutating func countNode(at mark: Mark) -> YAMLError? {
        nodeCount += 1
        if nodeCount > limits.maxNodes {
            return YAMLError(.limit, "document has more than the limit of \(limits.maxNodes) nodes", at: mark,
                             code: "yaml.limit.nodes", arguments: [String(limits.maxNodes)])
        }
        if expandedCount >= limits.maxExpandedNodes {
            return YAMLError(.limit, "aliases expand the document to more than \(limits.maxExpandedNodes) nodes", at: mark,
                                 code: "yaml.limit.expanded-nodes", arguments: [String(limits.maxExpandedNodes)])
        }
        return nil
    }

    private mutating func append(_ node: Node) -> YAMLError? {
        guard !frames.isEmpty else {
            documents.append(node)
            return nil
        }
        let top = frames.count - 1
        frames[top].size += node.expandedSize
        // In a mapping, an even number of waiting children means this node is a key: refuse a duplicate.
        if frames[top].isMapping && (stack.count - frames[top].start) % 2 == 0 {
            // A complex key (a mapping or list, aliases expanded) is compared by its canonical text; past a budget
            // it is refused rather than expanded without end.
            if node.scalar == nil {
                guard let text = KeyIdentity.canonicalText(node, budget: KeyIdentity.complexKeyBudget) else {
                    return YAMLError(.limit, "a mapping key is too large to compare (over \(KeyIdentity.complexKeyBudget) characters once its aliases are expanded)",
                                     at: node.mark, code: "yaml.limit.complex-key", arguments: [String(KeyIdentity.complexKeyBudget)])
                }
                // All complex keys of a document together get one budget: comparing them costs a bounded multiple of it.
                complexKeyText += text.utf8.count
                if complexKeyText > KeyIdentity.documentComplexKeyBudget {
                    return YAMLError(.limit, "the complex mapping keys of this document are too large to compare (over \(KeyIdentity.documentComplexKeyBudget) characters in all)",
                                     at: node.mark, code: "yaml.limit.complex-keys", arguments: [String(KeyIdentity.documentComplexKeyBudget)])
                }
            }
            if let first = firstMark(of: node, frame: top) {
                return YAMLError(.duplicateKey, "duplicate key '\(KeyIdentity(node).display)' (first at \(first))", at: node.mark,
                                 code: "yaml.duplicate-key", arguments: [KeyIdentity(node).display, String(first.line), String(first.column)])
            }
        }
        stack.append(node)
        return nil
    }

    /// Where the mapping already has this key, if it does; records it otherwise.
    private mutating func firstMark(of key: Node, frame top: Int) -> Mark? {
        let start = frames[top].start
        let keys = (stack.count - start) / 2
        if frames[top].keyIndex == nil && keys < 16 {
            var i = start
            while i < stack.count {
                if KeyIdentity.same(stack[i], key) { return stack[i].mark }
                i += 2
            }
            return nil
        }
        if frames[top].keyIndex == nil {
            var index: [KeyIdentity: Mark] = [:]
            index.reserveCapacity(keys * 2)
            var i = start
            while i < stack.count {
                let identity = KeyIdentity(stack[i])
                if index[identity] == nil { index[identity] = stack[i].mark }
                i += 2
            }
            frames[top].keyIndex = index
        }
        let identity = KeyIdentity(key)
        if let first = frames[top].keyIndex?[identity] { return first }
        frames[top].keyIndex?[identity] = key.mark
        return nil
    }
}

/// What makes two mapping keys the same: equal resolved values (`1` and `0x1` are one integer key).
struct KeyIdentity: Hashable {
    /// A plain string key's own text (most keys: nothing built), or any other key's canonical text.
    let canonical: String
    let isString: Bool
    let display: String

    init(_ node: Node) {
        if case .scalar(let s) = node.content {
            isString = s.kind == .string
            canonical = isString ? s.text : KeyIdentity.canonical(node)
            display = s.text
        } else {
            isString = false
            canonical = KeyIdentity.canonical(node)
            display = canonical
        }
    }

    static func == (a: KeyIdentity, b: KeyIdentity) -> Bool { a.isString == b.isString && a.canonical == b.canonical }

    /// Whether two keys are the same, without building their canonical texts in the common cases.
    static func same(_ a: Node, _ b: Node) -> Bool {
        guard case .scalar(let x) = a.content, case .scalar(let y) = b.content else {
            return canonical(a) == canonical(b)
        }
        switch (x.kind, y.kind) {
        // Lengths first: keys of one mapping mostly differ in length, read without comparing text.
        case (.string, .string): return x.text.utf8.count == y.text.utf8.count && x.text == y.text
        case (.string, _), (_, .string): return false
        case (.null, .null): return true
        case (.bool, .bool): return x.bool == y.bool
        default: return canonical(a) == canonical(b)
        }
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(isString)
        hasher.combine(canonical)
    }

    /// The most characters a complex key's canonical text may take, and all of a document's together.
    static let complexKeyBudget = 1 << 20
    static let documentComplexKeyBudget = 4 << 20

    static func canonical(_ node: Node) -> String {
        canonicalText(node, budget: complexKeyBudget) ?? "!too-large@\(node.mark)"
    }

    /// Equal resolved values give equal texts: integers exactly (9007199254740993 and 9007199254740992 differ), a float
    /// equal to a whole number as that number (`1.0` is the key `1`). Nil past `budget` characters.
    static func canonicalText(_ node: Node, budget: Int) -> String? {
        var remaining = budget
        func text(_ node: Node) -> String? {
            let out: String
            switch node.content {
            case .scalar(let s):
                switch s.kind {
                case .null: out = "~"
                case .bool: out = s.bool == true ? "b:true" : "b:false"
                case .int:
                    if let v = s.int { out = "n:\(v)" } else { out = "i:" + s.text }
                case .float:
                    if let v = s.double {
                        if v.isNaN {
                            out = "n:nan"
                        } else if v == v.rounded(), abs(v) < 9_007_199_254_740_992 {
                            out = "n:\(Int(v))"
                        } else {
                            out = "n:\(v)"
                        }
                    } else {
                        out = "f:" + s.text
                    }
                // Length-prefixed, so that no string can imitate the punctuation of a list or a mapping.
                case .string: out = "s\(s.text.utf8.count):" + s.text
                }
            case .sequence(let items):
                var parts: [String] = []
                for item in items {
                    guard let t = text(item) else { return nil }
                    parts.append(t)
                }
                out = "[" + parts.joined(separator: ",") + "]"
            case .mapping(let pairs):
                var parts: [String] = []
                for pair in pairs {
                    guard let k = text(pair.key), let v = text(pair.value) else { return nil }
                    parts.append(k + ":" + v)
                }
                out = "{" + parts.sorted().joined(separator: ",") + "}"
            }
            remaining -= out.utf8.count
            return remaining < 0 ? nil : out
        }
        return text(node)
    }
}
