import ParkScore
import ParkScoreIO

/// ranking.json: the ranked parks and the skipped applications (schema `parkscore-ranking`, version 1).
struct RankingDocument: Encodable {
    struct Entry: Encodable {
        let rank: Int
        let park: String
        let name: String
        let verdict: String
        let total: JSONNumber
        let grade: String?
        let provisional: Bool
        let dimensions: [String: JSONNumber]

        init(_ e: Ranking.Entry, scorecard: Scorecard) {
            rank = e.rank
            park = e.parkID
            name = e.parkName
            verdict = e.standing.verdict.rawValue
            total = JSONNumber(e.standing.total)
            grade = e.standing.grade
            provisional = e.standing.isProvisional
            dimensions = Dictionary(zip(scorecard.dimensions, e.standing.dimensions).map { ($0.id, JSONNumber($1.score)) },
                                    uniquingKeysWith: { first, _ in first })
        }
    }

    let schema = "parkscore-ranking"
    let schemaVersion = 1
    let scorecard: String
    let parks: [Entry]
    let skipped: [String]

    init(ranking: Ranking, skipped: [String]) {
        scorecard = ranking.scorecard.id
        parks = ranking.entries.map { Entry($0, scorecard: ranking.scorecard) }
        self.skipped = skipped
    }

    private init(scorecard: String, parks: [Entry], skipped: [String]) {
        self.scorecard = scorecard
        self.parks = parks
        self.skipped = skipped
    }

    /// The same bytes as encoding the whole document, written one entry at a time: the document is encoded with one
    /// entry, and that entry's text is replaced by every entry's, each encoded alone and indented to its place.
    static func write(_ ranking: Ranking, skipped: [String], to out: (String) -> Void) {
        guard let first = ranking.entries.first else {
            out(JSONText.encode(RankingDocument(ranking: ranking, skipped: skipped)))
            return
        }
        // Written directly, members in the encoder's order (by their UTF-8 bytes); the tests hold it to the encoder's bytes.
        let dimensionOrder = ranking.scorecard.dimensions.indices.sorted {
            ranking.scorecard.dimensions[$0].id.utf8.lexicographicallyPrecedes(ranking.scorecard.dimensions[$1].id.utf8)
        }
        func entryText(_ e: Ranking.Entry) -> String {
            var text = "    {\n      \"dimensions\" : {"
            var first = true
            for i in dimensionOrder where i < e.standing.dimensions.count {
                text += (first ? "\n" : ",\n") + "        " + JSONText.quoted(ranking.scorecard.dimensions[i].id) + " : "
                    + JSONNumber(e.standing.dimensions[i].score).digits
                first = false
            }
            text += first ? "\n\n      }" : "\n      }"
            if let grade = e.standing.grade { text += ",\n      \"grade\" : " + JSONText.quoted(grade) }
            text += ",\n      \"name\" : " + JSONText.quoted(e.parkName)
            text += ",\n      \"park\" : " + JSONText.quoted(e.parkID)
            text += ",\n      \"provisional\" : " + (e.standing.isProvisional ? "true" : "false")
            text += ",\n      \"rank\" : \(e.rank)"
            text += ",\n      \"total\" : " + JSONNumber(e.standing.total).digits
            text += ",\n      \"verdict\" : " + JSONText.quoted(e.standing.verdict.rawValue)
            return text + "\n    }"
        }
        let whole = JSONText.encode(RankingDocument(scorecard: ranking.scorecard.id, parks: [Entry(first, scorecard: ranking.scorecard)],
                                                    skipped: skipped))
        let placeholder = entryText(first)
        guard let range = whole.range(of: placeholder) else {
            out(JSONText.encode(RankingDocument(ranking: ranking, skipped: skipped)))
            return
        }
        out(String(whole[..<range.lowerBound]))
        for (i, entry) in ranking.entries.enumerated() {
            out((i == 0 ? "" : ",\n") + (i == 0 ? placeholder : entryText(entry)))
        }
        out(String(whole[range.upperBound...]))
    }
}
