import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ParkOffice
import XCTest
import ZIPFoundation

final class WordDocumentTests: XCTestCase {
    /// A small document: a heading, a paragraph of hostile text, a table with a header row, a page break.
    func sample() -> WordDocument {
        var document = WordDocument(properties: WordProperties(title: "标题 <&>", date: "2026-02-01"))
        var heading = WordParagraph(style: WordStyles.heading1, text: "一、评审结论")
        heading.bookmark = (1, "_Toc0001")
        document.blocks.append(.tableOfContents(WordTableOfContents(entries: [.init(level: 1, text: "一、评审结论", bookmark: "_Toc0001")])))
        document.append(heading)
        document.append(WordParagraph(text: "<w:t>x</w:t> { PAGE } & \u{1B} 第一行\n第二行"))
        document.append(WordTable(columnWidths: [3000, 6000], rows: [
            WordTableRow([WordTableCell(text: "评分项"), WordTableCell(text: "得分")]),
            WordTableRow([WordTableCell(text: "a"), WordTableCell(text: "1.00", alignment: .right)]),
            WordTableRow([WordTableCell(text: "合计", span: 2)], canSplit: true, minHeight: 600),
        ]))
        document.append(WordParagraph(style: WordStyles.heading2, [WordRun("签字")], pageBreakBefore: true))
        document.section.footerParagraphs = [WordParagraph(style: WordStyles.footer, [WordRun("第 "), WordRun(.field(instruction: "PAGE", result: "1")),
                                                                                    WordRun(" 页 共 "), WordRun(.field(instruction: "NUMPAGES", result: "1")),
                                                                                    WordRun(" 页")])]
        document.section.plainFirstPage = true
        return document
    }

    func xml(_ text: String) throws -> XMLDocument {
        try XMLDocument(data: Data(text.utf8), options: [])
    }

    func nodes(_ document: XMLDocument, _ xpath: String) throws -> [XMLNode] {
        try document.nodes(forXPath: xpath)
    }

    func testTextThatLooksLikeMarkupOrAFieldIsJustText() throws {
        let body = try xml(sample().documentXML)
        let texts = try nodes(body, "//*[local-name()='t']").compactMap(\.stringValue)
        XCTAssertTrue(texts.contains("<w:t>x</w:t> { PAGE } & \u{FFFD} 第一行"), "\(texts)")
        XCTAssertTrue(texts.contains("第二行"), "a line break in the text is a break, the text goes on")
        // The only fields are the ones built as fields: the contents and its page reference.
        let instructions = try nodes(body, "//*[local-name()='instrText']").compactMap(\.stringValue)
        XCTAssertEqual(instructions.map { $0.trimmingCharacters(in: .whitespaces) }, [#"TOC \o "1-2" \h \z \u"#, #"PAGEREF _Toc0001 \h"#])
        XCTAssertFalse(sample().documentXML.contains("<w:t>x</w:t> {"))
    }

    func testTheHeaderRowRepeatsAndRowsStayWhole() throws {
        let body = try xml(sample().documentXML)
        let rows = try nodes(body, "//*[local-name()='tr']")
        XCTAssertEqual(rows.count, 3)
        func has(_ row: XMLNode, _ name: String) throws -> Bool { try !row.nodes(forXPath: "*[local-name()='trPr']/*[local-name()='\(name)']").isEmpty }
        XCTAssertTrue(try has(rows[0], "tblHeader"))
        XCTAssertFalse(try has(rows[1], "tblHeader"))
        XCTAssertTrue(try has(rows[1], "cantSplit"))
        XCTAssertFalse(try has(rows[2], "cantSplit"), "a row allowed to split")
        XCTAssertTrue(try has(rows[2], "trHeight"))
        // The spanning cell is as wide as both columns.
        let span = try nodes(body, "//*[local-name()='gridSpan']/@*[local-name()='val']").compactMap(\.stringValue)
        XCTAssertEqual(span, ["2"])
        let widths = try nodes(body, "//*[local-name()='tcW']/@*[local-name()='w']").compactMap(\.stringValue)
        XCTAssertEqual(widths, ["3000", "6000", "3000", "6000", "9000"])
        // Header cells are shaded and bold.
        XCTAssertEqual(try nodes(body, "//*[local-name()='tr'][1]//*[local-name()='shd']").count, 2)
        XCTAssertEqual(try nodes(body, "//*[local-name()='tr'][1]//*[local-name()='b']").count, 2)
    }

    func testThePageIsA4WithAFooterOnAllButTheFirstPage() throws {
        let document = sample()
        let body = try xml(document.documentXML)
        let size = try nodes(body, "//*[local-name()='pgSz']").first as? XMLElement
        XCTAssertEqual(size?.attribute(forName: "w:w")?.stringValue, "11906")
        XCTAssertEqual(size?.attribute(forName: "w:h")?.stringValue, "16838")
        XCTAssertEqual(try nodes(body, "//*[local-name()='titlePg']").count, 1)
        XCTAssertEqual(try nodes(body, "//*[local-name()='footerReference']").count, 2)
        XCTAssertEqual(try nodes(body, "//*[local-name()='pageBreakBefore']").count, 1)
        let parts = Dictionary(uniqueKeysWithValues: document.parts.map { ($0.name, $0.text) })
        let footer = try xml(try XCTUnwrap(parts["word/footer1.xml"]))
        XCTAssertEqual(try nodes(footer, "//*[local-name()='instrText']").compactMap(\.stringValue), [" PAGE ", " NUMPAGES "])
        let first = try xml(try XCTUnwrap(parts["word/footer2.xml"]))
        XCTAssertEqual(try nodes(first, "//*[local-name()='instrText']").count, 0, "the cover has no page number")
        for (name, text) in parts { XCTAssertNoThrow(try xml(text), name) }
        XCTAssertTrue(parts["word/_rels/document.xml.rels"]!.contains("Target=\"footer1.xml\""))
        XCTAssertTrue(parts["[Content_Types].xml"]!.contains("/word/footer2.xml"))
    }

    func testHeadingsCarryOutlineLevelsAndChineseFontsAreDeclared() throws {
        let styles = try xml(WordStyles(textWidth: 9412).xml)
        for level in 1...3 {
            let outline = try nodes(styles, "//*[local-name()='style'][@*[local-name()='styleId']='Heading\(level)']//*[local-name()='outlineLvl']/@*[local-name()='val']")
            XCTAssertEqual(outline.compactMap(\.stringValue), [String(level - 1)])
            let font = try nodes(styles, "//*[local-name()='style'][@*[local-name()='styleId']='Heading\(level)']//*[local-name()='rFonts']/@*[local-name()='eastAsia']")
            XCTAssertEqual(font.compactMap(\.stringValue), ["黑体"])
        }
        let body = try nodes(styles, "//*[local-name()='rPrDefault']//*[local-name()='rFonts']").first as? XMLElement
        XCTAssertEqual(body?.attribute(forName: "w:eastAsia")?.stringValue, "宋体")
        XCTAssertEqual(body?.attribute(forName: "w:ascii")?.stringValue, "Times New Roman")
        // Latin text is English (it wraps between words), East Asian text Chinese.
        let language = try nodes(styles, "//*[local-name()='rPrDefault']//*[local-name()='lang']").first as? XMLElement
        XCTAssertEqual(language?.attribute(forName: "w:val")?.stringValue, "en-US")
        XCTAssertEqual(language?.attribute(forName: "w:eastAsia")?.stringValue, "zh-CN")
        let fonts = try xml(WordStyles(textWidth: 9412).fontTable)
        XCTAssertEqual(try nodes(fonts, "//*[local-name()='font']/@*[local-name()='name']").compactMap(\.stringValue),
                       ["Times New Roman", "宋体", "Arial", "黑体"])
        XCTAssertEqual(try nodes(fonts, "//*[local-name()='altName']/@*[local-name()='val']").compactMap(\.stringValue), ["SimSun", "SimHei"])
    }

    func testTheSameDocumentGivesTheSameBytesWithTheGivenDate() throws {
        let document = sample()
        let first = try document.bytes()
        XCTAssertEqual(first, try sample().bytes())
        let archive = try Archive(data: Data(first), accessMode: .read)
        XCTAssertEqual(archive.map(\.path), ["[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels",
                                             "word/styles.xml", "word/settings.xml", "word/fontTable.xml", "word/footer1.xml",
                                             "word/footer2.xml", "docProps/core.xml", "docProps/app.xml"])
        let core = document.parts.first { $0.name == "docProps/core.xml" }!.text
        XCTAssertTrue(core.contains(">2026-02-01T00:00:00Z</dcterms:created>"), core)
        XCTAssertTrue(core.contains("<dc:title>标题 &lt;&amp;&gt;</dc:title>"), core)
    }
}
