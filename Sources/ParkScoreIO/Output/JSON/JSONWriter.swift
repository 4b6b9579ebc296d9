import Foundation

/// Writes a `JSONNode` tree as UTF-8 bytes, laid out exactly as swift-foundation's JSONWriter does with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`:
///
/// - two spaces of indent per level; `"key" : value`; members and elements separated by `,` and a line break;
/// - an empty array or object is still opened and closed on lines of their own: `[` line break, line break, indent, `]`;
/// - keys in the order of their UTF-8 bytes (`JSONKeyOrder`);
/// - in strings `"` and `\` are escaped, U+0008, U+000C, line feed, carriage return and tab as `\b \f \n \r \t`, every
///   other byte below 0x20 as `\u00xx` (lowercase hex); everything else, `/`, U+007F, U+2028 and U+2029 included,
///   is copied as it is;
/// - containers nested 512 deep are an error, as in JSONEncoder.
///
/// It writes a `JSONNode` tree (`write(_:)`), or values that write themselves (`JSONWritable`) a member at a time:
/// `objectStart()`, `key(_:)` and the value for each member, in key order, `objectEnd()`.
package struct JSONWriter {
    struct TooDeep: Error {}

    private static let maximumDepth = 512

    package private(set) var bytes: [UInt8] = []
    /// Written a piece at a time: the containers open, whether the innermost has no member or element yet, and
    /// whether one is nested too deep (the bytes are then no document).
    private var depth = 0
    private var first = true
    package private(set) var tooDeep = false
    #if DEBUG
    /// The last key of each open container, to check that members come in key order.
    private var lastKeys: [String?] = []
    #endif
    /// Member orders already worked out, by key type: the keys they were for and the order.
    private var orders: [ObjectIdentifier: [(keys: [String], order: [Int])]] = [:]
    /// `,`, a line break and the deepest indent: a slice of it starts each member and element.
    private static let breaks: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: "\n")]
        + [UInt8](repeating: UInt8(ascii: " "), count: 2 * maximumDepth)

    package init(capacity: Int = 4096) {
        bytes.reserveCapacity(capacity)
    }

    mutating func write(_ node: JSONNode) throws {
        try write(node, depth: 0)
    }

    private mutating func write(_ node: JSONNode, depth: Int) throws {
        switch node {
        case .null: append("null")
        case .bool(let b): b ? append("true") : append("false")
        case .int(let i): writeInt(i)
        case .number(let digits): writeRaw(digits)
        case .string(let s): writeString(s)
        case .array(let array): try writeArray(array.items, depth: depth + 1)
        case .object(let object): try writeObject(object, depth: depth + 1)
        }
    }

    private mutating func writeArray(_ items: [JSONNode], depth: Int) throws {
        guard depth < Self.maximumDepth else { throw TooDeep() }
        bytes.append(UInt8(ascii: "["))
        if items.isEmpty { bytes.append(UInt8(ascii: "\n")) }
        var start = 1
        for item in items {
            breakLine(from: start, to: 2 + 2 * depth)
            start = 0
            try write(item, depth: depth)
        }
        breakLine(from: 1, to: 2 * depth)
        bytes.append(UInt8(ascii: "]"))
    }

    private mutating func writeObject(_ object: JSONObjectNode, depth: Int) throws {
        guard depth < Self.maximumDepth else { throw TooDeep() }
        bytes.append(UInt8(ascii: "{"))
        let keys = object.keys
        let values = object.values
        if keys.isEmpty { bytes.append(UInt8(ascii: "\n")) }
        let order = self.order(of: keys, type: object.keyType)
        var start = 1
        for (position, index) in order.enumerated() {
            // A key encoded twice: the later value stands, as in JSONEncoder's dictionary.
            if position + 1 < order.count, JSONKeyOrder.equal(keys[index], keys[order[position + 1]]) { continue }
            breakLine(from: start, to: 2 + 2 * depth)
            start = 0
            writeString(keys[index])
            append(" : ")
            try write(values[index], depth: depth)
        }
        breakLine(from: 1, to: 2 * depth)
        bytes.append(UInt8(ascii: "}"))
    }

    // MARK: - A piece at a time

    package mutating func objectStart() {
        bytes.append(UInt8(ascii: "{"))
        open()
    }

    package mutating func objectEnd() {
        close()
        bytes.append(UInt8(ascii: "}"))
    }

    package mutating func arrayStart() {
        bytes.append(UInt8(ascii: "["))
        open()
    }

    package mutating func arrayEnd() {
        close()
        bytes.append(UInt8(ascii: "]"))
    }

    /// Before an element of the innermost array.
    package mutating func element() {
        separator()
    }

    /// A member's key, which must come after the previous member's in `JSONKeyOrder`; its value follows.
    package mutating func key(_ key: StaticString) {
        #if DEBUG
        defer { checkOrder(key.description) }
        #endif
        let start = first ? 1 : 0, end = 2 + 2 * depth
        let total = end - start + key.utf8CodeUnitCount + 5
        guard end <= Self.shortBreaks.utf8CodeUnitCount, total <= 160 else {
            separator()
            bytes.append(UInt8(ascii: "\""))
            key.withUTF8Buffer { bytes.append(contentsOf: $0) }
            append("\" : ")
            return
        }
        first = false
        // The break, the indent, the quoted key and ` : ` put together first, then appended at once: one copy rather
        // than four.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 160) { piece in
            var i = 0
            func put(_ text: UnsafeBufferPointer<UInt8>) {
                for b in text {
                    piece[i] = b
                    i += 1
                }
            }
            Self.shortBreaks.withUTF8Buffer { put(UnsafeBufferPointer(rebasing: $0[start..<end])) }
            piece[i] = UInt8(ascii: "\"")
            i += 1
            key.withUTF8Buffer { put($0) }
            StaticString("\" : ").withUTF8Buffer { put($0) }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: piece[0..<i]))
        }
    }

    /// A key not known in advance (a dictionary's), escaped as a string.
    package mutating func key(_ key: String) {
        separator()
        #if DEBUG
        checkOrder(key)
        #endif
        writeString(key)
        append(" : ")
    }

    #if DEBUG
    private mutating func checkOrder(_ key: String) {
        if let last = lastKeys.last, let previous = last {
            assert(JSONKeyOrder.less(previous, key), "JSON member \(key) written after \(previous)")
        }
        if !lastKeys.isEmpty { lastKeys[lastKeys.count - 1] = key }
    }
    #endif

    private mutating func open() {
        depth += 1
        if depth >= Self.maximumDepth { tooDeep = true }
        first = true
        #if DEBUG
        lastKeys.append(nil)
        #endif
    }

    private mutating func close() {
        if first { bytes.append(UInt8(ascii: "\n")) }
        breakLine(from: 1, to: 2 * depth)
        depth -= 1
        first = false
        #if DEBUG
        lastKeys.removeLast()
        #endif
    }

    /// `,` unless first, a line break and the indent of the innermost container.
    private mutating func separator() {
        let start = first ? 1 : 0
        first = false
        breakLine(from: start, to: 2 + 2 * depth)
    }

    /// `,\n` and 64 spaces: the breaks of containers up to 32 deep, without slicing `breaks`.
    private static let shortBreaks: StaticString = ",\n                                                                "

    /// `breaks[start..<end]`.
    private mutating func breakLine(from start: Int, to end: Int) {
        if end <= Self.shortBreaks.utf8CodeUnitCount {
            Self.shortBreaks.withUTF8Buffer { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[start..<end])) }
        } else {
            bytes.append(contentsOf: Self.breaks[start..<Swift.min(end, Self.breaks.count)])
        }
    }

    /// `sortedOrder(keys)`, remembered for the keys of a `CodingKey` type.
    private mutating func order(of keys: [String], type: ObjectIdentifier?) -> [Int] {
        guard let type, keys.count > 1 else { return Self.sortedOrder(keys) }
        if let known = orders[type] {
            for entry in known where entry.keys.elementsEqual(keys, by: JSONKeyOrder.equal) { return entry.order }
            if known.count >= 8 { return Self.sortedOrder(keys) }
        }
        let order = Self.sortedOrder(keys)
        orders[type, default: []].append((keys, order))
        return order
    }

    /// Member positions by key, equal keys in the order they were encoded.
    static func sortedOrder(_ keys: [String]) -> [Int] {
        var order = Array(keys.indices)
        if keys.count <= 24 {
            // Insertion sort: objects are small, and it is stable.
            var i = 1
            while i < order.count {
                let current = order[i]
                var j = i - 1
                while j >= 0, JSONKeyOrder.compare(keys[current], keys[order[j]]) < 0 {
                    order[j + 1] = order[j]
                    j -= 1
                }
                order[j + 1] = current
                i += 1
            }
        } else {
            order.sort { a, b in
                let c = JSONKeyOrder.compare(keys[a], keys[b])
                return c != 0 ? c < 0 : a < b
            }
        }
        return order
    }

    private mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Text as it is (number digits).
    package mutating func writeRaw(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    package mutating func writeBool(_ value: Bool) {
        value ? append("true") : append("false")
    }

    package mutating func writeInt(_ value: Int) {
        if value >= 0 && value < 10 {
            bytes.append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value))
            return
        }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: 20 digits and a sign
        var magnitude = value.magnitude
        withUnsafeMutableBytes(of: &digits) { buffer in
            var i = buffer.count
            repeat {
                i -= 1
                buffer[i] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if value < 0 {
                i -= 1
                buffer[i] = UInt8(ascii: "-")
            }
            bytes.append(contentsOf: buffer[i...])
        }
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    package mutating func writeString(_ string: String) {
        bytes.append(UInt8(ascii: "\""))
        var string = string
        string.withUTF8 { utf8 in
            var mark = 0
            var i = 0
            let n = utf8.count
            while i < n {
                let b = utf8[i]
                if b >= 0x20 && b != UInt8(ascii: "\"") && b != UInt8(ascii: "\\") {
                    i += 1
                    continue
                }
                if i > mark { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[mark..<i])) }
                bytes.append(UInt8(ascii: "\\"))
                switch b {
                case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\"))
                case 0x08: bytes.append(UInt8(ascii: "b"))
                case 0x0C: bytes.append(UInt8(ascii: "f"))
                case 0x0A: bytes.append(UInt8(ascii: "n"))
                case 0x0D: bytes.append(UInt8(ascii: "r"))
                case 0x09: bytes.append(UInt8(ascii: "t"))
                default:
                    bytes.append(UInt8(ascii: "u"))
                    bytes.append(UInt8(ascii: "0"))
                    bytes.append(UInt8(ascii: "0"))
                    bytes.append(Self.hex[Int(b >> 4)])
                    bytes.append(Self.hex[Int(b & 0xF)])
                }
                i += 1
                mark = i
            }
            if n > mark { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[mark..<n])) }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
