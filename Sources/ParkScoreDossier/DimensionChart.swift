import ParkScore
import ParkScoreIO

/// A horizontal bar chart of dimension scores as inline SVG, in colour that still reads in black and white: each bar is
/// outlined on a white track with quarter marks; a dimension at or above 60% of its weight is filled in solid dark blue
/// (dark grey on a black-and-white printer), one below 60% in orange under black diagonal lines, so the two differ by
/// pattern as well as by colour; the exact score and the share are printed beside every bar.
enum DimensionChart {
    /// Below this share of its weight a dimension is drawn as weak (hatched).
    static let weakShare = 0.6

    static func svg(_ dimensions: [DimensionResult], messages: Messages) -> String {
        let language = messages.language
        let rows = dimensions.filter(\.isApplicable)
        // Each row: the dimension's name on its own line, the bar below it, the score beside the bar.
        let barWidth = 480, rowHeight = 42, top = 4
        let width = barWidth + 150
        let height = top * 2 + rows.count * rowHeight
        var svg = "<svg viewBox=\"0 0 \(width) \(height)\" width=\"100%\" role=\"img\" "
            + "aria-label=\"\(HTMLEscaping.escaped(messages("labels.dimensions")))\">"
        svg.reserveCapacity(900 + rows.count * 600)
        svg += "<style>text{font-size:13px;fill:#000}.share{fill:#333}</style>"
        for (i, d) in rows.enumerated() {
            let y = top + i * rowHeight
            // A bar's length only (the number beside it is exact): the share of the dimension's weight, in pixels.
            let share = d.effectiveWeight.isZero ? 0 : min(1, max(0, d.score.doubleValue / d.effectiveWeight.doubleValue))
            let filled = Int((share * Double(barWidth)).rounded())
            let percent = Int((share * 100).rounded())
            svg += "<text x=\"0\" y=\"\(y + 14)\">\(HTMLEscaping.escaped(d.title.text(language)))</text>"
            svg += "<rect x=\"0.5\" y=\"\(y + 19)\" width=\"\(barWidth)\" height=\"16\" fill=\"#fff\" stroke=\"#000\" stroke-width=\"1\"/>"
            if filled > 0 {
                let weak = share < weakShare
                svg += "<rect x=\"0.5\" y=\"\(y + 19)\" width=\"\(filled)\" height=\"16\" fill=\"\(weak ? "#f0a04b" : "#1f4e8c")\" "
                    + "stroke=\"#000\" stroke-width=\"1\"/>"
                if weak { svg += hatching(width: filled, top: y + 19, height: 16) }
            }
            for quarter in 1...3 {
                let x = barWidth * quarter / 4
                svg += "<line x1=\"\(x)\" y1=\"\(y + 33)\" x2=\"\(x)\" y2=\"\(y + 37)\" stroke=\"#000\" stroke-width=\"1\"/>"
            }
            svg += "<text x=\"\(barWidth + 10)\" y=\"\(y + 32)\">\(d.score.fixed(places: 2)) / \(d.effectiveWeight.formatted(places: 2))"
                + "<tspan class=\"share\">\(HTMLEscaping.escaped(messages("dossier.chart_share", ["percent": String(percent)])))</tspan></text>"
        }
        return svg + "</svg>"
    }

    /// Diagonal lines 6 px apart over a bar `width` wide from x = 0.5, drawn as one path and cut to the bar by
    /// arithmetic (no pattern, no clip path: nothing the chart refers to by `url(…)`).
    static func hatching(width: Int, top: Int, height: Int) -> String {
        var path = ""
        let bottom = top + height
        for k in stride(from: -height, to: width, by: 6) {
            // The line from (k, bottom) to (k + height, top), kept within 0…width.
            let startX = max(0, k), endX = min(width, k + height)
            guard endX > startX else { continue }
            path += "M\(Double(startX) + 0.5) \(bottom - (startX - k))L\(Double(endX) + 0.5) \(bottom - (endX - k))"
        }
        return "<path d=\"\(path)\" stroke=\"#000\" stroke-width=\"1.4\" fill=\"none\"/>"
    }
}
