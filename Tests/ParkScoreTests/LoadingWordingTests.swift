import Foundation
import ParkScore
import ParkScoreIO
import ParkScoreTestSupport
import ParkYAML
import XCTest

/// What loading says, in Chinese (the default) and in English, from the message catalogue: typical entries read,
/// YAML mistakes park staff make, libyaml's own problems, files that cannot be read.
final class LoadingWordingTests: XCTestCase {
    let dictionary = Fixtures.dictionary(TypicalEntryTests.dictionaryYAML)

    func load(_ text: String) -> [Diagnostic] { load(Array(text.utf8)) }

    func load(_ bytes: [UInt8]) -> [Diagnostic] {
        SelfReportLoader.decode(SourceFile(path: "report.yaml", bytes: bytes), dictionary: dictionary).diagnostics
    }

    let head = "park: {name: 测试园区}\nperiod: {from: 2025-01-01, to: 2025-12-31}\nfacts:\n"

    func testATypicalEntryReadIsNotedInChineseWithTheEntryQuoted() {
        let diagnostics = load(head + "  tenants.total: 20家\n")
        XCTAssertEqual(diagnostics.map(TestCatalogue.zh.line(for:)), ["report.yaml:4:18: 提示：「20家」读作 20"])
        XCTAssertEqual(diagnostics.map(TestCatalogue.en.line(for:)), ["report.yaml:4:18: note: '20家' read as 20"])
        XCTAssertEqual(load(head + "  park.level: 省级\n").map(TestCatalogue.zh.text(of:)), ["「省级」读作「provincial」"])
    }

    func testTheYAMLHintsInChinese() {
        XCTAssertEqual(load(head + "  a: 1\n  talent.forums：6\n  share: 40%\n").map(TestCatalogue.zh.line(for:)), [
            "report.yaml:5:16: 错误：第 5 行「talent.forums」后面用了全角冒号：YAML 需要半角冒号加一个空格（「talent.forums: 6」）",
        ])
        XCTAssertEqual(load(head + "  talent.forums：6\n").map(TestCatalogue.zh.text(of:)), [
            "「facts」应为事实的映射，而不是文字「talent.forums：6」：请把全角冒号改为半角冒号加一个空格（「talent.forums: 6」）",
        ])
        XCTAssertEqual(load(head + "  a: 1\n\tshare: 40%\n").map(TestCatalogue.zh.text(of:)), [
            "第 5 行以制表符缩进：请改用空格缩进（YAML 不允许以制表符缩进）",
        ])
        // "  name: 园区" in GBK (园 D4 B0, 区 C7 F8) on line 2.
        let gbk = Array("park:\n  name: ".utf8) + [0xD4, 0xB0, 0xC7, 0xF8] + Array("\nperiod: {from: 2025-01-01, to: 2025-12-31}\n".utf8)
        XCTAssertEqual(load(gbk).map(TestCatalogue.zh.text(of:)), [
            "文件不是 UTF-8 编码，看来是 GBK/GB18030（Excel 和记事本保存中文时可能如此）；请将文件另存为 UTF-8（第 2 行是第一处无法读取的地方）",
        ])
        let unknown = load(Array("park:\n  name: ".utf8) + [0xFF, 0x41] + Array("\n".utf8))
        XCTAssertEqual(unknown.map(TestCatalogue.zh.text(of:)), ["文件不是 UTF-8 编码（字节 0xff 无法按 UTF-8 读取）；请将文件另存为 UTF-8"])
        XCTAssertEqual(unknown.map(TestCatalogue.en.text(of:)), ["the file is not UTF-8 (the byte 0xff cannot be read as UTF-8); save the file as UTF-8"])
    }

    func testLibyamlsProblemsAreSaidInChinese() {
        // Line 4 is indented deeper than the mapping it belongs to: libyaml expects a key of the mapping begun at 1:1.
        let indented = load("park:\n  name: a\n bad: b\n")
        XCTAssertEqual(indented.map(TestCatalogue.zh.line(for:)), ["report.yaml:3:2: 错误：解析映射时未找到应有的键（缩进可能有误）（该处内容始于第 1 行第 1 列）"])
        XCTAssertEqual(indented.map(TestCatalogue.en.line(for:)), ["report.yaml:3:2: error: did not find expected key while parsing a block mapping (started at 1:1)"])
        XCTAssertEqual(load("a: b: c\n").map(TestCatalogue.zh.text(of:)), ["此处不允许出现冒号「: 」（映射的值）"])
        XCTAssertEqual(load("a: [1, 2\n").map(TestCatalogue.zh.text(of:)), ["解析方括号列表「[ ]」时此处应为「,」或「]」（该处内容始于第 1 行第 4 列）"])
        XCTAssertEqual(load("a: 1\na: 2\n").map(TestCatalogue.zh.text(of:)), ["键「a」重复（首次出现在第 1 行第 1 列）"])
        XCTAssertEqual(load("a: 1\na: 2\n").map(TestCatalogue.en.text(of:)), ["duplicate key 'a' (first at 1:1)"])
    }

    /// Every code a libyaml problem can have is worded in both languages, and a problem libyaml words in a way not
    /// known here falls back to `yaml.syntax`, which quotes libyaml's English.
    func testEveryLibyamlProblemIsInTheCatalogue() {
        XCTAssertGreaterThan(YAMLError.libyamlCodes.count, 100)
        for code in YAMLError.libyamlCodes + [YAMLError.unknownCode] {
            XCTAssertTrue(TestCatalogue.zh.has("diagnostics." + code), code)
            XCTAssertTrue(TestCatalogue.en.has("diagnostics." + code), code)
        }
        let unknown = Diagnostic.error(Message(YAMLError.unknownCode, "a problem from a newer libyaml"), at: nil)
        XCTAssertEqual(TestCatalogue.zh.text(of: unknown), "YAML 格式有误（libyaml 原文：a problem from a newer libyaml）")
    }

    func testAFileThatCannotBeReadIsSaidInChinese() throws {
        let folder = try Parkscore.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = folder.appendingPathComponent("self-report.yaml").path
        guard case .failure(let noFile) = SourceFile.read(missing) else { return XCTFail("read a missing file") }
        XCTAssertEqual(TestCatalogue.zh.text(of: noFile), "找不到文件「\(missing)」")
        XCTAssertEqual(TestCatalogue.en.text(of: noFile), "no such file '\(missing)'")
        guard case .failure(let isFolder) = SourceFile.read(folder.path) else { return XCTFail("read a folder") }
        XCTAssertEqual(TestCatalogue.zh.text(of: isFolder), "「\(folder.path)」是文件夹，不是文件")
        let empty = load("")
        XCTAssertEqual(empty.map(TestCatalogue.zh.line(for:)), ["report.yaml:1:1: 错误：文件是空的"])
    }
}
