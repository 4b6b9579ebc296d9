/// The parks with the most points on each criterion, gathered one standing at a time: per criterion the top points,
/// how many parks share them, and the best-ranked of those (at most `shown`: when hundreds tie, naming them all helps
/// nobody). The outcome does not depend on the order standings come in.
public struct BestPerCriterion: Sendable {
    /// Leaders named per criterion; the others are counted.
    public static let shown = 20

    struct Criterion: Sendable {
        var top = Rational.zero
        var leaders: [(id: String, standing: Standing)] = []
        var count = 0
    }

    var criteria: [Criterion]

    public init(scorecard: Scorecard) {
        criteria = Array(repeating: Criterion(), count: scorecard.criteria.count)
    }

    /// Adds one park.
    public mutating func add(parkID: String, standing: Standing) {
        for i in criteria.indices where i < standing.criterionCount {
            // Nobody leads with zero points.
            guard let points = standing.points(ofCriterion: i), !points.isZero, !(points < criteria[i].top) else { continue }
            if criteria[i].top < points {
                criteria[i] = Criterion(top: points, leaders: [(parkID, standing)], count: 1)
                continue
            }
            criteria[i].count += 1
            let leader = (id: parkID, standing: standing)
            guard criteria[i].leaders.count < Self.shown || Standing.ranksBefore(leader, criteria[i].leaders[criteria[i].leaders.count - 1]) else { continue }
            let at = criteria[i].leaders.firstIndex { Standing.ranksBefore(leader, $0) } ?? criteria[i].leaders.count
            criteria[i].leaders.insert(leader, at: at)
            if criteria[i].leaders.count > Self.shown { criteria[i].leaders.removeLast() }
        }
    }

    /// The best park per criterion, in the scorecard's order.
    public func best(_ scorecard: Scorecard) -> [Ranking.Best] {
        zip(scorecard.criteria, criteria).map { criterion, c in
            Ranking.Best(criterionID: criterion.id, title: criterion.title, parks: c.leaders.map(\.id), tied: c.count, points: c.top)
        }
    }
}
