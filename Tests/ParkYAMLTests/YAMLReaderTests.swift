import ParkYAML
import XCTest

final class YAMLReaderTests: XCTestCase {
    func load(_ text: String, limits: ParseLimits = .default) throws -> Node {
        try XCTUnwrap(try YAMLReader.document(text, limits: limits))
    }

    func error(_ text: String, limits: ParseLimits = .default) -> YAMLError? {
        do {
            _ = try YAMLReader.documents(Array(text.utf8), limits: limits)
            return nil
        } catch {
            return error
        }
    }

    // MARK: Marks

    func testMarksAreOneBasedLineAndColumn() throws {
        let root = try load("park:\n  name: 星河\n  total: 45\n")
        XCTAssertEqual(root.mark, Mark(line: 1, column: 1))
        let park = try XCTUnwrap(root["park"])
        XCTAssertEqual(park.mark, Mark(line: 2, column: 3))
        XCTAssertEqual(park["name"]?.mark, Mark(line: 2, column: 9))
        XCTAssertEqual(park["total"]?.mark, Mark(line: 3, column: 10))
    }

    func testColumnsCountCharactersNotBytes() throws {
        let root = try load("名称: 星河园区\n")
        // 名称 is two characters (six bytes); the value starts at column 5.
        XCTAssertEqual(root["名称"]?.mark, Mark(line: 1, column: 5))
    }

    // MARK: Anchors and aliases

    func testAliasResolvesToTheAnchoredNodeAndKeepsItsOwnMark() throws {
        let root = try load("base: &b\n  rate: 70%\nother: *b\n")
        let other = try XCTUnwrap(root["other"])
        XCTAssertEqual(other["rate"]?.scalar?.text, "70%")
        XCTAssertEqual(other.mark, Mark(line: 3, column: 8))
        // The anchored mapping starts at its anchor property '&b'.
        XCTAssertEqual(other.anchorMark, Mark(line: 1, column: 7))
        // Nodes inside keep the marks of the anchored text.
        XCTAssertEqual(other["rate"]?.mark, Mark(line: 2, column: 9))
    }

    func testAliasOfScalar() throws {
        let root = try load("a: &x 5\nb: *x\n")
        XCTAssertEqual(root["b"]?.scalar?.int, 5)
        XCTAssertEqual(root["b"]?.mark, Mark(line: 2, column: 4))
        XCTAssertEqual(root["b"]?.anchorMark, Mark(line: 1, column: 4))
    }

    func testUnknownAliasIsRefused() {
        let e = error("a: *nowhere\n")
        XCTAssertEqual(e, YAMLError(.unknownAlias, "alias '*nowhere' refers to no anchor defined before it", at: Mark(line: 1, column: 4)))
    }

    func testBillionLaughsIsRefusedByTheExpansionLimit() {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1...9 {
            let p = "*a\(i - 1)"
            text += "a\(i): &a\(i) [\(Array(repeating: p, count: 10).joined(separator: ", "))]\n"
        }
        let e = error(text)
        XCTAssertEqual(e?.reason, .limit)
        XCTAssertEqual(e?.message, "aliases expand the document to more than 2000000 nodes")
        XCTAssertEqual(e?.mark?.line, 7)
    }

    func testExpansionLimitCountsAliasSizes() {
        let limits = ParseLimits(maxExpandedNodes: 20)
        // The anchored list is 6 nodes; two aliases to it bring the document to 1 + 2 + 6 + 2 + 6 + 2 + 6 = 25.
        let e = error("a: &l [1, 2, 3, 4, 5]\nb: *l\nc: *l\n", limits: limits)
        XCTAssertEqual(e, YAMLError(.limit, "aliases expand the document to more than 20 nodes", at: Mark(line: 3, column: 4)))
    }

    // MARK: Limits

    func testDepthLimitRefusesDeepNestingEarly() {
        let deep = String(repeating: "[", count: 100_000)
        let start = Date()
        let e = error(deep)
        XCTAssertEqual(e, YAMLError(.limit, "nesting is deeper than the limit of 256 levels", at: Mark(line: 1, column: 257)))
        // (Not a timing assertion: the refusal comes from the depth limit, not a timeout.)
        _ = start
    }

    func testDepthLimitInBlockStyle() {
        var text = ""
        for i in 0..<6 { text += String(repeating: "  ", count: i) + "k\(i):\n" }
        text += String(repeating: "  ", count: 6) + "leaf: 1\n"
        let e = error(text, limits: ParseLimits(maxDepth: 5))
        XCTAssertEqual(e, YAMLError(.limit, "nesting is deeper than the limit of 5 levels", at: Mark(line: 6, column: 11)))
    }

    func testNodeCountLimit() {
        let e = error("[1, 2, 3, 4, 5]", limits: ParseLimits(maxNodes: 4))
        XCTAssertEqual(e, YAMLError(.limit, "document has more than the limit of 4 nodes", at: Mark(line: 1, column: 11)))
    }

    func testInputSizeLimit() {
        let e = error(String(repeating: "#", count: 101), limits: ParseLimits(maxInputBytes: 100))
        XCTAssertEqual(e, YAMLError(.limit, "input is 101 bytes, more than the limit of 100", at: nil))
    }

    // MARK: Duplicate keys

    func testDuplicateKeyIsRefusedWithBothPlaces() {
        let e = error("name: a\ntotal: 1\nname: b\n")
        XCTAssertEqual(e, YAMLError(.duplicateKey, "duplicate key 'name' (first at 1:1)", at: Mark(line: 3, column: 1)))
    }

    func testDuplicateKeysCompareResolvedValues() {
        XCTAssertEqual(error("{1: a, 0x1: b}")?.reason, .duplicateKey)
        XCTAssertEqual(error("{null: a, ~: b}")?.reason, .duplicateKey)
        // A quoted '1' is a string, not the integer 1.
        XCTAssertNil(error("{1: a, '1': b}"))
    }

    func testDuplicateKeyInALargeMapping() {
        var text = ""
        for i in 0..<40 { text += "k\(i): \(i)\n" }
        text += "k17: again\n"
        XCTAssertEqual(error(text), YAMLError(.duplicateKey, "duplicate key 'k17' (first at 18:1)", at: Mark(line: 41, column: 1)))
        // Past 16 keys the mapping is indexed: a string key and the integer it spells stay two keys; 1 and 0x1 are one.
        var many = ""
        for i in 0..<40 { many += "k\(i): \(i)\n" }
        XCTAssertNil(error(many + "1: a\n'1': b\n"))
        XCTAssertNil(error(many + "'n:1': a\n1: b\n"))
        XCTAssertEqual(error(many + "1: a\n0x1: b\n")?.reason, .duplicateKey)
        XCTAssertEqual(error(many + "[a, b]: 1\n[a, b]: 2\n")?.reason, .duplicateKey)
    }

    // MARK: YAML 1.2 core scalars

    func testCoreSchemaResolution() throws {
        let root = try load("""
        a: yes
        b: no
        c: on
        d: true
        e: False
        f: ~
        g: null
        h:
        i: 012
        j: 0o17
        k: 0x1F
        l: 1:30
        m: 1.5e3
        n: .inf
        o: -.INF
        p: .nan
        q: '42'
        r: "true"
        s: !!str 12
        t: 40%
        u: +12
        v: 1_000
        """)
        func kind(_ key: String) -> Scalar.Kind? { root[key]?.scalar?.kind }
        XCTAssertEqual(kind("a"), .string)
        XCTAssertEqual(kind("b"), .string)
        XCTAssertEqual(kind("c"), .string)
        XCTAssertEqual(root["d"]?.scalar?.bool, true)
        XCTAssertEqual(root["e"]?.scalar?.bool, false)
        XCTAssertEqual(kind("f"), .null)
        XCTAssertEqual(kind("g"), .null)
        XCTAssertEqual(kind("h"), .null)
        XCTAssertEqual(root["i"]?.scalar?.int, 12)
        XCTAssertEqual(root["j"]?.scalar?.int, 15)
        XCTAssertEqual(root["k"]?.scalar?.int, 31)
        XCTAssertEqual(kind("l"), .string)
        XCTAssertEqual(root["m"]?.scalar?.double, 1500)
        XCTAssertEqual(root["n"]?.scalar?.double, .infinity)
        XCTAssertEqual(root["o"]?.scalar?.double, -.infinity)
        XCTAssertEqual(root["p"]?.scalar?.double?.isNaN, true)
        XCTAssertEqual(kind("q"), .string)
        XCTAssertEqual(kind("r"), .string)
        XCTAssertEqual(kind("s"), .string)
        XCTAssertEqual(kind("t"), .string)
        XCTAssertEqual(root["u"]?.scalar?.int, 12)
        XCTAssertEqual(kind("v"), .string)
    }

    func testWrongExplicitTagIsRefused() {
        XCTAssertEqual(error("a: !!int twelve\n"),
                       YAMLError(.invalidTaggedValue, "'twelve' is not a valid !!int value", at: Mark(line: 1, column: 4)))
    }

    func testScalarKeepsNulBytes() throws {
        let root = try load("a: \"x\\0y\"\n")
        XCTAssertEqual(root["a"]?.scalar?.text, "x\u{0}y")
        XCTAssertEqual(root["a"]?.scalar?.text.utf8.count, 3)
    }

    func testScalarStyles() throws {
        let root = try load("a: plain\nb: 'single'\nc: \"double\"\nd: |\n  literal\ne: >\n  folded\n")
        XCTAssertEqual(root["a"]?.scalar?.style, .plain)
        XCTAssertEqual(root["b"]?.scalar?.style, .singleQuoted)
        XCTAssertEqual(root["c"]?.scalar?.style, .doubleQuoted)
        XCTAssertEqual(root["d"]?.scalar?.style, .literal)
        XCTAssertEqual(root["d"]?.scalar?.text, "literal\n")
        XCTAssertEqual(root["e"]?.scalar?.style, .folded)
    }

    // MARK: Malformed input

    func testSyntaxErrorHasLibyamlMessageAndPlace() {
        XCTAssertEqual(error("park:\n  name: a\n bad: b\n"),
                       YAMLError(.syntax, "did not find expected key while parsing a block mapping (started at 1:1)",
                                 at: Mark(line: 3, column: 2)))
        XCTAssertEqual(error("a: [1, 2\n"),
                       YAMLError(.syntax, "did not find expected ',' or ']' while parsing a flow sequence (started at 1:4)",
                                 at: Mark(line: 2, column: 1)))
        XCTAssertEqual(error("a: b: c\n"),
                       YAMLError(.syntax, "mapping values are not allowed in this context", at: Mark(line: 1, column: 5)))
    }

    /// libyaml's problem, its context and where that started become a code and arguments for the message catalogue.
    func testSyntaxErrorsCarryACodeForTheCatalogue() {
        let mapping = error("park:\n  name: a\n bad: b\n")
        XCTAssertEqual(mapping?.code, "yaml.context-from.block-mapping.expected-key")
        XCTAssertEqual(mapping?.arguments, ["1", "1"])
        XCTAssertEqual(mapping?.contextMark, Mark(line: 1, column: 1))
        let colon = error("a: b: c\n")
        XCTAssertEqual(colon?.code, "yaml.problem.mapping-values-not-allowed")
        XCTAssertEqual(colon?.arguments, [])
        // A tab where a token should start: the context ("for the next token") starts where the problem is.
        let tab = error("a:\n\tb: 1\n")
        XCTAssertEqual(tab?.code, "yaml.context.next-token.character-cannot-start-token")
        XCTAssertThrowsError(try YAMLReader.document("a: 1\n---\nc: 3\n")) { XCTAssertEqual(($0 as? YAMLError)?.code, "yaml.multiple-documents") }
        XCTAssertEqual(error("a: 1\na: 2\n")?.code, "yaml.duplicate-key")
        XCTAssertEqual(error("a: 1\na: 2\n")?.arguments, ["a", "1", "1"])
        XCTAssertEqual(error("a: *nowhere\n")?.arguments, ["nowhere"])
    }

    /// A problem text this layer has no code for is `yaml.syntax`, quoting libyaml's English.
    func testAnUnknownProblemQuotesTheEnglish() {
        let unknown = YAMLError(.syntax, "a problem from a newer libyaml", at: nil)
        XCTAssertEqual(unknown.code, YAMLError.unknownCode)
        XCTAssertEqual(unknown.arguments, ["a problem from a newer libyaml"])
        XCTAssertNil(YAMLError.libyamlCode(problem: "a problem from a newer libyaml", context: nil))
        // A known problem with a context not known for it keeps the problem's code.
        XCTAssertEqual(YAMLError.libyamlCode(problem: "did not find expected key", context: "while scanning a tag"), "yaml.problem.expected-key")
        XCTAssertEqual(YAMLError.libyamlCode(problem: "did not found expected key", context: "while parsing a block mapping"),
                       "yaml.context.block-mapping.expected-key")
    }

    func testTabIndentationIsRefused() {
        XCTAssertEqual(error("a:\n\tb: 1\n")?.reason, .syntax)
    }

    func testInvalidUTF8IsRefusedWithItsPlace() {
        var bytes = Array("a: ok\nb: ".utf8)
        bytes += [0xFF, 0x0A]
        XCTAssertThrowsError(try YAMLReader.documents(bytes)) { e in
            let e = e as! YAMLError
            XCTAssertEqual(e.reason, .encoding)
            XCTAssertEqual(e.mark, Mark(line: 2, column: 4))
            XCTAssertEqual(e.message, "invalid leading UTF-8 octet (byte 0xff)")
            XCTAssertEqual(e.code, "yaml.byte.invalid-leading-utf8-octet")
            XCTAssertEqual(e.arguments, ["ff"])
        }
    }

    func testDocuments() throws {
        XCTAssertEqual(try YAMLReader.documents(Array("".utf8)).count, 0)
        XCTAssertNil(try YAMLReader.document(""))
        XCTAssertEqual(try YAMLReader.documents(Array("--- 1\n--- 2\n".utf8)).count, 2)
        XCTAssertThrowsError(try YAMLReader.document("--- 1\n--- 2\n")) { e in
            XCTAssertEqual(e as? YAMLError, YAMLError(.multipleDocuments, "expected one YAML document, found 2", at: Mark(line: 2, column: 5)))
        }
    }
}
