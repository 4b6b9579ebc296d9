import Foundation

/// Reads a workbook (.xlsx) from untrusted bytes: the package under `PackageLimits`, each part's XML under `XMLLimits`.
/// The sheets come in the workbook's order with their names; each cell with its value as stored (shared strings, rich
/// text runs, inline strings, formula results, numbers as written, booleans, errors) and the style its number format
/// gives it (date, percent, number). What Excel, LibreOffice and openpyxl write reads alike.
public enum SpreadsheetReader {
    public static func read(_ bytes: [UInt8], packageLimits: PackageLimits = .default, xmlLimits: XMLLimits = .default) throws -> SpreadsheetContents {
        let package = try PackageReader(bytes: bytes, limits: packageLimits)
        // The workbook part: the package's officeDocument relationship, or where every writer puts it.
        var workbookPath = "xl/workbook.xml"
        if let rels = try package.part("_rels/.rels") {
            let relationships = try Relationships.read(rels, part: "_rels/.rels", base: "", limits: xmlLimits)
            if let target = relationships.first(where: { $0.type.hasSuffix("/officeDocument") })?.target { workbookPath = target }
        }
        let workbookBytes = try package.requiredPart(workbookPath)
        let base = workbookPath.split(separator: "/").dropLast().joined(separator: "/")
        let relsPath = (base.isEmpty ? "" : base + "/") + "_rels/" + (workbookPath.split(separator: "/").last.map(String.init) ?? "") + ".rels"
        let relationships = try package.part(relsPath).map { try Relationships.read($0, part: relsPath, base: base, limits: xmlLimits) } ?? []

        let workbook = WorkbookHandler(limits: xmlLimits)
        try XMLEventReader.parse(workbookBytes, part: workbookPath, limits: xmlLimits, handler: workbook)

        func related(_ suffix: String, or fallback: String) -> String {
            relationships.first { $0.type.hasSuffix(suffix) }?.target ?? (base.isEmpty ? "" : base + "/") + fallback
        }
        var strings: [String] = []
        let stringsPath = related("/sharedStrings", or: "sharedStrings.xml")
        if let bytes = try package.part(stringsPath) {
            let handler = SharedStringsHandler(part: stringsPath, limits: xmlLimits)
            try XMLEventReader.parse(bytes, part: stringsPath, limits: xmlLimits, handler: handler)
            strings = handler.strings
        }
        var styles = StylesHandler()
        let stylesPath = related("/styles", or: "styles.xml")
        if let bytes = try package.part(stylesPath) {
            try XMLEventReader.parse(bytes, part: stylesPath, limits: xmlLimits, handler: styles)
        } else {
            styles = StylesHandler()
        }

        var sheets: [SheetContents] = []
        var read = Set<String>()
        // Cells are counted over the whole workbook, not only per sheet: 256 sheets of a million cells each would
        // otherwise all be held.
        var cellsLeft = xmlLimits.maxCells
        for entry in workbook.sheets {
            // Rows are counted as the sheet inflates, so a sheet of a million rows stops at the limit, not at its end.
            let rows = RowCounter(sheet: entry.name, limit: xmlLimits.maxRows)
            guard let target = relationships.first(where: { $0.id == entry.relationship })?.target else {
                throw OfficeReadError.missingPart(entry.name)
            }
            // Two sheets that name one part: no office program writes that; read twice, it would count twice.
            guard read.insert(target).inserted else { throw OfficeReadError.sheetPartTwice(sheet: entry.name) }
            guard let bytes = try package.part(target, watch: rows.count) else { throw OfficeReadError.missingPart(entry.name) }
            let handler = SheetHandler(part: target, sheet: entry.name, limits: xmlLimits, maxCells: cellsLeft, strings: strings, styles: styles)
            try XMLEventReader.parse(bytes, part: target, limits: xmlLimits, handler: handler)
            cellsLeft -= handler.cells.count
            sheets.append(SheetContents(name: entry.name, cells: handler.cells, formulasWithoutValue: handler.formulasWithoutValue, hidden: entry.hidden))
        }
        return SpreadsheetContents(sheets: sheets, date1904: workbook.date1904)
    }
}

/// Counts `<row` start tags in a sheet's bytes as they inflate (a tag split between chunks is counted once), and
/// refuses the sheet once they pass the limit. The parser counts again, exactly; this only stops early.
final class RowCounter {
    let sheet: String
    let limit: Int
    private var rows = 0
    private var carry: [UInt8] = []

    init(sheet: String, limit: Int) {
        self.sheet = sheet
        self.limit = limit
    }

    /// The last four bytes of one chunk are scanned again with the next: a tag starting there is seen whole then, and
    /// none can be counted twice (a tag takes five bytes).
    func count(_ chunk: Data) throws {
        let bytes = carry + [UInt8](chunk)
        if bytes.count >= 5 {
            for i in 0..<(bytes.count - 4) where bytes[i] == 0x3C && bytes[i + 1] == 0x72 && bytes[i + 2] == 0x6F && bytes[i + 3] == 0x77
                && Self.ends(bytes[i + 4]) {
                rows += 1
            }
        }
        carry = Array(bytes.suffix(4))
        guard rows <= limit else { throw OfficeReadError.tooManyRows(sheet: sheet, limit: limit) }
    }

    /// After `<row`: a space, `>` or `/` (not `<rowBreaks`).
    private static func ends(_ b: UInt8) -> Bool { b == 0x20 || b == 0x3E || b == 0x2F || b == 0x09 || b == 0x0A || b == 0x0D }
}

/// A part's relationships: id, type and target (resolved against the folder of the part they belong to).
struct Relationships {
    struct Relationship {
        var id: String
        var type: String
        var target: String
    }

    static func read(_ bytes: [UInt8], part: String, base: String, limits: XMLLimits) throws -> [Relationship] {
        let handler = Handler()
        try XMLEventReader.parse(bytes, part: part, limits: limits, handler: handler)
        guard handler.items.count <= limits.maxSheets * 4 + 64 else { throw OfficeReadError.tooManySheets(limit: limits.maxSheets) }
        return handler.items.compactMap { item in
            if item.mode == "External" { return nil }
            return Relationship(id: item.id, type: item.type, target: resolve(item.target, base: base))
        }
    }

    /// `worksheets/sheet1.xml` against `xl` → `xl/worksheets/sheet1.xml`; `/xl/styles.xml` → `xl/styles.xml`; `..` steps
    /// up (a target that leaves the package names no part in it, and is simply not found).
    static func resolve(_ target: String, base: String) -> String {
        var parts: [Substring] = target.hasPrefix("/") ? [] : base.split(separator: "/")
        for component in target.split(separator: "/") {
            if component == "." { continue }
            if component == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(component)
        }
        return parts.joined(separator: "/")
    }

    private final class Handler: XMLEventHandler {
        var items: [(id: String, type: String, target: String, mode: String?)] = []
        func start(_ name: String, _ attributes: [String: String]) throws {
            guard name == "Relationship", let id = attributes["Id"], let target = attributes["Target"] else { return }
            items.append((id, attributes["Type"] ?? "", target, attributes["TargetMode"]))
        }
        func end(_ name: String) throws {}
        func text(_ text: String) throws {}
    }
}

/// `xl/workbook.xml`: the sheets in order (name, relationship id) and the date system.
private final class WorkbookHandler: XMLEventHandler {
    let limits: XMLLimits
    var sheets: [(name: String, relationship: String, hidden: Bool)] = []
    private var names = Set<String>()
    var date1904 = false

    init(limits: XMLLimits) { self.limits = limits }

    func start(_ name: String, _ attributes: [String: String]) throws {
        switch name {
        case "sheet":
            guard sheets.count < limits.maxSheets else { throw OfficeReadError.tooManySheets(limit: limits.maxSheets) }
            let name = attributes["name"] ?? ""
            guard name.utf16.count <= limits.maxSheetName else { throw OfficeReadError.sheetNameTooLong(limit: limits.maxSheetName) }
            guard names.insert(name.lowercased()).inserted else { throw OfficeReadError.sheetNameTwice(sheet: name) }
            sheets.append((name, attributes["id"] ?? "", ["hidden", "veryHidden"].contains(attributes["state"] ?? "")))
        case "workbookPr":
            date1904 = ["1", "true"].contains(attributes["date1904"] ?? "")
        default: break
        }
    }
    func end(_ name: String) throws {}
    func text(_ text: String) throws {}
}

/// The shared-string table: each `<si>`'s text, its runs (`<r><t>`) joined, phonetic guides (`<rPh>`) left out.
private final class SharedStringsHandler: XMLEventHandler {
    let part: String
    let limits: XMLLimits
    var strings: [String] = []
    private var current: String?
    private var inText = false
    private var phonetic = 0

    init(part: String, limits: XMLLimits) {
        self.part = part
        self.limits = limits
    }

    func start(_ name: String, _ attributes: [String: String]) throws {
        switch name {
        case "si":
            guard strings.count < limits.maxCells else { throw OfficeReadError.tooManyCells(part: part, limit: limits.maxCells) }
            current = ""
        case "t": inText = current != nil && phonetic == 0
        case "rPh": phonetic += 1
        default: break
        }
    }

    func end(_ name: String) throws {
        switch name {
        case "si":
            strings.append(current ?? "")
            current = nil
        case "t": inText = false
        case "rPh": phonetic -= 1
        default: break
        }
    }

    func text(_ text: String) throws {
        guard inText, let so = current else { return }
        let joined = so + text
        if joined.utf16.count > limits.maxTextCharacters { throw OfficeReadError.textTooLong(part: part, limit: limits.maxTextCharacters) }
        current = joined
    }
}

/// `xl/styles.xml`: custom number formats by id, and each cell format's number format id (`cellXfs`, in order).
private final class StylesHandler: XMLEventHandler {
    var codes: [Int: String] = [:]
    var formats: [Int] = []
    private var inCellXfs = false

    func start(_ name: String, _ attributes: [String: String]) throws {
        switch name {
        case "numFmt":
            if let id = attributes["numFmtId"].flatMap({ Int($0) }), let code = attributes["formatCode"], codes.count < 10_000 {
                codes[id] = code
            }
        case "cellXfs": inCellXfs = true
        case "xf" where inCellXfs:
            if formats.count < 100_000 { formats.append(attributes["numFmtId"].flatMap { Int($0) } ?? 0) }
        default: break
        }
    }

    func end(_ name: String) throws {
        if name == "cellXfs" { inCellXfs = false }
    }

    func text(_ text: String) throws {}

    /// The style and code of cell format `index` (a cell's `s`).
    func format(_ index: Int) -> (NumberStyle, String) {
        let id = formats.indices.contains(index) ? formats[index] : 0
        let code = codes[id]
        return (NumberFormats.style(id: id, code: code), code ?? NumberFormats.builtInCode(id))
    }
}

/// A worksheet's cells. Rows and cells are counted as they come and the parse stops at a limit, so a sheet of a
/// million rows is refused after the first hundred thousand, not read to its end.
private final class SheetHandler: XMLEventHandler {
    let part: String
    /// The sheet's name, which the row limit's refusal names (a person knows the sheet, not the part).
    let sheet: String
    let limits: XMLLimits
    /// Cells this sheet may hold: what the workbook's limit leaves after the sheets before it.
    let maxCells: Int
    let strings: [String]
    let styles: StylesHandler
    var cells: [CellReference: CellContents] = [:]
    var formulasWithoutValue: [CellReference: String] = [:]

    private var rows = 0
    private var row = 0
    /// Whether the current row said its number (`<row r="12">`): its cells must then be in that row.
    private var rowNumbered = false
    private var column = 0
    private var inSheetData = false
    // The cell being read.
    private var reference: CellReference?
    private var type = "n"
    private var styleIndex = 0
    private var value: String?
    private var inline: String?
    private var inValue = false
    private var formula: String?
    private var inFormula = false
    private var inInlineText = false
    private var phonetic = 0

    init(part: String, sheet: String, limits: XMLLimits, maxCells: Int, strings: [String], styles: StylesHandler) {
        self.part = part
        self.sheet = sheet
        self.limits = limits
        self.maxCells = maxCells
        self.strings = strings
        self.styles = styles
    }

    func start(_ name: String, _ attributes: [String: String]) throws {
        switch name {
        case "sheetData": inSheetData = true
        case "row" where inSheetData:
            rows += 1
            guard rows <= limits.maxRows else { throw OfficeReadError.tooManyRows(sheet: sheet, limit: limits.maxRows) }
            if let r = attributes["r"] {
                guard let n = Int(r), (1...CellReference.maxRow).contains(n) else {
                    throw OfficeReadError.badCellReference(part: part, reference: r)
                }
                row = n
                rowNumbered = true
            } else {
                row += 1
                rowNumbered = false
            }
            guard row <= CellReference.maxRow else { throw OfficeReadError.tooManyRows(sheet: sheet, limit: limits.maxRows) }
            column = 0
        case "c" where inSheetData:
            guard cells.count < maxCells else { throw OfficeReadError.tooManyCells(part: part, limit: limits.maxCells) }
            if let r = attributes["r"] {
                guard let ref = CellReference(r) else { throw OfficeReadError.badCellReference(part: part, reference: r) }
                // `<row r="2"><c r="C5">`: the cell would land where its row does not say; refused, not guessed.
                guard !rowNumbered || ref.row == row else { throw OfficeReadError.badCellReference(part: part, reference: r) }
                reference = ref
                column = ref.column
            } else {
                column += 1
                guard row >= 1, column <= CellReference.maxColumn else {
                    throw OfficeReadError.badCellReference(part: part, reference: CellReference.letters(min(column, CellReference.maxColumn)))
                }
                reference = CellReference(row: row, column: column)
            }
            type = attributes["t"] ?? "n"
            styleIndex = attributes["s"].flatMap { Int($0) } ?? 0
            value = nil
            inline = nil
            formula = nil
        case "f" where reference != nil:
            inFormula = true
            formula = formula ?? ""
        case "v" where reference != nil:
            inValue = true
            value = value ?? ""
        case "is" where reference != nil:
            inline = ""
        case "t" where inline != nil:
            inInlineText = phonetic == 0
        case "rPh": phonetic += 1
        default: break
        }
    }

    func end(_ name: String) throws {
        switch name {
        case "sheetData": inSheetData = false
        case "v": inValue = false
        case "f": inFormula = false
        case "t": inInlineText = false
        case "rPh": phonetic -= 1
        case "c":
            if let reference, let cell = try cell(reference) {
                // A cell given twice (the same `r`, or a row repeated) shows one of its values; which is not defined.
                guard cells[reference] == nil else { throw OfficeReadError.cellTwice(sheet: sheet, reference: reference.description) }
                cells[reference] = cell
            } else if let reference, let formula, (value ?? "").isEmpty, (inline ?? "").isEmpty, formulasWithoutValue.count < maxCells {
                // openpyxl writes `<f>10+9</f><v></v>`: an empty result is no result.
                formulasWithoutValue[reference] = formula
            }
            reference = nil
        default: break
        }
    }

    func text(_ text: String) throws {
        if inFormula, let so = formula {
            let joined = so + text
            if joined.utf16.count > limits.maxTextCharacters { throw OfficeReadError.textTooLong(part: part, limit: limits.maxTextCharacters) }
            formula = joined
        } else if inValue {
            let joined = (value ?? "") + text
            if joined.utf16.count > limits.maxTextCharacters { throw OfficeReadError.textTooLong(part: part, limit: limits.maxTextCharacters) }
            value = joined
        } else if inInlineText, let so = inline {
            let joined = so + text
            if joined.utf16.count > limits.maxTextCharacters { throw OfficeReadError.textTooLong(part: part, limit: limits.maxTextCharacters) }
            inline = joined
        }
    }

    private func bad(_ reference: CellReference, _ value: String) -> OfficeReadError {
        .badValue(sheet: sheet, reference: reference.description, value: String(value.prefix(60)))
    }

    /// The cell just read; nil when it is blank (no value, or an empty string).
    private func cell(_ reference: CellReference) throws -> CellContents? {
        let value: StoredValue
        switch type {
        case "s":
            guard let v = self.value?.trimmingWhitespace else { return nil }
            // An index outside the table (or not an index) is a damaged cell, not a blank one.
            guard let i = Int(v), strings.indices.contains(i) else { throw bad(reference, v) }
            value = .text(strings[i])
        case "inlineStr":
            guard let text = inline ?? self.value else { return nil }
            value = .text(text)
        case "str":
            guard let text = self.value else { return nil }
            value = .text(text)
        case "b":
            guard let v = self.value?.trimmingWhitespace else { return nil }
            switch v.lowercased() {
            case "1", "true": value = .boolean(true)
            case "0", "false": value = .boolean(false)
            default: throw bad(reference, v)  // `2`, `yes`: read as false it would say what the cell does not
            }
        case "e":
            guard let v = self.value else { return nil }
            value = .error(v)
        default:
            // A number (`n`, or `d`, an ISO date some writers store): as written.
            guard let v = self.value?.trimmingWhitespace, !v.isEmpty else { return nil }
            if type == "d" {
                return CellContents(reference: reference, value: .text(v), style: .number, formatCode: "General")
            }
            // What is not a decimal number (`0x10`, `NaN`, `INF`), or one beyond what a cell holds (`1E+400`: Excel's
            // numbers are doubles), is refused at its cell, never passed on as text a decoder might read otherwise.
            guard SpreadsheetNumber.plain(v) != nil, let double = Double(v), double.isFinite else { throw bad(reference, v) }
            value = .number(v)
        }
        if case .text(let s) = value, s.isEmpty { return nil }
        if case .number = value {
            let (style, code) = styles.format(styleIndex)
            return CellContents(reference: reference, value: value, style: style, formatCode: code)
        }
        return CellContents(reference: reference, value: value, formatCode: styles.format(styleIndex).1)
    }
}

extension String {
    var trimmingWhitespace: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
