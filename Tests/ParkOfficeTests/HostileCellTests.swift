@testable import ParkOffice
import ParkScoreTestSupport
import XCTest

/// Cells made to mislead: a cell given twice, a value no office program stores, a sheet named twice. Each is refused,
/// never read as a blank or a guess that would score what the cell does not show.
final class HostileCellTests: XCTestCase {
    func refusal(_ bytes: [UInt8], xmlLimits: XMLLimits = .default, file: StaticString = #filePath, line: UInt = #line) -> OfficeReadError? {
        do {
            _ = try SpreadsheetReader.read(bytes, xmlLimits: xmlLimits)
            XCTFail("read without a refusal", file: file, line: line)
            return nil
        } catch {
            guard let error = error as? OfficeReadError else { XCTFail("\(error)", file: file, line: line); return nil }
            return error
        }
    }

    func testACellGivenTwiceIsRefused() throws {
        // `<c r="C2">` twice in a row: Excel shows one of them, LibreOffice the other.
        XCTAssertEqual(refusal(try HostileWorkbooks.factsRow(TestWorkbook.number("C2", "1") + TestWorkbook.number("C2", "999"))),
                       .cellTwice(sheet: "事实", reference: "C2"))
        // The same row twice.
        var w = HostileWorkbooks.valid()
        w.sheets[0].rows += TestWorkbook.row(2, TestWorkbook.number("C2", "1")) + TestWorkbook.row(2, TestWorkbook.number("C2", "999"))
        XCTAssertEqual(refusal(try w.bytes()), .cellTwice(sheet: "事实", reference: "C2"))
    }

    func testRowsOutOfOrderStillRead() throws {
        var w = HostileWorkbooks.valid()
        w.sheets[0].rows += TestWorkbook.row(5, TestWorkbook.number("C5", "5")) + TestWorkbook.row(3, TestWorkbook.number("C3", "3"))
        let sheet = try SpreadsheetReader.read(try w.bytes()).sheets[0]
        XCTAssertEqual(sheet.rows, [1, 3, 5])
        XCTAssertEqual(sheet[row: 3, column: 3]?.value, .number("3"))
    }

    func testACellOutsideItsNumberedRowIsRefused() throws {
        var w = HostileWorkbooks.valid()
        w.sheets[0].rows += TestWorkbook.row(2, TestWorkbook.number("C5", "1"))
        XCTAssertEqual(refusal(try w.bytes()), .badCellReference(part: "xl/worksheets/sheet1.xml", reference: "C5"))
        // Past XFD1048576, in the cell and in the row.
        XCTAssertEqual(refusal(try HostileWorkbooks.factsRow(TestWorkbook.number("XFE2", "1"))),
                       .badCellReference(part: "xl/worksheets/sheet1.xml", reference: "XFE2"))
        var far = HostileWorkbooks.valid()
        far.sheets[0].rows += "<row r=\"1048577\"><c><v>1</v></c></row>"
        XCTAssertEqual(refusal(try far.bytes()), .badCellReference(part: "xl/worksheets/sheet1.xml", reference: "1048577"))
    }

    func testANumberThatIsNotADecimalIsRefusedAtItsCell() throws {
        for v in ["0x10", "NaN", "INF", "-INF", "1E+400", "1E+4000", "1,5", "12abc", "--1", "1e", "."] {
            XCTAssertEqual(refusal(try HostileWorkbooks.factsRow(TestWorkbook.number("C2", v))),
                           .badValue(sheet: "事实", reference: "C2", value: v), v)
        }
    }

    func testEdgeNumbersReadExactly() throws {
        // The working: -0 is 0; 1E-30 is a point and 29 zeros before the 1; 40 digits stay 40 digits; 1E+3 is 1000.
        let cases: [(String, String)] = [
            ("-0", "0"), ("1E-30", "0." + String(repeating: "0", count: 29) + "1"),
            ("1234567890123456789012345678901234567890", "1234567890123456789012345678901234567890"),
            ("0.1234567890123456789012345678901234567890", "0.123456789012345678901234567890123456789"), ("1E+3", "1000"),
        ]
        for (v, plain) in cases {
            let sheet = try SpreadsheetReader.read(try HostileWorkbooks.factsRow(TestWorkbook.number("C2", v))).sheets[0]
            XCTAssertEqual(sheet[row: 2, column: 3]?.value, .number(v))
            XCTAssertEqual(SpreadsheetNumber.plain(v), plain, v)
        }
        // A percent cell of 1E-30 is 1E-28 %: 27 zeros after the point.
        XCTAssertEqual(SpreadsheetNumber.percent("1E-30"), "0." + String(repeating: "0", count: 27) + "1")
    }

    func testALogicalValueOtherThanZeroOrOneIsRefused() throws {
        for v in ["2", "yes", "-1"] {
            XCTAssertEqual(refusal(try HostileWorkbooks.factsRow("<c r=\"C2\" t=\"b\"><v>\(v)</v></c>")),
                           .badValue(sheet: "事实", reference: "C2", value: v), v)
        }
        let sheet = try SpreadsheetReader.read(try HostileWorkbooks.factsRow("<c r=\"C2\" t=\"b\"><v>0</v></c>")).sheets[0]
        XCTAssertEqual(sheet[row: 2, column: 3]?.value, .boolean(false))
    }

    func testASharedStringOutsideTheTableIsRefusedNotBlank() throws {
        for v in ["1", "-1", "99999999999999999999", "x"] {
            XCTAssertEqual(refusal(try HostileWorkbooks.factsRow("<c r=\"C2\" t=\"s\"><v>\(v)</v></c>", sharedStrings: ["45"])),
                           .badValue(sheet: "事实", reference: "C2", value: v), v)
        }
    }

    func testAStyleOutsideTheTableReadsAsGeneral() throws {
        // As LibreOffice opens it: the number shown as a plain number (a date serial would then be refused by the date
        // decoder, not read as a date).
        let sheet = try SpreadsheetReader.read(try HostileWorkbooks.factsRow("<c r=\"C2\" s=\"99\"><v>45658</v></c><c r=\"D2\" s=\"-1\"><v>1</v></c>")).sheets[0]
        XCTAssertEqual(sheet[row: 2, column: 3]?.style, .number)
        XCTAssertEqual(sheet[row: 2, column: 4]?.style, .number)
    }

    func testAFormulaReadsItsCachedValueAndWithoutOneIsBlank() throws {
        let sheet = try SpreadsheetReader.read(try HostileWorkbooks.factsRow(
            "<c r=\"C2\"><f>40+5</f><v>45</v></c><c r=\"D2\"><f>40+5</f></c><c r=\"E2\" t=\"str\"><f>\"a\"&amp;\"b\"</f><v>ab</v></c>")).sheets[0]
        XCTAssertEqual(sheet[row: 2, column: 3]?.value, .number("45"))
        XCTAssertNil(sheet[row: 2, column: 4], "no cached value: no cell (the formula itself is never run)")
        XCTAssertEqual(sheet.formulasWithoutValue, [CellReference(row: 2, column: 4): "40+5"], "but it is known to be there")
        XCTAssertEqual(sheet[row: 2, column: 5]?.value, .text("ab"))
    }

    func testSheetsThatShareAPartAreRefused() throws {
        XCTAssertEqual(refusal(try HostileWorkbooks.sheetsSharingAPart(2)), .sheetPartTwice(sheet: "S1"))
        XCTAssertEqual(refusal(try HostileWorkbooks.sheetsSharingAPart(256)), .sheetPartTwice(sheet: "S1"))
    }

    func testCellsAreCountedOverTheWholeWorkbook() throws {
        // Two sheets of 3 cells each (A1 and two more) under a limit of 5 cells: the second sheet passes it.
        var w = TestWorkbook()
        for name in ["a", "b"] {
            w.sheet(name, TestWorkbook.row(1, TestWorkbook.inline("A1", "x"), TestWorkbook.number("B1", "1"), TestWorkbook.number("C1", "2")))
        }
        XCTAssertNoThrow(try SpreadsheetReader.read(try w.bytes(), xmlLimits: XMLLimits(maxCells: 6)))
        XCTAssertEqual(refusal(try w.bytes(), xmlLimits: XMLLimits(maxCells: 5)), .tooManyCells(part: "xl/worksheets/sheet2.xml", limit: 5))
    }

    func testAWorkbookWithNoSheetsReadsAsNone() throws {
        let part = XMLText.declaration + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheets/></workbook>"
        let book = try SpreadsheetReader.read(try HostileWorkbooks.valid().bytes(replacing: [("xl/workbook.xml", Array(part.utf8))]))
        XCTAssertEqual(book.sheets.count, 0)
    }

    func testAPercentEncodedRelationshipTargetFindsNothing() throws {
        let rels = XMLText.declaration + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"x/worksheet\" Target=\"%2e%2e/%2e%2e/etc/passwd\"/></Relationships>"
        XCTAssertEqual(refusal(try HostileWorkbooks.valid().bytes(replacing: [("xl/_rels/workbook.xml.rels", Array(rels.utf8))])), .missingPart("事实"))
    }

    func testDateSerialsAtTheEdges() {
        // Serial 1 is 1900-01-01; 60 is Excel's 29 February 1900 (which never was: the date decoder refuses it); 61 is
        // 1900-03-01; 2958465 is 9999-12-31, the last; -1 and 2958466 are no date.
        XCTAssertEqual(SpreadsheetNumber.date("1"), "1900-01-01")
        XCTAssertEqual(SpreadsheetNumber.date("60"), "1900-02-29")
        XCTAssertEqual(SpreadsheetNumber.date("61"), "1900-03-01")
        XCTAssertEqual(SpreadsheetNumber.date("2958465"), "9999-12-31")
        XCTAssertNil(SpreadsheetNumber.date("2958466"))
        XCTAssertNil(SpreadsheetNumber.date("-1"))
        // 0 is 1900-01-00 to Excel, 1899-12-30 to LibreOffice; 0.5 is a time of day on that day. No date.
        XCTAssertNil(SpreadsheetNumber.date("0"))
        XCTAssertNil(SpreadsheetNumber.date("0.5"))
        XCTAssertEqual(SpreadsheetNumber.date("0", date1904: true), "1904-01-01")
    }
}

extension HostileCellTests {
    /// A sheet's name is an attribute, which no text limit counts; every cell's location quotes it. 255 characters
    /// read (Excel's 31 and LibreOffice's longer names alike); 256 do not, nor a megabyte.
    func testASheetNameOfMegabytesIsRefused() throws {
        var w = HostileWorkbooks.valid()
        w.sheets[0].name = String(repeating: "表", count: 255)
        XCTAssertEqual(try SpreadsheetReader.read(try w.bytes()).sheets[0].name.count, 255)
        w.sheets[0].name = String(repeating: "表", count: 256)
        XCTAssertEqual(refusal(try w.bytes()), .sheetNameTooLong(limit: 255))
        w.sheets[0].name = String(decoding: HostileWorkbooks.noise(1 << 20), as: UTF8.self)
        XCTAssertEqual(refusal(try w.bytes()), .sheetNameTooLong(limit: 255))
    }
}

extension HostileCellTests {
    func testTwoSheetsOfOneNameAreRefused() throws {
        for (a, b) in [("事实", "事实"), ("Facts", "facts")] {
            var w = HostileWorkbooks.valid()
            w.sheets[0].name = a
            w.sheet(b, "")
            XCTAssertEqual(refusal(try w.bytes()), .sheetNameTwice(sheet: b))
        }
    }

    func testHiddenSheetsAreKnownAsHidden() throws {
        var w = HostileWorkbooks.valid()
        w.sheet("b", "")
        w.sheet("c", "")
        w.hiddenSheets = [1]
        w.veryHiddenSheets = [2]
        XCTAssertEqual(try SpreadsheetReader.read(try w.bytes()).sheets.map(\.hidden), [false, true, true])
    }
}
