/// Writes a `Workbook` as an .xlsx package: the parts as XML text (for goldens and tests), or the package's bytes.
/// Deterministic: the same workbook gives the same parts and the same bytes.
///
///     var sheet = Sheet(name: "排名")
///     sheet["A1"] = .text("园区", style: CellStyle(bold: true))
///     sheet["B2"] = .number("84.25")
///     let bytes = try WorkbookWriter(Workbook(sheets: [sheet])).bytes()
///
/// Nothing is ever written as a formula: text starting with `=` is a string.
public struct WorkbookWriter {
    public let workbook: Workbook

    public init(_ workbook: Workbook) {
        self.workbook = workbook
    }

    /// The package's bytes.
    public func bytes() throws -> [UInt8] {
        var package = PackageWriter()
        for part in try parts() { package.add(part.name, part.text) }
        return try package.bytes()
    }

    /// Every part, by name, in the order they go into the package.
    public func parts() throws -> [(name: String, text: String)] {
        var sheets = workbook.sheets
        guard !sheets.isEmpty else { throw WorkbookWriterError.noSheets }
        var seen = Set<String>()
        for sheet in sheets where !seen.insert(sheet.name.lowercased()).inserted {
            throw WorkbookWriterError.duplicateSheetName(sheet.name)
        }
        guard sheets.contains(where: { $0.state == .visible }) else { throw WorkbookWriterError.noVisibleSheet }
        for sheet in sheets {
            for (row, cells) in sheet.rows.sorted(by: { $0.key < $1.key }) {
                for (column, cell) in cells.sorted(by: { $0.key < $1.key }) {
                    if case .text(let text) = cell.value, text.utf16.count > Self.maxTextLength {
                        throw WorkbookWriterError.textTooLong(sheet: sheet.name, cell: CellReference(row: row, column: column).description)
                    }
                }
            }
        }

        // Lists too long (or too awkward) to write inline go, one column each, into a hidden sheet.
        var listSheet: Sheet?
        var listColumns: [[String]: Int] = [:]
        var listName = workbook.listSheetName
        var suffix = 1
        while seen.contains(listName.lowercased()) {
            suffix += 1
            listName = workbook.listSheetName + String(suffix)
        }
        var formulas: [[String?]] = []
        for sheet in sheets {
            formulas.append(sheet.validations.map { validation -> String? in
                if validation.inlineFormula != nil { return nil }
                guard !validation.list.isEmpty, validation.list.count <= CellReference.maxRow else { return nil }
                if listSheet == nil { listSheet = Sheet(name: listName, state: .hidden) }
                let column: Int
                if let known = listColumns[validation.list] {
                    column = known
                } else {
                    column = listColumns.count + 1
                    listColumns[validation.list] = column
                    for (i, item) in validation.list.enumerated() { listSheet?.set(i + 1, column, .text(item)) }
                }
                let range = CellRange(CellReference(row: 1, column: column), CellReference(row: validation.list.count, column: column))
                return Self.quoted(sheetName: listName) + "!" + range.absolute
            })
        }
        if let listSheet {
            sheets.append(listSheet)
            formulas.append([])
        }

        var strings = SharedStrings()
        var styles = StyleSheet()
        var sheetParts: [String] = []
        for (i, sheet) in sheets.enumerated() {
            sheetParts.append(SheetXML(sheet: sheet, listFormulas: formulas[i], selected: i == sheets.firstIndex { $0.state == .visible },
                                       shared: workbook.strings == .shared).xml(strings: &strings, styles: &styles))
        }

        var parts: [(String, String)] = []
        let hasStrings = workbook.strings == .shared && !strings.items.isEmpty
        parts.append(("[Content_Types].xml", contentTypes(sheetCount: sheets.count, sharedStrings: hasStrings)))
        parts.append(("_rels/.rels", packageRelationships()))
        parts.append(("docProps/app.xml", appProperties()))
        parts.append(("docProps/core.xml", coreProperties()))
        parts.append(("xl/workbook.xml", workbookXML(sheets)))
        parts.append(("xl/_rels/workbook.xml.rels", workbookRelationships(sheetCount: sheets.count, sharedStrings: hasStrings)))
        parts.append(("xl/styles.xml", styles.xml()))
        if hasStrings { parts.append(("xl/sharedStrings.xml", strings.xml())) }
        for (i, part) in sheetParts.enumerated() { parts.append(("xl/worksheets/sheet\(i + 1).xml", part)) }
        return parts
    }

    /// The most characters a cell's text may have (Excel's limit; a longer one makes it repair the file).
    public static let maxTextLength = 32_767

    /// `'事实'`: a sheet's name as a formula or defined name refers to it.
    public static func quoted(sheetName: String) -> String {
        "'" + sheetName.replacingOccurrences(of: "'", with: "''") + "'"
    }

    func contentTypes(sheetCount: Int, sharedStrings: Bool) -> String {
        var b = XMLBuilder()
        b.element("Types", [("xmlns", SpreadsheetNamespace.contentTypes)]) { b in
            b.empty("Default", [("Extension", "rels"), ("ContentType", "application/vnd.openxmlformats-package.relationships+xml")])
            b.empty("Default", [("Extension", "xml"), ("ContentType", "application/xml")])
            b.empty("Override", [("PartName", "/xl/workbook.xml"),
                                 ("ContentType", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")])
            for i in 1...sheetCount {
                b.empty("Override", [("PartName", "/xl/worksheets/sheet\(i).xml"),
                                     ("ContentType", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml")])
            }
            b.empty("Override", [("PartName", "/xl/styles.xml"),
                                 ("ContentType", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml")])
            if sharedStrings {
                b.empty("Override", [("PartName", "/xl/sharedStrings.xml"),
                                     ("ContentType", "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml")])
            }
            b.empty("Override", [("PartName", "/docProps/core.xml"), ("ContentType", "application/vnd.openxmlformats-package.core-properties+xml")])
            b.empty("Override", [("PartName", "/docProps/app.xml"),
                                 ("ContentType", "application/vnd.openxmlformats-officedocument.extended-properties+xml")])
        }
        return b.text
    }

    func packageRelationships() -> String {
        var b = XMLBuilder()
        b.element("Relationships", [("xmlns", SpreadsheetNamespace.packageRelationships)]) { b in
            b.empty("Relationship", [("Id", "rId1"), ("Type", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"),
                                     ("Target", "xl/workbook.xml")])
            b.empty("Relationship", [("Id", "rId2"), ("Type", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"),
                                     ("Target", "docProps/core.xml")])
            b.empty("Relationship", [("Id", "rId3"), ("Type", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"),
                                     ("Target", "docProps/app.xml")])
        }
        return b.text
    }

    func appProperties() -> String {
        var b = XMLBuilder()
        b.element("Properties", [("xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties")]) { b in
            b.element("Application", text: workbook.properties.application)
        }
        return b.text
    }

    func coreProperties() -> String {
        let p = workbook.properties
        var b = XMLBuilder()
        b.element("cp:coreProperties", [("xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"),
                                        ("xmlns:dc", "http://purl.org/dc/elements/1.1/"), ("xmlns:dcterms", "http://purl.org/dc/terms/"),
                                        ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance")]) { b in
            if let title = p.title { b.element("dc:title", text: title) }
            if let subject = p.subject { b.element("dc:subject", text: subject) }
            b.element("dc:creator", text: p.creator)
            if let language = p.language { b.element("dc:language", text: language) }
            b.element("cp:lastModifiedBy", text: p.creator)
            b.element("dcterms:created", [("xsi:type", "dcterms:W3CDTF")], text: p.created)
            b.element("dcterms:modified", [("xsi:type", "dcterms:W3CDTF")], text: p.modified)
        }
        return b.text
    }

    func workbookXML(_ sheets: [Sheet]) -> String {
        let active = sheets.firstIndex { $0.state == .visible } ?? 0
        var b = XMLBuilder()
        b.element("workbook", [("xmlns", SpreadsheetNamespace.main), ("xmlns:r", SpreadsheetNamespace.relationships)]) { b in
            b.empty("workbookPr")
            b.element("bookViews") { $0.empty("workbookView", [("activeTab", String(active))]) }
            b.element("sheets") { b in
                for (i, sheet) in sheets.enumerated() {
                    var attributes = [("name", sheet.name), ("sheetId", String(i + 1))]
                    if sheet.state != .visible { attributes.append(("state", sheet.state.rawValue)) }
                    attributes.append(("r:id", "rId\(i + 1)"))
                    b.empty("sheet", attributes)
                }
            }
            // Print titles: the columns, then the rows, as Excel writes them (`'Sheet'!$A:$C,'Sheet'!$1:$1`).
            let titled = sheets.enumerated().compactMap { i, sheet -> (Int, String)? in
                let quoted = Self.quoted(sheetName: sheet.name)
                var ranges: [String] = []
                if let columns = sheet.page.repeatColumns {
                    ranges.append(quoted + "!$\(CellReference.letters(columns.lowerBound)):$\(CellReference.letters(columns.upperBound))")
                }
                if let rows = sheet.page.repeatRows { ranges.append(quoted + "!$\(rows.lowerBound):$\(rows.upperBound)") }
                return ranges.isEmpty ? nil : (i, ranges.joined(separator: ","))
            }
            if !titled.isEmpty {
                b.element("definedNames") { b in
                    for (i, text) in titled {
                        b.element("definedName", [("name", "_xlnm.Print_Titles"), ("localSheetId", String(i))], text: text)
                    }
                }
            }
        }
        return b.text
    }

    func workbookRelationships(sheetCount: Int, sharedStrings: Bool) -> String {
        let base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
        var b = XMLBuilder()
        b.element("Relationships", [("xmlns", SpreadsheetNamespace.packageRelationships)]) { b in
            for i in 1...sheetCount {
                b.empty("Relationship", [("Id", "rId\(i)"), ("Type", base + "worksheet"), ("Target", "worksheets/sheet\(i).xml")])
            }
            b.empty("Relationship", [("Id", "rId\(sheetCount + 1)"), ("Type", base + "styles"), ("Target", "styles.xml")])
            if sharedStrings {
                b.empty("Relationship", [("Id", "rId\(sheetCount + 2)"), ("Type", base + "sharedStrings"), ("Target", "sharedStrings.xml")])
            }
        }
        return b.text
    }
}

public enum WorkbookWriterError: Error, Equatable {
    case noSheets
    case noVisibleSheet
    case duplicateSheetName(String)
    /// A cell's text is longer than `WorkbookWriter.maxTextLength`.
    case textTooLong(sheet: String, cell: String)
}

/// The shared string table: each distinct string once, in order of first use.
struct SharedStrings {
    private(set) var items: [String] = []
    private var indexes: [String: Int] = [:]
    private(set) var uses = 0

    mutating func index(of text: String) -> Int {
        uses += 1
        if let index = indexes[text] { return index }
        items.append(text)
        indexes[text] = items.count - 1
        return items.count - 1
    }

    func xml() -> String {
        var b = XMLBuilder()
        b.element("sst", [("xmlns", SpreadsheetNamespace.main), ("count", String(uses)), ("uniqueCount", String(items.count))]) { b in
            for item in items {
                b.element("si") { $0.element("t", [("xml:space", "preserve")], text: item) }
            }
        }
        return b.text
    }
}
