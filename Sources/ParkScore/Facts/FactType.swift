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
    /// A table: a list of records (one per firm, say), each with the typed fields the schema declares.
    case records(RecordSchema)

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
        case .records: return "records"
        }
    }

    public var description: String { name }

    /// The names a fact dictionary may use for a type.
    public static let names = ["boolean", "integer", "number", "percent", "money", "date", "text", "enum", "list", "records"]

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

/// The fields of a records fact (`firms`: one record per firm), in the order the dictionary lists them, and how many
/// records a self-report may give.
public struct RecordSchema: Sendable, Hashable {
    /// The most records a table may hold unless the dictionary says otherwise.
    public static let defaultMaxRecords = 10_000

    public var fields: [RecordField]
    public var maxRecords: Int

    public init(fields: [RecordField], maxRecords: Int = RecordSchema.defaultMaxRecords) {
        self.fields = fields
        self.maxRecords = maxRecords
    }

    public func field(_ name: String) -> RecordField? { fields.first { $0.name == name } }

    public var fieldNames: [String] { fields.map(\.name) }

    /// The field that names a record in explanations (`name`), if the schema has one.
    public var labelField: String? { fields.first { $0.name == "name" }.map(\.name) }
}

/// One field of a record: a name, a scalar type (never a list or a table), a unit and a description.
public struct RecordField: Sendable, Hashable {
    public var name: String
    public var type: FactType
    public var unit: String?
    public var description: LocalizedText
    /// Labels of enum values, by value.
    public var valueLabels: [String: LocalizedText]
    /// The most a count or number may be (`max`, inclusive): three years of a subsidy granted 「最多…三年」.
    public var maximum: Rational?

    public init(name: String, type: FactType, unit: String? = nil, description: LocalizedText, valueLabels: [String: LocalizedText] = [:],
                maximum: Rational? = nil) {
        self.name = name
        self.type = type
        self.unit = unit
        self.description = description
        self.valueLabels = valueLabels
        self.maximum = maximum
    }

    /// A field is never negative when it counts or is money or a share, and a share is never above 100%.
    public var minimum: Rational? {
        switch type {
        case .integer, .money, .percent: return 0
        default: return nil
        }
    }
}
