/// A number as exact decimal text (`-12`, `3.25`, `0.42`): the writer puts the caller's digits into the cell as they
/// are, so no binary floating point ever rounds a value. Plain decimal notation only: an optional `-`, digits, and an
/// optional `.` with digits.
public struct DecimalText: Sendable, Hashable, CustomStringConvertible {
    public let text: String

    /// Nil unless `text` is plain decimal notation (no exponent, no grouping, no sign but a leading `-`).
    public init?(_ text: String) {
        var scalars = Substring(text).unicodeScalars[...]
        if scalars.first == "-" { scalars = scalars.dropFirst() }
        let parts = String(scalars).split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, !whole.isEmpty, whole.utf8.count <= 30,
              whole.utf8.allSatisfy({ (48...57).contains($0) }) else { return nil }
        if parts.count == 2 {
            let fraction = parts[1]
            guard !fraction.isEmpty, fraction.utf8.count <= 30, fraction.utf8.allSatisfy({ (48...57).contains($0) }) else { return nil }
        }
        self.text = text
    }

    /// A whole number.
    public init(_ value: Int) {
        text = String(value)
    }

    public var description: String { text }
}

/// A calendar day, written into a cell as a spreadsheet's serial number (days since 1899-12-30, as Excel and
/// LibreOffice count them from 1900-03-01 on) with a date number format.
public struct CellDate: Sendable, Hashable {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Nil for a day that does not exist or lies outside 1900-03-01 … 9999-12-31 (the range every program agrees on).
    public init?(year: Int, month: Int, day: Int) {
        guard (1900...9999).contains(year), (1...12).contains(month), day >= 1, day <= CellDate.days(inMonth: month, year: year),
              (year, month) >= (1900, 3) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads `YYYY-MM-DD`.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1899-12-30 (the serial Excel shows for dates from 1900-03-01 on).
    public var serial: Int {
        // Days from the civil date to 1970-01-01 (Howard Hinnant's days_from_civil), then shifted to 1899-12-30.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let unixDays = era * 146_097 + doe - 719_468
        return unixDays + 25_569
    }
}

/// What a cell holds. There is deliberately no formula: text that starts with `=`, `+`, `-` or `@` is written as a
/// string, so a park's name can never become a formula in someone's spreadsheet.
public enum CellValue: Sendable, Hashable {
    case number(DecimalText)
    case text(String)
    case bool(Bool)
    case date(CellDate)
    /// A cell with a style and no value (an input cell waiting to be filled in).
    case blank
}

/// One cell: a value and the style it is shown in.
public struct Cell: Sendable, Hashable {
    public var value: CellValue
    public var style: CellStyle

    public init(_ value: CellValue, style: CellStyle = CellStyle()) {
        self.value = value
        self.style = style
    }

    public static func text(_ text: String, style: CellStyle = CellStyle()) -> Cell { Cell(.text(text), style: style) }

    /// A number from exact decimal text; nil when the text is not plain decimal notation.
    public static func number(_ text: String, style: CellStyle = CellStyle()) -> Cell? {
        DecimalText(text).map { Cell(.number($0), style: style) }
    }

    /// A date; the style gets the `yyyy-mm-dd` format unless it names another number format.
    public static func date(_ date: CellDate, style: CellStyle = CellStyle()) -> Cell {
        var style = style
        if style.numberFormat == .general { style.numberFormat = .date }
        return Cell(.date(date), style: style)
    }

    public static func blank(style: CellStyle) -> Cell { Cell(.blank, style: style) }
}
