/// Many parks against one scorecard: ranks (ties share a rank: 1, 1, 3), totals, the per-dimension matrix,
/// and the best park per criterion. Eligible parks rank before the others.
public struct Ranking: Sendable {
    public struct Entry: Sendable {
        /// 1-based; equal totals (and verdicts) share a rank.
        public var rank: Int
        public var parkID: String
        public var parkName: String
        public var result: ScoreResult
    }

    public struct Best: Sendable, Hashable {
        public var criterionID: String
        public var title: LocalizedText
        /// The parks with the most points on the criterion (several when tied); empty when nobody earned any.
        public var parks: [String]
        public var points: Rational
    }

    public var scorecard: Scorecard
    public var entries: [Entry]
    public var best: [Best]

    /// `parks` are (id, name, result) in any order; ranks come from the results, ties by id for the order.
    public init(scorecard: Scorecard, parks: [(id: String, name: String, result: ScoreResult)]) {
        self.scorecard = scorecard
        func order(_ verdict: ScoreResult.Verdict) -> Int {
            switch verdict {
            case .eligible: return 0
            case .undetermined: return 1
            case .ineligible: return 2
            }
        }
        let sorted = parks.sorted { a, b in
            if order(a.result.verdict) != order(b.result.verdict) { return order(a.result.verdict) < order(b.result.verdict) }
            if a.result.total != b.result.total { return b.result.total < a.result.total }
            return a.id < b.id
        }
        var entries: [Entry] = []
        for (i, park) in sorted.enumerated() {
            var rank = i + 1
            if let previous = entries.last, previous.result.total == park.result.total,
               order(previous.result.verdict) == order(park.result.verdict) {
                rank = previous.rank
            }
            entries.append(Entry(rank: rank, parkID: park.id, parkName: park.name, result: park.result))
        }
        self.entries = entries
        var best: [Best] = []
        for criterion in scorecard.criteria {
            var top = Rational.zero
            var leaders: [String] = []
            for entry in entries {
                guard let c = entry.result.criterion(criterion.id), c.status != .notApplicable else { continue }
                if top < c.points {
                    top = c.points
                    leaders = [entry.parkID]
                } else if c.points == top && !top.isZero {
                    leaders.append(entry.parkID)
                }
            }
            best.append(Best(criterionID: criterion.id, title: criterion.title, parks: leaders, points: top))
        }
        self.best = best
    }
}
