/// A value a template renders: the typed tree a dossier's context is, built once per rendering and then only read.
/// Looked up by name in objects, iterated in sections; never cast at render time.
public enum TemplateValue: Sendable {
    case string(String)
    case bool(Bool)
    case list([TemplateValue])
    case object(TemplateObject)
    /// A list whose items are made one at a time as a section reaches them (a ranking of many parks, never held whole).
    case rows(TemplateRows)
    /// A value that is there but holds nothing (like JSON `null`): a name that finds it stops looking further out,
    /// and renders as nothing.
    case null

    /// The value of a `[String: Any]` tree (strings, booleans, arrays, string-keyed dictionaries), converted once.
    /// Anything else becomes its description, as a Mustache template would have printed it.
    public init(converting any: Any) {
        switch any {
        case let text as String: self = .string(text)
        case let flag as Bool: self = .bool(flag)
        case let entries as [String: Any]: self = .object(TemplateObject(entries.mapValues { TemplateValue(converting: $0) }))
        case let items as [Any]: self = .list(items.map { TemplateValue(converting: $0) })
        default: self = .string(String(describing: any))
        }
    }

    /// A list of texts.
    public static func texts(_ items: [String]) -> TemplateValue { .list(items.map(TemplateValue.string)) }

    /// The value of one name in an object; nil for anything else or a name it does not hold.
    @inline(__always)
    func child(_ name: String) -> TemplateValue? {
        guard case .object(let entries) = self else { return nil }
        return entries[name]
    }

    /// The text a variable tag shows for this value, before escaping: a string as it is, a boolean as `true` or
    /// `false`, a list or an object written as Swift writes an array or a dictionary (an object's keys sorted).
    var shownText: String {
        switch self {
        case .string(let text): return text
        default: return debugText(nested: false)
        }
    }

    private func debugText(nested: Bool) -> String {
        switch self {
        case .string(let text): return nested ? text.debugDescription : text
        case .bool(let flag): return flag ? "true" : "false"
        case .null: return "nil"
        case .list(let items): return "[" + items.map { $0.debugText(nested: true) }.joined(separator: ", ") + "]"
        case .rows(let rows): return TemplateValue.list(rows.all).debugText(nested: nested)
        case .object(let entries):
            if entries.isEmpty { return "[:]" }
            return "[" + entries.sorted.map { "\($0.key.debugDescription): \($0.value.debugText(nested: true))" }
                .joined(separator: ", ") + "]"
        }
    }
}

/// The items of a list made on demand, by position.
public struct TemplateRows: Sendable {
    public let count: Int
    public let item: @Sendable (Int) -> TemplateValue

    public init(count: Int, item: @escaping @Sendable (Int) -> TemplateValue) {
        self.count = count
        self.item = item
    }

    var all: [TemplateValue] { (0..<count).map(item) }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .object(TemplateObject(distinct: elements))
    }
}
