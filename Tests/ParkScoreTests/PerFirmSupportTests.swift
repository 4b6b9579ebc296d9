import ParkScore
import ParkScoreIO
import ParkScoreTestSupport
import XCTest

/// Support computed per firm (`for_each`): each record's own cap and years, summed; a missing field leaves that firm
/// (and so the sum) undetermined; without the table, the park-totals form, an upper bound. Amounts by hand.
final class PerFirmSupportTests: XCTestCase {
    static let dictionaryYAML = """
    facts:
      count: {type: integer, zh: 企业数}
      total_rent: {type: money, zh: 房租合计}
      firms:
        type: records
        zh: 企业明细
        fields:
          name: {type: text, zh: 名称}
          since: {type: date, zh: 落户日期}
          ok: {type: boolean, zh: 经认定}
          rent: {type: money, zh: 房租}
          sales: {type: money, zh: 销售额}
    """

    static func card(_ incentives: String) -> String {
        """
        id: test-card
        version: 1.0.0
        title: {zh: 测试评分表, en: Test scorecard}
        source: {file: test.txt, title: 测试文本, jurisdiction: {zh: 测试市, en: Test City}}
        scoring_model: weighted-dimensions
        grades:
          - {id: A, title: {zh: 优秀, en: Excellent}, min: 0, max: 100}
        dimensions:
          - id: d1
            title: 维度一
            weight: 100
            criteria:
              - {id: c1, kind: check, title: 核查, clause: {ref: 一, quote: 核查}, when: count >= 1, points: 1}
        incentives:
        \(incentives)
        """
    }

    static let incentives = """
      - id: rent
        title: 房租补贴
        clause: {ref: 五, quote: 房租补贴}
        beneficiary: tenants
        for_each: firms
        when: ok and since <= period.to
        base: rent
        cap: 700000
        period: year
        years: 3
        years_left: year(since) + 3 - year(period.to)
        park_totals: {when: count >= 1, base: total_rent, cap: count * 700000}
      - id: share
        title: 销售奖励
        clause: {ref: 六, quote: 销售奖励}
        beneficiary: tenants
        for_each: firms
        when: sales > 0
        base: sales
        rate: unstated
        cap: 500000
        period: once
    """

    let dictionary = Fixtures.dictionary(PerFirmSupportTests.dictionaryYAML)

    func support(_ facts: String) throws -> [String: SupportEntitlement] {
        let scorecard = Fixtures.scorecard(Self.card(Self.incentives), dictionary: dictionary)
        let report = Fixtures.report(Fixtures.reportYAML(facts: facts), dictionary: dictionary)
        let result = ScoringEngine(dictionary: dictionary).score(report, against: scorecard)
        return Dictionary(uniqueKeysWithValues: result.support.map { ($0.id, $0) })
    }

    /// Reporting period 2025. Rent: min(rent, ¥700,000) a year, for the years of its three left from 2025 on
    /// (arrival year + 3 − 2025, at most 3), accredited firms only.
    ///   甲 arrived 2025, rent ¥2,000,000 (above the cap): min(2,000,000, 700,000) = 700,000 × 3 = ¥2,100,000
    ///   乙 arrived 2023, rent ¥700,000 (at the cap): 700,000 × (2023 + 3 − 2025 = 1) = ¥700,000
    ///   丙 arrived 2024, rent ¥100,000 (below the cap): 100,000 × 2 = ¥200,000
    ///   丁 arrived 2022: 2022 + 3 − 2025 = 0 years left → nothing
    ///   戊 not in an accredited space → nothing
    ///   together ¥3,000,000; this year 700,000 + 700,000 + 100,000 = ¥1,500,000.
    /// Sales (no rate in the text): min(sales, ¥500,000): 甲 ¥0.01 → ¥0.01 (never the ceiling for a cent of sales),
    ///   乙 ¥800,000 → ¥500,000, 丙 ¥500,000 → ¥500,000; together ¥1,000,000.01.
    func testEachFirmGetsItsOwnCapAndYearsAndTheAmountsAreSummed() throws {
        let support = try support("""
        firms:
          - {name: 甲, since: 2025-03-01, ok: true, rent: 2000000, sales: 0.01}
          - {name: 乙, since: 2023-06-01, ok: true, rent: 700000, sales: 800000}
          - {name: 丙, since: 2024-01-01, ok: true, rent: 100000, sales: 500000}
          - {name: 丁, since: 2022-05-01, ok: true, rent: 500000, sales: 0}
          - {name: 戊, since: 2025-01-01, ok: false, rent: 300000, sales: 0}
        """)
        let rent = try XCTUnwrap(support["rent"])
        XCTAssertEqual(rent.status, .eligible)
        XCTAssertEqual(rent.basis, .perFirm)
        XCTAssertFalse(rent.isUpperBound)
        XCTAssertEqual(rent.firms.map(\.total), [r(2_100_000), r(700_000), r(200_000), nil, nil])
        XCTAssertEqual(rent.firms.map(\.periods), [3, 1, 2, 0, 3])
        XCTAssertEqual(rent.firms.map(\.status), [.eligible, .eligible, .eligible, .notEligible, .notEligible])
        XCTAssertEqual(rent.total, r(3_000_000))
        XCTAssertEqual(rent.perPeriod, r(1_500_000))
        XCTAssertEqual(rent.firms[0].explanation.map { $0.text(TestCatalogue.zh) }.suffix(2), [
            "剩余年数：year(2025-03-01) + 3 − year(2025-12-31) = 3",
            "min(¥2,000,000, ¥700,000) = ¥700,000 × 3 年 = ¥2,100,000",
        ])
        XCTAssertEqual(rent.firms[3].explanation.last?.text(TestCatalogue.zh), "3 年支持期已满")
        XCTAssertEqual(rent.explanation.map { $0.text(TestCatalogue.zh) }, ["逐家测算（firms，共 5 家）：3 家符合条件，合计 ¥3,000,000"])

        let share = try XCTUnwrap(support["share"])
        XCTAssertEqual(share.firms.map(\.total), [r(1, 100), r(500_000), r(500_000), nil, nil])
        XCTAssertEqual(share.total, r(100_000_001, 100))
        XCTAssertTrue(share.isCeiling)
        XCTAssertTrue(share.rateUnstated)
        XCTAssertEqual(share.firms[1].explanation.last?.text(TestCatalogue.en), "min(¥800,000, ¥500,000) = ¥500,000")
    }

    /// A firm without its rent is undetermined, never ¥0: the sum stays open and says which field is missing.
    func testAMissingFieldLeavesThatFirmAndTheSumUndetermined() throws {
        let support = try support("""
        firms:
          - {name: 甲, since: 2025-03-01, ok: true, rent: 100000}
          - {name: 乙, since: 2025-03-01, ok: true}
        """)
        let rent = try XCTUnwrap(support["rent"])
        XCTAssertEqual(rent.status, .missingData)
        XCTAssertNil(rent.total)
        XCTAssertEqual(rent.missingFacts, ["firms[2].rent"])
        // 甲: 100,000 × 3 = 300,000, still shown
        XCTAssertEqual(rent.firms.map(\.total), [r(300_000), nil])
        XCTAssertEqual(rent.firms.map(\.status), [.eligible, .missingData])
        XCTAssertEqual(rent.explanation.first?.text(TestCatalogue.zh), "逐家测算（firms，共 2 家）：1 家符合条件，合计 ¥300,000；另有 1 家缺少数据，金额待定")
    }

    /// A table entry that is not a record (a library caller can build one; the loader refuses it) is never skipped:
    /// that firm, and so the sum, is undetermined. 甲 alone would be 100,000 × 3 = ¥300,000, still shown.
    func testAnEntryThatIsNotARecordLeavesTheSumUndeterminedNeverSkipped() throws {
        var report = Fixtures.report(Fixtures.reportYAML(facts: "firms:\n  - {name: 甲, since: 2025-03-01, ok: true, rent: 100000}"),
                                     dictionary: dictionary)
        let first = try XCTUnwrap(report.facts["firms"])
        guard case .list(let records) = first.value else { return XCTFail("firms is not a table") }
        report.facts["firms"] = FactEntry(.list(records + [.text("乙")]))
        let scorecard = Fixtures.scorecard(Self.card(Self.incentives), dictionary: dictionary)
        let result = ScoringEngine(dictionary: dictionary).score(report, against: scorecard)
        let rent = try XCTUnwrap(result.support.first { $0.id == "rent" })
        XCTAssertEqual(rent.status, .missingData)
        XCTAssertNil(rent.total)
        XCTAssertEqual(rent.missingFacts, ["firms[2]"])
        XCTAssertEqual(rent.firms.map(\.total), [r(300_000), nil])
        XCTAssertEqual(rent.firms.last?.explanation, [.problem(Message("engine.not-a-record", "2", "firms", "text"))])
        XCTAssertEqual(TestCatalogue.en.message(Message("engine.not-a-record", "2", "firms", "text")), "entry 2 of 'firms' is text, not a record")
        XCTAssertEqual(TestCatalogue.zh.message(Message("engine.not-a-record", "2", "firms", "text")), "「firms」的第 2 条是 text 类型的值，不是一条记录")
        XCTAssertEqual(rent.firms.last?.explanation.map { $0.text(TestCatalogue.en) }, ["cannot evaluate: entry 2 of 'firms' is text, not a record"])
    }

    /// Without the table, the park-totals form: min(¥2,100,000, 2 × ¥700,000) = ¥1,400,000 × 3 = ¥4,200,000, an
    /// upper bound (the two firms' own caps and years cannot be applied). With neither, missing data.
    func testWithoutATableTheParkTotalsGiveAnUpperBound() throws {
        let support = try support("{count: 2, total_rent: 2100000}")
        let rent = try XCTUnwrap(support["rent"])
        XCTAssertEqual(rent.basis, .parkTotals)
        XCTAssertTrue(rent.isUpperBound)
        XCTAssertEqual(rent.total, r(4_200_000))
        XCTAssertEqual(rent.explanation.first?.text(TestCatalogue.zh), "未逐家填报 firms，按园区合计测算，每家企业的上限与年限无法逐家适用，为上限估计")
        let share = try XCTUnwrap(support["share"])
        XCTAssertEqual(share.status, .missingData)
        XCTAssertEqual(share.missingFacts, ["firms"])
    }

    func testPerRecordTermsAreCheckedAgainstTheTablesFields() throws {
        let text = Self.card("""
          - id: s.x
            title: 甲
            clause: {ref: 五, quote: 房租补贴}
            beneficiary: tenants
            for_each: firms
            when: rnet > 0
            base: name
            cap: 700000
            period: once
          - id: s.y
            title: 乙
            clause: {ref: 五, quote: 房租补贴}
            beneficiary: tenants
            for_each: count
            cap: 1
            period: once
          - id: s.z
            title: 丙
            clause: {ref: 五, quote: 房租补贴}
            beneficiary: tenants
            base: total_rent
            rate: unstated
            cap: 1
            period: once
            years_left: 1
            park_totals: {cap: 1}
          - id: s.w
            title: 丁
            clause: {ref: 五, quote: 房租补贴}
            beneficiary: tenants
            base: total_rent
            cap: 700000
            period: year
            years: 3
            years_left: 2
        """)
        let loaded = Fixtures.scorecardLoad(text, dictionary: dictionary)
        XCTAssertEqual(loaded.diagnostics.filter { $0.severity == .error }.map(TestCatalogue.en.text(of:)), [
            "unknown field 'rnet' of 'firms' (did you mean 'rent'?); fields: name, ok, rent, sales, since",
            "base of incentive 's.x' (per record of 'firms') gives a text, not a number",
            "'for_each' of incentive 's.y' must name a records fact: 'count' is not a table of records",
            "incentive 's.z' has 'years_left' but is granted once: it applies to 'period: year' only",
            "incentive 's.z' has 'years_left' but no 'for_each': years left are counted per record of a table",
            "incentive 's.z' has 'park_totals' but no 'for_each': the park-aggregate form stands in for a per-firm measure",
            "incentive 's.z' has a base per firm, but its 'park_totals' has none",
            // Without a table there is no record to count years for: 'years_left' would be ignored, so it is refused.
            "incentive 's.w' has 'years_left' but no 'for_each': years left are counted per record of a table",
        ])
        // The unknown field is pointed at inside its expression: the line of 'when: rnet > 0', the column of 'rnet'.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let line = try XCTUnwrap(lines.firstIndex { $0.contains("when: rnet") })
        let column = lines[line].unicodeScalars.count - "rnet > 0".unicodeScalars.count + 1
        XCTAssertEqual(loaded.diagnostics.first?.location, SourceLocation(file: "card.yaml", line: line + 1, column: column))
    }

    /// `requires_accreditation` is a boolean, and needs gates to decide the accreditation: on a scorecard without any
    /// every park is eligible, and the field would decide nothing. With a gate, the engine applies it.
    func testRequiresAccreditationIsChecked() throws {
        let measure = """
          - id: s.a
            title: 房租补贴
            clause: {ref: 五, quote: 房租补贴}
            beneficiary: tenants
            requires_accreditation: %@
            for_each: firms
            when: rent > 0
            base: rent
            cap: 700000
            period: once
        """
        let noGate = Fixtures.scorecardLoad(Self.card(measure.replacingOccurrences(of: "%@", with: "true")), dictionary: dictionary)
        XCTAssertEqual(noGate.diagnostics.filter { $0.severity == .error }.map(TestCatalogue.en.text(of:)), [
            "incentive 's.a' has 'requires_accreditation' but the scorecard has no gate to decide the park's accreditation",
        ])
        let notABool = Fixtures.scorecardLoad(Self.card(measure.replacingOccurrences(of: "%@", with: "maybe")), dictionary: dictionary)
        XCTAssertEqual(notABool.diagnostics.filter { $0.severity == .error }.count, 1)
        XCTAssertTrue(notABool.diagnostics.first.map(TestCatalogue.en.text(of:))?.contains("requires_accreditation") == true, "\(notABool.diagnostics)")
        XCTAssertTrue(notABool.diagnostics.first.map(TestCatalogue.en.text(of:))?.contains("must be true or false") == true, "\(notABool.diagnostics)")

        // With a gate on 'count': passed → computed (甲 min(200,000, 700,000) = ¥200,000); failed → not eligible;
        // missing → undetermined, naming the gate's missing fact.
        let gated = Self.card(measure.replacingOccurrences(of: "%@", with: "true")).replacingOccurrences(of: "dimensions:\n", with: """
            gates:
              - {id: G1, title: 门槛, clause: {ref: 一, quote: 核查}, basis: text, when: count >= 1, on_fail: ineligible}
            dimensions:

            """)
        let scorecard = Fixtures.scorecard(gated, dictionary: dictionary)
        func s(_ facts: String) -> SupportEntitlement? {
            let report = Fixtures.report(Fixtures.reportYAML(facts: facts), dictionary: dictionary)
            return ScoringEngine(dictionary: dictionary).score(report, against: scorecard).support.first
        }
        let firms = "firms:\n  - {name: 甲, rent: 200000}"
        XCTAssertEqual(s("count: 1\n" + firms)?.total, r(200_000))
        XCTAssertEqual(s("count: 0\n" + firms)?.status, .notEligible)
        XCTAssertEqual(s(firms)?.status, .missingData)
        XCTAssertEqual(s(firms)?.missingFacts, ["count"])
    }
}
