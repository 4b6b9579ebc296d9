import ParkScore
import ParkScoreIO
import ParkScoreTestSupport
import XCTest

/// The Nanshan scorecard (004_8b3b8105442b44d6.txt) on Samples/nanshan-xingchao, worked out by hand.
final class NanshanScorecardTests: XCTestCase {
    /// positioning: one-stop 3 of 4 × 2.5 = 7.5, integrated 3 × 2 = 6, self-rated level 2 = 4 → 17.5/22 × 20 = 175/11
    /// firms: 36 firms ≥ 30 → 10, 3 platforms ≥ 2 → 6, 4 above-size ≥ 2 → 4 → 20/26 × 30 = 300/13
    /// talent: base 4, 4 × 8/12 = 8/3, 26 interns ≥ 20 → 4 → (32/3)/12 × 15 = 40/3
    /// network: 5G 3, LAN 0 → 3/6 × 10 = 5
    /// commerce: 2 brand events → 4, 3 partners ≥ 1 → 2, partner sales > 0 → 3 → 9/11 × 15 = 135/11
    /// supply: sourcing and logistics 2 + 2 → 4/6 × 10 = 20/3
    /// total 76.2587… → 76.26, grade B (70–85)
    func testSampleScoreAndSupportByHand() throws {
        let dictionary = try Repository.dictionary()
        let scorecard = try Repository.scorecard("nanshan-livestreaming", dictionary: dictionary)
        let report = try Repository.sample("nanshan-xingchao", dictionary: dictionary, scorecards: [scorecard])
        let result = ScoringEngine(dictionary: dictionary).score(report, against: scorecard)
        XCTAssertEqual(result.verdict, .eligible)
        XCTAssertEqual(result.dimensions.map(\.score), [r(175, 11), r(300, 13), r(40, 3), r(5), r(135, 11), r(20, 3)])
        XCTAssertEqual(result.total, r(7626, 100))
        XCTAssertEqual(result.grade?.id, "B")

        // Support, per firm from the sample's table 'firms' (period 2025; firms 1–5 as listed there):
        //   #1 潮汐 arrived 2023, rent 1,200,000 (2 years of rent subsidy received), above-size and growing, events
        //      260,000, partner sales 300,000, tutoring for a listing, interest 1,600,000.50
        //   #2 星火 arrived 2025, rent 700,000 (none received), above-size and growing, events 200,000, partner sales
        //      80,000, interest 250,000
        //   #3 南岸 arrived 2024, rent 200,000 (1 received); #4 云岫 settled in the district 2022, moved into the park
        //      2024, rent 60,000 (1 received), above-size and growing; #5 青禾 arrived 2025, no rent.
        let support = Dictionary(uniqueKeysWithValues: result.support.map { ($0.id, $0) })
        // 三（一）: privately funded audiovisual park → up to ¥3,000,000 once (was the same)
        XCTAssertEqual(support["S1"]?.total, r(3_000_000))
        XCTAssertEqual(support["S1"]?.isCeiling, true)
        XCTAssertEqual(support["S1"]?.basis, .park)
        // 三（二）: in their three years from arrival (2023 ≥ 2025 − 2): #1, #2, #3, #5; #4 (2022) is out.
        //   4 × up to ¥10,000,000 = ¥40,000,000 (was 5 firms new in the period × ¥10,000,000 = ¥50,000,000)
        XCTAssertEqual(support["S2"]?.firms.map(\.total), [r(10_000_000), r(10_000_000), r(10_000_000), nil, r(10_000_000)])
        XCTAssertEqual(support["S2"]?.total, r(40_000_000))
        // 三（三）, the park accredited (G1 passes, verdict eligible), years left = 3 − years received:
        //   #1 本期 min(1,200,000, 700,000) = 700,000 (above the cap) × (3 − 2 = 1) = 700,000;
        //   #2 本期 700,000 (at the cap) × 3 = 2,100,000; #3 本期 200,000 (below) × (3 − 1 = 2) = 400,000;
        //   #4 本期 60,000 × (3 − 1 = 2) = 120,000 (version 1.1.0 counted from the 2022 district arrival: 0 years left);
        //   #5 no rent. This period 700,000 + 700,000 + 200,000 + 60,000 = ¥1,660,000; over the years left
        //   700,000 + 2,100,000 + 400,000 + 120,000 = ¥3,320,000 (was ¥1,600,000 and ¥3,200,000).
        XCTAssertEqual(support["S3"]?.firms.map(\.perPeriod), [r(700_000), r(700_000), r(200_000), r(60_000), nil])
        XCTAssertEqual(support["S3"]?.firms.map(\.total), [r(700_000), r(2_100_000), r(400_000), r(120_000), nil])
        XCTAssertEqual(support["S3"]?.firms.map(\.periods), [1, 3, 2, 2, 3])
        XCTAssertEqual(support["S3"]?.perPeriod, r(1_660_000))
        XCTAssertEqual(support["S3"]?.total, r(3_320_000))
        XCTAssertEqual(support["S3"]?.explanation.first?.text(TestCatalogue.zh), "本项以园区获认定为前提：园区通过本评分表的门槛条件（符合基本条件），按经认定园区测算，最终以主管部门认定为准")
        // This period's amount and the total over the years left are two figures, and the text says which is which.
        let zh = ResultText(messages: TestCatalogue.messages(.zh)).render(result, scorecard: scorecard, report: report)
        XCTAssertTrue(zh.contains("（入驻企业） — 本期 ¥1,660,000；按各企业剩余年限测算合计 ¥3,320,000\n"), zh)
        XCTAssertTrue(zh.contains("      #1 潮汐直播科技有限公司（虚构） — 本期 ¥700,000；按剩余 1 年测算合计 ¥700,000\n"), zh)
        XCTAssertTrue(zh.contains("      #2 星火MCN文化传播有限公司（虚构） — 本期 ¥700,000；按剩余 3 年测算合计 ¥2,100,000\n"), zh)
        let en = ResultText(messages: TestCatalogue.messages(.en)).render(result, scorecard: scorecard, report: report)
        XCTAssertTrue(en.contains("(tenants) — this period ¥1,660,000; over each firm's years left, ¥3,320,000 in all\n"), en)
        XCTAssertTrue(en.contains("      #3 南岸头部主播工作室（虚构） — this period ¥200,000; over the 2 years left, ¥400,000 in all\n"), en)
        // A measure paid once, or for one year only, keeps a single figure: S12b is ¥1,175,000 this year.
        XCTAssertTrue(zh.contains("（入驻企业） — ¥1,175,000\n"), zh)
        XCTAssertEqual(support["S3"]?.isCeiling, false)
        XCTAssertEqual(support["S3"]?.basis, .perFirm)
        // 三（四）: #1, #2, #4 above-size and growing × up to ¥1,000,000 = ¥3,000,000 (was 3 × ¥1,000,000, the same)
        XCTAssertEqual(support["S4"]?.total, r(3_000_000))
        // 三（八）: per organiser, #1 260,000 × 50% = 130,000; #2 200,000 × 50% = 100,000 → ¥230,000
        //   (was 50% of 460,000 under one cap of ¥1,000,000 for all: the same here, as neither firm reaches the cap)
        XCTAssertEqual(support["S8"]?.firms.map(\.total), [r(130_000), r(100_000), nil, nil, nil])
        XCTAssertEqual(support["S8"]?.total, r(230_000))
        // 三（十一）: no rate in the text: min(sales, 500,000) per firm, #1 300,000 + #2 80,000 = ¥380,000
        //   (was ¥500,000 for any sales above zero)
        XCTAssertEqual(support["S11"]?.firms.map(\.total), [r(300_000), r(80_000), nil, nil, nil])
        XCTAssertEqual(support["S11"]?.total, r(380_000))
        XCTAssertEqual(support["S11"]?.isCeiling, true)
        XCTAssertEqual(support["S11"]?.rateUnstated, true)
        // 三（十二）1: #1 under tutoring → up to ¥2,000,000 (was 1 firm × ¥2,000,000, the same)
        XCTAssertEqual(support["S12a"]?.total, r(2_000_000))
        // 三（十二）2: #1 1,600,000.50 × 70% = 1,120,000.35 → ¥1,000,000 (above the cap); #2 250,000 × 70% = 175,000
        //   → ¥1,175,000 (was min(1,850,000.50 × 70%, 2 × 1,000,000) = ¥1,295,000.35)
        XCTAssertEqual(support["S12b"]?.firms.map(\.total), [r(1_000_000), r(175_000), nil, nil, nil])
        XCTAssertEqual(support["S12b"]?.total, r(1_175_000))
        XCTAssertEqual(support["S12b"]?.firms.first?.explanation.last?.text(TestCatalogue.zh), "min(¥1,600,000.50 × 70%, ¥1,000,000) = ¥1,000,000")
    }

    /// The sample without its table: the park-totals forms, each an upper bound.
    /// S3 this period min(2,160,000, 36 × 700,000) = 2,160,000, × 3 = ¥6,480,000; S12b min(1,850,000.50 × 70%, 2 × 1,000,000) = ¥1,295,000.35;
    /// S11 min(380,000, 36 × 500,000) = ¥380,000; S2 has no park-totals form (missing data: the table).
    func testWithoutTheTableTheParkTotalsAreUpperBounds() throws {
        let dictionary = try Repository.dictionary()
        let scorecard = try Repository.scorecard("nanshan-livestreaming", dictionary: dictionary)
        var report = try Repository.sample("nanshan-xingchao", dictionary: dictionary, scorecards: [scorecard])
        report.facts["firms"] = nil
        let result = ScoringEngine(dictionary: dictionary).score(report, against: scorecard)
        let support = Dictionary(uniqueKeysWithValues: result.support.map { ($0.id, $0) })
        XCTAssertEqual(support["S3"]?.total, r(6_480_000))
        XCTAssertEqual(support["S3"]?.isUpperBound, true)
        XCTAssertEqual(support["S12b"]?.total, r(129_500_035, 100))
        XCTAssertEqual(support["S12b"]?.isUpperBound, true)
        XCTAssertEqual(support["S11"]?.total, r(380_000))
        // 三（十一） names no rate (一定比例): the totals form says so, as the per-firm form does.
        XCTAssertEqual(support["S11"]?.explanation.prefix(2).map { $0.text(TestCatalogue.zh) }, [
            "未逐家填报 firms，按园区合计测算，每家企业的上限与年限无法逐家适用，为上限估计",
            "文件未规定比例（“一定比例”）：所示为不超过实际金额的上限",
        ])
        XCTAssertEqual(support["S2"]?.status, .missingData)
        XCTAssertEqual(support["S2"]?.missingFacts, ["firms"])
        XCTAssertEqual(support["S1"]?.isUpperBound, false)
        // The text says so beside the amount, and why.
        let zh = ResultText(messages: TestCatalogue.messages(.zh)).render(result, scorecard: scorecard, report: report)
        XCTAssertTrue(zh.contains("（入驻企业） — 上限估计 本期 ¥2,160,000；按 3 年测算合计 ¥6,480,000\n"
                                  + "      本项以园区获认定为前提：园区通过本评分表的门槛条件（符合基本条件），按经认定园区测算，最终以主管部门认定为准\n"
                                  + "      未逐家填报 firms，按园区合计测算，每家企业的上限与年限无法逐家适用，为上限估计\n"), zh)
        let en = ResultText(messages: TestCatalogue.messages(.en)).render(result, scorecard: scorecard, report: report)
        XCTAssertTrue(en.contains("(tenants) — upper bound this period ¥2,160,000; over 3 years, ¥6,480,000 in all\n"), en)
    }

    func testAnOfficeClusterGetsNoParkConstructionSupport() throws {
        let dictionary = try Repository.dictionary()
        let scorecard = try Repository.scorecard("nanshan-livestreaming", dictionary: dictionary)
        let report = Fixtures.report(Fixtures.reportYAML(facts: "livestream: {park_type: office_cluster, social_capital_investment: true}"),
                                     dictionary: dictionary)
        let result = ScoringEngine(dictionary: dictionary).score(report, against: scorecard)
        XCTAssertEqual(result.gate("G1")?.status, .passed)
        XCTAssertEqual(result.support.first { $0.id == "S1" }?.status, .notEligible)
        // No table and no totals: the park-totals form of S3 lacks the count of firms.
        XCTAssertEqual(result.support.first { $0.id == "S3" }?.status, .missingData)
        XCTAssertEqual(result.support.first { $0.id == "S3" }?.missingFacts, ["livestream.firms"])
    }

    /// 三（三） grants the rent subsidy to firms 「入驻经认定的办公集聚区、直播产业园」: it follows the park's accreditation.
    /// Samples/nanshan-xingchao as a park of a kind the text does not name: G1 fails, 不予认定, and S3 is not eligible
    /// whatever its firms report (version 1.1.0: ¥3,200,000 on the firms' own accredited_space flags). Without the
    /// park's kind the verdict is undetermined, and so is S3 (never ¥0). Support not tied to accreditation is unchanged:
    /// S2 (新设立或新迁入的直播企业) still 4 × up to ¥10,000,000.
    func testTheRentSubsidyFollowsTheParksAccreditation() throws {
        let dictionary = try Repository.dictionary()
        let scorecard = try Repository.scorecard("nanshan-livestreaming", dictionary: dictionary)
        let engine = ScoringEngine(dictionary: dictionary)
        var report = try Repository.sample("nanshan-xingchao", dictionary: dictionary, scorecards: [scorecard])
        XCTAssertEqual(scorecard.incentives.filter(\.requiresAccreditation).map(\.id), ["S3"])
        let json = ResultDocument(result: engine.score(report, against: scorecard), scorecard: scorecard, report: report, messages: TestCatalogue.zh).encoded()
        XCTAssertTrue(json.contains(#""requiresAccreditation" : true"#), String(json.prefix(300)))

        report.facts["livestream.park_type"]?.value = .text("other")
        let refused = engine.score(report, against: scorecard)
        XCTAssertEqual(refused.verdict, .ineligible)
        let s3 = try XCTUnwrap(refused.support.first { $0.id == "S3" })
        XCTAssertEqual(s3.status, .notEligible)
        XCTAssertNil(s3.total)
        XCTAssertEqual(s3.firms.count, 0)
        XCTAssertEqual(s3.explanation.map { $0.text(TestCatalogue.zh) }, ["园区未获认定（未通过门槛条件，不予认定），本项不适用"])
        XCTAssertEqual(s3.explanation.map { $0.text(TestCatalogue.en) }, ["the park is not accredited (a gate failed): this measure does not apply"])
        XCTAssertEqual(refused.support.first { $0.id == "S2" }?.total, r(40_000_000))
        let zh = ResultText(messages: TestCatalogue.messages(.zh)).render(refused, scorecard: scorecard, report: report)
        XCTAssertTrue(zh.contains("（入驻企业） — 不符合条件\n      园区未获认定（未通过门槛条件，不予认定），本项不适用\n"), zh)

        report.facts["livestream.park_type"] = nil
        let open = engine.score(report, against: scorecard)
        XCTAssertEqual(open.verdict, .undetermined)
        let undetermined = try XCTUnwrap(open.support.first { $0.id == "S3" })
        XCTAssertEqual(undetermined.status, .missingData)
        XCTAssertEqual(undetermined.missingFacts, ["livestream.park_type"])
        XCTAssertNil(undetermined.total)
        XCTAssertEqual(undetermined.explanation.map { $0.text(TestCatalogue.zh) }, ["园区能否获认定尚未确定（门槛条件待定），本项待定"])
    }

    /// In evaluation, a gate whose evidence is rejected leaves the verdict 待补正: the rent subsidy is undetermined too,
    /// with no missing fact to name — it reads 待定, not an empty "missing data".
    func testTheRentSubsidyAwaitsTheCorrectionsOfAnOpenVerdict() throws {
        let library = try XCTUnwrap(CriteriaLibrary.open(Repository.catalog).validValue)
        let folder = Repository.path("Samples/nanshan-xingchao")
        let text = try String(contentsOfFile: folder + "/self-report.yaml", encoding: .utf8)
        let chair = SourceFile(path: "z1.yaml", bytes: Array("""
            reviewer: {id: z1, name: 组长, role: chair}
            date: 2026-03-10
            scorecard: nanshan-livestreaming
            evidence: {registration: {verdict: rejected, reason: 登记材料与园区类型不符}}
            """.utf8))
        let input = ApplicationInput(selfReport: SourceFile(path: "self-report.yaml", bytes: Array(text.utf8)), reviews: [chair],
                                     evidence: EvidenceFolder(folder))
        let a = try XCTUnwrap(AssessmentPipeline(criteria: library).assess(input).validValue?.results.first)
        XCTAssertEqual(a.result.gate("G1")?.status, .unsubstantiated)
        XCTAssertEqual(a.result.verdict, .undetermined)
        let s3 = try XCTUnwrap(a.result.support.first { $0.id == "S3" })
        XCTAssertEqual(s3.status, .missingData)
        XCTAssertEqual(s3.missingFacts, [])
        XCTAssertEqual(SupportAmountText(messages: TestCatalogue.messages(.zh)).amount(s3, prefix: ""), "待定")
        XCTAssertEqual(SupportAmountText(messages: TestCatalogue.messages(.en)).amount(s3, prefix: ""), "undetermined")
    }
}
