import ParkScore

/// A blank self-report for one scorecard, for a park to fill in (`parkscore template`): every fact the
/// scorecard reads, commented in Chinese with its meaning, type, unit, allowed values and the gates,
/// criteria and incentives that use it; the judged criteria with their rubric; the criteria that may be
/// claimed N/A; and the evidence asked for. Blank values are read as "not given" (missing data).
public struct SelfReportTemplate {
    public let scorecard: Scorecard
    public let dictionary: FactDictionary

    public init(scorecard: Scorecard, dictionary: FactDictionary) {
        self.scorecard = scorecard
        self.dictionary = dictionary
    }

    public func render() -> String {
        var out: [String] = []
        out.append("# 园区自评报告 — \(scorecard.title.zh)（\(scorecard.id) \(scorecard.version)）")
        out.append("# 依据：\(scorecard.source.file)《\(scorecard.source.title)》")
        out.append("# 填写说明：不掌握的数据请留空，留空视为“缺少数据”，不会按 0 计分；是/否填 true 或 false；")
        out.append("# 百分比写作 42%；金额以元为单位（可到分，如 1250.50）；日期写作 2025-12-31；列表写作 [a, b]。")
        out.append("# 填好后可用 `parkscore validate <本文件>` 检查，用 `parkscore score <本文件>` 自评。")
        out.append("park:")
        out.append("  id:            # 园区编号（可选，如 beijing-xinghe）")
        out.append("  name:          # 园区名称（必填）")
        out.append("  name_en:       # 英文名称（可选）")
        out.append("  jurisdiction:  # 所在行政区，如 北京市朝阳区")
        out.append("  operator:      # 园区运营管理机构名称")
        out.append("period:          # 报告期")
        out.append("  from: 2025-01-01")
        out.append("  to: 2025-12-31")
        out.append("report_date:     # 填报日期，如 2026-01-20")
        out.append("applies_to: [\(scorecard.id)]")
        out.append("")
        out.append("facts:")
        let users = factUsers()
        for key in factKeys() {
            guard let definition = dictionary[key] else { continue }
            out.append("  # \(definition.description.zh)")
            out.append("  # \(describe(definition))；用于：\(users[key, default: []].joined(separator: "、"))")
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
                out.append("    ratings:       # 评议项自评等级（暂定，以评审为准）；留空即未自评")
                for criterion in judged {
                    guard case .judged(let rubric) = criterion.kind else { continue }
                    out.append("      # \(criterion.id) \(criterion.title.zh)［\(clause(criterion.clause))］")
                    for level in rubric.levels.sorted(by: { $0.level < $1.level }) {
                        out.append("      #   \(level.level)（\(level.points.formatted(places: 2)) 分）：\(level.descriptor.zh)")
                    }
                    out.append("      \(criterion.id):")
                }
            }
            if !optional.isEmpty {
                out.append("    not_applicable:  # 确不适用的评分项：去掉行首的 # 并写明理由")
                for criterion in optional {
                    out.append("      # \(criterion.id) \(criterion.title.zh)\(criterion.guidance.map { "：" + $0.zh } ?? "")")
                    out.append("      # \(criterion.id): 理由")
                }
            }
            out.append("")
        }

        out.append("evidence: []    # 证明材料：文件放在本文件所在的申报材料文件夹内，sha256 可用 `sha256sum 文件` 计算")
        let asked = evidenceAsked()
        if !asked.isEmpty {
            out.append("# 需要的证明材料：")
            for (id, text) in asked { out.append("#   \(id)：\(text)") }
        }
        out.append("# 每份材料写作（去掉 [] 后按此格式逐项列出）：")
        out.append("#   - id: licence")
        out.append("#     title: 园区管理机构营业执照")
        out.append("#     file: evidence/licence.pdf")
        out.append("#     sha256: 64位十六进制")
        out.append("#     supports: [management.independent_legal_person]   # 所证明的数据项或评分项")
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
        var lines = ["  # 每家企业一行，写在下一行的位置（去掉 # 后照例逐行列出）；不掌握的字段不写，视为缺少数据，该企业金额待定："]
        for field in schema.fields {
            let what = describe(FactDefinition(key: field.name, type: field.type, unit: field.unit, maximum: field.maximum,
                                               description: field.description, valueLabels: field.valueLabels))
            lines.append("  #   \(field.name)：\(field.description.zh)；\(what)")
        }
        return lines
    }

    /// An example record: the first few fields with plausible values.
    func recordExample(_ schema: RecordSchema) -> String {
        schema.fields.prefix(4).map { field -> String in
            switch field.type {
            case .text: return "\(field.name): 某某文化传媒有限公司"
            case .date: return "\(field.name): 2024-03-01"
            case .boolean: return "\(field.name): true"
            case .money: return "\(field.name): 800000"
            case .enumeration(let values): return "\(field.name): \(values.first ?? "")"
            default: return "\(field.name): 1"
            }
        }.joined(separator: ", ")
    }

    func evidenceAsked() -> [(String, String)] {
        scorecard.gates.compactMap { g in g.evidence.map { (g.id, $0.description.zh) } }
            + scorecard.criteria.compactMap { c in c.evidence.map { (c.id, $0.description.zh) } }
    }

    func describe(_ d: FactDefinition) -> String {
        var parts: [String] = []
        switch d.type {
        case .boolean: parts.append("是/否（true 或 false）")
        case .integer: parts.append("整数")
        case .number: parts.append("数值")
        case .percent: parts.append("百分比（如 42%）")
        case .money: parts.append("金额（元）")
        case .date: parts.append("日期（如 2025-12-31）")
        case .text: parts.append("文字")
        case .enumeration(let values): parts.append("单选：" + labelled(values, d))
        case .list(let values):
            parts.append(values.map { "列表，可选：" + labelled($0, d) } ?? "列表")
        case .records(let schema):
            parts.append("逐条填报的记录表（每条一行，最多 \(schema.maxRecords) 条）")
        }
        if let unit = d.unit { parts.append("单位：\(unit)") }
        let percent: Bool
        if case .percent = d.type { percent = true } else { percent = false }
        func show(_ r: Rational) -> String { percent ? r.shown(percent: true) : r.formatted() }
        if let min = d.effectiveMinimum, let max = d.effectiveMaximum {
            parts.append("范围：\(show(min))–\(show(max))")
        } else if let min = d.effectiveMinimum {
            parts.append("不小于 \(show(min))")
        } else if let max = d.effectiveMaximum {
            parts.append("不大于 \(show(max))")
        }
        if let whole = d.atMost { parts.append("不超过 \(whole)") }
        return parts.joined(separator: "，")
    }

    func labelled(_ values: [String], _ d: FactDefinition) -> String {
        values.map { v in d.valueLabels[v].map { "\(v)（\($0.zh)）" } ?? v }.joined(separator: "、")
    }

    func clause(_ clause: Clause?) -> String {
        guard let clause else { return "—" }
        return "\(clause.ref)：\(clause.quote)"
    }
}
