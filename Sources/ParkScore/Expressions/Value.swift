/// A value in an expression: a fact's value, a literal, or what an expression evaluates to.
///
/// `unknown` is a missing fact (three-valued logic: `true or unknown` is true, `false and unknown` is
/// false, anything else with unknown stays unknown); it carries the facts that are missing.
/// `error` is a value, not a crash: division by zero and type mismatches evaluate to one.
public enum Value: Sendable, Hashable {
    case number(Rational)
    case bool(Bool)
    case text(String)
    /// A calendar day, `YYYY-MM-DD`, which orders as text.
    case date(String)
    case list([Value])
    /// One record of a table (a firm), its fields by name; a field not given is absent.
    case record([String: Value])
    case unknown(missing: [String])
    case error(Message)

    /// An error value from arithmetic that exact numbers cannot hold: not a fact about the park but a computation that
    /// failed, which scoring reports as an error rather than as a failed condition. Its one argument is the operation.
    public static func tooLarge(_ operation: String) -> Value { .error(Message("expression.too-large", operation)) }

    /// The operation of an arithmetic overflow (`9000000000 × 9000000000`), if this is one.
    public var overflowOperation: String? {
        if case .error(let message) = self, message.code == "expression.too-large", let operation = message.arguments.first { return operation }
        return nil
    }

    public var typeName: String {
        switch self {
        case .number: return "number"
        case .bool: return "boolean"
        case .text: return "text"
        case .date: return "date"
        case .list: return "list"
        case .record: return "record"
        case .unknown: return "unknown"
        case .error: return "error"
        }
    }

    public var isKnown: Bool {
        switch self {
        case .unknown, .error: return false
        default: return true
        }
    }

    public var number: Rational? {
        if case .number(let n) = self { return n }
        return nil
    }

    public var bool: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    public var missingFacts: [String] {
        if case .unknown(let missing) = self { return missing }
        return []
    }

    /// Unknown with the missing facts of both sides merged.
    static func unknown(merging a: Value, _ b: Value) -> Value {
        let merged = Set(a.missingFacts).union(b.missingFacts)
        return .unknown(missing: merged.sorted())
    }
}
