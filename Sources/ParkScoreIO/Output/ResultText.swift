import ParkScore

/// The plain-text form of a score result, for a terminal, in the language of its message catalogue (`result.*`).
public struct ResultText {
    public let messages: Messages

    public init(messages: Messages) {
        self.messages = messages
    }

    public var language: LocalizedText.Language { messages.language }

    /// The whole assessment against one scorecard: in evaluation, the stages and every reviewer's findings first, then
    /// the final result in full.
    public func render(_ assessment: ScorecardAssessment) -> String {
        let (result, scorecard, report) = (assessment.result, assessment.scorecard, assessment.report)
        var out = header(result, scorecard: scorecard, report: report)
        if let staged = assessment.staged { out += StagedText(messages: messages).lines(staged, report: report) + [""] }
        out += body(result, scorecard: scorecard, dictionary: assessment.dictionary)
        return TerminalText.lines(out) + "\n"
    }

    /// The policy text a scorecard rests on, by its issuer and title: `北京市《关于推动…（征求意见稿）》`.
    public func source(_ scorecard: Scorecard) -> String {
        let issuer = (scorecard.source.issuer ?? scorecard.source.jurisdiction).text(language)
        let title = scorecard.source.title
        let quoted = title.hasPrefix("《") ? title : "《\(title)》"
        return messages("result.source", ["issuer": issuer, "title": quoted])
    }

    /// With a fact dictionary, explanations are in plain language; without one, the exact formulas.
    public func render(_ result: ScoreResult, scorecard: Scorecard, report: SelfReport, dictionary: FactDictionary? = nil) -> String {
        TerminalText.lines(header(result, scorecard: scorecard, report: report) + body(result, scorecard: scorecard, dictionary: dictionary)) + "\n"
    }

    /// Which scorecard, which park, and the verdict: what a reader needs first.
    func header(_ result: ScoreResult, scorecard: Scorecard, report: SelfReport) -> [String] {
        var out: [String] = []
        out.append(messages("result.heading", ["title": scorecard.title.text(language), "id": scorecard.id, "version": scorecard.version]))
        out.append(messages("result.based_on", ["source": source(scorecard)]))
        let parkName = language == .en ? (report.park.nameEn ?? report.park.name) : report.park.name
        out.append(messages("result.park_line", ["park": parkName, "from": report.period.from, "to": report.period.to, "mode": mode(result.mode)]))
        out.append("")
        out.append(messages("result.verdict_line", ["verdict": verdict(result)]))
        var totalLine = messages("result.total", ["total": result.total.fixed(places: 2)])
        if let grade = result.grade {
            totalLine += messages("result.grade", ["grade": grade.id, "title": grade.title.text(language)])
        } else if let byPoints = result.gradeByPoints {
            totalLine += messages("result.grade_by_points", ["grade": byPoints.id, "title": byPoints.title.text(language)])
        }
        if !result.cappedBy.isEmpty { totalLine += messages("result.capped_by", ["gates": messages.list(result.cappedBy)]) }
        if result.isProvisional { totalLine += messages("result.provisional_mark") }
        out.append(totalLine)
        for reason in result.provisionalReasons { out.append("  · \(provisional(reason))") }
        out.append("")
        return out
    }

    /// Gates, criteria, corrections, missing data, improvements, the next grade, support and the scoring model.
    func body(_ result: ScoreResult, scorecard: Scorecard, dictionary: FactDictionary?) -> [String] {
        var out: [String] = []
        let plain = dictionary.map { PlainExplanation(dictionary: $0, scorecard: scorecard, messages: messages) }
        /// A fact as the reader can act on it: its title, with the key that finds it in the self-report.
        func fact(_ key: String) -> String { plain?.factName(key) ?? key }
        if !result.gates.isEmpty {
            out.append(messages("result.gates"))
            for gate in result.gates {
                let mark: String
                switch gate.status {
                case .passed: mark = "✓"
                case .failed: mark = "✗"
                case .missingData: mark = "?"
                case .unsubstantiated: mark = "!"
                }
                out.append(messages("result.gate_line", ["mark": mark, "id": gate.id, "title": gate.title.text(language), "clause": clause(gate.clause),
                                                         "basis": gateBasis(gate.basis), "status": gateStatus(gate)]))
                out.append("      \(plain?.sentence(gate.trace) ?? gate.explanation)")
                if let problem = gate.problem { out.append("      \(ExplanationStep.problem(problem).text(messages))") }
            }
            out.append("")
        } else {
            out.append(messages("result.no_gates"))
            out.append("")
        }

        out.append(messages("result.dimensions"))
        for dimension in result.dimensions {
            let score = dimension.isApplicable
                ? "\(dimension.score.formatted(places: 2)) / \(dimension.effectiveWeight.formatted(places: 2))"
                : messages("result.not_applicable")
            out.append(messages("result.dimension_line", ["title": dimension.title.text(language), "id": dimension.id,
                                                          "weight": dimension.weight.formatted(), "score": score]))
            for c in dimension.criteria {
                let points = c.status == .notApplicable
                    ? messages("result.not_applicable_short") : "\(c.points.formatted(places: 2))/\(c.maxPoints.formatted(places: 2))"
                out.append("    \(statusMark(c.status)) \(c.id) \(c.title.text(language)) [\(clause(c.clause))] \(points) \(status(c.status))")
                let steps = plain?.steps(c.explanation, criterion: scorecard.criterion(c.id)) ?? c.explanation.map { $0.text(messages) }
                for step in steps { out.append("        \(step)") }
                if case .missing = c.evidence { out.append("        \(messages("result.no_evidence_listed"))") }
            }
        }
        out.append("")

        if !result.corrections.isEmpty {
            out.append(messages("result.corrections"))
            let words = FindingText(messages: messages)
            for (i, item) in result.corrections.enumerated() { out.append("  \(i + 1). \(words.correction(item))") }
            out.append("")
        }

        if !result.missingData.isEmpty {
            out.append(messages("result.missing_data"))
            for missing in result.missingData {
                let line = messages("result.missing_line", ["fact": fact(missing.key), "used_by": messages.list(missing.usedBy)])
                out.append("  " + (plain?.capitalized(line) ?? line))
            }
            out.append("")
        }

        if !result.improvements.isEmpty {
            out.append(messages("result.improvements"))
            for (i, improvement) in result.improvements.prefix(10).enumerated() {
                let action = action(improvement.action, scorecard: scorecard, criterion: improvement.criterionID, mode: result.mode, fact: fact)
                out.append("  \(i + 1). +\(improvement.gain.formatted(places: 2)) \(improvement.criterionID) \(improvement.title.text(language)) — \(action)")
            }
            out.append("")
        }

        if let next = result.nextGrade {
            out.append(messages("result.next_grade"))
            out.append("  " + messages("result.next_grade_line", ["grade": next.target.id, "title": next.target.title.text(language),
                                                                 "min": next.target.min.formatted(), "points": next.pointsNeeded.formatted(places: 2)]))
            if !next.blockingGates.isEmpty {
                out.append("  " + messages("result.gates_to_pass_first", ["gates": messages.list(next.blockingGates)]))
            }
            if !next.isReachable {
                out.append("  " + messages("result.out_of_reach"))
            } else if !next.criteria.isEmpty {
                out.append("  " + messages("result.cheapest_way", ["steps": String(next.criteria.count), "criteria": messages.list(next.criteria)]))
            }
            out.append("")
        }

        if !result.support.isEmpty {
            out.append(messages("result.support"))
            for item in result.support {
                let who = item.beneficiary == .park ? messages("result.beneficiary.park") : messages("result.beneficiary.tenants")
                let words = SupportAmountText(messages: messages, fact: fact)
                let prefix = item.isUpperBound ? messages("support.upper_bound") : (item.isCeiling ? messages("support.up_to") : "")
                let amount = words.amount(item, prefix: prefix)
                out.append(messages("result.support_line", ["id": item.id, "title": item.title.text(language), "clause": clause(item.clause),
                                                            "beneficiary": who, "amount": amount]))
                for step in plain?.steps(item.explanation) ?? item.explanation.map({ $0.text(messages) }) { out.append("      \(step)") }
                for firm in item.firms {
                    let firmAmount = words.amount(firm, of: item, prefix: item.isCeiling ? messages("support.up_to") : "")
                    out.append("      \(firm.label) — \(firmAmount)")
                    for step in plain?.steps(firm.explanation) ?? firm.explanation.map({ $0.text(messages) }) { out.append("          \(step)") }
                }
            }
            out.append("")
        }

        out.append(contentsOf: ScoringModelText.summary(scorecard.scoringModel, messages: messages))
        return out
    }

    /// `二：具备独立法人资格的…`: the clause's reference and quote, the policy's own words.
    func clause(_ clause: Clause?) -> String {
        guard let clause else { return "—" }
        // A clause number such as 三（一） is written with ASCII brackets in English; the quote stays as the text has it.
        let ref = language == .en ? clause.ref.replacingOccurrences(of: "（", with: "(").replacingOccurrences(of: "）", with: ")") : clause.ref
        return messages("result.clause", ["ref": ref, "quote": clause.quote])
    }

    func mode(_ mode: ScoringMode) -> String {
        mode == .selfAssessment ? messages("result.mode.self_assessment") : messages("result.mode.evaluation")
    }

    public func verdict(_ result: ScoreResult) -> String {
        switch result.verdict {
        case .eligible:
            // A scorecard without gates (its text states no condition) has no basic conditions to meet: say so.
            if result.gates.isEmpty { return messages("result.verdict.no_gates") }
            return messages("result.verdict.eligible")
        case .ineligible: return messages("result.verdict.ineligible")
        case .undetermined:
            if result.needsCorrection {
                let alsoMissing = result.gates.contains { $0.status == .missingData }
                return alsoMissing ? messages("result.verdict.pending_corrections_and_data") : messages("result.verdict.pending_corrections")
            }
            return messages("result.verdict.undetermined")
        }
    }

    public func provisional(_ reason: ProvisionalReason) -> String {
        switch reason {
        case .selfRated(let ids): return messages("result.provisional.self_rated", ["ids": messages.list(ids)])
        case .pendingReview(let ids): return messages("result.provisional.pending_review", ["ids": messages.list(ids)])
        case .gateMissingData(let ids): return messages("result.provisional.gate_missing_data", ["ids": messages.list(ids)])
        case .gateUnsubstantiated(let ids): return messages("result.provisional.gate_unsubstantiated", ["ids": messages.list(ids)])
        case .disagreement(let ids): return messages("result.provisional.disagreement", ["ids": messages.list(ids)])
        case .awaitingPanel: return messages("result.provisional.awaiting_panel")
        }
    }

    /// What a gate rests on, as the dossier prints it beside the gate: the text's condition or the scorecard's proposal.
    public func gateBasis(_ basis: Gate.Basis) -> String {
        messages("result.basis", ["basis": gateBasisValue(basis)])
    }

    /// The basis alone: 政策原文 / 本评分表建议.
    public func gateBasisValue(_ basis: Gate.Basis) -> String {
        switch basis {
        case .text: return messages("result.basis_value.text")
        case .proposal: return messages("result.basis_value.proposal")
        }
    }

    public func gateStatus(_ gate: GateResult) -> String {
        switch gate.status {
        case .passed: return messages("result.gate_status.passed")
        case .missingData: return messages("result.gate_status.missing_data")
        case .unsubstantiated: return messages("result.gate_status.unsubstantiated")
        case .failed:
            switch gate.effect {
            case .ineligible: return messages("result.gate_status.failed_ineligible")
            case .capGrade(let band): return messages("result.gate_status.failed_capped", ["grade": band])
            }
        }
    }

    func statusMark(_ status: CriterionStatus) -> String {
        switch status {
        case .met: return "✓"
        case .partial: return "◐"
        case .unmet: return "✗"
        case .missingData: return "?"
        case .pendingReview: return "…"
        case .notApplicable: return "–"
        case .unsubstantiated: return "!"
        }
    }

    public func status(_ status: CriterionStatus) -> String {
        switch status {
        case .met: return messages("result.status.met")
        case .partial: return messages("result.status.partial")
        case .unmet: return messages("result.status.unmet")
        case .missingData: return messages("result.status.missing_data")
        case .pendingReview: return messages("result.status.pending_review")
        case .notApplicable: return messages("result.status.not_applicable")
        case .unsubstantiated: return messages("result.status.unsubstantiated")
        }
    }

    /// `fact` names a fact the park is asked to provide (its title and key, given a fact dictionary).
    public func action(_ action: Improvement.Action, scorecard: Scorecard, criterion: String, mode: ScoringMode = .selfAssessment,
                       fact: (String) -> String = { $0 }) -> String {
        switch action {
        // Never a label with nothing after it: an action without its items, figures or reason is worded without them.
        case .provideData(let facts):
            return facts.isEmpty ? messages("result.action.provide_missing_data")
                : messages("result.action.provide_data", ["facts": messages.list(facts.map(fact))])
        case .meetCondition: return messages("result.action.meet_condition")
        case .improveValue(let current, let target):
            switch (current, target) {
            case let (from?, to?): return messages("result.action.improve_value_from", ["from": from.formatted(), "to": to.formatted()])
            case let (nil, to?): return messages("result.action.improve_value", ["to": to.formatted()])
            case (_, nil): return messages("result.action.raise_value")
            }
        case .addItems(let ids):
            var titles = ids
            if let c = scorecard.criterion(criterion), case .checklist(let list) = c.kind {
                titles = ids.map { id in list.items.first { $0.id == id }?.title.text(language) ?? id }
            }
            titles = titles.filter { !$0.allSatisfy(\.isWhitespace) }
            return titles.isEmpty ? messages("result.action.add_missing_items")
                : messages("result.action.add_items", ["items": messages.list(titles)])
        case .reachLevel(let level): return messages("result.action.reach_level", ["level": String(level)])
        case .getRated:
            return mode == .evaluation ? messages("result.action.get_rated_by_panel") : messages("result.action.self_rate")
        case .provideEvidence: return messages("result.action.provide_evidence")
        case .addressOverride(let reason):
            return reason.allSatisfy(\.isWhitespace) ? messages("result.action.address_override")
                : messages("result.action.address_override_reason", ["reason": reason])
        }
    }
}
