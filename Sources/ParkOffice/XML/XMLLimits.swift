/// Bounds on the XML of a part read from untrusted bytes.
public struct XMLLimits: Sendable, Equatable {
    /// Elements nested in each other. A sheet nests five or six deep (worksheet, sheetData, row, c, is, r, t).
    public var maxDepth: Int
    /// Characters (UTF-16 units, as Excel counts them) in one text: Excel's own limit for a cell, 32,767.
    public var maxTextCharacters: Int
    /// Rows in one sheet. A self-report has dozens; 100,000 leaves room for any table a park could list.
    public var maxRows: Int
    /// Cells in one sheet, and strings in the shared-string table.
    public var maxCells: Int
    /// Sheets in a workbook.
    public var maxSheets: Int
    /// Characters (UTF-16 units) in a sheet's name. Excel allows 31; LibreOffice more. Each cell's location quotes the
    /// name, so a name of megabytes (an attribute, which no text limit counts) would be copied for every cell.
    public var maxSheetName: Int

    public init(maxDepth: Int = 64, maxTextCharacters: Int = 32_767, maxRows: Int = 100_000, maxCells: Int = 1_000_000,
                maxSheets: Int = 256, maxSheetName: Int = 255) {
        self.maxDepth = maxDepth
        self.maxTextCharacters = maxTextCharacters
        self.maxRows = maxRows
        self.maxCells = maxCells
        self.maxSheets = maxSheets
        self.maxSheetName = maxSheetName
    }

    public static let `default` = XMLLimits()
}
