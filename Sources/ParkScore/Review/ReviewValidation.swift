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
        if !ParkProfile.isValidID(review.reviewer.id) {
            diagnostics.append(.error("reviewer id '\(review.reviewer.id)' must be 1 to 64 letters, digits, '-', '_' or '.', starting with a letter or digit",
                                      at: review.location, path: "reviewer.id"))
        }
        if let park = review.park, let reportPark = report?.park.id, park != reportPark {
            diagnostics.append(.error("review is of park '\(park)', not of '\(reportPark)', whose report this is", at: review.location, path: "park"))
        }
        // Unknown ids get a "did you mean" up to a point; past it they are counted (a file of 60,000 would take minutes).
        var unknown = 0
        func unknownID(_ what: String, _ id: String, _ candidates: [String], at location: SourceLocation?, path: String) {
            unknown += 1
            if unknown <= 50 {
                let place = what == "criterion" ? " in scorecard '\(scorecard.id)'" : " in the self-report"
                diagnostics.append(.error("unknown \(what) '\(id)'\(place)\(Suggestion.hint(for: id, in: candidates))", at: location, path: path))
            } else if unknown == 51 {
                diagnostics.append(.error("more unknown ids follow; they are not listed one by one", at: location, path: path))
            }
        }
        for (id, rating) in review.ratings.sorted(by: { $0.key < $1.key }) {
            let path = "ratings.\(id)"
            guard let criterion = scorecard.criterion(id) else {
                unknownID("criterion", id, ids, at: rating.location, path: path)
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
                unknownID("evidence", id, evidenceIDs, at: verdict.location, path: path)
            }
            if !verdict.accepted && (verdict.reason?.trimmingWhitespace.isEmpty ?? true) {
                diagnostics.append(.error("rejecting evidence '\(id)' needs a reason", at: verdict.location, path: path))
            }
        }
        for (id, override) in review.overrides.sorted(by: { $0.key < $1.key }) {
            let path = "overrides.\(id)"
            guard let criterion = scorecard.criterion(id) else {
                unknownID("criterion", id, ids, at: override.location, path: path)
                continue
            }
            if let problem = NumberLimit.points.problem(override.points) {
                diagnostics.append(.error("override of '\(id)': \(problem)", at: override.location, path: path))
                continue
            }
            if review.resolutions[id] != nil {
                diagnostics.append(.error("'\(id)' has both a resolution and an override in this review: settle it with one", at: override.location, path: path))
            }
            if override.reason.trimmingWhitespace.isEmpty {
                diagnostics.append(.error("override of '\(id)' needs a reason", at: override.location, path: path))
            }
            if override.points < .zero || criterion.maxPoints < override.points {
                diagnostics.append(.error("override of '\(id)' gives \(override.points.formatted(places: 2)) points; '\(id)' earns 0 to \(criterion.maxPoints.formatted(places: 2))",
                                          at: override.location, path: path))
            }
        }
        for (id, resolution) in review.resolutions.sorted(by: { $0.key < $1.key }) {
            let path = "resolutions.\(id)"
            if review.reviewer.role != .chair {
                diagnostics.append(.error("only the panel's chair (role: chair) records resolutions; '\(review.reviewer.id)' is \(review.reviewer.role.rawValue)",
                                          at: resolution.location, path: path))
            }
            guard let criterion = scorecard.criterion(id) else {
                unknownID("criterion", id, ids, at: resolution.location, path: path)
                continue
            }
            guard case .judged(let rubric) = criterion.kind else {
                diagnostics.append(.error("criterion '\(id)' is a \(criterion.kind.name), not judged: it takes no resolution; use an override",
                                          at: resolution.location, path: path))
                continue
            }
            if rubric.level(resolution.level) == nil {
                let levels = rubric.levels.map { String($0.level) }.joined(separator: ", ")
                diagnostics.append(.error("level \(resolution.level) is not in the rubric of '\(id)' (levels \(levels))", at: resolution.location, path: path))
            }
            if resolution.reason.trimmingWhitespace.isEmpty {
                diagnostics.append(.error("the resolution of '\(id)' needs a reason", at: resolution.location, path: path))
            }
        }
        return diagnostics.sortedForReport()
    }

    /// Checks the reviews of one application together: a reviewer counts once (the same id in two files, or the same
    /// file given twice, is refused with both locations), and a panel has at most one chair.
    public static func checkPanel(_ reviews: [Review]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var seen: [String: Review] = [:]
        var chair: Review?
        func place(_ r: Review) -> String { r.location.map { "\($0.file):\($0.line):\($0.column)" } ?? (r.file ?? "?") }
        for review in reviews {
            if let first = seen[review.reviewer.id] {
                if let a = first.sha256, a == review.sha256 {
                    diagnostics.append(.error("the same review is given twice (\(place(first)) and \(place(review))): a reviewer counts once",
                                              at: review.location, path: "reviewer"))
                } else {
                    diagnostics.append(.error("reviewer '\(review.reviewer.id)' has two review files (\(place(first)) and \(place(review))): a reviewer counts once",
                                              at: review.location, path: "reviewer.id"))
                }
                continue
            }
            seen[review.reviewer.id] = review
            if review.reviewer.role == .chair {
                if let first = chair {
                    diagnostics.append(.error("the panel has two chairs, '\(first.reviewer.id)' (\(place(first))) and '\(review.reviewer.id)': one chair records the panel's decisions",
                                              at: review.location, path: "reviewer.role"))
                } else {
                    chair = review
                }
            }
        }
        return diagnostics
    }
}
