/// Works out what each incentive comes to: from the park's facts, or firm by firm over a table of records and summed.
///
/// Per firm, each record's condition, base, cap and years left are evaluated with its fields in scope; a field the
/// record does not give makes that firm's amount undetermined (never zero), and the measure's total then stays open.
/// A per-firm measure whose table the self-report does not give falls back to its park-totals form, an upper bound.
struct EntitlementCalculator {
    let environment: FactEnvironment
    let dictionary: FactDictionary
    let log: ArithmeticLog
    /// The park's verdict under this scorecard, and the facts its undecided gates lack: what a measure granted for being
    /// in an accredited park (`requires_accreditation`) depends on.
    let verdict: ScoreResult.Verdict
    let verdictMissingFacts: [String]

    /// An amount worked out under one set of terms, in one environment (the park's, or one firm's).
    private struct Amount {
        var status: SupportEntitlement.Status = .notEligible
        var perPeriod: Rational?
        var periods: Int
        var total: Rational?
        var missingFacts: [String] = []
        var explanation: [ExplanationStep] = []
    }

    func entitlement(_ incentive: Incentive) -> SupportEntitlement {
        var result = SupportEntitlement(
            id: incentive.id, title: incentive.title, clause: incentive.clause, beneficiary: incentive.beneficiary,
            status: .notEligible, perPeriod: nil, period: incentive.period,
            periods: incentive.period == .once ? 1 : incentive.years, total: nil,
            isCeiling: incentive.base == nil || incentive.rateUnstated,
            basis: incentive.beneficiary == .park ? .park : .parkTotals, rateUnstated: incentive.rateUnstated,
            missingFacts: [], explanation: [], years: incentive.period == .once ? 1 : incentive.years)
        result.requiresAccreditation = incentive.requiresAccreditation
        if incentive.requiresAccreditation {
            // 「入驻经认定的…」: the support follows the park's accreditation, whatever the firms say of themselves.
            result.explanation.append(.accreditation(verdict))
            switch verdict {
            case .eligible: break
            case .ineligible:
                return result
            case .undetermined:
                result.status = .missingData
                result.missingFacts = verdictMissingFacts
                return result
            }
        }
        guard let table = incentive.forEach else {
            if result.basis == .parkTotals { result.explanation.append(.fromParkTotals(table: nil)) }
            apply(amount(incentive, incentive.terms, yearsLeft: nil, in: environment), to: &result)
            return result
        }
        switch environment.value(table) {
        case .list(let records):
            result.basis = .perFirm
            perFirm(incentive, table: table, records: records, into: &result)
        case .unknown(let missing):
            guard let totals = incentive.parkTotals else {
                result.basis = .perFirm
                result.status = .missingData
                result.missingFacts = missing
                return result
            }
            result.basis = .parkTotals
            result.isCeiling = totals.base == nil || incentive.rateUnstated
            result.explanation.append(.fromParkTotals(table: table))
            // 「一定比例」 without its rate is as true of the totals as of each firm: say so here too.
            if incentive.rateUnstated { result.explanation.append(.rateUnstated) }
            apply(amount(incentive, totals, yearsLeft: nil, in: environment), to: &result)
        case .error(let message):
            result.explanation.append(.problem(message))
        default:
            result.explanation.append(.problem(Message("engine.not-records", table)))
        }
        return result
    }

    private func apply(_ amount: Amount, to result: inout SupportEntitlement) {
        result.status = amount.status
        result.perPeriod = amount.perPeriod
        result.periods = amount.periods
        result.total = amount.total
        result.missingFacts += amount.missingFacts
        result.explanation += amount.explanation
    }

    private func perFirm(_ incentive: Incentive, table: String, records: [Value], into result: inout SupportEntitlement) {
        var base = environment
        if case .records(let schema)? = dictionary.type(of: table) {
            for field in schema.fields {
                if case .money = field.type { base.moneyKeys.insert(field.name) }
                if case .percent = field.type { base.percentKeys.insert(field.name) }
            }
        }
        var perPeriod = Rational.zero, total = Rational.zero
        var periods = 0, eligible = 0, undetermined = 0
        var missing: [String] = []
        var firms: [FirmEntitlement] = []
        firms.reserveCapacity(records.count)
        for (i, record) in records.enumerated() {
            let label = "\(table)[\(i + 1)]"
            guard case .record(let fields) = record else {
                // Never skipped: an entry that is not a record leaves its firm, and so the sum, undetermined.
                undetermined += 1
                missing.append(label)
                firms.append(FirmEntitlement(index: i + 1, name: nil, status: .missingData, perPeriod: nil, periods: 0, total: nil,
                                             missingFacts: [label],
                                             explanation: [.problem(Message("engine.not-a-record", String(i + 1), table, record.typeName))]))
                continue
            }
            let env = base.with(record: fields, label: label)
            let a = amount(incentive, incentive.terms, yearsLeft: incentive.yearsLeft, in: env)
            var name: String?
            if case .text(let n)? = fields["name"] { name = n }
            firms.append(FirmEntitlement(index: i + 1, name: name, status: a.status, perPeriod: a.perPeriod, periods: a.periods,
                                         total: a.total, missingFacts: a.missingFacts, explanation: a.explanation))
            switch a.status {
            case .eligible:
                // An eligible amount always carries both figures; without them the firm is undetermined, never ¥0.
                guard let firmPerPeriod = a.perPeriod, let firmTotal = a.total else {
                    undetermined += 1
                    missing.append(label)
                    continue
                }
                eligible += 1
                perPeriod = log.add(perPeriod, firmPerPeriod, at: incentive.id)
                total = log.add(total, firmTotal, at: incentive.id)
                periods = max(periods, a.periods)
            case .missingData:
                undetermined += 1
                missing += a.missingFacts
            case .notEligible:
                break
            }
        }
        result.firms = firms
        result.explanation.append(.perFirm(table: table, firms: firms.count, eligible: eligible, undetermined: undetermined, total: total))
        if incentive.rateUnstated { result.explanation.append(.rateUnstated) }
        if undetermined > 0 {
            // The sum is open while any firm's amount is: never a total that counts a missing firm as zero.
            result.status = .missingData
            var seen = Set<String>()
            result.missingFacts = missing.filter { seen.insert($0).inserted }
        } else if eligible > 0 {
            result.status = .eligible
            result.perPeriod = perPeriod
            result.periods = periods
            result.total = total
        }
    }

    /// `min(base × rate, cap)` a period (or the cap alone), for the periods granted, once the condition holds.
    private func amount(_ incentive: Incentive, _ terms: Incentive.Terms, yearsLeft: Expression?, in env: FactEnvironment) -> Amount {
        var a = Amount(periods: incentive.period == .once ? 1 : incentive.years)
        func problem(_ value: Value) {
            if case .error(let message) = value { a.explanation.append(.problem(message)) }
            if let overflow = value.overflowOperation { log.problems.append(ArithmeticProblem(subject: incentive.id, operation: overflow)) }
        }
        if let condition = terms.condition {
            let value = condition.value(in: env)
            a.explanation.append(.evaluated(ExpressionTrace(condition, env)))
            switch value {
            case .bool(true): break
            case .unknown(let missing):
                a.status = .missingData
                a.missingFacts = missing
                return a
            case .error:
                problem(value)
                return a
            default:
                return a
            }
        }
        var unknown = false, failed = false
        func number(_ expression: Expression) -> Rational? {
            let value = expression.value(in: env)
            switch value {
            case .number(let n): return n
            case .unknown(let missing):
                a.missingFacts += missing
                unknown = true
            case .error:
                problem(value)
                failed = true
            default:
                a.explanation.append(.problem(Message("engine.amount-not-number")))
                failed = true
            }
            return nil
        }
        if let yearsLeft {
            a.explanation.append(.yearsLeft(ExpressionTrace(yearsLeft, env)))
            if let left = number(yearsLeft) {
                guard left.isInteger else {
                    a.explanation.append(.problem(Message("engine.years-left-not-whole", left.formatted())))
                    return a
                }
                // The window's years from the period on, never more than the text grants, never fewer than none.
                let clamped = Rational.min(Rational.max(left, .zero), Rational(incentive.years))
                a.periods = clamped.isInteger ? Int(clamped.numerator) : 0
                if a.periods == 0 {
                    a.explanation.append(.noYearsLeft(years: incentive.years))
                    return a
                }
            } else if failed {
                return a
            }
        }
        let cap = number(terms.cap)
        var base: Rational?
        if let baseExpression = terms.base {
            base = number(baseExpression)
            if base == nil { a.explanation.append(.evaluated(ExpressionTrace(baseExpression, env))) }
        }
        guard !unknown, !failed, let cap, terms.base == nil || base != nil else {
            a.status = unknown && !failed ? .missingData : .notEligible
            return a
        }
        var perPeriod = cap
        if let base {
            let granted = incentive.rate.map { log.multiply(base, $0, at: incentive.id) } ?? base
            perPeriod = Rational.min(Rational.max(granted, .zero), cap)
        }
        perPeriod = perPeriod.rounded(places: 2)
        let total = log.multiply(perPeriod, Rational(a.periods), at: incentive.id)
        a.status = .eligible
        a.perPeriod = perPeriod
        a.total = total
        a.explanation.append(.amount(base: base, rate: incentive.rate, cap: cap, perPeriod: perPeriod, periods: a.periods, total: total))
        return a
    }
}
