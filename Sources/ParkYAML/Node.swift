/// One node of a YAML document, with the mark where it stands in the text.
///
/// A node that came from an alias (`*name`) carries the alias's own mark in `mark`, and the mark of
/// the anchored node it copies in `anchorMark`; the nodes inside it keep the marks of the anchored text.
public struct Node: Sendable {
    public enum Content: Sendable {
        case scalar(Scalar)
        case sequence([Node])
        case mapping([Pair])
    }

    public struct Pair: Sendable {
        public var key: Node
        public var value: Node

        public init(key: Node, value: Node) {
            self.key = key
            self.value = value
        }
    }

    public var content: Content
    public var mark: Mark
    /// The explicit tag, resolved to its full form (`tag:yaml.org,2002:str`), if the text has one.
    public var tag: String?
    /// Where the anchored node is, when this node is the expansion of an alias.
    public var anchorMark: Mark?
    /// How many nodes this subtree counts once aliases are expanded.
    public internal(set) var expandedSize: Int

    public init(_ content: Content, mark: Mark, tag: String? = nil, anchorMark: Mark? = nil) {
        self.content = content
        self.mark = mark
        self.tag = tag
        self.anchorMark = anchorMark
        switch content {
        case .scalar: expandedSize = 1
        case .sequence(let items): expandedSize = items.reduce(1) { $0 + $1.expandedSize }
        case .mapping(let pairs): expandedSize = pairs.reduce(1) { $0 + $1.key.expandedSize + $1.value.expandedSize }
        }
    }

    init(content: Content, mark: Mark, tag: String?, expandedSize: Int) {
        self.content = content
        self.mark = mark
        self.tag = tag
        self.anchorMark = nil
        self.expandedSize = expandedSize
    }

    // MARK: Convenience

    public var scalar: Scalar? {
        if case .scalar(let s) = content { return s }
        return nil
    }

    public var sequence: [Node]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    public var mapping: [Pair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    /// The value for a string key of a mapping, if this is a mapping that has it.
    public subscript(key: String) -> Node? {
        guard case .mapping(let pairs) = content else { return nil }
        for pair in pairs where pair.key.scalar?.string == key { return pair.value }
        return nil
    }

    /// Whether this is a scalar whose text is `text` (a mapping key, say), without copying the scalar.
    public func hasText(_ text: String) -> Bool {
        if case .scalar(let s) = content { return s.text == text }
        return false
    }

    /// What kind of node this is, as said in messages: 'mapping', 'sequence', 'string', 'integer', …
    public var kindName: String {
        switch content {
        case .mapping: return "mapping"
        case .sequence: return "sequence"
        case .scalar(let s): return s.kind.name
        }
    }
}
