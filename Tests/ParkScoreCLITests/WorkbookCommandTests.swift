import Foundation
import ParkOffice
import ParkScoreIO
import ParkScoreTestSupport
import XCTest

/// The commands take a self-report workbook (申报表.xlsx) wherever they take a YAML self-report, with the same results.
final class WorkbookCommandTests: XCTestCase {
    /// A copy of Samples/beijing-xinghe with its self-report as a workbook beside (or instead of) the YAML.
    func application(yaml: Bool, name: String = "申报表.xlsx") throws -> URL {
        let folder = try Parkscore.temporaryFolder().appendingPathComponent("xinghe")
        try FileManager.default.copyItem(at: Parkscore.repository.appendingPathComponent("Samples/beijing-xinghe"), to: folder)
        try? FileManager.default.removeItem(at: folder.appendingPathComponent("reviews"))
        if !yaml { try FileManager.default.removeItem(at: folder.appendingPathComponent("self-report.yaml")) }
        try Data(try SampleWorkbooks.xinghe().bytes()).write(to: folder.appendingPathComponent(name))
        return folder
    }

    func testScoreGivesTheSameResultForTheWorkbookAndTheYAML() throws {
        let folder = try application(yaml: true)
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let yaml = try Parkscore.run(["score", folder.appendingPathComponent("self-report.yaml").path, "--lang", "zh"])
        let book = try Parkscore.run(["score", folder.appendingPathComponent("申报表.xlsx").path, "--lang", "zh"])
        XCTAssertEqual(yaml.status, 0, yaml.stderr)
        XCTAssertEqual(book.status, 0, book.stderr)
        XCTAssertEqual(book.stdout, yaml.stdout)
        // A note on a typical entry (1级 for a level) names its cell; the form's own words (是, 北京市) need none.
        XCTAssertTrue(book.stderr.contains("申报表.xlsx:自评!F4: 提示："), book.stderr)
        XCTAssertFalse(book.stderr.contains("事实!C3"), book.stderr)
    }

    func testDossierIsTheSameSaveTheInputItNames() throws {
        let folder = try application(yaml: true)
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let yaml = try Parkscore.run(["dossier", folder.appendingPathComponent("self-report.yaml").path, "--format", "md", "--lang", "zh"])
        let book = try Parkscore.run(["dossier", folder.appendingPathComponent("申报表.xlsx").path, "--format", "md", "--lang", "zh"])
        XCTAssertEqual(yaml.status, 0, yaml.stderr)
        XCTAssertEqual(book.status, 0, book.stderr)
        // The audit names the workbook and hashes its bytes; every other line is the YAML's.
        let sha = SHA256Text.of(Array(try Data(contentsOf: folder.appendingPathComponent("申报表.xlsx"))))
        XCTAssertTrue(book.stdout.contains("申报表.xlsx"), book.stdout)
        XCTAssertTrue(book.stdout.contains(sha))
        let differing = zip(book.stdout.split(separator: "\n"), yaml.stdout.split(separator: "\n")).filter { $0 != $1 }
        XCTAssertEqual(differing.count, 1, "\(differing)")
        XCTAssertEqual(book.stdout.split(separator: "\n").count, yaml.stdout.split(separator: "\n").count)
    }

    func testValidateAcceptsTheWorkbookAndAnyNameEndingInXlsxOrNone() throws {
        let folder = try application(yaml: false, name: "report")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        // Found by its ZIP magic, whatever its name.
        let run = try Parkscore.run(["validate", folder.appendingPathComponent("report").path])
        XCTAssertEqual(run.status, 0, run.stderr)
    }

    func testAnApplicationFolderMayHoldTheWorkbookInstead() throws {
        try anApplicationFolderMayHold("self-report.xlsx")
        // The name the template's help and the README give the form.
        try anApplicationFolderMayHold("申报表.xlsx")
    }

    func anApplicationFolderMayHold(_ name: String) throws {
        let folder = try application(yaml: false, name: name)
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let run = try Parkscore.run(["validate", folder.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        let out = folder.deletingLastPathComponent().appendingPathComponent("out")
        let batch = try Parkscore.run(["batch", folder.deletingLastPathComponent().path, "--no-dossiers", "-o", out.path])
        XCTAssertEqual(batch.status, 0, batch.stdout + batch.stderr)
        let csv = try String(contentsOf: out.appendingPathComponent("beijing-digital-advertising-park/ranking.csv"), encoding: .utf8)
        XCTAssertTrue(csv.contains("beijing-xinghe"), csv)
    }

    func testAProblemIsShownAtItsCell() throws {
        let w = SampleWorkbooks.tenantsInWords()
        let folder = try Parkscore.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("申报表.xlsx")
        try Data(try w.bytes()).write(to: path)
        let run = try Parkscore.run(["validate", path.path, "--scorecard", "beijing-digital-advertising-park", "--lang", "zh"], in: folder)
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stderr.contains(path.path + ":事实!C12: 错误："), run.stderr)
        XCTAssertTrue(run.stderr.contains("\n    单元格内容：四十五家\n"), run.stderr)
    }

    func testAHostileWorkbookIsRefusedWithItsMessage() throws {
        let folder = try Parkscore.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bomb = folder.appendingPathComponent("bomb.xlsx")
        try Data(try HostileWorkbooks.ratioBomb()).write(to: bomb)
        let run = try Parkscore.run(["score", bomb.path, "--scorecard", "beijing-digital-advertising-park"])
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.stderr, bomb.path + ": error: the part 'xl/worksheets/sheet1.xml' of '" + bomb.path
                       + "' is compressed more than 200 times: refused (a zip bomb, by the look of it)\n")
        let yaml = folder.appendingPathComponent("申报表.xlsx")
        try Data(HostileWorkbooks.yaml).write(to: yaml)
        let zh = try Parkscore.run(["validate", yaml.path, "--lang", "zh"])
        XCTAssertEqual(zh.status, 1)
        XCTAssertTrue(zh.stderr.contains("不是 Excel 工作簿（XLSX 格式）：文件不是 ZIP 压缩包"), zh.stderr)
    }

    func testConvertWritesTheYAMLThatScoresTheSame() throws {
        let folder = try application(yaml: true)
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let converted = folder.appendingPathComponent("converted.yaml")
        let run = try Parkscore.run(["convert", folder.appendingPathComponent("申报表.xlsx").path, "-o", converted.path, "--lang", "zh"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let text = try String(contentsOf: converted, encoding: .utf8)
        XCTAssertTrue(text.hasPrefix("# 由工作簿「申报表.xlsx」转换而来；空单元格即未填写。\npark:\n  id: beijing-xinghe\n"), text)
        let a = try Parkscore.run(["score", converted.path, "--lang", "zh"])
        let b = try Parkscore.run(["score", folder.appendingPathComponent("self-report.yaml").path, "--lang", "zh"])
        XCTAssertEqual(a.status, 0, a.stderr)
        XCTAssertEqual(a.stdout, b.stdout)
        // Written exclusively: an existing file is kept without --force.
        let again = try Parkscore.run(["convert", folder.appendingPathComponent("申报表.xlsx").path, "-o", converted.path])
        XCTAssertEqual(again.status, 1)
        // No -o, or -o -, prints.
        let printed = try Parkscore.run(["convert", folder.appendingPathComponent("申报表.xlsx").path, "-o", "-", "--lang", "zh"])
        XCTAssertEqual(printed.stdout, text)
    }

    /// LibreOffice's own format is a ZIP too: it is named, with what to do, rather than called a damaged workbook.
    func testAnODSFileIsToldToBeSavedAsXLSX() throws {
        var ods = PackageWriter()
        ods.add("mimetype", "application/vnd.oasis.opendocument.spreadsheet", stored: true)
        ods.add("content.xml", "<office:document-content/>")
        let folder = try Parkscore.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("申报表.ods")
        try Data(try ods.bytes()).write(to: path)
        let zh = try Parkscore.run(["validate", path.path, "--lang", "zh"])
        XCTAssertEqual(zh.status, 1)
        XCTAssertTrue(zh.stderr.contains("是 ODS 格式的电子表格（LibreOffice 的默认格式），不是 Excel 工作簿：请在 LibreOffice 中用“另存为”选择 Excel 2007-365 格式（XLSX）保存后再提交"),
                      zh.stderr)
        let en = try Parkscore.run(["validate", path.path])
        XCTAssertTrue(en.stderr.contains("is a LibreOffice ODS spreadsheet (or another OpenDocument file), not an Excel workbook"), en.stderr)
    }

    /// The workbook's name goes into the YAML's first line, a comment: a name with a line break stays in it.
    func testConvertKeepsAHostileFileNameInItsComment() throws {
        let folder = try application(yaml: true, name: "a\nfacts:\n  tenants.total: 999\n#.xlsx")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let printed = try Parkscore.run(["convert", folder.appendingPathComponent("a\nfacts:\n  tenants.total: 999\n#.xlsx").path, "--lang", "zh"])
        XCTAssertEqual(printed.status, 0, printed.stderr)
        XCTAssertTrue(printed.stdout.hasPrefix("# 由工作簿「a\\u{A}facts:\\u{A}  tenants.total: 999\\u{A}#.xlsx」转换而来；空单元格即未填写。\npark:\n"), printed.stdout)
        XCTAssertFalse(printed.stdout.contains("999\n"), printed.stdout)
    }

    /// A facts sheet whose hidden key column was deleted has lost its marker: the workbook says so, in the form's words.
    func testAFormWithoutItsFactsSheetSaysSo() throws {
        var w = TestWorkbook()
        w.sheet("封面", TestWorkbook.row(1, TestWorkbook.inline("A1", "parkscore:cover"))
            + TestWorkbook.row(2, TestWorkbook.inline("A2", "park.name"), TestWorkbook.inline("C2", "星河")))
        w.sheet("Facts (edited)", TestWorkbook.row(2, TestWorkbook.inline("A2", "入驻单位总数"), TestWorkbook.inline("B2", "45")))
        let folder = try Parkscore.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("申报表.xlsx")
        try Data(try w.bytes()).write(to: path)
        let run = try Parkscore.run(["validate", path.path, "--lang", "zh"])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stderr.contains("申报表.xlsx: 错误：申报表中没有事实表：找不到 A1 单元格标记为「parkscore:facts」的工作表"), run.stderr)
        XCTAssertFalse(run.stderr.contains("「facts」"), run.stderr)
    }

    func testEvidenceFillRefusesAWorkbook() throws {
        let folder = try application(yaml: false)
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let path = folder.appendingPathComponent("申报表.xlsx").path
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let run = try Parkscore.run(["evidence", path, "--fill"])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stderr.contains("is a workbook: filling in sha256 values edits only YAML self-reports"), run.stderr)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), before, "the workbook is left as it was")
    }
}
