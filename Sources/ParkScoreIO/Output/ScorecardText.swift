import ParkScore

/// Describes a scorecard, or one of its gates or criteria, in words: what it checks, the clause it
/// rests on, and its points (`parkscore explain`).
public struct ScorecardText {
    public let messages: Messages
    public var language: LocalizedText.Language { messages.language }

    public init(messages: Messages) {
        self.messages = messages
    }

    func t(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

    public func overview(_ s: Scorecard) -> String {
        var out: [String] = []
        out.append("\(s.title.text(language)) (\(s.id) \(s.version))")
        out.append("\(t("依据", "Source")): \(s.source.file) 《\(s.source.title)》 — \(s.source.jurisdiction.text(language))")
        out.append("\(t("评分模型", "Scoring model")): \(s.scoringModel.rawValue)")
        out.append("\(t("等级", "Grades")): " + s.gradesAscending.reversed().map {
            "\($0.id) \($0.title.text(language)) \($0.min.formatted())–\($0.max.formatted())"
        }.joined(separator: "; "))
        if !s.derived.isEmpty {
            out.append(t("派生数据", "Derived facts"))
            for d in s.derived { out.append("  \(d.key) = \(d.expression.source)") }
        }
        if !s.gates.isEmpty {
            out.append(t("门槛条件", "Gates"))
            for g in s.gates {
                out.append("  \(g.id) \(g.title.text(language)) [\(clause(g.clause))]\(t("（", " (") + basis(g.basis) + t("）", ")")) — \(effect(g.effect))")
                out.append("      \(g.condition.source)")
            }
        }
        out.append(t("维度与评分项", "Dimensions and criteria"))
        for d in s.dimensions {
            out.append("  \(d.title.text(language)) (\(d.id), \(t("权重", "weight")) \(d.weight.formatted()))")
            for c in d.criteria {
                out.append("    \(c.id) \(c.title.text(language)) — \(c.kind.name), \(c.maxPoints.formatted(places: 2)) \(t("分", "points")) [\(clause(c.clause))]")
            }
        }
        out.append("")
        out.append(contentsOf: s.scoringModel.summary(language))
        return out.joined(separator: "\n") + "\n"
    }

    /// One gate or criterion in full; nil when the scorecard has no such id.
    public func detail(_ s: Scorecard, id: String) -> String? {
        var out: [String] = []
        if let g = s.gate(id) {
            out.append("\(t("门槛", "Gate")) \(g.id): \(g.title.text(language))")
            out.append("\(t("依据条款", "Clause")): \(clause(g.clause))  (\(s.source.file))")
            out.append("\(t("门槛依据", "Basis")): \(ResultText(messages: messages).gateBasisValue(g.basis))")
            out.append("\(t("条件", "Condition")): \(g.condition.source)")
            out.append("\(t("未通过时", "If it fails")): \(effect(g.effect))")
            if let e = g.evidence { out.append("\(t("证明材料", "Evidence")): \(e.description.text(language))") }
            return out.joined(separator: "\n") + "\n"
        }
        if let i = s.incentives.first(where: { $0.id == id }) {
            out.append("\(t("支持措施", "Support")) \(i.id): \(i.title.text(language))")
            out.append("\(t("依据条款", "Clause")): \(clause(i.clause))  (\(s.source.file))")
            out.append("\(t("受益方", "Beneficiary")): \(i.beneficiary == .park ? t("园区", "the park") : t("入驻企业", "tenant firms"))")
            if i.requiresAccreditation {
                out.append(t("须园区获认定: 是（园区不予认定时本项不适用，认定结论待定时本项待定）",
                             "Requires the park's accreditation: yes (not eligible when the park is not accredited, undetermined while its verdict is)"))
            }
            if let table = i.forEach {
                out.append("\(t("逐家测算", "Per firm")): \(table)" + t("（每条记录一家企业，各自适用上限与年限，再合计）", " (one record a firm, each with its own cap and years, then summed)"))
            }
            if let c = i.condition { out.append("\(t("条件", "Condition")): \(c.source)") }
            func amount(base: Expression?, cap: Expression) -> String {
                let rate = i.rateUnstated ? t(" × 比例（文件未定）", " × a rate (the text sets none)") : (i.rate.map { " × " + $0.shown(percent: true) } ?? "")
                return base.map { "min(\($0.source)\(rate), \(cap.source))" } ?? t("最高 \(cap.source)", "up to \(cap.source)")
            }
            // 'period: once' is an amount not multiplied by years; only the text can say it is paid 一次性 (S1 does, S2's
            // ¥10,000,000 is over three years), so the listing says "in all", not "once".
            let years = i.period == .year ? t(" 每年，共 \(i.years) 年", " a year, for \(i.years) years") : t("，总额（不逐年计）", " in all (not a year)")
            out.append("\(t("金额（元）", "Amount (yuan)")): \(amount(base: i.base, cap: i.cap))\(years)")
            if let left = i.yearsLeft { out.append("\(t("剩余年数", "Years left")): \(left.source)") }
            if let totals = i.parkTotals {
                let condition = totals.condition.map { t("条件 \($0.source)；", "if \($0.source); ") } ?? ""
                out.append("\(t("未逐家填报时按园区合计（上限估计）", "Without the table, from park totals (an upper bound)")): \(condition)\(amount(base: totals.base, cap: totals.cap))\(years)")
            }
            return out.joined(separator: "\n") + "\n"
        }
        guard let dimension = s.dimensions.first(where: { $0.criteria.contains { $0.id == id } }),
              let c = dimension.criteria.first(where: { $0.id == id }) else { return nil }
        out.append("\(t("评分项", "Criterion")) \(c.id): \(c.title.text(language))")
        out.append("\(t("维度", "Dimension")): \(dimension.title.text(language)) (\(t("权重", "weight")) \(dimension.weight.formatted()))")
        out.append("\(t("依据条款", "Clause")): \(clause(c.clause))  (\(s.source.file))")
        out.append("\(t("类型", "Kind")): \(c.kind.name), \(t("满分", "max")) \(c.maxPoints.formatted(places: 2)) \(t("分", "points"))")
        switch c.kind {
        case .check(let check):
            out.append("\(t("条件", "Condition")): \(check.condition.source) → \(check.points.formatted(places: 2))")
        case .scale(let scale):
            out.append("\(t("数值", "Value")): \(scale.value.source)")
            switch scale.mapping {
            case .bands(let bands):
                for b in bands.sorted(by: { $0.min > $1.min }) {
                    out.append("  ≥ \(number(b.min, percent: scale.isPercent)) → \(b.points.formatted(places: 2))")
                }
            case .linear(let from, let to, let points):
                out.append("  \(t("线性", "linear")): \(number(from, percent: scale.isPercent)) → 0, \(number(to, percent: scale.isPercent)) → \(points.formatted(places: 2))")
            }
        case .checklist(let list):
            for item in list.items {
                out.append("  \(item.id) \(item.title.text(language)): \(item.condition.source) → \(item.points.formatted(places: 2))")
            }
            if let cap = list.cap { out.append("  \(t("上限", "cap")) \(cap.formatted(places: 2))") }
        case .judged(let judged):
            for level in judged.levels.sorted(by: { $0.level > $1.level }) {
                out.append("  \(t("等级", "level")) \(level.level) → \(level.points.formatted(places: 2)): \(level.descriptor.text(language))")
            }
        }
        out.append("\(t("可申报不适用", "N/A allowed")): \(c.allowsNotApplicable ? t("是（须说明理由）", "yes (with a justification)") : t("否", "no"))")
        if let e = c.evidence { out.append("\(t("证明材料", "Evidence")): \(e.description.text(language))") }
        if let g = c.guidance { out.append("\(t("指引", "Guidance")): \(g.text(language))") }
        return out.joined(separator: "\n") + "\n"
    }

    /// The gates grouped by what they rest on (`parkscore lint`): first those whose condition the text states,
    /// then the scorecard's own proposals, each with its clause ref and what failing it does.
    public func gatesByBasis(_ s: Scorecard) -> String {
        var out = ["\(s.id) — \(t("门槛条件（按依据）", "gates by basis"))"]
        if s.gates.isEmpty {
            out.append("  " + t("（无门槛条件）", "(no gates)"))
        }
        for b in Gate.Basis.allCases where !s.gates.isEmpty {
            let gates = s.gates.filter { $0.basis == b }
            out.append("  \(basis(b))" + t("（\(gates.count)项）", " (\(gates.count))"))
            for g in gates {
                out.append("    \(g.id) \(g.title.text(language)) [\(g.clause?.ref ?? "—")] — \(effect(g.effect))")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    func clause(_ clause: Clause?) -> String {
        guard let clause else { return "—" }
        return "\(clause.ref)：“\(clause.quote)”"
    }

    func basis(_ basis: Gate.Basis) -> String {
        ResultText(messages: messages).gateBasis(basis)
    }

    func effect(_ effect: Gate.Effect) -> String {
        switch effect {
        case .ineligible: return t("不予认定", "ineligible")
        case .capGrade(let band): return t("等级不高于 \(band)", "grade capped at \(band)")
        }
    }

    func number(_ r: Rational, percent: Bool) -> String {
        percent ? (r.multiplied(by: 100)?.formatted(places: 2) ?? r.formatted()) + "%" : r.formatted()
    }
}
