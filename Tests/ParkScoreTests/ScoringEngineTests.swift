import ParkScore
import ParkScoreIO
import ParkScoreTestSupport
import XCTest

/// Points here are worked out by hand from `Fixtures.scorecardYAML`; the comments show the arithmetic.
final class ScoringEngineTests: XCTestCase {
    let dictionary = Fixtures.dictionary()
    lazy var scorecard = Fixtures.scorecard(dictionary: dictionary)
    lazy var engine = ScoringEngine(dictionary: dictionary)

    func score(facts: String, assessment: String = "", evidence: String = "",
               options: ScoringOptions = ScoringOptions()) -> ScoreResult {
        let report = Fixtures.report(Fixtures.reportYAML(facts: facts, assessment: assessment, evidence: evidence),
                                     dictionary: dictionary)
        return engine.score(report, against: scorecard, options: options)
    }

    let baseFacts = """
    flag: true
    ok: true
    a: 7
    b: 12
    share: 35%
    tech: [x, z]
    """
    let baseAssessment = """
    ratings: {c.judged: 1}
    not_applicable:
      c.na: 本园区不涉及
      c.opt: 本园区不涉及
    """

    func testEveryKindWithNotApplicableAndRescaledWeights() {
        let result = score(facts: baseFacts, assessment: baseAssessment)
        // check: b = 12 ≥ 10 → 4 of 4
        XCTAssertEqual(result.criterion("c.check")?.points, r(4))
        XCTAssertEqual(result.criterion("c.check")?.status, .met)
        // bands: a = 7 reaches the band at 5 → 3 of 6
        XCTAssertEqual(result.criterion("c.bands")?.points, r(3))
        XCTAssertEqual(result.criterion("c.bands")?.status, .partial)
        // linear: 5 × (35% − 20%) / (60% − 20%) = 5 × 0.15 / 0.40 = 1.875
        XCTAssertEqual(result.criterion("c.linear")?.points, r(15, 8))
        XCTAssertEqual(result.criterion("c.linear")?.explanation.last?.text(TestCatalogue.en), "5 × (35% − 20%) / (60% − 20%) = 1.88")
        // checklist: x 2 + z 2 = 4, under the cap of 5
        XCTAssertEqual(result.criterion("c.list")?.points, r(4))
        XCTAssertEqual(result.criterion("c.list")?.unmetItems, ["y"])
        // judged: self-rated level 1 → 2 of 5, provisional
        XCTAssertEqual(result.criterion("c.judged")?.points, r(2))
        XCTAssertEqual(result.criterion("c.judged")?.isProvisional, true)
        // N/A with a justification: out of the denominator
        XCTAssertEqual(result.criterion("c.na")?.status, .notApplicable)
        XCTAssertEqual(result.criterion("c.opt")?.status, .notApplicable)

        // d3 has no applicable criterion: its weight 10 is shared out, so d1 counts 60/90 × 100 and d2 30/90 × 100.
        let d1 = result.dimensions[0], d2 = result.dimensions[1], d3 = result.dimensions[2]
        XCTAssertFalse(d3.isApplicable)
        XCTAssertEqual(d1.effectiveWeight, r(200, 3))
        XCTAssertEqual(d2.effectiveWeight, r(100, 3))
        // d1: (4 + 3 + 1.875) / 15 × 200/3 = 8.875 / 15 × 200/3 = 1775/45
        XCTAssertEqual(d1.points, r(71, 8))
        XCTAssertEqual(d1.applicableMaxPoints, r(15))
        XCTAssertEqual(d1.score, r(1775, 45))
        // d2: (4 + 2) / (5 + 5) × 100/3 = 20 (c.na's 3 points leave the denominator)
        XCTAssertEqual(d2.applicableMaxPoints, r(10))
        XCTAssertEqual(d2.score, r(20))
        // total = 39.444… + 20 = 59.444… → 59.44, grade C
        XCTAssertEqual(result.total, r(5944, 100))
        XCTAssertEqual(result.grade?.id, "C")
        XCTAssertEqual(result.verdict, .eligible)
        XCTAssertTrue(result.isProvisional)
        XCTAssertEqual(result.provisionalReasons, [.selfRated(["c.judged"])])
    }

    func testImprovementsAreRankedByEffortThenPointsGainable() {
        let result = score(facts: baseFacts, assessment: baseAssessment)
        // Gains to the total at full marks (d1 counts 200/3, d2 100/3):
        // c.linear (5 − 1.875) / 15 × 200/3 = 13.889; c.bands (6 − 3) / 15 × 200/3 = 13.333;
        // c.judged (5 − 2) / 10 × 100/3 = 10; c.list (5 − 4) / 10 × 100/3 = 3.333
        // Ranked by effort first: the three changes by gain, then reaching a rubric level (the costliest class).
        XCTAssertEqual(result.improvements.map(\.criterionID), ["c.linear", "c.bands", "c.list", "c.judged"])
        XCTAssertEqual(result.improvements.map(\.gain), [r(125, 9), r(40, 3), r(10, 3), r(10)])
        XCTAssertEqual(result.improvements[0].action, .improveValue(current: r(35, 100), target: r(60, 100)))
        XCTAssertEqual(result.improvements[1].action, .improveValue(current: r(7), target: r(10)))
        XCTAssertEqual(result.improvements[2].action, .addItems(["y"]))
        XCTAssertEqual(result.improvements[3].action, .reachLevel(2))
        // Next grade: B from 60, 60 − 59.44 = 0.56 short; c.linear alone closes it.
        XCTAssertEqual(result.nextGrade?.target.id, "B")
        XCTAssertEqual(result.nextGrade?.pointsNeeded, r(56, 100))
        XCTAssertEqual(result.nextGrade?.criteria, ["c.linear"])
        XCTAssertEqual(result.nextGrade?.blockingGates, [])
        XCTAssertEqual(result.nextGrade?.isReachable, true)
    }

    func testCheckCriterionMeetsAtTheBoundary() {
        let at = score(facts: baseFacts.replacingOccurrences(of: "b: 12", with: "b: 10"), assessment: baseAssessment)
        XCTAssertEqual(at.criterion("c.check")?.points, r(4))
        let below = score(facts: baseFacts.replacingOccurrences(of: "b: 12", with: "b: 9"), assessment: baseAssessment)
        XCTAssertEqual(below.criterion("c.check")?.points, .zero)
        XCTAssertEqual(below.criterion("c.check")?.status, .unmet)
        XCTAssertEqual(below.criterion("c.check")?.explanation.map { $0.text(TestCatalogue.en) }, ["9 ≥ 10 ✗"])
    }

    func testLinearScaleIsClampedAndBandsHaveAFloor() {
        let high = score(facts: baseFacts.replacingOccurrences(of: "share: 35%", with: "share: 90%")
                                          .replacingOccurrences(of: "a: 7", with: "a: 4"), assessment: baseAssessment)
        XCTAssertEqual(high.criterion("c.linear")?.points, r(5))
        XCTAssertEqual(high.criterion("c.linear")?.status, .met)
        // a = 4 is below the lowest band (5)
        XCTAssertEqual(high.criterion("c.bands")?.points, .zero)
        XCTAssertEqual(high.criterion("c.bands")?.explanation.last?.text(TestCatalogue.en), "4 < 5 → 0")
        let low = score(facts: baseFacts.replacingOccurrences(of: "share: 35%", with: "share: 10%"), assessment: baseAssessment)
        XCTAssertEqual(low.criterion("c.linear")?.points, .zero)
    }

    func testChecklistCap() {
        let result = score(facts: baseFacts.replacingOccurrences(of: "tech: [x, z]", with: "tech: [x, y, z]"), assessment: baseAssessment)
        // 2 + 2 + 2 = 6, capped at 5
        XCTAssertEqual(result.criterion("c.list")?.points, r(5))
        XCTAssertEqual(result.criterion("c.list")?.status, .met)
        XCTAssertEqual(result.criterion("c.list")?.explanation.last?.text(TestCatalogue.en), "2 + 2 + 2 = 6 > 5 → 5")
    }

    func testNotApplicableIsCountedWhenNotClaimed() {
        let result = score(facts: baseFacts, assessment: "ratings: {c.judged: 1}")
        // c.na: flag → 3 of 3, c.opt: flag → 2 of 2
        // d1 = 60 × 8.875 / 15 = 35.5; d2 = 30 × (4 + 2 + 3) / 13 = 270/13; d3 = 10 × 2 / 2 = 10
        XCTAssertEqual(result.dimensions[1].score, r(270, 13))
        // total = 35.5 + 20.769… + 10 = 66.269… → 66.27
        XCTAssertEqual(result.total, r(6627, 100))
        XCTAssertEqual(result.grade?.id, "B")
    }

    func testNotApplicableWithoutJustificationIsRefused() {
        let result = score(facts: baseFacts, assessment: "not_applicable: {c.na: ''}")
        XCTAssertEqual(result.criterion("c.na")?.status, .met)
        XCTAssertEqual(result.criterion("c.na")?.explanation.first, .notApplicableRefused(allowed: true))
    }

    func testJudgedWithoutRatingIsPending() {
        let result = score(facts: baseFacts)
        XCTAssertEqual(result.criterion("c.judged")?.status, .pendingReview)
        XCTAssertEqual(result.criterion("c.judged")?.points, .zero)
        XCTAssertEqual(result.provisionalReasons, [.pendingReview(["c.judged"])])
        XCTAssertEqual(result.improvements.first { $0.criterionID == "c.judged" }?.action, .getRated)
    }

    func testMissingDataIsNeitherZeroNorACrash() {
        let result = score(facts: baseFacts.replacingOccurrences(of: "b: 12\n", with: ""), assessment: baseAssessment)
        XCTAssertEqual(result.criterion("c.check")?.status, .missingData)
        XCTAssertEqual(result.criterion("c.check")?.missingFacts, ["b"])
        XCTAssertEqual(result.criterion("c.check")?.explanation.map { $0.text(TestCatalogue.en) }, ["b? ≥ 10 ?"])
        XCTAssertEqual(result.missingData, [MissingFact(key: "b", usedBy: ["c.check"])])
        XCTAssertEqual(result.improvements.first { $0.criterionID == "c.check" }?.action, .provideData(["b"]))
    }

    // MARK: Gates

    func testFailedIneligibleGate() {
        let result = score(facts: baseFacts.replacingOccurrences(of: "flag: true", with: "flag: false"), assessment: baseAssessment)
        XCTAssertEqual(result.verdict, .ineligible)
        XCTAssertNil(result.grade)
        XCTAssertEqual(result.gate("g.flag")?.status, .failed)
        XCTAssertEqual(result.nextGrade?.blockingGates, ["g.flag"])
    }

    func testGateWithMissingDataLeavesTheVerdictUndetermined() {
        let result = score(facts: baseFacts.replacingOccurrences(of: "flag: true\n", with: ""), assessment: baseAssessment)
        XCTAssertEqual(result.verdict, .undetermined)
        XCTAssertEqual(result.gate("g.flag")?.status, .missingData)
        XCTAssertEqual(result.gate("g.flag")?.explanation, "flag = ?")
        XCTAssertNil(result.grade)
        XCTAssertTrue(result.provisionalReasons.contains(.gateMissingData(["g.flag"])))
    }

    func testCapGate() {
        // Everything full: d1 = 60, d2 = 30 (c.list 5, c.judged 5, c.na 3 of 13), d3 = 10 → 100 → A, capped at B.
        let facts = """
        flag: true
        ok: false
        a: 12
        b: 12
        share: 60%
        tech: [x, y, z]
        """
        let result = score(facts: facts, assessment: "ratings: {c.judged: 2}")
        XCTAssertEqual(result.total, r(100))
        XCTAssertEqual(result.gradeByPoints?.id, "A")
        XCTAssertEqual(result.grade?.id, "B")
        XCTAssertEqual(result.cappedBy, ["g.cap"])
        XCTAssertEqual(result.nextGrade?.target.id, "A")
        XCTAssertEqual(result.nextGrade?.pointsNeeded, .zero)
        XCTAssertEqual(result.nextGrade?.blockingGates, ["g.cap"])
    }

    // MARK: Evaluation mode

    func testEvaluationModeNeedsEvidence() {
        let options = ScoringOptions(mode: .evaluation)
        let without = score(facts: baseFacts, assessment: baseAssessment, options: options)
        XCTAssertEqual(without.criterion("c.check")?.points, .zero)
        XCTAssertEqual(without.criterion("c.check")?.explanation.last,
                       .evidenceNotAccepted(Unsubstantiated(facts: [], problems: [EvidenceProblem(evidenceID: nil, title: nil, kind: .noneListed(required: LocalizedText(zh: "证明", en: nil)))])))
        XCTAssertEqual(without.criterion("c.check")?.status, .unsubstantiated)
        XCTAssertEqual(without.criterion("c.judged")?.status, .pendingReview)

        let evidence = """
          - {id: e1, title: 证明, file: evidence/e1.pdf, supports: [b]}
        """
        let with = score(facts: baseFacts, assessment: baseAssessment, evidence: evidence,
                         options: ScoringOptions(mode: .evaluation, evidenceFiles: ["e1": .verified]))
        XCTAssertEqual(with.criterion("c.check")?.points, r(4))
        XCTAssertEqual(with.criterion("c.check")?.evidence, .listed([EvidenceReference(id: "e1", state: .verified)]))

        let mismatch = score(facts: baseFacts, assessment: baseAssessment, evidence: evidence,
                             options: ScoringOptions(mode: .evaluation, evidenceFiles: ["e1": .hashMismatch]))
        XCTAssertEqual(mismatch.criterion("c.check")?.points, .zero)
    }

    // MARK: Support

    func testSupportEntitlementsInExactMoney() {
        let result = score(facts: baseFacts + "\nrev: 1250.55", assessment: baseAssessment)
        let support = Dictionary(uniqueKeysWithValues: result.support.map { ($0.id, $0) })
        // s.once: flag holds; the text gives only a ceiling of ¥3,000,000, once.
        XCTAssertEqual(support["s.once"]?.status, .eligible)
        XCTAssertEqual(support["s.once"]?.isCeiling, true)
        XCTAssertEqual(support["s.once"]?.total, r(3_000_000))
        // s.rate: min(1250.55 × 50%, 1,000,000) = 625.275 → 625.28 (half up to the fen)
        XCTAssertEqual(support["s.rate"]?.perPeriod, r(62528, 100))
        XCTAssertEqual(support["s.rate"]?.explanation.last?.text(TestCatalogue.en), "min(¥1,250.55 × 50%, ¥1,000,000) = ¥625.28")
        // s.rent: a = 7 firms, cap 7 × 700,000 = 4,900,000 a year; base 1250.55 × 2 = 2501.10 a year, for 3 years = 7503.30
        XCTAssertEqual(support["s.rent"]?.perPeriod, r(250110, 100))
        XCTAssertEqual(support["s.rent"]?.periods, 3)
        XCTAssertEqual(support["s.rent"]?.total, r(750330, 100))
        XCTAssertEqual(support["s.rent"]?.explanation.last?.text(TestCatalogue.zh), "min(¥2,501.10, ¥4,900,000) = ¥2,501.10 × 3 年 = ¥7,503.30")
    }

    func testSupportWithMissingDataOrUnmetCondition() {
        let result = score(facts: baseFacts.replacingOccurrences(of: "flag: true", with: "flag: false")
                                         .replacingOccurrences(of: "a: 7", with: "a: 0"), assessment: baseAssessment)
        let support = Dictionary(uniqueKeysWithValues: result.support.map { ($0.id, $0) })
        XCTAssertEqual(support["s.once"]?.status, .notEligible)
        XCTAssertEqual(support["s.rate"]?.status, .missingData)
        XCTAssertEqual(support["s.rate"]?.missingFacts, ["rev"])
        XCTAssertEqual(support["s.rent"]?.status, .notEligible)
        XCTAssertNil(support["s.rent"]?.total)
    }

    func testYuanText() {
        XCTAssertEqual(r(3_000_000).yuan, "¥3,000,000")
        XCTAssertEqual(r(12505, 10).yuan, "¥1,250.50")
        XCTAssertEqual(r(700).yuan, "¥700")
        XCTAssertEqual(r(1, 200).yuan, "¥0.01")
    }

    func testDeterministic() {
        let a = score(facts: baseFacts, assessment: baseAssessment)
        let b = score(facts: baseFacts, assessment: baseAssessment)
        XCTAssertEqual(a.total, b.total)
        XCTAssertEqual(a.improvements, b.improvements)
        XCTAssertEqual(a.criteria.map(\.explanation), b.criteria.map(\.explanation))
    }
}
