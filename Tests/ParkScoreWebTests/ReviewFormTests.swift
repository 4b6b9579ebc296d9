import Foundation
import ParkScore
import ParkScoreIO
@testable import ParkScoreWeb
import XCTest

/// The review form read from posted fields and written as the review file the CLI reads: only the application's ids
/// are read, levels outside the rubric are refused, and nothing an evaluator types changes the file's structure.
final class ReviewFormTests: WebTestCase {
    var scorecard: Scorecard {
        get throws { try XCTUnwrap(workbench.scorecard("beijing-digital-advertising-park")).scorecard }
    }

    func testOnlyTheApplicationsIdsAreReadAndALevelOutsideTheRubricIsAProblem() throws {
        let scope = ReviewForm.Scope(scorecard: try scorecard, evidence: ["licence", "tenants"], role: .panel)
        let fields = FormFields(pairs: [
            ("rating.basic.positioning", "2"), ("rating.talent.system", "7"), ("rating.layout.fusion_sectors", "2"),
            ("rating.no.such.criterion", "1"), ("resolution.culture.content", "2"),
            ("evidence.licence", "accepted"), ("evidence.tenants", "maybe"), ("evidence.platform", "rejected"),
            ("override.services.third_party", "1.5"), ("override-reason.services.third_party", "有效仅4家"),
            ("override.services.platform", "two"), ("comments", String(repeating: "长", count: ReviewForm.maxComments + 5)),
        ])
        let (form, problems) = ReviewForm.read(fields, scope: scope)
        XCTAssertEqual(form.ratings.keys.sorted(), ["basic.positioning"], "judged criteria only, on the rubric's levels")
        XCTAssertEqual(problems["rating.talent.system"], "level")
        XCTAssertTrue(form.resolutions.isEmpty, "a panel member does not resolve")
        XCTAssertEqual(form.evidence.keys.sorted(), ["licence"], "the application's evidence only")
        XCTAssertEqual(problems["evidence.tenants"], "verdict")
        XCTAssertEqual(form.overrides["services.third_party"]?.points, "1.5")
        XCTAssertEqual(problems["override.services.platform"], "points")
        XCTAssertEqual(form.comments.count, ReviewForm.maxComments)
        XCTAssertEqual(problems["comments"], "too-long")
    }

    func testWhatAnEvaluatorTypesCannotChangeTheReviewFilesStructure() throws {
        let hostile = "a: b\n# not a comment\" \\ }{ ]] \u{0007}\u{2028} --- ... &anchor *alias !!str 是"
        var form = ReviewForm()
        form.ratings["basic.positioning"] = .init(level: 2, comment: hostile)
        form.evidence["tenants"] = .init(verdict: "rejected", reason: hostile)
        form.overrides["services.third_party"] = .init(points: "1", reason: hostile)
        form.overrides["services.platform"] = .init(points: "2\nevidence: {}", reason: "x")
        form.comments = hostile
        let yaml = ReviewYAML.render(form, reviewer: Review.Reviewer(id: "reviewer1", name: "评审\"专家", role: .panel),
                                     date: "2026-03-05", scorecard: "beijing-digital-advertising-park")
        let loaded = ReviewLoader.decode(SourceFile(path: "reviews/reviewer1.yaml", bytes: Array(yaml.utf8)))
        // The points that are not a number are refused at their own place; everything else reads back as typed.
        XCTAssertTrue(loaded.diagnostics.contains { $0.path?.hasPrefix("overrides.services.platform") == true }, yaml)
        var clean = form
        clean.overrides["services.platform"] = nil
        let read = try XCTUnwrap(ReviewLoader.decode(SourceFile(path: "r.yaml", bytes: Array(ReviewYAML.render(
            clean, reviewer: Review.Reviewer(id: "reviewer1", name: "评审\"专家", role: .panel), date: "2026-03-05",
            scorecard: "beijing-digital-advertising-park").utf8))).value)
        XCTAssertEqual(read.reviewer.name, "评审\"专家")
        XCTAssertEqual(read.ratings["basic.positioning"]?.comment, hostile)
        XCTAssertEqual(read.evidence["tenants"]?.accepted, false)
        XCTAssertEqual(read.evidence["tenants"]?.reason, hostile)
        XCTAssertEqual(read.overrides["services.third_party"]?.reason, hostile)
        XCTAssertEqual(read.overrides["services.third_party"]?.points, Rational(1))
        XCTAssertEqual(read.comments, hostile)
        XCTAssertEqual(read.evidence.count, 1)
    }

    func testChangesListEveryItemOldToNew() {
        var old = ReviewForm()
        old.ratings["talent.system"] = .init(level: 2, comment: "")
        old.evidence["tenants"] = .init(verdict: "accepted", reason: "")
        var new = old
        new.ratings["talent.system"] = .init(level: 3, comment: "有海外人才案例")
        new.evidence["tenants"] = nil
        new.overrides["services.third_party"] = .init(points: "1", reason: "有效仅4家")
        let changes = new.changes(from: old)
        XCTAssertEqual(changes.map(\.subject), ["ratings.talent.system", "evidence.tenants", "overrides.services.third_party"])
        XCTAssertEqual(changes[0].old, "2")
        XCTAssertEqual(changes[0].new, "3")
        XCTAssertEqual(changes[0].reason, "有海外人才案例")
        XCTAssertEqual(changes[1].new, "")
        XCTAssertEqual(changes[2].reason, "有效仅4家")
        XCTAssertTrue(new.changes(from: new).isEmpty)
    }
}
