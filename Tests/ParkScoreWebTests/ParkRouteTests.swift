import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import ParkScore
import ParkScoreIO
@testable import ParkScoreWeb
import XCTest

/// The park desk: a park fills in, saves, uploads and submits its own application; no one else reaches it.
final class ParkRouteTests: WebTestCase {
    static let scorecard = "beijing-digital-advertising-park"

    func testAParkFillsInUploadsEvidenceDownloadsAndSubmitsItsApplication() async throws {
        let workbench = self.workbench!
        try await withClient { client in
            var park = Visitor(client)
            try await park.signIn("park1")
            let id = try await park.createApplication()
            let base = "/park/applications/\(id)"
            let blank = try await park.get(base)
            XCTAssertEqual(blank.status, .ok)
            XCTAssertTrue(blank.body.contains("name=\"fact.tenants.total\""))
            XCTAssertTrue(blank.body.contains("name=\"list.tech.digital_technologies\""), "a list of fixed values is ticked")
            XCTAssertTrue(blank.body.contains("name=\"rating.basic.positioning\""), "a judged criterion to self-rate")
            XCTAssertEqual(ParkHTML.version(blank.body), "1")

            // A negative count: saved as typed, and refused beside its own field, in Chinese.
            let saved = try await park.post(base, [("version", "1"), ("park.name", "星河数字广告产业园（虚构）"), ("period.from", "2025年1月1日"),
                                                   ("period.to", "2025-12-31"), ("fact.tenants.total", "-3"),
                                                   ("fact.park.district_approved_sign", "true")])
            XCTAssertEqual(saved.status, .seeOther)
            let bad = try await park.get(base)
            XCTAssertEqual(ParkHTML.version(bad.body), "2")
            let field = ParkHTML.field(bad.body, named: "fact.tenants.total")
            XCTAssertTrue(field.contains("has-problem") && field.contains("<p class=\"problem\">"), field)
            XCTAssertFalse(ParkHTML.field(bad.body, named: "fact.tenants.medium").contains("<p class=\"problem\">"))
            let refused = try await park.post(base + "/submit", [("version", "2")])
            XCTAssertEqual(refused.status, .conflict, "no submission while the form has errors")

            // Corrected, with a typical entry (45家) read as 45: the preview's total is worked out by hand below.
            try await park.post(base, [("version", "2"), ("park.name", "星河数字广告产业园（虚构）"), ("period.from", "2025年1月1日"),
                                       ("period.to", "2025-12-31"), ("fact.tenants.total", "45家"),
                                       ("fact.park.district_approved_sign", "true")])
            let good = try await park.get(base)
            XCTAssertFalse(ParkHTML.field(good.body, named: "fact.tenants.total").contains("<p class=\"problem\">"))
            // basic (weight 10) holds basic.positioning (judged, max 6, not rated) and basic.district_sign (check, 2 points):
            // 10 × 2 / 8 = 2.5; every other dimension earns nothing on these facts.
            XCTAssertTrue(good.body.contains("<p class=\"score-big\">2.5</p>"), String(good.body.suffix(3000)))

            // One audit event per changed field, old → new.
            let events = try workbench.store.history(of: id).filter { $0.subject == "fact.tenants.total" }
            XCTAssertEqual(events.map(\.oldValue), ["", "-3"])
            XCTAssertEqual(events.map(\.newValue), ["-3", "45家"])
            XCTAssertEqual(Set(events.map(\.action)), ["application.field-changed"])

            // Evidence: stored under the sha256 the server computes, at a path of its own.
            let content = Array("营业执照扫描件（示例）".utf8)
            let uploaded = try await park.upload(base + "/evidence", fields: [("evidenceID", "licence"), ("title", "营业执照"),
                                                                               ("supports", "park.district_approved_sign"), ("supports", "no.such.fact")],
                                                 fileName: "执照.pdf", bytes: content)
            XCTAssertEqual(uploaded.status, .seeOther)
            let records = try workbench.evidence(of: id)
            XCTAssertEqual(records.count, 1)
            let record = try XCTUnwrap(records.first)
            XCTAssertEqual(record.sha256, SHA256Text.of(content))
            XCTAssertEqual(record.path, "evidence/licence.pdf")
            XCTAssertEqual(SelfReportFormYAML.supports(record), ["park.district_approved_sign"])
            try await park.get(base)
            let file = try await park.get(base + "/evidence/\(record.id ?? 0)")
            XCTAssertEqual(file.status, .ok)
            XCTAssertEqual(file.bytes, content)
            XCTAssertEqual(file.headers[.contentType], "application/octet-stream")
            XCTAssertEqual(file.headers[.xContentTypeOptions], "nosniff")
            XCTAssertTrue((file.headers[.contentDisposition] ?? "").contains("filename*=UTF-8''%E6%89%A7%E7%85%A7.pdf"))

            // The facts it supports, and its title, changed after the upload (the content stays).
            let relinked = try await park.post(base + "/evidence/\(record.id ?? 0)", [("title", "营业执照（副本）"), ("supports", "park.province"),
                                                                                    ("supports", "management.independent_legal_person")])
            XCTAssertEqual(relinked.status, .seeOther)
            let changed = try XCTUnwrap(try workbench.evidence(of: id).first)
            XCTAssertEqual(changed.title, "营业执照（副本）")
            XCTAssertEqual(SelfReportFormYAML.supports(changed), ["park.province", "management.independent_legal_person"])
            XCTAssertEqual(changed.sha256, record.sha256)
            XCTAssertEqual(try workbench.store.history(of: id).filter { $0.action == "application.evidence-changed" }.map(\.subject),
                           ["licence.title", "licence.supports"])

            let yaml = try await park.get(base + "/self-report.yaml")
            XCTAssertTrue(yaml.body.contains("title: 营业执照（副本）\n"), yaml.body)
            XCTAssertTrue(yaml.body.contains("supports:\n      - park.province\n      - management.independent_legal_person\n"))
            XCTAssertTrue((yaml.headers[.contentDisposition] ?? "").hasPrefix("attachment"))
            XCTAssertTrue(yaml.body.contains("tenants.total: 45家"), yaml.body)
            XCTAssertTrue(yaml.body.contains("file: evidence/licence.pdf"))
            XCTAssertTrue(yaml.body.contains("sha256: " + SHA256Text.of(content)))

            let dossier = try await park.get(base + "/dossier")
            XCTAssertEqual(dossier.status, .ok)
            XCTAssertEqual(dossier.headers[.contentSecurityPolicy], SecurityHeaders<WorkbenchContext>.documentPolicy)
            XCTAssertTrue(dossier.body.contains("星河数字广告产业园"))

            let current = try await park.get(base)
            let version = ParkHTML.version(current.body) ?? ""
            let submitted = try await park.post(base + "/submit", [("version", version)])
            XCTAssertEqual(submitted.status, .seeOther)
            let stored = try XCTUnwrap(try Self.application(workbench, id))
            XCTAssertEqual(stored.status, .submitted)
            XCTAssertNotNil(stored.submittedAt)
            XCTAssertTrue(try workbench.store.history(of: id).contains { $0.action == "application.submitted" })

            // Read-only from now on.
            let after = try await park.get(base)
            XCTAssertTrue(after.body.contains("申报已提交，内容不能再修改"))
            XCTAssertTrue(after.body.contains("<fieldset disabled>"))
            XCTAssertFalse(after.body.contains("/submit\""))
            let late = try await park.post(base, [("version", String(stored.version)), ("fact.tenants.total", "99")])
            XCTAssertEqual(late.status, .conflict)
            XCTAssertTrue(late.body.contains("已提交或已定稿的申报只能查看"))
            let lateFile = try await park.upload(base + "/evidence", fields: [("evidenceID", "more"), ("title", "更多")], fileName: "a.txt", bytes: [1])
            XCTAssertEqual(lateFile.status, .conflict)
            let lateDelete = try await park.post(base + "/evidence/\(record.id ?? 0)/delete")
            XCTAssertEqual(lateDelete.status, .conflict)
            XCTAssertEqual(try Self.application(workbench, id)?.selfReport, stored.selfReport)

            let history = try await park.get("/applications/\(id)/history")
            XCTAssertEqual(history.status, .ok)
            for words in ["创建申报", "修改申报内容", "上传证明材料", "修改证明材料", "提交申报", "fact.tenants.total", "45家"] {
                XCTAssertTrue(history.body.contains(words), words)
            }

            let list = try await park.get("/park/applications")
            XCTAssertTrue(list.body.contains("已提交"))
            XCTAssertTrue(list.body.contains(base))
        }
    }

    /// Every route of the desk with park1's application and evidence: what another park, a reviewer or an admin tries.
    static func routes(_ id: Int64, evidence: Int64) -> [(method: HTTPRequest.Method, path: String)] {
        let base = "/park/applications/\(id)"
        return [(.get, base), (.post, base), (.post, base + "/preview"), (.post, base + "/evidence"),
                (.post, base + "/evidence/\(evidence)/delete"), (.post, base + "/evidence/\(evidence)"), (.get, base + "/evidence/\(evidence)"), (.get, base + "/self-report.yaml"),
                (.get, base + "/dossier"), (.post, base + "/submit"), (.post, base + "/import")]
    }

    static func parkOneApplication(_ client: any TestClientProtocol, _ workbench: Workbench) async throws -> (Int64, Int64) {
        var park = Visitor(client)
        try await park.signIn("park1")
        let id = try await park.createApplication()
        try await park.upload("/park/applications/\(id)/evidence", fields: [("evidenceID", "E1"), ("title", "名录")], fileName: "a.csv", bytes: [65])
        let evidence = try XCTUnwrap(try workbench.evidence(of: id).first?.id)
        return (id, evidence)
    }

    func testAnotherParkGetsNotFoundOnEveryRouteOfParkOnesApplication() async throws {
        let workbench = self.workbench!
        try await withClient { client in
            let (id, evidence) = try await Self.parkOneApplication(client, workbench)
            var other = Visitor(client)
            try await other.signIn("park2")
            for (method, path) in Self.routes(id, evidence: evidence) {
                let page = method == .get ? try await other.get(path) : try await other.post(path, [("version", "1")])
                XCTAssertEqual(page.status, .notFound, "\(method) \(path)")
            }
            let list = try await other.get("/park/applications")
            XCTAssertFalse(list.body.contains("/park/applications/\(id)\""))
            XCTAssertEqual(try workbench.evidence(of: id).count, 1)
            XCTAssertEqual(try Self.application(workbench, id)?.status, .draft)
        }
    }

    func testReviewersAndAdminsAreForbiddenEveryParkRoute() async throws {
        let workbench = self.workbench!
        try await withClient { client in
            let (id, evidence) = try await Self.parkOneApplication(client, workbench)
            for name in ["reviewer1", "chair1", "admin1"] {
                var visitor = Visitor(client)
                try await visitor.signIn(name)
                let all = Self.routes(id, evidence: evidence) + [(.get, "/park/applications"), (.get, "/park/applications/new"),
                                                                (.post, "/park/applications")]
                for (method, path) in all {
                    let page = method == .get ? try await visitor.get(path) : try await visitor.post(path, [("version", "1")])
                    XCTAssertEqual(page.status, .forbidden, "\(name): \(method) \(path)")
                }
            }
            var anonymous = Visitor(client)
            let page = try await anonymous.get("/park/applications/\(id)")
            XCTAssertTrue(page.location?.hasPrefix("/login") == true)
        }
    }

    func testAPostWithoutTheSessionsTokenIsForbidden() async throws {
        let workbench = self.workbench!
        try await withClient { client in
            var park = Visitor(client)
            try await park.signIn("park1")
            let id = try await park.createApplication()
            let base = "/park/applications/\(id)"
            let statuses = [
                try await park.post(base, [("version", "1"), ("fact.tenants.total", "5")], csrf: "").status,
                try await park.post(base, [("version", "1")], csrf: String(repeating: "0", count: 64)).status,
                try await park.upload(base + "/evidence", fields: [("evidenceID", "E1"), ("title", "t")], fileName: "a.txt", bytes: [1], csrf: "").status,
                try await park.post(base + "/submit", [], csrf: "").status,
                try await park.post("/park/applications", [("scorecard", Self.scorecard), ("parkName", "x")], csrf: "").status,
            ]
            XCTAssertEqual(statuses, [.forbidden, .forbidden, .forbidden, .forbidden, .forbidden])
            XCTAssertEqual(try Self.application(workbench, id)?.version, 1)
            XCTAssertTrue(try workbench.evidence(of: id).isEmpty)
        }
    }

    func testTheSecondOfTwoSavesFromTheSameVersionIsToldAndTheFirstIsKept() async throws {
        let workbench = self.workbench!
        try await withClient { client in
            var first = Visitor(client)
            try await first.signIn("park1")
            let id = try await first.createApplication()
            let base = "/park/applications/\(id)"
            var second = Visitor(client)
            try await second.signIn("park1")
            try await second.get(base)
            let one = try await first.post(base, [("version", "1"), ("fact.tenants.total", "45")])
            XCTAssertEqual(one.status, .seeOther)
            let two = try await second.post(base, [("version", "1"), ("fact.tenants.total", "50")])
            XCTAssertEqual(two.status, .conflict)
            XCTAssertTrue(two.body.contains("已被保存过一次"), "the second writer is told")
            // What the second writer typed is shown back, not lost, with the version now stored to save over it knowingly.
            XCTAssertTrue(ParkHTML.field(two.body, named: "fact.tenants.total").contains("value=\"50\""))
            XCTAssertEqual(ParkHTML.version(two.body), "2")
            let stored = try XCTUnwrap(try Self.application(workbench, id))
            XCTAssertEqual(stored.version, 2)
            XCTAssertEqual(SelfReportForm.State.decode(stored.form)?.facts["tenants.total"], "45")
            XCTAssertTrue(stored.selfReport.contains("tenants.total: 45\n"))
            XCTAssertEqual(try workbench.store.history(of: id).filter { $0.subject == "fact.tenants.total" }.count, 1)
        }
    }

    func testConcurrentSavesFromOneVersionLeaveExactlyOneWinnerAndTellTheOthers() async throws {
        let workbench = self.workbench!
        try await withClient { client in
            var park = Visitor(client)
            try await park.signIn("park1")
            let id = try await park.createApplication()
            let base = "/park/applications/\(id)"
            let visitor = park
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for n in 1...8 {
                    group.addTask {
                        var writer = visitor
                        return try await writer.post(base, [("version", "1"), ("fact.tenants.total", String(40 + n))]).status
                    }
                }
                var all: [HTTPResponse.Status] = []
                for try await status in group { all.append(status) }
                return all
            }
            XCTAssertEqual(statuses.filter { $0 == .seeOther }.count, 1)
            XCTAssertEqual(statuses.filter { $0 == .conflict }.count, 7)
            let fetched = try await workbench.store.database.read { db in try ApplicationRecord.fetchOne(db, key: id) }
            let stored = try XCTUnwrap(fetched)
            XCTAssertEqual(stored.version, 2)
            let events = try workbench.store.history(of: id).filter { $0.subject == "fact.tenants.total" }
            XCTAssertEqual(events.count, 1)
            XCTAssertEqual(SelfReportForm.State.decode(stored.form)?.facts["tenants.total"], events.first?.newValue)
        }
    }

    func testEvidenceUploadsAreRefusedWhenEmptyTooLargeBadlyNamedTakenOrTooMany() async throws {
        let workbench = self.workbench!
        let owner = try account("park1").id ?? 0
        try await withClient { client in
            var park = Visitor(client)
            try await park.signIn("park1")
            let id = try await park.createApplication()
            let base = "/park/applications/\(id)/evidence"
            let empty = try await park.upload(base, fields: [("evidenceID", "E1"), ("title", "名录")], fileName: "a.csv", bytes: [])
            XCTAssertEqual(empty.status, .badRequest)
            XCTAssertTrue(empty.body.contains("请选择一个非空的文件"))
            for bad in ["../etc/passwd", ".hidden", "a/b", "", String(repeating: "a", count: 65), "名录"] {
                let page = try await park.upload(base, fields: [("evidenceID", bad), ("title", "名录")], fileName: "a.csv", bytes: [65])
                XCTAssertEqual(page.status, .badRequest, bad)
            }
            let untitled = try await park.upload(base, fields: [("evidenceID", "E1"), ("title", " ")], fileName: "a.csv", bytes: [65])
            XCTAssertEqual(untitled.status, .badRequest)
            let large = try await park.upload(base, fields: [("evidenceID", "E1"), ("title", "名录")], fileName: "a.bin",
                                              bytes: [UInt8](repeating: 7, count: EvidenceBlobs.maxBytes + ParkUpload.framingAllowance + 1))
            XCTAssertEqual(large.status, .contentTooLarge)
            XCTAssertTrue(try workbench.evidence(of: id).isEmpty)

            let ok = try await park.upload(base, fields: [("evidenceID", "E1"), ("title", "名录")], fileName: "../../a.csv", bytes: [65])
            XCTAssertEqual(ok.status, .seeOther)
            XCTAssertEqual(try workbench.evidence(of: id).first?.originalName, "a.csv")
            let taken = try await park.upload(base, fields: [("evidenceID", "E1"), ("title", "名录")], fileName: "b.csv", bytes: [66])
            XCTAssertEqual(taken.status, .badRequest)

            // The hundredth file is the last.
            try await workbench.store.database.write { db in
                for n in 2...Self.limit {
                    var record = EvidenceRecord(applicationID: id, evidenceID: "F\(n)", title: "t", originalName: "f.txt", path: "evidence/F\(n)",
                                                sha256: SHA256Text.of([65]), size: 1, supports: "[]", uploadedBy: owner, createdAt: Date())
                    try record.insert(db)
                }
            }
            let tooMany = try await park.upload(base, fields: [("evidenceID", "G1"), ("title", "名录")], fileName: "c.csv", bytes: [67])
            XCTAssertEqual(tooMany.status, .badRequest)
            XCTAssertEqual(try workbench.evidence(of: id).count, Self.limit)
        }
    }

    static let limit = ParkRoutes.maxEvidenceFiles

    static func application(_ workbench: Workbench, _ id: Int64) throws -> ApplicationRecord? {
        try workbench.store.database.read { db in try ApplicationRecord.fetchOne(db, key: id) }
    }

    func testOnlyABuiltInScorecardCanBeChosen() async throws {
        let workbench = self.workbench!
        try await withClient { client in
            var park = Visitor(client)
            try await park.signIn("park1")
            try await park.get("/park/applications/new")
            for bad in ["../Criteria/beijing-digital-advertising-park", "/etc/passwd", "", "no-such-scorecard"] {
                let page = try await park.post("/park/applications", [("scorecard", bad), ("parkName", "园区")])
                XCTAssertEqual(page.status, .badRequest, bad)
            }
            let unnamed = try await park.post("/park/applications", [("scorecard", Self.scorecard), ("parkName", "  ")])
            XCTAssertEqual(unnamed.status, .badRequest)
            let count = try await workbench.store.database.read { db in try ApplicationRecord.fetchCount(db) }
            XCTAssertEqual(count, 0)
            XCTAssertTrue(try workbench.store.history(of: 0).isEmpty)
        }
    }

    func testThePreviewScoresThePostedFormWithoutSavingIt() async throws {
        let workbench = self.workbench!
        try await withClient { client in
            var park = Visitor(client)
            try await park.signIn("park1")
            let id = try await park.createApplication()
            let base = "/park/applications/\(id)"
            try await park.get(base)
            let preview = try await park.post(base + "/preview", [("park.name", "园区"), ("period.from", "2025-01-01"), ("period.to", "2025-12-31"),
                                                                  ("fact.park.district_approved_sign", "true")])
            XCTAssertEqual(preview.status, .ok)
            XCTAssertFalse(preview.body.contains("<html"), "a fragment, not a page")
            XCTAssertTrue(preview.body.contains("<p class=\"score-big\">2.5</p>"), preview.body)
            XCTAssertEqual(try Self.application(workbench, id)?.version, 1, "nothing saved")
        }
    }
}

/// The park desk's test steps: a draft made as a park makes one, and the pieces of a page the tests look at.
extension Visitor {
    /// Creates a draft under `scorecard` through the new-application form; returns its id.
    mutating func createApplication(scorecard: String = "beijing-digital-advertising-park", parkName: String = "星河数字广告产业园（虚构）")
        async throws -> Int64 {
        try await get("/park/applications/new")
        let page = try await post("/park/applications", [("scorecard", scorecard), ("parkName", parkName)])
        guard page.status == .seeOther, let location = page.location,
              let id = location.split(separator: "/").last?.split(separator: "?").first.flatMap({ Int64($0) }) else {
            throw XCTSkip("creating an application failed: \(page.status)")
        }
        try await get(location)
        return id
    }
}

enum ParkHTML {
    /// The form field block (`<div class="field…">…`) holding the input named `name`; "" when there is none.
    static func field(_ body: String, named name: String) -> String {
        let blocks = body.components(separatedBy: "<div class=\"field")
        return blocks.first { $0.contains("name=\"\(name)\"") } ?? ""
    }

    /// The `version` hidden field's value of the form page.
    static func version(_ body: String) -> String? {
        guard let range = body.range(of: #"name="version" value="([0-9]+)""#, options: .regularExpression) else { return nil }
        return String(body[range].dropFirst(#"name="version" value=""#.count).dropLast())
    }
}

extension WebTestCase {
    func application(_ id: Int64) throws -> ApplicationRecord? {
        try workbench.store.database.read { db in try ApplicationRecord.fetchOne(db, key: id) }
    }
}
