import ParkScore
import ParkScoreIO

/// Everything a dossier shows, computed in Swift and handed to the templates as plain values: texts already
/// in the chosen language, numbers already formatted. Templates only lay it out.
public struct DossierModel {
    public let assessment: ScorecardAssessment
    public let language: LocalizedText.Language
    let labels: [String: String]
    /// Inputs of the rendering itself (the templates), added to the audit appendix.
    let extraInputs: [InputFingerprint]

    public init(assessment: ScorecardAssessment, language: LocalizedText.Language, labels: [String: String],
                extraInputs: [InputFingerprint] = []) {
        self.assessment = assessment
        self.language = language
        self.labels = labels
        self.extraInputs = extraInputs
    }

    public var result: ScoreResult { assessment.result }
    public var scorecard: Scorecard { assessment.scorecard }
    public var report: SelfReport { assessment.report }
    public var dictionary: FactDictionary { assessment.dictionary }
    public var staged: StagedResult? { assessment.staged }
    var findingWords: FindingText { FindingText(language: language) }

    /// 自评报告 for a self-assessment, 评审意见书 for an evaluation.
    public var documentTitle: String {
        result.mode == .evaluation ? labels["document_evaluation"] ?? "" : labels["document_self"] ?? ""
    }

    private var words: ResultText { ResultText(language: language) }

    private func t(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

    /// The value tree the Mustache templates render.
    public var context: [String: Any] {
        let parkName = language == .en ? (report.park.nameEn ?? report.park.name) : report.park.name
        var context: [String: Any] = [
            "lang": language == .zh ? "zh-CN" : "en",
            "label": labels,
            "park": present([
                "name": parkName,
                "altName": language == .en ? report.park.name : report.park.nameEn,
                "jurisdiction": report.park.jurisdiction,
                "operator": report.park.operatorName,
            ]),
            "documentTitle": documentTitle,
            "verdictHeading": (result.mode == .evaluation ? labels["verdict_evaluation"] : labels["verdict_self"]) ?? "",
            "correctionsNote": (result.needsCorrection ? labels["corrections_note_gates"] : labels["corrections_note_criteria"]) ?? "",
            "runningHeader": Self.cssString("\(parkName) · \(documentTitle) · \(scorecard.title.text(language)) \(scorecard.version) · \(assessment.date)"),
            "scorecard": [
                "id": scorecard.id,
                "version": scorecard.version,
                "title": scorecard.title.text(language),
                "sourceFile": scorecard.source.file,
                "sourceTitle": scorecard.source.title,
                "citation": words.source(scorecard),
                "jurisdiction": scorecard.source.jurisdiction.text(language),
            ],
            "period": "\(report.period.from) – \(report.period.to)",
            "date": assessment.date,
            "mode": result.mode == .selfAssessment ? labels["mode_self"] ?? "" : labels["mode_evaluation"] ?? "",
            "verdict": verdict,
            "total": result.total.fixed(places: 2),
            "provisional": result.isProvisional,
            "provisionalReasons": result.provisionalReasons.map(words.provisional),
            "gates": result.gates.map(gate),
            "chart": DimensionChart.svg(result.dimensions, language: language),
            "dimensions": result.dimensions.map(dimension),
            "evidenceIndex": evidence,
            "missing": result.missingData.map { ["fact": factName($0.key), "key": $0.key, "usedBy": $0.usedBy.joined(separator: ", ")] },
            "improvements": result.improvements.prefix(10).enumerated().map { i, improvement in
                [
                    "rank": String(i + 1),
                    "gain": "+" + improvement.gain.fixed(places: 2),
                    "id": improvement.criterionID,
                    "title": improvement.title.text(language),
                    "action": words.action(improvement.action, scorecard: scorecard, criterion: improvement.criterionID, mode: result.mode),
                ]
            },
            "support": result.support.map(support),
            "hasSupport": !result.support.isEmpty,
            "hasMissing": !result.missingData.isEmpty,
            "corrections": result.corrections.enumerated().map { i, item in
                ["rank": String(i + 1), "text": findingWords.correction(item)]
            },
            "hasCorrections": !result.corrections.isEmpty,
            "scoringModel": scorecard.scoringModel.summary(language),
            "audit": [
                "tool": "parkscore \(assessment.toolVersion)",
                "scorecard": "\(scorecard.id) \(scorecard.version)",
                "scorecardSHA256": assessment.scorecardFingerprint.sha256,
                "files": (assessment.inputs + extraInputs).map { ["name": $0.name, "sha256": $0.sha256] },
            ],
        ]
        if let grade = result.grade {
            context["grade"] = ["id": grade.id, "title": grade.title.text(language)]
        } else if let byPoints = result.gradeByPoints {
            context["gradeByPoints"] = ["id": byPoints.id, "title": byPoints.title.text(language)]
        }
        if !result.cappedBy.isEmpty { context["cappedBy"] = result.cappedBy.joined(separator: ", ") }
        if let staged { context["stages"] = stages(staged) }
        if let next = result.nextGrade {
            context["nextGrade"] = present([
                "target": "\(next.target.id) \(next.target.title.text(language)) (≥ \(next.target.min.formatted()))",
                "needed": next.pointsNeeded.fixed(places: 2),
                "blocking": next.blockingGates.joined(separator: ", "),
                "path": next.criteria.joined(separator: ", "),
                "notReachable": !next.isReachable,
            ])
        }
        return context
    }

    func stages(_ staged: StagedResult) -> [String: Any] {
        func column(_ label: String, _ result: ScoreResult?) -> [String: Any] {
            guard let result else { return ["name": label, "total": "—", "grade": "", "note": ""] }
            return ["name": label, "total": result.total.fixed(places: 2), "grade": result.grade?.id ?? labels["no_grade"] ?? "",
                    "note": (result.isProvisional ? labels["provisional"] : labels["final"]) ?? ""]
        }
        let columns = [column(t("自评分", "Self"), staged.selfAssessment), column(t("初审分", "Preliminary"), staged.preliminary),
                       column(t("评审分", "Panel"), staged.panel)]
        let ratingWords = StagedText(language: language)
        let ratings: [[String: Any]] = staged.panelRatings.map { r in
            var flag = ""
            if let resolution = staged.resolutions[r.criterionID] {
                flag = t("等级 \(resolution.level) → \(resolution.points.formatted(places: 2))（\(resolution.chair.name)，\(resolution.date)）理由：\(resolution.reason)",
                         "level \(resolution.level) → \(resolution.points.formatted(places: 2)) (\(resolution.chair.name), \(resolution.date)) because \(resolution.reason)")
            } else if r.disagreement {
                flag = t("⚠ 分歧较大，待组长合议", "⚠ ratings disagree: awaiting the chair's resolution")
            }
            return [
                "criterion": r.criterionID,
                "levels": r.levels.map { level in
                    t("\(staged.reviewerName(level.reviewer)) \(level.level) 级", "\(staged.reviewerName(level.reviewer)): \(level.level)")
                }.joined(separator: t("；", "; ")),
                "aggregate": ratingWords.aggregate(r),
                "flag": flag,
            ]
        }
        let named: [(String, ScoreResult?)] = [(t("初审", "preliminary"), staged.preliminary), (t("评审", "panel"), staged.panel)]
        // An override of the preliminary check still in force at the panel stage is listed once, and says so.
        let carried = Set((staged.panel?.criteria ?? []).compactMap { c -> String? in
            guard let o = c.override, let p = staged.preliminary?.criterion(c.id)?.override,
                  p.reviewer == o.reviewer, p.date == o.date, p.new == o.new, p.reason == o.reason else { return nil }
            return c.id
        })
        let overrides: [[String: Any]] = named.enumerated().flatMap { index, entry in
            (entry.1?.criteria ?? []).compactMap { c -> [String: Any]? in
                guard let o = c.override, index == 0 || !carried.contains(c.id) else { return nil }
                let note = index == 0 && carried.contains(c.id) ? t("（评审阶段仍有效）", " (still in force at the panel stage)") : ""
                return ["stage": entry.0, "criterion": c.id, "change": "\(o.old.formatted(places: 2)) → \(o.new.formatted(places: 2))",
                        "who": "\(o.reviewer) \(o.date)", "reason": o.reason + note]
            }
        }
        let findings: [[String: Any]] = [EvaluationStage.preliminary, .panel].compactMap { stage in
            let items = staged.findings.filter { $0.stage == stage }
            guard !items.isEmpty else { return nil }
            return [
                "stage": findingWords.stage(stage),
                "items": items.map { f -> [String: Any] in
                    [
                        "who": findingWords.who(f.reviewer, date: f.date),
                        "what": findingWords.statement(f, report: report),
                        "standing": findingWords.standing(f.standing),
                        "inForce": f.standing == .inForce,
                    ]
                },
            ]
        }
        return present(["columns": columns, "ratings": ratings.isEmpty ? nil : ratings, "hasRatings": ratings.isEmpty ? nil : true,
                        "overrides": overrides.isEmpty ? nil : overrides, "hasOverrides": overrides.isEmpty ? nil : true,
                        "findings": findings.isEmpty ? nil : findings])
    }

    var verdict: [String: Any] {
        switch result.verdict {
        case .eligible: return ["key": "eligible", "text": words.verdict(result)]
        case .ineligible: return ["key": "ineligible", "text": words.verdict(result)]
        case .undetermined: return ["key": "undetermined", "text": words.verdict(result)]
        }
    }

    func gate(_ g: GateResult) -> [String: Any] {
        let status: String
        switch g.status {
        case .passed: status = "passed"
        case .failed: status = "failed"
        case .missingData: status = "missing"
        case .unsubstantiated: status = "unsubstantiated"
        }
        let effect: String
        switch g.effect {
        case .ineligible: effect = t("不予认定", "ineligible")
        case .capGrade(let band): effect = t("等级不高于 \(band)", "grade capped at \(band)")
        }
        var explanation = [g.explanation]
        if let problem = g.problem { explanation.append(ExplanationStep.problem(problem).text(language)) }
        for problem in g.unsubstantiated?.problems ?? [] { explanation.append(problem.text(language)) }
        return [
            "id": g.id, "title": g.title.text(language), "clauseRef": g.clause?.ref ?? "", "clauseQuote": g.clause?.quote ?? "",
            "status": status, "statusText": words.gateStatus(g), "effect": effect, "showEffect": g.status == .passed || g.status == .missingData,
            "explanation": explanation,
        ]
    }

    func dimension(_ d: DimensionResult) -> [String: Any] {
        [
            "id": d.id, "title": d.title.text(language), "weight": d.weight.formatted(places: 2),
            "score": d.isApplicable ? d.score.fixed(places: 2) : t("不适用", "N/A"),
            "max": d.effectiveWeight.formatted(places: 2),
            "criteria": d.criteria.map(criterion),
        ]
    }

    func criterion(_ c: CriterionResult) -> [String: Any] {
        let values = c.factKeys.map { key in "\(factName(key)) = \(show(c.environment.value(key), key: key))" }
        var evidenceText = ""
        switch c.evidence {
        case .notRequired: break
        case .missing: evidenceText = t("未提供", "none listed")
        case .listed(let refs):
            evidenceText = refs.map { ref in
                "\(ref.id) — \(findingWords.evidenceState(assessment.evidence[ref.id], decision: assessment.decision(ref.id)))"
            }.joined(separator: t("；", "; "))
        }
        return present([
            "id": c.id, "title": c.title.text(language), "kind": c.kind,
            "clauseRef": c.clause?.ref ?? "", "clauseQuote": c.clause?.quote ?? "",
            "values": values,
            "points": c.status == .notApplicable ? "—" : c.points.fixed(places: 2),
            "max": c.maxPoints.formatted(places: 2),
            "status": c.status.rawValue, "statusText": words.status(c.status),
            "explanation": c.explanation.map { $0.text(language) },
            "evidenceNote": evidenceText,
            "notApplicable": c.notApplicableJustification,
        ])
    }

    /// The entries with a value: an empty or absent text is left out, so a template's section skips it.
    func present(_ entries: [String: Any?]) -> [String: Any] {
        var result: [String: Any] = [:]
        for (key, value) in entries {
            guard let value else { continue }
            if let text = value as? String, text.isEmpty { continue }
            result[key] = value
        }
        return result
    }

    /// A CSS string literal: quoted, with backslashes, quotes, line breaks and '<' escaped, so report text
    /// cannot leave the string or the style element.
    static func cssString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "<": out += "\\3C "
            case "\n", "\r": out += "\\A "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    var evidence: [[String: Any]] {
        report.evidence.map { item in
            let check = assessment.evidence[item.id]
            let decision = assessment.decision(item.id)
            var state = check?.state ?? .unchecked
            if decision?.accepted == false, state == .verified || state == .unchecked { state = .rejected }
            return [
                "id": item.id, "title": item.title, "file": item.file, "state": state.rawValue,
                "stateText": findingWords.evidenceState(check, decision: decision), "supports": item.supports.joined(separator: ", "),
            ]
        }
    }

    func support(_ s: SupportEntitlement) -> [String: Any] {
        var amount: String
        switch s.status {
        case .eligible: amount = (s.isCeiling ? (labels["up_to"] ?? "") + " " : "") + (s.total?.yuan ?? "")
        case .notEligible: amount = t("不符合条件", "not eligible")
        case .missingData: amount = t("缺少数据：", "missing data: ") + s.missingFacts.joined(separator: ", ")
        }
        return [
            "id": s.id, "title": s.title.text(language), "clauseRef": s.clause?.ref ?? "", "clauseQuote": s.clause?.quote ?? "",
            "beneficiary": s.beneficiary == .park ? t("园区", "park") : t("入驻企业", "tenants"),
            "amount": amount, "eligible": s.status == .eligible,
            "explanation": s.explanation.map { $0.text(language) },
        ]
    }

    func factName(_ key: String) -> String {
        if let d = dictionary[key] { return d.description.text(language) }
        if let derived = scorecard.derived.first(where: { $0.key == key }), let title = derived.title { return title.text(language) }
        return key
    }

    func show(_ value: Value, key: String) -> String {
        let type = dictionary.type(of: key)
        switch value {
        case .number(let n):
            if case .percent? = type { return n.shown(percent: true) }
            if case .money? = type { return n.yuan }
            if scorecard.derived.first(where: { $0.key == key })?.isPercent == true { return n.shown(percent: true) }
            return n.formatted(places: 3)
        case .bool(let b): return b ? t("是", "yes") : t("否", "no")
        case .text(let s):
            if let label = dictionary[key]?.valueLabels[s] { return label.text(language) }
            return s
        case .date(let d): return d
        case .list(let items):
            if items.isEmpty { return t("（无）", "(none)") }
            let labels = dictionary[key]?.valueLabels ?? [:]
            return items.map { item -> String in
                guard case .text(let s) = item else { return "\(item)" }
                return labels[s]?.text(language) ?? s
            }.joined(separator: t("、", ", "))
        case .unknown: return t("（未填报）", "(not reported)")
        case .error(let message): return "(\(message))"
        }
    }
}
