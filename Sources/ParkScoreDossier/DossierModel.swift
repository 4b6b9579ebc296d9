import ParkScore
import ParkScoreIO

/// Everything a dossier shows, computed in Swift and handed to the templates as plain values: texts already
/// in the chosen language, numbers already formatted. Templates only lay it out.
public struct DossierModel {
    public let result: ScoreResult
    public let scorecard: Scorecard
    public let report: SelfReport
    public let dictionary: FactDictionary
    public let inputs: DossierInputs
    public let language: LocalizedText.Language
    let labels: [String: String]
    /// The stages of an evaluation, when the dossier is made from reviews.
    public var staged: StagedResult?

    public init(result: ScoreResult, scorecard: Scorecard, report: SelfReport, dictionary: FactDictionary,
                inputs: DossierInputs, language: LocalizedText.Language, labels: [String: String]) {
        self.result = result
        self.scorecard = scorecard
        self.report = report
        self.dictionary = dictionary
        self.inputs = inputs
        self.language = language
        self.labels = labels
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
            "runningHeader": Self.cssString("\(parkName) · \(scorecard.title.text(language)) \(scorecard.version) · \(inputs.date)"),
            "scorecard": [
                "id": scorecard.id,
                "version": scorecard.version,
                "title": scorecard.title.text(language),
                "sourceFile": scorecard.source.file,
                "sourceTitle": scorecard.source.title,
                "jurisdiction": scorecard.source.jurisdiction.text(language),
            ],
            "period": "\(report.period.from) – \(report.period.to)",
            "date": inputs.date,
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
                    "action": words.action(improvement.action, scorecard: scorecard, criterion: improvement.criterionID),
                ]
            },
            "support": result.support.map(support),
            "hasSupport": !result.support.isEmpty,
            "hasMissing": !result.missingData.isEmpty,
            "scoringModel": scorecard.scoringModel.summary(language),
            "audit": [
                "tool": "parkscore \(inputs.toolVersion)",
                "scorecard": "\(scorecard.id) \(scorecard.version)",
                "scorecardSHA256": inputs.scorecardSHA256,
                "files": inputs.files.map { ["name": $0.name, "sha256": $0.sha256] },
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
                    "note": result.isProvisional ? labels["provisional"] ?? "" : ""]
        }
        let columns = [column(t("自评分", "Self"), staged.selfAssessment), column(t("初审分", "Preliminary"), staged.preliminary),
                       column(t("评审分", "Panel"), staged.panel)]
        let ratings: [[String: Any]] = staged.panelRatings.map { r in
            [
                "criterion": r.criterionID,
                "levels": r.levels.map { "\($0.reviewer)=\($0.level)" }.joined(separator: ", "),
                "aggregate": "\(r.aggregation.rawValue) \(r.level.formatted(places: 2)) → \(r.points.formatted(places: 2))",
                "flag": r.disagreement ? t("分歧较大，需讨论", "ratings disagree: discuss") : "",
            ]
        }
        let named: [(String, ScoreResult?)] = [(t("初审", "preliminary"), staged.preliminary), (t("评审", "panel"), staged.panel)]
        let overrides: [[String: Any]] = named.flatMap { name, result in
            (result?.criteria ?? []).compactMap { c -> [String: Any]? in
                guard let o = c.override else { return nil }
                return ["stage": name, "criterion": c.id, "change": "\(o.old.formatted(places: 2)) → \(o.new.formatted(places: 2))",
                        "who": "\(o.reviewer) \(o.date)", "reason": o.reason]
            }
        }
        return present(["columns": columns, "ratings": ratings.isEmpty ? nil : ratings, "overrides": overrides.isEmpty ? nil : overrides])
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
        }
        let effect: String
        switch g.effect {
        case .ineligible: effect = t("不予认定", "ineligible")
        case .capGrade(let band): effect = t("等级不高于 \(band)", "grade capped at \(band)")
        }
        var explanation = [g.explanation]
        if let problem = g.problem { explanation.append(ExplanationStep.problem(problem).text(language)) }
        return [
            "id": g.id, "title": g.title.text(language), "clauseRef": g.clause?.ref ?? "", "clauseQuote": g.clause?.quote ?? "",
            "status": status, "statusText": words.gateStatus(g), "effect": effect, "showEffect": g.status != .failed,
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
        case .listed(let refs): evidenceText = refs.map { "\($0.id)（\(evidenceState($0.state))）" }.joined(separator: t("、", ", "))
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
            let state = inputs.evidenceFiles[item.id]
            return [
                "id": item.id, "title": item.title, "file": item.file, "state": state?.rawValue ?? "unchecked",
                "stateText": evidenceState(state), "supports": item.supports.joined(separator: ", "),
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

    func evidenceState(_ state: EvidenceFileState?) -> String {
        switch state {
        case .verified: return t("已核验", "verified")
        case .unchecked, nil: return t("未核验", "not checked")
        case .missing: return t("文件缺失", "file missing")
        case .hashMismatch: return t("哈希不符", "hash mismatch")
        case .outsideFolder: return t("不在申报文件夹内", "outside the folder")
        case .rejected: return t("评审未采信", "rejected by an evaluator")
        }
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
