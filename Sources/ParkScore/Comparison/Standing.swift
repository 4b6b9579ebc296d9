/// A result reduced to what a ranking shows: verdict, total, grade, each dimension's score with its heat-map shade, and
/// each criterion's points (for the best park per criterion). A batch keeps one of these per application and scorecard,
/// never the whole result with its explanations, so it is packed: the dimensions and criteria share one array of
/// 4-byte codes (about 200 bytes for a scorecard of 7 dimensions and 30 criteria), exact whatever the values
/// (`PackedRational`).
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
    /// Two codes per dimension (its score, then its flags), then one per criterion.
    private var codes: ContiguousArray<Int32>
    /// The values no code holds exactly (almost always none).
    private var extra: [Rational]
    private var dimensionCount: Int32

    /// In the scorecard's order.
    public var dimensions: Dimensions { Dimensions(standing: self) }

    /// How many criteria the standing holds points for.
    public var criterionCount: Int { codes.count - 2 * Int(dimensionCount) }

    /// The points of the scorecard's `index`-th criterion; nil where it does not apply.
    public func points(ofCriterion index: Int) -> Rational? {
        guard index >= 0, index < criterionCount else { return nil }
        return PackedRational.value(codes[2 * Int(dimensionCount) + index], extra: extra)
    }

    public init(_ result: ScoreResult) {
        verdict = result.verdict
        total = result.total
        grade = result.grade?.id
        isProvisional = result.isProvisional
        let criteria = result.dimensions.reduce(0) { $0 + $1.criteria.count }
        var codes = ContiguousArray<Int32>()
        codes.reserveCapacity(2 * result.dimensions.count + criteria)
        var extra: [Rational] = []
        for d in result.dimensions {
            var flags: Int32 = d.isApplicable ? 1 : 0
            if d.isApplicable, !d.effectiveWeight.isZero {
                // A display proportion (the number shown is exact): the share of the weight, in five steps.
                let share = min(1, max(0, d.score.doubleValue / d.effectiveWeight.doubleValue))
                flags |= 2 | Int32(min(4, Int(share * 5))) << 2
            }
            codes.append(PackedRational.code(d.score, extra: &extra))
            codes.append(flags)
        }
        for dimension in result.dimensions {
            for criterion in dimension.criteria {
                codes.append(criterion.status == .notApplicable ? PackedRational.none : PackedRational.code(criterion.points, extra: &extra))
            }
        }
        self.codes = codes
        self.extra = extra
        dimensionCount = Int32(result.dimensions.count)
    }

    /// The dimensions, read from the codes as they are asked for.
    public struct Dimensions: RandomAccessCollection, Sendable {
        let standing: Standing
        public var startIndex: Int { 0 }
        public var endIndex: Int { Int(standing.dimensionCount) }

        public subscript(i: Int) -> Dimension {
            let flags = standing.codes[2 * i + 1]
            // Flags: bit 0 applicable, bit 1 shaded, bits 2–4 the shade.
            return Dimension(score: PackedRational.number(standing.codes[2 * i], extra: standing.extra),
                             isApplicable: flags & 1 != 0, shade: flags & 2 != 0 ? UInt8((flags >> 2) & 7) : nil)
        }
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

/// An exact value in 4 bytes: a multiple of 1/630,000 (every fraction whose denominator divides 2⁴·3²·5⁴·7 — tenths,
/// hundredths, eighths, thirds, sevenths… — up to about ±1,700) is held as that multiple; any other value is kept
/// aside, and the code says where. No value is ever rounded.
enum PackedRational {
    static let scale = 630_000
    /// "No value": a criterion that does not apply.
    static let none = Int32.min
    /// Codes above this are multiples of 1/scale; codes from `none + 1` up to it are positions in the values kept aside.
    static let limit = 1 << 30

    static func code(_ value: Rational, extra: inout [Rational]) -> Int32 {
        if scale % value.denominator == 0 {
            let (multiple, overflow) = value.numerator.multipliedReportingOverflow(by: scale / value.denominator)
            if !overflow, multiple > -limit, multiple < limit { return Int32(multiple) }
        }
        extra.append(value)
        return none + 1 + Int32(extra.count - 1)
    }

    /// The value of a code, or nil for `none` (a criterion that does not apply).
    static func value(_ code: Int32, extra: [Rational]) -> Rational? {
        code == none ? nil : number(code, extra: extra)
    }

    /// The value of a code that always holds one (a dimension's score is never `none`).
    static func number(_ code: Int32, extra: [Rational]) -> Rational {
        precondition(code != none, "a dimension's score is always coded")
        if Int(code) <= -limit { return extra[Int(code) - Int(none) - 1] }
        // A multiple of 1/scale with |code| < 2^30 and scale > 0: the fraction always exists; reduced here.
        return Rational(reduced: Int(code), scale)
    }
}
