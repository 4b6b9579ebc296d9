/// The type of a park fact, as the fact dictionary declares it.
public enum FactType: Sendable, Hashable, CustomStringConvertible {
    case boolean
    case integer
    case number
    /// A share written with a percent sign (`42%`); held as a fraction (0.42), never above 100%.
    case percent
    /// An amount in CNY (yuan, up to two decimal places), held exactly.
    case money
    /// A calendar day, `YYYY-MM-DD`.
    case date
    case text
    /// One of a fixed set of values.
    case enumeration([String])
    /// A list of texts, or of values from a fixed set.
    case list(of: [String]?)

    public var name: String {
        switch self {
        case .boolean: return "boolean"
        case .integer: return "integer"
        case .number: return "number"
        case .percent: return "percent"
        case .money: return "money"
        case .date: return "date"
        case .text: return "text"
        case .enumeration: return "enum"
        case .list: return "list"
        }
    }

    public var description: String { name }

    /// The names a fact dictionary may use for a type.
    public static let names = ["boolean", "integer", "number", "percent", "money", "date", "text", "enum", "list"]

    public var isNumeric: Bool {
        switch self {
        case .integer, .number, .percent, .money: return true
        default: return false
        }
    }

    /// The allowed values of an enum or of a list's items.
    public var allowedValues: [String]? {
        switch self {
        case .enumeration(let values): return values
        case .list(let values): return values
        default: return nil
        }
    }
}
