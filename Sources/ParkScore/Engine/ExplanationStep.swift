/// One step of how a criterion's points came about. The engine records steps as values; they are put
/// into words, in Chinese or English, only when shown.
public enum ExplanationStep: Sendable, Hashable {
    /// An expression with the values substituted: `19 / 45 = 0.422 ≥ 40% ✓`.
    case evaluated(ExpressionTrace)
    /// A checklist item: present (true), absent (false) or unknown (nil), with its evaluation.
    case item(id: String, present: Bool?, trace: ExpressionTrace)
    /// The band a scale's value reached: `7 ≥ 5 → 3`.
    case band(value: Rational, min: Rational, points: Rational, percent: Bool)
    /// A scale's value below its lowest band: `4 < 5 → 0`.
    case belowBands(value: Rational, lowest: Rational, percent: Bool)
    /// A linear scale: `5 × (35% − 20%) / (60% − 20%) = 1.88`.
    case linear(points: Rational, value: Rational, from: Rational, to: Rational, result: Rational, clamped: Bool, percent: Bool)
    /// A checklist's points added up, and capped: `2 + 2 + 2 = 6 > 5 → 5`.
    case sum(items: [Rational], total: Rational, cap: Rational?)
    /// An incentive's amount: `min(120000 × 50%, 1000000) = 60000`, a ceiling, or a total over years.
    case amount(base: Rational?, rate: Rational?, cap: Rational, perPeriod: Rational, periods: Int, total: Rational)
    /// A per-firm measure summed: how many firms the table has, how many qualify, how many are undetermined for
    /// missing data, and what the determined ones come to.
    case perFirm(table: String, firms: Int, eligible: Int, undetermined: Int, total: Rational)
    /// The amount comes from park totals (no table given, or a measure written on totals): an upper bound.
    case fromParkTotals(table: String?)
    /// The text names no rate ("一定比例"): the amount is the base up to the cap, an upper bound.
    case rateUnstated
    /// A firm's years of support left, worked out: `剩余年数：3 − 2 = 1`.
    case yearsLeft(ExpressionTrace)
    /// A firm's years of support are over.
    case noYearsLeft(years: Int)
    /// A measure granted for being in an accredited park (「入驻经认定的…」), and the park's verdict it follows.
    case accreditation(ScoreResult.Verdict)
    /// The park's own rating of a judged criterion.
    case selfRated(level: Int, points: Rational)
    /// The rating an evaluation settled on.
    case rated(level: Rational, points: Rational)
    /// In evaluation, the park's own rating, shown beside the panel's and not counted.
    case selfRatingForReference(level: Int)
    /// A judged criterion nobody has rated yet.
    case notRated(mode: ScoringMode)
    /// A rating on a level the rubric does not have.
    case levelNotInRubric(Int)
    /// The criterion was claimed not applicable, with this justification.
    case notApplicable(String)
    /// An N/A claim that does not count: the criterion does not allow it, or no justification was given.
    case notApplicableRefused(allowed: Bool)
    /// In evaluation, the claim's evidence does not hold (rejected, missing, failing its hash, or none listed): it earns nothing.
    case evidenceNotAccepted(Unsubstantiated)
    /// The chair's resolution of a judged criterion, replacing the panel's aggregate.
    case resolved(level: Int, aggregate: Rational?, points: Rational, chair: String, reason: String)
    /// A problem evaluating the criterion (division by zero, a wrong type).
    case problem(Message)
    /// An evaluator set the points: from what to what, who, and why.
    case overridden(old: Rational, new: Rational, reviewer: String, reason: String)

    public func text(_ language: LocalizedText.Language) -> String {
        let zh = language == .zh
        switch self {
        case .evaluated(let trace): return trace.text
        case .item(let id, let present, let trace):
            let mark = present == true ? "✓" : (present == false ? "✗" : "?")
            return "\(mark) \(id): \(trace.text)"
        case .band(let value, let min, let points, let percent):
            return "\(value.shown(percent: percent)) ≥ \(min.shown(percent: percent)) → \(points.formatted(places: 2))"
        case .belowBands(let value, let lowest, let percent):
            return "\(value.shown(percent: percent)) < \(lowest.shown(percent: percent)) → 0"
        case .linear(let points, let value, let from, let to, let result, let clamped, let percent):
            let clampNote = clamped ? (zh ? "（限定在 0…1）" : " (clamped to 0…1)") : ""
            return "\(points.formatted(places: 2)) × (\(value.shown(percent: percent)) − \(from.shown(percent: percent))) / "
                + "(\(to.shown(percent: percent)) − \(from.shown(percent: percent)))\(clampNote) = \(result.formatted(places: 2))"
        case .sum(let items, let total, let cap):
            let summed = items.isEmpty ? "0" : items.map { $0.formatted(places: 2) }.joined(separator: " + ")
            if let cap, cap < total {
                return "\(summed) = \(total.formatted(places: 2)) > \(cap.formatted(places: 2)) → \(cap.formatted(places: 2))"
            }
            return items.count > 1 ? "\(summed) = \(total.formatted(places: 2))" : "→ \(summed)"
        case .amount(let base, let rate, let cap, let perPeriod, let periods, let total):
            var text: String
            if let base {
                let product = rate.map { "\(base.yuan) × \($0.shown(percent: true))" } ?? base.yuan
                text = "min(\(product), \(cap.yuan)) = \(perPeriod.yuan)"
            } else {
                text = zh ? "最高 \(cap.yuan)" : "up to \(cap.yuan)"
            }
            if periods > 1 {
                text += zh ? " × \(periods) 年 = \(total.yuan)" : " × \(periods) years = \(total.yuan)"
            }
            return text
        case .perFirm(let table, let firms, let eligible, let undetermined, let total):
            var text = zh ? "逐家测算（\(table)，共 \(firms) 家）：\(eligible) 家符合条件，合计 \(total.yuan)"
                          : "firm by firm (\(table), \(firms) firms): \(eligible) qualify, \(total.yuan) together"
            if undetermined > 0 {
                text += zh ? "；另有 \(undetermined) 家缺少数据，金额待定" : "; \(undetermined) more lack data, their amounts undetermined"
            }
            return text
        case .fromParkTotals(let table):
            let why = table.map { zh ? "未逐家填报 \($0)，" : "no per-firm table '\($0)': " } ?? ""
            return zh ? "\(why)按园区合计测算，每家企业的上限与年限无法逐家适用，为上限估计"
                      : "\(why)computed from park totals, where per-firm caps and years cannot be applied: an upper bound"
        case .rateUnstated:
            return zh ? "文件未规定比例（“一定比例”）：所示为不超过实际金额的上限" : "the text names no rate (\"一定比例\"): the amount shown is an upper bound, never above the actual amount"
        case .yearsLeft(let trace):
            return zh ? "剩余年数：\(trace.text)" : "years left: \(trace.text)"
        case .noYearsLeft(let years):
            return zh ? "\(years) 年支持期已满" : "its \(years) years of support are over"
        case .accreditation(let verdict):
            switch verdict {
            case .eligible:
                return zh ? "本项以园区获认定为前提：园区通过本评分表的门槛条件（符合基本条件），按经认定园区测算，最终以主管部门认定为准"
                          : "this measure is for firms in an accredited park: the park passes this scorecard's gates, so it is computed as accredited (the bureau's own accreditation decides)"
            case .ineligible:
                return zh ? "园区未获认定（未通过门槛条件，不予认定），本项不适用" : "the park is not accredited (a gate failed): this measure does not apply"
            case .undetermined:
                return zh ? "园区能否获认定尚未确定（门槛条件待定），本项待定" : "whether the park is accredited is undetermined (a gate is open): so is this measure"
            }
        case .selfRated(let level, let points):
            return zh ? "自评等级 \(level) → \(points.formatted(places: 2))（暂定）"
                      : "self-rated level \(level) → \(points.formatted(places: 2)) (provisional)"
        case .rated(let level, let points):
            return zh ? "评审等级 \(level.formatted(places: 2)) → \(points.formatted(places: 2))"
                      : "rated level \(level.formatted(places: 2)) → \(points.formatted(places: 2))"
        case .selfRatingForReference(let level):
            return zh ? "园区自评等级 \(level)（仅供对照，不计分）" : "the park self-rated level \(level) (shown, not counted)"
        case .notRated(let mode):
            switch mode {
            case .selfAssessment: return zh ? "尚未自评" : "not self-rated"
            case .evaluation: return zh ? "评审专家尚未评议" : "not yet rated by the panel"
            }
        case .levelNotInRubric(let level):
            return zh ? "等级 \(level) 不在评议标准中 → 0" : "level \(level) is not in the rubric → 0"
        case .notApplicable(let justification):
            return zh ? "不适用：\(justification)" : "not applicable: \(justification)"
        case .notApplicableRefused(let allowed):
            if allowed { return zh ? "不适用申报无效：未说明理由" : "N/A claim refused: no justification" }
            return zh ? "不适用申报无效：该项不允许申报不适用" : "N/A claim refused: the criterion does not allow it"
        case .evidenceNotAccepted(let reason):
            let problems = reason.problems.map { $0.text(language) }.joined(separator: zh ? "；" : "; ")
            return zh ? "证明材料不足以支持该项（\(problems)）→ 0" : "the evidence does not hold (\(problems)) → 0"
        case .resolved(let level, let aggregate, let points, let chair, let reason):
            let was = aggregate.map { zh ? "评审组平均等级 \($0.formatted(places: 2))，" : "the panel's aggregate \($0.formatted(places: 2)); " } ?? ""
            return zh ? "\(was)经组长合议（\(chair)）确定为等级 \(level) → \(points.formatted(places: 2))，理由：\(reason)"
                      : "\(was)settled by the chair \(chair) at level \(level) → \(points.formatted(places: 2)), because \(reason)"
        case .problem(let message):
            let words = message.code == Message.legacyCode ? message.arguments.joined() : message.description
            return zh ? "无法计算：\(words)" : "cannot evaluate: \(words)"
        case .overridden(let old, let new, let reviewer, let reason):
            return zh ? "评审调整（\(reviewer)）：\(old.formatted(places: 2)) → \(new.formatted(places: 2))，理由：\(reason)"
                      : "overridden by \(reviewer): \(old.formatted(places: 2)) → \(new.formatted(places: 2)), because \(reason)"
        }
    }
}

extension EvidenceProblem {
    /// The problem in a sentence: the evidence's title and id, and what is wrong with it.
    public func text(_ language: LocalizedText.Language) -> String {
        let zh = language == .zh
        let name = evidenceID.map { id in title.map { zh ? "「\($0)」(\(id))" : "'\($0)' (\(id))" } ?? id } ?? ""
        switch kind {
        case .rejected(let by, let reason):
            let who = by.isEmpty ? "" : (zh ? "\(by)" : " by \(by)")
            return zh ? "\(name)经\(who)审核未采信：\(reason)" : "\(name) rejected\(who): \(reason)"
        case .fileMissing: return zh ? "\(name)文件缺失" : "\(name): the file is missing"
        case .hashMismatch: return zh ? "\(name)文件与登记的 sha256 不符" : "\(name): the file does not match its sha256"
        case .outsideFolder: return zh ? "\(name)文件不在申报文件夹内" : "\(name): the file is outside the application folder"
        case .notAFile: return zh ? "\(name)不是文件（是文件夹或设备）" : "\(name): not a file (a folder or a device)"
        case .tooLarge: return zh ? "\(name)文件超过大小限制" : "\(name): the file is larger than the size limit"
        case .unverified: return zh ? "\(name)未登记 sha256，且未经评审采信" : "\(name): no sha256 recorded and no reviewer accepted it"
        case .noneListed(let required):
            let what = required.map { zh ? "：\($0.text(language))" : ": \($0.text(language))" } ?? ""
            return zh ? "未提供所需证明材料\(what)" : "no evidence listed where it is required\(what)"
        }
    }
}
