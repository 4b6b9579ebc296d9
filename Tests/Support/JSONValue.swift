import Foundation

/// A small JSON reader for the test suite's `in.json`, which may hold several documents back to back.
public enum JSONValue: Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public static func parseAll(_ text: String) throws -> [JSONValue] {
        var reader = Reader(bytes: Array(text.utf8))
        var values: [JSONValue] = []
        reader.skipSpace()
        while reader.index < reader.bytes.count {
            values.append(try reader.value())
            reader.skipSpace()
        }
        return values
    }

    public struct Failure: Error {}

    private struct Reader {
        let bytes: [UInt8]
        var index = 0

        mutating func skipSpace() {
            while index < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
        }

        mutating func value() throws -> JSONValue {
            skipSpace()
            guard index < bytes.count else { throw Failure() }
            switch bytes[index] {
            case UInt8(ascii: "{"):
                index += 1
                var object: [String: JSONValue] = [:]
                skipSpace()
                if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(object) }
                while true {
                    skipSpace()
                    guard case .string(let key) = try value() else { throw Failure() }
                    skipSpace()
                    guard bytes[index] == UInt8(ascii: ":") else { throw Failure() }
                    index += 1
                    object[key] = try value()
                    skipSpace()
                    if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                    guard bytes[index] == UInt8(ascii: "}") else { throw Failure() }
                    index += 1
                    return .object(object)
                }
            case UInt8(ascii: "["):
                index += 1
                var array: [JSONValue] = []
                skipSpace()
                if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(array) }
                while true {
                    array.append(try value())
                    skipSpace()
                    if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                    guard bytes[index] == UInt8(ascii: "]") else { throw Failure() }
                    index += 1
                    return .array(array)
                }
            case UInt8(ascii: "\""):
                let start = index
                index += 1
                while bytes[index] != UInt8(ascii: "\"") {
                    if bytes[index] == UInt8(ascii: "\\") { index += 1 }
                    index += 1
                }
                index += 1
                let literal = String(decoding: bytes[start..<index], as: UTF8.self)
                guard let s = try JSONSerialization.jsonObject(with: Data(literal.utf8), options: .fragmentsAllowed) as? String
                else { throw Failure() }
                return .string(s)
            case UInt8(ascii: "t"): index += 4; return .bool(true)
            case UInt8(ascii: "f"): index += 5; return .bool(false)
            case UInt8(ascii: "n"): index += 4; return .null
            default:
                let start = index
                while index < bytes.count, "+-0123456789.eE".utf8.contains(bytes[index]) { index += 1 }
                guard let d = Double(String(decoding: bytes[start..<index], as: UTF8.self)) else { throw Failure() }
                return .number(d)
            }
        }
    }
}
