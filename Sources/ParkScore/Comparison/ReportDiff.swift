/// One park across two reporting periods against one scorecard: what changed, criterion by criterion, and why
/// (the facts the criterion reads, old value → new value).
public struct ReportDiff: Sendable {
    public struct FactChange: Sendable, Hashable {
        public var key: String
        public var old: Value
        public var new: Value
    }

    public struct CriterionChange: Sendable {
        public var criterionID: String
        public var title: LocalizedText
        public var oldPoints: Rational
        public var newPoints: Rational
        public var oldStatus: CriterionStatus
        public var newStatus: CriterionStatus
        /// The facts it reads that changed.
        public var facts: [FactChange]
        /// Also a change of self-rating, N/A claim or evidence, when no fact changed.
        public var otherReason: Bool
    }

    public var old: ScoreResult
    public var new: ScoreResult
    /// Criteria whose points or status changed, in scorecard order.
    public var changes: [CriterionChange]
    public var gateChanges: [(id: String, old: GateResult.Status, new: GateResult.Status)]

    public init(old: ScoreResult, new: ScoreResult) {
        self.old = old
        self.new = new
        var changes: [CriterionChange] = []
        for n in new.criteria {
            guard let o = old.criterion(n.id), o.points != n.points || o.status != n.status else { continue }
            let facts = n.factKeys.compactMap { key -> FactChange? in
                let a = o.environment.value(key), b = n.environment.value(key)
                return a == b ? nil : FactChange(key: key, old: a, new: b)
            }
            changes.append(CriterionChange(criterionID: n.id, title: n.title, oldPoints: o.points, newPoints: n.points,
                                           oldStatus: o.status, newStatus: n.status, facts: facts, otherReason: facts.isEmpty))
        }
        self.changes = changes
        gateChanges = new.gates.compactMap { g in
            guard let o = old.gate(g.id), o.status != g.status else { return nil }
            return (g.id, o.status, g.status)
        }
    }
}
