/// One catalogue entry, parsed once: literal text, `{name}` placeholders, and `{name|one|other}` choices (English
/// counts: `{n} {n|entry|entries}`). `{{` and `}}` stand for literal braces.
public struct MessageTemplate: Sendable, Hashable {
    enum Part: Sendable, Hashable {
        case literal(String)
        case value(String)
        case choice(String, one: String, other: String)
    }

    let parts: [Part]

    /// The placeholder names the entry uses, for checking that both languages quote the same values.
    public var placeholders: Set<String> {
        Set(parts.compactMap {
            switch $0 {
            case .literal: return nil
            case .value(let name), .choice(let name, _, _): return name
            }
        })
    }

    /// A problem with an entry's text: what, and at which character.
    public struct Problem: Error, Sendable, Equatable {
        public var reason: String
        public var offset: Int
    }

    public init(parsing text: String) throws(Problem) {
        var parts: [Part] = []
        var literal = ""
        let chars = Array(text)
        var i = 0
        func flush() {
            if !literal.isEmpty { parts.append(.literal(literal)) }
            literal = ""
        }
        while i < chars.count {
            let c = chars[i]
            if c == "{", i + 1 < chars.count, chars[i + 1] == "{" {
                literal.append("{")
                i += 2
                continue
            }
            if c == "}", i + 1 < chars.count, chars[i + 1] == "}" {
                literal.append("}")
                i += 2
                continue
            }
            if c == "}" { throw Problem(reason: "a lone '}' (write '}}' for a brace)", offset: i) }
            guard c == "{" else {
                literal.append(c)
                i += 1
                continue
            }
            guard let close = chars[(i + 1)...].firstIndex(of: "}") else {
                throw Problem(reason: "'{' is never closed (write '{{' for a brace)", offset: i)
            }
            let inner = String(chars[(i + 1)..<close])
            let fields = inner.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            let name = fields[0]
            guard !name.isEmpty, name.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "_") }) else {
                throw Problem(reason: "'{\(inner)}' does not name a value (letters a–z, digits and '_')", offset: i)
            }
            flush()
            switch fields.count {
            case 1: parts.append(.value(name))
            case 3: parts.append(.choice(name, one: fields[1], other: fields[2]))
            default: throw Problem(reason: "'{\(inner)}' must be '{name}' or '{name|one|other}'", offset: i)
            }
            i = close + 1
        }
        flush()
        self.parts = parts
    }

    /// The text with the values put in. A value not given is shown as its placeholder, which a test of the catalogue
    /// never lets through.
    public func render(_ values: [String: String]) -> String {
        var out = ""
        for part in parts {
            switch part {
            case .literal(let text): out += text
            case .value(let name): out += values[name] ?? "{\(name)}"
            case .choice(let name, let one, let other): out += values[name] == "1" ? one : other
            }
        }
        return out
    }
}
