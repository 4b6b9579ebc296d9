/// The named values of a template object. A dossier builds thousands of small objects (a criterion has a dozen
/// names) and looks each name up a few times, so a small object is a list searched in order, with no hashing; an
/// object of more than `indexedFrom` names (the labels) keeps a dictionary as well. Setting a name that is there
/// replaces its value, as a dictionary would.
public struct TemplateObject: Sendable {
    static let indexedFrom = 24

    private var entries: ContiguousArray<(key: String, value: TemplateValue)> = []
    private var index: [String: Int]?

    public init() {}

    public init(_ dictionary: [String: TemplateValue]) {
        entries.reserveCapacity(dictionary.count)
        for (key, value) in dictionary { entries.append((key, value)) }
        indexIfLarge()
    }

    /// Entries whose names are all different, in order (a literal in code: a name given twice is a mistake, as in a
    /// dictionary literal).
    public init<S: Collection>(distinct pairs: S) where S.Element == (String, TemplateValue) {
        entries.reserveCapacity(pairs.count)
        for (key, value) in pairs {
            assert(position(of: key) == nil, "'\(key)' given twice")
            entries.append((key, value))
        }
        indexIfLarge()
    }

    public var count: Int { entries.count }
    public var isEmpty: Bool { entries.isEmpty }

    /// The entries in name order (for a stable text of the whole object).
    public var sorted: [(key: String, value: TemplateValue)] { entries.sorted { $0.key < $1.key } }

    public subscript(name: String) -> TemplateValue? {
        get { position(of: name).map { entries[$0].value } }
        set {
            if let at = position(of: name) {
                if let newValue {
                    entries[at].value = newValue
                } else {
                    entries.remove(at: at)
                    index = nil
                    indexIfLarge()
                }
            } else if let newValue {
                append(name, newValue)
            }
        }
    }

    /// Adds a name the object does not hold yet (the caller knows it is new).
    mutating func append(_ name: String, _ value: TemplateValue) {
        assert(position(of: name) == nil, "'\(name)' given twice")
        entries.append((name, value))
        if index != nil { index?[name] = entries.count - 1 } else { indexIfLarge() }
    }

    @inline(__always)
    private func position(of name: String) -> Int? {
        if let index { return index[name] }
        // Lengths first: most names a lookup passes differ in length, and a length is read without comparing text.
        let length = name.utf8.count
        for i in entries.indices where entries[i].key.utf8.count == length && entries[i].key == name { return i }
        return nil
    }

    private mutating func indexIfLarge() {
        guard index == nil, entries.count > Self.indexedFrom else { return }
        var index: [String: Int] = [:]
        index.reserveCapacity(entries.count)
        for (i, entry) in entries.enumerated() { index[entry.key] = i }
        self.index = index
    }
}

extension TemplateObject: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, TemplateValue)...) { self.init(distinct: elements) }
}
