import Foundation
import ParkScore
import ParkScoreIO
import XCTest

/// Every sample in Samples/ scores to the verdict, total and grade asserted here. The totals are worked out
/// by hand: Beijing and Nanshan in their own test files, Zhejiang below.
final class SampleScoresTests: XCTestCase {
    struct Expected {
        var scorecard: String
        var verdict: ScoreResult.Verdict
        var total: Rational
        var grade: String?
    }

    let expected: [String: Expected] = [
        // Beijing 1.2.0: 二's soft and hard services are gate G3, so 'basic' is out of 8, not 12 — xinghe 79.08 → 78.25,
        // dongling 19.77 → 16.44 (worked out in BeijingScorecardTests).
        "beijing-xinghe": Expected(scorecard: "beijing-digital-advertising-park", verdict: .eligible, total: r(7825, 100), grade: "B"),
        "beijing-dongling": Expected(scorecard: "beijing-digital-advertising-park", verdict: .ineligible, total: r(1644, 100), grade: nil),
        "jiading-anting": Expected(scorecard: "jiading-digital-advertising", verdict: .eligible, total: r(8410, 100), grade: "B"),
        "shenzhen-nanyou": Expected(scorecard: "shenzhen-digital-creative", verdict: .ineligible, total: r(508, 100), grade: nil),
        "nanshan-shekou": Expected(scorecard: "nanshan-livestreaming", verdict: .eligible, total: r(2755, 100), grade: "D"),
        "zhejiang-wuzhen": Expected(scorecard: "zhejiang-audiovisual-base", verdict: .eligible, total: r(9833, 100), grade: "A"),
        "jiading-huating": Expected(scorecard: "jiading-digital-advertising", verdict: .eligible, total: r(8675, 100), grade: "A"),
        "nanshan-xingchao": Expected(scorecard: "nanshan-livestreaming", verdict: .eligible, total: r(7626, 100), grade: "B"),
        "shenzhen-guangming": Expected(scorecard: "shenzhen-digital-creative", verdict: .eligible, total: r(2595, 100), grade: "D"),
        "zhejiang-qiantang": Expected(scorecard: "zhejiang-audiovisual-base", verdict: .eligible, total: r(6271, 100), grade: "C"),
    ]

    func testEverySampleScoresAsExpected() throws {
        let dictionary = try Repository.dictionary()
        let folders = try FileManager.default.contentsOfDirectory(atPath: Repository.path("Samples"))
            .filter { FileManager.default.fileExists(atPath: Repository.path("Samples/\($0)/self-report.yaml")) }
        XCTAssertEqual(Set(folders), Set(expected.keys), "every valid sample needs its expected grade here")
        for (name, want) in expected.sorted(by: { $0.key < $1.key }) {
            let scorecard = try Repository.scorecard(want.scorecard, dictionary: dictionary)
            let report = try Repository.sample(name, dictionary: dictionary, scorecards: [scorecard])
            XCTAssertEqual(report.appliesTo, [want.scorecard], name)
            // Every evidence file is there and matches its sha256.
            let check = EvidenceCheck.check(report, source: EvidenceFolder(Repository.path("Samples/\(name)")))
            XCTAssertEqual(check.diagnostics, [], name)
            XCTAssertTrue(check.states.values.allSatisfy { $0 == .verified }, name)
            let result = ScoringEngine(dictionary: dictionary).score(report, against: scorecard)
            XCTAssertEqual(result.verdict, want.verdict, name)
            XCTAssertEqual(result.total, want.total, name)
            XCTAssertEqual(result.grade?.id, want.grade, name)
        }
    }

    /// Samples/zhejiang-qiantang, by hand from zhejiang-audiovisual-base:
    /// planning: plan 4 + targets 3 + incubator 4 = 11 of 11 (the special fund is N/A) → 15
    /// agglomeration: chain map 4 of 7; firms: leading 3 + high-tech (5 ≥ 3) 3 = 6 of 10; focus level 1 → 2 of 6
    ///   → 12/23 × 20 = 240/23
    /// technology: 4 technologies ≥ 3 → 5 of 8; 1 project → 2 of 4; no platform → 0 of 6 → 7/18 × 20 = 70/9
    /// talent: 1 team → 2 of 4; 3 × 6/12 = 1.5 of 3; 2 forums → 3 of 3 → 6.5/10 × 10 = 6.5
    /// digital: platform 5; 2 partners ≥ 1 → 3 of 5 → 8
    /// exchange: fairs 2 + overseas projects 2 + base cooperation 2 (no cloud trading platform) = 6 of 12 → 5
    /// standing: provincial 3 of 6; statistics 2 of 3; party 3 → 8/12 × 15 = 10
    /// total 62.7126 → 62.71, grade C (60–70). No gate: the text states no condition (version 1.1.0).
    func testZhejiangSampleByHand() throws {
        let dictionary = try Repository.dictionary()
        let scorecard = try Repository.scorecard("zhejiang-audiovisual-base", dictionary: dictionary)
        let report = try Repository.sample("zhejiang-qiantang", dictionary: dictionary, scorecards: [scorecard])
        let result = ScoringEngine(dictionary: dictionary).score(report, against: scorecard)
        XCTAssertTrue(result.gates.isEmpty)
        XCTAssertEqual(result.criterion("planning.special_fund")?.status, .notApplicable)
        XCTAssertEqual(result.criterion("exchange.channels")?.points, r(6))
        XCTAssertEqual(result.dimensions.map(\.score), [r(15), r(240, 23), r(70, 9), r(13, 2), r(8), r(5), r(10)])
        XCTAssertEqual(result.total, r(6271, 100))
    }

    /// Samples/shenzhen-guangming, by hand from shenzhen-digital-creative (facts not reported earn 0 and stay
    /// in the denominator):
    /// technology: 2 technologies ≥ 1 → 2 of 8; projects missing → 0 of 6 → 2/14 × 20 = 20/7
    /// content: 2 works ≥ 1 → 2 of 8 → 15/4
    /// forms: 2 forms ≥ 2 → 4 of 6; focus not rated → 0 of 6 → 4/12 × 15 = 5
    /// innovation: 1 sector ≥ 1 → 2 of 5; system: 数字创意产业基地 2 of 6 (no research platform; incubator missing, so
    ///   are its digital-creative count and total) → 4/11 × 15 = 60/11
    /// trade: exports missing, no platform, no HQ → 0 of 12 → 0
    /// ecosystem: IP 2 + platform 2 = 4 of 10; gazelle 2 + specialised 2 = 4 of 8 → 8/18 × 20 = 80/9
    /// total 25.9506 → 25.95, grade D; G1 passes on 内容制作 (a proposal gate)
    func testShenzhenSampleByHand() throws {
        let dictionary = try Repository.dictionary()
        let scorecard = try Repository.scorecard("shenzhen-digital-creative", dictionary: dictionary)
        let report = try Repository.sample("shenzhen-guangming", dictionary: dictionary, scorecards: [scorecard])
        let result = ScoringEngine(dictionary: dictionary).score(report, against: scorecard)
        XCTAssertEqual(result.dimensions.map(\.score), [r(20, 7), r(15, 4), r(5), r(60, 11), r(0), r(80, 9)])
        XCTAssertEqual(result.total, r(2595, 100))
        XCTAssertEqual(result.gate("G1")?.status, .passed)
        XCTAssertEqual(result.gate("G1")?.basis, .proposal)
        XCTAssertEqual(result.missingData.map(\.key), ["research.projects", "incubator.digital_creative", "incubator.exists", "incubator.tenants_total",
                                                       "trade.export_firms", "ecosystem.industry_association"])
        XCTAssertEqual(result.criterion("innovation.system")?.status, .missingData)
        XCTAssertEqual(result.criterion("innovation.system")?.points, r(2))
    }

    /// Samples/jiading-huating, by hand from jiading-digital-advertising (no gate since version 1.1.0):
    /// targets: branch 8; entities (168 − 120) / 120 = 40% ≥ 40% → 12; revenue (56.1M − 51M) / 51M = 10% ≥ 10% → 10 → 30
    /// innovation: platform 4, maker space 3 (11 of 18 advertising units > half), 3 models ≥ 2 → 3, 5 technologies → 5, 5G 2 + LAN 2 → 19/21 × 20 = 380/21
    /// creativity: studios 3, no competition 0, high-tech 2 + standards 2 → 7/12 × 15 = 35/4
    /// agglomeration: platform 3, ad group HQ 2 + anchor 2 + start-ups 2, 2 new forms ≥ 1 → 2, above-size 2 + specialised 2 → 15/17 × 15 = 225/17
    /// exchange: festivals 3, 1 project → 2, delta 2, association 2 → 9
    /// talent: 产教融合 base 2, 2 × 10/12 = 5/3, no listing 0, IP finance 2, public service 2 → 23/3
    /// total 86.7472 → 86.75, grade A
    func testJiadingSampleByHand() throws {
        let dictionary = try Repository.dictionary()
        let scorecard = try Repository.scorecard("jiading-digital-advertising", dictionary: dictionary)
        let report = try Repository.sample("jiading-huating", dictionary: dictionary, scorecards: [scorecard])
        let result = ScoringEngine(dictionary: dictionary).score(report, against: scorecard)
        XCTAssertTrue(result.gates.isEmpty)
        XCTAssertEqual(result.derived["advertising.entity_growth"], .number(r(2, 5)))
        XCTAssertEqual(result.derived["advertising.revenue_growth"], .number(r(1, 10)))
        XCTAssertEqual(result.dimensions.map(\.score), [r(30), r(380, 21), r(35, 4), r(225, 17), r(9), r(23, 3)])
        XCTAssertEqual(result.total, r(8675, 100))
        XCTAssertFalse(result.isProvisional)
    }

    /// The other samples, by hand:
    /// jiading-anting: targets 0 + (130 − 100)/100 = 30% ≥ 20% → 6 + 14.3% ≥ 10% → 10 = 16/30 × 30 = 16;
    ///   innovation 4 + 3 (maker space 8 of 12 > half) + 5 + 3 + 4 = 19/21 × 20 = 380/21; creativity 12/12 → 15;
    ///   agglomeration 17/17 → 15 (1 ad group HQ, 3 new forms: e-commerce, tourism, short video); exchange 10;
    ///   talent 10 → 84.0952 → 84.10, grade B: no longer capped at C (version 1.0.0's G1 is gone).
    /// shenzhen-nanyou: technology 2/14 × 20 = 20/7; ecosystem platform 2/18 × 20 = 20/9; the rest 0
    ///   → 5.0794 → 5.08, ineligible (no digital-creative business form).
    /// nanshan-shekou: positioning 2.5 + 0 + 2 (level 1) = 4.5/22 × 20 = 45/11; firms 6 ≥ 5 → 3/26 × 30 = 45/13;
    ///   talent 4 + 4 + 4 = 15; network 3/6 → 5; commerce and supply 0 → 27.5524 → 27.55.
    ///   Support, per firm from its table (period 2025): S2 #1 arrived 2025 and #3 2024 are in their three years, #2 (2021)
    ///   is not → 2 × up to ¥10,000,000 = ¥20,000,000 (was 1 firm new in the period → ¥10,000,000);
    ///   S3 (a 直播教育产业园 is a 直播产业园 under 三（三）, and the park is accredited: G1 passes), years left
    ///   = 3 − years received: #1 本期 180,000 × (3 − 0) = 540,000; #2 settled in the district 2021, moved into the park
    ///   2025, none received: 本期 60,000 × 3 = 180,000 (version 1.1.0 counted from 2021: no years left, ¥0);
    ///   #3 本期 60,000 × (3 − 1) = 120,000 → this period ¥300,000, over the years left ¥840,000 (was ¥660,000);
    ///   the rest not eligible.
    /// zhejiang-wuzhen: every dimension full but exchange, 10 of 12 (no overseas project) → 25/3
    ///   → 15 + 20 + 20 + 10 + 10 + 8.3333 + 15 = 98.3333 → 98.33.
    func testOtherSamplesByHand() throws {
        let dictionary = try Repository.dictionary()
        let engine = ScoringEngine(dictionary: dictionary)
        func result(_ name: String, _ id: String) throws -> ScoreResult {
            let scorecard = try Repository.scorecard(id, dictionary: dictionary)
            return engine.score(try Repository.sample(name, dictionary: dictionary, scorecards: [scorecard]), against: scorecard)
        }
        let anting = try result("jiading-anting", "jiading-digital-advertising")
        XCTAssertEqual(anting.dimensions.map(\.score), [r(16), r(380, 21), r(15), r(15), r(10), r(10)])
        XCTAssertEqual(anting.gradeByPoints?.id, "B")
        XCTAssertEqual(anting.grade?.id, "B")
        XCTAssertEqual(anting.cappedBy, [])

        let nanyou = try result("shenzhen-nanyou", "shenzhen-digital-creative")
        XCTAssertEqual(nanyou.gate("G1")?.status, .failed)
        XCTAssertEqual(nanyou.gate("G1")?.explanation, "count([]) = 0 ≥ 1 ✗")
        XCTAssertEqual(nanyou.gate("G1")?.basis, .proposal)

        let shekou = try result("nanshan-shekou", "nanshan-livestreaming")
        XCTAssertEqual(shekou.dimensions.map(\.score), [r(45, 11), r(45, 13), r(15), r(5), r(0), r(0)])
        let support = Dictionary(uniqueKeysWithValues: shekou.support.map { ($0.id, $0) })
        XCTAssertEqual(support["S2"]?.firms.map(\.total), [r(10_000_000), nil, r(10_000_000)])
        XCTAssertEqual(support["S2"]?.total, r(20_000_000))
        XCTAssertEqual(support["S3"]?.firms.map(\.total), [r(540_000), r(180_000), r(120_000)])
        XCTAssertEqual(support["S3"]?.perPeriod, r(300_000))
        XCTAssertEqual(support["S3"]?.total, r(840_000))
        XCTAssertEqual(shekou.support.filter { $0.status == .eligible }.map(\.id), ["S2", "S3"])

        let wuzhen = try result("zhejiang-wuzhen", "zhejiang-audiovisual-base")
        XCTAssertEqual(wuzhen.dimensions.map(\.score), [r(15), r(20), r(20), r(10), r(10), r(25, 3), r(15)])
    }

    /// Nanshan's 二 asks 「差异化定位，聚焦自身定位成为行业顶尖」 of the 直播教育产业园 only: an audiovisual park may
    /// claim positioning.focus N/A. Samples/nanshan-xingchao (av_park), by hand, positioning dimension (weight 20):
    /// rated level 2: one-stop 3 × 2.5 = 7.5 of 10 + integrated 3 × 2 = 6 of 6 + focus 4 of 6 = 17.5/22 × 20 = 175/11;
    /// claimed N/A: 13.5/16 × 20 = 135/8. A park of a kind the text does not name (other) fails G1, a proposal gate.
    func testNanshanPositioningAndKindsOfPark() throws {
        let dictionary = try Repository.dictionary()
        let scorecard = try Repository.scorecard("nanshan-livestreaming", dictionary: dictionary)
        let engine = ScoringEngine(dictionary: dictionary)
        var report = try Repository.sample("nanshan-xingchao", dictionary: dictionary, scorecards: [scorecard])
        XCTAssertEqual(engine.score(report, against: scorecard).dimensions.first?.score, r(175, 11))
        report.assessments["nanshan-livestreaming"]?.ratings["positioning.focus"] = nil
        report.assessments["nanshan-livestreaming"]?.notApplicable["positioning.focus"] =
            NotApplicableClaim(justification: "本园区为网络视听直播产业园，文件仅对直播教育产业园提出差异化定位")
        let claimed = engine.score(report, against: scorecard)
        XCTAssertEqual(claimed.criterion("positioning.focus")?.status, .notApplicable)
        XCTAssertEqual(claimed.dimensions.first?.score, r(135, 8))
        XCTAssertEqual(claimed.gate("G1")?.basis, .proposal)
        report.facts["livestream.park_type"]?.value = .text("other")
        let other = engine.score(report, against: scorecard)
        XCTAssertEqual(other.gate("G1")?.status, .failed)
        XCTAssertEqual(other.verdict, .ineligible)
    }

    /// One self-report can be scored by every scorecard: the same facts, one vocabulary, no crash.
    func testEverySampleAgainstEveryScorecard() throws {
        let dictionary = try Repository.dictionary()
        let engine = ScoringEngine(dictionary: dictionary)
        let scorecards = try Repository.catalog.scorecardIDs.map { try Repository.scorecard($0, dictionary: dictionary) }
        XCTAssertEqual(scorecards.count, 5)
        for name in expected.keys.sorted() {
            let report = try Repository.sample(name, dictionary: dictionary, scorecards: scorecards)
            for scorecard in scorecards {
                let result = engine.score(report, against: scorecard)
                XCTAssertTrue(result.total >= .zero && result.total <= 100, "\(name) × \(scorecard.id)")
            }
        }
    }
}
