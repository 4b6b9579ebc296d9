import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import ParkScore
import ParkScoreIO
@testable import ParkScoreWeb
import XCTest

/// The evaluators' desk through the web: the sample's five reviews reproduced in the forms and finalised, the blind
/// rule, every forbidden path, a submission refused with its problem shown, a version conflict, and the lock after
/// finalisation.
final class ReviewRouteTests: WebTestCase {
    /// The sample's reviews (Samples/beijing-xinghe/reviews) as the forms post them.
    static let preliminary: [(String, String)] = [
        ("evidence.licence", "accepted"), ("evidence.tenants", "accepted"), ("evidence.platform", "accepted"),
        ("override.services.third_party", "1"), ("override-reason.services.third_party", "7家第三方机构中3家合作协议已到期，有效仅4家"),
        ("comments", "基本条件材料齐全。"),
    ]
    static let panel1: [(String, String)] = [
        ("rating.basic.positioning", "2"), ("rating-comment.basic.positioning", "聚焦程序化广告与内容营销"),
        ("rating.talent.system", "2"), ("rating.culture.content", "1"), ("evidence.platform", "accepted"),
    ]
    static let panel2: [(String, String)] = [("rating.basic.positioning", "3"), ("rating.talent.system", "2"), ("rating.culture.content", "3")]
    static let panel3: [(String, String)] = [
        ("rating.basic.positioning", "2"), ("rating.talent.system", "3"), ("rating.culture.content", "1"),
        ("evidence.tenants", "rejected"), ("evidence-reason.tenants", "入驻单位名录未加盖公章"),
    ]
    static let chair: [(String, String)] = [
        ("resolution.culture.content", "2"),
        ("resolution-reason.culture.content", "合议认为园区已举办1次广告赛事，另有2次筹办中，按“有一定基础”定为2级"),
        ("comments", "合议后结果为正式结果；入驻单位名录请补盖公章后存档。"),
    ]

    func assignSamplePanel(_ application: ApplicationRecord) throws {
        try assign("prelim1", to: application, as: "preliminary")
        for name in ["reviewer1", "reviewer2", "reviewer3"] { try assign(name, to: application, as: "panel") }
        try assign("chair1", to: application, as: "chair")
    }

    /// The `version` hidden field of the last page.
    static func version(_ page: Visitor.Page) -> String {
        guard let range = page.body.range(of: #"name="version" value="([0-9]+)""#, options: .regularExpression) else { return "" }
        return String(page.body[range].dropFirst(#"name="version" value=""#.count).dropLast())
    }

    /// Signs in as `name`, opens the application and submits `fields` as the review; returns the answer.
    static func submitReview(_ client: any TestClientProtocol, _ name: String, _ id: Int64, _ fields: [(String, String)]) async throws -> Visitor.Page {
        var visitor = Visitor(client)
        try await visitor.signIn(name)
        let page = try await visitor.get("/review/applications/\(id)")
        XCTAssertEqual(page.status, .ok, name)
        return try await visitor.post("/review/applications/\(id)/submit", fields + [("version", version(page))])
    }

    /// A read of the database outside any async context.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try workbench.store.database.read(body)
    }

    func review(of application: ApplicationRecord, by name: String) throws -> ReviewRecord? {
        let reviewerID = try account(name).id
        return try workbench.store.database.read { db in
            try ReviewRecord.filter(Column("applicationID") == application.id && Column("reviewerID") == reviewerID).fetchOne(db)
        }
    }

    func testTheSampleReviewsThroughTheFormsFinaliseToTheCommandLinesScore() async throws {
        let application = try insertSample("beijing-xinghe")
        try assignSamplePanel(application)
        let id = try XCTUnwrap(application.id)
        try await withClient { client in
            // 初审: saved as a draft first, then submitted.
            var prelim = Visitor(client)
            try await prelim.signIn("prelim1")
            let list = try await prelim.get("/review")
            XCTAssertTrue(list.body.contains("星河数字广告产业园"), "the assigned application is listed")
            XCTAssertTrue(list.body.contains("初审"))
            var page = try await prelim.get("/review/applications/\(id)")
            XCTAssertTrue(page.body.contains("入驻单位总数") || page.body.contains("入驻单位"), "facts shown with their titles")
            let saved = try await prelim.post("/review/applications/\(id)", Self.preliminary + [("version", Self.version(page))])
            XCTAssertEqual(saved.status, .seeOther)
            page = try await prelim.get("/review/applications/\(id)")
            XCTAssertEqual(Self.version(page), "1")
            let submitted = try await prelim.post("/review/applications/\(id)/submit", Self.preliminary + [("version", Self.version(page))])
            XCTAssertEqual(submitted.status, .seeOther, submitted.body)

            for (name, fields) in [("reviewer1", Self.panel1), ("reviewer2", Self.panel2), ("reviewer3", Self.panel3)] {
                let answer = try await Self.submitReview(client, name, id, fields)
                XCTAssertEqual(answer.status, .seeOther, name + ": " + answer.body)
            }

            // The chair sees the panel's ratings and the disagreement on culture.content (1, 3, 1: a spread of 2).
            var chair = Visitor(client)
            try await chair.signIn("chair1")
            page = try await chair.get("/review/applications/\(id)")
            XCTAssertTrue(page.body.contains("分歧较大，待合议"))
            XCTAssertTrue(page.body.contains("reviewer2：3 级"))
            XCTAssertFalse(page.body.contains("/finalise"), "no finalising while a disagreement is unresolved")
            let resolved = try await chair.post("/review/applications/\(id)", Self.chair + [("version", Self.version(page))])
            XCTAssertEqual(resolved.status, .seeOther, resolved.body)
            page = try await chair.get("/review/applications/\(id)")
            XCTAssertTrue(page.body.contains("/finalise"))
            let finalised = try await chair.post("/review/applications/\(id)/finalise", [("version", Self.version(page))])
            XCTAssertEqual(finalised.status, .seeOther, finalised.body)

            let dossier = try await chair.get("/review/applications/\(id)/dossier")
            XCTAssertEqual(dossier.status, .ok)
            XCTAssertEqual(dossier.headers[.contentSecurityPolicy], SecurityHeaders<WorkbenchContext>.documentPolicy)
            XCTAssertTrue(dossier.body.contains("星河数字广告产业园"))
            XCTAssertTrue(dossier.body.contains("评审过程记录"), "the history in the audit appendix")
            XCTAssertTrue(dossier.body.contains("evidence.tenants") && dossier.body.contains("评审定稿"))

            // Locked: no save, no submission, no second finalisation.
            var member = Visitor(client)
            try await member.signIn("reviewer1")
            let late = try await member.post("/review/applications/\(id)", Self.panel1 + [("version", "1")])
            XCTAssertEqual(late.status, .conflict)
            XCTAssertTrue(late.body.contains("不能再修改"))
            let again = try await chair.post("/review/applications/\(id)/finalise", [("version", "2")])
            XCTAssertEqual(again.status, .conflict)
        }

        let stored = try read { db in try ApplicationRecord.fetchOne(db, key: id) }
        XCTAssertEqual(stored?.status, .finalised)
        XCTAssertNotNil(stored?.finalisedAt)
        let outcome = try XCTUnwrap(try read { db in try OutcomeRecord.fetchOne(db, key: id) })

        // The command line's score of the sample folder with its five review files, through the same pipeline.
        let folder = WebRepository.samples + "/beijing-xinghe"
        let input = try XCTUnwrap(ApplicationInput.read(report: folder + "/self-report.yaml", reviewFolders: [folder + "/reviews"]).value)
        let cli = try XCTUnwrap(workbench.pipeline.assess(input, options: AssessmentOptions(mode: .evaluation)).value?.results.first?.result)
        XCTAssertEqual(outcome.total, PanelDesk.exactDecimal(cli.total))
        XCTAssertEqual(outcome.grade, cli.grade?.id)
        XCTAssertEqual(outcome.verdict, cli.verdict.rawValue)

        // By hand (Criteria/beijing-digital-advertising-park.yaml, weighted dimensions: weight × points ÷ the dimension's
        // most points). Every evidence file matches its sha256, so it counts; reviewer3's rejection of the tenant list is
        // one member's finding (no chair's record, no majority), so G0–G3 pass. In evaluation a criterion that asks for
        // evidence with no item supporting it or its facts earns 0: basic.positioning, basic.district_sign,
        // layout.digital_technologies, operations.rules.
        //   basic         10 × 0 / 8                                          = 0
        //   layout        15 × (0 + 6) / 16                                   = 45/8
        //   tiers         15 × (4 + 3 + 3 + 5) / 15                           = 15
        //   operations    15 × (0 + 6 + 0 + 2) / 15                           = 8
        //   services      15 × (4 + 6 + 1 [初审 override] + 3) / 20          = 21/2
        //   talent        10 × (14/3 [levels 2, 2, 3 → 7/3] + 3 + 3 + 2) / 16  = 95/12
        //   culture       10 × (4 + 4 [组长 resolution: level 2]) / 10        = 8
        //   international 10 × (4 + 3 + 0) / 10                               = 7
        //   total = 1489/24 = 62.0416… → 62.04 (two decimals, half up): grade C (60–70).
        XCTAssertEqual(outcome.total, Self.handTotal)
        XCTAssertEqual(outcome.grade, Self.handGrade)

        let history = try workbench.store.history(of: id)
        XCTAssertTrue(history.contains { $0.action == "application.finalised" })
        XCTAssertEqual(history.filter { $0.action == "review.submitted" }.count, 5)
        XCTAssertTrue(history.contains { $0.action == "review.saved" && $0.subject == "overrides.services.third_party" && $0.newValue == "1"
                && $0.reason.contains("有效仅4家") })
        XCTAssertTrue(history.contains { $0.action == "review.saved" && $0.subject == "evidence.tenants" && $0.newValue == "rejected" })
        let reviews = try XCTUnwrap(outcome.reviews.data(using: .utf8))
        let files = try JSONDecoder().decode([[String: String]].self, from: reviews)
        XCTAssertEqual(files.count, 5)
        // The review files the web wrote are the CLI's: the sample's self-report with them scores the same.
        let webReviews = files.compactMap { file in file["yaml"].map { SourceFile(path: file["path"] ?? "review.yaml", bytes: Array($0.utf8)) } }
        var webInput = input
        webInput.reviews = webReviews
        let again = try XCTUnwrap(workbench.pipeline.assess(webInput, options: AssessmentOptions(mode: .evaluation)).value?.results.first?.result)
        XCTAssertEqual(PanelDesk.exactDecimal(again.total), outcome.total)
    }

    static let handTotal = "62.04"
    static let handGrade = "C"

    func testAPanelMemberSeesNoOtherRatingBeforeSubmittingAndSeesThemAfter() async throws {
        let application = try insertSample("beijing-xinghe")
        try assignSamplePanel(application)
        let id = try XCTUnwrap(application.id)
        try await withClient { client in
            let first = try await Self.submitReview(client, "reviewer1", id, [("rating.basic.positioning", "3"), ("rating.talent.system", "1")])
            XCTAssertEqual(first.status, .seeOther, first.body)
            var second = Visitor(client)
            try await second.signIn("reviewer2")
            let before = try await second.get("/review/applications/\(id)")
            XCTAssertEqual(before.status, .ok)
            XCTAssertFalse(before.body.contains("reviewer1"), "reviewer1's rating is not shown before reviewer2 submits")
            let dossier = try await second.get("/review/applications/\(id)/dossier")
            XCTAssertEqual(dossier.status, .forbidden, "nor the dossier, which lists every rating")
            let submitted = try await second.post("/review/applications/\(id)/submit",
                                                  [("rating.basic.positioning", "2"), ("version", Self.version(before))])
            XCTAssertEqual(submitted.status, .seeOther, submitted.body)
            let after = try await second.get("/review/applications/\(id)")
            XCTAssertTrue(after.body.contains("reviewer1：3 级"), "after submitting, reviewer1's submitted rating shows")
            XCTAssertTrue(after.body.contains("reviewer1：1 级"))
            // The chair sees everyone's.
            var chair = Visitor(client)
            try await chair.signIn("chair1")
            let summary = try await chair.get("/review/applications/\(id)")
            XCTAssertTrue(summary.body.contains("reviewer1：3 级") && summary.body.contains("reviewer2：2 级"))
        }
    }

    func testForbiddenPaths() async throws {
        let application = try insertSample("beijing-xinghe")
        try assign("reviewer1", to: application, as: "panel")
        try assign("chair1", to: application, as: "chair")
        let draft = try insertSample("beijing-xinghe", owner: "park2", status: .draft)
        try assign("reviewer1", to: draft, as: "panel")
        let other = try insertSample("beijing-xinghe", owner: "park2")
        try assign("reviewer2", to: other, as: "chair")
        let id = try XCTUnwrap(application.id)
        let draftID = try XCTUnwrap(draft.id)
        let otherID = try XCTUnwrap(other.id)
        try await withClient { client in
            var outsider = Visitor(client)
            try await outsider.signIn("reviewer2")
            for path in ["/review/applications/\(id)", "/review/applications/\(id)/evidence/licence", "/review/applications/\(id)/dossier"] {
                let page = try await outsider.get(path)
                XCTAssertEqual(page.status, .notFound, path)
            }
            let outsiderPost = try await outsider.post("/review/applications/\(id)", [("version", "0")])
            XCTAssertEqual(outsiderPost.status, .notFound)
            let notChair = try await outsider.get("/review/applications/\(otherID)")
            XCTAssertEqual(notChair.status, .forbidden, "a reviewer account assigned as chair does not get the chair's desk")
            let list = try await outsider.get("/review")
            XCTAssertFalse(list.body.contains("/review/applications/\(id)"))

            for name in ["park1", "admin1"] {
                var visitor = Visitor(client)
                try await visitor.signIn(name)
                for path in ["/review", "/review/applications/\(id)", "/review/applications/\(id)/evidence/licence", "/review/applications/\(id)/dossier"] {
                    let page = try await visitor.get(path)
                    XCTAssertEqual(page.status, .forbidden, name + " " + path)
                }
                for path in ["/review/applications/\(id)", "/review/applications/\(id)/submit", "/review/applications/\(id)/finalise"] {
                    let page = try await visitor.post(path, [("version", "0")])
                    XCTAssertEqual(page.status, .forbidden, name + " " + path)
                }
            }

            var member = Visitor(client)
            try await member.signIn("reviewer1")
            let finalise = try await member.post("/review/applications/\(id)/finalise", [("version", "0")])
            XCTAssertEqual(finalise.status, .forbidden, "a panel member cannot finalise")
            var chair = Visitor(client)
            try await chair.signIn("chair1")
            let chairSubmit = try await chair.post("/review/applications/\(id)/submit", [("version", "0")])
            XCTAssertEqual(chairSubmit.status, .forbidden, "the chair's review is submitted by finalising")
            let unsubmitted = try await member.get("/review/applications/\(draftID)")
            XCTAssertEqual(unsubmitted.status, .notFound, "a park's draft is not open to evaluators")
            for path in ["/review/applications/abc", "/review/applications/99999", "/review/applications/\(id)/evidence/..%2Fx",
                         "/review/applications/\(id)/evidence/nothing"] {
                let page = try await member.get(path)
                XCTAssertEqual(page.status, .notFound, path)
            }
            let file = try await member.get("/review/applications/\(id)/evidence/licence")
            XCTAssertEqual(file.status, .ok)
            XCTAssertEqual(file.headers[.contentType], "application/octet-stream")
            XCTAssertEqual(file.headers[.xContentTypeOptions], "nosniff")
            XCTAssertTrue(file.headers[.contentDisposition]?.hasPrefix("attachment;") ?? false)
            let expected = try XCTUnwrap(FileManager.default.contents(atPath: WebRepository.samples + "/beijing-xinghe/evidence/management-licence.txt"))
            XCTAssertEqual(file.bytes, [UInt8](expected))
            let noToken = try await member.post("/review/applications/\(id)", [("version", "0")], csrf: "")
            XCTAssertEqual(noToken.status, .forbidden, "no CSRF token, no save")
        }
    }

    func testARejectionWithoutAReasonIsShownBesideItsItemAndNotSubmitted() async throws {
        let application = try insertSample("beijing-xinghe")
        try assign("reviewer3", to: application, as: "panel")
        let id = try XCTUnwrap(application.id)
        try await withClient { client in
            let answer = try await Self.submitReview(client, "reviewer3", id, [("rating.talent.system", "3"), ("evidence.tenants", "rejected"),
                                                                               ("override.services.platform", "2")])
            XCTAssertEqual(answer.status, .badRequest)
            XCTAssertTrue(answer.body.contains("意见尚未提交"))
            XCTAssertTrue(answer.body.contains(#"<tr class="review-problem">"#), "the row of the rejected item is marked")
            XCTAssertTrue(answer.body.contains("tenants"))
            XCTAssertTrue(answer.body.contains("review-problem-text"))
        }
        let stored = try XCTUnwrap(try review(of: application, by: "reviewer3"))
        XCTAssertFalse(stored.submitted, "not submitted")
        XCTAssertTrue(stored.reviewYAML.contains("tenants"), "kept as a draft: nothing typed is lost")
        let history = try workbench.store.history(of: try XCTUnwrap(application.id))
        XCTAssertFalse(history.contains { $0.action == "review.submitted" })
    }

    func testFinalisingWaitsForEveryAssignedEvaluator() async throws {
        let application = try insertSample("beijing-xinghe")
        try assignSamplePanel(application)
        let id = try XCTUnwrap(application.id)
        try await withClient { client in
            for (name, fields) in [("reviewer1", Self.panel1), ("reviewer2", Self.panel2), ("reviewer3", Self.panel3)] {
                let answer = try await Self.submitReview(client, name, id, fields)
                XCTAssertEqual(answer.status, .seeOther, name)
            }
            var chair = Visitor(client)
            try await chair.signIn("chair1")
            let page = try await chair.post("/review/applications/\(id)", Self.chair + [("version", "0")])
            XCTAssertEqual(page.status, .seeOther)
            let refused = try await chair.post("/review/applications/\(id)/finalise", [("version", "1")])
            XCTAssertEqual(refused.status, .conflict)
            XCTAssertTrue(refused.body.contains("暂不能定稿"))
            XCTAssertTrue(refused.body.contains("尚未提交意见") && refused.body.contains("prelim1"), "the preliminary check is awaited")
        }
        let stored = try read { db in try ApplicationRecord.fetchOne(db, key: id) }
        XCTAssertEqual(stored?.status, .submitted)
        XCTAssertNil(try read { db in try OutcomeRecord.fetchOne(db, key: id) })
    }

    func testASecondSaveFromAStalePageIsAConflict() async throws {
        let application = try insertSample("beijing-xinghe")
        try assign("reviewer1", to: application, as: "panel")
        let id = try XCTUnwrap(application.id)
        try await withClient { client in
            var visitor = Visitor(client)
            try await visitor.signIn("reviewer1")
            let page = try await visitor.get("/review/applications/\(id)")
            let stale = Self.version(page)
            XCTAssertEqual(stale, "0")
            let first = try await visitor.post("/review/applications/\(id)", [("rating.talent.system", "2"), ("version", stale)])
            XCTAssertEqual(first.status, .seeOther)
            let second = try await visitor.post("/review/applications/\(id)", [("rating.talent.system", "3"), ("version", stale)])
            XCTAssertEqual(second.status, .conflict)
            XCTAssertTrue(second.body.contains("请刷新页面"))
            let fresh = try await visitor.get("/review/applications/\(id)")
            XCTAssertEqual(Self.version(fresh), "1")
            let third = try await visitor.post("/review/applications/\(id)", [("rating.talent.system", "3"), ("rating-comment.talent.system", "有海外人才案例"),
                                                                            ("version", "1")])
            XCTAssertEqual(third.status, .seeOther)
        }
        let history = try workbench.store.history(of: id)
        XCTAssertTrue(history.contains { $0.action == "review.saved" && $0.subject == "ratings.talent.system" && $0.oldValue == "" && $0.newValue == "2" })
        XCTAssertTrue(history.contains { $0.action == "review.saved" && $0.subject == "ratings.talent.system" && $0.oldValue == "2"
                && $0.newValue == "3" && $0.reason == "有海外人才案例" })
        let stored = try XCTUnwrap(try review(of: application, by: "reviewer1"))
        XCTAssertEqual(stored.version, 2)
        XCTAssertEqual(ReviewForm.decode(stored.form).ratings["talent.system"]?.level, 3, "the stale save refused, the fresh one kept")
    }
}
