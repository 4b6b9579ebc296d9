/// Checks of a self-report that need no YAML: values against the dictionary's bounds, and the
/// self-assessment against the scorecards it names. Every problem is reported, not just the first.
public enum SelfReportValidation {
    /// Values outside the bounds the dictionary sets: a negative count, a share above 100%.
    public static func checkRanges(_ report: SelfReport, dictionary: FactDictionary) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (key, entry) in report.facts {
            guard case .number(let n) = entry.value, let definition = dictionary[key] else { continue }
            // The common case, a non-negative value with no other bound, needs no further look.
            if n >= .zero && definition.minimum == nil && definition.effectiveMaximum == nil && definition.atMost == nil { continue }
            let percent: Bool
            if case .percent = definition.type { percent = true } else { percent = false }
            func show(_ r: Rational) -> String {
                percent ? (r.multiplied(by: 100)?.formatted(places: 2) ?? r.formatted()) + "%" : r.formatted(places: 2)
            }
            if let minimum = definition.effectiveMinimum, n < minimum {
                diagnostics.append(.error(Message("report.below-minimum", key, show(n), show(minimum)), at: entry.location,
                                          path: "facts.\(key)"))
            }
            if let maximum = definition.effectiveMaximum, maximum < n {
                diagnostics.append(.error(Message("report.above-maximum", key, show(n), show(maximum)), at: entry.location,
                                          path: "facts.\(key)"))
            }
            if let whole = definition.atMost, case .number(let limit)? = report.facts[whole]?.value, limit < n {
                diagnostics.append(.error(Message("report.more-than-whole", key, show(n), whole, show(limit)), at: entry.location,
                                          path: "facts.\(key)"))
            }
        }
        return diagnostics.sortedForReport()
    }

    /// The self-assessment for a scorecard: criteria that exist, N/A only where allowed and justified,
    /// self-ratings only of judged criteria and on levels of their rubric.
    public static func checkAssessment(_ report: SelfReport, against scorecard: Scorecard) -> [Diagnostic] {
        guard let assessment = report.assessments[scorecard.id] else { return [] }
        var diagnostics: [Diagnostic] = []
        let ids = scorecard.criteria.map(\.id)
        let base = "self_assessment.\(scorecard.id)"
        for (id, claim) in assessment.notApplicable.sorted(by: { $0.key < $1.key }) {
            let path = "\(base).not_applicable.\(id)"
            guard let criterion = scorecard.criterion(id) else {
                diagnostics.append(.error(unknownCriterion(id, scorecard.id, ids), at: claim.location, path: path))
                continue
            }
            if !criterion.allowsNotApplicable {
                diagnostics.append(.error(Message("report.not-applicable.not-allowed", id), at: claim.location, path: path))
            } else if claim.justification.trimmingWhitespace.isEmpty {
                diagnostics.append(.error(Message("report.not-applicable.no-justification", id), at: claim.location, path: path))
            }
        }
        for (id, rating) in assessment.ratings.sorted(by: { $0.key < $1.key }) {
            let path = "\(base).ratings.\(id)"
            guard let criterion = scorecard.criterion(id) else {
                diagnostics.append(.error(unknownCriterion(id, scorecard.id, ids), at: rating.location, path: path))
                continue
            }
            guard case .judged(let judged) = criterion.kind else {
                diagnostics.append(.error(Message("report.rating.not-judged", id, criterion.kind.name),
                                          at: rating.location, path: path))
                continue
            }
            if judged.level(rating.level) == nil {
                let levels = judged.levels.map { String($0.level) }.joined(separator: ", ")
                diagnostics.append(.error(Message("report.rating.level", String(rating.level), id, levels),
                                          at: rating.location, path: path))
            }
            if assessment.notApplicable[id] != nil {
                diagnostics.append(.error(Message("report.rating.not-applicable", id), at: rating.location, path: path))
            }
        }
        return diagnostics.sortedForReport()
    }

    /// Self-assessments naming a scorecard that is not among `known`.
    public static func checkAssessmentScorecards(_ report: SelfReport, known: [String]) -> [Diagnostic] {
        report.assessments.sorted { $0.key < $1.key }.compactMap { id, assessment in
            known.contains(id) ? nil
                : .warning(Suggestion.closest(to: id, in: known).map { Message("report.unknown-scorecard.suggested", id, $0) }
                           ?? Message("report.unknown-scorecard", id),
                           at: assessment.location, path: "self_assessment.\(id)")
        }
    }

    /// Evidence entries: unique ids, well-formed sha256, supports naming known facts, gates or criteria.
    /// What evidence supports is checked only against the scorecards the report applies to (all given ones when
    /// it names none): a reference to another scorecard's criterion is not a mistake.
    public static func checkEvidence(_ report: SelfReport, dictionary: FactDictionary, scorecards allScorecards: [Scorecard]) -> [Diagnostic] {
        let scorecards = report.appliesTo.isEmpty ? allScorecards : allScorecards.filter { report.appliesTo.contains($0.id) }
        var diagnostics: [Diagnostic] = []
        var seen: [String: SourceLocation?] = [:]
        func isKnown(_ key: String) -> Bool {
            dictionary.contains(key) || scorecards.contains { s in
                s.criterion(key) != nil || s.gate(key) != nil || s.derived.contains { $0.key == key }
            }
        }
        func known() -> [String] {
            dictionary.keys + scorecards.flatMap { s in s.criteria.map(\.id) + s.gates.map(\.id) + s.derived.map(\.key) }
        }
        for (index, item) in report.evidence.enumerated() {
            let path = "evidence[\(index)]"
            if let first = seen[item.id] {
                let message = first.map { Message("report.evidence.duplicate.first-at", item.id, "\($0.line):\($0.column)") }
                    ?? Message("report.evidence.duplicate", item.id)
                diagnostics.append(.error(message, at: item.location, path: path))
            } else {
                seen[item.id] = item.location
            }
            if let hash = item.sha256, !isSHA256(hash) {
                let count = hash.unicodeScalars.count
                diagnostics.append(.error(Message(DiagnosticCode.sha256Malformed, item.id, String(count)),
                                          at: item.sha256Location ?? item.location, path: path + ".sha256"))
            }
            if item.file.hasPrefix("/") || item.file.split(separator: "/").contains("..") {
                diagnostics.append(.error(Message("report.evidence.outside", item.file),
                                          at: item.fileLocation ?? item.location, path: path))
            }
            if !scorecards.isEmpty {
                for key in item.supports where !isKnown(key) {
                    let message = Suggestion.closest(to: key, in: known()).map { Message("report.evidence.unknown-support.suggested", item.id, key, $0) }
                        ?? Message("report.evidence.unknown-support", item.id, key)
                    diagnostics.append(.warning(message, at: item.location, path: path))
                }
            }
        }
        return diagnostics
    }

    /// Dates that parse but are hardly meant: a period far from now's era or longer than five years, a report dated
    /// before its period ends. Warnings: the report is still scored.
    public static func checkPlausibility(_ report: SelfReport) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // A period that could not be read is an error already.
        guard !report.period.from.isEmpty, !report.period.to.isEmpty else { return [] }
        let location = report.file.map { SourceLocation(file: $0, line: 1, column: 1) }
        func year(_ date: String) -> Int { Int(date.prefix(4)) ?? 0 }
        let from = report.period.from, to = report.period.to
        if year(from) < 1990 || year(to) > 2100 {
            diagnostics.append(.warning(Message("report.period.outside", from, to), at: location, path: "period"))
        } else if year(to) - year(from) > 5 {
            diagnostics.append(.warning(Message("report.period.too-long", from, to), at: location, path: "period"))
        }
        if let date = report.reportDate, date < to {
            diagnostics.append(.warning(Message("report.date-before-end", date, to), at: location, path: "report_date"))
        }
        return diagnostics
    }

    /// For each misspelt fact key whose known fact the report does not give: which gates and criteria of each
    /// scorecard need it, as a note at the misspelt key, so that the missing fact is linked to the typo.
    public static func checkMisspelledFacts(_ report: SelfReport, scorecards: [Scorecard]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for typo in report.misspelledFacts where report.facts[typo.known] == nil {
            for scorecard in scorecards {
                let readers = scorecard.readers(of: typo.known)
                guard !readers.isEmpty else { continue }
                diagnostics.append(.note(Message(DiagnosticCode.typoFactNeeded, typo.known, scorecard.id, readers.joined(separator: ", "), typo.written),
                                         at: typo.location, path: "facts.\(typo.written)"))
            }
        }
        return diagnostics
    }

    /// `unknown criterion 'x' in scorecard 'y'`, with the nearest id when one is near.
    static func unknownCriterion(_ id: String, _ scorecard: String, _ ids: [String]) -> Message {
        Suggestion.closest(to: id, in: ids).map { Message("report.unknown-criterion.suggested", id, scorecard, $0) }
            ?? Message("report.unknown-criterion", id, scorecard)
    }

    /// 64 hex digits, in either case (PowerShell's Get-FileHash prints uppercase, sha256sum lowercase).
    public static func isSHA256(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) || ($0 >= 65 && $0 <= 70) }
    }

    /// What a result cannot decide for want of facts: each gate (an error: the application cannot be assessed until
    /// it is decided) and each criterion (a warning: it earns nothing until the facts are given), with the facts.
    public static func checkCompleteness(_ result: ScoreResult, report: SelfReport) -> [Diagnostic] {
        let at = report.factsLocation ?? report.file.map { SourceLocation(file: $0, line: 1, column: 1) }
        var diagnostics: [Diagnostic] = []
        // At the first missing fact left blank where it was written (a blank cell, `key:`), else at the facts.
        func place(_ missing: [String]) -> SourceLocation? { missing.lazy.compactMap { report.blankFactLocations[$0] }.first ?? at }
        for gate in result.gates where gate.status == .missingData {
            let facts = gate.missingFacts.joined(separator: ", ")
            diagnostics.append(.error(Message(DiagnosticCode.gateUndecided, result.scorecardID, gate.id, facts), at: place(gate.missingFacts),
                                      path: "facts"))
        }
        for criterion in result.criteria where criterion.status == .missingData {
            let facts = criterion.missingFacts.joined(separator: ", ")
            diagnostics.append(.warning(Message(DiagnosticCode.criterionUndecided, result.scorecardID, criterion.id, facts),
                                        at: place(criterion.missingFacts), path: "facts"))
        }
        return diagnostics
    }
}
