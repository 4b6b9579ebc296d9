/// The shared vocabulary of park facts (`Criteria/facts.yaml`): one meaning per key in every scorecard.
public struct FactDictionary: Sendable {
    public private(set) var definitions: [String: FactDefinition]
    /// Keys in the order the dictionary lists them.
    public private(set) var keys: [String]
    /// Every proper prefix of a key (`tenants` of `tenants.total`).
    private var groups: Set<String> = []

    public init(_ definitions: [FactDefinition] = []) {
        self.definitions = [:]
        self.keys = []
        for definition in definitions { add(definition) }
    }

    public mutating func add(_ definition: FactDefinition) {
        if definitions[definition.key] == nil { keys.append(definition.key) }
        definitions[definition.key] = definition
        var prefix = Substring(definition.key)
        while let dot = prefix.lastIndex(of: ".") {
            prefix = prefix[..<dot]
            groups.insert(String(prefix))
        }
    }

    public subscript(key: String) -> FactDefinition? { definitions[key] }

    /// The type of a fact, without copying its whole definition (for hot paths such as decoding).
    public func type(of key: String) -> FactType? { definitions[key]?.type }

    public func contains(_ key: String) -> Bool { definitions[key] != nil }

    /// Whether `prefix` is the start of some fact key (`tenants` of `tenants.total`).
    public func isGroup(_ prefix: String) -> Bool {
        groups.contains(prefix)
    }
}
