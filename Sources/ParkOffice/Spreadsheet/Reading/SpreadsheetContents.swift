/// What a cell holds, as the sheet stores it.
public enum StoredValue: Sendable, Equatable {
    /// A number as written in the part's `<v>` (`45`, `0.42`, `1.5E-3`): never through a binary float.
    case number(String)
    /// Text: a shared or inline string, or a formula's text result.
    case text(String)
    case boolean(Bool)
    /// An error value: `#N/A`, `#DIV/0!`, `#REF!`, …
    case error(String)
}

/// How a numeric cell is shown, as far as reading it needs to know: as a date, as a percentage, or as a number.
public enum NumberStyle: Sendable, Equatable {
    case number, date, percent
}

/// One non-blank cell of a sheet.
public struct CellContents: Sendable, Equatable {
    public var reference: CellReference
    public var value: StoredValue
    /// The style its number format gives (`number` for text, booleans and errors).
    public var style: NumberStyle
    /// The number format's code (`yyyy-mm-dd`, `0.00%`, `General`).
    public var formatCode: String

    public init(reference: CellReference, value: StoredValue, style: NumberStyle = .number, formatCode: String = "General") {
        self.reference = reference
        self.value = value
        self.style = style
        self.formatCode = formatCode
    }
}

/// A sheet: its name and its non-blank cells.
public struct SheetContents: Sendable {
    public var name: String
    public var cells: [CellReference: CellContents]
    /// The last row that has a cell (0 for an empty sheet).
    public var lastRow: Int
    /// The rows that have a cell, in order. Walk these, never `1...lastRow`: one cell in row 1,048,576 makes `lastRow`
    /// a million while the sheet holds two rows.
    public var rows: [Int]
    /// Cells that hold a formula and no saved result (as openpyxl writes `=10+9`): blank here, though an office program
    /// shows the value it computes on opening. Their formulas' text (empty for a shared formula's followers).
    public var formulasWithoutValue: [CellReference: String]
    /// Hidden (`state="hidden"` or `"veryHidden"`): not shown by an office program unless one unhides it.
    public var hidden: Bool

    public init(name: String, cells: [CellReference: CellContents] = [:], formulasWithoutValue: [CellReference: String] = [:], hidden: Bool = false) {
        self.name = name
        self.hidden = hidden
        self.cells = cells
        self.formulasWithoutValue = formulasWithoutValue
        self.rows = Set(cells.keys.map(\.row)).sorted()
        self.lastRow = rows.last ?? 0
    }

    /// The rows from `first` on that have a cell, in order.
    public func rows(from first: Int) -> ArraySlice<Int> {
        rows[(rows.firstIndex { $0 >= first } ?? rows.endIndex)...]
    }

    public subscript(_ reference: CellReference) -> CellContents? { cells[reference] }

    public subscript(row row: Int, column column: Int) -> CellContents? {
        guard (1...CellReference.maxRow).contains(row), (1...CellReference.maxColumn).contains(column) else { return nil }
        return cells[CellReference(row: row, column: column)]
    }

    /// The last column that has a cell in `row` (0 when none).
    public func lastColumn(inRow row: Int) -> Int {
        cells.keys.filter { $0.row == row }.map(\.column).max() ?? 0
    }

    /// The name as a cell reference quotes it: `事实`, or `'My sheet'` when it has a space or a mark that needs quoting.
    public static func quotedName(_ name: String) -> String {
        let plain = name.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "_" || $0 == "." }
        return plain && !name.isEmpty ? name : "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
    }
}

/// A workbook: its sheets in order, and which date system its serials count from.
public struct SpreadsheetContents: Sendable {
    public var sheets: [SheetContents]
    /// Serials count days from 1904-01-01 (old Mac workbooks), not from 1899-12-30.
    public var date1904: Bool

    public init(sheets: [SheetContents], date1904: Bool = false) {
        self.sheets = sheets
        self.date1904 = date1904
    }
}
