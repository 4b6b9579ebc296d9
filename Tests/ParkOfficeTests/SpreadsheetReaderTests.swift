import Foundation
import ParkOffice
import ParkScoreTestSupport
import XCTest

final class SpreadsheetReaderTests: XCTestCase {
    func testEveryKindOfCellReadsAsStored() throws {
        var w = TestWorkbook()
        let date = w.style(14)
        let percent = w.style(10)
        let chineseDate = w.style(164, code: "yyyy\"年\"m\"月\"d\"日\"")
        let elapsed = w.style(165, code: "[h]:mm")
        let money = w.style(4)
        let shared = w.string("B1", "入驻企业")
        w.sheet("事实", TestWorkbook.row(1, TestWorkbook.inline("A1", "parkscore:facts"), shared, "<c r=\"C1\" t=\"str\"><f>A1</f><v>公式结果</v></c>")
            + TestWorkbook.row(2, TestWorkbook.number("A2", "45"), TestWorkbook.number("B2", "1.5E-3"), TestWorkbook.boolean("C2", true),
                               "<c r=\"D2\" t=\"e\"><v>#N/A</v></c>", TestWorkbook.number("E2", "45658", style: date),
                               TestWorkbook.number("F2", "0.42", style: percent), TestWorkbook.number("G2", "45658", style: chineseDate),
                               TestWorkbook.number("H2", "1.5", style: elapsed), TestWorkbook.number("I2", "1234.5", style: money))
            + TestWorkbook.row(3, "<c r=\"A3\" t=\"inlineStr\"><is><r><t>星河</t></r><r><rPr><b/></rPr><t xml:space=\"preserve\"> 园区</t></r></is></c>",
                               "<c r=\"B3\" s=\"0\"/>", TestWorkbook.inline("C3", "")))
        let sheet = try SpreadsheetReader.read(try w.bytes()).sheets[0]
        XCTAssertEqual(sheet.name, "事实")
        XCTAssertEqual(sheet[row: 1, column: 2]?.value, .text("入驻企业"))
        XCTAssertEqual(sheet[row: 1, column: 3]?.value, .text("公式结果"))
        XCTAssertEqual(sheet[row: 2, column: 1]?.value, .number("45"))
        XCTAssertEqual(sheet[row: 2, column: 2]?.value, .number("1.5E-3"))
        XCTAssertEqual(sheet[row: 2, column: 3]?.value, .boolean(true))
        XCTAssertEqual(sheet[row: 2, column: 4]?.value, .error("#N/A"))
        XCTAssertEqual(sheet[row: 2, column: 5]?.style, .date)
        XCTAssertEqual(sheet[row: 2, column: 6]?.style, .percent)
        XCTAssertEqual(sheet[row: 2, column: 7]?.style, .date)
        XCTAssertEqual(sheet[row: 2, column: 8]?.style, .number, "[h]:mm is a duration, not a date")
        XCTAssertEqual(sheet[row: 2, column: 9]?.style, .number)
        XCTAssertEqual(sheet[row: 3, column: 1]?.value, .text("星河 园区"), "rich text runs joined")
        XCTAssertNil(sheet[row: 3, column: 2], "a styled blank cell is blank")
        XCTAssertNil(sheet[row: 3, column: 3], "an empty string is blank")
    }

    func testNumbersAreExactDecimalText() {
        XCTAssertEqual(SpreadsheetNumber.plain("45"), "45")
        XCTAssertEqual(SpreadsheetNumber.plain("1.5E-3"), "0.0015")
        XCTAssertEqual(SpreadsheetNumber.plain("4.5E+1"), "45")
        XCTAssertEqual(SpreadsheetNumber.plain("1E+21"), "1000000000000000000000")
        XCTAssertEqual(SpreadsheetNumber.plain("-0.50"), "-0.5")
        XCTAssertEqual(SpreadsheetNumber.plain("0.1"), "0.1")
        XCTAssertEqual(SpreadsheetNumber.plain("-0"), "0")
        XCTAssertNil(SpreadsheetNumber.plain("12abc"))
        XCTAssertNil(SpreadsheetNumber.plain("1E+999"))
        // A percent cell's 0.42 is 42%; 0.125 is 12.5%; 1 is 100%.
        XCTAssertEqual(SpreadsheetNumber.percent("0.42"), "42")
        XCTAssertEqual(SpreadsheetNumber.percent("0.125"), "12.5")
        XCTAssertEqual(SpreadsheetNumber.percent("1"), "100")
        XCTAssertEqual(SpreadsheetNumber.percent("4.2E-1"), "42")
    }

    func testDateSerials() {
        // 45658 days after 1899-12-30 is 2025-01-01 (Excel shows 45658 as 2025/1/1).
        XCTAssertEqual(SpreadsheetNumber.date("45658"), "2025-01-01")
        XCTAssertEqual(SpreadsheetNumber.date("45658.75"), "2025-01-01", "the time of day is dropped")
        XCTAssertEqual(SpreadsheetNumber.date("1"), "1900-01-01")
        XCTAssertEqual(SpreadsheetNumber.date("60"), "1900-02-29", "Excel's day that never was")
        XCTAssertEqual(SpreadsheetNumber.date("61"), "1900-03-01")
        // In the 1904 system, serial 0 is 1904-01-01, so 2025-01-01 is 45658 - 1462.
        XCTAssertEqual(SpreadsheetNumber.date("44196", date1904: true), "2025-01-01")
        XCTAssertNil(SpreadsheetNumber.date("-1"))
        XCTAssertNil(SpreadsheetNumber.date("99999999"))
    }

    func testNumberFormatCodes() {
        XCTAssertEqual(NumberFormats.style(code: "yyyy-mm-dd"), .date)
        XCTAssertEqual(NumberFormats.style(code: "yyyy\"年\"m\"月\"d\"日\""), .date)
        XCTAssertEqual(NumberFormats.style(code: "[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy"), .date)
        XCTAssertEqual(NumberFormats.style(code: "0.00%"), .percent)
        XCTAssertEqual(NumberFormats.style(code: "h:mm"), .number)
        XCTAssertEqual(NumberFormats.style(code: "[h]:mm:ss"), .number)
        XCTAssertEqual(NumberFormats.style(code: "[mm]"), .number)
        XCTAssertEqual(NumberFormats.style(code: "#,##0.00\"元\""), .number)
        XCTAssertEqual(NumberFormats.style(code: "[Red]0.00;[Blue]-0.00"), .number)
        XCTAssertEqual(NumberFormats.style(code: "General"), .number)
        XCTAssertEqual(NumberFormats.style(id: 14, code: nil), .date)
        XCTAssertEqual(NumberFormats.style(id: 31, code: nil), .date)
        XCTAssertEqual(NumberFormats.style(id: 9, code: nil), .percent)
        XCTAssertEqual(NumberFormats.style(id: 4, code: nil), .number)
    }

    func testA1904WorkbookSaysSo() throws {
        var w = HostileWorkbooks.valid()
        w.date1904 = true
        XCTAssertTrue(try SpreadsheetReader.read(try w.bytes()).date1904)
    }

    /// openpyxl (a real spreadsheet library) writes the workbook; the reader sees what it wrote.
    func testAWorkbookWrittenByOpenpyxlReads() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parkoffice-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("book.xlsx").path
        let script = """
        import datetime, sys
        try:
            import openpyxl
        except ImportError:
            sys.exit(3)
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "事实"
        ws["A1"] = "parkscore:facts"
        ws["A2"] = "入驻企业"
        ws["B2"] = "45"
        ws["C2"] = 45
        ws["D2"] = 0.1
        ws["E2"] = True
        ws["F2"] = datetime.date(2025, 1, 1)
        ws["G2"] = 0.42
        ws["G2"].number_format = "0.00%"
        ws["H2"] = "=1/0"
        ws2 = wb.create_sheet("Cover")
        ws2["A1"] = "入驻企业"
        wb.save(sys.argv[1])
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, path]
        do { try process.run() } catch { throw XCTSkip("python3 is not installed: install it, then pip install openpyxl") }
        process.waitUntilExit()
        if process.terminationStatus == 3 { throw XCTSkip("openpyxl is not installed: pip install openpyxl") }
        XCTAssertEqual(process.terminationStatus, 0)
        let workbook = try SpreadsheetReader.read(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        XCTAssertEqual(workbook.sheets.map(\.name), ["事实", "Cover"])
        let sheet = workbook.sheets[0]
        XCTAssertEqual(sheet[row: 2, column: 1]?.value, .text("入驻企业"))
        XCTAssertEqual(sheet[row: 2, column: 2]?.value, .text("45"), "a number stored as text stays text")
        XCTAssertEqual(sheet[row: 2, column: 3]?.value, .number("45"))
        XCTAssertEqual(sheet[row: 2, column: 4]?.value, .number("0.1"))
        XCTAssertEqual(sheet[row: 2, column: 5]?.value, .boolean(true))
        XCTAssertEqual(sheet[row: 2, column: 6]?.style, .date)
        if case .number(let serial)? = sheet[row: 2, column: 6]?.value {
            XCTAssertEqual(SpreadsheetNumber.date(serial), "2025-01-01")
        } else {
            XCTFail("the date is not a number")
        }
        XCTAssertEqual(sheet[row: 2, column: 7]?.style, .percent)
        XCTAssertNil(sheet[row: 2, column: 8], "a formula openpyxl never computed has no value")
        XCTAssertEqual(workbook.sheets[1][row: 1, column: 1]?.value, .text("入驻企业"))
    }
}
