import ParkScore

/// A blank self-report for one scorecard, for a park to fill in (`parkscore template`): every fact the
/// scorecard reads, commented in the chosen language (Chinese by default) with its meaning, type, unit, allowed values and the gates,
/// criteria and incentives that use it; the judged criteria with their rubric; the criteria that may be
/// claimed N/A; and the evidence asked for. Blank values are read as "not given" (missing data).
public struct SelfReportTemplate {
    public let scorecard: Scorecard
    public let dictionary: FactDictionary
    /// The comments' wording; the keys and the example values are the same in every language.
    public let messages: Messages
    var language: LocalizedText.Language { messages.language }

    public init(scorecard: Scorecard, dictionary: FactDictionary, messages: Messages) {
        self.scorecard = scorecard
        self.dictionary = dictionary
        self.messages = messages
    }

    public func render() -> String {
        var out: [String] = []
        out.append("# " + messages("template.title", ["title": scorecard.title.text(language), "id": scorecard.id, "version": scorecard.version]))
        out.append("# " + messages("template.source", ["file": scorecard.source.file, "title": scorecard.source.title]))
        out.append("# " + messages("template.instructions_1"))
        out.append("# " + messages("template.instructions_2"))
        out.append("# " + messages("template.instructions_3", ["validate": "parkscore validate", "score": "parkscore score"]))
        out.append("park:")
        out.append("  id:            # " + messages("template.park.id", ["example": "beijing-xinghe"]))
        out.append("  name:          # " + messages("template.park.name"))
        out.append("  name_en:       # " + messages("template.park.name_en"))
        out.append("  jurisdiction:  # " + messages("template.park.jurisdiction"))
        out.append("  operator:      # " + messages("template.park.operator"))
        out.append("period:          # " + messages("template.period"))
        out.append("  from: 2025-01-01")
        out.append("  to: 2025-12-31")
        out.append("report_date:     # " + messages("template.report_date"))
        out.append("applies_to: [\(scorecard.id)]")
        out.append("")
        out.append("facts:")
        let users = factUsers()
        for key in factKeys() {
            guard let definition = dictionary[key] else { continue }
            out.append("  # \(definition.description.text(language))")
            out.append("  # " + messages("template.fact_line", ["what": describe(definition), "users": messages.list(users[key, default: []])]))
            if case .records(let schema) = definition.type {
                out += recordLines(schema)
                out.append("  \(key):")
                out.append("    # - {\(recordExample(schema))}")
            } else {
                out.append("  \(key):")
            }
        }
        out.append("")

        let judged = scorecard.criteria.filter { if case .judged = $0.kind { return true } else { return false } }
        let optional = scorecard.criteria.filter(\.allowsNotApplicable)
        if !judged.isEmpty || !optional.isEmpty {
            out.append("self_assessment:")
            out.append("  \(scorecard.id):")
            if !judged.isEmpty {
                out.append("    ratings:       # " + messages("template.ratings"))
                for criterion in judged {
                    guard case .judged(let rubric) = criterion.kind else { continue }
                    out.append("      # " + messages("template.judged", ["id": criterion.id, "title": criterion.title.text(language),
                                                                     "clause": clause(criterion.clause)]))
                    for level in rubric.levels.sorted(by: { $0.level < $1.level }) {
                        out.append("      #   " + messages("template.level", ["level": String(level.level), "points": level.points.formatted(places: 2),
                                                                           "descriptor": level.descriptor.text(language)]))
                    }
                    out.append("      \(criterion.id):")
                }
            }
            if !optional.isEmpty {
                out.append("    not_applicable:  # " + messages("template.not_applicable"))
                for criterion in optional {
                    let title = criterion.title.text(language)
                    out.append("      # " + (criterion.guidance.map {
                        messages("template.optional_with_guidance", ["id": criterion.id, "title": title, "guidance": $0.text(language)])
                    } ?? messages("template.optional", ["id": criterion.id, "title": title])))
                    out.append("      # \(criterion.id): " + messages("template.reason"))
                }
            }
            out.append("")
        }

        out.append("evidence: []    # " + messages("template.evidence", ["sha256sum": "sha256sum"]))
        let asked = evidenceAsked()
        if !asked.isEmpty {
            out.append("# " + messages("template.evidence_asked"))
            for (id, text) in asked { out.append("#   " + messages("template.evidence_item", ["id": id, "text": text])) }
        }
        out.append("# " + messages("template.evidence_form"))
        out.append("#   - id: licence")
        out.append("#     title: " + messages("template.evidence_example_title"))
        out.append("#     file: evidence/licence.pdf")
        out.append("#     sha256: " + messages("template.evidence_example_sha256"))
        out.append("#     supports: [management.independent_legal_person]   # " + messages("template.evidence_supports"))
        return out.joined(separator: "\n") + "\n"
    }

    /// The dictionary facts the scorecard reads, in the dictionary's order.
    func factKeys() -> [String] {
        let used = Set(scorecard.factKeys)
        return dictionary.keys.filter { used.contains($0) }
    }

    /// Which gates, criteria and incentives read each fact (through derived facts too).
    func factUsers() -> [String: [String]] {
        var derivedFacts: [String: [String]] = [:]
        for fact in scorecard.derived {
            derivedFacts[fact.key] = fact.expression.factReferences.flatMap { derivedFacts[$0.path] ?? [$0.path] }
        }
        var users: [String: [String]] = [:]
        func add(_ id: String, _ keys: [String]) {
            var seen = Set<String>()
            for path in keys {
                for key in derivedFacts[path] ?? [path] where seen.insert(key).inserted {
                    users[key, default: []].append(id)
                }
            }
        }
        func references(_ expressions: [Expression]) -> [String] { expressions.flatMap { $0.factReferences.map(\.path) } }
        for gate in scorecard.gates { add(gate.id, references([gate.condition])) }
        for criterion in scorecard.criteria { add(criterion.id, references(criterion.expressions)) }
        for incentive in scorecard.incentives { add(incentive.id, incentive.factKeys) }
        return users
    }

    /// A table's fields, one comment line each: each record is one line of the list under the key.
    func recordLines(_ schema: RecordSchema) -> [String] {
        var lines = ["  # " + messages("template.records")]
        for field in schema.fields {
            let what = describe(FactDefinition(key: field.name, type: field.type, unit: field.unit, maximum: field.maximum,
                                               description: field.description, valueLabels: field.valueLabels))
            lines.append("  #   " + messages("template.record_field", ["name": field.name, "description": field.description.text(language), "what": what]))
        }
        return lines
    }

    /// An example record: the first few fields with plausible values.
    func recordExample(_ schema: RecordSchema) -> String {
        schema.fields.prefix(4).map { field -> String in
            switch field.type {
            case .text: return "\(field.name): " + messages("template.example_firm")
            case .date: return "\(field.name): 2024-03-01"
            case .boolean: return "\(field.name): true"
            case .money: return "\(field.name): 800000"
            case .enumeration(let values): return "\(field.name): \(values.first ?? "")"
            default: return "\(field.name): 1"
            }
        }.joined(separator: ", ")
    }

    func evidenceAsked() -> [(String, String)] {
        scorecard.gates.compactMap { g in g.evidence.map { (g.id, $0.description.text(language)) } }
            + scorecard.criteria.compactMap { c in c.evidence.map { (c.id, $0.description.text(language)) } }
    }

    func describe(_ d: FactDefinition) -> String {
        var parts: [String] = []
        switch d.type {
        case .boolean: parts.append(messages("template.type.boolean"))
        case .integer: parts.append(messages("template.type.integer"))
        case .number: parts.append(messages("template.type.number"))
        case .percent: parts.append(messages("template.type.percent"))
        case .money: parts.append(messages("template.type.money"))
        case .date: parts.append(messages("template.type.date"))
        case .text: parts.append(messages("template.type.text"))
        case .enumeration(let values): parts.append(messages("template.type.enumeration", ["values": labelled(values, d)]))
        case .list(let values):
            parts.append(values.map { messages("template.type.list_of", ["values": labelled($0, d)]) } ?? messages("template.type.list"))
        case .records(let schema):
            parts.append(messages("template.type.records", ["max": String(schema.maxRecords)]))
        }
        if let unit = d.unit { parts.append(messages("template.unit", ["unit": unit])) }
        let percent: Bool
        if case .percent = d.type { percent = true } else { percent = false }
        func show(_ r: Rational) -> String { percent ? r.shown(percent: true) : r.formatted() }
        if let min = d.effectiveMinimum, let max = d.effectiveMaximum {
            parts.append(messages("template.range", ["min": show(min), "max": show(max)]))
        } else if let min = d.effectiveMinimum {
            parts.append(messages("template.at_least", ["min": show(min)]))
        } else if let max = d.effectiveMaximum {
            parts.append(messages("template.at_most", ["max": show(max)]))
        }
        if let whole = d.atMost { parts.append(messages("template.at_most_count", ["max": String(whole)])) }
        return parts.joined(separator: messages("punct.comma"))
    }

    func labelled(_ values: [String], _ d: FactDefinition) -> String {
        messages.list(values.map { v in d.valueLabels[v].map { messages("template.value_label", ["value": v, "label": $0.text(language)]) } ?? v })
    }

    func clause(_ clause: Clause?) -> String {
        guard let clause else { return "—" }
        return messages("template.clause", ["ref": clause.ref, "quote": clause.quote])
    }
}
