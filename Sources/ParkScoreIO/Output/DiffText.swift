import ParkScore

/// A report diff in words: totals and grades then and now, gates that changed, and each criterion whose
/// points or status changed with the facts behind it.
public struct DiffText {
    public let messages: Messages
    public let dictionary: FactDictionary

    public init(messages: Messages, dictionary: FactDictionary) {
        self.messages = messages
        self.dictionary = dictionary
    }

    public func render(_ diff: ReportDiff, old: SelfReport, new: SelfReport) -> String {
        let words = ResultText(messages: messages)
        func grade(_ r: ScoreResult) -> String { r.grade?.id ?? messages("diff.no_grade") }
        // The park as the language names it: its English name in English, when it has one.
        let park = messages.language == .en ? (new.park.nameEn ?? new.park.name) : new.park.name
        var out = [
            "\(park): \(old.period.from)–\(old.period.to) → \(new.period.from)–\(new.period.to)",
            "\(messages("diff.total")): \(diff.old.total.fixed(places: 2)) → \(diff.new.total.fixed(places: 2))"
                + "  (\(diff.new.total.subtracting(diff.old.total).map(signed) ?? "—"))    \(messages("diff.grade")): \(grade(diff.old)) → \(grade(diff.new))",
        ]
        for change in diff.gateChanges {
            out.append("\(messages("diff.gate")) \(change.id): \(gateStatus(change.old)) → \(gateStatus(change.new))")
        }
        if diff.changes.isEmpty { out.append(messages("diff.no_change")) }
        for c in diff.changes {
            out.append("")
            out.append("\(c.criterionID) \(c.title.text(messages.language)): \(c.oldPoints.formatted(places: 2)) → \(c.newPoints.formatted(places: 2))"
                       + "  (\(words.status(c.oldStatus)) → \(words.status(c.newStatus)))")
            for f in c.facts {
                out.append("    \(f.key): \(show(f.old, key: f.key)) → \(show(f.new, key: f.key))")
            }
            if c.otherReason { out.append("    " + messages("diff.other_reason")) }
        }
        return TerminalText.lines(out) + "\n"
    }

    /// A gate's status in words: 通过, 未通过, 缺少数据, 证明材料不足.
    func gateStatus(_ status: GateResult.Status) -> String {
        switch status {
        case .passed: return messages("diff.gate_status.passed")
        case .failed: return messages("diff.gate_status.failed")
        case .missingData: return messages("diff.gate_status.missing_data")
        case .unsubstantiated: return messages("diff.gate_status.unsubstantiated")
        }
    }

    func signed(_ r: Rational) -> String { (r < .zero ? "" : "+") + r.fixed(places: 2) }

    func show(_ value: Value, key: String) -> String {
        switch value {
        case .unknown: return messages("diff.value.not_reported")
        case .number(let n):
            if case .percent? = dictionary.type(of: key) { return n.shown(percent: true) }
            if case .money? = dictionary.type(of: key) { return n.yuan }
            return n.formatted(places: 3)
        case .bool(let b): return b ? messages("diff.value.yes") : messages("diff.value.no")
        case .text(let s), .date(let s): return s
        case .list(let items):
            if case .record? = items.first { return messages("diff.value.records", ["count": String(items.count)]) }
            return "[" + items.map { if case .text(let s) = $0 { return s } else { return "?" } }.joined(separator: ", ") + "]"
        case .record: return messages("diff.value.record")
        case .error(let m): return "(\(m))"
        }
    }
}
