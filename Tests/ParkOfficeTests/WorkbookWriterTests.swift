import Foundation
import ParkOffice
import ParkScoreTestSupport
import XCTest

final class CellTests: XCTestCase {
    func testDecimalTextTakesPlainDecimalsOnly() {
        XCTAssertEqual(DecimalText("12")?.text, "12")
        XCTAssertEqual(DecimalText("-0.42")?.text, "-0.42")
        XCTAssertEqual(DecimalText("1250000.50")?.text, "1250000.50")
        for bad in ["", "-", "1e5", "1,000", "+1", ".5", "5.", "1.2.3", "NaN", "１２", " 1"] {
            XCTAssertNil(DecimalText(bad), bad)
        }
        XCTAssertNil(Cell.number("1e3"))
    }

    func testDatesAreSerialsCountedFrom1899_12_30() {
        // Excel shows 1900-03-01 as 61 and 2025-01-01 as 45658 (its documented serials); 2024-01-01 is 45658 − 366 =
        // 45292, and 2024-02-29 is 45292 + 31 + 28 = 45351.
        XCTAssertEqual(CellDate(year: 1900, month: 3, day: 1)?.serial, 61)
        XCTAssertEqual(CellDate(iso: "2025-01-01")?.serial, 45658)
        XCTAssertEqual(CellDate(iso: "2024-02-29")?.serial, 45351)
        XCTAssertNil(CellDate(iso: "2025-02-29"))
        XCTAssertNil(CellDate(iso: "1900-02-28"), "before 1900-03-01 the programs disagree")
        XCTAssertNil(CellDate(iso: "2025-1-1"))
    }

    func testADateCellGetsADateFormat() {
        let cell = Cell.date(CellDate(year: 2025, month: 6, day: 30)!)
        XCTAssertEqual(cell.style.numberFormat, .date)
        XCTAssertEqual(Cell.date(CellDate(year: 2025, month: 6, day: 30)!, style: CellStyle(numberFormat: .custom("yyyy年m月d日"))).style.numberFormat,
                       .custom("yyyy年m月d日"))
    }

    func testCellRangesAndColours() {
        XCTAssertEqual(CellRange(CellReference("D9")!, CellReference("B2")!).description, "B2:D9")
        XCTAssertEqual(CellRange(CellReference("C2")!).description, "C2")
        XCTAssertEqual(CellRange(CellReference("B2")!, CellReference("D9")!).absolute, "$B$2:$D$9")
        XCTAssertEqual(Color("fff2cc")?.argb, "FFFFF2CC")
        XCTAssertNil(Color("#FFF2CC"))
        XCTAssertTrue(Sheet.isValidName("证明材料"))
        XCTAssertFalse(Sheet.isValidName("a/b"))
        XCTAssertFalse(Sheet.isValidName(String(repeating: "长", count: 32)))
    }
}

final class RowHeightTests: XCTestCase {
    /// Rows of wrapped text get the height their longest cell needs; other rows keep the program's default.
    func testWrappedRowsGetTheirHeight() {
        var sheet = Sheet(name: "a")
        sheet.columns[2] = ColumnFormat(width: 11.5)       // 10 units of text a line: five Chinese characters (1.8 each = 9)
        sheet["B1"] = .text("一二三四五六七八九十", style: CellStyle(wrap: true))         // 10 characters: 2 lines
        sheet["B2"] = .text("短", style: CellStyle(wrap: true))
        sheet["B3"] = .text("第一行\n第二行\n第三行", style: CellStyle(wrap: true))    // 3 paragraphs of 3: 3 lines
        sheet["B4"] = .text("一二三四五六七八九十", style: CellStyle())                   // not wrapped
        sheet.rowFormats[5] = RowFormat(height: 40)
        sheet["B5"] = .text("一二三四五六七八九十", style: CellStyle(wrap: true))
        sheet.fitRowHeights()
        XCTAssertEqual(sheet.rowFormats[1]?.height, 33, "2 lines × 15 + 3")
        XCTAssertNil(sheet.rowFormats[2])
        XCTAssertEqual(sheet.rowFormats[3]?.height, 48, "3 lines × 15 + 3")
        XCTAssertNil(sheet.rowFormats[4])
        XCTAssertEqual(sheet.rowFormats[5]?.height, 40, "a height set is kept")
    }
}

final class StyleSheetTests: XCTestCase {
    func testEachDistinctStyleGetsOneIndexInOrderOfUse() {
        var styles = StyleSheet()
        let bold = CellStyle(bold: true)
        let input = CellStyle(fill: .inputYellow, border: true, locked: false)
        XCTAssertEqual(styles.index(of: CellStyle()), 0)
        XCTAssertEqual(styles.index(of: bold), 1)
        XCTAssertEqual(styles.index(of: input), 2)
        XCTAssertEqual(styles.index(of: bold), 1)
        XCTAssertEqual(styles.count, 3)
        let xml = styles.xml()
        XCTAssertTrue(xml.contains("<patternFill patternType=\"solid\"><fgColor rgb=\"FFFFF2CC\"/>"), xml)
        XCTAssertTrue(xml.contains("<protection locked=\"0\"/>"), xml)
        XCTAssertTrue(xml.contains("<b/>"), xml)
    }

    func testCustomNumberFormatsAreNumberedFrom164AndBuiltInsAreNot() {
        var styles = StyleSheet()
        _ = styles.index(of: CellStyle(numberFormat: .money))
        _ = styles.index(of: CellStyle(numberFormat: .date))
        _ = styles.index(of: CellStyle(numberFormat: .percent))
        let xml = styles.xml()
        XCTAssertTrue(xml.contains("<numFmt numFmtId=\"164\" formatCode=\"#,##0.00\"/>"), xml)
        XCTAssertTrue(xml.contains("<numFmt numFmtId=\"165\" formatCode=\"yyyy-mm-dd\"/>"), xml)
        XCTAssertTrue(xml.contains("numFmtId=\"10\""), xml)
        XCTAssertFalse(xml.contains("formatCode=\"0.00%\""), xml)
    }
}

final class WorkbookWriterTests: XCTestCase {
    /// A small workbook with every feature the writer has.
    func sample(strings: Workbook.StringStorage = .shared) -> Workbook {
        let header = CellStyle(bold: true, fill: .headerGrey, border: true, wrap: true)
        let input = CellStyle(fill: .inputYellow, border: true, locked: false)
        var sheet = Sheet(name: "事实", protected: true,
                          page: PageSetup(orientation: .landscape, repeatRows: 1...1, header: [.text("申报表 A&B")],
                                          footer: [.text("第 "), .pageNumber, .text(" 页，共 "), .pageCount, .text(" 页")]))
        sheet["A1"] = .text("parkscore:facts")
        sheet["B1"] = .text("名称", style: header)
        sheet["C1"] = .text("填写", style: header)
        sheet["B2"] = .text("=HYPERLINK(\"http://evil.example\",\"点我\")")
        sheet["B3"] = .text("+1")
        sheet["B4"] = .text("-2")
        sheet["B5"] = .text("@SUM(A1)")
        sheet["C2"] = Cell.number("1250000.50", style: input.with { $0.numberFormat = .money })
        sheet["C3"] = Cell.number("0.42", style: input.with { $0.numberFormat = .percent })
        sheet["C4"] = Cell.date(CellDate(iso: "2025-06-30")!, style: input)
        sheet["C5"] = Cell(.bool(true), style: input)
        sheet["C6"] = .blank(style: input)
        sheet["C7"] = Cell.number("12345678901234567890")
        sheet.columns[1] = ColumnFormat(width: 4, hidden: true)
        sheet.columns[2] = ColumnFormat(width: 40)
        sheet.columns[3] = ColumnFormat(width: 18, style: input)
        sheet.rowFormats[8] = RowFormat(hidden: true)
        sheet["B8"] = .text("hidden row")
        sheet.freeze = CellReference("A2")
        sheet.merges = [CellRange(CellReference("D1")!, CellReference("E1")!)]
        sheet.validations = [
            DataValidation(ranges: [CellRange(CellReference("C5")!)], list: ["是", "否"], prompt: "选择是或否", error: "请从列表中选择"),
            DataValidation(ranges: [CellRange(CellReference("C6")!)], list: (1...40).map { "第\($0)个很长的可选值" }),
            DataValidation(ranges: [CellRange(CellReference("C7")!)], list: ["甲,乙", "丙"]),
        ]
        var second = Sheet(name: "Second", state: .hidden)
        second["A1"] = .text("名称")
        return Workbook(sheets: [sheet, second], properties: DocumentProperties(title: "申报表"), strings: strings)
    }

    func part(_ name: String, of workbook: Workbook) throws -> String {
        try XCTUnwrap(try WorkbookWriter(workbook).parts().first { $0.name == name }?.text, name)
    }

    func testTheSameWorkbookGivesTheSameBytes() throws {
        XCTAssertEqual(try WorkbookWriter(sample()).bytes(), try WorkbookWriter(sample()).bytes())
        XCTAssertEqual(try WorkbookWriter(sample(strings: .inline)).bytes(), try WorkbookWriter(sample(strings: .inline)).bytes())
    }

    func testThePartsAreTheOnesAPackageNeeds() throws {
        let names = try WorkbookWriter(sample()).parts().map(\.name)
        XCTAssertEqual(names, ["[Content_Types].xml", "_rels/.rels", "docProps/app.xml", "docProps/core.xml", "xl/workbook.xml",
                               "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml",
                               "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml"])
        XCTAssertFalse(try WorkbookWriter(sample(strings: .inline)).parts().map(\.name).contains("xl/sharedStrings.xml"))
    }

    func testCellsAreWrittenByTypeAndNeverAsFormulas() throws {
        let sheet = try part("xl/worksheets/sheet1.xml", of: sample(strings: .inline))
        XCTAssertFalse(sheet.contains("<f>"), "no formula")
        XCTAssertTrue(sheet.contains("<c r=\"B2\" t=\"inlineStr\"><is><t xml:space=\"preserve\">=HYPERLINK(&quot;http://evil.example&quot;,&quot;点我&quot;)</t></is></c>"), sheet)
        XCTAssertTrue(sheet.contains("<v>1250000.50</v>"), sheet)
        XCTAssertTrue(sheet.contains("<v>12345678901234567890</v>"), "the caller's digits, untouched")
        XCTAssertTrue(sheet.contains("t=\"b\"><v>1</v>"), sheet)
        XCTAssertTrue(sheet.contains("<v>45838</v>"), "2025-06-30: 45658 (2025-01-01) + 180 days")
        let shared = try part("xl/sharedStrings.xml", of: sample())
        XCTAssertTrue(shared.contains("<t xml:space=\"preserve\">=HYPERLINK("), shared)
    }

    func testLayoutProtectionAndPrintSetup() throws {
        let sheet = try part("xl/worksheets/sheet1.xml", of: sample())
        XCTAssertTrue(sheet.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"), sheet)
        XCTAssertTrue(sheet.contains("<col min=\"1\" max=\"1\" width=\"4\" hidden=\"1\" customWidth=\"1\"/>"), sheet)
        XCTAssertTrue(sheet.contains("<row r=\"8\" hidden=\"1\">"), sheet)
        XCTAssertTrue(sheet.contains("<sheetProtection sheet=\"1\""), sheet)
        XCTAssertFalse(sheet.contains("password"), sheet)
        XCTAssertTrue(sheet.contains("<mergeCell ref=\"D1:E1\"/>"), sheet)
        XCTAssertTrue(sheet.contains("<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/>"), sheet)
        XCTAssertTrue(sheet.contains("<headerFooter><oddHeader>&amp;C申报表 A&amp;&amp;B</oddHeader><oddFooter>&amp;C第 &amp;P 页，共 &amp;N 页</oddFooter></headerFooter>"), sheet)
        let workbook = try part("xl/workbook.xml", of: sample())
        XCTAssertTrue(workbook.contains("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">&apos;事实&apos;!$1:$1</definedName>"), workbook)
        XCTAssertTrue(workbook.contains("<sheet name=\"Second\" sheetId=\"2\" state=\"hidden\" r:id=\"rId2\"/>"), workbook)
        let core = try part("docProps/core.xml", of: sample())
        XCTAssertTrue(core.contains("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2025-01-01T00:00:00Z</dcterms:created>"), core)
    }

    func testShortListsAreInlineAndLongOnesGoToAHiddenSheet() throws {
        let sheet = try part("xl/worksheets/sheet1.xml", of: sample())
        XCTAssertTrue(sheet.contains("<formula1>&quot;是,否&quot;</formula1>"), sheet)
        XCTAssertTrue(sheet.contains("<formula1>&apos;lists&apos;!$A$1:$A$40</formula1>"), sheet)
        XCTAssertTrue(sheet.contains("<formula1>&apos;lists&apos;!$B$1:$B$2</formula1>"), "an item with a comma cannot be inline")
        let workbook = try part("xl/workbook.xml", of: sample())
        XCTAssertTrue(workbook.contains("<sheet name=\"lists\" sheetId=\"3\" state=\"hidden\" r:id=\"rId3\"/>"), workbook)
    }

    func testABadWorkbookIsRefused() {
        XCTAssertThrowsError(try WorkbookWriter(Workbook()).parts()) { XCTAssertEqual($0 as? WorkbookWriterError, .noSheets) }
        XCTAssertThrowsError(try WorkbookWriter(Workbook(sheets: [Sheet(name: "a"), Sheet(name: "A")])).parts()) {
            XCTAssertEqual($0 as? WorkbookWriterError, .duplicateSheetName("A"))
        }
        XCTAssertThrowsError(try WorkbookWriter(Workbook(sheets: [Sheet(name: "a", state: .hidden)])).parts()) {
            XCTAssertEqual($0 as? WorkbookWriterError, .noVisibleSheet)
        }
        var long = Sheet(name: "长")
        long["C3"] = .text(String(repeating: "字", count: WorkbookWriter.maxTextLength + 1))
        XCTAssertThrowsError(try WorkbookWriter(Workbook(sheets: [long])).parts()) {
            XCTAssertEqual($0 as? WorkbookWriterError, .textTooLong(sheet: "长", cell: "C3"))
        }
        long["C3"] = .text(String(repeating: "字", count: WorkbookWriter.maxTextLength))
        XCTAssertNoThrow(try WorkbookWriter(Workbook(sheets: [long])).parts())
    }

    /// openpyxl, a real spreadsheet library, reads back what was written.
    func testOpenpyxlSeesTheValuesFormatsValidationsAndProtection() throws {
        for storage in [Workbook.StringStorage.shared, .inline] {
            let dump = try SpreadsheetDump.of(try WorkbookWriter(sample(strings: storage)).bytes())
            XCTAssertEqual(dump.sheetNames, ["事实", "Second", "lists"])
            let facts = dump.sheet("事实")
            // Formula injection: the park name stays text.
            XCTAssertEqual(dump.cell(facts, "B2")?["type"] as? String, "s")
            XCTAssertEqual(dump.cell(facts, "B2")?["value"] as? String, "=HYPERLINK(\"http://evil.example\",\"点我\")")
            for reference in ["B3", "B4", "B5"] { XCTAssertEqual(dump.cell(facts, reference)?["type"] as? String, "s", reference) }
            XCTAssertEqual(dump.cell(facts, "C2")?["type"] as? String, "n")
            XCTAssertEqual(dump.cell(facts, "C2")?["format"] as? String, "#,##0.00")
            XCTAssertEqual(dump.cell(facts, "C3")?["format"] as? String, "0.00%")
            XCTAssertEqual(dump.cell(facts, "C4")?["value"] as? String, "2025-06-30")
            XCTAssertEqual(dump.cell(facts, "C4")?["format"] as? String, "yyyy-mm-dd")
            XCTAssertEqual(dump.cell(facts, "C5")?["value"] as? Bool, true)
            XCTAssertEqual(dump.cell(facts, "C5")?["type"] as? String, "b")
            XCTAssertEqual(dump.cell(facts, "C6")?["locked"] as? Bool, false)
            XCTAssertEqual(dump.cell(facts, "C6")?["fill"] as? String, "FFFFF2CC")
            XCTAssertEqual(dump.cell(facts, "B1")?["locked"] as? Bool, true)
            XCTAssertEqual(dump.cell(facts, "B1")?["bold"] as? Bool, true)
            XCTAssertEqual(dump.cell(facts, "B1")?["wrap"] as? Bool, true)
            XCTAssertEqual(facts?["hidden_columns"] as? [String], ["A"])
            XCTAssertEqual(facts?["hidden_rows"] as? [Int], [8])
            XCTAssertEqual(facts?["freeze"] as? String, "A2")
            XCTAssertEqual(facts?["protected"] as? Bool, true)
            XCTAssertTrue(facts?["password"] is NSNull)
            XCTAssertEqual(facts?["merged"] as? [String], ["D1:E1"])
            XCTAssertEqual(facts?["paper_size"] as? Int, 9)
            XCTAssertEqual(facts?["orientation"] as? String, "landscape")
            XCTAssertEqual(facts?["fit_to_page"] as? Bool, true)
            XCTAssertEqual(facts?["print_title_rows"] as? String, "$1:$1")
            XCTAssertEqual(facts?["header"] as? String, "申报表 A&&B", "openpyxl shows the code; && prints as one &")
            XCTAssertEqual(facts?["footer"] as? String, "第 &P 页，共 &N 页")
            let validations = facts?["validations"] as? [[String: Any]] ?? []
            XCTAssertEqual(validations.map { $0["formula1"] as? String }, ["\"是,否\"", "'lists'!$A$1:$A$40", "'lists'!$B$1:$B$2"])
            XCTAssertEqual(validations.map { $0["sqref"] as? String }, ["C5", "C6", "C7"])
            XCTAssertEqual(dump.sheet("Second")?["state"] as? String, "hidden")
            let lists = dump.sheet("lists")
            XCTAssertEqual(lists?["state"] as? String, "hidden")
            XCTAssertEqual(dump.cell(lists, "A40")?["value"] as? String, "第40个很长的可选值")
            XCTAssertEqual(dump.cell(lists, "B1")?["value"] as? String, "甲,乙")
            XCTAssertEqual((dump.json["properties"] as? [String: Any])?["title"] as? String, "申报表")
        }
    }
}
