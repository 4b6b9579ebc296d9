/// What one incentive comes to for a park: whether it qualifies, and how much, a period and in all.
public struct SupportEntitlement: Sendable {
    public enum Status: String, Sendable, Hashable {
        /// The condition holds and the amount is known.
        case eligible
        /// The condition does not hold.
        case notEligible = "not-eligible"
        /// A fact the condition or the amount needs is missing.
        case missingData = "missing-data"
    }

    /// What the amount was computed from.
    public enum Basis: String, Sendable, Hashable {
        /// Support for the park itself, from its facts.
        case park
        /// Support for tenants, computed firm by firm from the self-report's table and summed.
        case perFirm = "per-firm"
        /// Support for tenants computed from park-wide totals: per-firm caps and years cannot be applied, so the
        /// amount is an upper bound (上限估计).
        case parkTotals = "park-totals"
    }

    public var id: String
    public var title: LocalizedText
    public var clause: Clause?
    public var beneficiary: Incentive.Beneficiary
    public var status: Status
    /// Yuan a period, rounded half up to the fen; nil when not eligible or unknown. Per firm: what the firms
    /// together get in the reporting period's year.
    public var perPeriod: Rational?
    public var period: Incentive.Period
    /// How many periods: 1 for a one-off grant; per firm, the most any firm has left.
    public var periods: Int
    /// The most periods the text grants (「最多支持三年」: 3); 1 for a measure not paid by the year. A measure paid by
    /// the year for more than one year shows this period's amount apart from the total over the years left.
    public var years: Int
    /// Granted for being in an accredited park: the amount follows the park's verdict (`requires_accreditation`).
    public var requiresAccreditation: Bool = false
    /// Yuan over all periods (and all firms).
    public var total: Rational?
    /// The text gives only a ceiling ("最高"), or a share without its rate ("一定比例"), so the amount is the most that
    /// could be granted.
    public var isCeiling: Bool
    public var basis: Basis
    /// The text names no rate ("一定比例"): the amount is the base up to the cap.
    public var rateUnstated: Bool
    public var missingFacts: [String]
    /// How the amount came about, step by step.
    public var explanation: [ExplanationStep]
    /// Per firm, in the table's order (empty unless computed per firm).
    public var firms: [FirmEntitlement]

    public init(id: String, title: LocalizedText, clause: Clause?, beneficiary: Incentive.Beneficiary, status: Status,
                perPeriod: Rational?, period: Incentive.Period, periods: Int, total: Rational?, isCeiling: Bool,
                basis: Basis = .park, rateUnstated: Bool = false, missingFacts: [String], explanation: [ExplanationStep],
                firms: [FirmEntitlement] = [], years: Int = 1) {
        self.id = id
        self.title = title
        self.clause = clause
        self.beneficiary = beneficiary
        self.status = status
        self.perPeriod = perPeriod
        self.period = period
        self.periods = periods
        self.total = total
        self.isCeiling = isCeiling
        self.basis = basis
        self.rateUnstated = rateUnstated
        self.missingFacts = missingFacts
        self.explanation = explanation
        self.firms = firms
        self.years = years
    }

    /// Paid by the year for more than one year: this period's amount (one year) and the total over the years left are
    /// two figures, and are shown as two.
    public var isPaidOverYears: Bool { period == .year && years > 1 }

    /// Computed from park totals for tenants: at most this much, likely less.
    public var isUpperBound: Bool { basis == .parkTotals }
}

/// What one firm of the table gets under a per-firm measure.
public struct FirmEntitlement: Sendable, Hashable {
    /// The firm's place in the table, from 1.
    public var index: Int
    /// The firm's `name` field, when given.
    public var name: String?
    public var status: SupportEntitlement.Status
    /// Yuan a period for this firm, to the fen.
    public var perPeriod: Rational?
    /// The periods this firm has left (its years of the text's three, say).
    public var periods: Int
    public var total: Rational?
    /// Fields of this record (`firms[2].rent_paid`) or park facts the amount needs and the report does not give.
    public var missingFacts: [String]
    public var explanation: [ExplanationStep]

    public init(index: Int, name: String?, status: SupportEntitlement.Status, perPeriod: Rational?, periods: Int, total: Rational?,
                missingFacts: [String], explanation: [ExplanationStep]) {
        self.index = index
        self.name = name
        self.status = status
        self.perPeriod = perPeriod
        self.periods = periods
        self.total = total
        self.missingFacts = missingFacts
        self.explanation = explanation
    }

    /// `#2 星光传媒` or `#2`.
    public var label: String { name.map { "#\(index) \($0)" } ?? "#\(index)" }
}
