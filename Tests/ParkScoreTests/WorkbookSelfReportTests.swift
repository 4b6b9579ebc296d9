import Foundation
import ParkScore
@testable import ParkScoreIO
import ParkScoreTestSupport
import XCTest

/// A self-report filled in as a workbook reads as its YAML twin: the same facts, the same score, every problem at its
/// cell; a hostile workbook is refused with a message in either language.
final class WorkbookSelfReportTests: XCTestCase {
    static let scorecardID = SampleWorkbooks.scorecardID

    static func xinghe() -> TestWorkbook { SampleWorkbooks.xinghe() }

    func testTheWorkbookScoresExactlyAsItsYAMLTwin() throws {
        let library = try XCTUnwrap(CriteriaLibrary.open(Repository.catalog).validValue)
        let pipeline = AssessmentPipeline(criteria: library)
        let yamlPath = Repository.path("Samples/beijing-xinghe/self-report.yaml")
        let yamlInput = try XCTUnwrap(ApplicationInput.read(report: yamlPath).value)
        let bookPath = Repository.path("Samples/beijing-xinghe/申报表.xlsx")
        let bytes = try Self.xinghe().bytes()
        let bookInput = ApplicationInput(selfReport: SourceFile(path: bookPath, bytes: bytes), evidence: EvidenceFolder(ofReport: bookPath))
        let yaml = pipeline.assess(yamlInput)
        let book = pipeline.assess(bookInput)
        // The same problems (warnings), said the same way; only the places differ (cells, not lines).
        XCTAssertEqual(book.diagnostics.filter { $0.severity != .note }.map(\.coded), yaml.diagnostics.filter { $0.severity != .note }.map(\.coded))
        let a = try XCTUnwrap(yaml.value), b = try XCTUnwrap(book.value, "\(book.diagnostics)")
        XCTAssertEqual(b.report.facts.mapValues(\.value), a.report.facts.mapValues(\.value))
        XCTAssertEqual(b.report.park.name, a.report.park.name)
        XCTAssertEqual(b.report.period, a.report.period)
        XCTAssertEqual(b.report.reportDate, a.report.reportDate)
        XCTAssertEqual(b.report.evidence.map(\.supports), a.report.evidence.map(\.supports))
        XCTAssertEqual(b.report.assessments[Self.scorecardID]?.ratings.mapValues(\.level), a.report.assessments[Self.scorecardID]?.ratings.mapValues(\.level))
        XCTAssertEqual(b.results.count, 1)
        let x = a.results[0].result, y = b.results[0].result
        XCTAssertEqual(y.verdict, x.verdict)
        XCTAssertEqual(y.total, x.total)
        XCTAssertEqual(y.grade.map { "\($0)" }, x.grade.map { "\($0)" })
        XCTAssertEqual(y.gates.map { "\($0.id) \($0.status)" }, x.gates.map { "\($0.id) \($0.status)" })
        XCTAssertEqual(y.criteria.map { "\($0.id) \($0.status) \($0.points)" }, x.criteria.map { "\($0.id) \($0.status) \($0.points)" })
        XCTAssertEqual(y.missingData.map(\.key), x.missingData.map(\.key))
        // The audit hashes the workbook's bytes, as they were given.
        XCTAssertEqual(b.reportFingerprint.sha256, SHA256Text.of(bytes))
        XCTAssertEqual(b.reportFingerprint.name, "self-report: 申报表.xlsx")
    }

    /// The same workbook opened and saved again by LibreOffice (which rewrites every part: shared strings for the
    /// inline ones, its own styles) still reads as the YAML twin.
    func testAWorkbookSavedByLibreOfficeReadsTheSame() throws {
        guard let soffice = ["/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/bin/libreoffice"].first(where: FileManager.default.isExecutableFile) else {
            throw XCTSkip("LibreOffice is not installed: apt-get install libreoffice-calc")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parkscore-lo-\(UUID().uuidString)")
        let out = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("book.xlsx")
        try Data(try Self.xinghe().bytes()).write(to: input)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: soffice)
        process.arguments = ["-env:UserInstallation=file://" + folder.appendingPathComponent("profile").path, "--headless",
                             "--convert-to", "xlsx:Calc Office Open XML", "--outdir", out.path, input.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let saved = out.appendingPathComponent("book.xlsx")
        guard FileManager.default.fileExists(atPath: saved.path) else { throw XCTSkip("LibreOffice did not convert the workbook here") }
        let bytes = Array(try Data(contentsOf: saved))
        XCTAssertNotEqual(bytes, try Self.xinghe().bytes(), "LibreOffice wrote its own parts")
        let dictionary = try Repository.dictionary()
        let book = SelfReportLoader.decodeFacts(SourceFile(path: "申报表.xlsx", bytes: bytes), dictionary: dictionary)
        let yaml = SelfReportLoader.decodeFacts(try XCTUnwrap(try? SourceFile.read(Repository.path("Samples/beijing-xinghe/self-report.yaml")).get()),
                                                dictionary: dictionary)
        XCTAssertEqual(book.diagnostics.filter { $0.severity != .note }, [])
        XCTAssertEqual(try XCTUnwrap(book.value).facts.mapValues(\.value), try XCTUnwrap(yaml.value).facts.mapValues(\.value))
        XCTAssertEqual(book.value?.period, yaml.value?.period)
        XCTAssertEqual(book.value?.reportDate, yaml.value?.reportDate)
        XCTAssertEqual(book.value?.evidence.map(\.sha256), yaml.value?.evidence.map(\.sha256))
    }

    /// 是 and 北京市 are the form's own drop-down words: read as their values without a note. 1级, typed where the form
    /// asks for a level, is a typical entry like any in YAML: read, and noted at its cell.
    func testTheTypicalEntriesInCellsAreNotedAtTheirCellsButTheFormsOwnWordsAreNot() throws {
        let dictionary = try Repository.dictionary()
        let loaded = SelfReportLoader.decodeFacts(SourceFile(path: "申报表.xlsx", bytes: try Self.xinghe().bytes()), dictionary: dictionary)
        XCTAssertEqual(loaded.diagnostics.filter { $0.severity != .note }, [])
        let notes = loaded.diagnostics.map { "\($0.location.map(\.description) ?? "-") \(TestCatalogue.en.text(of: $0))" }
        XCTAssertFalse(notes.contains { $0.hasPrefix("申报表.xlsx:事实!C3 ") }, "是, the form's word for true: \(notes)")
        XCTAssertFalse(notes.contains { $0.hasPrefix("申报表.xlsx:事实!C6 ") }, "北京市, the form's label of beijing: \(notes)")
        XCTAssertEqual(loaded.value?.facts["management.business_support_services"]?.value, .bool(true))
        XCTAssertEqual(loaded.value?.facts["park.province"]?.value, .text("beijing"))
        XCTAssertTrue(notes.contains { $0.hasPrefix("申报表.xlsx:自评!F4 ") }, "1级 read as 1: \(notes)")
        XCTAssertEqual(loaded.value?.facts["tenants.startups"]?.value, .number(Rational(12)))
    }

    func testConvertedYAMLIsWhatAPersonWouldHaveWritten() throws {
        let converted = try XCTUnwrap(WorkbookSelfReport.convert(SourceFile(path: "申报表.xlsx", bytes: try Self.xinghe().bytes()),
                                                                 dictionary: try Repository.dictionary()).validValue)
        let expected = """
        park:
          id: beijing-xinghe
          name: 星河数字广告产业园（虚构）
          name_en: Xinghe Digital Advertising Park (fictional)
          jurisdiction: 北京市朝阳区
          operator: 北京星河数字广告产业园运营管理有限公司（虚构）
        period:
          from: 2025-01-01
          to: 2025-12-31
        report_date: 2026-01-20
        applies_to:
          - beijing-digital-advertising-park
        notes:
        facts:
          management.independent_legal_person: true
          management.business_support_services: true
        """
        XCTAssertTrue(converted.yaml.hasPrefix(expected), converted.yaml)
        XCTAssertTrue(converted.yaml.contains("""
          tech.digital_technologies:
            - big_data
            - recommendation_algorithms
            - generative_ai
        """), converted.yaml)
        XCTAssertTrue(converted.yaml.contains("""
        self_assessment:
          beijing-digital-advertising-park:
            ratings:
              basic.positioning:
                level: 2
                note: 聚焦程序化广告与内容营销两个方向
        """), converted.yaml)
        XCTAssertFalse(converted.yaml.contains("not_applicable"), "a claim answered 否 is no claim")
        XCTAssertFalse(converted.yaml.contains("basic.services"), "a rating left blank is no rating")
        XCTAssertEqual(converted.cells[2]?.name, "封面!C2")
    }

    /// A problem in a cell is located at the cell, and the cell's text is shown instead of a caret line.
    func testAProblemIsLocatedAtItsCell() throws {
        let w = SampleWorkbooks.tenantsInWords()
        let file = SourceFile(path: "申报表.xlsx", bytes: try w.bytes())
        let loaded = SelfReportLoader.decodeFacts(file, dictionary: try Repository.dictionary())
        let errors = loaded.diagnostics.filter { $0.severity == .error }
        XCTAssertEqual(errors.count, 1, "\(loaded.diagnostics)")
        XCTAssertEqual(errors.first?.location?.description, "申报表.xlsx:事实!C12")
        XCTAssertEqual(errors.first?.location?.cell, CellPlace(name: "事实!C12", text: "四十五家"))
        let zh = DiagnosticRenderer(messages: TestCatalogue.zh).rendering(errors, sources: loaded.sources)
        XCTAssertTrue(zh.hasPrefix("申报表.xlsx:事实!C12: 错误："), zh)
        XCTAssertTrue(zh.hasSuffix("\n    单元格内容：四十五家\n"), zh)
        let en = DiagnosticRenderer(messages: TestCatalogue.en).rendering(errors, sources: loaded.sources)
        XCTAssertTrue(en.hasPrefix("申报表.xlsx:事实!C12: error: "), en)
        XCTAssertTrue(en.hasSuffix("\n    cell: 四十五家\n"), en)
    }

    /// A required entry left blank is refused at its own cell (not at the sheet, nor at a neighbouring row).
    func testABlankRequiredCellIsRefusedThere() throws {
        var w = TestWorkbook()
        typealias T = TestWorkbook
        w.sheet("Cover", T.row(1, T.inline("A1", "parkscore:cover"))
            + T.row(2, T.inline("A2", "park.id"), T.inline("C2", "xinghe"))
            + T.row(3, T.inline("A3", "park.name"))
            + T.row(4, T.inline("A4", "period.from"), T.inline("C4", "2025-01-01"))
            + T.row(5, T.inline("A5", "period.to"), T.inline("C5", "2025-12-31"))
            + T.row(6, T.inline("A6", "report_date")))
        w.sheet("Facts", T.row(1, T.inline("A1", "parkscore:facts")) + T.row(2, T.inline("A2", "tenants.total")))
        w.sheet("Evidence", T.row(1, T.inline("A1", "parkscore:evidence"))
            + T.row(2, T.inline("B2", "licence"), T.inline("D2", "evidence/licence.pdf")))
        let loaded = SelfReportLoader.decodeFacts(SourceFile(path: "report.xlsx", bytes: try w.bytes()), dictionary: try Repository.dictionary())
        XCTAssertEqual(loaded.diagnostics.filter { $0.severity == .error }.map { $0.location?.description ?? "-" },
                       ["report.xlsx:Cover!C3", "report.xlsx:Evidence!C2"], "\(loaded.diagnostics)")
        XCTAssertNil(loaded.value?.facts["tenants.total"], "a blank fact is not given")
        XCTAssertNil(loaded.value?.reportDate, "a blank optional entry is not given")
        let rendered = DiagnosticRenderer(messages: TestCatalogue.en).rendering(loaded.diagnostics.filter { $0.severity == .error }, sources: loaded.sources)
        XCTAssertTrue(rendered.contains("report.xlsx:Cover!C3: error: "), rendered)
        XCTAssertTrue(rendered.contains("\n    (the cell is blank)\n"), rendered)
    }

    func testAnErrorValueInACellIsRefusedThere() throws {
        var w = HostileWorkbooks.valid()
        w.sheets[0].rows += TestWorkbook.row(3, TestWorkbook.inline("A3", "tenants.total"), "<c r=\"C3\" t=\"e\"><v>#N/A</v></c>")
        let loaded = SelfReportLoader.decodeFacts(SourceFile(path: "申报表.xlsx", bytes: try w.bytes()), dictionary: try Repository.dictionary())
        let error = try XCTUnwrap(loaded.diagnostics.first { $0.severity == .error })
        XCTAssertEqual(error.location?.description, "申报表.xlsx:事实!C3")
        XCTAssertEqual(TestCatalogue.zh.text(of: error), "单元格是错误值「#N/A」，无法作为填报内容：请改正公式或直接填写数值")
        XCTAssertEqual(TestCatalogue.en.text(of: error), "the cell holds the error value '#N/A', which is not an entry: correct the formula or type the value")
    }

    /// Each hostile workbook, refused with one error naming the file, worded in both languages.
    func testEachRefusalIsWordedInBothLanguages() throws {
        let dictionary = try Repository.dictionary()
        let cases: [([UInt8], String, String)] = [
            (try HostileWorkbooks.manyEntries(), "「申报表.xlsx」内含的部件超过 1000 个，不像申报表，拒收",
             "'申报表.xlsx' holds more than 1000 parts, which no self-report has: refused"),
            (try HostileWorkbooks.ratioBomb(), "「申报表.xlsx」的部件「xl/worksheets/sheet1.xml」压缩比超过 200 倍，拒收（疑为压缩炸弹）",
             "the part 'xl/worksheets/sheet1.xml' of '申报表.xlsx' is compressed more than 200 times: refused (a zip bomb, by the look of it)"),
            (try HostileWorkbooks.lyingSize(actual: 1_000, declared: 3_000_000_000),
             "「申报表.xlsx」的部件「xl/worksheets/sheet1.xml」解压后超过 67108864 字节，拒收（疑为压缩炸弹）",
             "the part 'xl/worksheets/sheet1.xml' of '申报表.xlsx' inflates to more than 67108864 bytes: refused (a zip bomb, by the look of it)"),
            (try HostileWorkbooks.escaping(), "「申报表.xlsx」内含路径不安全的部件「../../evil.xml」（指向包外），拒收",
             "'申报表.xlsx' holds a part with an unsafe path '../../evil.xml' (it leads outside the package): refused"),
            (try HostileWorkbooks.entityExpansion(),
             "「申报表.xlsx」的部件「xl/workbook.xml」含文档类型声明（DOCTYPE 或 ENTITY），拒收：工作簿不需要它，它只会用于实体扩展攻击",
             "the part 'xl/workbook.xml' of '申报表.xlsx' has a document type declaration (DOCTYPE or ENTITY): refused, as a workbook never needs one and it only serves entity expansion attacks"),
            (try HostileWorkbooks.millionRows(), "「申报表.xlsx」的工作表「事实」超过 100000 行，拒收：申报表用不了这么多行",
             "the sheet '事实' of '申报表.xlsx' has more than 100000 rows, more than any self-report needs: refused"),
            (try HostileWorkbooks.megabyteCell(), "「申报表.xlsx」的部件「xl/worksheets/sheet1.xml」中有文字超过 32767 个字符（Excel 单元格的上限），拒收",
             "the part 'xl/worksheets/sheet1.xml' of '申报表.xlsx' has a text longer than 32767 characters (the limit of an Excel cell): refused"),
            (HostileWorkbooks.yaml, "「申报表.xlsx」不是 Excel 工作簿（XLSX 格式）：文件不是 ZIP 压缩包；若是 YAML 申报表，请把扩展名改为 .yaml",
             "'申报表.xlsx' is not an Excel workbook (.xlsx): the file is not a ZIP package; if it is a YAML self-report, name it .yaml"),
            (HostileWorkbooks.legacyExcel, "「申报表.xlsx」是旧版 Excel 文件（XLS 格式）或设了打开密码的工作簿，无法读取：请在 Excel 或 WPS 中另存为不加密的 XLSX 工作簿",
             "'申报表.xlsx' is an old Excel file (.xls) or a password-protected workbook and cannot be read: save it as an unencrypted .xlsx workbook in Excel or WPS"),
            (try HostileWorkbooks.truncated(), "「申报表.xlsx」已损坏或不完整，无法作为工作簿读取：请重新保存或重新上传",
             "'申报表.xlsx' is damaged or incomplete and cannot be read as a workbook: save or upload it again"),
        ]
        for (bytes, zh, en) in cases {
            let loaded = SelfReportLoader.decodeFacts(SourceFile(path: "申报表.xlsx", bytes: bytes), dictionary: dictionary)
            XCTAssertNil(loaded.value)
            XCTAssertEqual(loaded.diagnostics.count, 1)
            guard let d = loaded.diagnostics.first else { continue }
            XCTAssertEqual(TestCatalogue.zh.text(of: d), zh)
            XCTAssertEqual(TestCatalogue.en.text(of: d), en)
            XCTAssertEqual(d.location?.description, "申报表.xlsx")
            let rendered = DiagnosticRenderer(messages: TestCatalogue.zh).rendering([d], sources: [SourceFile(path: "申报表.xlsx", bytes: bytes)])
            XCTAssertEqual(rendered, "申报表.xlsx: 错误：" + zh + "\n")
        }
    }

    func testAWorkbookWithNoMarkedSheetIsNotASelfReport() throws {
        var w = TestWorkbook()
        w.sheet("Sheet1", TestWorkbook.row(1, TestWorkbook.inline("A1", "园区名称")))
        let loaded = SelfReportLoader.decodeFacts(SourceFile(path: "book.xlsx", bytes: try w.bytes()), dictionary: try Repository.dictionary())
        XCTAssertEqual(loaded.diagnostics.map { TestCatalogue.en.text(of: $0) },
                       ["'book.xlsx' has no self-report sheet (its A1 cell holds a marker such as 'parkscore:facts'): fill in a workbook made by the template"])
    }

    /// A records sheet: field names in the hidden row 1, titles in row 2, one firm a row from row 3 (a blank row
    /// skipped), read as the YAML list of records it stands for.
    func testARecordsSheetReadsAsItsYAMLTable() throws {
        let dictionary = try Repository.dictionary()
        var w = TestWorkbook()
        let date = w.style(14)
        typealias T = TestWorkbook
        w.sheet("企业明细", T.row(1, T.inline("A1", "parkscore:records:firms"), T.inline("B1", "name"), T.inline("C1", "arrival_date"),
                                T.inline("D1", "rent_paid"), T.inline("E1", "listing_stage"), T.inline("F1", "above_scale"))
            + T.row(2, T.inline("B2", "企业名称"), T.inline("C2", "落户日期"), T.inline("D2", "房租"), T.inline("E2", "上市进度"))
            // 2025-03-01 is serial 45658 + 31 + 28 = 45717.
            + T.row(3, T.inline("B3", "星潮传媒"), T.number("C3", "45717", style: date), T.number("D3", "120000.5"), T.inline("E3", "已辅导备案"),
                    T.boolean("F3", true))
            + T.row(4, "<c r=\"B4\" s=\"0\"/>")
            + T.row(5, T.inline("B5", "光年直播"), T.inline("C5", "2024-06-30"), T.inline("D5", "8万元")))
        let book = SelfReportLoader.decodeFacts(SourceFile(path: "申报表.xlsx", bytes: try w.bytes()), dictionary: dictionary)
        let twin = """
        park: {name: 星河}
        period: {from: 2025-01-01, to: 2025-12-31}
        facts:
          firms:
            - {name: 星潮传媒, arrival_date: 2025-03-01, rent_paid: 120000.5, listing_stage: tutoring, above_scale: true}
            - {name: 光年直播, arrival_date: 2024-06-30, rent_paid: 80000}
        """
        let yaml = SelfReportLoader.decodeFacts(SourceFile(path: "twin.yaml", bytes: Array(twin.utf8)), dictionary: dictionary)
        // No cover sheet here: the park and period are missing, and said so; the table itself has no problem.
        XCTAssertEqual(book.diagnostics.filter { $0.severity == .error && $0.path?.hasPrefix("facts") == true }, [])
        XCTAssertEqual(try XCTUnwrap(book.value?.facts["firms"]?.value), try XCTUnwrap(yaml.value?.facts["firms"]?.value))
        let notes = book.diagnostics.filter { $0.severity == .note }.map { $0.location?.description ?? "" }
        // 已辅导备案 is the drop-down's label of 'tutoring' (read quietly); 8万元 is a typical entry (noted).
        XCTAssertEqual(notes, ["申报表.xlsx:企业明细!D5"])
    }

    func testTextIsWrittenAsYAMLReadsIt() {
        XCTAssertEqual(WorkbookYAML.scalar("45"), "45")
        XCTAssertEqual(WorkbookYAML.scalar("星河: 园区"), "\"星河: 园区\"")
        XCTAssertEqual(WorkbookYAML.scalar("- a"), "\"- a\"")
        XCTAssertEqual(WorkbookYAML.scalar("null"), "\"null\"")
        XCTAssertEqual(WorkbookYAML.scalar("a\nb\"c"), "\"a\\nb\\\"c\"")
        XCTAssertEqual(WorkbookYAML.scalar(" x"), "\" x\"")
        XCTAssertEqual(WorkbookYAML.scalar("a #b"), "\"a #b\"")
    }
}
