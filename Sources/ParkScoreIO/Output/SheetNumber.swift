import ParkOffice
import ParkScore

/// Exact values into spreadsheet cells: a `Rational` as the decimal digits a cell stores, never through binary
/// floating point, and the shading of the heat maps as cell fills.
enum SheetNumber {
    /// The value as plain decimal text: exact whenever the value has a finite decimal expansion (its denominator has
    /// no prime factor but 2 and 5: every total a scorecard of tenths, halves and quarters gives). A value like 1/3
    /// has none, and no spreadsheet cell can hold it; it is written to 15 decimals, the precision a cell keeps.
    static func text(_ value: Rational) -> String {
        guard let places = decimalPlaces(value), places <= 15 else { return value.formatted(places: 15) }
        return value.formatted(places: places)
    }

    /// The value's exact decimal text (`0.425`), or nil when it has none (1/3).
    static func exact(_ value: Rational) -> String? {
        decimalPlaces(value).map { value.formatted(places: $0) }
    }

    /// How many decimals write the value exactly, or nil when no number of them does: a denominator with no prime
    /// factor but 2 and 5 needs as many as the larger of their powers.
    static func decimalPlaces(_ value: Rational) -> Int? {
        var d = value.denominator
        var twos = 0, fives = 0
        while d % 2 == 0 { d /= 2; twos += 1 }
        while d % 5 == 0 { d /= 5; fives += 1 }
        return d == 1 ? max(twos, fives) : nil
    }

    /// A number cell holding `value`.
    static func cell(_ value: Rational, style: CellStyle) -> Cell {
        // `formatted` writes plain decimal notation (optional `-`, digits, optional fraction), which DecimalText takes.
        guard let decimal = DecimalText(text(value)) else { return Cell(.text(text(value)), style: style) }
        return Cell(.number(decimal), style: style)
    }

    /// A whole number cell.
    static func cell(_ value: Int, style: CellStyle) -> Cell {
        Cell(.number(DecimalText(value)), style: style)
    }

    /// The comparison page's five shades (`.h0` … `.h4` in Templates/comparison.html.mustache), as fills; the darkest
    /// with white bold text as the page has it.
    static func shaded(_ style: CellStyle, step: Int) -> CellStyle {
        let fills = ["FFFFFF", "E6E6E6", "CCCCCC", "B0B0B0", "8F8F8F"]
        let step = min(max(step, 0), fills.count - 1)
        return style.with {
            $0.fill = Color(fills[step])
            if step == 4 {
                $0.fontColor = .white
                $0.bold = true
            }
        }
    }

    /// The step (0–4) of `points` out of `max`, with the thresholds of `Standing` (a fifth of the maximum each), computed
    /// exactly; nil (no shading) when the maximum is not positive or the arithmetic would overflow.
    static func step(_ points: Rational, of max: Rational) -> Int? {
        guard Rational.zero < max, let share = points.divided(by: max), let scaled = share.multiplied(by: 5) else { return nil }
        return Swift.min(4, Swift.max(0, scaled.floor))
    }

    /// Text as a cell can hold it: at most 32,767 UTF-16 units (a spreadsheet's limit per cell).
    static func clipped(_ text: String) -> String {
        guard text.utf16.count > 32_767 else { return text }
        var out = ""
        var count = 0
        for character in text {
            let units = character.utf16.count
            if count + units > 32_766 { break }
            out.append(character)
            count += units
        }
        return out + "…"
    }

    /// The height (points) a row needs for wrapped text, since a spreadsheet opening a file does not always measure
    /// rows itself (LibreOffice keeps the default height): the most lines any of the cells wraps to, nil when every cell
    /// fits on one line. Widths as rendered by LibreOffice in the default font (looked at): a CJK character takes about
    /// 1.6 columns, a Latin letter or digit about 0.8 (bold text is wider: headers leave a line spare).
    static func rowHeight(_ cells: [(text: String, width: Double)]) -> Double? {
        var lines = 1
        for cell in cells {
            let usable = Swift.max(1, cell.width - 0.5)
            var count = 0
            for line in cell.text.split(separator: "\n", omittingEmptySubsequences: false) {
                let width = line.unicodeScalars.reduce(0.0) { $0 + (DiagnosticRenderer.width($1) == 2 ? 1.6 : 0.8) }
                count += Swift.max(1, Int((width / usable).rounded(.up)))
            }
            lines = Swift.max(lines, count)
        }
        return lines > 1 ? Double(lines) * 15 + 3 : nil
    }
}
