import ParkScore

/// Describes a scorecard, or one of its gates or criteria, in words: what it checks, the clause it
/// rests on, and its points (`parkscore explain`).
public struct ScorecardText {
    public let messages: Messages
    public var language: LocalizedText.Language { messages.language }

    public init(messages: Messages) {
        self.messages = messages
    }

    public func overview(_ s: Scorecard) -> String {
        var out: [String] = []
        out.append("\(s.title.text(language)) (\(s.id) \(s.version))")
        out.append("\(messages("scorecard_text.source")): \(s.source.file) 《\(s.source.title)》 — \(s.source.jurisdiction.text(language))")
        out.append("\(messages("scorecard_text.scoring_model")): \(s.scoringModel.rawValue)")
        out.append("\(messages("scorecard_text.grades")): " + s.gradesAscending.reversed().map {
            "\($0.id) \($0.title.text(language)) \($0.min.formatted())–\($0.max.formatted())"
        }.joined(separator: "; "))
        if !s.derived.isEmpty {
            out.append(messages("scorecard_text.derived"))
            for d in s.derived { out.append("  \(d.key) = \(d.expression.source)") }
        }
        if !s.gates.isEmpty {
            out.append(messages("scorecard_text.gates"))
            for g in s.gates {
                out.append("  \(g.id) \(g.title.text(language)) [\(clause(g.clause))]\(messages("punct.open_paren") + basis(g.basis) + messages("punct.close_paren")) — \(effect(g.effect))")
                out.append("      \(g.condition.source)")
            }
        }
        out.append(messages("scorecard_text.dimensions"))
        for d in s.dimensions {
            out.append("  \(d.title.text(language)) (\(d.id), \(messages("scorecard_text.weight")) \(d.weight.formatted()))")
            for c in d.criteria {
                out.append("    \(c.id) \(c.title.text(language)) — \(kind(c.kind)), \(c.maxPoints.formatted(places: 2)) \(messages("scorecard_text.points")) [\(clause(c.clause))]")
            }
        }
        out.append("")
        out.append(contentsOf: ScoringModelText.summary(s.scoringModel, messages: messages))
        return out.joined(separator: "\n") + "\n"
    }

    /// One gate or criterion in full; nil when the scorecard has no such id.
    public func detail(_ s: Scorecard, id: String) -> String? {
        var out: [String] = []
        if let g = s.gate(id) {
            out.append("\(messages("scorecard_text.gate")) \(g.id): \(g.title.text(language))")
            out.append("\(messages("scorecard_text.clause")): \(clause(g.clause))  (\(s.source.file))")
            out.append("\(messages("scorecard_text.basis")): \(ResultText(messages: messages).gateBasisValue(g.basis))")
            out.append("\(messages("scorecard_text.condition")): \(g.condition.source)")
            out.append("\(messages("scorecard_text.if_fails")): \(effect(g.effect))")
            if let e = g.evidence { out.append("\(messages("scorecard_text.evidence")): \(e.description.text(language))") }
            return out.joined(separator: "\n") + "\n"
        }
        if let i = s.incentives.first(where: { $0.id == id }) {
            out.append("\(messages("scorecard_text.support")) \(i.id): \(i.title.text(language))")
            out.append("\(messages("scorecard_text.clause")): \(clause(i.clause))  (\(s.source.file))")
            out.append("\(messages("scorecard_text.beneficiary")): \(i.beneficiary == .park ? messages("scorecard_text.beneficiary_park") : messages("scorecard_text.beneficiary_tenants"))")
            if i.requiresAccreditation {
                out.append(messages("scorecard_text.requires_accreditation"))
            }
            if let table = i.forEach {
                out.append(messages("scorecard_text.per_firm", ["table": table]))
            }
            if let c = i.condition { out.append("\(messages("scorecard_text.condition")): \(c.source)") }
            func amount(base: Expression?, cap: Expression) -> String {
                let rate = i.rateUnstated ? messages("scorecard_text.rate_unstated") : (i.rate.map { " × " + $0.shown(percent: true) } ?? "")
                return base.map { messages("scorecard_text.amount_capped", ["base": $0.source, "rate": rate, "cap": cap.source]) }
                    ?? messages("scorecard_text.up_to", ["cap": cap.source])
            }
            // 'period: once' is an amount not multiplied by years; only the text can say it is paid 一次性 (S1 does, S2's
            // ¥10,000,000 is over three years), so the listing says "in all", not "once".
            let years = i.period == .year ? messages("scorecard_text.per_year", ["years": String(i.years)]) : messages("scorecard_text.in_all")
            out.append("\(messages("scorecard_text.amount")): \(amount(base: i.base, cap: i.cap))\(years)")
            if let left = i.yearsLeft { out.append("\(messages("scorecard_text.years_left")): \(left.source)") }
            if let totals = i.parkTotals {
                let condition = totals.condition.map { messages("scorecard_text.park_totals_condition", ["condition": $0.source]) } ?? ""
                out.append("\(messages("scorecard_text.park_totals")): \(condition)\(amount(base: totals.base, cap: totals.cap))\(years)")
            }
            return out.joined(separator: "\n") + "\n"
        }
        guard let dimension = s.dimensions.first(where: { $0.criteria.contains { $0.id == id } }),
              let c = dimension.criteria.first(where: { $0.id == id }) else { return nil }
        out.append("\(messages("scorecard_text.criterion")) \(c.id): \(c.title.text(language))")
        out.append("\(messages("scorecard_text.dimension")): \(dimension.title.text(language)) (\(messages("scorecard_text.weight")) \(dimension.weight.formatted()))")
        out.append("\(messages("scorecard_text.clause")): \(clause(c.clause))  (\(s.source.file))")
        out.append("\(messages("scorecard_text.kind")): \(kind(c.kind)), \(messages("scorecard_text.max")) \(c.maxPoints.formatted(places: 2)) \(messages("scorecard_text.points"))")
        switch c.kind {
        case .check(let check):
            out.append("\(messages("scorecard_text.condition")): \(check.condition.source) → \(check.points.formatted(places: 2))")
        case .scale(let scale):
            out.append("\(messages("scorecard_text.value")): \(scale.value.source)")
            switch scale.mapping {
            case .bands(let bands):
                for b in bands.sorted(by: { $0.min > $1.min }) {
                    out.append("  ≥ \(number(b.min, percent: scale.isPercent)) → \(b.points.formatted(places: 2))")
                }
            case .linear(let from, let to, let points):
                out.append("  \(messages("scorecard_text.linear")): \(number(from, percent: scale.isPercent)) → 0, \(number(to, percent: scale.isPercent)) → \(points.formatted(places: 2))")
            }
        case .checklist(let list):
            for item in list.items {
                out.append("  \(item.id) \(item.title.text(language)): \(item.condition.source) → \(item.points.formatted(places: 2))")
            }
            if let cap = list.cap { out.append("  \(messages("scorecard_text.cap")) \(cap.formatted(places: 2))") }
        case .judged(let judged):
            for level in judged.levels.sorted(by: { $0.level > $1.level }) {
                out.append("  \(messages("scorecard_text.level")) \(level.level) → \(level.points.formatted(places: 2)): \(level.descriptor.text(language))")
            }
        }
        out.append("\(messages("scorecard_text.na_allowed")): \(c.allowsNotApplicable ? messages("scorecard_text.na_yes") : messages("scorecard_text.na_no"))")
        if let e = c.evidence { out.append("\(messages("scorecard_text.evidence")): \(e.description.text(language))") }
        if let g = c.guidance { out.append("\(messages("scorecard_text.guidance")): \(g.text(language))") }
        return out.joined(separator: "\n") + "\n"
    }

    /// The gates grouped by what they rest on (`parkscore lint`): first those whose condition the text states,
    /// then the scorecard's own proposals, each with its clause ref and what failing it does.
    public func gatesByBasis(_ s: Scorecard) -> String {
        var out = ["\(s.id) — \(messages("scorecard_text.gates_by_basis"))"]
        if s.gates.isEmpty {
            out.append("  " + messages("scorecard_text.no_gates"))
        }
        for b in Gate.Basis.allCases where !s.gates.isEmpty {
            let gates = s.gates.filter { $0.basis == b }
            out.append("  \(basis(b))" + messages("scorecard_text.basis_count", ["count": String(gates.count)]))
            for g in gates {
                out.append("    \(g.id) \(g.title.text(language)) [\(g.clause?.ref ?? "—")] — \(effect(g.effect))")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    func clause(_ clause: Clause?) -> String {
        guard let clause else { return "—" }
        return messages("scorecard_text.clause_quote", ["ref": clause.ref, "quote": clause.quote])
    }

    func basis(_ basis: Gate.Basis) -> String {
        ResultText(messages: messages).gateBasis(basis)
    }

    func effect(_ effect: Gate.Effect) -> String {
        switch effect {
        case .ineligible: return messages("scorecard_text.effect.ineligible")
        case .capGrade(let band): return messages("scorecard_text.effect.cap_grade", ["band": band])
        }
    }

    /// A criterion's kind as the text names it: 条件项, 量化项, 清单项, 评议项 (check, scale, checklist, judged).
    func kind(_ kind: Criterion.Kind) -> String {
        switch kind {
        case .check: return messages("scorecard_text.kind_name.check")
        case .scale: return messages("scorecard_text.kind_name.scale")
        case .checklist: return messages("scorecard_text.kind_name.checklist")
        case .judged: return messages("scorecard_text.kind_name.judged")
        }
    }

    func number(_ r: Rational, percent: Bool) -> String {
        percent ? (r.multiplied(by: 100)?.formatted(places: 2) ?? r.formatted()) + "%" : r.formatted()
    }
}
