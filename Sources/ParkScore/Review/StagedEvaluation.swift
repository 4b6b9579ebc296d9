/// The three stages of an evaluation form side by side — 自评分 (the park's own), 初审分 (the preliminary
/// check) and 评审分 (the panel) — each scored from the same self-report, with every reviewer's findings and
/// where each stands.
public struct StagedResult: Sendable {
    /// The park's self-assessment.
    public var selfAssessment: ScoreResult
    /// Scored with the preliminary reviews, when there are any.
    public var preliminary: ScoreResult?
    /// Scored with the panel's reviews (and the preliminary findings still in force), when there are any.
    public var panel: ScoreResult?
    /// The panel's ratings of the judged criteria, with the aggregate and disagreement flags.
    public var panelRatings: [PanelRating]
    public var preliminaryRatings: [PanelRating]
    /// The chair's resolutions, by criterion id.
    public var resolutions: [String: ResolutionRecord]
    /// Every statement of every review, in stage, date and reviewer order, with where it stands.
    public var findings: [Finding]
    /// The evidence decisions in force at the end, by evidence id.
    public var evidenceDecisions: [String: EvidenceDecision]
    /// The reviews, in stage, date and reviewer order.
    public var reviews: [Review]

    /// The latest stage there is: panel, else preliminary, else self.
    public var final: ScoreResult { panel ?? preliminary ?? selfAssessment }

    /// Judged criteria whose panel ratings spread beyond the scorecard's limit: for discussion.
    public var disagreements: [String] { panelRatings.filter(\.disagreement).map(\.criterionID) }

    /// Disagreements the chair has not resolved: they keep the result provisional (待合议).
    public var unresolvedDisagreements: [String] { disagreements.filter { resolutions[$0] == nil } }

    /// A reviewer's name by id, as the reviews give it (the id itself when no review has it).
    public func reviewerName(_ id: String) -> String {
        reviews.first { $0.reviewer.id == id }?.reviewer.name ?? id
    }

    /// The date of the latest review, which an evaluation report carries.
    public var latestReviewDate: String? { reviews.map(\.date).max() }
}

/// Composes the stages by the stage rules (README, "Evaluation: the stage rules"):
///
/// - Findings of the preliminary stage (evidence verdicts, overrides) stay in force at the panel stage unless the
///   panel's decision reverses them with a reason.
/// - At the preliminary stage the latest finding on a subject counts (by date, then reviewer id).
/// - At the panel stage one member's verdict or override is that member's finding. It becomes the panel's when the
///   chair records it, or when more than half of the distinct panel members record the same finding (the same verdict;
///   the same new points). The members are the panel reviewers, and the chair if the chair rates.
/// - The panel's ratings are aggregated by the scorecard's rule over every member (the chair's ratings counting as one
///   member's); a chair's resolution replaces the aggregate; a disagreement the chair has not resolved keeps the result
///   provisional.
public enum StagedEvaluation {
    /// Scores every stage. `evidenceFiles` is what checking the files found. The reviews must have passed
    /// `ReviewValidation.checkPanel` (one file per reviewer, at most one chair); reviews of another scorecard are ignored.
    public static func evaluate(_ report: SelfReport, against scorecard: Scorecard, engine: ScoringEngine, reviews: [Review],
                                evidenceFiles: [String: EvidenceFileState] = [:]) -> StagedResult {
        let own = reviews.filter { $0.scorecardID == scorecard.id }
            .sorted { ($0.reviewer.role.stage, $0.date, $0.reviewer.id) < ($1.reviewer.role.stage, $1.date, $1.reviewer.id) }
        var composer = StageComposer(scorecard: scorecard, reviews: own, files: evidenceFiles)
        composer.compose()

        let selfResult = engine.score(report, against: scorecard, options: ScoringOptions(mode: .selfAssessment, evidenceFiles: evidenceFiles))
        func score(_ stage: EvaluationStage, ratings: [PanelRating], resolutions: [String: ResolutionRecord]) -> ScoreResult {
            var options = ScoringOptions(mode: .evaluation, evidenceFiles: evidenceFiles)
            for (id, decision) in composer.evidence(at: stage) {
                if decision.accepted {
                    options.acceptedEvidence.insert(id)
                    continue
                }
                if let state = evidenceFiles[id], state != .verified && state != .unchecked { continue }
                options.evidenceFiles[id] = .rejected
                options.rejections[id] = EvidenceRejection(by: decision.byNames, date: decision.date, reason: decision.reason ?? "")
            }
            options.overrides = composer.overrides(at: stage)
            options.awaitingPanel = stage == .preliminary
            for rating in ratings {
                options.ratings[rating.criterionID] = ScoringOptions.Rating(level: rating.level, points: rating.points)
            }
            for (id, resolution) in resolutions {
                options.ratings[id] = ScoringOptions.Rating(level: Rational(resolution.level), points: resolution.points, resolution: resolution)
            }
            if stage == .panel {
                // A disagreement is settled by the chair's resolution, or by an override the panel has decided.
                options.unresolvedDisagreements = ratings.filter {
                    $0.disagreement && resolutions[$0.criterionID] == nil && !composer.panelDecidedOverrides.contains($0.criterionID)
                }.map(\.criterionID)
            }
            return engine.score(report, against: scorecard, options: options)
        }
        let preliminaryRatings = composer.ratings(at: .preliminary)
        let panelRatings = composer.ratings(at: .panel)
        let resolutions = composer.resolutions(panelRatings: panelRatings)
        let preliminary = composer.hasStage(.preliminary) ? score(.preliminary, ratings: preliminaryRatings, resolutions: [:]) : nil
        let panel = composer.hasStage(.panel) ? score(.panel, ratings: panelRatings, resolutions: resolutions) : nil
        return StagedResult(selfAssessment: selfResult, preliminary: preliminary, panel: panel, panelRatings: panelRatings,
                            preliminaryRatings: preliminaryRatings, resolutions: resolutions, findings: composer.findings,
                            evidenceDecisions: composer.evidence(at: .panel), reviews: own)
    }
}

/// Works out, subject by subject, which findings are decisions and which stay one reviewer's.
private struct StageComposer {
    let scorecard: Scorecard
    let reviews: [Review]
    let files: [String: EvidenceFileState]
    private(set) var findings: [Finding] = []
    private var evidenceByStage: [EvaluationStage: [String: EvidenceDecision]] = [:]
    private var overridesByStage: [EvaluationStage: [String: ScoringOptions.OverrideDecision]] = [:]
    /// Criteria whose override the panel itself decided (not one carried from the preliminary check).
    private(set) var panelDecidedOverrides: Set<String> = []

    init(scorecard: Scorecard, reviews: [Review], files: [String: EvidenceFileState]) {
        self.scorecard = scorecard
        self.reviews = reviews
        self.files = files
    }

    func hasStage(_ stage: EvaluationStage) -> Bool { reviews.contains { $0.reviewer.role.stage == stage } }

    func evidence(at stage: EvaluationStage) -> [String: EvidenceDecision] {
        stage == .panel ? evidenceByStage[.panel] ?? evidenceByStage[.preliminary] ?? [:] : evidenceByStage[stage] ?? [:]
    }

    func overrides(at stage: EvaluationStage) -> [String: ScoringOptions.OverrideDecision] {
        stage == .panel ? overridesByStage[.panel] ?? overridesByStage[.preliminary] ?? [:] : overridesByStage[stage] ?? [:]
    }

    /// The panel's members: its reviewers, and the chair if the chair rates.
    var panelMembers: [Review] {
        reviews.filter { $0.reviewer.role == .panel || ($0.reviewer.role == .chair && !$0.ratings.isEmpty) }
    }

    var chair: Review? { reviews.first { $0.reviewer.role == .chair } }

    /// One statement about one subject, with the review it is in.
    struct Said {
        var index: Int  // of the finding
        var review: Review
        var statement: Finding.Statement
        var text: String?
    }

    mutating func compose() {
        // Every statement becomes a finding first; standings are settled subject by subject below.
        var evidenceSaid: [String: [Said]] = [:]
        var overrideSaid: [String: [Said]] = [:]
        for review in reviews {
            let stage = review.reviewer.role.stage
            func add(_ subject: Finding.Subject, _ statement: Finding.Statement, _ text: String?, standing: Finding.Standing) -> Int {
                findings.append(Finding(stage: stage, reviewer: review.reviewer, date: review.date, subject: subject, statement: statement,
                                        text: text, standing: standing))
                return findings.count - 1
            }
            for (id, verdict) in review.evidence.sorted(by: { $0.key < $1.key }) {
                let statement: Finding.Statement = verdict.accepted ? .accepted : .rejected
                let index = add(.evidence(id), statement, verdict.reason, standing: .memberOnly)
                evidenceSaid[id, default: []].append(Said(index: index, review: review, statement: statement, text: verdict.reason))
            }
            for (id, override) in review.overrides.sorted(by: { $0.key < $1.key }) {
                let index = add(.criterion(id), .override(points: override.points), override.reason, standing: .memberOnly)
                overrideSaid[id, default: []].append(Said(index: index, review: review, statement: .override(points: override.points),
                                                          text: override.reason))
            }
            for (id, rating) in review.ratings.sorted(by: { $0.key < $1.key }) {
                _ = add(.criterion(id), .rating(level: rating.level), rating.comment, standing: .recorded)
            }
            for (id, resolution) in review.resolutions.sorted(by: { $0.key < $1.key }) {
                _ = add(.criterion(id), .resolution(level: resolution.level), resolution.reason, standing: .inForce)
            }
            if let comments = review.comments, !comments.trimmingWhitespace.isEmpty {
                _ = add(.application, .comment, comments, standing: .recorded)
            }
        }

        for (id, said) in evidenceSaid.sorted(by: { $0.key < $1.key }) {
            let (preliminary, panel) = settle(said)
            func decision(_ d: Decided) -> EvidenceDecision {
                EvidenceDecision(evidenceID: id, accepted: d.statement == .accepted, stage: d.stage, by: d.by, date: d.date, reason: d.reason)
            }
            if let preliminary { evidenceByStage[.preliminary, default: [:]][id] = decision(preliminary) }
            if let final = panel ?? preliminary, hasStage(.panel) { evidenceByStage[.panel, default: [:]][id] = decision(final) }
        }
        for (id, said) in overrideSaid.sorted(by: { $0.key < $1.key }) {
            let (preliminary, panel) = settle(said)
            func decision(_ d: Decided) -> ScoringOptions.OverrideDecision? {
                guard case .override(let points) = d.statement else { return nil }
                return ScoringOptions.OverrideDecision(points: points, reviewer: d.byNames, date: d.date, reason: d.reason ?? "")
            }
            if let preliminary { overridesByStage[.preliminary, default: [:]][id] = decision(preliminary) }
            if let final = panel ?? preliminary, hasStage(.panel) { overridesByStage[.panel, default: [:]][id] = decision(final) }
            if panel != nil { panelDecidedOverrides.insert(id) }
        }
        if hasStage(.panel) {
            evidenceByStage[.panel] = evidenceByStage[.panel] ?? [:]
            overridesByStage[.panel] = overridesByStage[.panel] ?? [:]
        }
        // An acceptance cannot cure a file that is missing or fails its hash.
        for i in findings.indices {
            guard case .evidence(let id) = findings[i].subject, findings[i].statement == .accepted,
                  let state = files[id], state != .verified && state != .unchecked && state != .rejected else { continue }
            findings[i].standing = .fileProblem
        }
    }

    struct Decided {
        var statement: Finding.Statement
        var stage: EvaluationStage
        var by: [Review.Reviewer]
        var date: String
        var reason: String?
        var byNames: String { by.map(\.name).joined(separator: " / ") }
    }

    /// The stricter of two findings: a rejection over an acceptance, the lower points over the higher.
    static func isStricter(_ a: Finding.Statement, than b: Finding.Statement) -> Bool {
        switch (a, b) {
        case (.rejected, .accepted): return true
        case (.override(let x), .override(let y)): return x < y
        default: return false
        }
    }

    /// The preliminary decision and the panel's decision on one subject, with the standing of each finding set.
    mutating func settle(_ said: [Said]) -> (Decided?, Decided?) {
        // Preliminary: a later finding (by date) replaces an earlier one, but reversing a rejection needs a reason;
        // findings of the same day that disagree keep the stricter one.
        let early = said.filter { $0.review.reviewer.role.stage == .preliminary }
        var current: Said?
        for s in early {
            guard let c = current else {
                current = s
                continue
            }
            if s.statement == c.statement {
                current = s
            } else if s.review.date == c.review.date {
                if Self.isStricter(s.statement, than: c.statement) {
                    findings[c.index].standing = .sameDayConflict
                    current = s
                } else {
                    findings[s.index].standing = .sameDayConflict
                }
            } else if c.statement == .rejected && (s.text?.trimmingWhitespace.isEmpty ?? true) {
                findings[s.index].standing = .reversalWithoutReason
            } else {
                current = s
            }
        }
        var preliminary: Decided?
        if let last = current {
            preliminary = Decided(statement: last.statement, stage: .preliminary, by: [last.review.reviewer], date: last.review.date,
                                  reason: last.text)
            for s in early where findings[s.index].standing == .memberOnly {
                findings[s.index].standing = s.statement == last.statement ? .inForce : .superseded
            }
        }

        // Panel: the chair's record, else a majority of the members with the same finding.
        let late = said.filter { $0.review.reviewer.role.stage == .panel }
        let members = panelMembers.count
        var groups: [(Finding.Statement, [Said])] = []
        for s in late where s.review.reviewer.role != .chair {
            if let g = groups.firstIndex(where: { $0.0 == s.statement }) { groups[g].1.append(s) } else { groups.append((s.statement, [s])) }
        }
        let majority = groups.first { $0.1.count * 2 > members }
        var adopted: [Said] = []
        if let chairs = late.last(where: { $0.review.reviewer.role == .chair }) {
            adopted = [chairs] + late.filter { $0.review.reviewer.role != .chair && $0.statement == chairs.statement }
            if let majority, majority.0 != chairs.statement {
                for s in majority.1 { findings[s.index].standing = .overruledByChair }
            }
        } else if let majority {
            adopted = majority.1
        }
        var panel: Decided?
        if let first = adopted.first {
            var reasons: [String] = []
            for text in adopted.compactMap(\.text) where !text.trimmingWhitespace.isEmpty && !reasons.contains(text) { reasons.append(text) }
            // The chair's record is the chair's decision; without a chair, the majority's.
            let deciders = first.review.reviewer.role == .chair ? [first.review.reviewer] : adopted.map(\.review.reviewer)
            let decided = Decided(statement: first.statement, stage: .panel, by: deciders,
                                  date: adopted.map(\.review.date).max() ?? first.review.date,
                                  reason: reasons.isEmpty ? nil : reasons.joined(separator: " / "))
            if let preliminary, preliminary.statement != decided.statement, decided.reason == nil {
                // A reversal needs a reason: without one, the preliminary finding stays in force.
                for s in adopted { findings[s.index].standing = .reversalWithoutReason }
            } else {
                panel = decided
                for s in adopted { findings[s.index].standing = .inForce }
                if let preliminary, preliminary.statement != decided.statement {
                    for s in early where findings[s.index].standing == .inForce {
                        findings[s.index].standing = .reversed(by: decided.by.map(\.name))
                    }
                }
            }
        }
        // A member's finding that agrees with the decision in force concurs with it.
        if let inForce = panel ?? preliminary {
            for s in late where findings[s.index].standing == .memberOnly && s.statement == inForce.statement {
                findings[s.index].standing = .concurs
            }
        }
        return (preliminary, panel)
    }

    /// The ratings of a stage, aggregated per judged criterion by the scorecard's rule.
    func ratings(at stage: EvaluationStage) -> [PanelRating] {
        let raters = reviews.filter { $0.reviewer.role.stage == stage }
        var result: [PanelRating] = []
        for criterion in scorecard.criteria {
            guard case .judged(let rubric) = criterion.kind else { continue }
            let levels = raters.compactMap { review in review.ratings[criterion.id].map { (review.reviewer.id, $0.level) } }
            if let aggregate = PanelRating.aggregate(criterion.id, ratings: levels, rubric: rubric, rule: scorecard.panelRule) {
                result.append(aggregate)
            }
        }
        return result
    }

    /// The chair's resolutions, with the points at the resolved level and the aggregate they replace.
    func resolutions(panelRatings: [PanelRating]) -> [String: ResolutionRecord] {
        guard let chair else { return [:] }
        var result: [String: ResolutionRecord] = [:]
        for (id, resolution) in chair.resolutions {
            // A resolution is on a rubric level (validated), where the points are the level's own.
            guard let criterion = scorecard.criterion(id), case .judged(let rubric) = criterion.kind,
                  let points = rubric.level(resolution.level)?.points else { continue }
            result[id] = ResolutionRecord(criterionID: id, chair: chair.reviewer, date: chair.date, level: resolution.level, points: points,
                                          aggregate: panelRatings.first { $0.criterionID == id }?.level, reason: resolution.reason)
        }
        return result
    }
}
