import ParkOffice

/// Workbooks written part by part for tests: the XML a test gives, packed with `PackageWriter`, so that a test says
/// exactly what an office program would have stored (shared strings, inline strings, styles) and what a hostile file
/// holds.
public struct TestWorkbook {
    public var sheets: [(name: String, rows: String)] = []
    public var sharedStrings: [String] = []
    /// `cellXfs` number format ids, by style index (`s="1"` is the second); custom codes in `numberFormats`.
    public var cellFormats: [Int] = [0]
    public var numberFormats: [(id: Int, code: String)] = []
    public var date1904 = false
    /// Sheets (by index) written with `state="hidden"`; `veryHidden` ones with `state="veryHidden"`.
    public var hiddenSheets: Set<Int> = []
    public var veryHiddenSheets: Set<Int> = []

    public init() {}

    public mutating func sheet(_ name: String, _ rows: String) { sheets.append((name, rows)) }

    /// A shared string's index, added on first use.
    public mutating func shared(_ text: String) -> Int {
        if let i = sharedStrings.firstIndex(of: text) { return i }
        sharedStrings.append(text)
        return sharedStrings.count - 1
    }

    /// A style index with this number format id (added on first use).
    public mutating func style(_ id: Int, code: String? = nil) -> Int {
        if let code, !numberFormats.contains(where: { $0.id == id }) { numberFormats.append((id, code)) }
        if let i = cellFormats.firstIndex(of: id) { return i }
        cellFormats.append(id)
        return cellFormats.count - 1
    }

    public static func escape(_ text: String) -> String { XMLText.escape(text) }

    public static func inline(_ ref: String, _ text: String) -> String {
        "<c r=\"\(ref)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(escape(text))</t></is></c>"
    }

    public static func number(_ ref: String, _ value: String, style: Int? = nil) -> String {
        "<c r=\"\(ref)\"\(style.map { " s=\"\($0)\"" } ?? "")><v>\(value)</v></c>"
    }

    public static func boolean(_ ref: String, _ value: Bool) -> String { "<c r=\"\(ref)\" t=\"b\"><v>\(value ? 1 : 0)</v></c>" }

    public mutating func string(_ ref: String, _ text: String) -> String { "<c r=\"\(ref)\" t=\"s\"><v>\(shared(text))</v></c>" }

    public static func row(_ n: Int, _ cells: String...) -> String { "<row r=\"\(n)\">" + cells.joined() + "</row>" }

    private func state(_ index: Int) -> String {
        veryHiddenSheets.contains(index) ? " state=\"veryHidden\"" : hiddenSheets.contains(index) ? " state=\"hidden\"" : ""
    }

    public var parts: [(String, String)] {
        var out: [(String, String)] = []
        let decl = XMLText.declaration
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        out.append(("[Content_Types].xml", decl + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + sheets.indices.map { "<Override PartName=\"/xl/worksheets/sheet\($0 + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>" }.joined()
            + "</Types>"))
        out.append(("_rels/.rels", decl + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"\(rel)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"))
        out.append(("xl/workbook.xml", decl + "<workbook xmlns=\"\(main)\" xmlns:r=\"\(rel)\">"
            + (date1904 ? "<workbookPr date1904=\"1\"/>" : "") + "<sheets>"
            + sheets.enumerated().map { "<sheet name=\"\(Self.escape($0.element.name))\" sheetId=\"\($0.offset + 1)\"" + state($0.offset) + " r:id=\"rId\($0.offset + 1)\"/>" }.joined()
            + "</sheets></workbook>"))
        out.append(("xl/_rels/workbook.xml.rels", decl + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + sheets.indices.map { "<Relationship Id=\"rId\($0 + 1)\" Type=\"\(rel)/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>" }.joined()
            + "<Relationship Id=\"rIdS\" Type=\"\(rel)/styles\" Target=\"styles.xml\"/>"
            + "<Relationship Id=\"rIdT\" Type=\"\(rel)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
            + "</Relationships>"))
        out.append(("xl/styles.xml", decl + "<styleSheet xmlns=\"\(main)\">"
            + (numberFormats.isEmpty ? "" : "<numFmts count=\"\(numberFormats.count)\">"
               + numberFormats.map { "<numFmt numFmtId=\"\($0.id)\" formatCode=\"\(Self.escape($0.code))\"/>" }.joined() + "</numFmts>")
            + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\"/></cellStyleXfs>"
            + "<cellXfs count=\"\(cellFormats.count)\">" + cellFormats.map { "<xf numFmtId=\"\($0)\" xfId=\"0\"/>" }.joined() + "</cellXfs>"
            + "</styleSheet>"))
        out.append(("xl/sharedStrings.xml", decl + "<sst xmlns=\"\(main)\" count=\"\(sharedStrings.count)\" uniqueCount=\"\(sharedStrings.count)\">"
            + sharedStrings.map { "<si><t xml:space=\"preserve\">\(Self.escape($0))</t></si>" }.joined() + "</sst>"))
        for (i, sheet) in sheets.enumerated() {
            out.append(("xl/worksheets/sheet\(i + 1).xml", decl + "<worksheet xmlns=\"\(main)\" xmlns:r=\"\(rel)\"><sheetData>" + sheet.rows
                + "</sheetData></worksheet>"))
        }
        return out
    }

    /// The package, with `replacing` parts put in place of (or beside) the generated ones.
    public func bytes(replacing: [(String, [UInt8])] = []) throws -> [UInt8] {
        var writer = PackageWriter()
        for (name, text) in parts where !replacing.contains(where: { $0.0 == name }) { writer.add(name, text) }
        for (name, bytes) in replacing { writer.add(name, bytes) }
        return try writer.bytes()
    }
}
