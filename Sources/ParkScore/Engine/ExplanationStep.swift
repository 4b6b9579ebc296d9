/// One step of how a criterion's points came about. The engine records steps as values, never words: ParkScoreIO
/// words them from the message catalogue (`StepText` the exact formulas, `PlainExplanation` plain sentences).
public enum ExplanationStep: Sendable, Hashable {
    /// An expression with the values substituted: `19 / 45 = 0.422 ≥ 40% ✓`.
    case evaluated(ExpressionTrace)
    /// A checklist item: present (true), absent (false) or unknown (nil), with its evaluation.
    case item(id: String, present: Bool?, trace: ExpressionTrace)
    /// The band a scale's value reached: `7 ≥ 5 → 3`.
    case band(value: Rational, min: Rational, points: Rational, percent: Bool)
    /// A scale's value below its lowest band: `4 < 5 → 0`.
    case belowBands(value: Rational, lowest: Rational, percent: Bool)
    /// A linear scale: `5 × (35% − 20%) / (60% − 20%) = 1.88`.
    case linear(points: Rational, value: Rational, from: Rational, to: Rational, result: Rational, clamped: Bool, percent: Bool)
    /// A checklist's points added up, and capped: `2 + 2 + 2 = 6 > 5 → 5`.
    case sum(items: [Rational], total: Rational, cap: Rational?)
    /// An incentive's amount: `min(120000 × 50%, 1000000) = 60000`, a ceiling, or a total over years.
    case amount(base: Rational?, rate: Rational?, cap: Rational, perPeriod: Rational, periods: Int, total: Rational)
    /// A per-firm measure summed: how many firms the table has, how many qualify, how many are undetermined for
    /// missing data, and what the determined ones come to.
    case perFirm(table: String, firms: Int, eligible: Int, undetermined: Int, total: Rational)
    /// The amount comes from park totals (no table given, or a measure written on totals): an upper bound.
    case fromParkTotals(table: String?)
    /// The text names no rate ("一定比例"): the amount is the base up to the cap, an upper bound.
    case rateUnstated
    /// A firm's years of support left, worked out: `剩余年数：3 − 2 = 1`.
    case yearsLeft(ExpressionTrace)
    /// A firm's years of support are over.
    case noYearsLeft(years: Int)
    /// A measure granted for being in an accredited park (「入驻经认定的…」), and the park's verdict it follows.
    case accreditation(ScoreResult.Verdict)
    /// The park's own rating of a judged criterion.
    case selfRated(level: Int, points: Rational)
    /// The rating an evaluation settled on.
    case rated(level: Rational, points: Rational)
    /// In evaluation, the park's own rating, shown beside the panel's and not counted.
    case selfRatingForReference(level: Int)
    /// A judged criterion nobody has rated yet.
    case notRated(mode: ScoringMode)
    /// A rating on a level the rubric does not have.
    case levelNotInRubric(Int)
    /// The criterion was claimed not applicable, with this justification.
    case notApplicable(String)
    /// An N/A claim that does not count: the criterion does not allow it, or no justification was given.
    case notApplicableRefused(allowed: Bool)
    /// In evaluation, the claim's evidence does not hold (rejected, missing, failing its hash, or none listed): it earns nothing.
    case evidenceNotAccepted(Unsubstantiated)
    /// The chair's resolution of a judged criterion, replacing the panel's aggregate.
    case resolved(level: Int, aggregate: Rational?, points: Rational, chair: String, reason: String)
    /// A problem evaluating the criterion (division by zero, a wrong type).
    case problem(Message)
    /// An evaluator set the points: from what to what, who, and why.
    case overridden(old: Rational, new: Rational, reviewer: String, reason: String)
}
