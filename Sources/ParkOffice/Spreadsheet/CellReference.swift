/// A cell's place in a sheet, 1-based, as a spreadsheet names it: `C12` is column 3, row 12.
public struct CellReference: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The last row and column a spreadsheet has (Excel and LibreOffice): 1,048,576 rows, columns A to XFD.
    public static let maxRow = 1_048_576
    public static let maxColumn = 16_384

    public var row: Int
    public var column: Int

    public init(row: Int, column: Int) {
        precondition((1...Self.maxRow).contains(row) && (1...Self.maxColumn).contains(column), "cell \(row),\(column) out of range")
        self.row = row
        self.column = column
    }

    /// Reads `C12` (letters, then digits, no `$`); nil for anything else or a cell outside a sheet.
    public init?(_ text: String) {
        var letters = 0
        var column = 0
        var row = 0
        var digits = 0
        for scalar in text.unicodeScalars {
            switch scalar {
            case "A"..."Z" where digits == 0:
                column = column * 26 + Int(scalar.value - 64)
                letters += 1
                if letters > 3 { return nil }
            case "0"..."9" where letters > 0:
                if digits == 0 && scalar == "0" { return nil }
                row = row * 10 + Int(scalar.value - 48)
                digits += 1
                if digits > 7 { return nil }
            default:
                return nil
            }
        }
        guard (1...Self.maxRow).contains(row), (1...Self.maxColumn).contains(column) else { return nil }
        self.row = row
        self.column = column
    }

    /// The column's letters: 1 → `A`, 27 → `AA`.
    public static func letters(_ column: Int) -> String {
        var n = column
        var out: [Character] = []
        while n > 0 {
            let r = (n - 1) % 26
            out.insert(Character(Unicode.Scalar(UInt8(65 + r))), at: 0)
            n = (n - 1) / 26
        }
        return String(out)
    }

    public var description: String { Self.letters(column) + String(row) }

    public static func < (lhs: CellReference, rhs: CellReference) -> Bool {
        (lhs.row, lhs.column) < (rhs.row, rhs.column)
    }
}
