import ParkScore
import ParkScoreIO
import ParkScoreTestSupport
import XCTest

/// Reviews, panels and staged scores on the Beijing scorecard and Samples/beijing-xinghe.
/// talent.system is judged, with no evidence asked: levels 0, 1, 2, 3 earn 0, 2, 4, 6 points.
final class ReviewTests: XCTestCase {
    var dictionary: FactDictionary!
    var scorecard: Scorecard!
    var report: SelfReport!

    override func setUpWithError() throws {
        dictionary = try Repository.dictionary()
        scorecard = try Repository.scorecard("beijing-digital-advertising-park", dictionary: dictionary)
        report = try Repository.sample("beijing-xinghe", dictionary: dictionary, scorecards: [scorecard])
    }

    func review(_ id: String, role: String = "panel", date: String = "2026-03-02", body: String) -> Loaded<Review> {
        let text = """
        reviewer: {id: \(id), name: 评审\(id), role: \(role)}
        date: \(date)
        scorecard: beijing-digital-advertising-park
        \(body)
        """
        return ReviewLoader.decode(SourceFile(path: "\(id).yaml", bytes: Array(text.utf8)), scorecard: scorecard, report: report)
    }

    /// A review error in both languages: an override with no reason.
    func testAReviewErrorInBothLanguages() {
        let d = review("r9", body: "overrides:\n  services.research: {points: 2}\n").diagnostics.filter { $0.severity == .error }
        XCTAssertEqual(d.map(\.code), ["review.override.no-reason"])
        XCTAssertEqual(d.map(TestCatalogue.en.text(of:)), ["override of 'services.research' needs a reason"])
        XCTAssertEqual(d.map(TestCatalogue.zh.text(of:)), ["对「services.research」的分值调整须说明理由"])
    }

    func panel(_ levels: [Int]) throws -> StagedResult {
        let reviews = try levels.enumerated().map { i, level in
            try XCTUnwrap(review("r\(i + 1)", body: "ratings: {talent.system: \(level)}").validValue)
        }
        return StagedEvaluation.evaluate(report, against: scorecard, engine: ScoringEngine(dictionary: dictionary), reviews: reviews,
                                         evidenceFiles: ["licence": .verified, "tenants": .verified, "platform": .verified])
    }

    func testFiveReviewersDropTheHighestAndTheLowest() throws {
        // 1, 2, 2, 3, 3: without one lowest (1) and one highest (3), the mean of 2, 2, 3 is 7/3;
        // between level 2 (4 points) and 3 (6 points): 4 + 1/3 × 2 = 14/3 points. Spread 3 − 1 = 2 > 1: discuss.
        let staged = try panel([3, 1, 2, 3, 2])
        let rating = try XCTUnwrap(staged.panelRatings.first { $0.criterionID == "talent.system" })
        XCTAssertEqual(rating.counted, [2, 2, 3])
        XCTAssertEqual(rating.level, r(7, 3))
        XCTAssertEqual(rating.points, r(14, 3))
        XCTAssertTrue(rating.disagreement)
        XCTAssertEqual(staged.disagreements, ["talent.system"])
        XCTAssertEqual(staged.panel?.criterion("talent.system")?.points, r(14, 3))
    }

    func testThreeReviewersTakeTheMean() throws {
        // 2, 3, 3: the mean 8/3; 4 + 2/3 × 2 = 16/3 points. Spread 1: no discussion needed.
        let staged = try panel([2, 3, 3])
        let rating = try XCTUnwrap(staged.panelRatings.first)
        XCTAssertEqual(rating.counted, [2, 3, 3])
        XCTAssertEqual(rating.level, r(8, 3))
        XCTAssertEqual(rating.points, r(16, 3))
        XCTAssertFalse(rating.disagreement)
        // The self-rating (level 2 → 4) stays in the self stage; the panel's counts in the panel stage.
        XCTAssertEqual(staged.selfAssessment.criterion("talent.system")?.points, r(4))
        XCTAssertEqual(staged.panel?.criterion("talent.system")?.points, r(16, 3))
        XCTAssertEqual(staged.panel?.criterion("talent.system")?.explanation.map { $0.text(TestCatalogue.en) },
                       ["the park self-rated level 2 (shown, not counted)", "rated level 2.67 → 5.33"])
        // Judged criteria nobody on the panel rated are pending, and the result is provisional.
        XCTAssertEqual(staged.panel?.criterion("culture.content")?.status, .pendingReview)
        XCTAssertEqual(staged.panel?.provisionalReasons, [.pendingReview(["basic.positioning", "culture.content"])])
        // basic.positioning asks for evidence the report does not list: in evaluation even a rating would earn nothing.
    }

    func testMedianWhenTheScorecardChoosesIt() throws {
        scorecard.panelRule = PanelRule(aggregation: .median, disagreementSpread: 2)
        let rating = try XCTUnwrap(try panel([0, 3, 3, 2]).panelRatings.first)
        // 0, 2, 3, 3: the median is (2 + 3) / 2 = 5/2 → 4 + 1/2 × 2 = 5 points; spread 3 > 2.
        XCTAssertEqual(rating.level, r(5, 2))
        XCTAssertEqual(rating.points, r(5))
        XCTAssertTrue(rating.disagreement)
    }

    func testRejectedEvidenceEarnsNothing() throws {
        let accepted = try panel([2])
        // services.third_party asks for evidence; 'platform' supports its fact: 7 institutions ≥ 5 → 3 points.
        XCTAssertEqual(accepted.panel?.criterion("services.third_party")?.points, r(3))
        let rejecting = try XCTUnwrap(review("r1", body: "evidence: {platform: {verdict: rejected, reason: 合作协议未盖章}}").validValue)
        let staged = StagedEvaluation.evaluate(report, against: scorecard, engine: ScoringEngine(dictionary: dictionary), reviews: [rejecting],
                                               evidenceFiles: ["licence": .verified, "tenants": .verified, "platform": .verified])
        let criterion = try XCTUnwrap(staged.panel?.criterion("services.third_party"))
        XCTAssertEqual(criterion.points, .zero)
        XCTAssertEqual(criterion.evidence, .listed([EvidenceReference(id: "platform", state: .rejected)]))
        XCTAssertEqual(criterion.explanation.last, .evidenceNotAccepted(Unsubstantiated(
            facts: ["services.platform", "services.government", "services.third_party_institutions"].filter { criterion.factKeys.contains($0) },
            problems: [EvidenceProblem(evidenceID: "platform", title: "园区服务平台介绍与服务记录（示例）", kind: .rejected(by: "评审r1", reason: "合作协议未盖章"))])))
        XCTAssertEqual(criterion.status, .unsubstantiated)
        // The self stage is not touched by the panel's verdict.
        XCTAssertEqual(staged.selfAssessment.criterion("services.third_party")?.points, r(3))
    }

    func testOverridesAreRecordedWithWhoWhenAndWhy() throws {
        let overriding = try XCTUnwrap(review("r9", role: "preliminary", date: "2026-02-20",
                                              body: "overrides: {services.third_party: {points: 1, reason: 三家合作协议已过期}}").validValue)
        let staged = StagedEvaluation.evaluate(report, against: scorecard, engine: ScoringEngine(dictionary: dictionary), reviews: [overriding],
                                               evidenceFiles: ["platform": .verified])
        let criterion = try XCTUnwrap(staged.preliminary?.criterion("services.third_party"))
        XCTAssertEqual(criterion.override, OverrideRecord(reviewer: "评审r9", date: "2026-02-20", old: r(3), new: r(1), reason: "三家合作协议已过期"))
        XCTAssertEqual(criterion.points, r(1))
        XCTAssertEqual(criterion.status, .partial)
        XCTAssertNil(staged.panel)
        XCTAssertEqual(staged.final.scorecardID, staged.preliminary?.scorecardID)
    }

    func testReviewValidationErrors() {
        let body = """
        ratings:
          basic.positioning: 5
          basic.positionng: 2
          services.third_party: 1
        evidence:
          platfrm: accepted
          tenants: {verdict: rejected}
          licence: maybe
        overrides:
          services.research: {points: 2}
          services.third_party: {points: 9, reason: 复核}
        """
        let diagnostics = review("r1", body: body).diagnostics
        let f = "r1.yaml"
        XCTAssertEqual(diagnostics.english, [
            .error("level 5 is not in the rubric of 'basic.positioning' (levels 0, 1, 2, 3)", at: SourceLocation(file: f, line: 5, column: 22), path: "ratings.basic.positioning"),
            .error("unknown criterion 'basic.positionng' in scorecard 'beijing-digital-advertising-park' (did you mean 'basic.positioning'?)", at: SourceLocation(file: f, line: 6, column: 21), path: "ratings.basic.positionng"),
            .error("criterion 'services.third_party' is a scale, not judged: it takes no rating; use an override", at: SourceLocation(file: f, line: 7, column: 25), path: "ratings.services.third_party"),
            .error("unknown evidence 'platfrm' in the self-report (did you mean 'platform'?)", at: SourceLocation(file: f, line: 9, column: 12), path: "evidence.platfrm"),
            .error("rejecting evidence 'tenants' needs a reason", at: SourceLocation(file: f, line: 10, column: 12), path: "evidence.tenants"),
            .error("the verdict on 'licence' must be 'accepted' or 'rejected', not text 'maybe'", at: SourceLocation(file: f, line: 11, column: 12), path: "evidence.licence"),
            .error("override of 'services.research' needs a reason", at: SourceLocation(file: f, line: 13, column: 22), path: "overrides.services.research"),
            .error("override of 'services.third_party' gives 9 points; 'services.third_party' earns 0 to 5", at: SourceLocation(file: f, line: 14, column: 25), path: "overrides.services.third_party"),
        ])
    }

    func testReviewStructureErrors() {
        let text = "reviewer: {id: r1, name: 甲, role: expert}\ndate: 2026-02-30\nscorecard: nanshan-livestreaming\n"
        let d = ReviewLoader.decode(SourceFile(path: "bad.yaml", bytes: Array(text.utf8)), scorecard: scorecard, report: report).diagnostics
        XCTAssertEqual(d.map(TestCatalogue.en.line(for:)), [
            "bad.yaml:1:35: error: 'role' must be one of 'preliminary', 'panel', 'chair', not 'expert'",
            "bad.yaml:2:7: error: 'date' must be a date such as '2026-03-02', not text '2026-02-30'",
        ])
    }
}
