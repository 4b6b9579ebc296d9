import Foundation
import Mustache
@testable import ParkScoreDossier
import ParkScoreTestSupport
import XCTest

/// The dossier's template engine against swift-mustache, the engine it replaces: the same template and context give
/// the same bytes, and what it does not support is refused where it is used.
final class TemplateEngineTests: XCTestCase {
    override class func setUp() {
        super.setUp()
        MustacheContentTypes.register(MarkdownReference(), named: "MARKDOWN")
    }

    /// swift-mustache's rendering, nil when it refuses the template.
    static func reference(_ text: String, _ context: [String: Any]) -> String? {
        (try? MustacheTemplate(string: text))?.render(context)
    }

    /// Both engines agree: the same bytes, or both refuse.
    /// A template that prints the whole context (`{{}}`, `{{.}}` at the top) cannot be compared: swift-mustache prints
    /// a dictionary in no fixed order. Then only whether both accept it is compared.
    func assertSame(_ text: String, _ context: [String: Any], file: StaticString = #filePath, line: UInt = #line) {
        let expected = Self.reference(text, context)
        switch Result(catching: { () throws(TemplateError) in try Template(text) }) {
        case .success(let template):
            let bytes = template.renderBytes(TemplateValue(converting: context))
            if let expected, expected.contains("&quot;cjk&quot;: ") || expected.contains("\"cjk\": ") { return }
            XCTAssertEqual(expected.map { Array($0.utf8) }, bytes, text.debugDescription, file: file, line: line)
            if expected.map({ Array($0.utf8) }) != bytes {
                XCTAssertEqual(expected, String(decoding: bytes, as: UTF8.self), file: file, line: line)
            }
        case .failure(let error):
            XCTAssertNil(expected, "refused \(text.debugDescription): \(error.message)", file: file, line: line)
        }
    }

    static var context: [String: Any] { [
        "a": true, "b": false, "x": "<b>Tom & \"Jerry\"</b> 'n' 星河", "n": "一", "s": "", "empty": [String](),
        "list": ["1", "<2>"], "flags": [true, false], "nested": [["p", "q"], [String]()],
        "objs": [["x": "in", "a": false], ["y": "why"]] as [[String: Any]],
        "o": ["o": ["x": "deep"]] as [String: Any], "single": ["k": "v"], "cjk": "园区：「<测试>」& ‘引号’",
        "md": "a*b_c|d#e~f`g[h]i\\j<k>l\nm\r\nn\ro\u{2028}p\u{2029}q",
        "marks": "<\u{0338} &\u{200D}x \u{0600}< a\u{0301}< >\u{20DD} ' \"", "mdmarks": "*\u{0301} \u{0600}| _x_\u{0308} ~",
    ] }

    /// Rows made on demand and written a piece at a time give the same bytes as a list rendered whole.
    func testRowsWrittenPieceByPieceAreTheSameAsAListWhole() throws {
        let template = try Template("<h1>{{title}}</h1>\n<ul>\n{{#rows}}\n  <li>{{name}} & {{{raw}}}</li>\n{{/rows}}\n{{^rows}}none{{/rows}}\n</ul>\n")
        for count in [0, 1, 7, 5000] {
            let item: @Sendable (Int) -> TemplateValue = { ["name": .string("园区<\($0)>"), "raw": .string("<b>\($0)</b>")] }
            let whole = template.renderBytes(["title": "排名", "rows": .list((0..<count).map(item))])
            let pieces = Pieces()
            template.render(["title": "排名", "rows": .rows(TemplateRows(count: count, item: item))], flushingEvery: 4096) { pieces.all.append($0) }
            XCTAssertEqual(pieces.all.flatMap { $0 }, whole, "\(count) rows")
            if count == 5000 {
                XCTAssertGreaterThan(pieces.all.count, 10, "written in pieces")
                XCTAssertLessThan(pieces.all.map(\.count).max() ?? 0, 4096 + 200, "no piece much over the limit")
            }
        }
    }

    func testHandWrittenTemplatesRenderAsMustacheDoes() {
        let templates = [
            // Variables, escaping (HTML: & < > " ' only), unescaped forms, whitespace inside tags.
            "{{x}}|{{{x}}}|{{&x}}|{{ x }}|{{{ x }}}|{{& x}}|{{cjk}}|{{marks}}",
            "{{missing}}[{{s}}]{{a}}{{b}}{{list}}{{flags}}{{nested}}{{single}}{{o}}",
            // Dotted names, the current value, names found further out, a name that stops the search.
            "{{o.o.x}} {{o.x}} {{o.o}} {{missing.x}} {{#o}}{{#o}}{{x}}{{.}}{{/o}}{{n}}{{.x}}{{/o}}",
            "{{#list}}<{{.}}>{{n}}{{/list}}{{#list}}{{{.}}}{{/list}}{{#objs}}[{{x}}{{y}}{{a}}{{.a}}]{{/objs}}",
            "{{#nested}}({{#.}}{{.}},{{/.}}{{^.}}none{{.}}{{/.}}){{/nested}}",
            "{{.}}-{{}}-{{#}}x{{/}}".replacingOccurrences(of: "{{.}}-{{}}-", with: ""),
            // Sections over booleans, strings (even empty), objects, lists; inverted sections.
            "{{#a}}A{{/a}}{{#b}}B{{/b}}{{^a}}!A{{/a}}{{^b}}!B{{/b}}{{#s}}S[{{.}}]{{/s}}{{^s}}!S{{/s}}{{#x}}{{.}}{{/x}}",
            "{{#empty}}E{{/empty}}{{^empty}}!E{{.}}{{/empty}}{{^list}}!L{{/list}}{{^missing}}!M{{/missing}}{{^o}}!O{{/o}}",
            "{{#a}}{{#list}}{{#b}}no{{/b}}{{^b}}{{.}}{{/b}}{{/list}}{{/a}}",
            // Standalone lines: indentation and line break go with the tag; CR LF, lone CR, tabs.
            "{{#a}}\n  x\n{{/a}}\n",
            "  {{#a}}\n  y\n  {{/a}}  \n",
            "\t{{#list}}\r\n{{.}}\r\n\t{{/list}}\r\n",
            "| {{#a}}x{{/a}} |\n  {{! comment }}\nz\n",
            "{{!c}}  \r\n{{^b}}\r{{/b}}\rend",
            "{{#a}}\nx{{/a}}  {{!c}}\n  after\n",
            "a {{#a}}\n  b\n  {{/a}}\n  {{!c}}\n",
            "  {{!c}} x\n",
            "  {{x}}\n  {{#a}}{{/a}}\n{{#b}}\n{{/b}}\n",
            "a\n  ",
            "a\n  {{#a}}{{/a}}",
            "{{#a}}\n{{/a}}",
            "{{! multi\nline\ncomment }}\n  {{! again }}  \nx",
            // Braces that are not tags, a tag cut by a line break, the end right after a tag's opening.
            "a { b } {x} }} {{{x}}} {{!}}",
            "a{{\n}}b",
            "abc{{",
            // Content types: a pragma from its place to the end of its section.
            "{{% CONTENT_TYPE: MARKDOWN}}\n{{md}} {{mdmarks}} {{x}} {{{md}}}\n",
            "{{x}}{{#a}}{{%CONTENT_TYPE:TEXT}}{{x}}{{/a}}{{x}}{{%CONTENT_TYPE:MARKDOWN}}{{#a}}{{x}}{{%CONTENT_TYPE:HTML}}{{x}}{{/a}}{{x}}",
            "  {{% CONTENT_TYPE: TEXT }}  \n{{x}}",
        ]
        for text in templates {
            XCTAssertNotNil(Self.reference(text, Self.context), text.debugDescription)
            assertSame(text, Self.context)
        }
        // Refused by both.
        let refused = ["{{#a}}", "{{/a}}", "{{#a}}{{/b}}", "{{x", "{{x}", "{{{x}}", "{{! open", "{", "a{{#a}}{{/a}}{", "{{%CONTENT_TYPE}}",
                       "{{% CONTENT_TYPE: XML}}", "{{% COLOUR: RED}}", "{{x y}}"]
        for text in refused {
            XCTAssertNil(Self.reference(text, Self.context), text.debugDescription)
            assertSame(text, Self.context)
        }
        // A special character that is part of a larger character (a combining mark after it, a prepended mark before
        // it) is left as it is, as Mustache leaves it.
        XCTAssertEqual(try Template("{{marks}}").render(TemplateValue(converting: Self.context)),
                       "<\u{0338} &\u{200D}x \u{0600}< a\u{0301}&lt; >\u{20DD} &#39; &quot;")
    }

    /// Random templates from pieces of Mustache: whatever swift-mustache renders, this engine renders the same bytes;
    /// whatever it refuses, this engine refuses.
    func testRandomTemplatesRenderAsMustacheDoes() {
        let sections = ["#a", "^a", "#b", "^b", "#list", "#o", "#objs", "^empty", "#s", "#nested", "#."]
        let pieces = ["{{#list}}{{.}}{{/list}}", "{{x}}", "{{{x}}}", "{{& x }}", "{{ o.o.x }}", "{{o.x}}", "{{.x}}", "{{md}}", "{{cjk}}",
                      "{{marks}}", "{{n}}", "{{!c}}", "{{! two\nlines }}", "{{% CONTENT_TYPE: MARKDOWN}}", "{{%CONTENT_TYPE:TEXT}}",
                      "{{% CONTENT_TYPE: HTML }}", " ", "  ", "\t", "\n", "\n", "\n", "\n", "\r\n", "\r", "text", "星", "{", "}",
                      "{{", "}}", "'<&>\"", "{{/a}}"]
        var random = SplitMix(seed: 20_260_201)
        func chance(_ percent: UInt64) -> Bool { random.next() % 100 < percent }
        var rendered = 0, refused = 0
        for _ in 0..<4000 {
            var text = "", open: [String] = []
            for _ in 0..<(random.next() % 30) {
                if !open.isEmpty, chance(25) {
                    text += "{{/\(open.removeLast())}}"
                } else if chance(20), open.count < 4 {
                    let section = sections[Int(random.next() % UInt64(sections.count))]
                    text += "{{\(section)}}"
                    open.append(String(section.dropFirst()))
                } else {
                    text += pieces[Int(random.next() % UInt64(pieces.count))]
                }
            }
            if chance(95) { text += open.reversed().map { "{{/\($0)}}" }.joined() }
            assertSame(text, Self.context)
            if Self.reference(text, Self.context) != nil { rendered += 1 } else { refused += 1 }
        }
        // Both kinds are well represented.
        XCTAssertGreaterThan(rendered, 1500)
        XCTAssertGreaterThan(refused, 200)
    }

    func testWhatIsNotSupportedIsRefusedWhereItIsUsed() {
        let cases: [(String, String, Int, Int)] = [
            ("a\n  {{> part}}", "partials", 2, 3),
            ("{{<parent}}{{/parent}}", "parent templates", 1, 1),
            ("x {{$block}}d{{/block}}", "blocks", 1, 3),
            ("\n\n{{=<% %>=}}", "delimiter changes", 3, 1),
            ("星河 {{upper(x)}}", "transforms", 1, 4),
            ("{{% CONTENT_TYPE: XML}}", "unrecognisedConfigVariable", 1, 1),
            ("{{%CONTENT_TYPE}}", "invalidConfigVariableSyntax", 1, 1),
            ("{{#a}}\n{{/b}}", "sectionCloseNameIncorrect", 2, 4),
            ("{{/a}}", "sectionCloseNameIncorrect", 1, 4),
            ("x\n {{#a}}", "expectedSectionEnd", 2, 2),
            ("{{x y}}", "unfinishedName", 1, 1),
            ("{{{x}}", "the template ends inside a tag", 1, 7),
            ("{{! never closed", "comment is never closed", 1, 1),
            (String(repeating: "{{#a}}", count: 65) + String(repeating: "{{/a}}", count: 65), "nest more than 64 deep", 1, 385),
        ]
        for (text, words, line, column) in cases {
            XCTAssertThrowsError(try Template(text), text) { error in
                guard let error = error as? TemplateError else { return XCTFail("\(error)") }
                XCTAssertTrue(error.message.contains(words), "\(text): \(error.message)")
                XCTAssertEqual([error.line, error.column], [line, column], "\(text): \(error.message)")
            }
        }
        // Through the loader: the file, line and column of the tag.
        guard case .failure(let refused) = DossierTemplates.parse("<p>\n  {{>footer}}\n", name: "dossier.html.mustache", directory: "T")
        else { return XCTFail("a partial was accepted") }
        XCTAssertEqual(TestCatalogue.en.text(of: refused), "template 'dossier.html.mustache' is broken: partials ({{>name}}) are not supported in dossier templates")
        XCTAssertEqual(refused.location.map { "\($0.file):\($0.line):\($0.column)" }, "T/dossier.html.mustache:2:3")
    }

    func testBytesAreEscapedOnceAsMustacheEscapes() {
        var out: [UInt8] = []
        TemplateEscaping.html.append("a&b<c>d\"e'f 星 &amp;", to: &out)
        XCTAssertEqual(String(decoding: out, as: UTF8.self), "a&amp;b&lt;c&gt;d&quot;e&#39;f 星 &amp;amp;")
        out = []
        TemplateEscaping.markdown.append("| a |\r\n**b**", to: &out)
        XCTAssertEqual(String(decoding: out, as: UTF8.self), "\\| a \\| \\*\\*b\\*\\*")
    }

    /// The chart's escaping, read as bytes, gives what escaping character by character gives, combining marks next to
    /// special characters included.
    func testEscapingBytesAgreesWithEscapingCharacters() {
        let pieces = ["<", ">", "&", "\"", "'", "a", "星", "\u{338}", "\u{301}", "\u{600}", "🇨🇳", " ", "\r\n"]
        var random = SplitMix(seed: 11)
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...12, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            XCTAssertEqual(HTMLEscaping.escaped(text), HTMLEscaping.escape(text), text.debugDescription)
        }
    }
}

extension TemplateValue {
    /// The same tree as Foundation values (`String`, `Bool`, `[Any]`, `[String: Any]`, `NSNull`), as swift-mustache
    /// takes it.
    var anyValue: Any {
        switch self {
        case .string(let text): return text
        case .bool(let flag): return flag
        case .list(let items): return items.map(\.anyValue)
        case .rows(let rows): return rows.all.map(\.anyValue)
        case .object(let entries): return Dictionary(uniqueKeysWithValues: entries.sorted.map { ($0.key, $0.value.anyValue) })
        case .null: return NSNull()
        }
    }
}

/// The Markdown content type for swift-mustache, as the dossier used it before: the reference.
struct MarkdownReference: MustacheContentType {
    func escapeText(_ text: String) -> String { MarkdownEscaping.escape(text) }
}


private final class Pieces: @unchecked Sendable {
    var all: [[UInt8]] = []
}
