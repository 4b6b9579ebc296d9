import Foundation

/// A `Swift.Encoder` that builds a `JSONNode` tree: what `JSONText` writes, the same bytes as Foundation's
/// `JSONEncoder` with `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]` and default strategies.
///
/// As JSONEncoder: an optional encoded with `encodeIfPresent` is left out, `encodeNil` writes `null`, a value that
/// encodes nothing is `{}`, `Decimal` is written as its description, `URL` as its absolute string, `Data` in base64,
/// `Date` as its seconds since 2001 (its own `Encodable`), a `Double` or `Float` as its description without a final
/// `.0` (NaN and infinities are an error), and `superEncoder()` writes under the key `super`.
final class JSONTreeEncoder: Encoder {
    /// What this encoder produced; nil while nothing is encoded.
    private(set) var value: JSONNode?
    private let parent: JSONTreeEncoder?
    private let key: (any CodingKey)?
    /// Where a super encoder's value goes in its parent container.
    private let sink: ((JSONNode) -> Void)?

    init(parent: JSONTreeEncoder? = nil, key: (any CodingKey)? = nil, sink: ((JSONNode) -> Void)? = nil) {
        self.parent = parent
        self.key = key
        self.sink = sink
    }

    var codingPath: [any CodingKey] {
        var path: [any CodingKey] = []
        var e: JSONTreeEncoder? = self
        while let current = e {
            if let k = current.key { path.append(k) }
            e = current.parent
        }
        return path.reversed()
    }

    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func set(_ node: JSONNode) {
        value = node
        sink?(node)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let object: JSONObjectNode
        if case .object(let existing)? = value {
            object = existing
        } else {
            object = JSONObjectNode(keyType: ObjectIdentifier(Key.self))
            set(.object(object))
        }
        return KeyedEncodingContainer(JSONKeyedContainer<Key>(encoder: self, object: object))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let array: JSONArrayNode
        if case .array(let existing)? = value {
            array = existing
        } else {
            array = JSONArrayNode()
            set(.array(array))
        }
        return JSONUnkeyedContainer(encoder: self, array: array)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        JSONSingleValueContainer(encoder: self)
    }

    /// The node for one value encoded at `key` below this encoder.
    func wrap<T: Encodable>(_ value: T, key: (any CodingKey)?) throws -> JSONNode {
        // Values JSONEncoder writes itself rather than through their own `encode(to:)`, and the common leaves.
        if T.self == JSONNumber.self, let n = value as? JSONNumber { return .number(n.digits) }
        if T.self == String.self, let s = value as? String { return .string(s) }
        if T.self == Int.self, let i = value as? Int { return .int(i) }
        if T.self == Bool.self, let b = value as? Bool { return .bool(b) }
        if T.self == Decimal.self, let d = value as? Decimal { return .number(d.description) }
        if T.self == URL.self, let u = value as? URL { return .string(u.absoluteString) }
        if T.self == Data.self, let d = value as? Data { return .string(d.base64EncodedString()) }
        if T.self == Double.self, let d = value as? Double { return try float(d, key: key) }
        if T.self == Float.self, let f = value as? Float { return try float(f, key: key) }
        let child = JSONTreeEncoder(parent: self, key: key)
        try value.encode(to: child)
        return child.value ?? .object(JSONObjectNode())
    }

    func float<F: BinaryFloatingPoint & CustomStringConvertible>(_ value: F, key: (any CodingKey)?) throws -> JSONNode {
        guard value.isFinite else {
            var path = codingPath
            if let key { path.append(key) }
            throw EncodingError.invalidValue(value, EncodingError.Context(
                codingPath: path, debugDescription: "Unable to encode \(F.self).\(value) directly in JSON."))
        }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        return .number(text)
    }

    static func integer<I: FixedWidthInteger>(_ value: I) -> JSONNode {
        if let i = Int(exactly: value) { return .int(i) }
        return .number(String(value))
    }
}

/// A key for an array element or for `superEncoder()`, only ever seen in a coding path.
struct JSONPathKey: CodingKey {
    let stringValue: String
    let intValue: Int?

    init(stringValue: String) {
        self.stringValue = stringValue
        intValue = nil
    }

    init(intValue: Int) {
        stringValue = "Index \(intValue)"
        self.intValue = intValue
    }

    init(index: Int) { self.init(intValue: index) }

    static let `super` = JSONPathKey(stringValue: "super")
}

struct JSONKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: JSONTreeEncoder
    let object: JSONObjectNode

    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil(forKey key: Key) throws { object.append(key.stringValue, .null) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { object.append(key.stringValue, .bool(value)) }
    mutating func encode(_ value: String, forKey key: Key) throws { object.append(key.stringValue, .string(value)) }
    mutating func encode(_ value: Double, forKey key: Key) throws { object.append(key.stringValue, try encoder.float(value, key: key)) }
    mutating func encode(_ value: Float, forKey key: Key) throws { object.append(key.stringValue, try encoder.float(value, key: key)) }
    mutating func encode(_ value: Int, forKey key: Key) throws { object.append(key.stringValue, .int(value)) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { object.append(key.stringValue, JSONTreeEncoder.integer(value)) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { object.append(key.stringValue, JSONTreeEncoder.integer(value)) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { object.append(key.stringValue, JSONTreeEncoder.integer(value)) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { object.append(key.stringValue, JSONTreeEncoder.integer(value)) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { object.append(key.stringValue, JSONTreeEncoder.integer(value)) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { object.append(key.stringValue, JSONTreeEncoder.integer(value)) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { object.append(key.stringValue, JSONTreeEncoder.integer(value)) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { object.append(key.stringValue, JSONTreeEncoder.integer(value)) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { object.append(key.stringValue, JSONTreeEncoder.integer(value)) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        object.append(key.stringValue, try encoder.wrap(value, key: key))
    }

    // Optionals of the common leaves, without the generic path (synthesized `Encodable` uses these for optionals).
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws {
        if let value { object.append(key.stringValue, .bool(value)) }
    }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws {
        if let value { object.append(key.stringValue, .string(value)) }
    }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws {
        if let value { object.append(key.stringValue, .int(value)) }
    }
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value { object.append(key.stringValue, try encoder.wrap(value, key: key)) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey> {
        let name = key.stringValue
        let nested: JSONObjectNode
        if let i = object.lastIndex(of: name), case .object(let existing) = object.values[i] {
            nested = existing
        } else {
            nested = JSONObjectNode(keyType: ObjectIdentifier(NestedKey.self))
            object.append(name, .object(nested))
        }
        return KeyedEncodingContainer(JSONKeyedContainer<NestedKey>(encoder: JSONTreeEncoder(parent: encoder, key: key), object: nested))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let name = key.stringValue
        let nested: JSONArrayNode
        if let i = object.lastIndex(of: name), case .array(let existing) = object.values[i] {
            nested = existing
        } else {
            nested = JSONArrayNode()
            object.append(name, .array(nested))
        }
        return JSONUnkeyedContainer(encoder: JSONTreeEncoder(parent: encoder, key: key), array: nested)
    }

    mutating func superEncoder() -> any Encoder { superEncoder(name: JSONPathKey.super.stringValue, key: JSONPathKey.super) }

    mutating func superEncoder(forKey key: Key) -> any Encoder { superEncoder(name: key.stringValue, key: key) }

    private func superEncoder(name: String, key: any CodingKey) -> any Encoder {
        let object = self.object
        let index = object.keys.count
        object.append(name, .object(JSONObjectNode()))
        return JSONTreeEncoder(parent: encoder, key: key) { node in object.values[index] = node }
    }
}

struct JSONUnkeyedContainer: UnkeyedEncodingContainer {
    let encoder: JSONTreeEncoder
    let array: JSONArrayNode

    var codingPath: [any CodingKey] { encoder.codingPath }
    var count: Int { array.items.count }

    mutating func encodeNil() throws { array.items.append(.null) }
    mutating func encode(_ value: Bool) throws { array.items.append(.bool(value)) }
    mutating func encode(_ value: String) throws { array.items.append(.string(value)) }
    mutating func encode(_ value: Double) throws { array.items.append(try encoder.float(value, key: JSONPathKey(index: count))) }
    mutating func encode(_ value: Float) throws { array.items.append(try encoder.float(value, key: JSONPathKey(index: count))) }
    mutating func encode(_ value: Int) throws { array.items.append(.int(value)) }
    mutating func encode(_ value: Int8) throws { array.items.append(JSONTreeEncoder.integer(value)) }
    mutating func encode(_ value: Int16) throws { array.items.append(JSONTreeEncoder.integer(value)) }
    mutating func encode(_ value: Int32) throws { array.items.append(JSONTreeEncoder.integer(value)) }
    mutating func encode(_ value: Int64) throws { array.items.append(JSONTreeEncoder.integer(value)) }
    mutating func encode(_ value: UInt) throws { array.items.append(JSONTreeEncoder.integer(value)) }
    mutating func encode(_ value: UInt8) throws { array.items.append(JSONTreeEncoder.integer(value)) }
    mutating func encode(_ value: UInt16) throws { array.items.append(JSONTreeEncoder.integer(value)) }
    mutating func encode(_ value: UInt32) throws { array.items.append(JSONTreeEncoder.integer(value)) }
    mutating func encode(_ value: UInt64) throws { array.items.append(JSONTreeEncoder.integer(value)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        array.items.append(try encoder.wrap(value, key: JSONPathKey(index: count)))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = JSONObjectNode(keyType: ObjectIdentifier(NestedKey.self))
        let key = JSONPathKey(index: count)
        array.items.append(.object(nested))
        return KeyedEncodingContainer(JSONKeyedContainer<NestedKey>(encoder: JSONTreeEncoder(parent: encoder, key: key), object: nested))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = JSONArrayNode()
        let key = JSONPathKey(index: count)
        array.items.append(.array(nested))
        return JSONUnkeyedContainer(encoder: JSONTreeEncoder(parent: encoder, key: key), array: nested)
    }

    mutating func superEncoder() -> any Encoder {
        let array = self.array
        let index = array.items.count
        array.items.append(.object(JSONObjectNode()))
        return JSONTreeEncoder(parent: encoder, key: JSONPathKey(index: index)) { node in array.items[index] = node }
    }
}

struct JSONSingleValueContainer: SingleValueEncodingContainer {
    let encoder: JSONTreeEncoder

    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil() throws { encoder.set(.null) }
    mutating func encode(_ value: Bool) throws { encoder.set(.bool(value)) }
    mutating func encode(_ value: String) throws { encoder.set(.string(value)) }
    mutating func encode(_ value: Double) throws { encoder.set(try encoder.float(value, key: nil)) }
    mutating func encode(_ value: Float) throws { encoder.set(try encoder.float(value, key: nil)) }
    mutating func encode(_ value: Int) throws { encoder.set(.int(value)) }
    mutating func encode(_ value: Int8) throws { encoder.set(JSONTreeEncoder.integer(value)) }
    mutating func encode(_ value: Int16) throws { encoder.set(JSONTreeEncoder.integer(value)) }
    mutating func encode(_ value: Int32) throws { encoder.set(JSONTreeEncoder.integer(value)) }
    mutating func encode(_ value: Int64) throws { encoder.set(JSONTreeEncoder.integer(value)) }
    mutating func encode(_ value: UInt) throws { encoder.set(JSONTreeEncoder.integer(value)) }
    mutating func encode(_ value: UInt8) throws { encoder.set(JSONTreeEncoder.integer(value)) }
    mutating func encode(_ value: UInt16) throws { encoder.set(JSONTreeEncoder.integer(value)) }
    mutating func encode(_ value: UInt32) throws { encoder.set(JSONTreeEncoder.integer(value)) }
    mutating func encode(_ value: UInt64) throws { encoder.set(JSONTreeEncoder.integer(value)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        encoder.set(try encoder.wrap(value, key: nil))
    }
}
