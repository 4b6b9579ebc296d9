import ParkScore
import ParkScoreIO
import ParkScoreTestSupport
import XCTest

/// The Beijing scorecard (000_635c0f08b529d72c.txt) end to end. Article 二: an independent legal-person
/// management body, and advertising and related units 不低于 40% of all tenants 或不少于 20 units —
/// both bounds inclusive.
final class BeijingScorecardTests: XCTestCase {
    var dictionary: FactDictionary!
    var scorecard: Scorecard!

    override func setUpWithError() throws {
        dictionary = try Repository.dictionary()
        scorecard = try Repository.scorecard("beijing-digital-advertising-park", dictionary: dictionary)
    }

    func gates(_ facts: String) -> ScoreResult {
        let report = Fixtures.report(Fixtures.reportYAML(facts: facts), dictionary: dictionary)
        return ScoringEngine(dictionary: dictionary).score(report, against: scorecard)
    }

    func testExactlyFortyPercentPasses() {
        let result = gates("management.independent_legal_person: true\ntenants: {total: 45, advertising_related: 18}")
        XCTAssertEqual(result.gate("G2")?.status, .passed)
        XCTAssertEqual(result.gate("G2")?.explanation, "18 / 45 = 0.4 ≥ 40% ✓ or 18 ≥ 20 ✗ ⇒ ✓")
    }

    func testExactlyTwentyUnitsPasses() {
        let result = gates("management.independent_legal_person: true\ntenants: {total: 100, advertising_related: 20}")
        XCTAssertEqual(result.gate("G2")?.status, .passed)
        XCTAssertEqual(result.gate("G2")?.explanation, "20 / 100 = 0.2 ≥ 40% ✗ or 20 ≥ 20 ✓ ⇒ ✓")
    }

    func testEighteenOfFortySixFails() {
        let result = gates("management.independent_legal_person: true\ntenants: {total: 46, advertising_related: 18}")
        XCTAssertEqual(result.gate("G2")?.status, .failed)
        XCTAssertEqual(result.gate("G2")?.explanation, "18 / 46 ≈ 0.391 ≥ 40% ✗ or 18 ≥ 20 ✗ ⇒ ✗")
        XCTAssertEqual(result.verdict, .ineligible)
        XCTAssertNil(result.grade)
    }

    func testMissingManagementBodyIsMissingDataNotAFail() {
        let result = gates("tenants: {total: 45, advertising_related: 19}")
        XCTAssertEqual(result.gate("G1")?.status, .missingData)
        XCTAssertEqual(result.gate("G1")?.missingFacts, ["management.independent_legal_person"])
        XCTAssertEqual(result.verdict, .undetermined)
        XCTAssertTrue(result.missingData.contains(MissingFact(key: "management.independent_legal_person", usedBy: ["G1"])))
    }

    func testNoTenantsFailsWithTheReason() {
        let result = gates("management.independent_legal_person: true\ntenants: {total: 0, advertising_related: 0}")
        XCTAssertEqual(result.gate("G2")?.status, .failed)
        XCTAssertEqual(result.gate("G2")?.problem.map(TestCatalogue.en.message), "division by zero: 'tenants.total' is 0")
        XCTAssertEqual(result.gate("G2")?.problem.map(TestCatalogue.zh.message), "除数为零：「tenants.total」为 0")
    }

    /// Samples/beijing-xinghe, by hand from the scorecard (points earned / most points of the dimension):
    /// basic 4 (self-rated level 2) + 2 (district sign) = 6/8 → 10 × 6/8 = 7.5 (version 1.2.0: 二's soft and hard
    ///   services are gate G3, no longer 4 of 12 points here; was 4 + 4 + 2 = 10/12 → 8.3333)
    /// layout 6 (3 technologies ≥ 2) + 6 (3 sectors) = 12/16 → 15 × 12/16 = 11.25
    /// tiers 4 + 3 + 3 (1 anchor, 4 medium, 12 start-ups) + 5 (9 of 14 > 50%) = 15/15 → 15
    /// operations 4 + 6 + 0 (no XR studio) + 2 = 12/15 → 12
    /// services 4 (platform, 六 scored since version 1.1.0) + 6 (3 of 4 services) + 3 (7 institutions ≥ 5) + 3
    ///   = 16/20 → 15 × 16/20 = 12
    /// talent 4 (level 2) + 3 + 4 × 9/12 = 3 + 2 (2 channels) = 12/16 → 7.5
    /// culture 4 + 2 (level 1) = 6/10 → 6
    /// international 4 + 3 (3 projects ≥ 2) + 0 = 7/10 → 7
    /// total 7.5 + 11.25 + 15 + 12 + 12 + 7.5 + 6 + 7 = 78.25, grade B (70–85), provisional (self-rated)
    /// (was 79.08 B); G0 passes (park.province beijing), G3 passes (business_support_services true)
    func testEligibleSampleByHand() throws {
        let report = try Repository.sample("beijing-xinghe", dictionary: dictionary, scorecards: [scorecard])
        let result = ScoringEngine(dictionary: dictionary).score(report, against: scorecard)
        XCTAssertEqual(result.verdict, .eligible)
        XCTAssertEqual(result.gates.map(\.id), ["G0", "G1", "G2", "G3"])
        XCTAssertEqual(result.gates.map(\.basis), [.text, .text, .text, .text])
        XCTAssertEqual(result.gate("G3")?.status, .passed)
        XCTAssertNil(result.criterion("basic.services"), "二's services are a gate, not counted again as a criterion")
        XCTAssertEqual(result.dimensions.first?.applicableMaxPoints, r(8))
        XCTAssertEqual(result.gate("G0")?.status, .passed)
        XCTAssertEqual(result.gate("G2")?.explanation, "19 / 45 ≈ 0.422 ≥ 40% ✓ or 19 ≥ 20 ✗ ⇒ ✓")
        XCTAssertEqual(result.criterion("services.platform")?.points, r(4))
        XCTAssertEqual(result.dimensions.map(\.score), [r(15, 2), r(45, 4), r(15), r(12), r(12), r(15, 2), r(6), r(7)])
        XCTAssertEqual(result.total, r(7825, 100))
        XCTAssertEqual(result.grade?.id, "B")
        XCTAssertTrue(result.isProvisional)
        XCTAssertEqual(result.provisionalReasons, [.selfRated(["basic.positioning", "talent.system", "culture.content"])])
        // Next grade A needs 85 − 78.25 = 6.75. No data, evidence or rating is open; the changes to the park are
        // layout.digital_technologies 3 → 4 technologies (15 × 4/16 = +3.75), an XR studio (15 × 3/15 = +3),
        // international.creative_platforms (+2), …, and they can close the gap without raising a rubric level
        // (culture.content to level 3 would be +4, the largest single gain). Fewest changes: +3.75 alone falls short,
        // +3.75 + 3 = 6.75 ≥ 6.75 (exactly).
        XCTAssertEqual(result.nextGrade?.target.id, "A")
        XCTAssertEqual(result.nextGrade?.pointsNeeded, r(675, 100))
        XCTAssertEqual(result.nextGrade?.criteria, ["layout.digital_technologies", "operations.xr_studio"])
    }

    /// Samples/beijing-dongling: 18 of 60 (30%) and fewer than 20 → G2 fails → ineligible.
    /// Points all the same: basic 0/8 (positioning not rated, district sign not reported) → 0 (was 4/12 → 3.3333, the
    /// 4 points of 二's services, now gate G3, which passes); layout 3 + 2 = 5/16 → 4.6875; tiers 3/10 (incubator N/A)
    /// → 4.5; operations 2/15 → 2; services 4 (platform) + 2 + 1 + 0 = 7/20 → 5.25; talent, culture, international 0.
    /// total 0 + 4.6875 + 4.5 + 2 + 5.25 = 16.4375 → 16.44 (half up; was 19.77), grade by points D, no grade.
    func testIneligibleSampleByHand() throws {
        let report = try Repository.sample("beijing-dongling", dictionary: dictionary, scorecards: [scorecard])
        let result = ScoringEngine(dictionary: dictionary).score(report, against: scorecard)
        XCTAssertEqual(result.verdict, .ineligible)
        XCTAssertEqual(result.gate("G2")?.status, .failed)
        XCTAssertEqual(result.gate("G2")?.explanation, "18 / 60 = 0.3 ≥ 40% ✗ or 18 ≥ 20 ✗ ⇒ ✗")
        XCTAssertEqual(result.criterion("tiers.incubator")?.status, .notApplicable)
        XCTAssertEqual(result.dimensions[2].applicableMaxPoints, r(10))
        XCTAssertEqual(result.gate("G0")?.status, .passed)
        XCTAssertEqual(result.gate("G3")?.status, .passed)
        XCTAssertEqual(result.dimensions.first?.score, .zero)
        XCTAssertEqual(result.total, r(1644, 100))
        XCTAssertEqual(result.gradeByPoints?.id, "D")
        XCTAssertNil(result.grade)
        XCTAssertEqual(result.nextGrade?.blockingGates, ["G2"])
        XCTAssertEqual(result.missingData.map(\.key), ["park.district_approved_sign", "talent.training_sessions", "talent.channels"])
    }

    /// 二's soft and hard services are a basic condition a fact settles yes or no, like the legal-person body: a gate
    /// on the text (G3), ineligible on fail, missing data when not reported — never points (version 1.1.0 gave 4).
    func testSoftAndHardServicesAreABasicConditionGate() {
        let base = "management.independent_legal_person: true\npark.province: beijing\ntenants: {total: 45, advertising_related: 19}"
        let without = gates(base + "\nmanagement.business_support_services: false")
        XCTAssertEqual(without.gate("G3")?.status, .failed)
        XCTAssertEqual(without.gate("G3")?.basis, .text)
        XCTAssertEqual(without.gate("G3")?.clause?.ref, "二")
        XCTAssertEqual(without.verdict, .ineligible)
        XCTAssertNil(without.grade)
        let unreported = gates(base)
        XCTAssertEqual(unreported.gate("G3")?.status, .missingData)
        XCTAssertEqual(unreported.verdict, .undetermined)
        XCTAssertEqual(gates(base + "\nmanagement.business_support_services: true").verdict, .eligible)
        // Nothing reads the fact but the gate: it earns no points anywhere.
        XCTAssertFalse(scorecard.criteria.contains { $0.factKeys.contains("management.business_support_services") })
    }
}
