/// Checks a review against the scorecard and the self-report it reviews: every criterion and evidence id
/// exists, ratings are of judged criteria and on rubric levels, rejections and overrides give a reason,
/// and overrides stay within the criterion's points.
public enum ReviewValidation {
    public static func check(_ review: Review, scorecard: Scorecard, report: SelfReport?) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if review.scorecardID != scorecard.id {
            diagnostics.append(.error(Message("review.scorecard", review.scorecardID, scorecard.id), at: review.location,
                                      path: "scorecard"))
        }
        let ids = scorecard.criteria.map(\.id)
        if !ParkProfile.isValidID(review.reviewer.id) {
            diagnostics.append(.error(Message("review.reviewer-id", review.reviewer.id),
                                      at: review.location, path: "reviewer.id"))
        }
        if let park = review.park, let reportPark = report?.park.id, park != reportPark {
            diagnostics.append(.error(Message("review.park", park, reportPark), at: review.location, path: "park"))
        }
        // Unknown ids get a "did you mean" up to a point; past it they are counted (a file of 60,000 would take minutes).
        var unknown = 0
        enum Kind { case criterion, evidence }
        func unknownID(_ kind: Kind, _ id: String, _ candidates: [String], at location: SourceLocation?, path: String) {
            unknown += 1
            if unknown <= 50 {
                let near = Suggestion.closest(to: id, in: candidates)
                let message: Message
                switch kind {
                case .criterion:
                    message = near.map { Message("review.unknown-criterion.suggested", id, scorecard.id, $0) }
                        ?? Message("review.unknown-criterion", id, scorecard.id)
                case .evidence:
                    message = near.map { Message("review.unknown-evidence.suggested", id, $0) } ?? Message("review.unknown-evidence", id)
                }
                diagnostics.append(.error(message, at: location, path: path))
            } else if unknown == 51 {
                diagnostics.append(.error(Message("review.unknown-more"), at: location, path: path))
            }
        }
        for (id, rating) in review.ratings.sorted(by: { $0.key < $1.key }) {
            let path = "ratings.\(id)"
            guard let criterion = scorecard.criterion(id) else {
                unknownID(.criterion, id, ids, at: rating.location, path: path)
                continue
            }
            guard case .judged(let rubric) = criterion.kind else {
                diagnostics.append(.error(Message("review.rating.not-judged", id, criterion.kind.name),
                                          at: rating.location, path: path))
                continue
            }
            if rubric.level(rating.level) == nil {
                let levels = rubric.levels.map { String($0.level) }.joined(separator: ", ")
                diagnostics.append(.error(Message("review.rating.level", String(rating.level), id, levels), at: rating.location, path: path))
            }
        }
        let evidenceIDs = report?.evidence.map(\.id) ?? []
        for (id, verdict) in review.evidence.sorted(by: { $0.key < $1.key }) {
            let path = "evidence.\(id)"
            if report != nil && !evidenceIDs.contains(id) {
                unknownID(.evidence, id, evidenceIDs, at: verdict.location, path: path)
            }
            if !verdict.accepted && (verdict.reason?.trimmingWhitespace.isEmpty ?? true) {
                diagnostics.append(.error(Message("review.evidence.no-reason", id), at: verdict.location, path: path))
            }
        }
        for (id, override) in review.overrides.sorted(by: { $0.key < $1.key }) {
            let path = "overrides.\(id)"
            guard let criterion = scorecard.criterion(id) else {
                unknownID(.criterion, id, ids, at: override.location, path: path)
                continue
            }
            if let problem = NumberLimit.points.problem(override.points) {
                diagnostics.append(.error(Message("review.override.size." + problem.kind, [id] + problem.arguments), at: override.location, path: path))
                continue
            }
            if review.resolutions[id] != nil {
                diagnostics.append(.error(Message("review.override.and-resolution", id), at: override.location, path: path))
            }
            if override.reason.trimmingWhitespace.isEmpty {
                diagnostics.append(.error(Message("review.override.no-reason", id), at: override.location, path: path))
            }
            if override.points < .zero || criterion.maxPoints < override.points {
                diagnostics.append(.error(Message("review.override.range", id, override.points.formatted(places: 2), criterion.maxPoints.formatted(places: 2)),
                                          at: override.location, path: path))
            }
        }
        for (id, resolution) in review.resolutions.sorted(by: { $0.key < $1.key }) {
            let path = "resolutions.\(id)"
            if review.reviewer.role != .chair {
                diagnostics.append(.error(Message("review.resolution.not-chair", review.reviewer.id, review.reviewer.role.rawValue, "role: chair"),
                                          at: resolution.location, path: path))
            }
            guard let criterion = scorecard.criterion(id) else {
                unknownID(.criterion, id, ids, at: resolution.location, path: path)
                continue
            }
            guard case .judged(let rubric) = criterion.kind else {
                diagnostics.append(.error(Message("review.resolution.not-judged", id, criterion.kind.name),
                                          at: resolution.location, path: path))
                continue
            }
            if rubric.level(resolution.level) == nil {
                let levels = rubric.levels.map { String($0.level) }.joined(separator: ", ")
                diagnostics.append(.error(Message("review.resolution.level", String(resolution.level), id, levels), at: resolution.location, path: path))
            }
            if resolution.reason.trimmingWhitespace.isEmpty {
                diagnostics.append(.error(Message("review.resolution.no-reason", id), at: resolution.location, path: path))
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
                    diagnostics.append(.error(Message("review.panel.same-review", place(first), place(review)),
                                              at: review.location, path: "reviewer"))
                } else {
                    diagnostics.append(.error(Message("review.panel.two-files", review.reviewer.id, place(first), place(review)),
                                              at: review.location, path: "reviewer.id"))
                }
                continue
            }
            seen[review.reviewer.id] = review
            if review.reviewer.role == .chair {
                if let first = chair {
                    diagnostics.append(.error(Message("review.panel.two-chairs", first.reviewer.id, place(first), review.reviewer.id),
                                              at: review.location, path: "reviewer.role"))
                } else {
                    chair = review
                }
            }
        }
        return diagnostics
    }
}
