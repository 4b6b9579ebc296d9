/// The panel's rating of one judged criterion: each reviewer's level, the aggregate, and whether the
/// reviewers disagree enough to discuss it.
public struct PanelRating: Sendable, Hashable {
    public var criterionID: String
    /// Each reviewer's level, by reviewer id, in reviewer order.
    public var levels: [(reviewer: String, level: Int)]
    /// The levels that counted (all, or all but the highest and the lowest).
    public var counted: [Int]
    public var aggregation: PanelRule.Aggregation
    public var level: Rational
    /// Points for the aggregate level: a level between two rubric levels earns points in proportion.
    public var points: Rational
    public var spread: Int
    public var disagreement: Bool

    public static func == (a: PanelRating, b: PanelRating) -> Bool {
        a.criterionID == b.criterionID && a.levels.map(\.reviewer) == b.levels.map(\.reviewer)
            && a.levels.map(\.level) == b.levels.map(\.level) && a.level == b.level && a.points == b.points
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(criterionID)
        hasher.combine(level)
    }

    /// Aggregates the ratings of one judged criterion by the rule; nil when there are none, or (beyond the sizes lint
    /// allows: levels 0…100) when the sum cannot be computed exactly.
    public static func aggregate(_ criterion: String, ratings: [(reviewer: String, level: Int)], rubric: Judged,
                                 rule: PanelRule) -> PanelRating? {
        guard !ratings.isEmpty else { return nil }
        let sorted = ratings.map(\.level).sorted()
        var counted = sorted
        let computed: Rational?
        switch rule.aggregation {
        case .trimmedMean, .mean:
            if rule.aggregation == .trimmedMean && sorted.count >= 5 { counted = Array(sorted.dropFirst().dropLast()) }
            var sum: Rational? = .zero
            for level in counted { sum = sum?.adding(Rational(level)) }
            computed = sum?.divided(by: Rational(counted.count))
        case .median:
            let n = sorted.count
            computed = n % 2 == 1 ? Rational(sorted[n / 2]) : Rational(sorted[n / 2 - 1]).adding(Rational(sorted[n / 2]))?.divided(by: 2)
        }
        guard let level = computed, let first = sorted.first, let last = sorted.last else { return nil }
        let (spread, overflow) = last.subtractingReportingOverflow(first)
        guard !overflow, let points = points(at: level, rubric: rubric) else { return nil }
        return PanelRating(criterionID: criterion, levels: ratings, counted: counted, aggregation: rule.aggregation, level: level,
                           points: points, spread: spread, disagreement: spread > rule.disagreementSpread)
    }

    /// Points at a level, exact at rubric levels and in proportion between two of them; nil when that cannot be
    /// computed exactly.
    public static func points(at level: Rational, rubric: Judged) -> Rational? {
        let levels = rubric.levels.sorted { $0.level < $1.level }
        guard let first = levels.first, let last = levels.last else { return nil }
        if level <= Rational(first.level) { return first.points }
        if level >= Rational(last.level) { return last.points }
        for (a, b) in zip(levels, levels.dropFirst()) where Rational(a.level) <= level && level <= Rational(b.level) {
            let (gap, overflow) = b.level.subtractingReportingOverflow(a.level)
            guard !overflow, let offset = level.subtracting(Rational(a.level)),
                  let fraction = offset.divided(by: Rational(gap)),
                  let rise = b.points.subtracting(a.points),
                  let add = rise.multiplied(by: fraction) else { return nil }
            return a.points.adding(add)
        }
        return nil
    }
}
