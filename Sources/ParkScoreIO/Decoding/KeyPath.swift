/// Where a node is inside its document, as a reader says it: `dimensions[2].criteria[0].points`.
///
/// A path is a chain of small links, so extending it costs one allocation and its text is only built
/// when a message needs it.
struct KeyPath: CustomStringConvertible, Sendable {
    private final class Link: Sendable {
        let parent: Link?
        let component: Component

        init(parent: Link?, component: Component) {
            self.parent = parent
            self.component = component
        }
    }

    enum Component: Sendable {
        case key(String)
        case index(Int)
    }

    private let last: Link?

    private init(last: Link?) {
        self.last = last
    }

    static let root = KeyPath(last: nil)

    func appending(_ key: String) -> KeyPath { KeyPath(last: Link(parent: last, component: .key(key))) }

    func appending(_ index: Int) -> KeyPath { KeyPath(last: Link(parent: last, component: .index(index))) }

    var lastKey: String? {
        if case .key(let k)? = last?.component { return k }
        return nil
    }

    var components: [Component] {
        var result: [Component] = []
        var link = last
        while let l = link {
            result.append(l.component)
            link = l.parent
        }
        return result.reversed()
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
