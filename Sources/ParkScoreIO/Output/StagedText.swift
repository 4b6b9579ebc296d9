import ParkScore

/// The stages of an evaluation side by side (自评分 · 初审分 · 评审分), the panel's ratings with the
/// criteria to discuss, and every override with who, when, old → new and why.
public struct StagedText {
    public let language: LocalizedText.Language

    public init(language: LocalizedText.Language) {
        self.language = language
    }

    func t(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

    public func render(_ staged: StagedResult) -> String {
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
                let levels = r.levels.map { "\($0.reviewer)=\($0.level)" }.joined(separator: ", ")
                let flag = r.disagreement ? t("  ⚠ 分歧较大，需讨论", "  ⚠ ratings disagree: discuss") : ""
                out.append("  \(r.criterionID): \(levels) → \(r.aggregation.rawValue) \(r.level.formatted(places: 2)) → \(r.points.formatted(places: 2))\(flag)")
            }
        }
        let stages: [(String, ScoreResult?)] = [(t("初审", "preliminary"), staged.preliminary), (t("评审", "panel"), staged.panel)]
        let overrides = stages.flatMap { name, result in (result?.criteria ?? []).compactMap { c in c.override.map { (name, c.id, $0) } } }
        if !overrides.isEmpty {
            out.append(t("评分调整", "Overrides"))
            for (stage, id, o) in overrides {
                out.append("  [\(stage)] \(id): \(o.old.formatted(places: 2)) → \(o.new.formatted(places: 2)) — \(o.reviewer), \(o.date): \(o.reason)")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }
}
