/// A rectangle of cells, `B2:D9` (or one cell, `C2`).
public struct CellRange: Sendable, Hashable, CustomStringConvertible {
    public var first: CellReference
    public var last: CellReference

    /// The rectangle between two corners, in either order.
    public init(_ a: CellReference, _ b: CellReference) {
        first = CellReference(row: min(a.row, b.row), column: min(a.column, b.column))
        last = CellReference(row: max(a.row, b.row), column: max(a.column, b.column))
    }

    public init(_ cell: CellReference) {
        self.init(cell, cell)
    }

    /// `B2:D9`, or `C2` for one cell.
    public var description: String { first == last ? first.description : "\(first):\(last)" }

    /// `$B$2:$D$9`: the absolute form formulas and defined names use.
    public var absolute: String {
        func abs(_ c: CellReference) -> String { "$" + CellReference.letters(c.column) + "$" + String(c.row) }
        return first == last ? abs(first) : abs(first) + ":" + abs(last)
    }
}
