import ParkOffice
import XCTest

final class CellReferenceTests: XCTestCase {
    func testNamesAndReadsCells() {
        XCTAssertEqual(CellReference(row: 12, column: 3).description, "C12")
        XCTAssertEqual(CellReference(row: 1, column: 26).description, "Z1")
        XCTAssertEqual(CellReference(row: 1, column: 27).description, "AA1")
        XCTAssertEqual(CellReference(row: 1_048_576, column: 16_384).description, "XFD1048576")
        XCTAssertEqual(CellReference("AA10"), CellReference(row: 10, column: 27))
        XCTAssertEqual(CellReference("XFD1048576"), CellReference(row: 1_048_576, column: 16_384))
    }

    func testRefusesWhatIsNotACell() {
        for text in ["", "A", "12", "a1", "A0", "A01", "XFE1", "A1048577", "$A$1", "A1B", "AAAA1", "A-1", "Ａ1"] {
            XCTAssertNil(CellReference(text), text)
        }
    }
}
