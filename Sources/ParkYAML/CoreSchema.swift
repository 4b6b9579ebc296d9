/// Tag resolution of the YAML 1.2 core schema (https://yaml.org/spec/1.2.2/#1032-tag-resolution).
///
/// Unlike YAML 1.1, `yes`, `no`, `on`, `off` are strings and `1:30` is not a sexagesimal number.
public enum CoreSchema {
    public static let nullTag = "tag:yaml.org,2002:null"
    public static let boolTag = "tag:yaml.org,2002:bool"
    public static let intTag = "tag:yaml.org,2002:int"
    public static let floatTag = "tag:yaml.org,2002:float"
    public static let strTag = "tag:yaml.org,2002:str"

    /// The kind of a plain scalar with no explicit tag.
    public static func resolvePlain(_ text: String) -> Scalar.Kind {
        var utf8 = text.utf8
        guard let first = utf8.first else { return .null }
        switch first {
        case UInt8(ascii: "~"):
            return utf8.count == 1 ? .null : .string
        case UInt8(ascii: "n"), UInt8(ascii: "N"):
            return text == "null" || text == "Null" || text == "NULL" ? .null : .string
        case UInt8(ascii: "t"), UInt8(ascii: "T"):
            return text == "true" || text == "True" || text == "TRUE" ? .bool : .string
        case UInt8(ascii: "f"), UInt8(ascii: "F"):
            return text == "false" || text == "False" || text == "FALSE" ? .bool : .string
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."):
            return resolveNumber(&utf8)
        default:
            return .string
        }
    }

    /// The kind of a scalar with an explicit tag; nil when the text does not fit the tag.
    public static func resolveTagged(_ text: String, tag: String) -> Scalar.Kind? {
        switch tag {
        case strTag: return .string
        case nullTag: return resolvePlain(text) == .null ? .null : nil
        case boolTag: return resolvePlain(text) == .bool ? .bool : nil
        case intTag: return resolvePlain(text) == .int ? .int : nil
        case floatTag:
            let kind = resolvePlain(text)
            return kind == .float || kind == .int ? .float : nil
        default: return nil
        }
    }

    private static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }

    private static func resolveNumber(_ utf8: inout String.UTF8View) -> Scalar.Kind {
        let bytes = Array(utf8)
        var i = 0
        let n = bytes.count
        // 0o… and 0x… integers (no sign in the core schema)
        if n > 2 && bytes[0] == UInt8(ascii: "0") {
            if bytes[1] == UInt8(ascii: "o") {
                return bytes[2...].allSatisfy { $0 >= 48 && $0 <= 55 } ? .int : .string
            }
            if bytes[1] == UInt8(ascii: "x") {
                return bytes[2...].allSatisfy { isDigit($0) || ($0 | 0x20 >= 97 && $0 | 0x20 <= 102) } ? .int : .string
            }
        }
        if bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") { i = 1 }
        guard i < n else { return .string }
        // .inf / .nan
        if bytes[i] == UInt8(ascii: ".") && n - i == 4 {
            let word = String(decoding: bytes[(i + 1)...], as: UTF8.self)
            if word == "inf" || word == "Inf" || word == "INF" { return .float }
            if i == 0 && (word == "nan" || word == "NaN" || word == "NAN") { return .float }
        }
        var intDigits = 0
        while i < n && isDigit(bytes[i]) { i += 1; intDigits += 1 }
        if i == n { return intDigits > 0 ? .int : .string }
        var fracDigits = 0
        if bytes[i] == UInt8(ascii: ".") {
            i += 1
            while i < n && isDigit(bytes[i]) { i += 1; fracDigits += 1 }
        }
        guard intDigits + fracDigits > 0 else { return .string }
        if i < n && (bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E")) {
            i += 1
            if i < n && (bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+")) { i += 1 }
            var expDigits = 0
            while i < n && isDigit(bytes[i]) { i += 1; expDigits += 1 }
            guard expDigits > 0 else { return .string }
        }
        return i == n ? .float : .string
    }

    static func integerValue(_ text: String) -> Int? {
        if text.hasPrefix("0x") { return Int(text.dropFirst(2), radix: 16) }
        if text.hasPrefix("0o") { return Int(text.dropFirst(2), radix: 8) }
        if text.hasPrefix("+") { return Int(text.dropFirst()) }
        return Int(text)
    }

    static func floatValue(_ text: String) -> Double? {
        switch text {
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .infinity
        case "-.inf", "-.Inf", "-.INF": return -.infinity
        case ".nan", ".NaN", ".NAN": return .nan
        default:
            if text.hasPrefix("+") { return Double(text.dropFirst()) }
            if text.hasPrefix(".") { return Double("0" + text) }
            if text.hasPrefix("-.") { return Double("-0" + text.dropFirst()) }
            return Double(text)
        }
    }
}
