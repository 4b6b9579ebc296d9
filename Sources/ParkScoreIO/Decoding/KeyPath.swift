/// Where a node is inside its document, as a reader says it: `dimensions[2].criteria[0].points`.
struct KeyPath: CustomStringConvertible {
    private(set) var components: [Component] = []

    enum Component {
        case key(String)
        case index(Int)
    }

    static let root = KeyPath()

    func appending(_ key: String) -> KeyPath {
        var copy = self
        copy.components.append(.key(key))
        return copy
    }

    func appending(_ index: Int) -> KeyPath {
        var copy = self
        copy.components.append(.index(index))
        return copy
    }

    var description: String {
        var s = ""
        for component in components {
            switch component {
            case .key(let k): s += s.isEmpty ? k : ".\(k)"
            case .index(let i): s += "[\(i)]"
            }
        }
        return s
    }
}
