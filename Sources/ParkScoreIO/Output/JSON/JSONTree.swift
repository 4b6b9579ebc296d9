import Foundation

/// A JSON value as `JSONTreeEncoder` builds it, before it is written: containers are references, so a container handed
/// out by the encoder fills the value already placed in its parent.
enum JSONNode {
    case null
    case bool(Bool)
    case int(Int)
    /// Number digits exactly as they are to be written.
    case number(String)
    case string(String)
    case array(JSONArrayNode)
    case object(JSONObjectNode)
}

final class JSONArrayNode {
    var items: [JSONNode] = []
}

/// Members in the order they were encoded; a key encoded twice keeps the later value (as JSONEncoder's dictionary does).
/// Sorted only when written.
final class JSONObjectNode {
    var keys: [String] = []
    var values: [JSONNode] = []
    /// The `CodingKey` type of the container that filled it: objects of one type mostly have the same keys, so the
    /// writer sorts them once.
    let keyType: ObjectIdentifier?

    init(keyType: ObjectIdentifier? = nil) {
        self.keyType = keyType
    }

    func append(_ key: String, _ value: JSONNode) {
        keys.append(key)
        values.append(value)
    }

    /// The position of the member last encoded under `key`, by a linear search (only for nested containers).
    func lastIndex(of key: String) -> Int? {
        keys.lastIndex { JSONKeyOrder.equal($0, key) }
    }
}

/// How `.sortedKeys` orders keys in swift-foundation's JSONWriter outside Apple platforms:
/// `a.key.utf8.lexicographicallyPrecedes(b.key.utf8)`, i.e. by UTF-8 bytes, unsigned: `B` < `Z` < `_` < `a` < `a10`
/// < `a9` < `ab` < `b` < `é` < `中` < U+FFFF < `😀`. No case folding, no numeric ordering, no normalisation.
enum JSONKeyOrder {
    static func less(_ a: String, _ b: String) -> Bool {
        compare(a, b) < 0
    }

    static func equal(_ a: String, _ b: String) -> Bool {
        compare(a, b) == 0
    }

    /// memcmp order of the UTF-8 bytes, a shorter prefix first.
    static func compare(_ a: String, _ b: String) -> Int {
        let fast = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y -> Int in
                let common = Swift.min(x.count, y.count)
                if common > 0, let xb = x.baseAddress, let yb = y.baseAddress {
                    let c = memcmp(xb, yb, common)
                    if c != 0 { return c < 0 ? -1 : 1 }
                }
                return x.count == y.count ? 0 : (x.count < y.count ? -1 : 1)
            }
        }
        if let result = fast ?? nil { return result }
        if a.utf8.elementsEqual(b.utf8) { return 0 }
        return a.utf8.lexicographicallyPrecedes(b.utf8) ? -1 : 1
    }
}
