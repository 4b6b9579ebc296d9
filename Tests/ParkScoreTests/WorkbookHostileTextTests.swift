import Foundation
import ParkOffice
import ParkScore
@testable import ParkScoreIO
import ParkScoreTestSupport
import XCTest

/// Cell text made to mislead: YAML syntax that would add facts, a path where an id or a file goes, terminal escapes
/// and bidirectional overrides that would forge output, and workbooks that say more than a YAML file may. Each cell
/// stays one value, reads as its YAML twin would, and is shown escaped.
final class WorkbookHostileTextTests: XCTestCase {
    typealias T = TestWorkbook

    static let hostile: [String] = [
        "星河\nfacts:\n  tenants.total: 999", "星河\n  tenants.total: 999", "&a 星河", "*a", "!!int 5", "!<tag:x> 星河", "{tenants.total: 999}",
        "[1, 2]", "tenants.total: 999", "- 星河", "# 星河", "星河 # 注释", "星河\u{2028}tenants.total: 999", "\u{FEFF}星河", "|\n  星河",
        ">", "'星河'", "\"星河\"", "%YAML 1.1", "@星河", "`星河", "? 星河", "---", "...", "~", "null", "Null", "<<", "=1+1",
        "星河:", "星河\t", "a\u{85}b", "\u{9B}2J星河", "\u{9D}8;;https://evil.example\u{9C}星河", "\u{202E}河星", "a\\nb", "true", "45",
    ]

    /// A cover sheet whose park name is `name`, with what else a report needs, and a facts sheet.
    static func workbook(name: String, facts: String = "") -> TestWorkbook {
        var w = TestWorkbook()
        w.sheet("封面", T.row(1, T.inline("A1", "parkscore:cover"))
            + T.row(2, T.inline("A2", "park.name"), T.inline("C2", name))
            + T.row(3, T.inline("A3", "period.from"), T.inline("C3", "2025-01-01"))
            + T.row(4, T.inline("A4", "period.to"), T.inline("C4", "2025-12-31")))
        w.sheet("事实", T.row(1, T.inline("A1", "parkscore:facts")) + facts)
        return w
    }

    /// Each hostile text stays one value — the park's name, exactly — and adds no fact; the YAML `convert` writes
    /// reads back to the same report.
    func testCellTextStaysOneValueAndRoundTrips() throws {
        let dictionary = try Repository.dictionary()
        for text in Self.hostile {
            let bytes = try Self.workbook(name: text).bytes()
            let book = SelfReportLoader.decodeFacts(SourceFile(path: "申报表.xlsx", bytes: bytes), dictionary: dictionary)
            let report = try XCTUnwrap(book.value, "\(text.debugDescription): \(book.diagnostics)")
            XCTAssertEqual(Array(report.park.name.unicodeScalars), Array(Self.expectedName(text).unicodeScalars), text.debugDescription)
            XCTAssertEqual(report.facts.count, 0, text.debugDescription)
            let converted = try XCTUnwrap(WorkbookSelfReport.convert(SourceFile(path: "申报表.xlsx", bytes: bytes), dictionary: dictionary).value)
            let again = SelfReportLoader.decodeFacts(SourceFile(path: "self-report.yaml", bytes: Array(converted.yaml.utf8)), dictionary: dictionary)
            XCTAssertEqual(again.value?.park.name, report.park.name, text.debugDescription)
            XCTAssertEqual(again.value?.facts.count, 0, text.debugDescription)
        }
    }

    /// The park's name as the YAML decoder keeps a quoted string: as written.
    static func expectedName(_ text: String) -> String { text }

    /// A fact key (column A) that is YAML is one unknown key, not the fact it spells.
    func testAKeyCellIsOneKey() throws {
        let dictionary = try Repository.dictionary()
        for key in ["tenants.total: 999", "tenants.total:\n  999", "{tenants.total: 999}", "<<", "&x tenants.total", "tenants.total #"] {
            let bytes = try Self.workbook(name: "星河", facts: T.row(2, T.inline("A2", key), T.inline("C2", "1"))).bytes()
            let book = SelfReportLoader.decodeFacts(SourceFile(path: "申报表.xlsx", bytes: bytes), dictionary: dictionary)
            XCTAssertNil(book.value?.facts["tenants.total"], key.debugDescription)
        }
    }

    /// A park id, an applies_to id, an evidence file that try a path: refused at their cells exactly as the same
    /// values in a YAML self-report are.
    func testPathsInCellsAreRefusedAsInYAML() throws {
        let dictionary = try Repository.dictionary()
        let scorecards = [try Repository.scorecard(SampleWorkbooks.scorecardID, dictionary: dictionary)]
        let cases: [(id: String, file: String)] = [
            ("../x", "../../etc/passwd"), ("/etc/passwd.yaml", "/etc/passwd"), ("a/b", "https://example.com/x.pdf"), ("..", "C:\\x.pdf"),
        ]
        for (id, file) in cases {
            var w = Self.workbook(name: "星河", facts: T.row(2, T.inline("A2", "tenants.total"), T.number("C2", "1")))
            w.sheets[0].rows += T.row(5, T.inline("A5", "park.id"), T.inline("C5", id)) + T.row(6, T.inline("A6", "applies_to"), T.inline("C6", id))
            w.sheet("证明材料", T.row(1, T.inline("A1", "parkscore:evidence"))
                + T.row(2, T.inline("B2", "licence"), T.inline("C2", "执照"), T.inline("D2", file), T.inline("F2", "tenants.total")))
            let book = SelfReportLoader.decode(SourceFile(path: "申报表.xlsx", bytes: try w.bytes()), dictionary: dictionary, scorecards: scorecards)
            let twin = """
            park:
              name: 星河
              id: \(WorkbookYAML.scalar(id))
            period: {from: 2025-01-01, to: 2025-12-31}
            applies_to: [\(WorkbookYAML.scalar(id))]
            facts: {tenants.total: 1}
            evidence:
              - {id: licence, title: 执照, file: \(WorkbookYAML.scalar(file)), supports: [tenants.total]}
            """
            let yaml = SelfReportLoader.decode(SourceFile(path: "twin.yaml", bytes: Array(twin.utf8)), dictionary: dictionary, scorecards: scorecards)
            let bookErrors = book.diagnostics.filter { $0.severity == .error }.map(\.coded)
            XCTAssertFalse(bookErrors.isEmpty, "\(id) \(file)")
            XCTAssertEqual(bookErrors, yaml.diagnostics.filter { $0.severity == .error }.map(\.coded), "\(id) \(file)")
        }
    }

    /// Escape sequences, a bell, an OSC 8 link and a bidi override in a sheet's name and in a cell reach the terminal
    /// escaped, in the location, the message and the cell's snippet.
    func testTerminalEscapesInNamesAndCellsAreShownEscaped() throws {
        // XML 1.0 cannot hold ESC or BEL (the test writer puts U+FFFD for them, and a parser refuses `&#27;`); it holds
        // the 8-bit forms, CSI U+009B and OSC U+009D, which some terminals obey.
        let nasty = "\u{9B}2J\u{9D}8;;https://evil.example\u{9C}点我\u{9D}8;;\u{9C}\u{202E}\u{2066}"
        var w = TestWorkbook()
        w.sheet("事实" + nasty, T.row(1, T.inline("A1", "parkscore:facts"))
            + T.row(2, T.inline("A2", "tenants.total"), T.inline("C2", "四十五" + nasty))
            + T.row(3, T.inline("A3", "tenants.total"), T.inline("C3", "1"))
            + T.row(4, T.inline("A4", "x" + nasty), T.inline("C4", "1")))
        w.sheet("x" + nasty, T.row(1, T.inline("A1", "parkscore:what" + nasty)))
        let file = SourceFile(path: "申报表.xlsx", bytes: try w.bytes())
        let loaded = SelfReportLoader.decodeFacts(file, dictionary: try Repository.dictionary())
        XCTAssertGreaterThanOrEqual(loaded.diagnostics.count, 2)
        for messages in [TestCatalogue.zh, TestCatalogue.en] {
            let rendered = DiagnosticRenderer(messages: messages).rendering(loaded.diagnostics, sources: [file])
            XCTAssertFalse(rendered.unicodeScalars.contains { (0x80...0x9F).contains($0.value) || $0.value == 0x202E || $0.value == 0x2066 }, rendered)
            XCTAssertTrue(rendered.contains("\\u{9B}2J"), rendered)
        }
    }

    /// A workbook that would make more YAML than a YAML self-report may hold (600 cells of 32,767 characters is some
    /// 19.7 MB, over 16 MiB) is refused once the limit is reached, in both languages.
    func testMoreTextThanAYAMLFileMayHoldIsRefused() throws {
        var w = Self.workbook(name: "星河")
        let big = w.shared(String(repeating: "长", count: 32_767 / 3) + String(repeating: "a", count: 32_767 - 32_767 / 3))
        var rows = ""
        for r in 2...601 { rows += "<row r=\"\(r)\"><c r=\"A\(r)\" t=\"inlineStr\"><is><t>k\(r)</t></is></c><c r=\"C\(r)\" t=\"s\"><v>\(big)</v></c></row>" }
        w.sheets[1].rows += rows
        let loaded = SelfReportLoader.decodeFacts(SourceFile(path: "申报表.xlsx", bytes: try w.bytes()), dictionary: try Repository.dictionary())
        XCTAssertNil(loaded.value)
        XCTAssertEqual(loaded.diagnostics.count, 1)
        let d = try XCTUnwrap(loaded.diagnostics.first)
        XCTAssertEqual(TestCatalogue.zh.text(of: d), "「申报表.xlsx」转换成的 YAML 申报表会超过 16777216 字节（YAML 申报表的上限），拒收：申报表用不了这么多文字")
        XCTAssertEqual(TestCatalogue.en.text(of: d),
                       "'申报表.xlsx' would make a YAML self-report of more than 16777216 bytes (the limit of a YAML self-report): refused, as no self-report needs that much text")
    }

    /// One shared string of 32,767 spaces in 3,000 cells: blank each, so little YAML, but 98 MB of text to read (a
    /// million such cells would be 32 GB). Refused once 64 MiB of cell text has been read.
    func testTextSharedByManyCellsIsBoundedAsItIsRead() throws {
        var w = Self.workbook(name: "星河")
        let blank = w.shared(String(repeating: " ", count: 32_767))
        var rows = ""
        for r in 2...3_001 { rows += "<row r=\"\(r)\"><c r=\"A\(r)\" t=\"inlineStr\"><is><t>k\(r)</t></is></c><c r=\"C\(r)\" t=\"s\"><v>\(blank)</v></c></row>" }
        w.sheets[1].rows += rows
        let loaded = SelfReportLoader.decodeFacts(SourceFile(path: "申报表.xlsx", bytes: try w.bytes()), dictionary: try Repository.dictionary())
        XCTAssertNil(loaded.value)
        let d = try XCTUnwrap(loaded.diagnostics.first)
        XCTAssertEqual(loaded.diagnostics.count, 1)
        XCTAssertEqual(TestCatalogue.zh.text(of: d), "「申报表.xlsx」各单元格的文字合计超过 67108864 字节，拒收：申报表用不了这么多文字")
        XCTAssertEqual(TestCatalogue.en.text(of: d), "the cells of '申报表.xlsx' hold more than 67108864 bytes of text in all: refused, as no self-report needs that much text")
    }

    /// Five thousand rows of one key: the writer stops at a thousand errors (the renderer shows 200), not one a row.
    func testErrorsStopAtAThousand() throws {
        var rows = ""
        for r in 2...5_001 { rows += "<row r=\"\(r)\"><c r=\"A\(r)\" t=\"inlineStr\"><is><t>tenants.total</t></is></c></row>" }
        let loaded = SelfReportLoader.decodeFacts(SourceFile(path: "申报表.xlsx", bytes: try Self.workbook(name: "星河", facts: rows).bytes()),
                                                  dictionary: try Repository.dictionary())
        XCTAssertNil(loaded.value)
        XCTAssertEqual(loaded.diagnostics.count, 1_000)
    }

    /// 16,384 field names and a cell in the last row: the records sheet is read by its cells, not by every row and
    /// column between them (some 17 billion lookups before).
    func testASparseRecordsSheetIsReadByItsCells() throws {
        var w = TestWorkbook()
        var header = T.inline("A1", "parkscore:records:firms")
        for c in 2...CellReference.maxColumn { header += "<c r=\"\(CellReference.letters(c))1\" t=\"inlineStr\"><is><t>f\(c)</t></is></c>" }
        w.sheet("企业", "<row r=\"1\">" + header + "</row>" + T.row(3, T.inline("B3", "星潮传媒"))
            + T.row(CellReference.maxRow, T.inline("C\(CellReference.maxRow)", "x")))
        let converted = WorkbookSelfReport.convert(SourceFile(path: "申报表.xlsx", bytes: try w.bytes()), dictionary: try Repository.dictionary())
        let yaml = try XCTUnwrap(converted.value?.yaml)
        XCTAssertTrue(yaml.contains("    - f2: 星潮传媒\n    - f3: x\n"), yaml)
    }

    /// Ten thousand firms of eight fields each read as a YAML table of ten thousand records.
    func testTenThousandRecordsRead() throws {
        var w = TestWorkbook()
        let fields = ["name", "arrival_date", "rent_paid", "listing_stage", "above_scale", "x1", "x2", "x3"]
        var rows = T.row(1, T.inline("A1", "parkscore:records:firms"))
        rows = "<row r=\"1\">" + T.inline("A1", "parkscore:records:firms")
            + fields.enumerated().map { T.inline(CellReference.letters($0.offset + 2) + "1", $0.element) }.joined() + "</row>"
        for r in 3...10_002 {
            rows += "<row r=\"\(r)\">" + T.inline("B\(r)", "企业\(r)") + T.inline("C\(r)", "2025-03-01") + T.number("D\(r)", "\(r)")
                + T.inline("E\(r)", "none") + T.boolean("F\(r)", true) + T.number("G\(r)", "1") + T.number("H\(r)", "2") + T.number("I\(r)", "3") + "</row>"
        }
        w.sheet("企业", rows)
        let converted = WorkbookSelfReport.convert(SourceFile(path: "申报表.xlsx", bytes: try w.bytes()), dictionary: try Repository.dictionary())
        let value = try XCTUnwrap(converted.value)
        // facts:, firms:, and 8 lines per record.
        XCTAssertEqual(value.yaml.split(separator: "\n").count, 2 + 8 * 10_000)
    }

    func testTwoCoverSheetsAreRefusedAtTheSecond() throws {
        var w = Self.workbook(name: "星河")
        w.sheet("封面2", T.row(1, T.inline("A1", "parkscore:cover")) + T.row(2, T.inline("A2", "park.name"), T.inline("C2", "别的园区")))
        let loaded = SelfReportLoader.decodeFacts(SourceFile(path: "申报表.xlsx", bytes: try w.bytes()), dictionary: try Repository.dictionary())
        let errors = loaded.diagnostics.filter { $0.severity == .error }
        XCTAssertEqual(errors.map { $0.location?.description ?? "-" }, ["申报表.xlsx:封面2!A1"])
        XCTAssertEqual(errors.map { TestCatalogue.zh.text(of: $0) }, ["标记「parkscore:cover」已见于工作表「封面」：一份申报表只能有一张封面，请删去多余的一张"])
        XCTAssertEqual(errors.map { TestCatalogue.en.text(of: $0) },
                       ["the marker 'parkscore:cover' is already on the sheet '封面': a self-report has one cover sheet; delete the extra one"])
    }

    /// A cover key naming a section (`facts`, `park`, …) would write that section twice: refused at the key's cell,
    /// not as a duplicate key at a line of a YAML no one sees.
    func testACoverKeyThatIsASectionIsRefusedAtItsCell() throws {
        for key in ["facts", "park", "period", "self_assessment", "evidence"] {
            var w = Self.workbook(name: "星河", facts: T.row(2, T.inline("A2", "tenants.total"), T.number("C2", "1")))
            w.sheets[0].rows += T.row(9, T.inline("A9", key), T.inline("C9", "x"))
            let loaded = SelfReportLoader.decodeFacts(SourceFile(path: "申报表.xlsx", bytes: try w.bytes()), dictionary: try Repository.dictionary())
            let errors = loaded.diagnostics.filter { $0.severity == .error }
            XCTAssertEqual(errors.map { $0.location?.description ?? "-" }, ["申报表.xlsx:封面!A9"], key)
            if key == "facts" {
                XCTAssertEqual(errors.map { TestCatalogue.zh.text(of: $0) }, ["封面的键「facts」是申报表的一节，由它自己的工作表填写，不能作为封面的一行：请用模板生成的封面"])
                XCTAssertEqual(errors.map { TestCatalogue.en.text(of: $0) },
                               ["the cover's key 'facts' is a section of the self-report, filled in on its own sheet, not a row of the cover: use the cover the template made"])
            }
        }
    }

    /// A records sheet naming a field twice: refused at the second name, not as a duplicate key in every record.
    func testARecordFieldNamedTwiceIsRefusedAtItsCell() throws {
        var w = Self.workbook(name: "星河")
        w.sheet("企业", T.row(1, T.inline("A1", "parkscore:records:firms"), T.inline("B1", "name"), T.inline("C1", "rent_paid"), T.inline("D1", " name"))
            + T.row(3, T.inline("B3", "星潮传媒"), T.number("C3", "1"), T.inline("D3", "别的名字")))
        let loaded = SelfReportLoader.decodeFacts(SourceFile(path: "申报表.xlsx", bytes: try w.bytes()), dictionary: try Repository.dictionary())
        XCTAssertEqual(loaded.diagnostics.filter { $0.severity == .error }.map { $0.location?.description ?? "-" }, ["申报表.xlsx:企业!D1"])
    }

    /// A key of 2,000 characters would be a YAML syntax error (libyaml takes keys of 1,024 at most) at a line no one
    /// sees: refused at its cell, wherever a key is read — a fact key, a marker's id, a field name, a criterion id.
    func testAKeyLongerThanAnyKeyIsRefusedAtItsCell() throws {
        let long = String(repeating: "k", count: 2_000)
        var w = Self.workbook(name: "星河", facts: T.row(2, T.inline("A2", long), T.number("C2", "5")))
        w.sheet("企业", T.row(1, T.inline("A1", "parkscore:records:firms"), T.inline("B1", long)) + T.row(3, T.inline("B3", "a")))
        w.sheet("自评", T.row(1, T.inline("A1", "parkscore:ratings:" + long)) + T.row(2, T.inline("A2", "x"), T.number("F2", "1")))
        w.sheet("自评2", T.row(1, T.inline("A1", "parkscore:ratings:beijing-digital-advertising-park"))
            + T.row(2, T.inline("A2", long), T.number("F2", "1")))
        let loaded = SelfReportLoader.decodeFacts(SourceFile(path: "申报表.xlsx", bytes: try w.bytes()), dictionary: try Repository.dictionary())
        let errors = loaded.diagnostics.filter { $0.severity == .error }
        XCTAssertEqual(Set(errors.map { $0.location?.description ?? "-" }),
                       ["申报表.xlsx:事实!A2", "申报表.xlsx:企业!B1", "申报表.xlsx:自评!A1", "申报表.xlsx:自评2!A2"], "\(errors)")
        let first = try XCTUnwrap(errors.first { $0.location?.description == "申报表.xlsx:事实!A2" })
        let k40 = String(repeating: "k", count: 40)
        XCTAssertEqual(TestCatalogue.zh.text(of: first), "键「\(k40)…」超过 256 个字符，不是申报表的任何一项：请用模板生成的申报表")
        XCTAssertEqual(TestCatalogue.en.text(of: first), "the key '\(k40)...' is longer than 256 characters, which no entry of a self-report is: use a workbook made by the template")
    }

    /// A facts sheet hidden (or very hidden) behind the visible one, giving a fact the visible one leaves blank: it
    /// would be scored though no one who opens the workbook sees it. Refused at its A1; a hidden sheet without a
    /// marker (the template's own drop-down lists) is no matter.
    func testAHiddenMarkedSheetIsRefused() throws {
        for veryHidden in [false, true] {
            var w = Self.workbook(name: "星河", facts: T.row(2, T.inline("A2", "tenants.total")))
            w.sheet("隐藏", T.row(1, T.inline("A1", "parkscore:facts")) + T.row(2, T.inline("A2", "tenants.advertising_related"), T.number("C2", "19")))
            w.sheet("列表", T.row(1, T.inline("A1", "是")))
            if veryHidden { w.veryHiddenSheets = [2, 3] } else { w.hiddenSheets = [2, 3] }
            let loaded = SelfReportLoader.decodeFacts(SourceFile(path: "申报表.xlsx", bytes: try w.bytes()), dictionary: try Repository.dictionary())
            let errors = loaded.diagnostics.filter { $0.severity == .error }
            XCTAssertEqual(errors.map { $0.location?.description ?? "-" }, ["申报表.xlsx:隐藏!A1"])
            XCTAssertEqual(errors.map { TestCatalogue.zh.text(of: $0) }, ["工作表「隐藏」带有申报表的标记却被隐藏，打开工作簿的人看不到它，已拒收：请取消隐藏后核对，或删除此表"])
            XCTAssertEqual(errors.map { TestCatalogue.en.text(of: $0) },
                           ["the sheet '隐藏' carries a self-report marker but is hidden, so whoever opens the workbook does not see it: refused; unhide it and check it, or delete it"])
        }
    }

    /// The same fact in the facts sheet twice, and as a records sheet too: refused at the second.
    func testTheSameFactTwiceIsRefused() throws {
        var w = Self.workbook(name: "星河", facts: T.row(2, T.inline("A2", "firms"), T.inline("C2", "x")) + T.row(3, T.inline("A3", "tenants.total"), T.number("C3", "1"))
            + T.row(4, T.inline("A4", "tenants.total"), T.number("C4", "999")))
        w.sheet("企业", T.row(1, T.inline("A1", "parkscore:records:firms"), T.inline("B1", "name")) + T.row(3, T.inline("B3", "a")))
        let loaded = SelfReportLoader.decodeFacts(SourceFile(path: "申报表.xlsx", bytes: try w.bytes()), dictionary: try Repository.dictionary())
        XCTAssertEqual(loaded.diagnostics.filter { $0.severity == .error }.map { $0.location?.description ?? "-" },
                       ["申报表.xlsx:事实!A4", "申报表.xlsx:企业!A1"])
    }

    /// Date serials no calendar has, and numbers stored as cells never are: refused at their cell, never read as a date.
    func testDatesAndNumbersAtTheEdgesAreRefusedAtTheirCell() throws {
        let dictionary = try Repository.dictionary()
        for serial in ["-1", "0", "60", "2958466"] {
            var w = TestWorkbook()
            let date = w.style(14)
            w.sheet("封面", T.row(1, T.inline("A1", "parkscore:cover")) + T.row(2, T.inline("A2", "park.name"), T.inline("C2", "星河"))
                + T.row(3, T.inline("A3", "period.from"), T.number("C3", serial, style: date))
                + T.row(4, T.inline("A4", "period.to"), T.inline("C4", "2025-12-31")))
            w.sheet("事实", T.row(1, T.inline("A1", "parkscore:facts")) + T.row(2, T.inline("A2", "tenants.total"), T.number("C2", "1")))
            let loaded = SelfReportLoader.decodeFacts(SourceFile(path: "申报表.xlsx", bytes: try w.bytes()), dictionary: dictionary)
            XCTAssertEqual(loaded.diagnostics.filter { $0.severity == .error }.map { $0.location?.description ?? "-" }, ["申报表.xlsx:封面!C3"], serial)
        }
        let bad = try HostileWorkbooks.factsRow(T.inline("A2", "tenants.total") + T.number("C2", "0x10"))
        let loaded = SelfReportLoader.decodeFacts(SourceFile(path: "申报表.xlsx", bytes: bad), dictionary: dictionary)
        let d = try XCTUnwrap(loaded.diagnostics.first)
        XCTAssertEqual(TestCatalogue.zh.text(of: d),
                       "「申报表.xlsx」的工作表「事实」中单元格 C2 存的值「0x10」无效（不是十进制数、逻辑值 0 或 1、或共享字符串表中的序号），拒收：请在 Excel 或 WPS 中重新保存")
        XCTAssertEqual(TestCatalogue.en.text(of: d),
                       "the cell C2 of the sheet '事实' of '申报表.xlsx' stores '0x10', which is none of a decimal number, a logical 0 or 1, or an index into the shared strings: refused; save the workbook again in Excel or WPS")
    }

    /// openpyxl saves `=10+9` with no result: Excel shows 19, the file holds none. Refused at the cell, not read as a
    /// fact not given; a formula with its saved result reads as that result.
    func testAFormulaWithoutItsResultIsRefusedAtItsCell() throws {
        let bytes = try HostileWorkbooks.factsRow(T.inline("A2", "tenants.total") + "<c r=\"C2\"><f>10+9</f></c>")
        let loaded = SelfReportLoader.decodeFacts(SourceFile(path: "申报表.xlsx", bytes: bytes), dictionary: try Repository.dictionary())
        XCTAssertNil(loaded.value)
        let d = try XCTUnwrap(loaded.diagnostics.first)
        XCTAssertEqual(loaded.diagnostics.count, 1)
        XCTAssertEqual(d.location?.description, "申报表.xlsx:事实!C2")
        XCTAssertEqual(d.location?.cell?.text, "=10+9")
        XCTAssertEqual(TestCatalogue.zh.text(of: d), "单元格是公式「=10+9」，但工作簿没有保存它的计算结果，无法得知它显示的值：请在 Excel 或 WPS 中打开后保存，或直接填写数值")
        XCTAssertEqual(TestCatalogue.en.text(of: d),
                       "the cell holds the formula '=10+9' but the workbook has no saved result for it, so what it shows is not known: open and save the workbook in Excel or WPS, or type the value")
        // openpyxl's own form: an empty `<v></v>` after the formula.
        let openpyxl = try HostileWorkbooks.factsRow(T.inline("A2", "tenants.total") + "<c r=\"C2\"><f>10+9</f><v></v></c>")
        let fromOpenpyxl = SelfReportLoader.decodeFacts(SourceFile(path: "申报表.xlsx", bytes: openpyxl), dictionary: try Repository.dictionary())
        XCTAssertEqual(fromOpenpyxl.diagnostics.map { $0.location?.description ?? "-" }, ["申报表.xlsx:事实!C2"])
        let saved = try HostileWorkbooks.factsRow(T.inline("A2", "tenants.total") + "<c r=\"C2\"><f>10+9</f><v>19</v></c>")
        let read = SelfReportLoader.decodeFacts(SourceFile(path: "申报表.xlsx", bytes: saved), dictionary: try Repository.dictionary())
        XCTAssertEqual(read.value?.facts["tenants.total"]?.value, .number(Rational(19)))
    }

    /// `convert` names the workbook in a YAML comment: a name with a line break (of any kind YAML knows) cannot end
    /// the comment and add a line.
    func testAFileNameCannotLeaveTheComment() {
        for name in ["a\nfacts:\n  tenants.total: 999\n#.xlsx", "a\rb", "a\u{85}b", "a\u{2028}b", "a\u{2029}b", "a\u{202E}b"] {
            let comment = WorkbookSelfReport.comment(name)
            XCTAssertFalse(comment.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || [0x2028, 0x2029, 0x202E].contains($0.value) },
                           comment)
        }
        XCTAssertEqual(WorkbookSelfReport.comment("申报表 (1).xlsx"), "申报表 (1).xlsx")
        XCTAssertEqual(WorkbookSelfReport.comment("a\nb"), "a\\u{A}b")
    }

    func testTheNewRefusalsAreWordedInBothLanguages() throws {
        let dictionary = try Repository.dictionary()
        let cases: [([UInt8], String, String)] = [
            (try HostileWorkbooks.factsRow(T.number("C2", "1") + T.number("C2", "2")),
             "「申报表.xlsx」的工作表「事实」中单元格 C2 出现两次，无法确定它显示的是哪一个值，拒收：请在 Excel 或 WPS 中重新保存",
             "the cell C2 of the sheet '事实' of '申报表.xlsx' is given twice, so which value it shows is not defined: refused; save the workbook again in Excel or WPS"),
            (try { var w = HostileWorkbooks.valid(); w.sheets[0].name = String(repeating: "表", count: 300); return try w.bytes() }(),
             "「申报表.xlsx」中有工作表的名称超过 255 个字符，拒收：Excel 的工作表名称最多 31 个字符",
             "'申报表.xlsx' has a sheet whose name is longer than 255 characters: refused; Excel's sheet names have at most 31"),
            (try { var w = HostileWorkbooks.valid(); w.sheet("事实", ""); return try w.bytes() }(),
             "「申报表.xlsx」中有两张工作表都叫「事实」（不分大小写），拒收：单元格位置无法指明是哪一张",
             "'申报表.xlsx' has two sheets named '事实' (ignoring case): refused, as a cell's place could not say which"),
            (try HostileWorkbooks.sheetsSharingAPart(2), "「申报表.xlsx」的工作表「S1」与另一张工作表指向同一部件，拒收：请在 Excel 或 WPS 中重新保存",
             "the sheet 'S1' of '申报表.xlsx' is the same part as another sheet: refused; save the workbook again in Excel or WPS"),
        ]
        for (bytes, zh, en) in cases {
            let loaded = SelfReportLoader.decodeFacts(SourceFile(path: "申报表.xlsx", bytes: bytes), dictionary: dictionary)
            XCTAssertNil(loaded.value)
            let d = try XCTUnwrap(loaded.diagnostics.first)
            XCTAssertEqual(loaded.diagnostics.count, 1)
            XCTAssertEqual(TestCatalogue.zh.text(of: d), zh)
            XCTAssertEqual(TestCatalogue.en.text(of: d), en)
        }
    }
}
