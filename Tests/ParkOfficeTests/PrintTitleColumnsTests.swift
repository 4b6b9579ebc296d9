import Foundation
@testable import ParkOffice
import ParkScoreTestSupport
import XCTest

/// Columns repeated on every printed page (`PageSetup.repeatColumns`), with the header rows or alone.
final class PrintTitleColumnsTests: XCTestCase {
    func testColumnsThenRowsInOneDefinedName() throws {
        var wide = Sheet(name: "指标", page: PageSetup(orientation: .landscape, fitToWidth: false, repeatRows: 1...2, repeatColumns: 1...3))
        wide["A1"] = .text("排名")
        var narrow = Sheet(name: "it's", page: PageSetup(repeatColumns: 2...2))
        narrow["A1"] = .text("x")
        let writer = WorkbookWriter(Workbook(sheets: [wide, narrow]))
        let workbook = try XCTUnwrap(try writer.parts().first { $0.name == "xl/workbook.xml" }?.text)
        XCTAssertTrue(workbook.contains("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">&apos;指标&apos;!$A:$C,&apos;指标&apos;!$1:$2</definedName>"),
                      workbook)
        XCTAssertTrue(workbook.contains("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"1\">&apos;it&apos;&apos;s&apos;!$B:$B</definedName>"),
                      workbook)
        // openpyxl reads the rows out of the combined name.
        let dump = try SpreadsheetDump.of(try writer.bytes())
        XCTAssertEqual(dump.sheet("指标")?["print_title_rows"] as? String, "$1:$2")
    }
}
