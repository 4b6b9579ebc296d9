import Foundation
import ParkScore
import ParkScoreIO
import ParkScoreTestSupport
import XCTest

/// Issue 12, item 3: a full-width colon, a tab and a GBK file get a hint at the line where the mistake is (libyaml's raw
/// message points at the next line, or says `invalid trailing UTF-8 octet`).
final class YAMLHintTests: XCTestCase {
    func load(_ bytes: [UInt8]) -> [Diagnostic] {
        SelfReportLoader.decode(SourceFile(path: "report.yaml", bytes: bytes), dictionary: Fixtures.dictionary()).diagnostics
    }

    func load(_ text: String) -> [Diagnostic] { load(Array(text.utf8)) }

    let head = "park:\n  name: 园区\nperiod: {from: 2025-01-01, to: 2025-12-31}\nfacts:\n"

    func testAFullWidthColonIsNamedOnItsOwnLine() {
        // Line 6 is "  talent.forums：6"; libyaml stops on line 7 ("could not find expected ':'").
        let diagnostics = load(head + "  a: 1\n  talent.forums：6\n  share: 40%\n")
        XCTAssertEqual(diagnostics.map(TestCatalogue.en.line(for:)), [
            "report.yaml:6:16: error: line 6 has a full-width colon after 'talent.forums': YAML needs an ASCII colon and a space ('talent.forums: 6')",
        ])
        XCTAssertEqual(diagnostics.first?.code, DiagnosticCode.fullWidthColon)
    }

    func testAFullWidthColonAfterAMappingKey() {
        // "facts：" on line 4 (column 6), with its facts below: libyaml complains on line 5.
        let diagnostics = load("park:\n  name: 园区\nperiod: {from: 2025-01-01, to: 2025-12-31}\nfacts：\n  a: 1\n")
        XCTAssertEqual(diagnostics.map(TestCatalogue.en.line(for:)), [
            "report.yaml:4:6: error: line 4 has a full-width colon after 'facts': YAML needs an ASCII colon and a space ('facts:')",
        ])
    }

    func testAFullWidthColonThatParsesAsTextIsNamedToo() {
        // The only line under facts: YAML reads "talent.forums：6" as a text, and facts is not a mapping.
        let diagnostics = load(head + "  talent.forums：6\n")
        XCTAssertEqual(diagnostics.map(TestCatalogue.en.line(for:)), [
            "report.yaml:5:3: error: 'facts' must be a mapping of facts, not text 'talent.forums：6': write an ASCII colon and a space for the full-width colon ('talent.forums: 6')",
        ])
        XCTAssertEqual(diagnostics.first?.code, DiagnosticCode.factsFullWidthColon)
    }

    func testATabIndentIsNamedOnItsLine() {
        let diagnostics = load(head + "  a: 1\n\tshare: 40%\n")
        XCTAssertEqual(diagnostics.map(TestCatalogue.en.line(for:)), [
            "report.yaml:6:1: error: line 6 is indented with a tab: indent with spaces (YAML does not allow tabs for indentation)",
        ])
        XCTAssertEqual(diagnostics.first?.code, DiagnosticCode.tabIndentation)
        // A tab before the first key of a mapping: libyaml says "found character that cannot start any token".
        XCTAssertEqual(load("park:\n\tname: 园区\n").map(TestCatalogue.en.line(for:)), [
            "report.yaml:2:1: error: line 2 is indented with a tab: indent with spaces (YAML does not allow tabs for indentation)",
        ])
    }

    func testAGBKFileIsToldToBeSavedAsUTF8() throws {
        // "  name: 园区" in GBK: 园 is D4 B0, 区 is C7 F8. The first Chinese character is at column 9 of line 2.
        var bytes = Array("park:\n  name: ".utf8) + [0xD4, 0xB0, 0xC7, 0xF8]
        bytes += Array("\nperiod: {from: 2025-01-01, to: 2025-12-31}\nfacts: {}\n".utf8)
        let diagnostics = load(bytes)
        XCTAssertEqual(diagnostics.map(TestCatalogue.en.line(for:)), [
            "report.yaml:2:9: error: the file is not UTF-8: it looks like GBK/GB18030 (as Excel and Notepad may save Chinese text); save the file as UTF-8 (line 2 is the first that cannot be read)",
        ])
        XCTAssertEqual(diagnostics.first?.code, DiagnosticCode.notUTF8GB18030)
    }

    func testBytesInNoKnownEncodingStillSaySaveAsUTF8() {
        // 0xFF is neither UTF-8 nor a GB18030 lead byte.
        let diagnostics = load(Array("park:\n  name: ".utf8) + [0xFF, 0x41] + Array("\n".utf8))
        XCTAssertEqual(diagnostics.count, 1)
        XCTAssertEqual(diagnostics.first?.code, DiagnosticCode.notUTF8)
        XCTAssertEqual(diagnostics.first?.location?.line, 2)
        XCTAssertTrue(diagnostics.first.map(TestCatalogue.en.text(of:))?.hasSuffix("save the file as UTF-8") ?? false, "\(diagnostics)")
    }

    func testOtherSyntaxErrorsKeepLibyamlsMessage() {
        XCTAssertEqual(load(head + "    a: 1\n  share: 40%\n").map(TestCatalogue.en.text(of:)), [
            "did not find expected key while parsing a block mapping (started at 1:1)",
        ])
    }
}
