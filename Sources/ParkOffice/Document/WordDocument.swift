/// One block of a document's body, in order.
public enum WordBlock: Sendable, Equatable {
    case paragraph(WordParagraph)
    case table(WordTable)
    case tableOfContents(WordTableOfContents)
}

/// A table of contents: a TOC field over the heading levels given, whose result — shown until Word or LibreOffice
/// updates the field — already lists the headings, each with a PAGEREF field to its heading's bookmark.
public struct WordTableOfContents: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var level: Int
        public var text: String
        /// The heading's bookmark (`WordParagraph.bookmark`), whose page the entry shows.
        public var bookmark: String?

        public init(level: Int, text: String, bookmark: String?) {
            self.level = level
            self.text = text
            self.bookmark = bookmark
        }
    }

    public var levels: ClosedRange<Int>
    public var entries: [Entry]

    public init(levels: ClosedRange<Int> = 1...2, entries: [Entry]) {
        self.levels = levels
        self.entries = entries
    }

    func write(to xml: inout XMLBuilder) {
        let instruction = "TOC \\o \"\(levels.lowerBound)-\(levels.upperBound)\" \\h \\z \\u"
        func fieldRun(_ xml: inout XMLBuilder, _ type: String) {
            xml.element("w:r") { $0.empty("w:fldChar", [("w:fldCharType", type)]) }
        }
        let items = entries.isEmpty ? [Entry(level: levels.lowerBound, text: "", bookmark: nil)] : entries
        for (i, entry) in items.enumerated() {
            xml.element("w:p") { p in
                p.element("w:pPr") { pPr in
                    pPr.empty("w:pStyle", [("w:val", "TOC\(min(max(entry.level, 1), 3))")])
                }
                if i == 0 {
                    fieldRun(&p, "begin")
                    p.element("w:r") { $0.element("w:instrText", [("xml:space", "preserve")], text: " \(instruction) ") }
                    fieldRun(&p, "separate")
                }
                WordRun(entry.text).write(to: &p)
                if let bookmark = entry.bookmark {
                    WordRun(.tab).write(to: &p)
                    WordRun(.field(instruction: "PAGEREF \(bookmark) \\h", result: "")).write(to: &p)
                }
                if i == items.count - 1 { fieldRun(&p, "end") }
            }
        }
    }
}

/// The page: size and margins in twips (A4 by default), the footer on every page, none on the first (the cover).
public struct WordSection: Sendable, Equatable {
    public var pageWidth: Int
    public var pageHeight: Int
    public var top: Int, right: Int, bottom: Int, left: Int
    public var header: Int, footer: Int
    /// The footer's paragraphs (page numbers); none: no footer.
    public var footerParagraphs: [WordParagraph]
    /// The first page (a cover) has no footer.
    public var plainFirstPage: Bool

    /// A4 portrait (210 × 297 mm = 11906 × 16838 twips) with 2.54 cm above and below and 2.2 cm at the sides.
    public init(pageWidth: Int = 11906, pageHeight: Int = 16838, top: Int = 1440, right: Int = 1247, bottom: Int = 1440,
                left: Int = 1247, header: Int = 851, footer: Int = 851, footerParagraphs: [WordParagraph] = [], plainFirstPage: Bool = false) {
        self.pageWidth = pageWidth
        self.pageHeight = pageHeight
        self.top = top
        self.right = right
        self.bottom = bottom
        self.left = left
        self.header = header
        self.footer = footer
        self.footerParagraphs = footerParagraphs
        self.plainFirstPage = plainFirstPage
    }

    /// The width between the margins.
    public var textWidth: Int { pageWidth - left - right }

    func write(to xml: inout XMLBuilder) {
        xml.element("w:sectPr") { s in
            if !footerParagraphs.isEmpty {
                s.empty("w:footerReference", [("w:type", "default"), ("r:id", WordDocument.footerID)])
                if plainFirstPage { s.empty("w:footerReference", [("w:type", "first"), ("r:id", WordDocument.firstFooterID)]) }
            }
            s.empty("w:pgSz", [("w:w", String(pageWidth)), ("w:h", String(pageHeight))])
            s.empty("w:pgMar", [("w:top", String(top)), ("w:right", String(right)), ("w:bottom", String(bottom)), ("w:left", String(left)),
                                ("w:header", String(header)), ("w:footer", String(footer)), ("w:gutter", "0")])
            s.empty("w:cols", [("w:space", "425")])
            if plainFirstPage { s.empty("w:titlePg") }
        }
    }
}

/// The document's properties (`docProps/core.xml`). The date is given, never the clock's, so the same document is the
/// same bytes.
public struct WordProperties: Sendable, Equatable {
    public var title: String
    public var subject: String
    public var creator: String
    public var language: String
    /// `YYYY-MM-DD`: created and modified on that day, 00:00 UTC.
    public var date: String

    public init(title: String, subject: String = "", creator: String = "parkscore", language: String = "zh-CN", date: String) {
        self.title = title
        self.subject = subject
        self.creator = creator
        self.language = language
        self.date = date
    }
}

/// A Word document (.docx): the body's blocks, one section (page size, margins, footer), styles and properties,
/// written as the parts of an Office Open XML package through `PackageWriter`.
public struct WordDocument: Sendable {
    static let footerID = "rIdFooter1"
    static let firstFooterID = "rIdFooter2"

    public var blocks: [WordBlock]
    public var section: WordSection
    public var styles: WordStyles
    public var properties: WordProperties

    public init(blocks: [WordBlock] = [], section: WordSection = WordSection(), styles: WordStyles? = nil, properties: WordProperties) {
        self.blocks = blocks
        self.section = section
        self.styles = styles ?? WordStyles(textWidth: section.textWidth)
        self.properties = properties
    }

    public mutating func append(_ paragraph: WordParagraph) { blocks.append(.paragraph(paragraph)) }
    public mutating func append(_ table: WordTable) { blocks.append(.table(table)) }

    /// `word/document.xml`.
    public var documentXML: String {
        var xml = XMLBuilder()
        xml.element("w:document", [("xmlns:w", WordNamespace.main), ("xmlns:r", WordNamespace.relationships)]) { d in
            d.element("w:body") { body in
                for block in blocks {
                    switch block {
                    case .paragraph(let p): p.write(to: &body)
                    case .table(let t):
                        t.write(to: &body)
                    case .tableOfContents(let toc): toc.write(to: &body)
                    }
                }
                section.write(to: &body)
            }
        }
        return xml.text
    }

    func footerXML(_ paragraphs: [WordParagraph]) -> String {
        var xml = XMLBuilder()
        xml.element("w:ftr", [("xmlns:w", WordNamespace.main), ("xmlns:r", WordNamespace.relationships)]) { f in
            for p in paragraphs.isEmpty ? [WordParagraph(style: WordStyles.footer)] : paragraphs { p.write(to: &f) }
        }
        return xml.text
    }

    /// `word/settings.xml`: fields (the contents, page references) are updated when the document is opened; Chinese
    /// punctuation is compressed as Word does for Chinese text.
    var settingsXML: String {
        var xml = XMLBuilder()
        xml.element("w:settings", [("xmlns:w", WordNamespace.main)]) { s in
            s.empty("w:defaultTabStop", [("w:val", "420")])
            s.empty("w:characterSpacingControl", [("w:val", "compressPunctuation")])
            s.empty("w:updateFields", [("w:val", "true")])
            s.element("w:compat") { c in
                c.empty("w:compatSetting", [("w:name", "compatibilityMode"), ("w:uri", "http://schemas.microsoft.com/office/word"), ("w:val", "15")])
            }
        }
        return xml.text
    }

    var coreXML: String {
        let stamp = properties.date + "T00:00:00Z"
        var xml = XMLBuilder()
        xml.element("cp:coreProperties", [
            ("xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"),
            ("xmlns:dc", "http://purl.org/dc/elements/1.1/"), ("xmlns:dcterms", "http://purl.org/dc/terms/"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
        ]) { c in
            c.element("dc:title", text: properties.title)
            if !properties.subject.isEmpty { c.element("dc:subject", text: properties.subject) }
            c.element("dc:creator", text: properties.creator)
            c.element("cp:lastModifiedBy", text: properties.creator)
            c.element("dc:language", text: properties.language)
            c.element("dcterms:created", [("xsi:type", "dcterms:W3CDTF")], text: stamp)
            c.element("dcterms:modified", [("xsi:type", "dcterms:W3CDTF")], text: stamp)
        }
        return xml.text
    }

    var appXML: String {
        var xml = XMLBuilder()
        xml.element("Properties", [("xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties")]) {
            $0.element("Application", text: "parkscore")
        }
        return xml.text
    }

    var contentTypesXML: String {
        let main = "application/vnd.openxmlformats-officedocument.wordprocessingml."
        var overrides: [(String, String)] = [
            ("/word/document.xml", main + "document.main+xml"),
            ("/word/styles.xml", main + "styles+xml"),
            ("/word/settings.xml", main + "settings+xml"),
            ("/word/fontTable.xml", main + "fontTable+xml"),
        ]
        if !section.footerParagraphs.isEmpty {
            overrides.append(("/word/footer1.xml", main + "footer+xml"))
            if section.plainFirstPage { overrides.append(("/word/footer2.xml", main + "footer+xml")) }
        }
        overrides += [("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
                      ("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml")]
        var xml = XMLBuilder()
        xml.element("Types", [("xmlns", "http://schemas.openxmlformats.org/package/2006/content-types")]) { t in
            t.empty("Default", [("Extension", "rels"), ("ContentType", "application/vnd.openxmlformats-package.relationships+xml")])
            t.empty("Default", [("Extension", "xml"), ("ContentType", "application/xml")])
            for (part, type) in overrides { t.empty("Override", [("PartName", part), ("ContentType", type)]) }
        }
        return xml.text
    }

    static func relationships(_ entries: [(id: String, type: String, target: String)]) -> String {
        var xml = XMLBuilder()
        xml.element("Relationships", [("xmlns", WordNamespace.packageRelationships)]) { r in
            for entry in entries { r.empty("Relationship", [("Id", entry.id), ("Type", entry.type), ("Target", entry.target)]) }
        }
        return xml.text
    }

    /// Every part of the package, in the order written.
    public var parts: [(name: String, text: String)] {
        let office = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
        var documentRelationships: [(id: String, type: String, target: String)] = [
            ("rIdStyles", office + "styles", "styles.xml"),
            ("rIdSettings", office + "settings", "settings.xml"),
            ("rIdFontTable", office + "fontTable", "fontTable.xml"),
        ]
        var footers: [(name: String, text: String)] = []
        if !section.footerParagraphs.isEmpty {
            documentRelationships.append((Self.footerID, office + "footer", "footer1.xml"))
            footers.append(("word/footer1.xml", footerXML(section.footerParagraphs)))
            if section.plainFirstPage {
                documentRelationships.append((Self.firstFooterID, office + "footer", "footer2.xml"))
                footers.append(("word/footer2.xml", footerXML([])))
            }
        }
        return [
            ("[Content_Types].xml", contentTypesXML),
            ("_rels/.rels", Self.relationships([
                ("rId1", office + "officeDocument", "word/document.xml"),
                ("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml"),
                ("rId3", office + "extended-properties", "docProps/app.xml"),
            ])),
            ("word/document.xml", documentXML),
            ("word/_rels/document.xml.rels", Self.relationships(documentRelationships)),
            ("word/styles.xml", styles.xml),
            ("word/settings.xml", settingsXML),
            ("word/fontTable.xml", styles.fontTable),
        ] + footers + [
            ("docProps/core.xml", coreXML),
            ("docProps/app.xml", appXML),
        ]
    }

    /// The .docx file's bytes: the same document gives the same bytes.
    public func bytes() throws -> [UInt8] {
        var package = PackageWriter()
        for part in parts { package.add(part.name, part.text) }
        return try package.bytes()
    }
}
