import ParkScore

/// The amount of a support measure in words, the same in the text result and the dossier: `最高 ¥3,000,000`,
/// `不符合条件`, `缺少数据：firms[2].rent_paid`, `待定`. A measure paid by the year for more than one year gives two
/// figures and names both — this period's (one year) and the total over the years left — never one headline that
/// mixes them: `本期 ¥700,000；按剩余 3 年测算合计 ¥2,100,000`.
public struct SupportAmountText {
    public let language: LocalizedText.Language

    public init(language: LocalizedText.Language) {
        self.language = language
    }

    func t(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

    /// The measure's amount, for all its firms together (or from park totals, or for the park).
    public func amount(_ s: SupportEntitlement, prefix: String) -> String {
        let years: String
        if s.basis == .perFirm {
            years = t("按各企业剩余年限", "over each firm's years left")
        } else {
            years = t("按 \(s.periods) 年", "over \(s.periods) years")
        }
        return words(s.status, perPeriod: s.perPeriod, total: s.total, missing: s.missingFacts, prefix: prefix,
                     years: s.isPaidOverYears ? years : nil)
    }

    /// One firm's amount under a per-firm measure.
    public func amount(_ firm: FirmEntitlement, of s: SupportEntitlement, prefix: String) -> String {
        let years = firm.periods == 1 ? t("按剩余 1 年", "over the 1 year left") : t("按剩余 \(firm.periods) 年", "over the \(firm.periods) years left")
        return words(firm.status, perPeriod: firm.perPeriod, total: firm.total, missing: firm.missingFacts, prefix: prefix,
                     years: s.isPaidOverYears ? years : nil)
    }

    func words(_ status: SupportEntitlement.Status, perPeriod: Rational?, total: Rational?, missing: [String], prefix: String,
               years: String?) -> String {
        switch status {
        case .eligible:
            guard let total else { return t("待定", "undetermined") }
            guard let years, let perPeriod else { return prefix + total.yuan }
            return prefix + t("本期 \(perPeriod.yuan)；\(years)测算合计 \(total.yuan)", "this period \(perPeriod.yuan); \(years), \(total.yuan) in all")
        case .notEligible: return t("不符合条件", "not eligible")
        case .missingData:
            // Undetermined for a reason other than a missing fact (the park's accreditation awaits corrections).
            guard !missing.isEmpty else { return t("待定", "undetermined") }
            return t("缺少数据：", "missing data: ") + missing.joined(separator: ", ")
        }
    }
}
