/// How points, weights, N/A and gates combine into the total: named in the scorecard and printed with
/// every result, so nobody has to guess how a number came about.
public enum ScoringModel: String, Sendable, CaseIterable {
    case weightedDimensions = "weighted-dimensions"

    public func summary(_ language: LocalizedText.Language) -> [String] {
        switch (self, language) {
        case (.weightedDimensions, .zh):
            return [
                "评分模型：weighted-dimensions（加权维度）。",
                "各评分项按其类型得分（核查项：满足得满分；量表项：按分档或在两端之间线性计分；清单项：每具备一项得相应分，不超过上限；评议项：按评审等级得分）。",
                "维度得分 = 维度权重 × 该维度各项得分之和 ÷ 该维度适用项满分之和；经说明理由的“不适用”项不计入分母；缺少数据的项得 0 分，仍计入分母。",
                "总分 = 各维度得分之和（满分 100，保留两位小数，四舍五入）；若某维度全部不适用，其余维度按权重比例折算为 100 分。",
                "等级按总分所在分档确定；未通过“不予认定”类门槛的园区不予认定、不评等级；未通过“封顶”类门槛的园区等级不高于该门槛规定的等级；任一门槛（含“封顶”类）缺少数据时结论待定、不评等级——缺少数据不会得到比如实填报“否”更好的结论。",
                "评审时，证明材料未被采信、缺失或校验不符的事实视为未经证实：读取这些事实或要求证明材料而无有效材料的评分项得 0 分；此类门槛既不算通过也不算未通过，结论为“待补正”，并列出补正清单。",
            ]
        case (.weightedDimensions, .en):
            return [
                "Scoring model: weighted-dimensions.",
                "Each criterion earns points by its kind (check: all points when its condition holds; scale: by bands, or linearly between two bounds; checklist: points per item present, up to a cap; judged: the points of the rated rubric level).",
                "Dimension score = dimension weight × points earned in the dimension ÷ the most points of its applicable criteria; a criterion justified as not applicable leaves the denominator; a criterion with missing data earns 0 and stays in it.",
                "Total = the sum of dimension scores (out of 100, rounded half up to two decimals); if every criterion of a dimension is not applicable, the other dimensions are scaled up in proportion to their weights.",
                "The grade is the band the total falls in; failing an 'ineligible' gate means no grade (not accredited); failing a 'cap' gate caps the grade at the band it names; any gate with missing data, a cap gate included, leaves the verdict undetermined and gives no grade: missing data never earns a better verdict than an honest 'no'.",
                "In evaluation, facts whose evidence is rejected, missing or fails its hash are unsubstantiated: a criterion reading them, or asking for evidence none of which holds, earns 0; such a gate is neither passed nor failed, and the verdict is 'to be corrected' with the list of what to supply.",
            ]
        }
    }
}
