/// A table (`w:tbl`) in the document's table style (borders on every cell): fixed column widths, header rows that
/// Word and LibreOffice repeat at the top of every page the table runs onto (`w:tblHeader`), and rows that do not
/// split across pages unless told.
public struct WordTable: Sendable, Equatable {
    /// Each column's width in twips; their sum is the table's width.
    public var columnWidths: [Int]
    public var rows: [WordTableRow]
    /// How many rows from the top are header rows, repeated on each page.
    public var headerRows: Int
    public var style: String
    /// A table without borders (a cover's list of facts), still in the grid.
    public var borderless: Bool
    /// Centred between the margins (a table narrower than the text).
    public var centered: Bool

    public init(columnWidths: [Int], rows: [WordTableRow], headerRows: Int = 1, style: String = WordStyles.tableStyle,
                borderless: Bool = false, centered: Bool = false) {
        self.centered = centered
        self.columnWidths = columnWidths
        self.rows = rows
        self.headerRows = headerRows
        self.style = style
        self.borderless = borderless
    }

    func write(to xml: inout XMLBuilder) {
        xml.element("w:tbl") { t in
            t.element("w:tblPr") { p in
                p.empty("w:tblStyle", [("w:val", style)])
                p.empty("w:tblW", [("w:w", String(columnWidths.reduce(0, +))), ("w:type", "dxa")])
                if centered { p.empty("w:jc", [("w:val", "center")]) }
                if borderless {
                    p.element("w:tblBorders") { b in
                        for side in ["top", "left", "bottom", "right", "insideH", "insideV"] { b.empty("w:" + side, [("w:val", "nil")]) }
                    }
                }
                p.empty("w:tblLayout", [("w:type", "fixed")])
                p.empty("w:tblLook", [("w:val", "04A0"), ("w:firstRow", headerRows > 0 ? "1" : "0"), ("w:lastRow", "0"),
                                      ("w:firstColumn", "0"), ("w:lastColumn", "0"), ("w:noHBand", "1"), ("w:noVBand", "1")])
            }
            t.element("w:tblGrid") { g in
                for width in columnWidths { g.empty("w:gridCol", [("w:w", String(width))]) }
            }
            var column = 0
            for (r, row) in rows.enumerated() {
                column = 0
                t.element("w:tr") { tr in
                    let header = r < headerRows
                    if header || !row.canSplit || row.minHeight != nil {
                        tr.element("w:trPr") { p in
                            if !row.canSplit { p.empty("w:cantSplit") }
                            if let height = row.minHeight { p.empty("w:trHeight", [("w:val", String(height)), ("w:hRule", "atLeast")]) }
                            if header { p.empty("w:tblHeader") }
                        }
                    }
                    for cell in row.cells {
                        let span = max(1, min(cell.span, columnWidths.count - column))
                        let width = columnWidths[min(column, columnWidths.count - 1)..<min(column + span, columnWidths.count)].reduce(0, +)
                        column += span
                        cell.write(to: &tr, width: width, span: span, header: header)
                    }
                }
            }
        }
    }
}

public struct WordTableRow: Sendable, Equatable {
    public var cells: [WordTableCell]
    /// False keeps the row whole on one page (`w:cantSplit`); a row longer than a page should be allowed to split.
    public var canSplit: Bool
    /// The row's least height in twips (a line to sign on), if any.
    public var minHeight: Int?

    public init(_ cells: [WordTableCell], canSplit: Bool = false, minHeight: Int? = nil) {
        self.cells = cells
        self.canSplit = canSplit
        self.minHeight = minHeight
    }
}

public struct WordTableCell: Sendable, Equatable {
    public var paragraphs: [WordParagraph]
    /// Columns the cell spans.
    public var span: Int
    /// Fill, RGB hex.
    public var shading: String?

    public init(_ paragraphs: [WordParagraph], span: Int = 1, shading: String? = nil) {
        self.paragraphs = paragraphs
        self.span = span
        self.shading = shading
    }

    /// A cell of one paragraph of text in the table text style.
    public init(text: String, bold: Bool = false, alignment: WordParagraph.Alignment? = nil, span: Int = 1, shading: String? = nil) {
        self.init([WordParagraph(style: WordStyles.tableText, text: text, bold: bold, alignment: alignment)], span: span, shading: shading)
    }

    func write(to xml: inout XMLBuilder, width: Int, span: Int, header: Bool) {
        xml.element("w:tc") { tc in
            tc.element("w:tcPr") { p in
                p.empty("w:tcW", [("w:w", String(width)), ("w:type", "dxa")])
                if span > 1 { p.empty("w:gridSpan", [("w:val", String(span))]) }
                if let fill = shading ?? (header ? WordStyles.headerFill : nil) {
                    p.empty("w:shd", [("w:val", "clear"), ("w:color", "auto"), ("w:fill", fill)])
                }
            }
            // A cell holds at least one paragraph.
            let body = paragraphs.isEmpty ? [WordParagraph(style: WordStyles.tableText)] : paragraphs
            for paragraph in body {
                var paragraph = paragraph
                if header { paragraph.runs = paragraph.runs.map { var run = $0; run.bold = true; return run } }
                paragraph.write(to: &tc)
            }
        }
    }
}
