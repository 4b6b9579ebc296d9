import ParkScore
import ParkScoreIO
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
        //   #1 潮汐 arrived 2023, rent 1,200,000, above-size and growing, events 260,000, partner sales 300,000,
        //      tutoring for a listing, interest 1,600,000.50
        //   #2 星火 arrived 2025, rent 700,000, above-size and growing, events 200,000, partner sales 80,000, interest 250,000
        //   #3 南岸 arrived 2024, rent 200,000; #4 云岫 arrived 2022, rent 60,000, above-size and growing;
        //   #5 青禾 arrived 2025, not in an accredited space, no rent.
        let support = Dictionary(uniqueKeysWithValues: result.support.map { ($0.id, $0) })
        // 三（一）: privately funded audiovisual park → up to ¥3,000,000 once (was the same)
        XCTAssertEqual(support["S1"]?.total, r(3_000_000))
        XCTAssertEqual(support["S1"]?.isCeiling, true)
        XCTAssertEqual(support["S1"]?.basis, .park)
        // 三（二）: in their three years from arrival (2023 ≥ 2025 − 2): #1, #2, #3, #5; #4 (2022) is out.
        //   4 × up to ¥10,000,000 = ¥40,000,000 (was 5 firms new in the period × ¥10,000,000 = ¥50,000,000)
        XCTAssertEqual(support["S2"]?.firms.map(\.total), [r(10_000_000), r(10_000_000), r(10_000_000), nil, r(10_000_000)])
        XCTAssertEqual(support["S2"]?.total, r(40_000_000))
        // 三（三）: #1 min(1,200,000, 700,000) × (2023 + 3 − 2025 = 1) = 700,000 (above the cap);
        //   #2 700,000 × 3 = 2,100,000 (at the cap); #3 200,000 × 2 = 400,000 (below); #4 no years left; #5 not accredited.
        //   ¥3,200,000, ¥1,600,000 in 2025 (was min(2,160,000, 36 × 700,000) × 3 = ¥6,480,000)
        XCTAssertEqual(support["S3"]?.firms.map(\.total), [r(700_000), r(2_100_000), r(400_000), nil, nil])
        XCTAssertEqual(support["S3"]?.firms.map(\.periods), [1, 3, 2, 0, 3])
        XCTAssertEqual(support["S3"]?.perPeriod, r(1_600_000))
        XCTAssertEqual(support["S3"]?.total, r(3_200_000))
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
        XCTAssertEqual(support["S12b"]?.firms.first?.explanation.last?.text(.zh), "min(¥1,600,000.50 × 70%, ¥1,000,000) = ¥1,000,000")
    }

    /// The sample without its table: the park-totals forms, each an upper bound.
    /// S3 min(2,160,000, 36 × 700,000) × 3 = ¥6,480,000; S12b min(1,850,000.50 × 70%, 2 × 1,000,000) = ¥1,295,000.35;
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
        XCTAssertEqual(support["S11"]?.explanation.prefix(2).map { $0.text(.zh) }, [
            "未逐家填报 firms，按园区合计测算，每家企业的上限与年限无法逐家适用，为上限估计",
            "文件未规定比例（“一定比例”）：所示为不超过实际金额的上限",
        ])
        XCTAssertEqual(support["S2"]?.status, .missingData)
        XCTAssertEqual(support["S2"]?.missingFacts, ["firms"])
        XCTAssertEqual(support["S1"]?.isUpperBound, false)
        // The text says so beside the amount, and why.
        let zh = ResultText(language: .zh).render(result, scorecard: scorecard, report: report)
        XCTAssertTrue(zh.contains("(入驻企业) — 上限估计 ¥6,480,000\n      未逐家填报 firms，按园区合计测算，每家企业的上限与年限无法逐家适用，为上限估计\n"), zh)
        let en = ResultText(language: .en).render(result, scorecard: scorecard, report: report)
        XCTAssertTrue(en.contains("(tenants) — upper bound ¥6,480,000\n"), en)
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
}
