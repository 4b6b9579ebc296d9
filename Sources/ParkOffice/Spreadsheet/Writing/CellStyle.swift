/// An RGB colour, `FFF2CC` (six hex digits, no `#`).
public struct Color: Sendable, Hashable {
    public let hex: String

    /// Nil unless exactly six hex digits.
    public init?(_ hex: String) {
        guard hex.utf8.count == 6, hex.utf8.allSatisfy({ (48...57).contains($0) || (65...70).contains($0) || (97...102).contains($0) }) else { return nil }
        self.hex = hex.uppercased()
    }

    init(known hex: String) { self.hex = hex }

    /// The colour as a spreadsheet stores it, opaque: `FFFFF2CC`.
    public var argb: String { "FF" + hex }

    public static let white = Color(known: "FFFFFF")
    public static let black = Color(known: "000000")
    /// A pale yellow: the fill that marks input cells.
    public static let inputYellow = Color(known: "FFF2CC")
    /// A pale grey: header rows.
    public static let headerGrey = Color(known: "D9E1F2")
}

/// How a number is shown. `custom` takes a format code as Excel writes it.
public enum NumberFormat: Sendable, Hashable {
    case general
    /// `0`: a whole number.
    case integer
    /// `#,##0.00`: money, to the fen, thousands grouped.
    case money
    /// `0.00%`: a cell of 0.42 shows 42.00%.
    case percent
    /// `yyyy-mm-dd`.
    case date
    /// `@`: whatever is typed stays text.
    case text
    case custom(String)

    /// The format code; nil for General.
    public var code: String? {
        switch self {
        case .general: return nil
        case .integer: return "0"
        case .money: return "#,##0.00"
        case .percent: return "0.00%"
        case .date: return "yyyy-mm-dd"
        case .text: return "@"
        case .custom(let code): return code
        }
    }

    /// The built-in id a spreadsheet knows this format by, if it has one (so it needs no `<numFmt>`).
    var builtinID: Int? {
        switch self {
        case .general: return 0
        case .integer: return 1
        case .percent: return 10
        case .text: return 49
        default: return nil
        }
    }
}

public enum HorizontalAlignment: String, Sendable, Hashable {
    case left, center, right
}

public enum VerticalAlignment: String, Sendable, Hashable {
    case top, center, bottom
}

/// How a cell looks and whether it is locked when its sheet is protected. The default is what a spreadsheet shows
/// for an untouched cell: General, not bold, no fill, no border, locked.
public struct CellStyle: Sendable, Hashable {
    public var bold: Bool
    public var fontSize: Int?
    public var fontColor: Color?
    /// A solid background; heat maps and input cells use it.
    public var fill: Color?
    /// A thin border on all four sides.
    public var border: Bool
    public var wrap: Bool
    public var horizontal: HorizontalAlignment?
    public var vertical: VerticalAlignment?
    public var numberFormat: NumberFormat
    /// Locked cells cannot be edited once the sheet is protected; input cells are unlocked.
    public var locked: Bool

    public init(bold: Bool = false, fontSize: Int? = nil, fontColor: Color? = nil, fill: Color? = nil, border: Bool = false,
                wrap: Bool = false, horizontal: HorizontalAlignment? = nil, vertical: VerticalAlignment? = nil,
                numberFormat: NumberFormat = .general, locked: Bool = true) {
        self.bold = bold
        self.fontSize = fontSize
        self.fontColor = fontColor
        self.fill = fill
        self.border = border
        self.wrap = wrap
        self.horizontal = horizontal
        self.vertical = vertical
        self.numberFormat = numberFormat
        self.locked = locked
    }

    /// This style with changes: `header.with { $0.wrap = true }`.
    public func with(_ change: (inout CellStyle) -> Void) -> CellStyle {
        var copy = self
        change(&copy)
        return copy
    }
}
