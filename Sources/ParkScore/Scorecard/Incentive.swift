/// Support a policy text offers (a subsidy, a reward, interest relief), computed from the self-report as an
/// entitlement: `min(base × rate, cap)` a period, for so many periods. Without a base, the text gives only a
/// ceiling ("最高…"), and the entitlement is that ceiling. Amounts are in yuan, exact.
public struct Incentive: Sendable {
    public enum Beneficiary: String, Sendable, Hashable, CaseIterable {
        /// The park (its operator) receives it.
        case park
        /// The park's tenant firms receive it.
        case tenants
    }

    public enum Period: String, Sendable, Hashable, CaseIterable {
        /// Once.
        case once
        /// Every year, for `years` years.
        case year
    }

    public var id: String
    public var title: LocalizedText
    public var clause: Clause?
    public var beneficiary: Beneficiary
    /// Who qualifies: absent means everyone the scorecard accredits.
    public var condition: Expression?
    /// The amount the rate applies to (rent paid, event costs, interest paid), in yuan.
    public var base: Expression?
    /// The share of the base granted (50%, 70%); 100% when absent.
    public var rate: Rational?
    /// The most granted a period, in yuan; may depend on facts (firms × ¥700,000).
    public var cap: Expression
    public var period: Period
    public var years: Int
    public var location: SourceLocation?

    public init(id: String, title: LocalizedText, clause: Clause?, beneficiary: Beneficiary, condition: Expression?,
                base: Expression?, rate: Rational?, cap: Expression, period: Period, years: Int,
                location: SourceLocation? = nil) {
        self.id = id
        self.title = title
        self.clause = clause
        self.beneficiary = beneficiary
        self.condition = condition
        self.base = base
        self.rate = rate
        self.cap = cap
        self.period = period
        self.years = years
        self.location = location
    }

    /// Every expression the incentive evaluates.
    public var expressions: [Expression] { [condition, base, cap].compactMap { $0 } }
}
