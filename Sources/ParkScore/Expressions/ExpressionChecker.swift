/// The type an expression has before it is evaluated, inferred from the fact dictionary.
public enum StaticType: String, Sendable, Hashable {
    /// `records` is a table (a list of records): it can be counted, not summed, searched or compared.
    case number, boolean, text, date, list, records, any

    public init(_ factType: FactType) {
        switch factType {
        case .boolean: self = .boolean
        case .integer, .number, .percent, .money: self = .number
        case .date: self = .date
        case .text, .enumeration: self = .text
        case .list: self = .list
        case .records: self = .records
        }
    }

    func accepts(_ other: StaticType) -> Bool { self == .any || other == .any || self == other }
}

/// A problem in an expression found without evaluating it: an unknown fact, a type mismatch.
public struct ExpressionIssue: Sendable, Equatable {
    public var message: Message
    public var offset: Int

    public init(message: Message, offset: Int) {
        self.message = message
        self.offset = offset
    }
}

/// Checks an expression against the known facts and their types.
public struct ExpressionChecker {
    public var factTypes: [String: StaticType]
    /// Within a per-record expression (`for_each: firms`), the table's name and its fields' types: a bare name
    /// (`rent_paid`) is a field, a dotted key a park fact.
    public var record: (table: String, fields: [String: StaticType])?

    /// The reporting period, which every expression may read.
    public static let periodFacts: [String: StaticType] = ["period.from": .date, "period.to": .date]

    public init(factTypes: [String: StaticType], record: (table: String, fields: [String: StaticType])? = nil) {
        self.factTypes = factTypes
        self.record = record
    }

    /// The inferred type of the expression and every problem found in it.
    public func check(_ expression: Expression) -> (type: StaticType, issues: [ExpressionIssue]) {
        var issues: [ExpressionIssue] = []
        let type = infer(expression.root, &issues)
        return (type, issues)
    }

    private func infer(_ node: ExpressionNode, _ issues: inout [ExpressionIssue]) -> StaticType {
        let at = node.range.lowerBound
        switch node.kind {
        case .literal(let value):
            switch value {
            case .number: return .number
            case .bool: return .boolean
            case .text: return .text
            case .date: return .date
            case .list: return .list
            default: return .any
            }
        case .fact(let path):
            if let record, !path.contains(".") {
                if let type = record.fields[path] { return type }
                let fields = record.fields.keys.sorted().joined(separator: ", ")
                let message = Suggestion.closest(to: path, in: record.fields.keys)
                    .map { Message("expression.unknown-field.suggested", path, record.table, $0, fields) }
                    ?? Message("expression.unknown-field", path, record.table, fields)
                issues.append(ExpressionIssue(message: message, offset: at))
                return .any
            }
            if let type = factTypes[path] ?? Self.periodFacts[path] { return type }
            let message = Suggestion.closest(to: path, in: factTypes.keys).map { Message("expression.unknown-fact.suggested", path, $0) }
                ?? Message("expression.unknown-fact", path)
            issues.append(ExpressionIssue(message: message, offset: at))
            return .any
        case .negate(let operand):
            let t = infer(operand, &issues)
            if !StaticType.number.accepts(t) {
                issues.append(ExpressionIssue(message: Message("expression.negate", t.rawValue), offset: at))
            }
            return .number
        case .not(let operand):
            let t = infer(operand, &issues)
            if !StaticType.boolean.accepts(t) {
                issues.append(ExpressionIssue(message: Message("expression.logical-type", "not", t.rawValue), offset: operand.range.lowerBound))
            }
            return .boolean
        case .arithmetic(let op, let lhs, let rhs):
            for side in [lhs, rhs] {
                let t = infer(side, &issues)
                if !StaticType.number.accepts(t) {
                    issues.append(ExpressionIssue(message: Message("expression.needs-numbers", op.rawValue, t.rawValue),
                                                  offset: side.range.lowerBound))
                }
            }
            return .number
        case .comparison(let op, let lhs, let rhs):
            let a = infer(lhs, &issues)
            let b = infer(rhs, &issues)
            let comparable = a.accepts(b) || (a == .date && b == .text) || (a == .text && b == .date)
            if !comparable {
                issues.append(ExpressionIssue(message: Message("expression.compare-types", a.rawValue, b.rawValue), offset: at))
            } else if a == .records || b == .records {
                issues.append(ExpressionIssue(message: Message("expression.compare-records"), offset: at))
            } else if op != .equal && op != .notEqual && (a == .boolean || a == .list || (a == .text && b == .text)) {
                issues.append(ExpressionIssue(message: Message("expression.order-with", a.rawValue, op.rawValue), offset: at))
            }
            return .boolean
        case .logical(let op, let lhs, let rhs):
            for side in [lhs, rhs] {
                let t = infer(side, &issues)
                if !StaticType.boolean.accepts(t) {
                    issues.append(ExpressionIssue(message: Message("expression.logical-type", op.rawValue, t.rawValue),
                                                  offset: side.range.lowerBound))
                }
            }
            return .boolean
        case .call(let function, let args):
            let types = args.map { infer($0, &issues) }
            switch function {
            case .year:
                // A date fact, or a written date ('2025-12-31'); any other text (a firm's name) only fails when run.
                if case .literal(.text(let written)) = args[0].kind {
                    if !DateText.isValid(written) {
                        issues.append(ExpressionIssue(message: Message("expression.date-text", "year", written), offset: args[0].range.lowerBound))
                    }
                } else if !StaticType.date.accepts(types[0]) {
                    issues.append(ExpressionIssue(message: Message("expression.needs-date", "year", types[0].rawValue), offset: args[0].range.lowerBound))
                }
                return .number
            case .count, .sum:
                // A table is counted by its records; its records are not numbers to sum.
                if !StaticType.list.accepts(types[0]) && !(function == .count && types[0] == .records) {
                    issues.append(ExpressionIssue(message: Message("expression.needs-list", function.rawValue, types[0].rawValue),
                                                  offset: args[0].range.lowerBound))
                }
                return .number
            case .min, .max:
                if types.count == 1 && types[0] == .list { return .number }
                for (arg, t) in zip(args, types) where !StaticType.number.accepts(t) {
                    issues.append(ExpressionIssue(message: Message("expression.needs-numbers", function.rawValue, t.rawValue),
                                                  offset: arg.range.lowerBound))
                }
                return .number
            case .contains:
                if !StaticType.list.accepts(types[0]) {
                    issues.append(ExpressionIssue(message: Message("expression.needs-list-first", "contains", types[0].rawValue),
                                                  offset: args[0].range.lowerBound))
                }
                return .boolean
            }
        case .list(let items):
            for item in items { _ = infer(item, &issues) }
            return .list
        }
    }
}
