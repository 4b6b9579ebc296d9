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

        let support = Dictionary(uniqueKeysWithValues: result.support.map { ($0.id, $0) })
        // 三（一）: privately funded audiovisual park → up to ¥3,000,000 once
        XCTAssertEqual(support["S1"]?.total, r(3_000_000))
        XCTAssertEqual(support["S1"]?.isCeiling, true)
        // 三（二）: 5 new firms × up to ¥10,000,000 over three years
        XCTAssertEqual(support["S2"]?.total, r(50_000_000))
        // 三（三）: rent ¥2,160,000 a year, under 36 firms × ¥700,000; for three years = ¥6,480,000
        XCTAssertEqual(support["S3"]?.perPeriod, r(2_160_000))
        XCTAssertEqual(support["S3"]?.total, r(6_480_000))
        XCTAssertEqual(support["S3"]?.isCeiling, false)
        // 三（四）: 3 growing above-size firms × up to ¥1,000,000
        XCTAssertEqual(support["S4"]?.total, r(3_000_000))
        // 三（八）: 50% of ¥460,000 = ¥230,000, under ¥1,000,000
        XCTAssertEqual(support["S8"]?.total, r(230_000))
        // 三（十一）: no rate in the text: up to ¥500,000
        XCTAssertEqual(support["S11"]?.total, r(500_000))
        XCTAssertEqual(support["S11"]?.isCeiling, true)
        // 三（十二）1: 1 firm preparing a listing × up to ¥2,000,000
        XCTAssertEqual(support["S12a"]?.total, r(2_000_000))
        // 三（十二）2: 70% of ¥1,850,000.50 = ¥1,295,000.35, under 2 firms × ¥1,000,000
        XCTAssertEqual(support["S12b"]?.total, r(129_500_035, 100))
        XCTAssertEqual(support["S12b"]?.explanation.last?.text(.zh), "min(¥1,850,000.50 × 70%, ¥2,000,000) = ¥1,295,000.35")
    }

    func testAnOfficeClusterGetsNoParkConstructionSupport() throws {
        let dictionary = try Repository.dictionary()
        let scorecard = try Repository.scorecard("nanshan-livestreaming", dictionary: dictionary)
        let report = Fixtures.report(Fixtures.reportYAML(facts: "livestream: {park_type: office_cluster, social_capital_investment: true}"),
                                     dictionary: dictionary)
        let result = ScoringEngine(dictionary: dictionary).score(report, against: scorecard)
        XCTAssertEqual(result.gate("G1")?.status, .passed)
        XCTAssertEqual(result.support.first { $0.id == "S1" }?.status, .notEligible)
        XCTAssertEqual(result.support.first { $0.id == "S3" }?.status, .missingData)
        XCTAssertEqual(result.support.first { $0.id == "S3" }?.missingFacts, ["livestream.firms"])
    }
}
