import ParkScore

/// Reviewers' findings, evidence states and the corrections list in words, shared by the text output and the dossiers.
public struct FindingText {
    public let messages: Messages

    public init(messages: Messages) {
        self.messages = messages
    }

    public func role(_ role: Review.Role) -> String {
        switch role {
        case .preliminary: return messages("finding.role.preliminary")
        case .panel: return messages("finding.role.panel")
        case .chair: return messages("finding.role.chair")
        }
    }

    public func stage(_ stage: EvaluationStage) -> String {
        switch stage {
        case .selfAssessment: return messages("finding.stage.self_assessment")
        case .preliminary: return messages("finding.stage.preliminary")
        case .panel: return messages("finding.stage.panel")
        }
    }

    /// `赵初审（初审，2026-02-20）`
    public func who(_ reviewer: Review.Reviewer, date: String) -> String {
        messages("finding.who", ["name": reviewer.name, "role": role(reviewer.role), "date": date])
    }

    /// What was said, with the evidence's title where there is one.
    public func statement(_ finding: Finding, report: SelfReport) -> String {
        let subject: String
        switch finding.subject {
        case .evidence(let id):
            let title = report.evidence.first { $0.id == id }?.title
            subject = title.map { messages("finding.evidence_subject", ["id": id, "title": $0]) } ?? id
        case .criterion(let id): subject = id
        case .application: subject = ""
        }
        var text: String
        switch finding.statement {
        case .accepted: text = messages("finding.statement.accepted", ["subject": subject])
        case .rejected: text = messages("finding.statement.rejected", ["subject": subject])
        case .override(let points): text = messages("finding.statement.override", ["subject": subject, "points": points.formatted(places: 2)])
        case .rating(let level): text = messages("finding.statement.rating", ["subject": subject, "level": String(level)])
        case .resolution(let level): text = messages("finding.statement.resolution", ["subject": subject, "level": String(level)])
        case .comment: text = messages("finding.statement.comment")
        }
        if let note = finding.text, !note.isEmpty {
            switch finding.statement {
            case .comment: text = messages("finding.note.comment", ["statement": text, "note": note])
            case .rating: text = messages("finding.note.rating", ["statement": text, "note": note])
            default: text = messages("finding.note.reason", ["statement": text, "note": note])
            }
        }
        return text
    }

    public func standing(_ standing: Finding.Standing) -> String {
        switch standing {
        case .inForce: return messages("finding.standing.in_force")
        case .memberOnly: return messages("finding.standing.member_only")
        case .concurs: return messages("finding.standing.concurs")
        case .overruledByChair: return messages("finding.standing.overruled_by_chair")
        case .fileProblem: return messages("finding.standing.file_problem")
        case .sameDayConflict: return messages("finding.standing.same_day_conflict")
        case .reversed(let by): return messages("finding.standing.reversed", ["by": messages.list(by)])
        case .superseded: return messages("finding.standing.superseded")
        case .recorded: return messages("finding.standing.recorded")
        case .reversalWithoutReason: return messages("finding.standing.reversal_without_reason")
        }
    }

    /// One line: who, what, and where it stands.
    public func line(_ finding: Finding, report: SelfReport) -> String {
        messages("finding.line", ["who": who(finding.reviewer, date: finding.date), "statement": statement(finding, report: report),
                                  "standing": standing(finding.standing)])
    }

    /// An evidence item's state at the final stage, and who decided it.
    public func evidenceState(_ check: EvidenceFileCheck?, decision: EvidenceDecision?) -> String {
        switch check?.state {
        case .missing: return messages("finding.evidence.missing")
        case .hashMismatch: return messages("finding.evidence.hash_mismatch")
        case .outsideFolder: return messages("finding.evidence.outside_folder")
        case .notAFile: return messages("finding.evidence.not_a_file")
        case .tooLarge: return messages("finding.evidence.too_large")
        case .verified, .unchecked, .rejected, nil:
            break
        }
        if let decision {
            let who = messages("finding.who", ["name": decision.byNames, "role": stage(decision.stage), "date": decision.date])
            var values = ["who": who]
            if let reason = decision.reason { values["reason"] = reason }
            switch (decision.accepted, decision.reason != nil, check?.state == .unchecked) {
            case (true, false, false): return messages("finding.evidence.accepted", values)
            case (true, true, false): return messages("finding.evidence.accepted_because", values)
            case (true, false, true): return messages("finding.evidence.accepted_unchecked", values)
            case (true, true, true): return messages("finding.evidence.accepted_because_unchecked", values)
            case (false, false, _): return messages("finding.evidence.rejected", values)
            case (false, true, _): return messages("finding.evidence.rejected_because", values)
            }
        }
        switch check?.state {
        case .unchecked: return messages("finding.evidence.unchecked")
        case .verified: return messages("finding.evidence.verified")
        default: return messages("finding.evidence.not_checked")
        }
    }

    /// One line of the corrections list.
    public func correction(_ item: CorrectionItem) -> String {
        messages("finding.correction", ["problem": item.problem.text(messages), "affects": messages.list(item.affects)])
    }
}
