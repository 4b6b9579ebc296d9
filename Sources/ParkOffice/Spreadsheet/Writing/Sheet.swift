/// One worksheet: cells, their layout and what a user may do with them.
///
///     var sheet = Sheet(name: "事实")
///     sheet[CellReference(row: 1, column: 2)] = .text("名称", style: header)
///     sheet.columns[2] = ColumnFormat(width: 40)
///     sheet.freeze = CellReference(row: 2, column: 1)     // row 1 stays in view
///     sheet.protected = true
public struct Sheet: Sendable {
    public enum State: String, Sendable {
        case visible, hidden, veryHidden
    }

    /// The sheet's name on its tab: at most 31 characters, none of `[]:*?/\` (see `Sheet.isValidName`).
    public var name: String
    public var state: State
    /// Cells by row, then column.
    public private(set) var rows: [Int: [Int: Cell]] = [:]
    /// Widths, hidden flags and default styles of columns, by column number (1 = A).
    public var columns: [Int: ColumnFormat] = [:]
    /// Heights (in points) and hidden flags of rows, by row number.
    public var rowFormats: [Int: RowFormat] = [:]
    /// The first cell that scrolls: `B3` keeps column A and rows 1–2 in view. Nil: nothing frozen.
    public var freeze: CellReference?
    public var merges: [CellRange] = []
    public var validations: [DataValidation] = []
    /// Protected without a password: locked cells cannot be edited, unlocked ones can; columns and rows can still be resized.
    public var protected: Bool
    public var page: PageSetup

    public init(name: String, state: State = .visible, protected: Bool = false, page: PageSetup = PageSetup()) {
        precondition(Sheet.isValidName(name), "invalid sheet name \(name)")
        self.name = name
        self.state = state
        self.protected = protected
        self.page = page
    }

    /// A name a spreadsheet accepts on a tab: 1 to 31 characters, none of `[]:*?/\`, not starting or ending with `'`.
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 31 && !name.contains(where: { "[]:*?/\\".contains($0) })
            && !name.hasPrefix("'") && !name.hasSuffix("'")
    }

    public subscript(reference: CellReference) -> Cell? {
        get { rows[reference.row]?[reference.column] }
        set { rows[reference.row, default: [:]][reference.column] = newValue }
    }

    /// `sheet["C2"]`, for code that names a cell it knows.
    public subscript(name: String) -> Cell? {
        get { CellReference(name).flatMap { self[$0] } }
        set {
            guard let reference = CellReference(name) else { preconditionFailure("invalid cell name \(name)") }
            self[reference] = newValue
        }
    }

    /// Sets the cell at row, column.
    public mutating func set(_ row: Int, _ column: Int, _ cell: Cell) {
        self[CellReference(row: row, column: column)] = cell
    }

    /// The last row that has a cell, or 0.
    public var lastRow: Int { rows.keys.max() ?? 0 }

    /// The rectangle holding every cell, or nil for an empty sheet.
    public var usedRange: CellRange? {
        guard let top = rows.keys.min(), let bottom = rows.keys.max() else { return nil }
        let columns = rows.values.flatMap(\.keys)
        guard let left = columns.min(), let right = columns.max() else { return nil }
        return CellRange(CellReference(row: top, column: left), CellReference(row: bottom, column: right))
    }
}

public struct ColumnFormat: Sendable, Hashable {
    /// In characters of the default font, as spreadsheets count; nil: the default width.
    public var width: Double?
    public var hidden: Bool
    /// The style of the column's cells that hold nothing yet (so an empty input column can still be unlocked).
    public var style: CellStyle?

    public init(width: Double? = nil, hidden: Bool = false, style: CellStyle? = nil) {
        self.width = width
        self.hidden = hidden
        self.style = style
    }
}

public struct RowFormat: Sendable, Hashable {
    /// In points; nil: the height the content needs.
    public var height: Double?
    public var hidden: Bool

    public init(height: Double? = nil, hidden: Bool = false) {
        self.height = height
        self.hidden = hidden
    }
}

/// How a sheet prints: A4, portrait or landscape, scaled to the page's width, header rows repeated on every page.
public struct PageSetup: Sendable, Hashable {
    public enum Orientation: String, Sendable {
        case portrait, landscape
    }

    public var orientation: Orientation
    /// Scale the columns to fit the page's width (any number of pages tall).
    public var fitToWidth: Bool
    /// Rows printed at the top of every page (`1...2`), or nil.
    public var repeatRows: ClosedRange<Int>?
    /// Columns printed at the left of every page (`1...3`: A to C), or nil: a sheet too wide for one page keeps its
    /// first columns (what each row is) on every page.
    public var repeatColumns: ClosedRange<Int>?

    /// Printed centred at the top and at the bottom of every page (a title; `第 1 页，共 3 页`), or nothing when empty.
    public var header: [HeaderFooterPart]
    public var footer: [HeaderFooterPart]

    public init(orientation: Orientation = .portrait, fitToWidth: Bool = true, repeatRows: ClosedRange<Int>? = nil,
                repeatColumns: ClosedRange<Int>? = nil, header: [HeaderFooterPart] = [], footer: [HeaderFooterPart] = []) {
        self.orientation = orientation
        self.fitToWidth = fitToWidth
        self.repeatRows = repeatRows
        self.repeatColumns = repeatColumns
        self.header = header
        self.footer = footer
    }
}

/// A piece of a printed page's header or footer.
public enum HeaderFooterPart: Sendable, Hashable {
    case text(String)
    case pageNumber
    case pageCount
    case sheetName

    /// The most characters a header or footer may take (Excel's limit), its codes included.
    public static let limit = 255

    /// The parts as a spreadsheet codes them, centred (`&C第 &P 页`): `&` in text doubled, text cut so the whole
    /// stays within the limit.
    static func coded(_ parts: [HeaderFooterPart]) -> String {
        var out = "&C"
        for part in parts {
            switch part {
            case .text(let text):
                for character in text {
                    let coded = character == "&" ? "&&" : String(character)
                    if out.count + coded.count > limit - 6 { break }
                    out += coded
                }
            case .pageNumber: out += "&P"
            case .pageCount: out += "&N"
            case .sheetName: out += "&A"
            }
        }
        return out
    }
}

extension Sheet {
    /// Sets the height of every row with wrapped text to fit its longest cell, estimated from the column widths (a
    /// Chinese character takes nearly two width units, other characters one): spreadsheets do not measure rows of a file they
    /// open, so without this wrapped text would be cut to one line. Rows with a height already set are left alone.
    public mutating func fitRowHeights(lineHeight: Double = 15, defaultWidth: Double = 9.140625) {
        let merged = Set(merges.flatMap { range in
            (range.first.row...range.last.row).flatMap { r in (range.first.column...range.last.column).map { CellReference(row: r, column: $0) } }
        })
        for (row, cells) in rows where rowFormats[row]?.height == nil {
            var lines = 1
            for (column, cell) in cells where cell.style.wrap && !merged.contains(CellReference(row: row, column: column)) {
                guard case .text(let text) = cell.value else { continue }
                let width = max((columns[column]?.width ?? defaultWidth) - 1.5, 1)
                lines = max(lines, Sheet.lines(text, width: width))
            }
            if lines > 1 {
                let size = Double(cells.values.compactMap(\.style.fontSize).max() ?? 11)
                rowFormats[row, default: RowFormat()].height = (Double(lines) * lineHeight * size / 11 + 3).rounded()
            }
        }
    }

    /// How many lines `text` takes in a column `width` units wide, breaking at its newlines and wherever a line is full.
    static func lines(_ text: String, width: Double) -> Int {
        var total = 0
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var units = 0.0
            var count = 1
            for scalar in paragraph.unicodeScalars {
                let w: Double = scalar.value >= 0x2E80 ? 1.8 : (scalar.value < 0x80 ? 1.1 : 1.6)
                if units + w > width {
                    count += 1
                    units = 0
                }
                units += w
            }
            total += count
        }
        return total
    }
}
