/// The named values of a template object. A dossier builds thousands of small objects (a criterion has a dozen
/// names) and looks each name up a few times, so a small object is a list searched in order, with no hashing; an
/// object of more than `indexedFrom` names (the labels) keeps a dictionary as well. A name given twice keeps its
/// last value, as a dictionary would.
public struct TemplateObject: Sendable {
    static let indexedFrom = 24

    private var keys: ContiguousArray<String> = []
    private var values: ContiguousArray<TemplateValue> = []
    private var index: [String: Int]?

    public init() {}

    public init(_ entries: [String: TemplateValue]) {
        keys.reserveCapacity(entries.count)
        values.reserveCapacity(entries.count)
        for (key, value) in entries {
            keys.append(key)
            values.append(value)
        }
        indexIfLarge()
    }

    /// The entries in order; a name given again replaces its earlier value.
    public init<S: Sequence>(pairs: S) where S.Element == (String, TemplateValue) {
        for (key, value) in pairs { self[key] = value }
    }

    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }

    /// The entries in name order (for a stable text of the whole object).
    public var sorted: [(key: String, value: TemplateValue)] {
        zip(keys, values).map { (key: $0, value: $1) }.sorted { $0.key < $1.key }
    }

    public subscript(name: String) -> TemplateValue? {
        get { position(of: name).map { values[$0] } }
        set {
            if let at = position(of: name) {
                if let newValue {
                    values[at] = newValue
                } else {
                    keys.remove(at: at)
                    values.remove(at: at)
                    index = nil
                    indexIfLarge()
                }
            } else if let newValue {
                keys.append(name)
                values.append(newValue)
                if index != nil { index?[name] = keys.count - 1 } else { indexIfLarge() }
            }
        }
    }

    @inline(__always)
    private func position(of name: String) -> Int? {
        if let index { return index[name] }
        // Lengths first: most names a lookup passes differ in length, and a length is read without comparing text.
        let length = name.utf8.count
        for i in keys.indices where keys[i].utf8.count == length && keys[i] == name { return i }
        return nil
    }

    private mutating func indexIfLarge() {
        guard index == nil, keys.count > Self.indexedFrom else { return }
        index = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) })
    }
}

extension TemplateObject: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, TemplateValue)...) { self.init(pairs: elements) }
}
