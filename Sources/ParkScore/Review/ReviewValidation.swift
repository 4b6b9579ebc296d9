/// Checks a review against the scorecard and the self-report it reviews: every criterion and evidence id
/// exists, ratings are of judged criteria and on rubric levels, rejections and overrides give a reason,
/// and overrides stay within the criterion's points.
public enum ReviewValidation {
    public static func check(_ review: Review, scorecard: Scorecard, report: SelfReport?) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if review.scorecardID != scorecard.id {
            diagnostics.append(.error("review is of scorecard '\(review.scorecardID)', not '\(scorecard.id)'", at: review.location,
                                      path: "scorecard"))
        }
        let ids = scorecard.criteria.map(\.id)
        for (id, rating) in review.ratings.sorted(by: { $0.key < $1.key }) {
            let path = "ratings.\(id)"
            guard let criterion = scorecard.criterion(id) else {
                diagnostics.append(.error("unknown criterion '\(id)' in scorecard '\(scorecard.id)'\(Suggestion.hint(for: id, in: ids))",
                                          at: rating.location, path: path))
                continue
            }
            guard case .judged(let rubric) = criterion.kind else {
                diagnostics.append(.error("criterion '\(id)' is a \(criterion.kind.name), not judged: it takes no rating; use an override",
                                          at: rating.location, path: path))
                continue
            }
            if rubric.level(rating.level) == nil {
                let levels = rubric.levels.map { String($0.level) }.joined(separator: ", ")
                diagnostics.append(.error("level \(rating.level) is not in the rubric of '\(id)' (levels \(levels))", at: rating.location, path: path))
            }
        }
        let evidenceIDs = report?.evidence.map(\.id) ?? []
        for (id, verdict) in review.evidence.sorted(by: { $0.key < $1.key }) {
            let path = "evidence.\(id)"
            if report != nil && !evidenceIDs.contains(id) {
                diagnostics.append(.error("unknown evidence '\(id)' in the self-report\(Suggestion.hint(for: id, in: evidenceIDs))",
                                          at: verdict.location, path: path))
            }
            if !verdict.accepted && (verdict.reason?.trimmingWhitespace.isEmpty ?? true) {
                diagnostics.append(.error("rejecting evidence '\(id)' needs a reason", at: verdict.location, path: path))
            }
        }
        for (id, override) in review.overrides.sorted(by: { $0.key < $1.key }) {
            let path = "overrides.\(id)"
            guard let criterion = scorecard.criterion(id) else {
                diagnostics.append(.error("unknown criterion '\(id)' in scorecard '\(scorecard.id)'\(Suggestion.hint(for: id, in: ids))",
                                          at: override.location, path: path))
                continue
            }
            if override.reason.trimmingWhitespace.isEmpty {
                diagnostics.append(.error("override of '\(id)' needs a reason", at: override.location, path: path))
            }
            if override.points < .zero || criterion.maxPoints < override.points {
                diagnostics.append(.error("override of '\(id)' gives \(override.points.formatted(places: 2)) points; '\(id)' earns 0 to \(criterion.maxPoints.formatted(places: 2))",
                                          at: override.location, path: path))
            }
        }
        return diagnostics.sortedForReport()
    }
}
