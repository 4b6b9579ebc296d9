/// A run of text in one formatting (WordprocessingML `w:r`): text, a tab, a line or page break, or a field such as
/// PAGE whose result Word and LibreOffice compute when they lay the document out.
public struct WordRun: Sendable, Equatable {
    public enum Content: Sendable, Equatable {
        /// Text, written escaped and with its spaces kept: never read as markup or as a field.
        case text(String)
        case tab
        case lineBreak
        case pageBreak
        /// A field (`PAGE`, `NUMPAGES`, `PAGEREF …`): its instruction, and the result shown until it is updated.
        case field(instruction: String, result: String)
    }

    public var content: Content
    public var bold: Bool
    public var italic: Bool
    public var underline: Bool
    /// Size in half-points (21 = 10.5pt, 五号).
    public var size: Int?
    /// RGB hex, `555555`.
    public var color: String?

    public init(_ content: Content, bold: Bool = false, italic: Bool = false, underline: Bool = false, size: Int? = nil,
                color: String? = nil) {
        self.content = content
        self.bold = bold
        self.italic = italic
        self.underline = underline
        self.size = size
        self.color = color
    }

    public init(_ text: String, bold: Bool = false, italic: Bool = false, underline: Bool = false, size: Int? = nil,
                color: String? = nil) {
        self.init(.text(text), bold: bold, italic: italic, underline: underline, size: size, color: color)
    }

    var properties: String {
        var xml = XMLBuilder(declaration: false)
        if bold { xml.empty("w:b"); xml.empty("w:bCs") }
        if italic { xml.empty("w:i"); xml.empty("w:iCs") }
        // In the schema's order: b, i, color, sz, u.
        if let color { xml.empty("w:color", [("w:val", color)]) }
        if let size { xml.empty("w:sz", [("w:val", String(size))]); xml.empty("w:szCs", [("w:val", String(size))]) }
        if underline { xml.empty("w:u", [("w:val", "single")]) }
        return xml.text.isEmpty ? "" : "<w:rPr>" + xml.text + "</w:rPr>"
    }

    func write(to xml: inout XMLBuilder) {
        let rPr = properties
        func run(_ body: (inout XMLBuilder) -> Void) {
            xml.element("w:r") { r in
                r.add(markup: rPr)
                body(&r)
            }
        }
        switch content {
        case .text(let text):
            // A line break in the text is a break in the run; everything else is text.
            for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                run { r in
                    if i > 0 { r.empty("w:br") }
                    if !line.isEmpty { r.element("w:t", [("xml:space", "preserve")], text: String(line)) }
                }
            }
        case .tab: run { $0.empty("w:tab") }
        case .lineBreak: run { $0.empty("w:br") }
        case .pageBreak: run { $0.empty("w:br", [("w:type", "page")]) }
        case .field(let instruction, let result):
            run { $0.empty("w:fldChar", [("w:fldCharType", "begin")]) }
            run { $0.element("w:instrText", [("xml:space", "preserve")], text: " \(instruction) ") }
            run { $0.empty("w:fldChar", [("w:fldCharType", "separate")]) }
            if !result.isEmpty { run { $0.element("w:t", [("xml:space", "preserve")], text: result) } }
            run { $0.empty("w:fldChar", [("w:fldCharType", "end")]) }
        }
    }
}

/// A paragraph (`w:p`): a style, runs, and the few direct properties a generated document needs.
public struct WordParagraph: Sendable, Equatable {
    public enum Alignment: String, Sendable {
        case left, center, right, both
    }

    public var style: String?
    public var runs: [WordRun]
    public var alignment: Alignment?
    /// Kept on the page with the next paragraph (a table's caption, a heading).
    public var keepNext: Bool
    public var pageBreakBefore: Bool
    /// Space before and after, in twips (1/20 pt).
    public var spacingBefore: Int?
    public var spacingAfter: Int?
    /// A bookmark around the paragraph's text (a heading the contents point at with PAGEREF).
    public var bookmark: (id: Int, name: String)?

    public init(style: String? = nil, _ runs: [WordRun] = [], alignment: Alignment? = nil, keepNext: Bool = false,
                pageBreakBefore: Bool = false, spacingBefore: Int? = nil, spacingAfter: Int? = nil) {
        self.style = style
        self.runs = runs
        self.alignment = alignment
        self.keepNext = keepNext
        self.pageBreakBefore = pageBreakBefore
        self.spacingBefore = spacingBefore
        self.spacingAfter = spacingAfter
    }

    /// A paragraph of one run of text.
    public init(style: String? = nil, text: String, bold: Bool = false, size: Int? = nil, color: String? = nil,
                alignment: Alignment? = nil) {
        self.init(style: style, text.isEmpty ? [] : [WordRun(text, bold: bold, size: size, color: color)], alignment: alignment)
    }

    public static func == (a: WordParagraph, b: WordParagraph) -> Bool {
        a.style == b.style && a.runs == b.runs && a.alignment == b.alignment && a.keepNext == b.keepNext
            && a.pageBreakBefore == b.pageBreakBefore && a.spacingBefore == b.spacingBefore && a.spacingAfter == b.spacingAfter
            && a.bookmark?.id == b.bookmark?.id && a.bookmark?.name == b.bookmark?.name
    }

    func write(to xml: inout XMLBuilder) {
        xml.element("w:p") { p in
            var pPr = XMLBuilder(declaration: false)
            if let style { pPr.empty("w:pStyle", [("w:val", style)]) }
            if keepNext { pPr.empty("w:keepNext") }
            if pageBreakBefore { pPr.empty("w:pageBreakBefore") }
            if spacingBefore != nil || spacingAfter != nil {
                var attributes: [(String, String)] = []
                if let spacingBefore { attributes.append(("w:before", String(spacingBefore))) }
                if let spacingAfter { attributes.append(("w:after", String(spacingAfter))) }
                pPr.empty("w:spacing", attributes)
            }
            if let alignment { pPr.empty("w:jc", [("w:val", alignment.rawValue)]) }
            if !pPr.text.isEmpty { p.element("w:pPr") { $0.add(markup: pPr.text) } }
            if let bookmark { p.empty("w:bookmarkStart", [("w:id", String(bookmark.id)), ("w:name", bookmark.name)]) }
            for run in runs { run.write(to: &p) }
            if let bookmark { p.empty("w:bookmarkEnd", [("w:id", String(bookmark.id))]) }
        }
    }
}
