import ParkScore

/// The amount of a support measure in words, the same in the text result and the dossier: `最高 ¥3,000,000`,
/// `不符合条件`, `缺少数据：第 2 家企业的报告期内实际支付的房租（元）`, `待定`. A measure paid by the year for more than one year gives two
/// figures and names both — this period's (one year) and the total over the years left — never one headline that
/// mixes them: `本期 ¥700,000；按剩余 3 年测算合计 ¥2,100,000`.
public struct SupportAmountText {
    public let messages: Messages
    /// How a missing fact is named (`PlainExplanation.factName`: its title and key), or its key as it is.
    let fact: (String) -> String

    public init(messages: Messages, fact: @escaping (String) -> String = { $0 }) {
        self.messages = messages
        self.fact = fact
    }

    /// The measure's amount, for all its firms together (or from park totals, or for the park).
    public func amount(_ s: SupportEntitlement, prefix: String) -> String {
        let years: String
        if s.basis == .perFirm {
            years = messages("support.years.each_firm")
        } else {
            years = messages("support.years.periods", ["years": String(s.periods)])
        }
        return words(s.status, perPeriod: s.perPeriod, total: s.total, missing: s.missingFacts, prefix: prefix,
                     years: s.isPaidOverYears ? years : nil)
    }

    /// One firm's amount under a per-firm measure.
    public func amount(_ firm: FirmEntitlement, of s: SupportEntitlement, prefix: String) -> String {
        let years = messages("support.years.left", ["years": String(firm.periods)])
        return words(firm.status, perPeriod: firm.perPeriod, total: firm.total, missing: firm.missingFacts, prefix: prefix,
                     years: s.isPaidOverYears ? years : nil)
    }

    func words(_ status: SupportEntitlement.Status, perPeriod: Rational?, total: Rational?, missing: [String], prefix: String,
               years: String?) -> String {
        switch status {
        case .eligible:
            guard let total else { return messages("support.undetermined") }
            guard let years, let perPeriod else { return prefix + total.yuan }
            return prefix + messages("support.this_period", ["per_period": perPeriod.yuan, "years": years, "total": total.yuan])
        case .notEligible: return messages("support.not_eligible")
        case .missingData:
            // Undetermined for a reason other than a missing fact (the park's accreditation awaits corrections).
            guard !missing.isEmpty else { return messages("support.undetermined") }
            return messages("support.missing_data", ["facts": messages.list(missing.map(fact))])
        }
    }
}
