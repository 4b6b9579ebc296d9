import ParkScore

/// The plain-text form of a score result, for a terminal, in Chinese or English.
public struct ResultText {
    public let language: LocalizedText.Language

    public init(language: LocalizedText.Language) {
        self.language = language
    }

    func t(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

    /// The whole assessment against one scorecard: in evaluation, the stages and every reviewer's findings first, then
    /// the final result in full.
    public func render(_ assessment: ScorecardAssessment) -> String {
        let (result, scorecard, report) = (assessment.result, assessment.scorecard, assessment.report)
        var out = header(result, scorecard: scorecard, report: report)
        if let staged = assessment.staged { out += StagedText(language: language).lines(staged, report: report) + [""] }
        out += body(result, scorecard: scorecard, dictionary: assessment.dictionary)
        return TerminalText.lines(out) + "\n"
    }

    /// The policy text a scorecard rests on, by its issuer and title: `北京市《关于推动…（征求意见稿）》`.
    public func source(_ scorecard: Scorecard) -> String {
        let issuer = (scorecard.source.issuer ?? scorecard.source.jurisdiction).text(language)
        let title = scorecard.source.title
        let quoted = title.hasPrefix("《") ? title : "《\(title)》"
        return t("\(issuer)\(quoted)", "\(issuer), \(quoted)")
    }

    /// With a fact dictionary, explanations are in plain language; without one, the exact formulas.
    public func render(_ result: ScoreResult, scorecard: Scorecard, report: SelfReport, dictionary: FactDictionary? = nil) -> String {
        TerminalText.lines(header(result, scorecard: scorecard, report: report) + body(result, scorecard: scorecard, dictionary: dictionary)) + "\n"
    }

    /// Which scorecard, which park, and the verdict: what a reader needs first.
    func header(_ result: ScoreResult, scorecard: Scorecard, report: SelfReport) -> [String] {
        var out: [String] = []
        out.append("\(scorecard.title.text(language)) (\(scorecard.id) \(scorecard.version))")
        out.append("\(t("依据", "Based on")): \(source(scorecard))")
        let parkName = language == .en ? (report.park.nameEn ?? report.park.name) : report.park.name
        out.append("\(t("园区", "Park")): \(parkName)    \(t("期间", "Period")): \(report.period.from) – \(report.period.to)    "
                   + "\(t("模式", "Mode")): \(mode(result.mode))")
        out.append("")
        out.append("\(t("结论", "Verdict")): \(verdict(result))")
        var totalLine = "\(t("总分", "Total")): \(result.total.fixed(places: 2)) / 100"
        if let grade = result.grade {
            totalLine += "    \(t("等级", "Grade")): \(grade.id) \(grade.title.text(language))"
        } else if let byPoints = result.gradeByPoints {
            totalLine += "    \(t("按分数应得等级", "Grade by points")): \(byPoints.id) \(byPoints.title.text(language))"
        }
        if !result.cappedBy.isEmpty { totalLine += "  (\(t("封顶", "capped by")) \(result.cappedBy.joined(separator: ", ")))" }
        if result.isProvisional { totalLine += "    [\(t("暂定", "provisional"))]" }
        out.append(totalLine)
        for reason in result.provisionalReasons { out.append("  · \(provisional(reason))") }
        out.append("")
        return out
    }

    /// Gates, criteria, corrections, missing data, improvements, the next grade, support and the scoring model.
    func body(_ result: ScoreResult, scorecard: Scorecard, dictionary: FactDictionary?) -> [String] {
        var out: [String] = []
        let plain = dictionary.map { PlainExplanation(dictionary: $0, scorecard: scorecard, language: language) }
        if !result.gates.isEmpty {
            out.append(t("门槛条件", "Gates"))
            for gate in result.gates {
                let mark: String
                switch gate.status {
                case .passed: mark = "✓"
                case .failed: mark = "✗"
                case .missingData: mark = "?"
                case .unsubstantiated: mark = "!"
                }
                out.append("  \(mark) \(gate.id) \(gate.title.text(language)) [\(clause(gate.clause))]\(t("（", " (") + gateBasis(gate.basis) + t("）", ")")) — \(gateStatus(gate))")
                out.append("      \(plain?.sentence(gate.trace) ?? gate.explanation)")
                if let problem = gate.problem { out.append("      \(ExplanationStep.problem(problem).text(language))") }
            }
            out.append("")
        } else {
            out.append(t("门槛条件：本评分表不设门槛条件（依据文本未规定园区须满足的条件）",
                         "Gates: none (the text states no condition a park must meet)"))
            out.append("")
        }

        out.append(t("维度与评分项", "Dimensions and criteria"))
        for dimension in result.dimensions {
            let score = dimension.isApplicable
                ? "\(dimension.score.formatted(places: 2)) / \(dimension.effectiveWeight.formatted(places: 2))"
                : t("不适用", "not applicable")
            out.append("  \(dimension.title.text(language)) (\(dimension.id), \(t("权重", "weight")) \(dimension.weight.formatted())): \(score)")
            for c in dimension.criteria {
                let points = c.status == .notApplicable
                    ? t("不适用", "N/A") : "\(c.points.formatted(places: 2))/\(c.maxPoints.formatted(places: 2))"
                out.append("    \(statusMark(c.status)) \(c.id) \(c.title.text(language)) [\(clause(c.clause))] \(points) \(status(c.status))")
                let steps = plain?.steps(c.explanation, criterion: scorecard.criterion(c.id)) ?? c.explanation.map { $0.text(language) }
                for step in steps { out.append("        \(step)") }
                if case .missing = c.evidence { out.append("        \(t("证明材料：未提供", "evidence: none listed"))") }
            }
        }
        out.append("")

        if !result.corrections.isEmpty {
            out.append(t("补正清单（须补交或更正的证明材料）", "Corrections (evidence to supply or correct)"))
            let words = FindingText(language: language)
            for (i, item) in result.corrections.enumerated() { out.append("  \(i + 1). \(words.correction(item))") }
            out.append("")
        }

        if !result.missingData.isEmpty {
            out.append(t("缺少的数据", "Missing data"))
            for missing in result.missingData {
                out.append("  \(missing.key) — \(t("用于", "used by")) \(missing.usedBy.joined(separator: ", "))")
            }
            out.append("")
        }

        if !result.improvements.isEmpty {
            out.append(t("优先改进（先易后难：补充数据、补交证明材料、评议，再改进园区工作，最后争取外部认可；同类按可得分排序）",
                         "Improve first (easiest first: data, evidence, ratings, changes to the park, then outside recognition; by points gainable within each)"))
            for (i, improvement) in result.improvements.prefix(10).enumerated() {
                out.append("  \(i + 1). +\(improvement.gain.formatted(places: 2)) \(improvement.criterionID) \(improvement.title.text(language)) — \(action(improvement.action, scorecard: scorecard, criterion: improvement.criterionID, mode: result.mode))")
            }
            out.append("")
        }

        if let next = result.nextGrade {
            out.append(t("下一等级", "Next grade"))
            out.append("  \(next.target.id) \(next.target.title.text(language)) (≥ \(next.target.min.formatted())): "
                       + "\(t("还差", "short by")) \(next.pointsNeeded.formatted(places: 2)) \(t("分", "points"))")
            if !next.blockingGates.isEmpty {
                out.append("  \(t("须先通过门槛", "gates to pass first")): \(next.blockingGates.joined(separator: ", "))")
            }
            if !next.isReachable {
                out.append("  \(t("全部评分项满分仍不足，按分数无法达到该等级", "out of reach on points: not enough even at full marks on every criterion"))")
            } else if !next.criteria.isEmpty {
                out.append("  \(t("最省力路径", "cheapest way")) (\(t("\(next.criteria.count) 步", next.criteria.count == 1 ? "1 step" : "\(next.criteria.count) steps"))): "
                           + next.criteria.joined(separator: ", "))
            }
            out.append("")
        }

        if !result.support.isEmpty {
            out.append(t("可申报的支持（依据政策条款测算）", "Support that could be claimed (computed from the policy text)"))
            for item in result.support {
                let who = item.beneficiary == .park ? t("园区", "park") : t("入驻企业", "tenants")
                let words = SupportAmountText(language: language)
                let amount = words.amount(item, prefix: item.isUpperBound ? t("上限估计 ", "upper bound ") : (item.isCeiling ? t("最高 ", "up to ") : ""))
                out.append("  \(item.id) \(item.title.text(language)) [\(clause(item.clause))] (\(who)) — \(amount)")
                for step in plain?.steps(item.explanation) ?? item.explanation.map({ $0.text(language) }) { out.append("      \(step)") }
                for firm in item.firms {
                    let firmAmount = words.amount(firm, of: item, prefix: item.isCeiling ? t("最高 ", "up to ") : "")
                    out.append("      \(firm.label) — \(firmAmount)")
                    for step in plain?.steps(firm.explanation) ?? firm.explanation.map({ $0.text(language) }) { out.append("          \(step)") }
                }
            }
            out.append("")
        }

        out.append(contentsOf: scorecard.scoringModel.summary(language))
        return out
    }

    func clause(_ clause: Clause?) -> String {
        guard let clause else { return "—" }
        return "\(clause.ref)：\(clause.quote)"
    }

    func mode(_ mode: ScoringMode) -> String {
        mode == .selfAssessment ? t("自评", "self-assessment") : t("评审", "evaluation")
    }

    public func verdict(_ result: ScoreResult) -> String {
        switch result.verdict {
        case .eligible:
            // A scorecard without gates (its text states no condition) has no basic conditions to meet: say so.
            if result.gates.isEmpty { return t("不设门槛条件，按得分评级", "no gates: graded on points") }
            return t("符合基本条件", "eligible")
        case .ineligible: return t("不予认定（未通过门槛条件）", "ineligible (a gate failed)")
        case .undetermined:
            if result.needsCorrection {
                let alsoMissing = result.gates.contains { $0.status == .missingData }
                return t("待补正（门槛条件的证明材料未被采信、缺失或校验不符，见补正清单\(alsoMissing ? "；另有门槛缺少数据" : "")）",
                         "pending corrections (a gate's evidence is rejected, missing or fails its hash: see the corrections list\(alsoMissing ? "; another gate lacks data" : ""))")
            }
            return t("待定（门槛条件缺少数据，不评定等级）", "undetermined (a gate lacks data: no grade)")
        }
    }

    public func provisional(_ reason: ProvisionalReason) -> String {
        switch reason {
        case .selfRated(let ids): return t("自评等级（待评审确认）", "self-rated (to be confirmed by review)") + ": " + ids.joined(separator: ", ")
        case .pendingReview(let ids): return t("待评议", "pending review") + ": " + ids.joined(separator: ", ")
        case .gateMissingData(let ids): return t("门槛缺少数据", "gates lacking data") + ": " + ids.joined(separator: ", ")
        case .gateUnsubstantiated(let ids): return t("门槛证明材料待补正", "gates whose evidence must be corrected") + ": " + ids.joined(separator: ", ")
        case .disagreement(let ids): return t("评审意见分歧较大，待组长合议", "the panel disagrees: awaiting the chair's resolution") + ": " + ids.joined(separator: ", ")
        case .awaitingPanel: return t("仅完成初审，待评审组评审", "only the preliminary check is done: awaiting the panel")
        }
    }

    /// What a gate rests on, as the dossier prints it beside the gate: the text's condition or the scorecard's proposal.
    public func gateBasis(_ basis: Gate.Basis) -> String {
        t("依据：", "basis: ") + gateBasisValue(basis)
    }

    /// The basis alone: 政策原文 / 本评分表建议.
    public func gateBasisValue(_ basis: Gate.Basis) -> String {
        switch basis {
        case .text: return t("政策原文", "policy text")
        case .proposal: return t("本评分表建议", "scorecard proposal")
        }
    }

    public func gateStatus(_ gate: GateResult) -> String {
        switch gate.status {
        case .passed: return t("通过", "passed")
        case .missingData: return t("缺少数据", "missing data")
        case .unsubstantiated: return t("证明材料不足，待补正", "evidence does not hold: to be corrected")
        case .failed:
            switch gate.effect {
            case .ineligible: return t("未通过，不予认定", "failed: ineligible")
            case .capGrade(let band): return t("未通过，等级封顶于 \(band)", "failed: grade capped at \(band)")
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
        case .met: return t("达标", "met")
        case .partial: return t("部分达标", "partial")
        case .unmet: return t("未达标", "unmet")
        case .missingData: return t("缺少数据", "missing data")
        case .pendingReview: return t("待评议", "pending review")
        case .notApplicable: return t("不适用", "not applicable")
        case .unsubstantiated: return t("证明材料不足", "evidence not accepted")
        }
    }

    public func action(_ action: Improvement.Action, scorecard: Scorecard, criterion: String, mode: ScoringMode = .selfAssessment) -> String {
        switch action {
        // Never a label with nothing after it: an action without its items, figures or reason is worded without them.
        case .provideData(let facts):
            return facts.isEmpty ? t("补充缺少的数据", "provide the missing data") : t("补充数据：", "provide data: ") + facts.joined(separator: ", ")
        case .meetCondition: return t("满足该项条件", "meet the condition")
        case .improveValue(let current, let target):
            switch (current, target) {
            case let (from?, to?): return t("将数值由 \(from.formatted()) 提升至 \(to.formatted())", "bring the value from \(from.formatted()) to \(to.formatted())")
            case let (nil, to?): return t("将数值提升至 \(to.formatted())", "bring the value to \(to.formatted())")
            case (_, nil): return t("提高该项数值", "raise the value")
            }
        case .addItems(let ids):
            var titles = ids
            if let c = scorecard.criterion(criterion), case .checklist(let list) = c.kind {
                titles = ids.map { id in list.items.first { $0.id == id }?.title.text(language) ?? id }
            }
            titles = titles.filter { !$0.allSatisfy(\.isWhitespace) }
            return titles.isEmpty ? t("补齐该项清单中尚未具备的事项", "add the checklist items still missing")
                : t("补齐：", "add: ") + titles.joined(separator: t("、", ", "))
        case .reachLevel(let level): return t("达到评议等级 \(level)", "reach rubric level \(level)")
        case .getRated:
            return mode == .evaluation ? t("请评审专家评议", "have the panel rate it") : t("完成自评等级", "self-rate it")
        case .provideEvidence: return t("补交证明材料", "supply the evidence")
        case .addressOverride(let reason):
            return reason.allSatisfy(\.isWhitespace) ? t("针对评审调整意见整改", "address the evaluator's adjustment")
                : t("针对评审调整理由整改：\(reason)", "address the evaluator's reason: \(reason)")
        }
    }
}
