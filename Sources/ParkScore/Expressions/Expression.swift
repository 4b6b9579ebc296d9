/// A parsed expression over park facts, such as
/// `tenants.advertising_related / tenants.total >= 40% or tenants.advertising_related >= 20`.
///
/// It keeps its source text and where that text starts in its file, so every problem found later
/// (an unknown fact, a type mismatch) points at the column inside the YAML scalar.
public struct Expression: Sendable, Hashable, CustomStringConvertible {
    public let source: String
    public let root: ExpressionNode
    /// The location of the first character of `source` in its file, if it came from one.
    public var origin: SourceLocation?

    public init(_ source: String, origin: SourceLocation? = nil) throws(ExpressionError) {
        self.source = source
        self.origin = origin
        var parser = ExpressionParser(source)
        self.root = try parser.parse()
    }

    public var description: String { source }

    /// Expressions are the same when their texts are.
    public static func == (a: Expression, b: Expression) -> Bool { a.source == b.source }

    public func hash(into hasher: inout Hasher) { hasher.combine(source) }

    /// The location of a character offset (in Unicode scalars) of the source.
    public func location(at offset: Int) -> SourceLocation? {
        origin?.advanced(by: offset, in: source)
    }

    /// Every fact path the expression reads, with where it stands, in source order.
    public var factReferences: [(path: String, offset: Int)] {
        var result: [(String, Int)] = []
        root.visit { node in
            if case .fact(let path) = node.kind { result.append((path, node.range.lowerBound)) }
        }
        return result
    }
}

/// One node of an expression's syntax tree, with its range of character offsets in the source.
public struct ExpressionNode: Sendable {
    public indirect enum Kind: Sendable {
        case literal(Value)
        case fact(String)
        case negate(ExpressionNode)
        case not(ExpressionNode)
        case arithmetic(ArithmeticOperator, ExpressionNode, ExpressionNode)
        case comparison(ComparisonOperator, ExpressionNode, ExpressionNode)
        case logical(LogicalOperator, ExpressionNode, ExpressionNode)
        case call(ExpressionFunction, [ExpressionNode])
        case list([ExpressionNode])
    }

    public var kind: Kind
    public var range: Range<Int>
    /// The literal's text as written (`0.40`, `40%`), so explanations quote the scorecard.
    public var text: String

    public init(_ kind: Kind, range: Range<Int>, text: String = "") {
        self.kind = kind
        self.range = range
        self.text = text
    }

    public func visit(_ body: (ExpressionNode) -> Void) {
        body(self)
        switch kind {
        case .literal, .fact: break
        case .negate(let a), .not(let a): a.visit(body)
        case .arithmetic(_, let a, let b), .comparison(_, let a, let b), .logical(_, let a, let b):
            a.visit(body)
            b.visit(body)
        case .call(_, let args), .list(let args):
            for arg in args { arg.visit(body) }
        }
    }

    /// Whether explanations show this node's value after it (`19 / 45 = 0.422`).
    var isCompound: Bool {
        switch kind {
        case .literal, .fact: return false
        default: return true
        }
    }
}

public enum ArithmeticOperator: String, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/"

    var symbol: String {
        switch self {
        case .add: return "+"
        case .subtract: return "−"
        case .multiply: return "×"
        case .divide: return "/"
        }
    }
}

public enum ComparisonOperator: String, Sendable {
    case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">=", equal = "==", notEqual = "!="

    var symbol: String {
        switch self {
        case .less: return "<"
        case .lessOrEqual: return "≤"
        case .greater: return ">"
        case .greaterOrEqual: return "≥"
        case .equal: return "="
        case .notEqual: return "≠"
        }
    }
}

public enum LogicalOperator: String, Sendable {
    case and, or
}

/// The functions an expression may call.
public enum ExpressionFunction: String, Sendable, CaseIterable {
    /// `count(list)`: how many items.
    case count
    /// `sum(list)`: the sum of a list of numbers.
    case sum
    /// `min(a, b, …)` or `min(list)`.
    case min
    /// `max(a, b, …)` or `max(list)`.
    case max
    /// `contains(list, value)`: whether the list holds the value.
    case contains
    /// `year(date)`: the calendar year of a date (`year(period.to)` is the reporting period's last year).
    case year

    var arity: ClosedRange<Int> {
        switch self {
        case .count, .sum, .year: return 1...1
        case .min, .max: return 1...32
        case .contains: return 2...2
        }
    }
}

/// Why an expression could not be parsed, and at which character offset of its source. The message is worded where
/// the expression is placed: `message(in: "'when'")` quotes the key it was written under as its first argument.
public struct ExpressionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, without the place: an `expression.syntax.*` code and the values it quotes from the second on.
    public var problem: Message
    public var offset: Int

    public init(_ problem: Message, at offset: Int) {
        self.problem = problem
        self.offset = offset
    }

    /// The problem as a message quoting where the expression stands (`'when'`) first: `in 'when': use '==' to compare`.
    public func message(in place: String) -> Message {
        Message(problem.code, [place] + problem.arguments)
    }

    public var description: String { "column \(offset + 1): \(problem)" }
}
