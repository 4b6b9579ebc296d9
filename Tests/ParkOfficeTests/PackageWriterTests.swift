import Foundation
import ParkOffice
import XCTest
import ZIPFoundation

final class PackageWriterTests: XCTestCase {
    func testTheSamePartsGiveTheSameBytes() throws {
        var a = PackageWriter()
        a.add("[Content_Types].xml", "<Types/>")
        a.add("xl/workbook.xml", String(repeating: "<sheet/>", count: 1000))
        let first = try a.bytes()
        let second = try a.bytes()
        XCTAssertEqual(first, second)
        XCTAssertEqual(Array(first.prefix(4)), [0x50, 0x4B, 0x03, 0x04], "a ZIP local file header")
        // Deflated: a thousand repeated elements take far fewer bytes.
        XCTAssertLessThan(first.count, 1000)
    }

    func testThePartsReadBackInOrder() throws {
        var writer = PackageWriter()
        writer.add("b.xml", "<b>二</b>")
        writer.add("a.xml", "<a>一</a>")
        let archive = try Archive(data: Data(try writer.bytes()), accessMode: .read)
        XCTAssertEqual(archive.map(\.path), ["b.xml", "a.xml"])
        var text = Data()
        _ = try archive.extract(archive["b.xml"]!) { text.append($0) }
        XCTAssertEqual(String(decoding: text, as: UTF8.self), "<b>二</b>")
    }

    func testXMLTextEscapesMarkupAndDropsWhatXMLCannotHold() {
        XCTAssertEqual(XMLText.escape("<a href=\"x\">&'"), "&lt;a href=&quot;x&quot;&gt;&amp;&apos;")
        XCTAssertEqual(XMLText.escape("a\u{1B}[31mb\u{0}c\td"), "a\u{FFFD}[31mb\u{FFFD}c\td")
        var b = XMLBuilder(declaration: false)
        b.element("c", [("r", "A1"), ("t", "inlineStr")]) { $0.element("is", text: "<=1+1") }
        XCTAssertEqual(b.text, "<c r=\"A1\" t=\"inlineStr\"><is>&lt;=1+1</is></c>")
    }
}
