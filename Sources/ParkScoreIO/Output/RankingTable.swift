import ParkScore

/// A ranking as rows of cells — rank, park, verdict, total, grade, each dimension — written as CSV (UTF-8
/// with a byte-order mark so Excel keeps the Chinese, fields quoted as RFC 4180 says) or as a text table.
public struct RankingTable: Sendable {
    public let ranking: Ranking
    public let messages: Messages

    public init(ranking: Ranking, messages: Messages) {
        self.ranking = ranking
        self.messages = messages
    }

    public var header: [String] {
        [messages("ranking.rank"), messages("ranking.park_id"), messages("ranking.park"), messages("ranking.verdict"), messages("ranking.total"),
         messages("ranking.grade"), messages("ranking.provisional")] + ranking.scorecard.dimensions.map { $0.title.text(messages.language) }
    }

    public var rows: [[String]] { ranking.entries.map(row) }

    /// One entry's cells.
    public func row(_ entry: Ranking.Entry) -> [String] {
        let r = entry.standing
        let verdict: String
        switch r.verdict {
        case .eligible: verdict = messages("ranking.verdict_eligible")
        case .ineligible: verdict = messages("ranking.verdict_ineligible")
        case .undetermined: verdict = messages("ranking.verdict_undetermined")
        }
        return [String(entry.rank), entry.parkID, entry.parkName, verdict, r.total.fixed(places: 2), r.grade ?? "—",
                r.isProvisional ? messages("ranking.yes") : messages("ranking.no")]
            + r.dimensions.map { $0.isApplicable ? $0.score.fixed(places: 2) : messages("ranking.not_applicable") }
    }

    /// CSV with a byte-order mark and CRLF line ends.
    public var csv: String {
        var out = csvHeader
        for entry in ranking.entries { out += csvLine(entry) }
        return out
    }

    /// The byte-order mark and the header line.
    public var csvHeader: String { "\u{FEFF}" + Self.csvLine(header) }

    /// One entry's line, ending in CRLF (written one at a time by a batch).
    public func csvLine(_ entry: Ranking.Entry) -> String { Self.csvLine(row(entry)) }

    static func csvLine(_ cells: [String]) -> String { cells.map(csvField).joined(separator: ",") + "\r\n" }

    static func csvField(_ field: String) -> String {
        let field = SpreadsheetText.cell(field)
        // Unicode scalars, not Characters: "\r\n" is one Character, and equal to neither "\r" nor "\n".
        guard field.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Columns padded to the widest cell (CJK characters count two), then the best park per criterion.
    public var text: String {
        var out = Self.columns(([header] + rows).map { $0.map(TerminalText.escape) })
        out += "\n" + messages("ranking.best") + "\n"
        out += Self.columns(ranking.best.map { b in
            [b.criterionID, TerminalText.escape(leaders(b, separator: messages("ranking.separator"))), b.points.formatted(places: 2)]
        })
        return out
    }

    /// The leading parks of a criterion: `a, b` or, when many tie, `a, b … 等 120 个园区`.
    public func leaders(_ best: Ranking.Best, separator: String) -> String {
        guard !best.parks.isEmpty else { return "—" }
        let named = best.parks.joined(separator: separator)
        guard best.tied > best.parks.count else { return named }
        return named + messages("ranking.tied", ["count": String(best.tied)])
    }

    static func columns(_ all: [[String]]) -> String {
        guard let first = all.first else { return "" }
        let widths = (0..<first.count).map { column in all.map { width($0[column]) }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { i, cell in cell + String(repeating: " ", count: widths[i] - width(cell)) }
                .joined(separator: "  ").trimmingTrailingSpaces
        }.joined(separator: "\n") + "\n"
    }

    static func width(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + DiagnosticRenderer.width($1) }
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var s = self
        while s.hasSuffix(" ") { s.removeLast() }
        return s
    }
}
