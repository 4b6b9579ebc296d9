/// Support a policy text offers (a subsidy, a reward, interest relief), computed from the self-report as an
/// entitlement: `min(base × rate, cap)` a period, for so many periods. Without a base, the text gives only a
/// ceiling ("最高…"), and the entitlement is that ceiling. Amounts are in yuan, exact.
///
/// Support the text grants per firm is computed per firm: with `for_each: firms` the condition, base, cap and
/// years left are evaluated for each record of the table (its fields by their bare names, park facts by their keys),
/// and the firms' amounts are summed. `park_totals` gives the same measure from park-wide totals for a self-report
/// without the table; such an amount (and any support for tenants computed from park totals) is an upper bound.
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
    /// The most periods: the text's "最多支持三年".
    public var years: Int
    /// The records fact (a table of firms) the measure is computed over, one amount per record.
    public var forEach: String?
    /// Per record, how many of its `years` remain from the reporting period on (from its arrival date, say); clamped
    /// to 0…years, and a record with none left gets nothing.
    public var yearsLeft: Expression?
    /// The text says "一定比例" and names no rate: the amount shown is the base up to the cap, an upper bound.
    public var rateUnstated: Bool
    /// The measure from park-wide totals, used when the self-report gives no table: an upper bound.
    public var parkTotals: Terms?
    /// The text grants it for being in an accredited park (「入驻经认定的…」): it applies only when the park's verdict
    /// under this scorecard is eligible — not eligible when the park is not accredited (不予认定), undetermined while
    /// the verdict is.
    public var requiresAccreditation: Bool
    /// Facts and the amounts they must give, run by one test.
    public var examples: [ScorecardExample]
    public var location: SourceLocation?

    /// Who qualifies and how much: the terms of the park-aggregate form.
    public struct Terms: Sendable {
        public var condition: Expression?
        public var base: Expression?
        public var cap: Expression

        public init(condition: Expression?, base: Expression?, cap: Expression) {
            self.condition = condition
            self.base = base
            self.cap = cap
        }

        public var expressions: [Expression] { [condition, base, cap].compactMap { $0 } }
    }

    public init(id: String, title: LocalizedText, clause: Clause?, beneficiary: Beneficiary, condition: Expression?,
                base: Expression?, rate: Rational?, cap: Expression, period: Period, years: Int,
                forEach: String? = nil, yearsLeft: Expression? = nil, rateUnstated: Bool = false, parkTotals: Terms? = nil,
                requiresAccreditation: Bool = false, examples: [ScorecardExample] = [], location: SourceLocation? = nil) {
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
        self.forEach = forEach
        self.yearsLeft = yearsLeft
        self.rateUnstated = rateUnstated
        self.parkTotals = parkTotals
        self.requiresAccreditation = requiresAccreditation
        self.examples = examples
        self.location = location
    }

    /// The terms evaluated per record (with `for_each`), or on the park's facts (without).
    public var terms: Terms { Terms(condition: condition, base: base, cap: cap) }

    /// Every expression the incentive evaluates.
    public var expressions: [Expression] {
        terms.expressions + [yearsLeft].compactMap { $0 } + (parkTotals?.expressions ?? [])
    }

    /// The park facts the incentive reads: the table, the park facts its per-record terms name (dotted keys; bare
    /// names there are the table's fields), and everything the park-aggregate form reads. The reporting period
    /// (`period.from`, `period.to`) is not a fact.
    public var factKeys: [String] {
        var keys: [String] = forEach.map { [$0] } ?? []
        let perRecord = terms.expressions + [yearsLeft].compactMap { $0 }
        for expression in perRecord {
            for ref in expression.factReferences where forEach == nil || ref.path.contains(".") { keys.append(ref.path) }
        }
        for expression in parkTotals?.expressions ?? [] { keys += expression.factReferences.map(\.path) }
        var seen = Set<String>()
        return keys.filter { !$0.hasPrefix("period.") && seen.insert($0).inserted }
    }
}
