import ParkScore
import ParkScoreIO

extension DossierRenderer {
    /// The comparison page of a ranking: ranks, totals, a heat map of dimension scores, the best park per criterion.
    public func comparisonHTML(_ ranking: Ranking, language: LocalizedText.Language) -> String {
        let labels = templates.labels(language)
        let table = RankingTable(ranking: ranking, language: language)
        let fixed = 7
        let rows: [[String: Any]] = zip(ranking.entries, table.rows).map { entry, cells in
            let shaded = cells.enumerated().map { i, text -> [String: Any] in
                guard i >= fixed else { return ["text": text, "class": i == 0 || i == 4 ? "num" : ""] }
                // Shading only (the number in the cell is exact): the share of the dimension's weight, in five steps.
                guard i - fixed < entry.standing.dimensions.count, let step = entry.standing.dimensions[i - fixed].shade else {
                    return ["text": text, "class": "num"]
                }
                return ["text": text, "class": "num h\(step)"]
            }
            return ["cells": shaded]
        }
        let zh = language == .zh
        let context: [String: Any] = [
            "lang": zh ? "zh-CN" : "en",
            "label": labels,
            "title": "\(labels["comparison"] ?? "") · \(ranking.scorecard.title.text(language))",
            "scorecard": "\(ranking.scorecard.id) \(ranking.scorecard.version)",
            "count": zh ? "\(ranking.entries.count) 个园区" : "\(ranking.entries.count) parks",
            "header": table.header,
            "rows": rows,
            "best": ranking.best.map { b -> [String: Any] in
                ["id": b.criterionID, "title": b.title.text(language),
                 "parks": table.leaders(b, separator: zh ? "、" : ", "), "points": b.points.formatted(places: 2)]
            },
        ]
        return templates.comparison.render(context)
    }
}
