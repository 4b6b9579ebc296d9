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

    /// Aggregates the ratings of one judged criterion by the rule.
    public static func aggregate(_ criterion: String, ratings: [(reviewer: String, level: Int)], rubric: Judged,
                                 rule: PanelRule) -> PanelRating? {
        guard !ratings.isEmpty else { return nil }
        let sorted = ratings.map(\.level).sorted()
        var counted = sorted
        let level: Rational
        switch rule.aggregation {
        case .trimmedMean, .mean:
            if rule.aggregation == .trimmedMean && sorted.count >= 5 { counted = Array(sorted.dropFirst().dropLast()) }
            level = Rational(counted.reduce(0, +), counted.count) ?? .zero
        case .median:
            let n = sorted.count
            level = n % 2 == 1 ? Rational(sorted[n / 2]) : (Rational(sorted[n / 2 - 1] + sorted[n / 2], 2) ?? .zero)
        }
        let spread = (sorted.last ?? 0) - (sorted.first ?? 0)
        return PanelRating(criterionID: criterion, levels: ratings, counted: counted, aggregation: rule.aggregation, level: level,
                           points: points(at: level, rubric: rubric), spread: spread, disagreement: spread > rule.disagreementSpread)
    }

    /// Points at a level, exact at rubric levels and in proportion between two of them.
    public static func points(at level: Rational, rubric: Judged) -> Rational {
        let levels = rubric.levels.sorted { $0.level < $1.level }
        guard let first = levels.first, let last = levels.last else { return .zero }
        if level <= Rational(first.level) { return first.points }
        if level >= Rational(last.level) { return last.points }
        for (a, b) in zip(levels, levels.dropFirst()) where Rational(a.level) <= level && level <= Rational(b.level) {
            guard let offset = level.subtracting(Rational(a.level)),
                  let fraction = offset.divided(by: Rational(b.level - a.level)),
                  let rise = b.points.subtracting(a.points),
                  let add = rise.multiplied(by: fraction) else { return a.points }
            return a.points.adding(add) ?? a.points
        }
        return .zero
    }
}
