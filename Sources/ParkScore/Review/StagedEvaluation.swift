/// The three stages of an evaluation form side by side — 自评分 (the park's own), 初审分 (the preliminary
/// check) and 评审分 (the panel) — each scored from the same self-report with its own reviews.
public struct StagedResult: Sendable {
    /// The park's self-assessment.
    public var selfAssessment: ScoreResult
    /// Scored with the preliminary reviews, when there are any.
    public var preliminary: ScoreResult?
    /// Scored with the panel's reviews, when there are any.
    public var panel: ScoreResult?
    /// The panel's ratings of the judged criteria, with the aggregate and disagreement flags.
    public var panelRatings: [PanelRating]
    public var preliminaryRatings: [PanelRating]

    /// The latest stage there is: panel, else preliminary, else self.
    public var final: ScoreResult { panel ?? preliminary ?? selfAssessment }

    /// Judged criteria whose panel ratings spread beyond the scorecard's limit: for discussion.
    public var disagreements: [String] { panelRatings.filter(\.disagreement).map(\.criterionID) }
}

public enum StagedEvaluation {
    /// Scores every stage. `evidenceFiles` is what checking the files found; reviewers' rejections are added
    /// per stage. Reviews of another scorecard are ignored.
    public static func evaluate(_ report: SelfReport, against scorecard: Scorecard, engine: ScoringEngine, reviews: [Review],
                                evidenceFiles: [String: EvidenceFileState] = [:]) -> StagedResult {
        let own = reviews.filter { $0.scorecardID == scorecard.id }
        let selfResult = engine.score(report, against: scorecard, options: ScoringOptions(mode: .selfAssessment, evidenceFiles: evidenceFiles))
        func stage(_ role: Review.Role) -> (ScoreResult, [PanelRating])? {
            let stageReviews = own.filter { $0.reviewer.role == role }.sorted { ($0.date, $0.reviewer.id) < ($1.date, $1.reviewer.id) }
            guard !stageReviews.isEmpty else { return nil }
            var ratings: [String: ScoringOptions.Rating] = [:]
            var panelRatings: [PanelRating] = []
            for criterion in scorecard.criteria {
                guard case .judged(let rubric) = criterion.kind else { continue }
                let levels = stageReviews.compactMap { review in review.ratings[criterion.id].map { (review.reviewer.id, $0.level) } }
                guard let aggregate = PanelRating.aggregate(criterion.id, ratings: levels, rubric: rubric, rule: scorecard.panelRule)
                else { continue }
                panelRatings.append(aggregate)
                ratings[criterion.id] = ScoringOptions.Rating(level: aggregate.level, points: aggregate.points)
            }
            var files = evidenceFiles
            for review in stageReviews {
                for (id, verdict) in review.evidence where !verdict.accepted {
                    if files[id] == nil || files[id] == .verified || files[id] == .unchecked { files[id] = .rejected }
                }
            }
            // The latest override of a criterion counts (by date, then reviewer id).
            var overrides: [String: ScoringOptions.OverrideDecision] = [:]
            for review in stageReviews {
                for (id, o) in review.overrides {
                    overrides[id] = ScoringOptions.OverrideDecision(points: o.points, reviewer: review.reviewer.name, date: review.date,
                                                                    reason: o.reason)
                }
            }
            let options = ScoringOptions(mode: .evaluation, evidenceFiles: files, ratings: ratings, overrides: overrides)
            return (engine.score(report, against: scorecard, options: options), panelRatings)
        }
        let preliminary = stage(.preliminary)
        let panel = stage(.panel)
        return StagedResult(selfAssessment: selfResult, preliminary: preliminary?.0, panel: panel?.0,
                            panelRatings: panel?.1 ?? [], preliminaryRatings: preliminary?.1 ?? [])
    }
}
