@testable import ParkOffice
import ParkScoreTestSupport
import XCTest

/// Every refusal of an untrusted workbook, each met by a file made to trigger it (see `HostileWorkbooks`).
final class HostileWorkbookTests: XCTestCase {
    func refusal(_ bytes: [UInt8], limits: PackageLimits = .default, file: StaticString = #filePath, line: UInt = #line) -> OfficeReadError? {
        do {
            _ = try SpreadsheetReader.read(bytes, packageLimits: limits)
            XCTFail("read without a refusal", file: file, line: line)
            return nil
        } catch let error as OfficeReadError {
            return error
        } catch {
            XCTFail("not an OfficeReadError: \(error)", file: file, line: line)
            return nil
        }
    }

    func testTheValidWorkbookReads() throws {
        let workbook = try SpreadsheetReader.read(try HostileWorkbooks.valid().bytes())
        XCTAssertEqual(workbook.sheets.map(\.name), ["事实"])
        XCTAssertEqual(workbook.sheets[0][row: 1, column: 1]?.value, .text("parkscore:facts"))
    }

    func testTooManyEntriesIsAZipBombByCount() throws {
        XCTAssertEqual(refusal(try HostileWorkbooks.manyEntries()), .tooManyEntries(limit: 1_000))
    }

    func testAHighRatioIsRefusedWhileInflating() throws {
        // 16 MiB of spaces deflate to some 16 KB: a ratio near 1000, refused once 1 MiB has inflated.
        let bytes = try HostileWorkbooks.ratioBomb()
        XCTAssertLessThan(bytes.count, 100_000)
        XCTAssertEqual(refusal(bytes), .compressionRatio(entry: "xl/worksheets/sheet1.xml", limit: 200))
    }

    func testAnEntryOverItsSizeIsRefusedWhileInflating() throws {
        // Noise compresses about 2:1, under any ratio limit: the size limit stops it.
        let bytes = try HostileWorkbooks.withPart("xl/worksheets/sheet1.xml", HostileWorkbooks.noise(3 << 20))
        let limits = PackageLimits(maxEntryBytes: 2 << 20)
        XCTAssertEqual(refusal(bytes, limits: limits), .entryTooLarge(entry: "xl/worksheets/sheet1.xml", limit: 2 << 20))
    }

    func testTheTotalOverItsLimitIsRefused() throws {
        let bytes = try HostileWorkbooks.withPart("xl/worksheets/sheet1.xml", HostileWorkbooks.noise(3 << 20))
        let limits = PackageLimits(maxEntryBytes: 4 << 20, maxTotalBytes: 3 << 20)
        XCTAssertEqual(refusal(bytes, limits: limits), .totalTooLarge(limit: 3 << 20))
    }

    func testALyingDeclaredSizeIsCaughtByCounting() throws {
        // The headers say 100 bytes; the entry inflates to 3 MiB. Counting, not the header, refuses it.
        let bytes = try HostileWorkbooks.lyingSize(actual: 3 << 20, declared: 100)
        let package = try PackageReader(bytes: bytes, limits: PackageLimits(maxEntryBytes: 2 << 20))
        XCTAssertThrowsError(try package.part("xl/worksheets/sheet1.xml")) { error in
            XCTAssertEqual(error as? OfficeReadError, .entryTooLarge(entry: "xl/worksheets/sheet1.xml", limit: 2 << 20))
        }
    }

    func testAHeaderThatAdmitsTooMuchIsRefusedBeforeInflating() throws {
        let bytes = try HostileWorkbooks.lyingSize(actual: 1_000, declared: 3_000_000_000)
        XCTAssertEqual(refusal(bytes), .entryTooLarge(entry: "xl/worksheets/sheet1.xml", limit: 64 << 20))
    }

    func testPathsThatEscapeAreRefused() throws {
        XCTAssertEqual(refusal(try HostileWorkbooks.escaping("../../evil.xml")), .unsafePath("../../evil.xml"))
        XCTAssertEqual(refusal(try HostileWorkbooks.escaping("xl/../../evil.xml")), .unsafePath("xl/../../evil.xml"))
        XCTAssertEqual(refusal(try HostileWorkbooks.escaping("/etc/evil.xml")), .unsafePath("/etc/evil.xml"))
        XCTAssertEqual(refusal(try HostileWorkbooks.escaping("xl\\..\\evil.xml")), .unsafePath("xl\\..\\evil.xml"))
        for path in ["a\0b", "C:/evil", "", "..", "a/../../b"] { XCTAssertFalse(PackageReader.isSafe(path), path) }
        for path in ["xl/workbook.xml", "[Content_Types].xml", "_rels/.rels", "xl/..a/b"] { XCTAssertTrue(PackageReader.isSafe(path), path) }
    }

    func testARelationshipThatLeavesThePackageFindsNothing() throws {
        let rels = XMLText.declaration + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"x/worksheet\" Target=\"../../../../etc/passwd\"/>"
            + "<Relationship Id=\"rId2\" Type=\"x/sharedStrings\" Target=\"file:///etc/passwd\" TargetMode=\"External\"/></Relationships>"
        let bytes = try HostileWorkbooks.valid().bytes(replacing: [("xl/_rels/workbook.xml.rels", Array(rels.utf8))])
        XCTAssertEqual(refusal(bytes), .missingPart("事实"))
    }

    func testADocumentTypeIsRefusedBeforeParsing() throws {
        XCTAssertEqual(refusal(try HostileWorkbooks.entityExpansion()), .documentType(part: "xl/workbook.xml"))
        XCTAssertEqual(refusal(try HostileWorkbooks.externalEntity()), .documentType(part: "xl/sharedStrings.xml"))
    }

    func testAPartInUTF16IsRefused() throws {
        let utf16 = [UInt8]([0xFF, 0xFE]) + Array("<sst/>".utf8).flatMap { [$0, 0] }
        XCTAssertEqual(refusal(try HostileWorkbooks.withPart("xl/sharedStrings.xml", utf16)), .notUTF8(part: "xl/sharedStrings.xml"))
    }

    func testAMillionRowsAreRefusedAtTheLimit() throws {
        XCTAssertEqual(refusal(try HostileWorkbooks.millionRows()), .tooManyRows(sheet: "事实", limit: 100_000))
    }

    /// The rows are counted as the sheet inflates: with room for 4 MiB in all, the 17 MB sheet is refused for its rows
    /// after some 1.7 MB, not for the total after 4 MiB (and never inflated whole).
    func testAMillionRowsStopInflatingAtTheRowLimit() throws {
        XCTAssertEqual(refusal(try HostileWorkbooks.millionRows(), limits: PackageLimits(maxTotalBytes: 4 << 20)),
                       .tooManyRows(sheet: "事实", limit: 100_000))
    }

    func testRowTagsSplitBetweenChunksAreCountedOnce() throws {
        let text = Array(String(repeating: "<row r=\"1\"/><rowBreaks/><row>", count: 50).utf8)
        for size in [1, 2, 3, 4, 5, 7, 64] {
            let counter = RowCounter(sheet: "s", limit: 100)
            var i = 0
            while i < text.count {
                try counter.count(Data(text[i..<min(text.count, i + size)]))
                i += size
            }
            XCTAssertThrowsError(try RowCounter(sheet: "s", limit: 99).count(Data(text)), "100 rows, over 99")
            XCTAssertNoThrow(try counter.count(Data()), "exactly 100 rows, in chunks of \(size)")
        }
    }

    func testAMegabyteCellIsRefused() throws {
        XCTAssertEqual(refusal(try HostileWorkbooks.megabyteCell()), .textTooLong(part: "xl/worksheets/sheet1.xml", limit: 32_767))
    }

    func testDeepNestingIsRefused() throws {
        let deep = String(repeating: "<a>", count: 100) + String(repeating: "</a>", count: 100)
        XCTAssertEqual(refusal(try HostileWorkbooks.withPart("xl/sharedStrings.xml", Array(deep.utf8))), .tooDeep(part: "xl/sharedStrings.xml", limit: 64))
    }

    func testNotAZipIsSaidSo() throws {
        XCTAssertEqual(refusal(HostileWorkbooks.yaml), .notAPackage)
        XCTAssertEqual(refusal(HostileWorkbooks.legacyExcel), .compoundFile)
        XCTAssertEqual(refusal([]), .notAPackage)
    }

    func testATruncatedZipIsDamaged() throws {
        XCTAssertEqual(refusal(try HostileWorkbooks.truncated()), .damaged)
    }

    func testMalformedXMLNamesItsPartAndLine() throws {
        let bytes = try HostileWorkbooks.withPart("xl/sharedStrings.xml", Array("<sst>\n<si><t>a</si>".utf8))
        guard case .malformedXML(let part, _)? = refusal(bytes) else { return XCTFail("not malformed") }
        XCTAssertEqual(part, "xl/sharedStrings.xml")
    }

    func testTooLargeAnInputIsRefusedBeforeOpening() throws {
        XCTAssertEqual(refusal([UInt8](repeating: 0x50, count: 2_000), limits: PackageLimits(maxInputBytes: 1_000)),
                       .inputTooLarge(size: 2_000, limit: 1_000))
    }
}
