/// A result reduced to what a ranking shows: verdict, total, grade, each dimension's score with its heat-map shade, and
/// each criterion's points (for the best park per criterion). A batch keeps one of these per application and scorecard
/// (under a kilobyte), never the whole result with its explanations.
public struct Standing: Sendable, Hashable {
    public struct Dimension: Sendable, Hashable {
        public var score: Rational
        public var isApplicable: Bool
        /// The score's share of the dimension's effective weight in five steps (0–4), for shading only; nil when the
        /// dimension carries no weight.
        public var shade: UInt8?
    }

    public var verdict: ScoreResult.Verdict
    public var total: Rational
    /// The grade's id, if one is awarded.
    public var grade: String?
    public var isProvisional: Bool
    /// In the scorecard's order.
    public var dimensions: [Dimension]
    /// Points per criterion, in the order of the scorecard's criteria (the result's order), 16 bytes each; a criterion
    /// that does not apply holds `notApplicable` (read them through `points(ofCriterion:)`).
    var criterionPoints: ContiguousArray<Rational>
    static let notApplicable = Rational(Int.min)

    /// How many criteria the standing holds points for.
    public var criterionCount: Int { criterionPoints.count }

    /// The points of the scorecard's `index`-th criterion; nil where it does not apply.
    public func points(ofCriterion index: Int) -> Rational? {
        guard criterionPoints.indices.contains(index) else { return nil }
        let points = criterionPoints[index]
        return points == Self.notApplicable ? nil : points
    }

    public init(_ result: ScoreResult) {
        verdict = result.verdict
        total = result.total
        grade = result.grade?.id
        isProvisional = result.isProvisional
        dimensions = result.dimensions.map { d in
            var shade: UInt8?
            if d.isApplicable, !d.effectiveWeight.isZero {
                // A display proportion (the number shown is exact): the share of the weight, in five steps.
                let share = min(1, max(0, d.score.doubleValue / d.effectiveWeight.doubleValue))
                shade = UInt8(min(4, Int(share * 5)))
            }
            return Dimension(score: d.score, isApplicable: d.isApplicable, shade: shade)
        }
        var points = ContiguousArray<Rational>()
        for dimension in result.dimensions {
            for criterion in dimension.criteria { points.append(criterion.status == .notApplicable ? Self.notApplicable : criterion.points) }
        }
        criterionPoints = points
    }

    /// Eligible first, then undetermined, then ineligible.
    public var verdictOrder: Int {
        switch verdict {
        case .eligible: return 0
        case .undetermined: return 1
        case .ineligible: return 2
        }
    }

    /// Ranking order: verdict, then total (higher first), then park id.
    public static func ranksBefore(_ a: (id: String, standing: Standing), _ b: (id: String, standing: Standing)) -> Bool {
        if a.standing.verdictOrder != b.standing.verdictOrder { return a.standing.verdictOrder < b.standing.verdictOrder }
        if a.standing.total != b.standing.total { return b.standing.total < a.standing.total }
        return a.id < b.id
    }
}
