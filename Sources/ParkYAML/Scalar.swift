/// A scalar's text and how it resolves under the YAML 1.2 core schema.
public struct Scalar: Sendable, Hashable {
    public enum Style: Sendable, Hashable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    /// The YAML 1.2 core schema types (`tag:yaml.org,2002:null`, `bool`, `int`, `float`, `str`).
    public enum Kind: Sendable, Hashable {
        case null, bool, int, float, string

        public var name: String {
            switch self {
            case .null: return "null"
            case .bool: return "boolean"
            case .int: return "integer"
            case .float: return "number"
            case .string: return "string"
            }
        }
    }

    public var text: String
    public var style: Style
    public var kind: Kind

    public init(text: String, style: Style, kind: Kind) {
        self.text = text
        self.style = style
        self.kind = kind
    }

    /// The text, when the scalar resolved to a string.
    public var string: String? { kind == .string ? text : nil }

    public var bool: Bool? {
        guard kind == .bool else { return nil }
        return text.first == "t" || text.first == "T"
    }

    /// The integer value (decimal, `0o` octal or `0x` hexadecimal), when it is an integer that fits.
    public var int: Int? {
        guard kind == .int else { return nil }
        return CoreSchema.integerValue(text)
    }

    /// The numeric value of an integer or float, as a Double (`.inf`, `.nan` included).
    public var double: Double? {
        switch kind {
        case .int: return CoreSchema.integerValue(text).map(Double.init) ?? Double(text)
        case .float: return CoreSchema.floatValue(text)
        default: return nil
        }
    }

    public var isNull: Bool { kind == .null }
}
