/// libyaml's own problem texts, each given a code for the message catalogue, so that a user reading Chinese never
/// reads libyaml's English. libyaml 0.2.x words a syntax error as a problem (`did not find expected key`), sometimes
/// with the context it was reading (`while parsing a block mapping`) and where that started; both are fixed C strings
/// (src/reader.c, src/scanner.c, src/parser.c), so the list is finite.
///
/// Codes: `yaml.problem.<problem>` for a problem alone; `yaml.context.<context>.<problem>` with a context that started
/// where the problem is, `yaml.context-from.<context>.<problem>` (arguments: line, column of the start) with one that
/// started before; `yaml.byte.<problem>` (argument: the byte in hex) for a reader problem libyaml follows with a byte.
/// A problem with a context not listed for it keeps the problem's code alone (the context is dropped in every
/// language). A problem not listed at all — a libyaml newer than this table — is `yaml.syntax` with libyaml's English
/// text as its one argument: the only case where English reaches a Chinese reader.
enum LibYAMLProblem {
    /// The code and arguments for a libyaml problem, its context and their marks.
    static func code(problem: String, context: String?, problemMark: Mark, contextMark: Mark?) -> (code: String, arguments: [String])? {
        // Older libyaml says "did not found".
        let problem = problem.hasPrefix("did not found ") ? "did not find " + problem.dropFirst("did not found ".count) : problem
        guard let slug = problems[problem] else { return nil }
        if let context, let known = contexts[context], known.problems.contains(problem) {
            if let contextMark, contextMark != problemMark {
                return ("yaml.context-from.\(known.slug).\(slug)", [String(contextMark.line), String(contextMark.column)])
            }
            return ("yaml.context.\(known.slug).\(slug)", [])
        }
        return ("yaml.problem.\(slug)", [])
    }

    /// A reader (encoding) problem, with the byte libyaml could not read when it gives one.
    static func code(readerProblem problem: String, byte: Int?) -> (code: String, arguments: [String])? {
        guard let slug = problems[problem] else { return nil }
        if let byte, withByte.contains(problem) { return ("yaml.byte.\(slug)", [String(byte, radix: 16)]) }
        return ("yaml.problem.\(slug)", [])
    }

    /// Every code this table can give, for the test that the catalogue words each.
    static var allCodes: [String] {
        var codes = problems.values.map { "yaml.problem." + $0 }
        codes += withByte.compactMap { problems[$0].map { "yaml.byte." + $0 } }
        for (_, context) in contexts {
            for problem in context.problems {
                guard let slug = problems[problem] else { continue }
                codes.append("yaml.context.\(context.slug).\(slug)")
                codes.append("yaml.context-from.\(context.slug).\(slug)")
            }
        }
        return codes.sorted()
    }

    /// Each problem text libyaml 0.2.x says, and its code's last part.
    static let problems: [String: String] = [
        "input is too long": "input-too-long",
        "invalid leading UTF-8 octet": "invalid-leading-utf8-octet",
        "invalid length of a UTF-8 sequence": "invalid-utf8-length",
        "invalid trailing UTF-8 octet": "invalid-trailing-utf8-octet",
        "incomplete UTF-8 octet sequence": "incomplete-utf8-sequence",
        "invalid Unicode character": "invalid-unicode-character",
        "control characters are not allowed": "control-characters",
        "incomplete UTF-16 character": "incomplete-utf16-character",
        "unexpected low surrogate area": "unexpected-low-surrogate",
        "expected low surrogate area": "expected-low-surrogate",
        "incomplete UTF-16 surrogate pair": "incomplete-utf16-surrogate-pair",
        "input error": "input-error",
        "block sequence entries are not allowed in this context": "block-sequence-entries-not-allowed",
        "mapping keys are not allowed in this context": "mapping-keys-not-allowed",
        "mapping values are not allowed in this context": "mapping-values-not-allowed",
        "could not find expected ':'": "expected-colon",
        "found character that cannot start any token": "character-cannot-start-token",
        "found unknown directive name": "unknown-directive",
        "did not find expected comment or line break": "expected-comment-or-line-break",
        "could not find expected directive name": "expected-directive-name",
        "found unexpected non-alphabetical character": "unexpected-non-alphabetical",
        "did not find expected digit or '.' character": "expected-digit-or-dot",
        "found extremely long version number": "version-number-too-long",
        "did not find expected version number": "expected-version-number",
        "did not find expected whitespace": "expected-whitespace",
        "did not find expected whitespace or line break": "expected-whitespace-or-line-break",
        "did not find expected alphabetic or numeric character": "expected-alphanumeric",
        "did not find the expected '>'": "expected-greater-than",
        "did not find expected '!'": "expected-exclamation",
        "did not find expected tag URI": "expected-tag-uri",
        "did not find URI escaped octet": "expected-uri-escaped-octet",
        "found an incorrect leading UTF-8 octet": "incorrect-leading-utf8-octet",
        "found an incorrect trailing UTF-8 octet": "incorrect-trailing-utf8-octet",
        "found an indentation indicator equal to 0": "indentation-indicator-zero",
        "found a tab character where an indentation space is expected": "tab-for-indentation-space",
        "found unexpected document indicator": "unexpected-document-indicator",
        "found unexpected end of stream": "unexpected-end-of-stream",
        "found unknown escape character": "unknown-escape-character",
        "did not find expected hexdecimal number": "expected-hexadecimal",
        "found invalid Unicode character escape code": "invalid-unicode-escape",
        "found unexpected ':'": "unexpected-colon",
        "found a tab character that violates indentation": "tab-violates-indentation",
        "did not find expected <stream-start>": "expected-stream-start",
        "found duplicate %YAML directive": "duplicate-yaml-directive",
        "found incompatible YAML document": "incompatible-yaml-document",
        "incompatible %YAML directive": "incompatible-yaml-directive",
        "found duplicate %TAG directive": "duplicate-tag-directive",
        "did not find expected <document start>": "expected-document-start",
        "found undefined tag handle": "undefined-tag-handle",
        "did not find expected node content": "expected-node-content",
        "did not find expected '-' indicator": "expected-dash",
        "did not find expected key": "expected-key",
        "did not find expected ',' or ']'": "expected-comma-or-bracket",
        "did not find expected ',' or '}'": "expected-comma-or-brace",
    ]

    /// Each context libyaml names, with the problems it is known to name it with.
    static let contexts: [String: (slug: String, problems: Set<String>)] = [
        "while scanning a simple key": ("simple-key", ["could not find expected ':'"]),
        "while scanning for the next token": ("next-token", ["found character that cannot start any token"]),
        "while scanning a directive": ("directive", ["found unknown directive name", "did not find expected comment or line break", "could not find expected directive name", "found unexpected non-alphabetical character", "did not find expected digit or '.' character", "found extremely long version number", "did not find expected version number", "did not find expected whitespace", "did not find expected whitespace or line break"]),
        "while scanning a %YAML directive": ("yaml-directive", ["found unknown directive name", "did not find expected comment or line break", "could not find expected directive name", "found unexpected non-alphabetical character", "did not find expected digit or '.' character", "found extremely long version number", "did not find expected version number", "did not find expected whitespace", "did not find expected whitespace or line break"]),
        "while scanning a %TAG directive": ("tag-directive", ["found unknown directive name", "did not find expected comment or line break", "could not find expected directive name", "found unexpected non-alphabetical character", "did not find expected digit or '.' character", "found extremely long version number", "did not find expected version number", "did not find expected whitespace", "did not find expected whitespace or line break", "did not find the expected '>'", "did not find expected '!'", "did not find expected tag URI", "did not find URI escaped octet", "found an incorrect leading UTF-8 octet", "found an incorrect trailing UTF-8 octet"]),
        "while scanning a tag directive": ("scanning-tag-directive", ["did not find the expected '>'", "did not find expected whitespace or line break", "did not find expected '!'", "did not find expected tag URI", "did not find URI escaped octet", "found an incorrect leading UTF-8 octet", "found an incorrect trailing UTF-8 octet"]),
        "while parsing a tag directive": ("parsing-tag-directive", ["did not find the expected '>'", "did not find expected whitespace or line break", "did not find expected '!'", "did not find expected tag URI", "did not find URI escaped octet", "found an incorrect leading UTF-8 octet", "found an incorrect trailing UTF-8 octet"]),
        "while parsing a %TAG directive": ("parsing-tag-directive-percent", ["did not find the expected '>'", "did not find expected whitespace or line break", "did not find expected '!'", "did not find expected tag URI", "did not find URI escaped octet", "found an incorrect leading UTF-8 octet", "found an incorrect trailing UTF-8 octet"]),
        "while scanning an anchor": ("anchor", ["did not find expected alphabetic or numeric character"]),
        "while scanning an alias": ("alias", ["did not find expected alphabetic or numeric character"]),
        "while scanning a tag": ("tag", ["did not find the expected '>'", "did not find expected whitespace or line break", "did not find expected '!'", "did not find expected tag URI", "did not find URI escaped octet", "found an incorrect leading UTF-8 octet", "found an incorrect trailing UTF-8 octet"]),
        "while parsing a tag": ("parsing-tag", ["did not find the expected '>'", "did not find expected whitespace or line break", "did not find expected '!'", "did not find expected tag URI", "did not find URI escaped octet", "found an incorrect leading UTF-8 octet", "found an incorrect trailing UTF-8 octet"]),
        "while scanning a block scalar": ("block-scalar", ["found an indentation indicator equal to 0", "did not find expected comment or line break", "found a tab character where an indentation space is expected", "found unexpected end of stream", "found unexpected document indicator"]),
        "while scanning a quoted scalar": ("quoted-scalar", ["found unexpected document indicator", "found unexpected end of stream", "found unknown escape character", "did not find expected hexdecimal number", "found invalid Unicode character escape code"]),
        "while parsing a quoted scalar": ("parsing-quoted-scalar", ["found unexpected document indicator", "found unexpected end of stream", "found unknown escape character", "did not find expected hexdecimal number", "found invalid Unicode character escape code"]),
        "while scanning a plain scalar": ("plain-scalar", ["found unexpected ':'", "found a tab character that violates indentation", "found unexpected document indicator", "found unexpected end of stream"]),
        "while parsing a node": ("node", ["found undefined tag handle"]),
        "while parsing a block node": ("block-node", ["did not find expected node content"]),
        "while parsing a flow node": ("flow-node", ["did not find expected node content"]),
        "while parsing a block collection": ("block-collection", ["did not find expected '-' indicator"]),
        "while parsing a block mapping": ("block-mapping", ["did not find expected key"]),
        "while parsing a flow sequence": ("flow-sequence", ["did not find expected ',' or ']'"]),
        "while parsing a flow mapping": ("flow-mapping", ["did not find expected ',' or '}'"]),
    ]

    /// The reader's problems that libyaml follows with the byte it could not read.
    static let withByte: Set<String> = ["invalid leading UTF-8 octet", "invalid length of a UTF-8 sequence", "invalid trailing UTF-8 octet", "invalid Unicode character"]
}

extension YAMLError {
    /// Every code a libyaml problem can be given (for the test that the message catalogue words each in every language).
    public static var libyamlCodes: [String] { LibYAMLProblem.allCodes }

    /// The code a libyaml problem and context are given (the context starting where the problem is); nil for a problem
    /// not known here.
    public static func libyamlCode(problem: String, context: String?) -> String? {
        let mark = Mark(line: 1, column: 1)
        return LibYAMLProblem.code(problem: problem, context: context, problemMark: mark, contextMark: context == nil ? nil : mark)?.code
    }
}
