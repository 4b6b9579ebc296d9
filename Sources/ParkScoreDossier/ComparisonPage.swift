import ParkScore
import ParkScoreIO

extension DossierRenderer {
    /// The comparison page of a ranking: ranks, totals, a heat map of dimension scores, the best park per criterion.
    public func comparisonHTML(_ ranking: Ranking, language: LocalizedText.Language) -> String {
        templates.comparison.render(comparisonContext(ranking, language: language))
    }

    /// The value tree the comparison template renders.
    func comparisonContext(_ ranking: Ranking, language: LocalizedText.Language) -> TemplateValue {
        let labels = templates.labels(language)
        let table = RankingTable(ranking: ranking, language: language)
        let fixed = 7
        let rows: [TemplateValue] = zip(ranking.entries, table.rows).map { entry, cells in
            let shaded = cells.enumerated().map { i, text -> TemplateValue in
                guard i >= fixed else { return ["text": .string(text), "class": i == 0 || i == 4 ? "num" : ""] }
                // Shading only (the number in the cell is exact): the share of the dimension's weight, in five steps.
                guard i - fixed < entry.standing.dimensions.count, let step = entry.standing.dimensions[i - fixed].shade else {
                    return ["text": .string(text), "class": "num"]
                }
                return ["text": .string(text), "class": .string("num h\(step)")]
            }
            return ["cells": .list(shaded)]
        }
        let zh = language == .zh
        return [
            "lang": zh ? "zh-CN" : "en",
            "label": .object(labels.mapValues(TemplateValue.string)),
            "title": .string("\(labels["comparison"] ?? "") · \(ranking.scorecard.title.text(language))"),
            "scorecard": .string("\(ranking.scorecard.id) \(ranking.scorecard.version)"),
            "count": .string(zh ? "\(ranking.entries.count) 个园区" : "\(ranking.entries.count) parks"),
            "header": .texts(table.header),
            "rows": .list(rows),
            "best": .list(ranking.best.map { b -> TemplateValue in
                ["id": .string(b.criterionID), "title": .string(b.title.text(language)),
                 "parks": .string(table.leaders(b, separator: zh ? "、" : ", ")), "points": .string(b.points.formatted(places: 2))]
            }),
        ]
    }
}
