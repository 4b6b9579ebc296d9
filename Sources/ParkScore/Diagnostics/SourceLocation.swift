/// Where something stands in an input file: 1-based line and column; for a workbook, also the cell (`事实!C12`) the
/// line was made from, which is what is shown.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    /// The cell of a workbook this place stands for (the line and column are then those of the YAML read from it).
    public var cell: CellPlace?

    public init(file: String, line: Int, column: Int, cell: CellPlace? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.cell = cell
    }

    public var description: String {
        guard let cell else { return "\(file):\(line):\(column)" }
        return cell.name.isEmpty ? file : "\(file):\(cell.name)"
    }

    /// The location `offset` characters (Unicode scalars) into `text`, when `text` starts here.
    public func advanced(by offset: Int, in text: String) -> SourceLocation {
        var result = self
        for (i, scalar) in text.unicodeScalars.enumerated() {
            if i >= offset { break }
            if scalar == "\n" {
                result.line += 1
                result.column = 1
            } else {
                result.column += 1
            }
        }
        return result
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}

/// A cell of a workbook, as a place a problem is found: its name as a spreadsheet writes it (`事实!C12`; just the sheet,
/// `事实`, for the sheet as a whole; empty for the workbook) and the text it holds, shown instead of a caret line.
public struct CellPlace: Sendable, Hashable {
    public var name: String
    public var text: String

    public init(name: String, text: String) {
        self.name = name
        self.text = text
    }
}
