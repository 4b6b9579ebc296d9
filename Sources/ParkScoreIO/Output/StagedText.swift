import ParkScore

/// The stages of an evaluation side by side (自评分 · 初审分 · 评审分), the panel's ratings with the criteria to
/// discuss and the chair's resolutions, and every reviewer's findings with who, when, what, why and where each stands.
public struct StagedText {
    public let messages: Messages

    public init(messages: Messages) {
        self.messages = messages
    }

    public func render(_ staged: StagedResult, report: SelfReport) -> String {
        TerminalText.lines(lines(staged, report: report)) + "\n"
    }

    /// One line each, not yet escaped.
    func lines(_ staged: StagedResult, report: SelfReport) -> [String] {
        let words = FindingText(messages: messages)
        var out: [String] = [messages("staged.heading")]
        func cell(_ result: ScoreResult?) -> String {
            guard let result else { return "—" }
            return result.total.fixed(places: 2) + (result.grade.map { " \($0.id)" } ?? "") + (result.isProvisional ? "*" : "")
        }
        out.append("  " + messages("staged.scores", ["self": cell(staged.selfAssessment), "preliminary": cell(staged.preliminary),
                                                     "panel": cell(staged.panel)]))
        if !staged.panelRatings.isEmpty {
            out.append(messages("staged.panel_ratings"))
            for r in staged.panelRatings {
                out.append("  " + messages("staged.rating_of", ["id": r.criterionID, "rating": ratingLine(r, names: staged.reviewerName)]))
                if let resolution = staged.resolutions[r.criterionID] {
                    out.append("    " + resolutionLine(resolution, words: words))
                } else if r.disagreement {
                    out.append("    ⚠ " + messages("staged.disagreement"))
                }
            }
            for (id, resolution) in staged.resolutions.sorted(by: { $0.key < $1.key }) where !staged.panelRatings.contains(where: { $0.criterionID == id }) {
                out.append("  " + messages("staged.resolution_of", ["id": id, "resolution": resolutionLine(resolution, words: words)]))
            }
        }
        if !staged.findings.isEmpty {
            out.append(messages("staged.findings"))
            for stage in [EvaluationStage.preliminary, .panel] {
                let findings = staged.findings.filter { $0.stage == stage }
                guard !findings.isEmpty else { continue }
                out.append("  " + messages("staged.stage", ["stage": words.stage(stage)]))
                for finding in findings { out.append("    \(words.line(finding, report: report))") }
            }
        }
        return out
    }

    /// `组长合议：等级 2 → 4 — 周组长（评审组长，2026-03-10），理由：…`
    func resolutionLine(_ resolution: ResolutionRecord, words: FindingText) -> String {
        messages("staged.resolution", ["level": String(resolution.level), "points": resolution.points.formatted(places: 2),
                                       "who": words.who(resolution.chair, date: resolution.date), "reason": resolution.reason])
    }

    /// `p1 2, p2 3, p3 1; mean level 2.00: 4 points`
    func ratingLine(_ r: PanelRating, names: (String) -> String = { $0 }) -> String {
        let levels = messages.list(r.levels.map { "\(names($0.reviewer)) \($0.level)" })
        return messages("staged.rating", ["levels": levels, "aggregate": aggregate(r)])
    }

    /// `mean level 2.00: 4 points`: the rule, the aggregate level and its points.
    public func aggregate(_ r: PanelRating) -> String {
        let rule: String
        switch r.aggregation {
        case .trimmedMean: rule = r.counted.count < r.levels.count ? messages("staged.rule.trimmed_mean") : messages("staged.rule.mean")
        case .mean: rule = messages("staged.rule.mean")
        case .median: rule = messages("staged.rule.median")
        }
        return messages("staged.aggregate", ["rule": rule, "level": r.level.formatted(places: 2), "points": r.points.formatted(places: 2)])
    }
}
