import ParkScore
import ParkScoreIO

extension DossierRenderer {
    /// The comparison page of a ranking: ranks, totals, a heat map of dimension scores, the best park per criterion.
    public func comparisonHTML(_ ranking: Ranking, language: LocalizedText.Language) -> String {
        templates.comparison.render(comparisonContext(ranking, language: language))
    }

    /// The comparison page written a piece at a time (each piece 256 KiB or so): the rows are made as the template
    /// reaches them, so a ranking of any size is never held as a page.
    public func writeComparisonHTML(_ ranking: Ranking, language: LocalizedText.Language, to write: @escaping ([UInt8]) -> Void) {
        templates.comparison.render(comparisonContext(ranking, language: language), flushingEvery: 1 << 18, to: write)
    }

    /// The value tree the comparison template renders.
    func comparisonContext(_ ranking: Ranking, language: LocalizedText.Language) -> TemplateValue {
        let messages = templates.messages(language)
        let table = RankingTable(ranking: ranking, messages: messages)
        let fixed = 7
        let rows = TemplateRows(count: ranking.entries.count) { index in
            let entry = ranking.entries[index]
            let shaded = table.row(entry).enumerated().map { i, text -> TemplateValue in
                guard i >= fixed else { return ["text": .string(text), "class": i == 0 || i == 4 ? "num" : ""] }
                // Shading only (the number in the cell is exact): the share of the dimension's weight, in five steps.
                guard i - fixed < entry.standing.dimensions.count, let step = entry.standing.dimensions[i - fixed].shade else {
                    return ["text": .string(text), "class": "num"]
                }
                return ["text": .string(text), "class": .string("num h\(step)")]
            }
            return ["cells": .list(shaded)]
        }
        return [
            "lang": .string(DossierModel.languageTag(language)),
            "label": templates.labelValue(language),
            "title": .string("\(messages("labels.comparison")) · \(ranking.scorecard.title.text(language))"),
            "scorecard": .string("\(ranking.scorecard.id) \(ranking.scorecard.version)"),
            "count": .string(messages("comparison.count", ["count": String(ranking.entries.count)])),
            "header": .texts(table.header),
            "rows": .rows(rows),
            "best": .list(ranking.best.map { b -> TemplateValue in
                ["id": .string(b.criterionID), "title": .string(b.title.text(language)),
                 "parks": .string(table.leaders(b, separator: messages("ranking.separator"))), "points": .string(b.points.formatted(places: 2))]
            }),
        ]
    }
}
