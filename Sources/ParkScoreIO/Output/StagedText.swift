import ParkScore

/// The stages of an evaluation side by side (自评分 · 初审分 · 评审分), the panel's ratings with the criteria to
/// discuss and the chair's resolutions, and every reviewer's findings with who, when, what, why and where each stands.
public struct StagedText {
    public let language: LocalizedText.Language

    public init(language: LocalizedText.Language) {
        self.language = language
    }

    func t(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

    public func render(_ staged: StagedResult, report: SelfReport) -> String {
        TerminalText.lines(lines(staged, report: report)) + "\n"
    }

    /// One line each, not yet escaped.
    func lines(_ staged: StagedResult, report: SelfReport) -> [String] {
        let words = FindingText(language: language)
        var out: [String] = [t("分阶段得分", "Scores by stage")]
        func cell(_ result: ScoreResult?) -> String {
            guard let result else { return "—" }
            return result.total.fixed(places: 2) + (result.grade.map { " \($0.id)" } ?? "") + (result.isProvisional ? "*" : "")
        }
        out.append("  \(t("自评分", "self")): \(cell(staged.selfAssessment))    \(t("初审分", "preliminary")): \(cell(staged.preliminary))    "
                   + "\(t("评审分", "panel")): \(cell(staged.panel))    (* \(t("暂定", "provisional")))")
        if !staged.panelRatings.isEmpty {
            out.append(t("评审组评议", "Panel ratings"))
            for r in staged.panelRatings {
                out.append("  \(r.criterionID): \(ratingLine(r, names: staged.reviewerName))")
                if let resolution = staged.resolutions[r.criterionID] {
                    out.append("    \(t("组长合议", "chair's resolution")): \(t("等级", "level")) \(resolution.level) → \(resolution.points.formatted(places: 2))"
                               + " — \(words.who(resolution.chair, date: resolution.date))\(t("，理由：", ", because "))\(resolution.reason)")
                } else if r.disagreement {
                    out.append("    ⚠ \(t("分歧较大，待组长合议（结果暂定）", "ratings disagree: awaiting the chair's resolution (result provisional)"))")
                }
            }
            for (id, resolution) in staged.resolutions.sorted(by: { $0.key < $1.key }) where !staged.panelRatings.contains(where: { $0.criterionID == id }) {
                out.append("  \(id): \(t("组长合议", "chair's resolution")) \(t("等级", "level")) \(resolution.level) → \(resolution.points.formatted(places: 2))"
                           + " — \(words.who(resolution.chair, date: resolution.date))\(t("，理由：", ", because "))\(resolution.reason)")
            }
        }
        if !staged.findings.isEmpty {
            out.append(t("评审意见（全部记录）", "Reviewers' findings (all of them)"))
            for stage in [EvaluationStage.preliminary, .panel] {
                let findings = staged.findings.filter { $0.stage == stage }
                guard !findings.isEmpty else { continue }
                out.append("  [\(words.stage(stage))]")
                for finding in findings { out.append("    \(words.line(finding, report: report))") }
            }
        }
        return out
    }

    /// `p1=2, p2=3, p3=1 → mean 2.00 → 4.00`
    func ratingLine(_ r: PanelRating, names: (String) -> String = { $0 }) -> String {
        let levels = r.levels.map { "\(names($0.reviewer)) \($0.level)" }.joined(separator: ", ")
        return "\(levels) → \(aggregate(r))"
    }

    /// `mean 2.00 → 4.00`: the rule, the aggregate level and its points.
    public func aggregate(_ r: PanelRating) -> String {
        let rule: String
        switch r.aggregation {
        case .trimmedMean: rule = r.counted.count < r.levels.count ? t("去掉最高最低后平均", "trimmed mean") : t("平均", "mean")
        case .mean: rule = t("平均", "mean")
        case .median: rule = t("中位数", "median")
        }
        return "\(rule) \(r.level.formatted(places: 2)) → \(r.points.formatted(places: 2))"
    }
}
