import ParkScore
import ParkYAML

/// Reads a scorecard and checks it: decoding problems and every `ScorecardValidation` rule together.
public enum ScorecardLoader {
    public static func load(_ path: String, dictionary: FactDictionary) -> Loaded<Scorecard> {
        SourceFile.load(path) { decode($0, dictionary: dictionary) }
    }

    public static func decode(_ file: SourceFile, dictionary: FactDictionary) -> Loaded<Scorecard> {
        file.decodeDocument { node, decoder in
            let reader = ScorecardReader(decoder: decoder, dictionary: dictionary)
            guard let scorecard = reader.scorecard(node) else {
                return Loaded(value: nil, diagnostics: decoder.diagnostics.sortedForReport())
            }
            var diagnostics = decoder.diagnostics
            diagnostics += ScorecardValidation.validate(scorecard, dictionary: dictionary)
            return Loaded(value: scorecard, diagnostics: diagnostics.sortedForReport())
        }
    }
}

private struct ScorecardReader {
    let decoder: DocumentDecoder
    let dictionary: FactDictionary

    func scorecard(_ node: Node) -> Scorecard? {
        guard let root = decoder.mapping(node, .root, what: Message("subject.scorecard")) else { return nil }
        let id = root.text("id", required: true)
        let version = root.text("version", required: true)
        let title = root.localized("title", required: true)
        let source = root.mapping("source", required: true).flatMap(sourceText)
        var model = ScoringModel.weightedDimensions
        if let modelNode = root.value("scoring_model", required: true),
           let name = decoder.text(modelNode, .root.appending("scoring_model"), what: Message("subject.key", "scoring_model")) {
            if let m = ScoringModel(rawValue: name) {
                model = m
            } else {
                let names = ScoringModel.allCases.map(\.rawValue)
                let models = names.joined(separator: ", ")
                decoder.error(Suggestion.closest(to: name, in: names).map { Message("scorecard-file.model.unknown.suggested", name, $0, models) }
                                  ?? Message("scorecard-file.model.unknown", name, models),
                              at: modelNode, .root.appending("scoring_model"))
            }
        }
        let grades = list(root, "grades", required: true, gradeBand)
        let derived = list(root, "derived", derivedFact)
        let gates = list(root, "gates", gate)
        let dimensions = list(root, "dimensions", required: true, dimension)
        let incentives = list(root, "incentives", incentive)
        var panelRule = PanelRule.standard
        if let panel = root.mapping("panel") {
            if let node = panel.value("aggregation"), let name = decoder.text(node, panel.path.appending("aggregation"), what: Message("subject.key", "aggregation")) {
                if let rule = PanelRule.Aggregation(rawValue: name) {
                    panelRule.aggregation = rule
                } else {
                    let names = PanelRule.Aggregation.allCases.map(\.rawValue)
                    let rules = names.joined(separator: ", ")
                    decoder.error(Suggestion.closest(to: name, in: names).map { Message("scorecard-file.aggregation.unknown.suggested", name, $0, rules) }
                                      ?? Message("scorecard-file.aggregation.unknown", name, rules),
                                  at: node, panel.path.appending("aggregation"))
                }
            }
            if let spread = panel.integer("disagreement_spread") { panelRule.disagreementSpread = spread }
            panel.finish()
        }
        root.finish(allowing: ["notes"])
        if let id, !isValidID(id) {
            decoder.error(Message("scorecard-file.id.invalid", id), at: root.value("id")!, .root.appending("id"))
        }
        guard let id, let version, let title, let source else { return nil }
        var scorecard = Scorecard(id: id, version: version, title: title, source: source, scoringModel: model, grades: grades,
                                  derived: derived, gates: gates, dimensions: dimensions, incentives: incentives, file: decoder.file,
                                  location: decoder.location(node))
        scorecard.panelRule = panelRule
        return scorecard
    }

    func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// Decodes each item of a list key, skipping the ones that fail.
    func list<T>(_ map: MappingReader, _ key: String, required: Bool = false,
                 _ decode: (MappingReader) -> T?) -> [T] {
        guard let items = map.sequence(key, required: required) else { return [] }
        var result: [T] = []
        for (i, item) in items.enumerated() {
            let path = map.path.appending(key).appending(i)
            guard let m = decoder.mapping(item, path, what: Message("subject.item-of", key)) else { continue }
            if let value = decode(m) { result.append(value) }
        }
        return result
    }

    func sourceText(_ map: MappingReader) -> SourceText? {
        let file = map.text("file", required: true)
        let title = map.text("title", required: true)
        let jurisdiction = map.localized("jurisdiction", required: true)
        let issuer = map.localized("issuer")
        let level = map.text("level")
        map.finish()
        guard let file, let title, let jurisdiction else { return nil }
        return SourceText(file: file, title: title, jurisdiction: jurisdiction, level: level, issuer: issuer)
    }

    func gradeBand(_ map: MappingReader) -> GradeBand? {
        let id = map.text("id", required: true)
        let title = map.localized("title", required: true)
        let min = map.number("min", required: true)
        let max = map.number("max", required: true)
        map.finish()
        guard let id, let title, let min, let max else { return nil }
        return GradeBand(id: id, title: title, min: min, max: max, location: decoder.location(map.node))
    }

    func derivedFact(_ map: MappingReader) -> DerivedFact? {
        let key = map.text("key", required: true)
        let expression = map.expression("expr", required: true)
        let title = map.localized("title")
        let percent = map.bool("percent") ?? false
        map.finish()
        guard let key, let expression else { return nil }
        return DerivedFact(key: key, expression: expression, title: title, isPercent: percent, location: decoder.location(map.node))
    }

    func clause(_ map: MappingReader) -> Clause? {
        guard let m = map.mapping("clause") else { return nil }
        let ref = m.text("ref", required: true)
        let quote = m.text("quote", required: true)
        m.finish()
        guard let ref, let quote else { return nil }
        return Clause(ref: ref, quote: quote, location: decoder.location(m.node))
    }

    func evidence(_ map: MappingReader) -> EvidenceRequirement? {
        guard let node = map.value("evidence") else { return nil }
        return decoder.localized(node, map.path.appending("evidence"), what: Message("subject.key", "evidence")).map {
            EvidenceRequirement(description: $0, location: decoder.location(node))
        }
    }

    func gate(_ map: MappingReader) -> Gate? {
        let id = map.text("id", required: true)
        let title = map.localized("title", required: true)
        let clause = clause(map)
        var basis: Gate.Basis?
        if let node = map.value("basis", required: true), let name = decoder.text(node, map.path.appending("basis"), what: Message("subject.key", "basis")) {
            if let b = Gate.Basis(rawValue: name) {
                basis = b
            } else {
                let names = Gate.Basis.allCases.map(\.rawValue)
                decoder.error(Suggestion.closest(to: name, in: names).map { Message("scorecard-file.basis.unknown.suggested", name, "text", "proposal", $0) }
                                  ?? Message("scorecard-file.basis.unknown", name, "text", "proposal"),
                              at: node, map.path.appending("basis"))
            }
        }
        let condition = map.expression("when", required: true)
        var effect = Gate.Effect.ineligible
        if let node = map.value("on_fail", required: true) {
            let path = map.path.appending("on_fail")
            if node.scalar?.text == "ineligible" {
                effect = .ineligible
            } else if let m = node.mapping != nil ? decoder.mapping(node, path, what: Message("subject.key", "on_fail")) : nil,
                      let band = m.text("cap_grade", required: true) {
                m.finish()
                effect = .capGrade(band)
            } else if node.mapping == nil {
                decoder.error(Message("scorecard-file.on-fail.kind", ["ineligible"], parts: [decoder.written(node)]), at: node, path)
            }
        }
        let evidence = evidence(map)
        let examples = examples(map)
        map.finish()
        guard let id, let title, let basis, let condition else { return nil }
        return Gate(id: id, title: title, clause: clause, basis: basis, condition: condition, effect: effect, evidence: evidence,
                    examples: examples, location: decoder.location(map.node))
    }

    func incentive(_ map: MappingReader) -> Incentive? {
        let id = map.text("id", required: true)
        let title = map.localized("title", required: true)
        let clause = clause(map)
        var beneficiary = Incentive.Beneficiary.park
        if let node = map.value("beneficiary", required: true), let name = decoder.text(node, map.path.appending("beneficiary"), what: Message("subject.key", "beneficiary")) {
            if let b = Incentive.Beneficiary(rawValue: name) {
                beneficiary = b
            } else {
                let names = Incentive.Beneficiary.allCases.map(\.rawValue)
                let quoted = names.map { "'\($0)'" }.joined(separator: ", ")
                decoder.error(Suggestion.closest(to: name, in: names).map { Message("scorecard-file.beneficiary.unknown.suggested", name, quoted, $0) }
                                  ?? Message("scorecard-file.beneficiary.unknown", name, quoted),
                              at: node, map.path.appending("beneficiary"))
            }
        }
        let forEach = map.text("for_each")
        let condition = map.expression("when")
        let base = map.expression("base")
        var rate: Rational?
        var rateUnstated = false
        if let node = map.value("rate") {
            // "一定比例": the text names no rate, and says so.
            if node.scalar?.kind == .string, node.scalar?.text == "unstated" {
                rateUnstated = true
            } else {
                rate = decoder.number(node, map.path.appending("rate"), what: Message("subject.rate", "rate", "unstated"))
            }
        }
        let cap = map.expression("cap", required: true)
        let yearsLeft = map.expression("years_left")
        var parkTotals: Incentive.Terms?
        if let totals = map.mapping("park_totals") {
            let when = totals.expression("when")
            let totalsBase = totals.expression("base")
            let totalsCap = totals.expression("cap", required: true)
            totals.finish()
            if let totalsCap { parkTotals = Incentive.Terms(condition: when, base: totalsBase, cap: totalsCap) }
        }
        var period = Incentive.Period.once
        if let node = map.value("period", required: true), let name = decoder.text(node, map.path.appending("period"), what: Message("subject.key", "period")) {
            if let p = Incentive.Period(rawValue: name) {
                period = p
            } else {
                decoder.error(Message("scorecard-file.period.unknown", name, "once", "year"), at: node, map.path.appending("period"))
            }
        }
        let years = map.integer("years") ?? 1
        let requiresAccreditation = map.bool("requires_accreditation") ?? false
        let examples = incentiveExamples(map)
        map.finish()
        guard let id, let title, let cap else { return nil }
        return Incentive(id: id, title: title, clause: clause, beneficiary: beneficiary, condition: condition, base: base,
                         rate: rate, cap: cap, period: period, years: years, forEach: forEach, yearsLeft: yearsLeft,
                         rateUnstated: rateUnstated, parkTotals: parkTotals, requiresAccreditation: requiresAccreditation, examples: examples,
                         location: decoder.location(map.node))
    }

    func dimension(_ map: MappingReader) -> Dimension? {
        let id = map.text("id", required: true)
        let title = map.localized("title", required: true)
        let weight = map.number("weight", required: true)
        let criteria = list(map, "criteria", required: true, criterion)
        map.finish()
        guard let id, let title, let weight else { return nil }
        return Dimension(id: id, title: title, weight: weight, criteria: criteria, location: decoder.location(map.node))
    }

    static let kinds = ["check", "scale", "checklist", "judged"]

    func criterion(_ map: MappingReader) -> Criterion? {
        let id = map.text("id", required: true)
        let title = map.localized("title", required: true)
        let clause = clause(map)
        let allowsNA = map.bool("allow_na") ?? false
        let evidence = evidence(map)
        let guidance = map.localized("guidance")
        let examples = examples(map)
        var effort: Improvement.Effort?
        if let node = map.value("effort"), let name = decoder.text(node, map.path.appending("effort"), what: Message("subject.key", "effort")) {
            switch name {
            case "change": effort = .change
            case "recognition": effort = .recognition
            default:
                decoder.error(Message("scorecard-file.effort.unknown", name, "change", "recognition"), at: node, map.path.appending("effort"))
            }
        }
        var kind: Criterion.Kind?
        if let kindNode = map.value("kind", required: true), let name = decoder.text(kindNode, map.path.appending("kind"), what: Message("subject.key", "kind")) {
            switch name {
            case "check":
                let condition = map.expression("when", required: true)
                let points = map.number("points", required: true)
                if let condition, let points { kind = .check(Check(condition: condition, points: points)) }
            case "scale":
                kind = scale(map)
            case "checklist":
                kind = checklist(map)
            case "judged":
                kind = judged(map)
            default:
                let kinds = Self.kinds.joined(separator: ", ")
                decoder.error(Suggestion.closest(to: name, in: Self.kinds).map { Message("scorecard-file.kind.unknown.suggested", name, $0, kinds) }
                                  ?? Message("scorecard-file.kind.unknown", name, kinds),
                              at: kindNode, map.path.appending("kind"))
            }
        }
        map.finish()
        guard let id, let title, let kind else { return nil }
        return Criterion(id: id, title: title, clause: clause, kind: kind, allowsNotApplicable: allowsNA, evidence: evidence,
                         guidance: guidance, examples: examples, location: decoder.location(map.node), effort: effort)
    }

    func scale(_ map: MappingReader) -> Criterion.Kind? {
        let value = map.expression("value", required: true)
        let percent = map.bool("percent") ?? false
        var mapping: Scale.Mapping?
        if let bandNodes = map.sequence("bands") {
            var bands: [Scale.Band] = []
            for (i, node) in bandNodes.enumerated() {
                guard let b = decoder.mapping(node, map.path.appending("bands").appending(i), what: Message("subject.band")) else { continue }
                let min = b.number("min", required: true)
                let points = b.number("points", required: true)
                b.finish()
                if let min, let points { bands.append(Scale.Band(min: min, points: points, location: decoder.location(node))) }
            }
            mapping = .bands(bands)
        }
        if let linear = map.mapping("linear") {
            let from = linear.number("from", required: true)
            let to = linear.number("to", required: true)
            linear.finish()
            let points = map.number("points", required: true)
            if mapping != nil {
                decoder.error(Message("scorecard-file.scale.both"), at: linear.node, linear.path)
            } else if let from, let to, let points {
                mapping = .linear(from: from, to: to, points: points)
            }
        } else if mapping == nil {
            decoder.error(Message("scorecard-file.scale.none"), at: map.node, map.path)
        }
        guard let value, let mapping else { return nil }
        return .scale(Scale(value: value, mapping: mapping, isPercent: percent))
    }

    func checklist(_ map: MappingReader) -> Criterion.Kind? {
        let cap = map.number("cap")
        let items = list(map, "items", required: true) { m -> Checklist.Item? in
            let id = m.text("id", required: true)
            let title = m.localized("title", required: true)
            let condition = m.expression("when", required: true)
            let points = m.number("points", required: true)
            m.finish()
            guard let id, let title, let condition, let points else { return nil }
            return Checklist.Item(id: id, title: title, condition: condition, points: points, location: decoder.location(m.node))
        }
        return .checklist(Checklist(items: items, cap: cap))
    }

    func judged(_ map: MappingReader) -> Criterion.Kind? {
        let levels = list(map, "levels", required: true) { m -> Judged.Level? in
            let level = m.integer("level", required: true)
            let points = m.number("points", required: true)
            let descriptor = m.localized("descriptor", required: true)
            m.finish()
            guard let level, let points, let descriptor else { return nil }
            return Judged.Level(level: level, points: points, descriptor: descriptor, location: decoder.location(m.node))
        }
        return .judged(Judged(levels: levels))
    }

    /// An incentive's examples: facts (a table of firms, say), and the status, total and per-firm amounts they give.
    func incentiveExamples(_ map: MappingReader) -> [ScorecardExample] {
        list(map, "examples") { m -> ScorecardExample? in
            var facts: [String: Value] = [:]
            if let factsNode = m.value("facts") {
                facts = FactValueDecoder(dictionary: dictionary, decoder: decoder).facts(factsNode, m.path.appending("facts")).mapValues(\.value)
            }
            let statuses = ["eligible", "not-eligible", "missing-data"]
            let status = m.text("expect")
            if let status, !statuses.contains(status) {
                decoder.error(Message("scorecard-file.example.support-status", status, statuses.joined(separator: ", ")),
                              at: m.value("expect")!, m.path.appending("expect"))
            }
            let total = m.number("total")
            var firms: [Rational?]?
            if let items = m.sequence("firms") {
                firms = items.enumerated().map { i, item in
                    item.scalar?.isNull == true ? nil : decoder.number(item, m.path.appending("firms").appending(i), what: Message("subject.firm-amount"))
                }
            }
            let note = m.text("note")
            m.finish()
            if status == nil && total == nil && firms == nil {
                decoder.error(Message("scorecard-file.example.nothing"), at: m.node, m.path)
                return nil
            }
            return ScorecardExample(facts: facts, expectedStatus: status, expectedPoints: nil, expectedTotal: total, expectedFirms: firms,
                                    note: note, location: decoder.location(m.node))
        }
    }

    func examples(_ map: MappingReader) -> [ScorecardExample] {
        list(map, "examples") { m -> ScorecardExample? in
            var facts: [String: Value] = [:]
            if let factsNode = m.value("facts") {
                let entries = FactValueDecoder(dictionary: dictionary, decoder: decoder).facts(factsNode, m.path.appending("facts"))
                facts = entries.mapValues(\.value)
            }
            let rating = m.integer("rating")
            let status = m.text("expect")
            if let status, !CriterionStatus.allCases.map(\.rawValue).contains(status) && !["passed", "failed"].contains(status) {
                decoder.error(Message("scorecard-file.example.status", status), at: m.value("expect")!, m.path.appending("expect"))
            }
            let points = m.number("points")
            let note = m.text("note")
            m.finish()
            return ScorecardExample(facts: facts, rating: rating, expectedStatus: status, expectedPoints: points, note: note,
                                    location: decoder.location(m.node))
        }
    }
}
