import ParkScore
import ParkScoreIO

/// Everything a dossier shows, computed in Swift and handed to the templates as plain values: texts already
/// in the chosen language, numbers already formatted. Templates only lay it out.
public struct DossierModel {
    public let assessment: ScorecardAssessment
    /// Every word the dossier says, in its language; its `labels.` section is the templates' `label` object.
    public let messages: Messages
    public var language: LocalizedText.Language { messages.language }
    /// The labels as the templates' `label` object, when the caller built it once for many dossiers.
    let labelValue: TemplateValue?
    /// The result's explanations, worded once for every format of the dossier.
    public let texts: ExplanationTexts
    /// Inputs of the rendering itself (the templates), added to the audit appendix.
    let extraInputs: [InputFingerprint]

    public init(assessment: ScorecardAssessment, messages: Messages, labelValue: TemplateValue? = nil, extraInputs: [InputFingerprint] = []) {
        self.assessment = assessment
        self.messages = messages
        self.labelValue = labelValue
        texts = ExplanationTexts(assessment.result, scorecard: assessment.scorecard, dictionary: assessment.dictionary, messages: messages)
        self.extraInputs = extraInputs
    }

    public var result: ScoreResult { assessment.result }
    public var scorecard: Scorecard { assessment.scorecard }
    public var report: SelfReport { assessment.report }
    public var dictionary: FactDictionary { assessment.dictionary }
    public var staged: StagedResult? { assessment.staged }
    var findingWords: FindingText { FindingText(messages: messages) }

    /// 自评报告 for a self-assessment, 评审意见书 for an evaluation.
    public var documentTitle: String {
        result.mode == .evaluation ? messages("labels.document_evaluation") : messages("labels.document_self")
    }

    var words: ResultText { ResultText(messages: messages) }

    /// An input of the audit appendix by its role in the dossier's language (`self-report: self-report.yaml` is
    /// 「自评申报：self-report.yaml」); the JSON keeps the role as data. The templates are named by their path.
    func inputName(_ name: String) -> String {
        guard let colon = name.range(of: ": ") else { return name }
        let file = String(name[colon.upperBound...])
        let role: String
        switch name[..<colon.lowerBound] {
        case "self-report": role = messages("dossier.input.self_report")
        case "criteria": role = messages("dossier.input.criteria")
        case "evidence": role = messages("dossier.input.evidence")
        case "review": role = messages("dossier.input.review")
        default: return name
        }
        return role + messages("punct.colon") + file
    }

    /// The `lang` attribute of a page in a language.
    static func languageTag(_ language: LocalizedText.Language) -> String {
        switch language {
        case .zh: return "zh-CN"
        case .en: return "en"
        }
    }

    /// The value tree the templates render, built typed: no `Any`, nothing cast when it is rendered.
    public var context: TemplateValue {
        let parkName = language == .en ? (report.park.nameEn ?? report.park.name) : report.park.name
        let (headings, contents) = headingsAndContents
        var context: TemplateObject = [
            "lang": .string(Self.languageTag(language)),
            "cover": cover,
            "heading": headings,
            "contents": contents,
            "label": labelValue ?? .object(TemplateObject(messages.section("labels").mapValues(TemplateValue.string))),
            "park": present([
                "name": parkName,
                "altName": language == .en ? report.park.name : report.park.nameEn,
                "jurisdiction": report.park.jurisdiction,
                "operator": report.park.operatorName,
            ]),
            "documentTitle": .string(documentTitle),
            "verdictHeading": .string(result.mode == .evaluation ? messages("labels.verdict_evaluation") : messages("labels.verdict_self")),
            "correctionsNote": .string(result.needsCorrection ? messages("labels.corrections_note_gates") : messages("labels.corrections_note_criteria")),
            "runningHeader": .string(Self.cssString("\(parkName) · \(documentTitle) · \(scorecard.title.text(language))")),
            "scorecard": [
                "id": .string(scorecard.id),
                "version": .string(scorecard.version),
                "title": .string(scorecard.title.text(language)),
                "sourceFile": .string(scorecard.source.file),
                "sourceTitle": .string(scorecard.source.title),
                "citation": .string(words.source(scorecard)),
                "jurisdiction": .string(scorecard.source.jurisdiction.text(language)),
            ],
            "period": .string("\(report.period.from) – \(report.period.to)"),
            "date": .string(assessment.date),
            "mode": .string(result.mode == .selfAssessment ? messages("labels.mode_self") : messages("labels.mode_evaluation")),
            "verdict": verdict,
            "total": .string(result.total.fixed(places: 2)),
            "provisional": .bool(result.isProvisional),
            "provisionalReasons": .texts(result.provisionalReasons.map(words.provisional)),
            "gates": .list(result.gates.indices.map { gate(result.gates[$0], explanation: texts.plainGate($0)) }),
            "formulas": .list(formulas),
            "hasGates": .bool(!result.gates.isEmpty),
            "chart": .string(DimensionChart.svg(result.dimensions, messages: messages)),
            "dimensions": .list(result.dimensions.indices.map { d in
                dimension(result.dimensions[d], explanations: result.dimensions[d].criteria.indices.map { texts.plainCriterion(d, $0) })
            }),
            "evidenceIndex": .list(evidence.map(\.value)),
            "missing": .list(result.missingData.map {
                ["fact": .string(factName($0.key)), "key": .string($0.key), "usedBy": .string($0.usedBy.joined(separator: ", "))]
            }),
            "improvements": .list(result.improvements.prefix(10).enumerated().map { i, improvement in
                [
                    "rank": .string(String(i + 1)),
                    "gain": .string("+" + improvement.gain.fixed(places: 2)),
                    "id": .string(improvement.criterionID),
                    "idHTML": .string(Self.breakableID(improvement.criterionID)),
                    "title": .string(improvement.title.text(language)),
                    "action": .string(words.action(improvement.action, scorecard: scorecard, criterion: improvement.criterionID, mode: result.mode)),
                ]
            }),
            "support": .list(result.support.map(support)),
            "hasSupport": .bool(!result.support.isEmpty),
            "hasMissing": .bool(!result.missingData.isEmpty),
            "corrections": .list(result.corrections.enumerated().map { i, item in
                ["rank": .string(String(i + 1)), "text": .string(findingWords.correction(item))]
            }),
            "hasCorrections": .bool(!result.corrections.isEmpty),
            "scoringModel": .texts(ScoringModelText.summary(scorecard.scoringModel, messages: messages)),
            "audit": [
                "tool": .string("parkscore \(assessment.toolVersion)"),
                "scorecard": .string("\(scorecard.id) \(scorecard.version)"),
                "scorecardSHA256": .string(assessment.scorecardFingerprint.sha256),
                "files": .list((assessment.inputs + extraInputs).map { ["name": .string(inputName($0.name)), "sha256": .string($0.sha256)] }),
            ],
        ]
        if let grade = result.grade {
            context["grade"] = ["id": .string(grade.id), "title": .string(grade.title.text(language))]
        } else if let byPoints = result.gradeByPoints {
            context["gradeByPoints"] = ["id": .string(byPoints.id), "title": .string(byPoints.title.text(language))]
        }
        if !result.cappedBy.isEmpty { context["cappedBy"] = .string(result.cappedBy.joined(separator: ", ")) }
        if let staged { context["stages"] = stages(staged) }
        if let panel { context["panel"] = panel }
        if let next = result.nextGrade {
            context["nextGrade"] = present([
                "target": .string("\(next.target.id) \(next.target.title.text(language)) (≥ \(next.target.min.formatted()))"),
                "needed": .string(next.pointsNeeded.fixed(places: 2)),
                "blocking": .string(next.blockingGates.joined(separator: ", ")),
                "path": .string(next.criteria.joined(separator: ", ")),
                "notReachable": .bool(!next.isReachable),
            ])
        }
        return .object(context)
    }

    func stages(_ staged: StagedResult) -> TemplateValue {
        func column(_ label: String, _ result: ScoreResult?) -> TemplateValue {
            guard let result else { return ["name": .string(label), "total": "—", "grade": "", "note": ""] }
            return ["name": .string(label), "total": .string(result.total.fixed(places: 2)),
                    "grade": .string(result.grade?.id ?? messages("labels.no_grade")),
                    "note": .string(result.isProvisional ? messages("labels.provisional") : messages("labels.final"))]
        }
        let columns: [TemplateValue] = [column(messages("dossier.stage_column.self"), staged.selfAssessment),
                                        column(messages("dossier.stage_column.preliminary"), staged.preliminary),
                                        column(messages("dossier.stage_column.panel"), staged.panel)]
        let ratingWords = StagedText(messages: messages)
        let ratings: [TemplateValue] = staged.panelRatings.map { r in
            var flag = ""
            if let resolution = staged.resolutions[r.criterionID] {
                flag = messages("dossier.resolution", ["level": String(resolution.level), "points": resolution.points.formatted(places: 2),
                                                       "chair": resolution.chair.name, "date": resolution.date, "reason": resolution.reason])
            } else if r.disagreement {
                flag = messages("dossier.disagreement")
            }
            return [
                "criterion": .string(r.criterionID),
                "criterionHTML": .string(Self.breakableID(r.criterionID)),
                "levels": .string(r.levels.map { level in
                    messages("dossier.reviewer_level", ["reviewer": staged.reviewerName(level.reviewer), "level": String(level.level)])
                }.joined(separator: messages("punct.semicolon"))),
                "aggregate": .string(ratingWords.aggregate(r)),
                "flag": .string(flag),
            ]
        }
        let named: [(String, ScoreResult?)] = [(messages("dossier.stage.preliminary"), staged.preliminary), (messages("dossier.stage.panel"), staged.panel)]
        // An override of the preliminary check still in force at the panel stage is listed once, and says so.
        let carried = Set((staged.panel?.criteria ?? []).compactMap { c -> String? in
            guard let o = c.override, let p = staged.preliminary?.criterion(c.id)?.override,
                  p.reviewer == o.reviewer, p.date == o.date, p.new == o.new, p.reason == o.reason else { return nil }
            return c.id
        })
        let overrides: [TemplateValue] = named.enumerated().flatMap { index, entry in
            (entry.1?.criteria ?? []).compactMap { c -> TemplateValue? in
                guard let o = c.override, index == 0 || !carried.contains(c.id) else { return nil }
                let note = index == 0 && carried.contains(c.id) ? messages("dossier.override_carried") : ""
                return ["stage": .string(entry.0), "criterion": .string(c.id),
                        "change": .string("\(o.old.formatted(places: 2)) → \(o.new.formatted(places: 2))"),
                        "who": .string("\(o.reviewer) \(o.date)"), "reason": .string(o.reason + note)]
            }
        }
        let findings: [TemplateValue] = [EvaluationStage.preliminary, .panel].compactMap { stage in
            let items = staged.findings.filter { $0.stage == stage }
            guard !items.isEmpty else { return nil }
            return [
                "stage": .string(findingWords.stage(stage)),
                "items": .list(items.map { f -> TemplateValue in
                    [
                        "who": .string(findingWords.who(f.reviewer, date: f.date)),
                        "what": .string(findingWords.statement(f, report: report)),
                        "standing": .string(findingWords.standing(f.standing)),
                        "inForce": .bool(f.standing == .inForce),
                    ]
                }),
            ]
        }
        return present(["columns": .list(columns), "ratings": ratings.isEmpty ? nil : .list(ratings), "hasRatings": ratings.isEmpty ? nil : true,
                        "overrides": overrides.isEmpty ? nil : .list(overrides), "hasOverrides": overrides.isEmpty ? nil : true,
                        "findings": findings.isEmpty ? nil : .list(findings)])
    }

    var verdict: TemplateValue {
        switch result.verdict {
        case .eligible: return ["key": "eligible", "text": .string(words.verdict(result))]
        case .ineligible: return ["key": "ineligible", "text": .string(words.verdict(result))]
        case .undetermined: return ["key": "undetermined", "text": .string(words.verdict(result))]
        }
    }

    func gate(_ g: GateResult, explanation worded: String) -> TemplateValue {
        let status: String
        switch g.status {
        case .passed: status = "passed"
        case .failed: status = "failed"
        case .missingData: status = "missing"
        case .unsubstantiated: status = "unsubstantiated"
        }
        let effect: String
        switch g.effect {
        case .ineligible: effect = messages("dossier.effect.ineligible")
        case .capGrade(let band): effect = messages("dossier.effect.cap_grade", ["band": band])
        }
        var explanation = [worded]
        if let problem = g.problem { explanation.append(ExplanationStep.problem(problem).text(messages)) }
        for problem in g.unsubstantiated?.problems ?? [] { explanation.append(problem.text(messages)) }
        return [
            "id": .string(g.id), "title": .string(g.title.text(language)), "clauseRef": .string(g.clause?.ref ?? ""),
            "clauseQuote": .string(g.clause?.quote ?? ""), "status": .string(status), "statusText": .string(words.gateStatus(g)),
            "basis": .string(g.basis.rawValue), "basisText": .string(words.gateBasis(g.basis)),
            "effect": .string(effect), "showEffect": .bool(g.status == .passed || g.status == .missingData),
            "explanation": .texts(explanation),
        ]
    }

    func dimension(_ d: DimensionResult, explanations: [[String]]) -> TemplateValue {
        [
            "id": .string(d.id), "title": .string(d.title.text(language)), "weight": .string(d.weight.formatted(places: 2)),
            "score": .string(d.isApplicable ? d.score.fixed(places: 2) : messages("dossier.not_applicable")),
            "max": .string(d.effectiveWeight.formatted(places: 2)),
            "criteria": .list(zip(d.criteria, explanations).map(criterion)),
        ]
    }

    func criterion(_ c: CriterionResult, explanation: [String]) -> TemplateValue {
        // The plain explanation names each fact it reads with its value; the values stand alone only when no step does.
        let worded = c.explanation.contains { step in
            switch step {
            case .evaluated, .item: return true
            default: return false
            }
        }
        let values = worded ? [] : c.factKeys.map { key in "\(factName(key))\(messages("punct.colon"))\(show(c.environment.value(key), key: key))" }
        var evidenceText = ""
        switch c.evidence {
        case .notRequired: break
        case .missing: evidenceText = messages("dossier.evidence_none")
        case .listed(let refs):
            evidenceText = refs.map { ref in
                "\(ref.id) — \(findingWords.evidenceState(assessment.evidence[ref.id], decision: assessment.decision(ref.id)))"
            }.joined(separator: messages("punct.semicolon"))
        }
        return present([
            "id": .string(c.id), "idHTML": .string(Self.breakableID(c.id)), "title": .string(c.title.text(language)),
            "kind": .string(kind(c.kind)),
            "clauseRef": .string(c.clause?.ref ?? ""), "clauseQuote": .string(c.clause?.quote ?? ""),
            "values": .texts(values),
            "points": .string(c.status == .notApplicable ? "—" : c.points.fixed(places: 2)),
            "max": .string(c.maxPoints.formatted(places: 2)),
            "status": .string(c.status.rawValue), "statusText": .string(words.status(c.status)),
            "explanation": .texts(explanation),
            "evidenceNote": .string(evidenceText),
            "notApplicable": c.notApplicableJustification.map(TemplateValue.string),
        ])
    }

    /// A criterion's kind as the dossier's tables name it (`labels.kind_*`: 条件项, 量化项, 清单项, 评议项).
    func kind(_ kind: String) -> String {
        switch kind {
        case "check": return messages("labels.kind_check")
        case "scale": return messages("labels.kind_scale")
        case "checklist": return messages("labels.kind_checklist")
        case "judged": return messages("labels.kind_judged")
        default: return kind
        }
    }

    /// The entries with a value: an empty or absent text is left out, so a template's section skips it.
    func present(_ entries: KeyValuePairs<String, TemplateValue?>) -> TemplateValue {
        var result = TemplateObject()
        for (key, value) in entries {
            guard let value else { continue }
            if case .string(let text) = value, text.isEmpty { continue }
            result.append(key, value)
        }
        return .object(result)
    }

    /// Texts from optional strings, for `present`.
    func present(_ entries: KeyValuePairs<String, String?>) -> TemplateValue {
        var result = TemplateObject()
        for (key, value) in entries {
            guard let value, !value.isEmpty else { continue }
            result.append(key, .string(value))
        }
        return .object(result)
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

    /// One entry of the evidence index: the item, its state after the checks and the reviewers' decisions.
    struct EvidenceEntry {
        let id: String
        let title: String
        let file: String
        let state: String
        let stateText: String
        let supports: [String]

        var value: TemplateValue {
            ["id": .string(id), "title": .string(title), "file": .string(file), "state": .string(state),
             "stateText": .string(stateText), "supports": .string(supports.joined(separator: ", "))]
        }
    }

    var evidence: [EvidenceEntry] {
        report.evidence.map { item in
            let check = assessment.evidence[item.id]
            let decision = assessment.decision(item.id)
            var state = check?.state ?? .unchecked
            if decision?.accepted == false, state == .verified || state == .unchecked { state = .rejected }
            return EvidenceEntry(id: item.id, title: item.title, file: item.file, state: state.rawValue,
                                 stateText: findingWords.evidenceState(check, decision: decision), supports: item.supports)
        }
    }

    var plain: PlainExplanation { PlainExplanation(dictionary: dictionary, scorecard: scorecard, messages: messages) }

    /// The appendix for auditors: every gate's and criterion's exact formula with the facts substituted, as the JSON's
    /// `explanation` keeps it. The tables above word the same in plain language.
    var formulas: [TemplateValue] {
        var rows: [TemplateValue] = []
        for (g, gate) in result.gates.enumerated() {
            rows.append(["id": .string(gate.id), "idHTML": .string(Self.breakableID(gate.id)), "title": .string(gate.title.text(language)),
                         "lines": .texts([texts.gates[g]])])
        }
        for (d, dimension) in result.dimensions.enumerated() {
            for (c, criterion) in dimension.criteria.enumerated() where !texts.criteria[d][c].isEmpty {
                rows.append(["id": .string(criterion.id), "idHTML": .string(Self.breakableID(criterion.id)),
                             "title": .string(criterion.title.text(language)), "lines": .texts(texts.criteria[d][c])])
            }
        }
        for item in result.support {
            var lines = item.explanation.map { $0.text(messages) }
            for firm in item.firms where item.basis == .perFirm {
                lines += firm.explanation.map { "\(firm.label)\(messages("punct.colon"))\($0.text(messages))" }
            }
            if lines.isEmpty { continue }
            rows.append(["id": .string(item.id), "idHTML": .string(Self.breakableID(item.id)), "title": .string(item.title.text(language)),
                         "lines": .texts(lines)])
        }
        return rows
    }

    func support(_ s: SupportEntitlement) -> TemplateValue {
        let plain = self.plain
        // An amount from park totals for tenants is an upper bound (上限估计); a ceiling ("最高") otherwise says so.
        let prefix = s.isUpperBound ? messages("labels.upper_bound") + " " : (s.isCeiling ? messages("labels.up_to") + " " : "")
        let firms = s.basis == .perFirm ? s.firms : []
        let words = SupportAmountText(messages: messages, fact: plain.factName)
        return [
            "id": .string(s.id), "idHTML": .string(Self.breakableID(s.id)), "title": .string(s.title.text(language)),
            "clauseRef": .string(s.clause?.ref ?? ""),
            "clauseQuote": .string(s.clause?.quote ?? ""),
            "beneficiary": .string(s.beneficiary == .park ? messages("dossier.beneficiary.park") : messages("dossier.beneficiary.tenants")),
            "amount": .string(words.amount(s, prefix: prefix)), "eligible": .bool(s.status == .eligible),
            "upperBound": .bool(s.isUpperBound),
            "explanation": .texts(plain.steps(s.explanation)),
            "hasFirms": .bool(!firms.isEmpty),
            "firms": .list(firms.map { firm in
                [
                    "index": .string(String(firm.index)), "name": .string(firm.name ?? ""),
                    "amount": .string(words.amount(firm, of: s, prefix: s.isCeiling ? messages("labels.up_to") + " " : "")),
                    "eligible": .bool(firm.status == .eligible),
                    "explanation": .texts(plain.steps(firm.explanation)),
                ]
            }),
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
        case .bool(let b): return b ? messages("dossier.value.yes") : messages("dossier.value.no")
        case .text(let s):
            if let label = dictionary[key]?.valueLabels[s] { return label.text(language) }
            return s
        case .date(let d): return d
        case .list(let items):
            if items.isEmpty { return messages("dossier.value.none") }
            if case .record? = items.first { return messages("dossier.value.records", ["count": String(items.count)]) }
            let labels = dictionary[key]?.valueLabels ?? [:]
            return messages.list(items.map { item -> String in
                guard case .text(let s) = item else { return "\(item)" }
                return labels[s]?.text(language) ?? s
            })
        case .record: return messages("dossier.value.record")
        case .unknown: return messages("dossier.value.not_reported")
        case .error(let message): return "(\(message))"
        }
    }
}
