import ParkScore

/// A horizontal bar chart of dimension scores as inline SVG: labelled, and readable in black and white
/// (outlined bars, a grey fill, the number printed beside each bar).
enum DimensionChart {
    static func svg(_ dimensions: [DimensionResult], language: LocalizedText.Language) -> String {
        let rows = dimensions.filter(\.isApplicable)
        // Each row: the dimension's name on its own line, the bar below it, the score beside the bar.
        let barWidth = 500, rowHeight = 42, top = 4
        let width = barWidth + 120
        let height = top * 2 + rows.count * rowHeight
        var svg = "<svg viewBox=\"0 0 \(width) \(height)\" width=\"100%\" role=\"img\" "
            + "aria-label=\"\(language == .zh ? "维度得分" : "Dimension scores")\">"
        svg.reserveCapacity(320 + rows.count * 400)
        svg += "<style>text{font-size:13px;fill:#000}</style>"
        for (i, d) in rows.enumerated() {
            let y = top + i * rowHeight
            // A bar's length only (the number beside it is exact): the share of the dimension's weight, in pixels.
            let share = d.effectiveWeight.isZero ? 0 : min(1, max(0, d.score.doubleValue / d.effectiveWeight.doubleValue))
            let filled = Int((share * Double(barWidth)).rounded())
            svg += "<text x=\"0\" y=\"\(y + 14)\">\(HTMLEscaping.escaped(d.title.text(language)))</text>"
            svg += "<rect x=\"0.5\" y=\"\(y + 19)\" width=\"\(barWidth)\" height=\"16\" fill=\"#fff\" stroke=\"#000\" stroke-width=\"1\"/>"
            if filled > 0 {
                svg += "<rect x=\"0.5\" y=\"\(y + 19)\" width=\"\(filled)\" height=\"16\" fill=\"#9a9a9a\" stroke=\"#000\" stroke-width=\"1\"/>"
            }
            svg += "<text x=\"\(barWidth + 10)\" y=\"\(y + 32)\">\(d.score.fixed(places: 2)) / \(d.effectiveWeight.formatted(places: 2))</text>"
        }
        return svg + "</svg>"
    }
}
