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

    public var id: String
    public var title: LocalizedText
    public var clause: Clause?
    public var beneficiary: Incentive.Beneficiary
    public var status: Status
    /// Yuan a period, rounded half up to the fen; nil when not eligible or unknown.
    public var perPeriod: Rational?
    public var period: Incentive.Period
    /// How many periods: 1 for a one-off grant.
    public var periods: Int
    /// Yuan over all periods.
    public var total: Rational?
    /// The text gives only a ceiling ("最高"), so the amount is the most that could be granted.
    public var isCeiling: Bool
    public var missingFacts: [String]
    /// How the amount came about, step by step.
    public var explanation: [ExplanationStep]
}
