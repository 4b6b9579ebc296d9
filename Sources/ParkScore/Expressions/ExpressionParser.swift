/// Parses the expression language:
///
///     expression := or
///     or         := and ("or" and)*
///     and        := not ("and" not)*
///     not        := "not" not | comparison
///     comparison := sum (("<" | "<=" | ">" | ">=" | "==" | "!=" | "≤" | "≥" | "≠") sum)?
///     sum        := product (("+" | "-") product)*
///     product    := unary (("*" | "/") unary)*
///     unary      := "-" unary | primary
///     primary    := number "%"? | string | "true" | "false" | path | function "(" args ")"
///                 | "(" expression ")" | "[" items "]"
///     path       := name ("." name)*
///
/// Hostile text is refused, not followed into a stack overflow: an expression is at most
/// `maxLength` characters and nests at most `maxDepth` levels.
struct ExpressionParser {
    static let maxLength = 4000
    static let maxDepth = 64

    private enum Token: Equatable {
        case number(String)
        case percent
        case string(String)
        case name(String)
        case symbol(String)
        case end
    }

    private let scalars: [Unicode.Scalar]
    private var tokens: [(token: Token, range: Range<Int>)] = []
    private var position = 0
    private var depth = 0

    init(_ source: String) {
        scalars = Array(source.unicodeScalars)
    }

    mutating func parse() throws(ExpressionError) -> ExpressionNode {
        guard scalars.count <= Self.maxLength else {
            throw ExpressionError(Message("expression.syntax.too-long", String(Self.maxLength)), at: Self.maxLength)
        }
        try tokenize()
        if case .end = tokens[0].token {
            throw ExpressionError(Message("expression.syntax.empty"), at: 0)
        }
        let node = try parseOr()
        if current.token != .end {
            throw ExpressionError(Message("expression.syntax.trailing", describe(current.token)),
                                  at: current.range.lowerBound)
        }
        return node
    }

    // MARK: Tokens

    private mutating func tokenize() throws(ExpressionError) {
        var i = 0
        let n = scalars.count
        func isNameStart(_ c: Unicode.Scalar) -> Bool { c == "_" || (c.isASCII && c.properties.isAlphabetic) }
        func isNamePart(_ c: Unicode.Scalar) -> Bool { isNameStart(c) || ("0"..."9").contains(c) }
        while i < n {
            let c = scalars[i]
            let start = i
            if c == " " || c == "\t" || c == "\n" || c == "\r" {
                i += 1
                continue
            }
            if ("0"..."9").contains(c) || (c == "." && i + 1 < n && ("0"..."9").contains(scalars[i + 1])) {
                while i < n && (("0"..."9").contains(scalars[i]) || scalars[i] == ".") { i += 1 }
                let text = String(String.UnicodeScalarView(scalars[start..<i]))
                guard Rational(decimal: text) != nil, text.filter({ $0 == "." }).count <= 1 else {
                    throw ExpressionError(Message("expression.syntax.not-a-number", text), at: start)
                }
                tokens.append((.number(text), start..<i))
                if i < n && scalars[i] == "%" {
                    tokens.append((.percent, i..<(i + 1)))
                    i += 1
                }
                continue
            }
            if c == "\"" || c == "'" {
                i += 1
                var text = String.UnicodeScalarView()
                while i < n && scalars[i] != c {
                    if scalars[i] == "\\" && i + 1 < n && c == "\"" { i += 1 }
                    text.append(scalars[i])
                    i += 1
                }
                guard i < n else { throw ExpressionError(Message("expression.syntax.unclosed-text", String(c)), at: start) }
                i += 1
                tokens.append((.string(String(text)), start..<i))
                continue
            }
            if isNameStart(c) {
                while i < n && isNamePart(scalars[i]) { i += 1 }
                tokens.append((.name(String(String.UnicodeScalarView(scalars[start..<i]))), start..<i))
                continue
            }
            let two = i + 1 < n ? String(c) + String(scalars[i + 1]) : ""
            if ["<=", ">=", "==", "!="].contains(two) {
                tokens.append((.symbol(two), start..<(i + 2)))
                i += 2
                continue
            }
            switch c {
            case "=":
                throw ExpressionError(Message("expression.syntax.use-equals"), at: start)
            case "&" where two == "&&":
                throw ExpressionError(Message("expression.syntax.use-instead", "and", "&&"), at: start)
            case "|" where two == "||":
                throw ExpressionError(Message("expression.syntax.use-instead", "or", "||"), at: start)
            case "!":
                throw ExpressionError(Message("expression.syntax.use-instead", "not", "!"), at: start)
            case "+", "-", "*", "/", "(", ")", "[", "]", ",", "<", ">", ".":
                tokens.append((.symbol(String(c)), start..<(i + 1)))
            case "≥": tokens.append((.symbol(">="), start..<(i + 1)))
            case "≤": tokens.append((.symbol("<="), start..<(i + 1)))
            case "≠": tokens.append((.symbol("!="), start..<(i + 1)))
            case "%":
                throw ExpressionError(Message("expression.syntax.percent"), at: start)
            default:
                throw ExpressionError(Message("expression.syntax.character", String(c)), at: start)
            }
            i += 1
        }
        tokens.append((.end, n..<n))
    }

    private var current: (token: Token, range: Range<Int>) { tokens[position] }

    /// A token as written, for a message to quote (the end of the expression has messages of its own).
    private func describe(_ token: Token) -> String {
        switch token {
        case .number(let s), .name(let s), .symbol(let s): return s
        case .percent: return "%"
        case .string(let s): return "\"\(s)\""
        case .end: return ""
        }
    }

    private mutating func advance() -> (token: Token, range: Range<Int>) {
        let t = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return t
    }

    private func isSymbol(_ s: String) -> Bool { current.token == .symbol(s) }
    private func isName(_ s: String) -> Bool { current.token == .name(s) }

    private mutating func expect(_ symbol: String, closing open: Range<Int>? = nil) throws(ExpressionError) {
        guard isSymbol(symbol) else {
            let found = describe(current.token)
            let message: Message
            switch (current.token, open) {
            case (.end, let open?): message = Message("expression.syntax.expected-symbol.end.closing", symbol, String(open.lowerBound + 1))
            case (.end, nil): message = Message("expression.syntax.expected-symbol.end", symbol)
            case (_, let open?): message = Message("expression.syntax.expected-symbol.closing", symbol, found, String(open.lowerBound + 1))
            case (_, nil): message = Message("expression.syntax.expected-symbol", symbol, found)
            }
            throw ExpressionError(message, at: current.range.lowerBound)
        }
        _ = advance()
    }

    // MARK: Grammar

    /// Counts one more level of nesting, refusing past the limit.
    private mutating func descend() throws(ExpressionError) {
        depth += 1
        if depth > Self.maxDepth {
            throw ExpressionError(Message("expression.syntax.too-deep", String(Self.maxDepth)), at: current.range.lowerBound)
        }
    }

    private mutating func parseOr() throws(ExpressionError) -> ExpressionNode {
        try descend()
        defer { depth -= 1 }
        var lhs = try parseAnd()
        while isName("or") {
            _ = advance()
            let rhs = try parseAnd()
            lhs = ExpressionNode(.logical(.or, lhs, rhs), range: lhs.range.lowerBound..<rhs.range.upperBound)
        }
        return lhs
    }

    private mutating func parseAnd() throws(ExpressionError) -> ExpressionNode {
        var lhs = try parseNot()
        while isName("and") {
            _ = advance()
            let rhs = try parseNot()
            lhs = ExpressionNode(.logical(.and, lhs, rhs), range: lhs.range.lowerBound..<rhs.range.upperBound)
        }
        return lhs
    }

    private mutating func parseNot() throws(ExpressionError) -> ExpressionNode {
        if isName("not") {
            let start = advance().range.lowerBound
            try descend()
            defer { depth -= 1 }
            let operand = try parseNot()
            return ExpressionNode(.not(operand), range: start..<operand.range.upperBound)
        }
        return try parseComparison()
    }

    private mutating func parseComparison() throws(ExpressionError) -> ExpressionNode {
        let lhs = try parseSum()
        guard case .symbol(let s) = current.token, let op = ComparisonOperator(rawValue: s) else { return lhs }
        _ = advance()
        let rhs = try parseSum()
        if case .symbol(let s2) = current.token, ComparisonOperator(rawValue: s2) != nil {
            throw ExpressionError(Message("expression.syntax.chained", "and"), at: current.range.lowerBound)
        }
        return ExpressionNode(.comparison(op, lhs, rhs), range: lhs.range.lowerBound..<rhs.range.upperBound)
    }

    private mutating func parseSum() throws(ExpressionError) -> ExpressionNode {
        var lhs = try parseProduct()
        while case .symbol(let s) = current.token, s == "+" || s == "-" {
            _ = advance()
            let rhs = try parseProduct()
            lhs = ExpressionNode(.arithmetic(ArithmeticOperator(rawValue: s)!, lhs, rhs),
                                 range: lhs.range.lowerBound..<rhs.range.upperBound)
        }
        return lhs
    }

    private mutating func parseProduct() throws(ExpressionError) -> ExpressionNode {
        var lhs = try parseUnary()
        while case .symbol(let s) = current.token, s == "*" || s == "/" {
            _ = advance()
            let rhs = try parseUnary()
            lhs = ExpressionNode(.arithmetic(ArithmeticOperator(rawValue: s)!, lhs, rhs),
                                 range: lhs.range.lowerBound..<rhs.range.upperBound)
        }
        return lhs
    }

    private mutating func parseUnary() throws(ExpressionError) -> ExpressionNode {
        if isSymbol("-") {
            let start = advance().range.lowerBound
            try descend()
            defer { depth -= 1 }
            let operand = try parseUnary()
            return ExpressionNode(.negate(operand), range: start..<operand.range.upperBound)
        }
        return try parsePrimary()
    }

    private mutating func parsePrimary() throws(ExpressionError) -> ExpressionNode {
        let (token, range) = advance()
        switch token {
        case .number(let text):
            guard let value = Rational(decimal: text) else {
                throw ExpressionError(Message("expression.syntax.number-too-large", text), at: range.lowerBound)
            }
            if current.token == .percent {
                let percentRange = advance().range
                guard let share = value.divided(by: 100) else {
                    throw ExpressionError(Message("expression.syntax.number-too-large", text + "%"), at: range.lowerBound)
                }
                return ExpressionNode(.literal(.number(share)), range: range.lowerBound..<percentRange.upperBound, text: text + "%")
            }
            return ExpressionNode(.literal(.number(value)), range: range, text: text)
        case .string(let text):
            let written = String(String.UnicodeScalarView(scalars[range]))
            return ExpressionNode(.literal(.text(text)), range: range, text: written)
        case .name("true"):
            return ExpressionNode(.literal(.bool(true)), range: range, text: "true")
        case .name("false"):
            return ExpressionNode(.literal(.bool(false)), range: range, text: "false")
        case .name(let word) where ["and", "or", "not"].contains(word):
            throw ExpressionError(Message("expression.syntax.expected-value", word), at: range.lowerBound)
        case .name(let name):
            if isSymbol("(") {
                return try parseCall(name, range: range)
            }
            var path = name
            var end = range.upperBound
            while isSymbol(".") {
                _ = advance()
                guard case .name(let part) = current.token else {
                    throw ExpressionError(Message("expression.syntax.name-after-dot", path), at: current.range.lowerBound)
                }
                path += "." + part
                end = advance().range.upperBound
            }
            return ExpressionNode(.fact(path), range: range.lowerBound..<end, text: path)
        case .symbol("("):
            let inner = try parseOr()
            try expect(")", closing: range)
            var node = inner
            node.range = range.lowerBound..<tokens[position - 1].range.upperBound
            return node
        case .symbol("["):
            var items: [ExpressionNode] = []
            if !isSymbol("]") {
                repeat {
                    if isSymbol(",") { _ = advance() }
                    items.append(try parseOr())
                } while isSymbol(",")
            }
            try expect("]", closing: range)
            return ExpressionNode(.list(items), range: range.lowerBound..<tokens[position - 1].range.upperBound)
        case .end:
            throw ExpressionError(Message("expression.syntax.value-at-end"), at: range.lowerBound)
        default:
            throw ExpressionError(Message("expression.syntax.expected-value", describe(token)), at: range.lowerBound)
        }
    }

    private mutating func parseCall(_ name: String, range: Range<Int>) throws(ExpressionError) -> ExpressionNode {
        guard let function = ExpressionFunction(rawValue: name) else {
            let message = Suggestion.closest(to: name, in: ExpressionFunction.allCases.map(\.rawValue))
                .map { Message("expression.syntax.unknown-function.suggested", name, $0) } ?? Message("expression.syntax.unknown-function", name)
            throw ExpressionError(message, at: range.lowerBound)
        }
        let open = advance().range
        var args: [ExpressionNode] = []
        if !isSymbol(")") {
            repeat {
                if isSymbol(",") { _ = advance() }
                args.append(try parseOr())
            } while isSymbol(",")
        }
        try expect(")", closing: open)
        guard function.arity.contains(args.count) else {
            let arity = function.arity
            let message = arity.count == 1 ? Message("expression.syntax.arity", name, String(arity.lowerBound), String(args.count))
                : Message("expression.syntax.arity.at-least", name, String(arity.lowerBound), String(args.count))
            throw ExpressionError(message, at: range.lowerBound)
        }
        return ExpressionNode(.call(function, args), range: range.lowerBound..<tokens[position - 1].range.upperBound,
                              text: name)
    }
}
