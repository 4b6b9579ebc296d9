/// The fact values an expression is evaluated against. A key with no value is unknown.
public struct FactEnvironment: Sendable, Hashable {
    public var values: [String: Value]
    /// Facts shown as percentages in explanations (`42%` rather than `0.42`).
    public var percentKeys: Set<String>
    /// Facts shown as amounts of money (`¥380,000`).
    public var moneyKeys: Set<String>

    /// The record an expression is evaluated for (one firm of a table): its fields are read by their bare names
    /// (`rent_paid`), park facts by their keys as ever.
    public var record: [String: Value]?
    /// How a missing field is named: `firms[2]` for `firms[2].rent_paid`.
    public var recordLabel: String = ""

    public init(values: [String: Value] = [:], percentKeys: Set<String> = [], moneyKeys: Set<String> = []) {
        self.values = values
        self.percentKeys = percentKeys
        self.moneyKeys = moneyKeys
    }

    public func value(_ key: String) -> Value {
        if let record, !key.contains(".") {
            return record[key] ?? .unknown(missing: ["\(recordLabel).\(key)"])
        }
        return values[key] ?? .unknown(missing: [key])
    }

    /// This environment with a record's fields in scope.
    public func with(record fields: [String: Value], label: String) -> FactEnvironment {
        var copy = self
        copy.record = fields
        copy.recordLabel = label
        return copy
    }
}

/// An expression's value and the explanation of how it came about, with the facts substituted:
/// `19 / 45 = 0.422 ≥ 0.40 ✓`.
public struct Evaluation: Sendable, Equatable {
    public var value: Value
    public var explanation: String
}

/// An expression and the facts it was evaluated against: its explanation, rendered when asked for.
/// Scoring keeps traces instead of texts, so a result costs no string work until someone reads it.
public struct ExpressionTrace: Sendable, Hashable, CustomStringConvertible {
    public let expression: Expression
    public let environment: FactEnvironment

    public init(_ expression: Expression, _ environment: FactEnvironment) {
        self.expression = expression
        self.environment = environment
    }

    /// `19 / 45 = 0.422 ≥ 0.40 ✓`; a problem evaluating it in parentheses, as its code (`text(words:)` words it).
    public var text: String { expression.evaluate(in: environment).explanation }

    /// The explanation with a problem evaluating it worded by `words` (a message catalogue's `message(_:)`).
    public func text(words: @escaping (Message) -> String) -> String {
        expression.evaluate(in: environment, words: words).explanation
    }

    public var description: String { text }

    public static func == (a: ExpressionTrace, b: ExpressionTrace) -> Bool { a.text == b.text }

    public func hash(into hasher: inout Hasher) { hasher.combine(text) }
}

extension Expression {
    /// The value alone, with no explanation built: what scoring uses.
    public func value(in environment: FactEnvironment) -> Value {
        ExpressionEvaluator(environment: environment).value(root)
    }

    /// The value and the explanation; a problem (a division by zero) is put in the explanation as `words` say it, by
    /// default as its code and arguments (the engine words nothing).
    public func evaluate(in environment: FactEnvironment, words: @escaping (Message) -> String = { $0.description }) -> Evaluation {
        let evaluator = ExpressionEvaluator(environment: environment, words: words)
        let (value, text) = evaluator.evaluate(root)
        let explanation: String
        switch root.kind {
        case .comparison, .not:
            explanation = text
        case .logical:
            explanation = "\(text) ⇒ \(ExpressionEvaluator.mark(value))"
        case .fact(let path):
            explanation = "\(path) = \(value.isKnown ? text : "?")"
        case .literal:
            explanation = text
        default:
            explanation = ExpressionTrace.equation(text, evaluator.format(value))
        }
        return Evaluation(value: value, explanation: explanation)
    }
}

struct ExpressionEvaluator {
    let environment: FactEnvironment
    /// How a problem is put into an explanation's text.
    var words: (Message) -> String = { $0.description }

    static func mark(_ value: Value) -> String {
        switch value {
        case .bool(true): return "✓"
        case .bool(false): return "✗"
        case .unknown: return "?"
        default: return "!"
        }
    }

    func format(_ value: Value, percent: Bool = false) -> String {
        switch value {
        case .number(let n):
            return n.shown(percent: percent)
        case .bool(let b): return b ? "true" : "false"
        case .text(let s): return "'\(s)'"
        case .date(let d): return d
        case .list(let items):
            let shown = items.prefix(6).map { item -> String in
                if case .text(let s) = item { return s }
                return format(item)
            }
            if case .record? = items.first { return "[\(items.count) records]" }
            let more = items.count > 6 ? ", … \(items.count) items" : ""
            return "[" + shown.joined(separator: ", ") + more + "]"
        case .record(let fields):
            if case .text(let name)? = fields["name"] { return "{\(name)}" }
            return "{…}"
        case .unknown: return "?"
        case .error(let message): return "(\(words(message)))"
        }
    }

    /// The value of a node, building no text.
    func value(_ node: ExpressionNode) -> Value {
        switch node.kind {
        case .literal(let value):
            return value
        case .fact(let path):
            return environment.value(path)
        case .negate(let operand):
            let v = value(operand)
            switch v {
            case .number(let n): return n.negated.map(Value.number) ?? .tooLarge("−\(n)")
            case .unknown, .error: return v
            default: return .error(Message("expression.negate", v.typeName))
            }
        case .not(let operand):
            let v = value(operand)
            switch v {
            case .bool(let b): return .bool(!b)
            case .unknown, .error: return v
            default: return .error(Message("expression.logical-type", "not", v.typeName))
            }
        case .arithmetic(let op, let lhs, let rhs):
            return arithmetic(op, value(lhs), value(rhs), divisor: rhs)
        case .comparison(let op, let lhs, let rhs):
            return compare(op, value(lhs), value(rhs))
        case .logical(let op, let lhs, let rhs):
            return logical(op, value(lhs), value(rhs))
        case .call(let function, let args):
            return call(function, args.map(value))
        case .list(let items):
            let values = items.map(value)
            if let problem = values.first(where: { !$0.isKnown }) {
                if case .error = problem { return problem }
                return .unknown(missing: Set(values.flatMap(\.missingFacts)).sorted())
            }
            return .list(values)
        }
    }

    /// The value of a node and its text with values substituted (without its own value appended).
    func evaluate(_ node: ExpressionNode) -> (Value, String) {
        switch node.kind {
        case .literal(let value):
            return (value, node.text.isEmpty ? format(value) : node.text)
        case .fact(let path):
            let value = environment.value(path)
            if case .unknown = value { return (value, "\(path)?") }
            if case .number(let n) = value, environment.moneyKeys.contains(path) { return (value, n.yuan) }
            return (value, format(value, percent: environment.percentKeys.contains(path)))
        case .negate(let operand):
            let (v, t) = evaluate(operand)
            let text = "−" + (operand.isCompound ? "(\(t))" : t)
            switch v {
            case .number(let n):
                guard let negated = n.negated else { return (.tooLarge("−\(n)"), text) }
                return (.number(negated), text)
            case .unknown, .error: return (v, text)
            default: return (.error(Message("expression.negate", v.typeName)), text)
            }
        case .not(let operand):
            let (v, t) = evaluate(operand)
            let text = operand.isCompound ? "not (\(t))" : "not \(named(t, operand, v))"
            switch v {
            case .bool(let b): return (.bool(!b), "\(text) \(Self.mark(.bool(!b)))")
            case .unknown, .error: return (v, "\(text) ?")
            default: return (.error(Message("expression.logical-type", "not", v.typeName)), text)
            }
        case .arithmetic(let op, let lhs, let rhs):
            let (a, ta) = evaluate(lhs)
            let (b, tb) = evaluate(rhs)
            let text = "\(wrap(ta, lhs, in: op, right: false)) \(op.symbol) \(wrap(tb, rhs, in: op, right: true))"
            return (arithmetic(op, a, b, divisor: rhs), text)
        case .comparison(let op, let lhs, let rhs):
            let (a, ta) = evaluate(lhs)
            let (b, tb) = evaluate(rhs)
            let left = lhs.isCompound && a.isKnown ? ExpressionTrace.equation(ta, format(a)) : ta
            let right = rhs.isCompound && b.isKnown ? ExpressionTrace.equation(tb, format(b)) : tb
            let value = compare(op, a, b)
            var text = "\(left) \(op.symbol) \(right) \(Self.mark(value))"
            if case .error(let message) = value { text += " (\(words(message)))" }
            return (value, text)
        case .logical(let op, let lhs, let rhs):
            let (a, ta) = evaluate(lhs)
            let (b, tb) = evaluate(rhs)
            let text = "\(named(ta, lhs, a)) \(op.rawValue) \(named(tb, rhs, b))"
            return (logical(op, a, b), text)
        case .call(let function, let args):
            let evaluated = args.map(evaluate)
            let text = "\(function.rawValue)(" + evaluated.map(\.1).joined(separator: ", ") + ")"
            return (call(function, evaluated.map(\.0)), text)
        case .list(let items):
            let evaluated = items.map(evaluate)
            let text = "[" + evaluated.map(\.1).joined(separator: ", ") + "]"
            if let problem = evaluated.first(where: { !$0.0.isKnown }) {
                if case .error = problem.0 { return (problem.0, text) }
                return (.unknown(missing: Set(evaluated.flatMap { $0.0.missingFacts }).sorted()), text)
            }
            return (.list(evaluated.map(\.0)), text)
        }
    }

    private func wrap(_ text: String, _ node: ExpressionNode, in op: ArithmeticOperator, right: Bool) -> String {
        if case .arithmetic(let inner, _, _) = node.kind {
            let outerTight = op == .multiply || op == .divide
            let innerLoose = inner == .add || inner == .subtract
            if (outerTight && innerLoose) || (right && (op == .subtract || op == .divide)) { return "(\(text))" }
        }
        return text
    }

    /// An operand of 'and', 'or' or 'not': a bare fact is named (`incubator.exists = true`), a nested
    /// logical expression of the other kind is put in parentheses.
    private func named(_ text: String, _ node: ExpressionNode, _ value: Value) -> String {
        switch node.kind {
        case .fact(let path):
            return value.isKnown ? "\(path) = \(text)" : text
        case .logical(let inner, _, _):
            if case .logical(let outer, _, _) = node.kind, inner == outer { return text }
            return "(\(text))"
        default:
            return text
        }
    }

    private func arithmetic(_ op: ArithmeticOperator, _ a: Value, _ b: Value, divisor: ExpressionNode) -> Value {
        if case .error = a { return a }
        if case .error = b { return b }
        if !a.isKnown || !b.isKnown {
            if a.isKnown && !isNumber(a) { return .error(Message("expression.arithmetic-type", a.typeName)) }
            if b.isKnown && !isNumber(b) { return .error(Message("expression.arithmetic-type", b.typeName)) }
            return .unknown(merging: a, b)
        }
        guard case .number(let x) = a, case .number(let y) = b else {
            return .error(mismatch(op, a.typeName, b.typeName))
        }
        let result: Rational?
        switch op {
        case .add: result = x.adding(y)
        case .subtract: result = x.subtracting(y)
        case .multiply: result = x.multiplied(by: y)
        case .divide:
            if y.isZero {
                if case .fact(let path) = divisor.kind { return .error(Message("expression.division-by-zero.fact", path)) }
                return .error(Message("expression.division-by-zero"))
            }
            result = x.divided(by: y)
        }
        let symbol: String
        switch op {
        case .add: symbol = "+"
        case .subtract: symbol = "−"
        case .multiply: symbol = "×"
        case .divide: symbol = "÷"
        }
        return result.map(Value.number) ?? .tooLarge("\(x) \(symbol) \(y)")
    }

    private func isNumber(_ v: Value) -> Bool {
        if case .number = v { return true }
        return false
    }

    private func mismatch(_ op: ArithmeticOperator, _ a: String, _ b: String) -> Message {
        switch op {
        case .add: return Message("expression.add-types", a, b)
        case .subtract: return Message("expression.subtract-types", a, b)
        case .multiply: return Message("expression.multiply-types", a, b)
        case .divide: return Message("expression.divide-types", a, b)
        }
    }

    private func compare(_ op: ComparisonOperator, _ a: Value, _ b: Value) -> Value {
        if case .error = a { return a }
        if case .error = b { return b }
        if !a.isKnown || !b.isKnown { return .unknown(merging: a, b) }
        let order: Int?  // -1, 0, 1
        switch (a, b) {
        case let (.number(x), .number(y)): order = x < y ? -1 : (x == y ? 0 : 1)
        case let (.text(x), .text(y)): order = x == y ? 0 : (x < y ? -1 : 1)
        case let (.date(x), .date(y)), let (.date(x), .text(y)), let (.text(x), .date(y)):
            order = x == y ? 0 : (x < y ? -1 : 1)
        case let (.bool(x), .bool(y)): order = x == y ? 0 : nil
        default:
            return .error(Message("expression.compare-types", a.typeName, b.typeName))
        }
        guard let order else {
            if op == .equal { return .bool(false) }
            if op == .notEqual { return .bool(true) }
            return .error(Message("expression.order-type", a.typeName))
        }
        if case .text = a, op != .equal, op != .notEqual, case .text = b {
            return .error(Message("expression.order-text"))
        }
        switch op {
        case .less: return .bool(order < 0)
        case .lessOrEqual: return .bool(order <= 0)
        case .greater: return .bool(order > 0)
        case .greaterOrEqual: return .bool(order >= 0)
        case .equal: return .bool(order == 0)
        case .notEqual: return .bool(order != 0)
        }
    }

    private func logical(_ op: LogicalOperator, _ a: Value, _ b: Value) -> Value {
        for v in [a, b] {
            switch v {
            case .bool, .unknown, .error: continue
            default: return .error(Message("expression.logical-type", op.rawValue, v.typeName))
            }
        }
        let decisive = op == .or
        if a.bool == decisive || b.bool == decisive { return .bool(decisive) }
        if case .error = a { return a }
        if case .error = b { return b }
        if !a.isKnown || !b.isKnown { return .unknown(merging: a, b) }
        return .bool(!decisive)
    }

    private func call(_ function: ExpressionFunction, _ args: [Value]) -> Value {
        if let error = args.first(where: { if case .error = $0 { return true } else { return false } }) { return error }
        if args.contains(where: { !$0.isKnown }) {
            return .unknown(missing: Set(args.flatMap(\.missingFacts)).sorted())
        }
        switch function {
        case .year:
            switch args[0] {
            case .date(let d), .text(let d):
                guard DateText.isValid(d), let y = Int(d.prefix(4)) else { return .error(Message("expression.date-text", "year", d)) }
                return .number(Rational(y))
            default: return .error(Message("expression.needs-date", "year", args[0].typeName))
            }
        case .count:
            guard case .list(let items) = args[0] else { return .error(Message("expression.needs-list", "count", args[0].typeName)) }
            return .number(Rational(items.count))
        case .sum:
            guard case .list(let items) = args[0] else { return .error(Message("expression.needs-list", "sum", args[0].typeName)) }
            var total = Rational.zero
            for item in items {
                guard case .number(let n) = item else { return .error(Message("expression.needs-numbers", "sum", item.typeName)) }
                guard let t = total.adding(n) else { return .tooLarge("\(total) + \(n)") }
                total = t
            }
            return .number(total)
        case .min, .max:
            var numbers: [Value] = args
            if args.count == 1, case .list(let items) = args[0] { numbers = items }
            var best: Rational?
            for item in numbers {
                guard case .number(let n) = item else {
                    return .error(Message("expression.needs-numbers", function.rawValue, item.typeName))
                }
                if let current = best {
                    best = function == .min ? Rational.min(current, n) : Rational.max(current, n)
                } else {
                    best = n
                }
            }
            guard let best else { return .error(Message("expression.empty-list", function.rawValue)) }
            return .number(best)
        case .contains:
            guard case .list(let items) = args[0] else {
                return .error(Message("expression.needs-list-first", "contains", args[0].typeName))
            }
            return .bool(items.contains(args[1]))
        }
    }
}

extension ExpressionTrace {
    /// `19 / 45 ≈ 0.422` when the value shown is rounded, `18 / 45 = 0.4` when it is exact.
    static func equation(_ lhs: String, _ value: String) -> String {
        value.hasPrefix("≈") ? "\(lhs) ≈ \(value.dropFirst())" : "\(lhs) = \(value)"
    }
}

extension ExpressionNode {
    /// The value of this node alone, building no text: what a wording of a trace reads, part by part.
    public func value(in environment: FactEnvironment) -> Value {
        ExpressionEvaluator(environment: environment).value(self)
    }
}
