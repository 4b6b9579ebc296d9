import Foundation
import GRDB
import Hummingbird
import ParkScore
import ParkScoreDossier
import ParkScoreIO

/// The chair's part: the panel's aggregate, the current dossier, and finalisation (the outcome fixed, the application
/// locked), all through the one assessment pipeline.
struct PanelDesk {
    let workbench: Workbench

    var desk: ReviewDesk { ReviewDesk(workbench: workbench) }

    /// The review files of the application as they stand: every submitted review, and the chair's own review (stored,
    /// even as a draft) when `chair` is given; `chairYAML` replaces the chair's stored file.
    func files(of applicationID: Int64, chair: ReviewSeat?, chairYAML: String? = nil) throws -> [SourceFile] {
        var files = try desk.submittedFiles(of: applicationID, excluding: chair?.accountID)
        if let chair, let yaml = chairYAML ?? chair.review?.reviewYAML {
            files.append(SourceFile(path: ReviewDesk.filePath(chair.account.name), bytes: Array(yaml.utf8)))
        }
        return files
    }

    /// The assessment with `files`; nil with the problems when the pipeline refuses them.
    func assess(_ application: ApplicationRecord, files: [SourceFile], language: LocalizedText.Language)
        throws -> (ScorecardAssessment?, [String]) {
        let loaded = try workbench.assess(application, reviews: files, evaluation: true)
        let messages = workbench.pages.messages(language)
        let problems = loaded.diagnostics.filter { $0.severity == .error }.map { messages.text(of: $0) }
        return (loaded.value?.results.first, problems)
    }

    /// The chair's summary for `seat` (a chair's seat).
    func summary(_ seat: ReviewSeat, language: LocalizedText.Language) throws -> PanelSummary {
        let words = workbench.pages
        var (current, problems) = try assess(seat.application, files: try files(of: seat.applicationID, chair: seat), language: language)
        if current == nil {
            // The chair's own draft is refused: the figures without it, and the chair is told why.
            current = try assess(seat.application, files: try files(of: seat.applicationID, chair: nil), language: language).0
        }
        let panel = try desk.panel(of: seat.applicationID)
        let pending = panel.filter { $0.assignment.reviewRole != Review.Role.chair.rawValue && !($0.review?.submitted ?? false) }
            .map(\.account.displayName)
        var rows: [PanelSummary.Row] = []
        var unresolved: [String] = []
        if let current, let staged = current.staged {
            for rating in staged.panelRatings {
                let title = current.scorecard.criterion(rating.criterionID)?.title.text(language) ?? rating.criterionID
                let resolution = staged.resolutions[rating.criterionID].map {
                    words.word("review.panel.resolved", language, ["level": String($0.level), "reason": $0.reason])
                }
                rows.append(PanelSummary.Row(criterionID: rating.criterionID, title: title,
                                             levels: rating.levels.map { (staged.reviewerName($0.reviewer), $0.level) },
                                             aggregate: rating.level.formatted(places: 2), disagreement: rating.disagreement,
                                             resolution: resolution))
            }
            unresolved = staged.unresolvedDisagreements.map { current.scorecard.criterion($0)?.title.text(language) ?? $0 }
        }
        var findings: [(who: String, statement: String, standing: String)] = []
        var evidenceStates: [String: String] = [:]
        if let current {
            let text = FindingText(messages: workbench.pages.messages(language))
            for finding in current.staged?.findings ?? [] {
                findings.append((text.who(finding.reviewer, date: finding.date), text.statement(finding, report: current.report),
                                 text.standing(finding.standing)))
            }
            for item in current.report.evidence {
                evidenceStates[item.id] = text.evidenceState(current.evidence[item.id], decision: current.decision(item.id))
            }
        }
        let result = current?.result
        return PanelSummary(
            rows: rows,
            total: result.map { $0.total.formatted(places: 2) } ?? "",
            grade: result?.grade.map { $0.id + " " + $0.title.text(language) } ?? words.word("review.panel.no-grade", language),
            verdict: result.map { verdictText($0, language: language) } ?? "",
            provisional: result?.isProvisional ?? true,
            pending: pending, unresolved: unresolved, problems: problems, finalised: seat.isFinalised, findings: findings,
            evidenceStates: evidenceStates)
    }

    func verdictText(_ result: ScoreResult, language: LocalizedText.Language) -> String {
        let pages = workbench.pages
        if result.needsCorrection { return pages.word("review.verdict.correction", language) }
        switch result.verdict {
        case .eligible: return pages.word("review.verdict.eligible", language)
        case .ineligible: return pages.word("review.verdict.ineligible", language)
        case .undetermined: return pages.word("review.verdict.undetermined", language)
        }
    }

    enum FinaliseOutcome {
        case finalised(OutcomeRecord)
        /// The summary says why not (someone pending, a disagreement unresolved, the chair's review refused).
        case notReady(PanelSummary)
        case conflict
        case locked
    }

    /// Finalises the application at `seat` (a chair's): the pipeline with every submitted review and the chair's
    /// (regenerated with today's date, `version` checked), the outcome stored with the dossier (zh), the chair's review
    /// marked submitted, the application finalised — one transaction, audited.
    func finalise(_ seat: ReviewSeat, version: Int64, language: LocalizedText.Language) throws -> FinaliseOutcome {
        guard !seat.isFinalised, !seat.isSubmitted else { return .locked }
        guard seat.version == version else { return .conflict }
        let summary = try summary(seat, language: language)
        guard summary.canFinalise else { return .notReady(summary) }
        let chairYAML = desk.yaml(seat.form, seat: seat)
        let files = try files(of: seat.applicationID, chair: seat, chairYAML: chairYAML)
        let (assessed, problems) = try self.assess(seat.application, files: files, language: language)
        guard let assessed else {
            var refused = summary
            refused.problems = problems
            return .notReady(refused)
        }
        if let staged = assessed.staged, !staged.unresolvedDisagreements.isEmpty {
            var refused = summary
            refused.unresolved = staged.unresolvedDisagreements
            return .notReady(refused)
        }
        let result = assessed.result
        let now = Date()
        let total = Self.exactDecimal(result.total), grade = result.grade?.id ?? ""
        let verdict = result.needsCorrection ? "needs-correction" : result.verdict.rawValue
        let finalEvent = AuditEvent(applicationID: seat.applicationID, actorID: seat.accountID, at: now, action: "application.finalised",
                                    subject: total + " " + grade, oldValue: ApplicationRecord.Status.submitted.rawValue,
                                    newValue: ApplicationRecord.Status.finalised.rawValue, reason: verdict)
        let submittedEvent = AuditEvent(applicationID: seat.applicationID, actorID: seat.accountID, at: now, action: "review.submitted",
                                        subject: seat.role.rawValue, oldValue: "draft", newValue: "submitted")
        // The dossier as the CLI renders it, with the application's history added to its audit appendix.
        let history = try workbench.store.history(of: seat.applicationID) + [submittedEvent, finalEvent]
        let dossier = try ReviewHistoryAppendix(workbench: workbench)
            .adding(history, to: workbench.dossiers.render(.html, assessed, language: .zh), language: .zh)
        let reviews = files.map { ["path": $0.path, "yaml": String(decoding: $0.bytes, as: UTF8.self)] }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let reviewsJSON = String(decoding: try encoder.encode(reviews), as: UTF8.self)
        let outcome = OutcomeRecord(applicationID: seat.applicationID, total: total, grade: grade, verdict: verdict, dossierHTML: dossier,
                                    reviews: reviewsJSON, finalisedBy: seat.accountID, finalisedAt: now)
        return try workbench.store.database.write { db -> FinaliseOutcome in
            try db.execute(sql: "UPDATE application SET status = 'finalised', finalisedAt = ?, updatedAt = ?, version = version + 1 WHERE id = ? AND status = 'submitted'",
                           arguments: [now, now, seat.applicationID])
            guard db.changesCount == 1 else { return .locked }
            let form = seat.form
            if let stored = seat.review {
                try db.execute(sql: """
                    UPDATE review SET reviewYAML = ?, submitted = 1, version = version + 1, updatedAt = ?, submittedAt = ?
                    WHERE id = ? AND version = ? AND submitted = 0
                    """, arguments: [chairYAML, now, now, stored.id, version])
                guard db.changesCount == 1 else { throw PanelDeskConflict() }
            } else {
                var record = ReviewRecord(applicationID: seat.applicationID, reviewerID: seat.accountID, reviewRole: seat.role.rawValue,
                                          form: form.json, reviewYAML: chairYAML, submitted: true, version: 1, createdAt: now,
                                          updatedAt: now, submittedAt: now)
                try record.insert(db)
            }
            var stored = outcome
            try stored.insert(db)
            try WorkbenchStore.record(submittedEvent, in: db)
            try WorkbenchStore.record(finalEvent, in: db)
            return .finalised(outcome)
        }
    }

    /// Each evidence item's state after the submitted preliminary reviews (初审), worded, by evidence id: what a panel
    /// member finds in force (empty before the preliminary check is submitted).
    func preliminaryStates(_ seat: ReviewSeat, language: LocalizedText.Language) throws -> [String: String] {
        let files = try desk.preliminaryFiles(of: seat.applicationID)
        guard !files.isEmpty, let current = try self.assess(seat.application, files: files, language: language).0 else { return [:] }
        let text = FindingText(messages: workbench.pages.messages(language))
        var out: [String: String] = [:]
        for item in current.report.evidence {
            out[item.id] = text.evidenceState(current.evidence[item.id], decision: current.decision(item.id))
        }
        return out
    }

    /// The dossier of the application as it stands (every submitted review, and the chair's when `chair`), HTML.
    func currentDossier(_ seat: ReviewSeat, language: LocalizedText.Language) throws -> String? {
        let files = try files(of: seat.applicationID, chair: seat.isChair ? seat : nil)
        var (assessed, _) = try assess(seat.application, files: files, language: language)
        if assessed == nil, seat.isChair {
            assessed = try assess(seat.application, files: try self.files(of: seat.applicationID, chair: nil), language: language).0
        }
        return assessed.map { workbench.dossiers.render(.html, $0, language: language) }
    }

    /// A total as exact decimal text (`72.5`, `68.333…` never rounded): the decimal when it ends, else the fraction
    /// `n/d`.
    static func exactDecimal(_ value: Rational) -> String {
        var d = value.denominator
        var twos = 0, fives = 0
        while d % 2 == 0 { d /= 2; twos += 1 }
        while d % 5 == 0 { d /= 5; fives += 1 }
        guard d == 1 else { return "\(value.numerator)/\(value.denominator)" }
        return value.formatted(places: max(twos, fives))
    }
}

/// The chair's review moved on between reading and finalising: the transaction is rolled back.
struct PanelDeskConflict: Error {}
