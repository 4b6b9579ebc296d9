import ParkScore

/// A report diff in words: totals and grades then and now, gates that changed, and each criterion whose
/// points or status changed with the facts behind it.
public struct DiffText {
    public let messages: Messages
    public var language: LocalizedText.Language { messages.language }
    public let dictionary: FactDictionary

    public init(messages: Messages, dictionary: FactDictionary) {
        self.messages = messages
        self.dictionary = dictionary
    }

    func t(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

    public func render(_ diff: ReportDiff, old: SelfReport, new: SelfReport) -> String {
        let words = ResultText(messages: messages)
        func grade(_ r: ScoreResult) -> String { r.grade?.id ?? t("不评级", "no grade") }
        var out = [
            "\(new.park.name): \(old.period.from)–\(old.period.to) → \(new.period.from)–\(new.period.to)",
            "\(t("总分", "Total")): \(diff.old.total.fixed(places: 2)) → \(diff.new.total.fixed(places: 2))"
                + "  (\(diff.new.total.subtracting(diff.old.total).map(signed) ?? "—"))    \(t("等级", "Grade")): \(grade(diff.old)) → \(grade(diff.new))",
        ]
        for change in diff.gateChanges {
            out.append("\(t("门槛", "Gate")) \(change.id): \(change.old.rawValue) → \(change.new.rawValue)")
        }
        if diff.changes.isEmpty { out.append(t("各评分项得分没有变化。", "No criterion changed.")) }
        for c in diff.changes {
            out.append("")
            out.append("\(c.criterionID) \(c.title.text(language)): \(c.oldPoints.formatted(places: 2)) → \(c.newPoints.formatted(places: 2))"
                       + "  (\(words.status(c.oldStatus)) → \(words.status(c.newStatus)))")
            for f in c.facts {
                out.append("    \(f.key): \(show(f.old, key: f.key)) → \(show(f.new, key: f.key))")
            }
            if c.otherReason { out.append("    " + t("数据未变；变化来自自评等级、不适用申报或证明材料", "no fact changed: a self-rating, N/A claim or evidence did")) }
        }
        return TerminalText.lines(out) + "\n"
    }

    func signed(_ r: Rational) -> String { (r < .zero ? "" : "+") + r.fixed(places: 2) }

    func show(_ value: Value, key: String) -> String {
        switch value {
        case .unknown: return t("（未填报）", "(not reported)")
        case .number(let n):
            if case .percent? = dictionary.type(of: key) { return n.shown(percent: true) }
            if case .money? = dictionary.type(of: key) { return n.yuan }
            return n.formatted(places: 3)
        case .bool(let b): return b ? "true" : "false"
        case .text(let s), .date(let s): return s
        case .list(let items):
            if case .record? = items.first { return t("\(items.count) 条记录", "\(items.count) records") }
            return "[" + items.map { if case .text(let s) = $0 { return s } else { return "?" } }.joined(separator: ", ") + "]"
        case .record: return t("（记录）", "(record)")
        case .error(let m): return "(\(m))"
        }
    }
}
