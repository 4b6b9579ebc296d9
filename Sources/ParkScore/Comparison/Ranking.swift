/// Many parks against one scorecard: ranks (ties share a rank: 1, 1, 3), totals, the per-dimension matrix,
/// and the best park per criterion. Eligible parks rank before the others.
public struct Ranking: Sendable {
    public struct Entry: Sendable {
        /// 1-based; equal totals (and verdicts) share a rank.
        public var rank: Int
        public var parkID: String
        public var parkName: String
        public var standing: Standing
    }

    public struct Best: Sendable, Hashable {
        public var criterionID: String
        public var title: LocalizedText
        /// The parks with the most points on the criterion, best-ranked first, at most `BestPerCriterion.shown`;
        /// empty when nobody earned any.
        public var parks: [String]
        /// How many parks share the most points (more than `parks` holds when many tie).
        public var tied: Int
        public var points: Rational
    }

    public var scorecard: Scorecard
    public var entries: [Entry]
    public var best: [Best]

    /// `parks` are (id, name, result) in any order; ranks come from the results, ties by id for the order.
    public init(scorecard: Scorecard, parks: [(id: String, name: String, result: ScoreResult)]) {
        self.init(scorecard: scorecard, standings: parks.map { ($0.id, $0.name, Standing($0.result)) })
    }

    /// `parks` are (id, name, standing) in any order.
    public init(scorecard: Scorecard, standings parks: [(id: String, name: String, standing: Standing)]) {
        self.scorecard = scorecard
        let sorted = parks.sorted { Standing.ranksBefore(($0.id, $0.standing), ($1.id, $1.standing)) }
        var entries: [Entry] = []
        entries.reserveCapacity(sorted.count)
        for (i, park) in sorted.enumerated() {
            var rank = i + 1
            if let previous = entries.last, previous.standing.total == park.standing.total,
               previous.standing.verdictOrder == park.standing.verdictOrder {
                rank = previous.rank
            }
            entries.append(Entry(rank: rank, parkID: park.id, parkName: park.name, standing: park.standing))
        }
        self.entries = entries
        var best = BestPerCriterion(scorecard: scorecard)
        for entry in entries { best.add(parkID: entry.parkID, standing: entry.standing) }
        self.best = best.best(scorecard)
    }
}
