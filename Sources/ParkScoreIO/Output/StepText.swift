import ParkScore

/// The auditors' wording of an explanation step: the exact formula with its values (`3 × (24 − 0) / (12 − 0) = 3`),
/// its symbols as they are and its words from the message catalogue (`step.*`). The JSON's `explanation` and the
/// dossier's appendix show it; `PlainExplanation` words the same steps for everyone else.
extension ExplanationStep {
    public func text(_ messages: Messages) -> String {
        switch self {
        case .evaluated(let trace): return trace.text
        case .item(let id, let present, let trace):
            let mark = present == true ? "✓" : (present == false ? "✗" : "?")
            return "\(mark) \(id): \(trace.text)"
        case .band(let value, let min, let points, let percent):
            return "\(value.shown(percent: percent)) ≥ \(min.shown(percent: percent)) → \(points.formatted(places: 2))"
        case .belowBands(let value, let lowest, let percent):
            return "\(value.shown(percent: percent)) < \(lowest.shown(percent: percent)) → 0"
        case .linear(let points, let value, let from, let to, let result, let clamped, let percent):
            let clampNote = clamped ? messages("step.linear_clamped") : ""
            return "\(points.formatted(places: 2)) × (\(value.shown(percent: percent)) − \(from.shown(percent: percent))) / "
                + "(\(to.shown(percent: percent)) − \(from.shown(percent: percent)))\(clampNote) = \(result.formatted(places: 2))"
        case .sum(let items, let total, let cap):
            let summed = items.isEmpty ? "0" : items.map { $0.formatted(places: 2) }.joined(separator: " + ")
            if let cap, cap < total {
                return "\(summed) = \(total.formatted(places: 2)) > \(cap.formatted(places: 2)) → \(cap.formatted(places: 2))"
            }
            return items.count > 1 ? "\(summed) = \(total.formatted(places: 2))" : "→ \(summed)"
        case .amount(let base, let rate, let cap, let perPeriod, let periods, let total):
            var text: String
            if let base {
                let product = rate.map { "\(base.yuan) × \($0.shown(percent: true))" } ?? base.yuan
                text = "min(\(product), \(cap.yuan)) = \(perPeriod.yuan)"
            } else {
                text = messages("step.amount_up_to", ["cap": cap.yuan])
            }
            if periods > 1 {
                text = messages("step.amount_over_years", ["amount": text, "years": String(periods), "total": total.yuan])
            }
            return text
        case .perFirm(let table, let firms, let eligible, let undetermined, let total):
            var values = ["table": table, "firms": String(firms), "eligible": String(eligible), "total": total.yuan]
            if undetermined > 0 {
                values["undetermined"] = String(undetermined)
                return messages("step.per_firm_with_undetermined", values)
            }
            return messages("step.per_firm", values)
        case .fromParkTotals(let table):
            guard let table else { return messages("step.from_park_totals") }
            return messages("step.from_park_totals_without_table", ["table": table])
        case .rateUnstated:
            return messages("step.rate_unstated")
        case .yearsLeft(let trace):
            return messages("step.years_left", ["formula": trace.text])
        case .noYearsLeft(let years):
            return messages("step.no_years_left", ["years": String(years)])
        case .accreditation(let verdict):
            switch verdict {
            case .eligible: return messages("step.accreditation.eligible")
            case .ineligible: return messages("step.accreditation.ineligible")
            case .undetermined: return messages("step.accreditation.undetermined")
            }
        case .selfRated(let level, let points):
            return messages("step.self_rated", ["level": String(level), "points": points.formatted(places: 2)])
        case .rated(let level, let points):
            return messages("step.rated", ["level": level.formatted(places: 2), "points": points.formatted(places: 2)])
        case .selfRatingForReference(let level):
            return messages("step.self_rating_for_reference", ["level": String(level)])
        case .notRated(let mode):
            switch mode {
            case .selfAssessment: return messages("step.not_rated.self_assessment")
            case .evaluation: return messages("step.not_rated.evaluation")
            }
        case .levelNotInRubric(let level):
            return messages("step.level_not_in_rubric", ["level": String(level)])
        case .notApplicable(let justification):
            return messages("step.not_applicable", ["justification": justification])
        case .notApplicableRefused(let allowed):
            return allowed ? messages("step.not_applicable_refused.no_justification") : messages("step.not_applicable_refused.not_allowed")
        case .evidenceNotAccepted(let reason):
            let problems = reason.problems.map { $0.text(messages) }.joined(separator: messages("punct.semicolon"))
            return messages("step.evidence_not_accepted", ["problems": problems])
        case .resolved(let level, let aggregate, let points, let chair, let reason):
            var values = ["level": String(level), "points": points.formatted(places: 2), "chair": chair, "reason": reason]
            guard let aggregate else { return messages("step.resolved", values) }
            values["aggregate"] = aggregate.formatted(places: 2)
            return messages("step.resolved_from_aggregate", values)
        case .problem(let message):
            return messages("step.problem", ["message": messages.message(message)])
        case .overridden(let old, let new, let reviewer, let reason):
            return messages("step.overridden", ["old": old.formatted(places: 2), "new": new.formatted(places: 2), "reviewer": reviewer,
                                                "reason": reason])
        }
    }
}

extension EvidenceProblem {
    /// The problem in a sentence: the evidence's title and id, and what is wrong with it.
    public func text(_ messages: Messages) -> String {
        let name = evidenceID.map { id in title.map { messages("step.evidence.name", ["title": $0, "id": id]) } ?? id } ?? ""
        switch kind {
        case .rejected(let by, let reason):
            if by.isEmpty { return messages("step.evidence.rejected", ["name": name, "reason": reason]) }
            return messages("step.evidence.rejected_by", ["name": name, "by": by, "reason": reason])
        case .fileMissing: return messages("step.evidence.file_missing", ["name": name])
        case .hashMismatch: return messages("step.evidence.hash_mismatch", ["name": name])
        case .outsideFolder: return messages("step.evidence.outside_folder", ["name": name])
        case .notAFile: return messages("step.evidence.not_a_file", ["name": name])
        case .tooLarge: return messages("step.evidence.too_large", ["name": name])
        case .unverified: return messages("step.evidence.unverified", ["name": name])
        case .noneListed(let required):
            guard let required else { return messages("step.evidence.none_listed") }
            return messages("step.evidence.none_listed_of", ["what": required.text(messages.language)])
        }
    }
}
