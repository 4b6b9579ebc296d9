import ParkScore

/// Explanations in plain language: a trace worded with the fact dictionary's titles, values and units, comparisons
/// in words, enum and list values by their labels, and the verdict at the end —
/// 「广告及关联单位 19 家，占入驻单位总数 45 家的约 42.2%，不低于 40%，或不少于 20 家：通过」.
///
/// The exact formula (`ExpressionTrace.text`) stays for auditors (the JSON's `explanation`, the dossier's appendix);
/// this is what a park's staff and an evaluator read. Any expression form is worded: a form with no natural
/// sentence gets a generic one, never a crash and never code.
public struct PlainExplanation: Sendable {
    public let dictionary: FactDictionary
    public let scorecard: Scorecard?
    /// The words, in the reader's language (`plain.*`).
    public let messages: Messages

    public init(dictionary: FactDictionary, scorecard: Scorecard?, messages: Messages) {
        self.dictionary = dictionary
        self.scorecard = scorecard
        self.messages = messages
    }

    public var language: LocalizedText.Language { messages.language }
    var zh: Bool { language == .zh }

    // MARK: - traces

    /// A condition or a value in a sentence; a condition ends with its verdict (通过 / 未通过 / 缺少数据).
    public func sentence(_ trace: ExpressionTrace) -> String {
        capitalized(finished(words(trace)))
    }

    /// The last touch: in Chinese a number stands apart from the characters around it by a space (「不少于 20 家」), as the examples of the issue write it.
    func finished(_ text: String) -> String {
        guard zh else { return text }
        var out = ""
        var previous: Character?
        for c in text {
            if let p = previous, (Self.isIdeograph(p) && (Self.isDigit(c) || c == "¥")) || ((Self.isDigit(p) || p == "%") && Self.isIdeograph(c)) {
                out.append(" ")
            }
            out.append(c)
            previous = c
        }
        return out
    }

    static func isDigit(_ c: Character) -> Bool { ("0"..."9").contains(c) }

    static func isIdeograph(_ c: Character) -> Bool {
        guard let scalar = c.unicodeScalars.first, c.unicodeScalars.count == 1 else { return false }
        return (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value)
    }

    /// An English sentence starts with a capital; a title inside it does not.
    func capitalized(_ text: String) -> String {
        guard !zh, let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }

    func words(_ trace: ExpressionTrace) -> String {
        var words = Words(plain: self, environment: trace.environment)
        let root = trace.expression.root
        let value = root.value(in: trace.environment)
        switch value {
        case .bool, .unknown, .error:
            if isCondition(root) || value.bool != nil {
                return words.statement(root) + messages("punct.colon") + verdict(value)
            }
            return words.quantity(root, hint: Hint()).full(self) + messages("punct.colon") + verdict(value)
        default:
            return words.quantity(root, hint: Hint()).full(self)
        }
    }

    /// 通过 / 未通过 / 缺少数据 (passed / not passed / missing data), or that it cannot be computed.
    public func verdict(_ value: Value) -> String {
        switch value {
        case .bool(true): return messages("plain.verdict.passed")
        case .bool(false): return messages("plain.verdict.not_passed")
        case .unknown: return messages("plain.verdict.missing_data")
        default: return messages("plain.verdict.cannot_compute")
        }
    }

    func isCondition(_ node: ExpressionNode) -> Bool {
        switch node.kind {
        case .comparison, .logical, .not: return true
        case .call(let f, _): return f == .contains
        default: return false
        }
    }

    // MARK: - steps

    /// A criterion's or a measure's steps in sentences. A scale's value and the band it reached make one sentence:
    /// 「应用数字技术 3 项（2 项及以上得 6 分）」.
    public func steps(_ steps: [ExplanationStep], criterion: Criterion? = nil) -> [String] {
        var out: [String] = []
        var i = 0
        while i < steps.count {
            let step = steps[i]
            if case .evaluated(let trace) = step, i + 1 < steps.count, let merged = scaleSentence(trace, steps[i + 1]) {
                out.append(capitalized(merged))
                i += 2
                continue
            }
            out.append(rawStep(step, criterion: criterion))
            i += 1
        }
        return out.map(finished)
    }

    /// One step alone.
    public func step(_ step: ExplanationStep, criterion: Criterion? = nil) -> String {
        finished(rawStep(step, criterion: criterion))
    }

    func rawStep(_ step: ExplanationStep, criterion: Criterion?) -> String {
        switch step {
        case .evaluated(let trace):
            return sentence(trace)
        case .item(let id, let present, let trace):
            return item(id: id, present: present, trace: trace, criterion: criterion)
        case .band(let value, let min, let points, let percent):
            return messages("plain.value", ["value": show(value, percent: percent)]) + band(min: min, points: points, percent: percent, unit: nil)
        case .belowBands(let value, let lowest, let percent):
            return messages("plain.value", ["value": show(value, percent: percent)]) + below(lowest: lowest, percent: percent, unit: nil)
        case .linear(let points, let value, let from, let to, let result, _, let percent):
            return messages("plain.value", ["value": show(value, percent: percent)])
                + linear(points: points, value: value, from: from, to: to, result: result, percent: percent, unit: nil)
        case .sum(let items, let total, let cap):
            if let cap, cap < total {
                return messages("plain.sum_capped", ["total": pts(total), "cap": pts(cap)])
            }
            if items.count > 1 { return messages("plain.sum", ["total": pts(total)]) }
            return messages("plain.sum_single", ["total": pts(total)])
        case .amount(let base, let rate, let cap, let perPeriod, let periods, let total):
            var text: String
            if let base {
                if let rate {
                    text = messages("plain.amount_at_rate", ["base": base.yuan, "rate": show(rate, percent: true), "cap": cap.yuan,
                                                            "amount": perPeriod.yuan])
                } else {
                    text = messages("plain.amount", ["base": base.yuan, "cap": cap.yuan, "amount": perPeriod.yuan])
                }
            } else {
                text = messages("plain.amount_up_to", ["cap": cap.yuan])
            }
            if periods > 1 { text = messages("plain.amount_over_years", ["amount": text, "years": String(periods), "total": total.yuan]) }
            return text
        case .perFirm(let table, let firms, let eligible, let undetermined, let total):
            var values = ["table": title(table), "firms": String(firms), "eligible": String(eligible), "total": total.yuan]
            if undetermined > 0 {
                values["undetermined"] = String(undetermined)
                return messages("plain.per_firm_with_undetermined", values)
            }
            return messages("plain.per_firm", values)
        case .fromParkTotals(let table?):
            return messages("plain.from_park_totals", ["table": title(table)])
        case .selfRated(let level, let points):
            return messages("plain.self_rated", ["level": String(level), "points": pts(points)])
        case .rated(let level, let points):
            return messages("plain.rated", ["level": pts(level), "points": pts(points)])
        case .levelNotInRubric(let level):
            return messages("plain.level_not_in_rubric", ["level": String(level)])
        case .overridden(let old, let new, let reviewer, let reason):
            return messages("plain.overridden", ["reviewer": reviewer, "old": pts(old), "new": pts(new), "reason": reason])
        case .evidenceNotAccepted(let reason):
            let problems = reason.problems.map { $0.text(messages) }.joined(separator: messages("punct.semicolon"))
            return messages("plain.evidence_not_accepted", ["problems": problems])
        case .resolved(let level, let aggregate, let points, let chair, let reason):
            var values = ["level": String(level), "points": pts(points), "chair": chair, "reason": reason]
            guard let aggregate else { return messages("plain.resolved", values) }
            values["aggregate"] = pts(aggregate)
            return messages("plain.resolved_from_aggregate", values)
        case .yearsLeft(let trace):
            return messages("plain.years_left", ["text": sentence(trace)])
        default:
            return step.text(messages)
        }
    }

    func pts(_ r: Rational) -> String { r.formatted(places: 2) }

    /// `6 分` / `6 points`, `1 point`.
    func points(_ r: Rational) -> String { messages("plain.points", ["points": pts(r)]) }

    /// A number as shown in a sentence: 「约 42.2%」 for a rounded share, never a `≈` sign.
    func show(_ r: Rational, percent: Bool) -> String {
        let text = r.shown(percent: percent)
        if text.hasPrefix("≈") { return messages("plain.about", ["value": String(text.dropFirst())]) }
        return text
    }

    func withUnit(_ number: String, _ unit: String?) -> String {
        guard let unit = unit.flatMap(unitWord), !unit.isEmpty else { return number }
        return "\(number) \(unit)"
    }

    /// The unit as a reader of this language says it: Chinese units as written; in English the counting words
    /// (家, 个, 项, 户) are left out and the rest translated.
    func unitWord(_ unit: String) -> String? {
        switch unit {
        case "人": return messages("plain.unit.people")
        case "场": return messages("plain.unit.sessions")
        case "年": return messages("plain.unit.years")
        case "万元": return messages("plain.unit.ten_thousand_yuan")
        default: break
        }
        if zh { return unit }
        switch unit {
        case "家", "个", "项", "户", "": return nil
        default: return unit.unicodeScalars.allSatisfy(\.isASCII) || unit == "m²" ? unit : nil
        }
    }

    func band(min: Rational, points: Rational, percent: Bool, unit: String?) -> String {
        let bound = withUnit(show(min, percent: percent), percent ? nil : unit)
        return messages("plain.band", ["bound": bound, "points": pts(points)])
    }

    func below(lowest: Rational, percent: Bool, unit: String?) -> String {
        let bound = withUnit(show(lowest, percent: percent), percent ? nil : unit)
        return messages("plain.below_bands", ["bound": bound])
    }

    func linear(points: Rational, value: Rational, from: Rational, to: Rational, result: Rational, percent: Bool, unit: String?) -> String {
        if result == points && (from < to ? value >= to : value <= to) {
            let bound = withUnit(show(to, percent: percent), percent ? nil : unit)
            return messages("plain.linear_full", ["bound": bound, "points": pts(points)])
        }
        let range = withUnit(messages("plain.range", ["from": show(from, percent: percent), "to": show(to, percent: percent)]), percent ? nil : unit)
        return messages("plain.linear", ["range": range, "points": pts(points), "result": pts(result)])
    }

    /// A scale's value and the step after it in one sentence, when the step is a band, below the bands or linear.
    func scaleSentence(_ trace: ExpressionTrace, _ next: ExplanationStep) -> String? {
        var words = Words(plain: self, environment: trace.environment)
        let root = trace.expression.root
        switch next {
        case .band(_, let min, let points, let percent):
            let q = words.quantity(root, hint: Hint(percent: percent))
            return q.full(self) + band(min: min, points: points, percent: percent, unit: q.unit)
        case .belowBands(_, let lowest, let percent):
            let q = words.quantity(root, hint: Hint(percent: percent))
            return q.full(self) + below(lowest: lowest, percent: percent, unit: q.unit)
        case .linear(let points, let value, let from, let to, let result, _, let percent):
            let q = words.quantity(root, hint: Hint(percent: percent))
            return q.full(self) + linear(points: points, value: value, from: from, to: to, result: result, percent: percent, unit: q.unit)
        default:
            return nil
        }
    }

    /// A checklist item by its title: 「展厅：具备」; an item on a condition other than a list holding a value says the
    /// condition: 「入驻大型企业：…：通过」.
    func item(id: String, present: Bool?, trace: ExpressionTrace, criterion: Criterion?) -> String {
        var title = id
        if let criterion, case .checklist(let list) = criterion.kind, let found = list.items.first(where: { $0.id == id }) {
            title = found.title.text(language)
        }
        if case .call(.contains, _) = trace.expression.root.kind {
            let word = present == true ? messages("plain.item.present") : (present == false ? messages("plain.item.absent") : messages("plain.verdict.missing_data"))
            return title + messages("punct.colon") + word
        }
        return title + messages("punct.colon") + finished(words(trace))
    }

    // MARK: - names and values

    /// A fact the reader is asked to provide, named so they can act on it: its title with the key that finds it in the
    /// self-report (「入驻单位总数（tenants.total）」); a per-firm field by the firm's place in the table, counted from 1
    /// as the firm lines are (#2): 「第 2 家企业的报告期内实际支付的房租（元）」. A key the dictionary does not know stays as it is.
    public func factName(_ key: String) -> String {
        if let open = key.firstIndex(of: "["), let close = key[open...].firstIndex(of: "]"),
           let n = Int(key[key.index(after: open)..<close]) {
            let rest = key[key.index(after: close)...]
            let name = String(rest.dropFirst())
            guard rest.hasPrefix("."), field(name) != nil else { return messages("plain.firm_record", ["n": String(n)]) }
            return messages("plain.firm_field", ["n": String(n), "field": title(name)])
        }
        guard dictionary[key] != nil else { return key }
        return messages("plain.fact_named", ["title": title(key), "key": key])
    }

    /// A fact's title: the dictionary's description, a derived fact's title, or a table field's description.
    func title(_ key: String) -> String {
        let text = fullTitle(key)
        // Inside an English sentence a title starts in lower case, unless it starts with an acronym (XR, IP).
        guard !zh, let first = text.first, first.isUppercase else { return text }
        let second = text.dropFirst().first
        if second?.isUppercase == true { return text }
        return first.lowercased() + text.dropFirst()
    }

    func fullTitle(_ key: String) -> String {
        if let d = dictionary[key] { return d.description.text(language) }
        switch key {
        case "period.from": return messages("plain.period_from")
        case "period.to": return messages("plain.period_to")
        default: break
        }
        if let derived = scorecard?.derived.first(where: { $0.key == key }), let title = derived.title { return title.text(language) }
        if let field = field(key) { return field.description.text(language) }
        return messages("plain.this_figure")
    }

    func field(_ name: String) -> RecordField? {
        for key in dictionary.keys {
            if case .records(let schema)? = dictionary.type(of: key), let field = schema.field(name) { return field }
        }
        return nil
    }

    func unit(_ key: String) -> String? { dictionary[key]?.unit ?? (key.contains(".") ? nil : field(key)?.unit) }

    func labels(_ key: String?) -> [String: LocalizedText] {
        guard let key else { return [:] }
        if let d = dictionary[key] { return d.valueLabels }
        if !key.contains("."), let field = field(key) { return field.valueLabels }
        return [:]
    }

    /// A value in words: numbers with their unit, money as ¥, shares as %, enum and list values by their labels.
    func words(_ value: Value, hint: Hint) -> String {
        switch value {
        case .number(let n):
            if hint.money { return n.yuan }
            if hint.percent { return show(n, percent: true) }
            return withUnit(show(n, percent: false), hint.unit)
        case .bool(let b): return b ? messages("plain.yes") : messages("plain.no")
        case .text(let s): return labels(hint.key)[s]?.text(language) ?? s
        case .date(let d): return d
        case .list(let items):
            if case .record? = items.first { return messages("plain.records", ["n": String(items.count)]) }
            if items.isEmpty { return messages("plain.none") }
            return messages.list(items.map { words($0, hint: hint) })
        case .record(let fields):
            if case .text(let name)? = fields["name"] { return name }
            return messages("plain.a_record")
        case .unknown: return messages("plain.verdict.missing_data")
        case .error: return messages("plain.verdict.cannot_compute")
        }
    }
}

/// What a value next to another is worded as: the fact it is compared with (for labels and the unit), a share, money.
struct Hint {
    var key: String?
    var unit: String?
    var percent = false
    var money = false
}

/// A value in a sentence: who it is (the fact's title, or nil for a bare number) and what it is.
struct Quantity {
    var subject: String?
    var value: String
    var unit: String?
    var key: String?
    var percent = false
    var money = false
    var isCount = false
    /// The value follows its subject after a colon: 「落户日期：2023-04-18」, 「直播园区类型：网络视听直播产业园」.
    var colon = false

    func full(_ plain: PlainExplanation) -> String {
        guard let subject else { return value }
        if value.isEmpty { return subject }
        if colon { return subject + plain.messages("punct.colon") + value }
        return plain.zh && subject.hasSuffix("的") ? subject + value : "\(subject) \(value)"
    }

    var hint: Hint { Hint(key: key, unit: unit, percent: percent, money: money) }
}

/// One wording pass over a trace: it remembers which facts it has named, so a second clause on the same fact says
/// only what differs (「…，或不少于 20 家」).
struct Words {
    let plain: PlainExplanation
    let environment: FactEnvironment
    var mentioned: Set<String> = []

    init(plain: PlainExplanation, environment: FactEnvironment) {
        self.plain = plain
        self.environment = environment
    }

    var zh: Bool { plain.zh }
    var messages: Messages { plain.messages }

    /// A condition in words, without its verdict.
    mutating func statement(_ node: ExpressionNode) -> String {
        switch node.kind {
        case .logical(let op, let lhs, let rhs):
            let a = part(lhs, in: op)
            let b = part(rhs, in: op)
            return op == .and ? messages("plain.and", ["a": a, "b": b]) : messages("plain.or", ["a": a, "b": b])
        case .comparison(let op, let lhs, let rhs):
            return comparison(op, lhs, rhs)
        case .not(let inner):
            if case .fact = inner.kind {
                let q = quantity(inner, hint: Hint())
                return messages("plain.required_no", ["fact": q.full(plain)])
            }
            return messages("plain.not", ["condition": statement(inner)])
        case .call(.contains, let args) where args.count == 2 && isLiteralList(args[0]):
            // `contains(["av_park", …], livestream.park_type)`: the fact is one of a set of values.
            let item = quantity(args[1], hint: Hint())
            let set = quantity(args[0], hint: item.hint)
            let holds = node.value(in: environment).bool
            if holds == nil { return item.full(plain) }
            return holds == true ? messages("plain.one_of", ["item": item.full(plain), "set": set.value])
                                 : messages("plain.none_of", ["item": item.full(plain), "set": set.value])
        case .call(.contains, let args) where args.count == 2:
            let list = quantity(args[0], hint: Hint())
            let item = quantity(args[1], hint: Hint(key: list.key))
            let holds = node.value(in: environment).bool
            let values = ["list": list.full(plain), "item": item.value]
            if holds == nil { return messages("plain.whether_includes", values) }
            return holds == true ? messages("plain.includes", values) : messages("plain.does_not_include", values)
        case .fact(let path):
            let q = quantity(node, hint: Hint())
            mentioned.insert(path)
            return q.full(plain)
        default:
            return quantity(node, hint: Hint()).full(plain)
        }
    }

    /// An operand of 'and' or 'or': a nested condition of the other kind in brackets.
    mutating func part(_ node: ExpressionNode, in op: LogicalOperator) -> String {
        if case .logical(let inner, _, _) = node.kind, inner != op { return messages("plain.bracketed", ["text": statement(node)]) }
        return statement(node)
    }

    mutating func comparison(_ op: ComparisonOperator, _ lhs: ExpressionNode, _ rhs: ExpressionNode) -> String {
        // Name the fact first: `20 <= tenants.total` reads as 「入驻单位总数 … 不少于 20 家」.
        if case .literal = lhs.kind, !(isLiteral(rhs)) { return comparison(op.flipped, rhs, lhs) }
        var repeatSubject = false
        if case .fact(let path) = lhs.kind { repeatSubject = mentioned.contains(path) }
        let left = quantity(lhs, hint: Hint())
        let right = quantity(rhs, hint: left.hint)
        if let key = factKey(lhs) { mentioned.insert(key) }
        let a = lhs.value(in: environment), b = rhs.value(in: environment)
        let isText: Bool = {
            switch (a, b) {
            case (.text, _), (_, .text), (.bool, _), (_, .bool): return true
            default: return false
            }
        }()
        if isText && (op == .equal || op == .notEqual) {
            let must = op == .equal ? messages("plain.must_be", ["value": right.value]) : messages("plain.must_not_be", ["value": right.value])
            if repeatSubject { return must }
            var named = left
            if named.subject != nil { named.colon = true }
            return named.full(plain) + messages("punct.comma") + must
        }
        let isDate: Bool = {
            if case .date = a { return true }
            if case .date = b { return true }
            return false
        }()
        let word = self.word(op, count: (left.isCount || left.unit != nil) && !left.percent && !left.money, date: isDate)
        let leftText = repeatSubject ? "" : left.full(plain) + messages("punct.comma")
        var other = right
        if other.colon, let subject = other.subject {
            // The value compared with: 「不晚于报告期截止日（2025-12-31）」.
            other = Quantity(subject: nil, value: messages("plain.named_value", ["name": subject, "value": other.value]))
        }
        return "\(leftText)\(word) \(other.full(plain))"
    }

    func isLiteralList(_ node: ExpressionNode) -> Bool {
        if case .list = node.kind { return true }
        return false
    }

    func isLiteral(_ node: ExpressionNode) -> Bool {
        if case .literal = node.kind { return true }
        return false
    }

    func factKey(_ node: ExpressionNode) -> String? {
        switch node.kind {
        case .fact(let path): return path
        case .call(_, let args): return args.first.flatMap(factKey)
        case .arithmetic(.divide, let a, _): return factKey(a)
        default: return nil
        }
    }

    func word(_ op: ComparisonOperator, count: Bool, date: Bool) -> String {
        if date {
            switch op {
            case .greaterOrEqual: return messages("plain.date.not_before")
            case .greater: return messages("plain.date.after")
            case .lessOrEqual: return messages("plain.date.not_after")
            case .less: return messages("plain.date.before")
            case .equal: return messages("plain.date.on")
            case .notEqual: return messages("plain.date.not_on")
            }
        }
        switch op {
        case .greaterOrEqual: return count ? messages("plain.compare.at_least_count") : messages("plain.compare.at_least")
        case .greater: return count ? messages("plain.compare.more_than_count") : messages("plain.compare.more_than")
        case .lessOrEqual: return count ? messages("plain.compare.at_most_count") : messages("plain.compare.at_most")
        case .less: return count ? messages("plain.compare.fewer_than_count") : messages("plain.compare.less_than")
        case .equal: return messages("plain.compare.equal")
        case .notEqual: return messages("plain.compare.not_equal")
        }
    }

    /// A value with its name: 「入驻单位总数 45 家」, 「40%」, a share 「…占…的 42.2%」, a count of a list's items.
    mutating func quantity(_ node: ExpressionNode, hint: Hint) -> Quantity {
        let value = node.value(in: environment)
        switch node.kind {
        case .fact(let path):
            let definition = plain.dictionary[path]
            let money = environment.moneyKeys.contains(path) || definition?.type == .money
            let percent = environment.percentKeys.contains(path) || definition?.type == .percent
            let unit = plain.unit(path)
            let h = Hint(key: path, unit: unit, percent: percent, money: money)
            var subject = plain.title(path)
            if case .bool = value { return Quantity(subject: nil, value: messages("plain.named_value", ["name": subject, "value": plain.words(value, hint: h)]), key: path) }
            if case .unknown = value { subject = messages("plain.not_given", ["name": subject]) }
            let colon: Bool = {
                switch value {
                case .text, .date, .list: return true
                default: return false
                }
            }()
            return Quantity(subject: subject, value: value.isKnown ? plain.words(value, hint: h) : "", unit: unit, key: path, percent: percent,
                            money: money, colon: colon)
        case .literal(let v):
            if case .number(let n) = v {
                let written = node.text.hasSuffix("%")
                if written || hint.percent { return Quantity(subject: nil, value: plain.show(n, percent: true), percent: true) }
                if hint.money { return Quantity(subject: nil, value: n.yuan, money: true) }
                return Quantity(subject: nil, value: plain.withUnit(plain.show(n, percent: false), hint.unit), unit: hint.unit)
            }
            return Quantity(subject: nil, value: plain.words(v, hint: hint), key: hint.key)
        case .negate(let inner):
            let q = quantity(inner, hint: hint)
            return Quantity(subject: messages("plain.negative"), value: q.full(plain))
        case .not:
            return Quantity(subject: nil, value: statement(node))
        case .comparison, .logical:
            return Quantity(subject: nil, value: messages("plain.with_verdict", ["text": statement(node), "verdict": plain.verdict(value)]))
        case .arithmetic(let op, let lhs, let rhs):
            let a = quantity(lhs, hint: hint)
            let b = quantity(rhs, hint: a.hint)
            let percent = op == .divide && (isFactLike(lhs) && isFactLike(rhs))
            let result = value.isKnown ? plain.words(value, hint: Hint(unit: op == .divide ? nil : a.unit ?? b.unit, percent: percent || (op != .divide && a.percent),
                                                                      money: op != .divide && (a.money || b.money)))
                                       : plain.words(value, hint: Hint())
            let resultUnit = op == .divide ? nil : a.unit ?? b.unit
            switch op {
            case .divide where percent:
                return Quantity(subject: messages("plain.share_of", ["a": a.full(plain), "b": b.full(plain)]),
                                value: result, percent: true)
            case .add:
                return Quantity(subject: messages("plain.plus", ["a": a.full(plain), "b": b.full(plain)]),
                                value: result, unit: resultUnit, money: a.money || b.money, isCount: a.isCount || b.isCount)
            case .subtract:
                return Quantity(subject: messages("plain.less", ["a": a.full(plain), "b": b.full(plain)]),
                                value: result, unit: resultUnit, money: a.money || b.money, isCount: a.isCount || b.isCount)
            case .multiply:
                return Quantity(subject: messages("plain.times", ["a": a.full(plain), "b": b.full(plain)]),
                                value: result, unit: resultUnit, money: a.money || b.money)
            case .divide:
                return Quantity(subject: messages("plain.divided_by", ["a": a.full(plain), "b": b.full(plain)]), value: result)
            }
        case .call(.contains, _):
            return Quantity(subject: nil, value: messages("plain.with_verdict", ["text": statement(node), "verdict": plain.verdict(value)]))
        case .call(let function, let args):
            return call(function, args, value: value, hint: hint)
        case .list(let items):
            let first = items.first.map { quantity($0, hint: hint) }
            var parts: [String] = []
            if let first { parts.append(first.full(plain)) }
            for item in items.dropFirst() { parts.append(quantity(item, hint: hint).full(plain)) }
            return Quantity(subject: nil, value: parts.isEmpty ? messages("plain.none") : messages.list(parts))
        }
    }

    func isFactLike(_ node: ExpressionNode) -> Bool {
        switch node.kind {
        case .fact, .call: return true
        case .arithmetic(_, let a, let b): return isFactLike(a) || isFactLike(b)
        default: return false
        }
    }

    mutating func call(_ function: ExpressionFunction, _ args: [ExpressionNode], value: Value, hint: Hint) -> Quantity {
        switch function {
        case .count:
            guard let arg = args.first else { break }
            let list = quantity(arg, hint: Hint())
            let key = factKey(arg)
            let unit = key.flatMap(plain.unit) ?? plain.unitWord(messages("plain.unit.count"))
            let n = value.isKnown ? plain.words(value, hint: Hint(unit: unit)) : plain.words(value, hint: Hint())
            if !value.isKnown { return Quantity(subject: list.subject ?? list.value, value: "", unit: unit, key: key, isCount: true) }
            if list.subject == nil || list.value.isEmpty || list.value == messages("plain.none") {
                return Quantity(subject: list.subject ?? list.value, value: n, unit: unit, key: key, isCount: true)
            }
            return Quantity(subject: messages("plain.count_of", ["list": list.subject ?? "", "items": list.value]), value: messages("plain.count_in_all", ["n": n]),
                            unit: unit, key: key, isCount: true)
        case .sum:
            guard let arg = args.first else { break }
            let list = quantity(arg, hint: hint)
            return Quantity(subject: messages("plain.sum_of", ["list": list.subject ?? list.value]),
                            value: plain.words(value, hint: list.hint), unit: list.unit, money: list.money)
        case .min, .max:
            var parts: [Quantity] = []
            for arg in args { parts.append(quantity(arg, hint: parts.first?.hint ?? hint)) }
            let names = messages.list(parts.map { $0.full(plain) })
            let lead = parts.first?.hint ?? hint
            let which = function == .min ? messages("plain.smaller_of", ["names": names]) : messages("plain.larger_of", ["names": names])
            return Quantity(subject: which, value: plain.words(value, hint: lead),
                            unit: lead.unit, money: lead.money)
        case .year:
            guard let arg = args.first else { break }
            let date = quantity(arg, hint: Hint())
            let name = date.subject ?? date.value
            return Quantity(subject: messages("plain.year_of", ["date": name]), value: plain.words(value, hint: Hint()))
        case .contains:
            return Quantity(subject: nil, value: "")
        }
        return Quantity(subject: nil, value: plain.words(value, hint: hint))
    }
}

extension ComparisonOperator {
    /// The same comparison with its sides swapped: `20 <= x` is `x >= 20`.
    var flipped: ComparisonOperator {
        switch self {
        case .less: return .greater
        case .lessOrEqual: return .greaterOrEqual
        case .greater: return .less
        case .greaterOrEqual: return .lessOrEqual
        case .equal, .notEqual: return self
        }
    }
}
