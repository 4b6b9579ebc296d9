import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import ParkScore
import ParkScoreIO
@testable import ParkScoreWeb
import XCTest

/// The bureau's desk: accounts, assignments, the comparison and its CSV, the dossier, and every refusal.
final class AdminRouteTests: WebTestCase {
    static let beijing = "beijing-digital-advertising-park"

    func testTheOverviewCountsApplicationsByScorecardAndStatus() async throws {
        try insertSample("beijing-xinghe")
        let draft = try insertSample("beijing-dongling", owner: "park2", status: .draft)
        let park2 = try account("park2").id
        try await workbench.store.database.write { db in
            try WorkbenchStore.record(AuditEvent(applicationID: draft.id, actorID: park2, at: Date(), action: "application.saved",
                                                 subject: "草稿里的字段"), in: db)
        }
        try await withClient { client in
            var admin = Visitor(client)
            try await admin.signIn("admin1")
            let page = try await admin.get("/admin")
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.body.contains("工作概览"), page.body)
            XCTAssertTrue(page.body.contains(#"href="/admin/compare/beijing-digital-advertising-park""#))
            // The accounts made for the test are the first events.
            XCTAssertTrue(page.body.contains("创建账户"))
            XCTAssertFalse(page.body.contains("草稿里的字段"), "a draft's events are the park's own")
            // The to-do list: xinghe is submitted, with neither chair nor panel yet.
            XCTAssertTrue(page.body.contains("未指定组长") && page.body.contains("未分配评审专家"))
            XCTAssertTrue(page.body.contains("已提交 0 份 / 共分配 0 人"))
        }
    }

    func testTheBureauCreatesAnAccountWhichCanSignIn() async throws {
        let store: WorkbenchStore = workbench.store
        try await withClient { client in
            var admin = Visitor(client)
            try await admin.signIn("admin1")
            try await admin.get("/admin/accounts")
            let made = try await admin.post("/admin/accounts", [("name", "reviewer4"), ("displayName", "王专家"), ("role", "reviewer"),
                                                                ("organisation", "市专家库"), ("password", "long-password-1")])
            XCTAssertEqual(made.status, .ok)
            XCTAssertTrue(made.body.contains("账户 reviewer4 已创建"), made.body)
            let account = try XCTUnwrap(try store.account(named: "reviewer4"))
            XCTAssertEqual(account.role, .reviewer)
            XCTAssertEqual(account.displayName, "王专家")
            let adminID = try store.account(named: "admin1")?.id
            let event = try await store.database.read { db in
                try AuditEvent.filter(Column("action") == "account.created" && Column("subject") == "reviewer4").fetchOne(db)
            }
            XCTAssertEqual(event?.actorID, adminID)
            var reviewer = Visitor(client)
            try await reviewer.get("/login")
            let signedIn = try await reviewer.post("/login", [("name", "reviewer4"), ("password", "long-password-1")])
            XCTAssertEqual(signedIn.location, "/review")
        }
    }

    func testTheBureauDisablesEnablesAndResetsAnAccountButNotItself() async throws {
        let store: WorkbenchStore = workbench.store
        let park1 = try account("park1").id ?? 0
        let admin1 = try account("admin1").id ?? 0
        try await withClient { client in
            var admin = Visitor(client)
            try await admin.signIn("admin1")
            var park = Visitor(client)
            try await park.signIn("park1")
            let disabled = try await admin.post("/admin/accounts/\(park1)/disable", [("reason", "人员离职")])
            XCTAssertEqual(disabled.status, .ok)
            XCTAssertEqual(try store.account(named: "park1")?.disabled, true)
            // Signed out at once.
            let after = try await park.get("/")
            XCTAssertEqual(after.location, "/login")
            try await admin.post("/admin/accounts/\(park1)/enable")
            XCTAssertEqual(try store.account(named: "park1")?.disabled, false)
            let reset = try await admin.post("/admin/accounts/\(park1)/password", [("password", "a-new-password-9")])
            XCTAssertEqual(reset.status, .ok)
            XCTAssertTrue(Accounts.verify("a-new-password-9", hash: try store.account(named: "park1")?.passwordHash ?? ""))
            // A reset signs the account out everywhere.
            var again = Visitor(client)
            try await again.signIn("park1", password: "a-new-password-9")
            try await admin.post("/admin/accounts/\(park1)/password", [("password", "a-third-password-7")])
            let signedOut = try await again.get("/")
            XCTAssertEqual(signedOut.location, "/login")
            let short = try await admin.post("/admin/accounts/\(park1)/password", [("password", "short")])
            XCTAssertEqual(short.status, .badRequest)
            let own = try await admin.post("/admin/accounts/\(admin1)/disable")
            XCTAssertEqual(own.status, .badRequest)
            XCTAssertTrue(own.body.contains("不能停用或恢复当前登录的账户"))
            XCTAssertEqual(try store.account(named: "admin1")?.disabled, false)
            let actions = try await store.database.read { db in
                try AuditEvent.filter(Column("subject") == "park1").order(Column("id")).fetchAll(db).map(\.action)
            }
            let why = try await store.database.read { db in
                try AuditEvent.filter(Column("action") == "account.disabled").fetchOne(db)?.reason
            }
            XCTAssertEqual(why, "人员离职")
            XCTAssertEqual(actions, ["account.created", "account.disabled", "account.enabled", "account.password-reset", "account.password-reset"])
        }
    }

    func testAccountsWithABadNameOrRoleAreRefused() async throws {
        let store: WorkbenchStore = workbench.store
        try await withClient { client in
            var admin = Visitor(client)
            try await admin.signIn("admin1")
            let badName = try await admin.post("/admin/accounts", [("name", "../etc"), ("displayName", "x"), ("role", "park"),
                                                                   ("password", "long-password-1")])
            XCTAssertEqual(badName.status, .badRequest)
            XCTAssertTrue(badName.body.contains("账户名须为"), badName.body)
            let taken = try await admin.post("/admin/accounts", [("name", "park1"), ("displayName", "x"), ("role", "park"),
                                                                 ("password", "long-password-1")])
            XCTAssertEqual(taken.status, .badRequest)
            XCTAssertTrue(taken.body.contains("该账户名已被使用"))
            let badRole = try await admin.post("/admin/accounts", [("name", "someone"), ("displayName", "x"), ("role", "root"),
                                                                   ("password", "long-password-1")])
            XCTAssertEqual(badRole.status, .badRequest)
            XCTAssertNil(try store.account(named: "someone"))
        }
    }

    func testTheBureauAssignsThreePanelMembersAChairAndAPreliminaryReviewer() async throws {
        let store: WorkbenchStore = workbench.store
        let application = try insertSample("beijing-xinghe")
        let id = application.id ?? 0
        try await withClient { client in
            var admin = Visitor(client)
            try await admin.signIn("admin1")
            let page = try await admin.get("/admin/applications/\(id)")
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.body.contains("星河数字广告产业园（虚构）"))
            for (name, role) in [("reviewer1", "panel"), ("reviewer2", "panel"), ("reviewer3", "panel"), ("chair1", "chair"),
                                 ("prelim1", "preliminary")] {
                let done = try await admin.post("/admin/applications/\(id)/assignments", [("account", name), ("role", role)])
                XCTAssertEqual(done.status, .ok, name)
                XCTAssertTrue(done.body.contains("已将"), name)
            }
            let stored = try await store.database.read { db in
                try AssignmentRecord.filter(Column("applicationID") == id).order(Column("id")).fetchAll(db).map(\.reviewRole)
            }
            XCTAssertEqual(stored, ["panel", "panel", "panel", "chair", "preliminary"])
            let events = try store.history(of: id).filter { $0.action == "assignment.created" }
            XCTAssertEqual(events.map(\.subject), ["reviewer1", "reviewer2", "reviewer3", "chair1", "prelim1"])
            // The assigned evaluator sees the application's history; the list shows it with five evaluators.
            let list = try await admin.get("/admin/applications?scorecard=\(Self.beijing)&status=submitted")
            XCTAssertTrue(list.body.contains("/admin/applications/\(id)"))
            let history = try await admin.get("/applications/\(id)/history")
            XCTAssertTrue(history.body.contains("分配评审人"), history.body)
            var reviewer = Visitor(client)
            try await reviewer.signIn("reviewer1")
            let got1 = try await reviewer.get("/applications/\(id)/history")
            XCTAssertEqual(got1.status, .ok)
        }
    }

    func testAssignmentsAreRefusedTwiceForAParkForAWrongRoleAndForASecondChair() async throws {
        let store: WorkbenchStore = workbench.store
        let application = try insertSample("beijing-xinghe")
        let id = application.id ?? 0
        try assign("chair1", to: application, as: "chair")
        try assign("reviewer1", to: application, as: "panel")
        try Accounts.create(in: workbench.store, name: "chair2", displayName: "chair2", password: Self.password, role: .chair, cost: 4)
        try await withClient { client in
            var admin = Visitor(client)
            try await admin.signIn("admin1")
            try await admin.get("/admin/applications/\(id)")
            let twice = try await admin.post("/admin/applications/\(id)/assignments", [("account", "reviewer1"), ("role", "panel")])
            XCTAssertEqual(twice.status, .conflict)
            XCTAssertTrue(twice.body.contains("该评审人已分配到这份申报"))
            let park = try await admin.post("/admin/applications/\(id)/assignments", [("account", "park1"), ("role", "panel")])
            XCTAssertEqual(park.status, .badRequest)
            XCTAssertTrue(park.body.contains("园区账户和主管部门账户不能担任评审"))
            let unknown = try await admin.post("/admin/applications/\(id)/assignments", [("account", "../nobody"), ("role", "panel")])
            XCTAssertEqual(unknown.status, .badRequest)
            XCTAssertTrue(unknown.body.contains("找不到该评审账户"))
            let chairAsPanel = try await admin.post("/admin/applications/\(id)/assignments", [("account", "chair2"), ("role", "panel")])
            XCTAssertEqual(chairAsPanel.status, .badRequest)
            let reviewerAsChair = try await admin.post("/admin/applications/\(id)/assignments", [("account", "reviewer2"), ("role", "chair")])
            XCTAssertEqual(reviewerAsChair.status, .badRequest)
            let secondChair = try await admin.post("/admin/applications/\(id)/assignments", [("account", "chair2"), ("role", "chair")])
            XCTAssertEqual(secondChair.status, .conflict)
            XCTAssertTrue(secondChair.body.contains("每份申报只能有一名评审组长"))
            let count = try await store.database.read { db in
                try AssignmentRecord.filter(Column("applicationID") == id).fetchCount(db)
            }
            XCTAssertEqual(count, 2)
        }
    }

    func testAnAssignmentIsRemovedOnlyWhileItsReviewIsNotSubmitted() async throws {
        let store: WorkbenchStore = workbench.store
        let application = try insertSample("beijing-xinghe")
        let id = application.id ?? 0
        try assign("reviewer1", to: application, as: "panel")
        try assign("reviewer2", to: application, as: "panel")
        try adminStoreReview("reviewer1", role: "panel", file: "panel-1.yaml", on: application, submitted: true)
        let ids = try await workbench.store.database.read { db in
            try AssignmentRecord.filter(Column("applicationID") == id).order(Column("id")).fetchAll(db).compactMap(\.id)
        }
        try await withClient { client in
            var admin = Visitor(client)
            try await admin.signIn("admin1")
            let kept = try await admin.post("/admin/applications/\(id)/assignments/\(ids[0])/delete")
            XCTAssertEqual(kept.status, .conflict)
            XCTAssertTrue(kept.body.contains("已提交评审意见"))
            let removed = try await admin.post("/admin/applications/\(id)/assignments/\(ids[1])/delete", [("reason", "与申报园区存在利害关系")])
            XCTAssertEqual(removed.status, .ok)
            // Another application's assignment id is not found here.
            let other = try await admin.post("/admin/applications/\(id)/assignments/999/delete")
            XCTAssertEqual(other.status, .notFound)
            let left = try await store.database.read { db in
                try AssignmentRecord.filter(Column("applicationID") == id).fetchAll(db).compactMap(\.id)
            }
            XCTAssertEqual(left, [ids[0]])
            let deleted = try store.history(of: id).filter { $0.action == "assignment.deleted" }
            XCTAssertEqual(deleted.map(\.subject), ["reviewer2"])
            XCTAssertEqual(deleted.map(\.reason), ["与申报园区存在利害关系"])
            XCTAssertEqual(deleted.map(\.oldValue), ["panel"])
        }
    }

    /// The sample totals are worked out by hand in BeijingScorecardTests (xinghe 78.25, grade B, eligible; dongling 16.44,
    /// ineligible, no grade), and cross-checked here with the CLI's pipeline on the sample folders.
    func testTheComparisonRanksTwoSamplesAndTheCSVListsThem() async throws {
        try insertSample("beijing-dongling", owner: "park2")
        try insertSample("beijing-xinghe")
        for (name, total) in [("beijing-xinghe", "78.25"), ("beijing-dongling", "16.44")] {
            let input = try XCTUnwrap(ApplicationInput.read(report: WebRepository.samples + "/" + name + "/self-report.yaml").value)
            XCTAssertEqual(workbench.pipeline.assess(input).value?.results.first?.result.total.fixed(places: 2), total, name)
        }
        try await withClient { client in
            var admin = Visitor(client)
            try await admin.signIn("admin1")
            let index = try await admin.get("/admin/compare")
            XCTAssertTrue(index.body.contains("/admin/compare/\(Self.beijing)"))
            let page = try await admin.get("/admin/compare/\(Self.beijing)")
            XCTAssertEqual(page.status, .ok)
            let xinghe = try XCTUnwrap(page.body.range(of: "星河数字广告产业园（虚构）"))
            let dongling = try XCTUnwrap(page.body.range(of: "东岭"))
            XCTAssertLessThan(xinghe.lowerBound, dongling.lowerBound, "xinghe ranks first")
            XCTAssertTrue(page.body.contains("<strong>78.25</strong>"))
            XCTAssertTrue(page.body.contains("<strong>16.44</strong>"))
            XCTAssertTrue(page.body.contains("园区自评"), "the stage is said")
            XCTAssertTrue(page.body.contains("未定稿"))
            XCTAssertTrue(page.body.contains("heat-"), "the heat map by classes")
            XCTAssertFalse(page.body.contains("style="), "no inline style")
            XCTAssertTrue(page.body.contains("各指标得分最高的园区"))
            let csv = try await admin.get("/admin/compare/\(Self.beijing).csv")
            XCTAssertEqual(csv.status, .ok)
            XCTAssertEqual(csv.headers[.contentType], "text/csv; charset=utf-8")
            XCTAssertTrue(csv.body.hasPrefix("\u{FEFF}"))
            let lines = csv.body.split(separator: "\r\n")
            XCTAssertEqual(lines.count, 3)
            XCTAssertTrue(lines[1].contains("星河数字广告产业园（虚构）") && lines[1].contains("78.25"))
            XCTAssertTrue(lines[2].contains("beijing-dongling") && lines[2].contains("16.44"))
            let printable = try await admin.get("/admin/compare/\(Self.beijing)/html")
            XCTAssertEqual(printable.status, .ok)
            XCTAssertEqual(printable.headers[.contentSecurityPolicy], SecurityHeaders<WorkbenchContext>.documentPolicy)
            XCTAssertTrue(printable.body.contains("星河数字广告产业园（虚构）") && printable.body.contains("78.25"))
            let other = try await admin.get("/admin/compare/\(Self.beijing)/csv")
            XCTAssertEqual(other.body, csv.body)
            let got2 = try await admin.get("/admin/compare/no-such-scorecard")
            XCTAssertEqual(got2.status, .notFound)
        }
    }

    /// Xinghe reviewed by its five evaluators ranks by the panel's result, 62.04 and C (worked out by hand in
    /// StageRulesTests.testTheSampleEvaluationByHand), still before dongling's self-assessment, 16.44; each says its stage.
    func testAReviewedApplicationRanksByItsPanelResultAndSaysItsStage() async throws {
        let xinghe = try insertSample("beijing-xinghe")
        try adminReviewFully(xinghe)
        try insertSample("beijing-dongling", owner: "park2")
        let id = xinghe.id ?? 0
        try await withClient { client in
            var admin = Visitor(client)
            try await admin.signIn("admin1")
            let page = try await admin.get("/admin/compare/\(Self.beijing)")
            let first = try XCTUnwrap(page.body.range(of: "<strong>62.04</strong>"))
            let second = try XCTUnwrap(page.body.range(of: "<strong>16.44</strong>"))
            XCTAssertLessThan(first.lowerBound, second.lowerBound)
            XCTAssertTrue(page.body[first.upperBound..<second.lowerBound].contains("专家评审"))
            XCTAssertTrue(page.body[second.upperBound...].contains("园区自评"))
            let detail = try await admin.get("/admin/applications/\(id)")
            XCTAssertTrue(detail.body.contains("<strong>62.04</strong>"), detail.body)
            XCTAssertEqual(detail.body.components(separatedBy: #"<span class="badge finalised">已提交</span>"#).count - 1, 5, "five submitted reviews")
            let csv = try await admin.get("/admin/compare/\(Self.beijing).csv")
            XCTAssertTrue(csv.body.contains(",62.04,C,"), csv.body)
        }
    }

    func testAParkNameThatLooksLikeAFormulaIsTextInTheCSV() async throws {
        let application = try insertSample("beijing-xinghe")
        let formula = #"=HYPERLINK("http://evil.example","x")"#
        let yaml = application.selfReport.replacingOccurrences(of: "name: 星河数字广告产业园（虚构）",
                                                                with: "name: '" + formula + "'")
        XCTAssertNotEqual(yaml, application.selfReport)
        try await workbench.store.database.write { db in
            try db.execute(sql: "UPDATE application SET selfReport = ? WHERE id = ?", arguments: [yaml, application.id])
        }
        try await withClient { client in
            var admin = Visitor(client)
            try await admin.signIn("admin1")
            let csv = try await admin.get("/admin/compare/\(Self.beijing).csv")
            XCTAssertTrue(csv.body.contains("'=HYPERLINK"), csv.body)
            XCTAssertFalse(csv.body.contains(",=HYPERLINK"))
            XCTAssertFalse(csv.body.contains(",\"=HYPERLINK"))
            let page = try await admin.get("/admin/compare/\(Self.beijing)")
            XCTAssertTrue(page.body.contains("=HYPERLINK(&quot;http"), "escaped on the page")
        }
    }

    func testTheBureauDownloadsAnEvidenceFileOfASubmittedApplicationOnly() async throws {
        let application = try insertSample("beijing-xinghe")
        let other = try insertSample("beijing-dongling", owner: "park2", status: .draft)
        let files = try workbench.evidence(of: application.id ?? 0)
        let licence = try XCTUnwrap(files.first { $0.evidenceID == "licence" })
        let draftFile = try XCTUnwrap(try workbench.evidence(of: other.id ?? 0).first)
        let id = application.id ?? 0, otherID = other.id ?? 0
        try await withClient { client in
            var admin = Visitor(client)
            try await admin.signIn("admin1")
            let page = try await admin.get("/admin/applications/\(id)/evidence/\(licence.id ?? 0)")
            XCTAssertEqual(page.status, .ok)
            XCTAssertEqual(page.headers[.contentType], "application/octet-stream")
            XCTAssertEqual(page.headers[.contentDisposition],
                           "attachment; filename=\"licence.txt\"; filename*=UTF-8''management-licence.txt")
            XCTAssertEqual(page.headers[.xContentTypeOptions], "nosniff")
            let expected = try Data(contentsOf: URL(fileURLWithPath: WebRepository.samples + "/beijing-xinghe/evidence/management-licence.txt"))
            XCTAssertEqual(page.bytes, [UInt8](expected))
            // Another application's file through this one's path, and a draft's file, are not found.
            let crossed = try await admin.get("/admin/applications/\(id)/evidence/\(draftFile.id ?? 0)")
            XCTAssertEqual(crossed.status, .notFound)
            let draft = try await admin.get("/admin/applications/\(otherID)/evidence/\(draftFile.id ?? 0)")
            XCTAssertEqual(draft.status, .notFound)
        }
    }

    func testTheDossierIsTheCurrentOneUntilFinalisedAndThenTheFixedOne() async throws {
        let store: WorkbenchStore = workbench.store
        let application = try insertSample("beijing-xinghe")
        let id = application.id ?? 0
        try await withClient { client in
            var admin = Visitor(client)
            try await admin.signIn("admin1")
            let current = try await admin.get("/admin/applications/\(id)/dossier")
            XCTAssertEqual(current.status, .ok)
            XCTAssertEqual(current.headers[.contentSecurityPolicy], SecurityHeaders<WorkbenchContext>.documentPolicy)
            XCTAssertTrue(current.body.contains("星河数字广告产业园（虚构）"))
            XCTAssertTrue(current.body.contains("78.25"))
            let chair = try store.account(named: "chair1")?.id ?? 0
            try await store.database.write { db in
                var outcome = OutcomeRecord(applicationID: id, total: "80.00", grade: "B", verdict: "eligible",
                                            dossierHTML: "<html><body>定稿的意见书</body></html>", reviews: "[]", finalisedBy: chair,
                                            finalisedAt: Date())
                try outcome.insert(db)
                try db.execute(sql: "UPDATE application SET status = 'finalised', finalisedAt = ? WHERE id = ?", arguments: [Date(), id])
            }
            let fixed = try await admin.get("/admin/applications/\(id)/dossier")
            XCTAssertEqual(fixed.body, "<html><body>定稿的意见书</body></html>")
            XCTAssertEqual(fixed.headers[.contentSecurityPolicy], SecurityHeaders<WorkbenchContext>.documentPolicy)
            let page = try await admin.get("/admin/compare/\(Self.beijing)")
            XCTAssertTrue(page.body.contains("已定稿"))
            // A finalised application's evaluators no longer change.
            let late = try await admin.post("/admin/applications/\(id)/assignments", [("account", "reviewer1"), ("role", "panel")])
            XCTAssertEqual(late.status, .conflict)
        }
    }

    // MARK: - Forbidden

    func testEveryAdminRouteIsForbiddenToEveryOtherRole() async throws {
        let application = try insertSample("beijing-xinghe")
        let id = application.id ?? 0
        let park2 = try account("park2").id ?? 0
        try assign("reviewer1", to: application, as: "panel")
        let assignment = try await workbench.store.database.read { db in try AssignmentRecord.fetchOne(db)?.id } ?? 0
        let gets = ["/admin", "/admin/accounts", "/admin/applications", "/admin/applications/\(id)", "/admin/applications/\(id)/dossier",
                    "/admin/compare", "/admin/compare/\(Self.beijing)", "/admin/compare/\(Self.beijing).csv",
                    "/admin/compare/\(Self.beijing)/csv", "/admin/compare/\(Self.beijing)/html", "/admin/export/all",
                    "/admin/applications/\(id)/evidence/1", "/admin/export/\(Self.beijing)", "/admin/export"]
        let posts: [(String, [(String, String)])] = [
            ("/admin/accounts", [("name", "intruder"), ("displayName", "x"), ("role", "admin"), ("password", "long-password-1")]),
            ("/admin/accounts/\(park2)/disable", []), ("/admin/accounts/\(park2)/enable", []),
            ("/admin/accounts/\(park2)/password", [("password", "long-password-1")]),
            ("/admin/applications/\(id)/assignments", [("account", "reviewer2"), ("role", "panel")]),
            ("/admin/applications/\(id)/assignments/\(assignment)/delete", []),
        ]
        try await withClient { client in
            for name in ["park1", "reviewer1", "chair1"] {
                var visitor = Visitor(client)
                try await visitor.signIn(name)
                for path in gets {
                    let page = try await visitor.get(path)
                    XCTAssertEqual(page.status, .forbidden, "\(name) GET \(path)")
                }
                for (path, fields) in posts {
                    let page = try await visitor.post(path, fields)
                    XCTAssertEqual(page.status, .forbidden, "\(name) POST \(path)")
                }
            }
            var anonymous = Visitor(client)
            let page = try await anonymous.get("/admin/compare")
            XCTAssertEqual(page.location, "/login?next=%2Fadmin%2Fcompare")
        }
        XCTAssertNil(try workbench.store.account(named: "intruder"))
        XCTAssertEqual(try account("park2").disabled, false)
        let assignments = try await workbench.store.database.read { db in try AssignmentRecord.fetchCount(db) }
        XCTAssertEqual(assignments, 1)
    }

    func testADraftIsNotFoundOnTheBureausDesk() async throws {
        let draft = try insertSample("beijing-xinghe", status: .draft)
        let id = draft.id ?? 0
        try await withClient { client in
            var admin = Visitor(client)
            try await admin.signIn("admin1")
            for path in ["/admin/applications/\(id)", "/admin/applications/\(id)/dossier", "/applications/\(id)/history",
                         "/admin/applications/abc", "/admin/applications/-1", "/admin/applications/99999"] {
                let got3 = try await admin.get(path)
                XCTAssertEqual(got3.status, .notFound, path)
            }
            let post = try await admin.post("/admin/applications/\(id)/assignments", [("account", "reviewer1"), ("role", "panel")])
            XCTAssertEqual(post.status, .notFound)
            let list = try await admin.get("/admin/applications")
            XCTAssertFalse(list.body.contains("/admin/applications/\(id)\""))
            let compare = try await admin.get("/admin/compare/\(Self.beijing)")
            XCTAssertFalse(compare.body.contains("星河"))
            // The park sees its own draft's history.
            var park = Visitor(client)
            try await park.signIn("park1")
            let got4 = try await park.get("/applications/\(id)/history")
            XCTAssertEqual(got4.status, .ok)
        }
    }
}

extension WebTestCase {
    /// Stores `Samples/beijing-xinghe/reviews/<file>` as `reviewer`'s review of `application`.
    func adminStoreReview(_ reviewer: String, role: String, file: String, on application: ApplicationRecord, submitted: Bool) throws {
        let path = WebRepository.samples + "/beijing-xinghe/reviews/" + file
        guard let data = FileManager.default.contents(atPath: path) else { throw XCTSkip("no review \(file)") }
        let reviewerID = try account(reviewer).id ?? 0
        let now = Date()
        try workbench.store.database.write { db in
            var review = ReviewRecord(applicationID: application.id ?? 0, reviewerID: reviewerID, reviewRole: role, form: "{}",
                                      reviewYAML: String(decoding: data, as: UTF8.self), submitted: submitted, createdAt: now,
                                      updatedAt: now, submittedAt: submitted ? now : nil)
            try review.insert(db)
        }
    }

    /// The sample's five reviews, each stored as submitted by its evaluator (assigned in its role).
    func adminReviewFully(_ application: ApplicationRecord) throws {
        for (reviewer, role, file) in [("prelim1", "preliminary", "preliminary.yaml"), ("reviewer1", "panel", "panel-1.yaml"),
                                       ("reviewer2", "panel", "panel-2.yaml"), ("reviewer3", "panel", "panel-3.yaml"),
                                       ("chair1", "chair", "chair.yaml")] {
            try assign(reviewer, to: application, as: role)
            try adminStoreReview(reviewer, role: role, file: file, on: application, submitted: true)
        }
    }
}
