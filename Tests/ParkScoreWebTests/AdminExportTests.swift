import Foundation
import GRDB
import ParkOffice
import ParkScore
import ParkScoreIO
@testable import ParkScoreWeb
import XCTest

/// The export: a ZIP of application folders that the CLI's batch path scores exactly as the web does; and the history
/// page's visibility.
final class AdminExportTests: WebTestCase {
    func testTheExportScoresAsTheWebDoesWhenReadAsBatchReadsIt() async throws {
        let xinghe = try insertSample("beijing-xinghe")
        try adminReviewFully(xinghe)
        let dongling = try insertSample("beijing-dongling", owner: "park2")
        try insertSample("jiading-anting", owner: "park2", status: .draft)
        // An evidence path that is not plain never becomes a path in the ZIP.
        try await workbench.store.database.write { db in
            var odd = EvidenceRecord(applicationID: dongling.id ?? 0, evidenceID: "odd", title: "x", originalName: "x", path: "../escape.txt",
                                     sha256: String(repeating: "0", count: 64), size: 1, supports: "[]", uploadedBy: 1, createdAt: Date())
            try odd.insert(db)
        }
        let zip = try await adminDownload("/admin/export/all")
        let again = try await adminDownload("/admin/export/all")
        XCTAssertEqual(zip, again, "deterministic")
        let reader = try PackageReader(bytes: zip, limits: PackageLimits(maxInputBytes: 256 << 20))
        let x = "\(xinghe.id ?? 0)-beijing-xinghe", d = "\(dongling.id ?? 0)-beijing-dongling"
        XCTAssertTrue(reader.paths.contains(x + "/self-report.yaml"))
        XCTAssertTrue(reader.paths.contains(x + "/reviews/reviewer1.yaml"))
        XCTAssertTrue(reader.paths.contains(x + "/reviews/chair1.yaml"))
        XCTAssertTrue(reader.paths.contains(d + "/self-report.yaml"))
        XCTAssertFalse(reader.paths.contains { $0.hasPrefix(d + "/reviews/") })
        XCTAssertFalse(reader.paths.contains { $0.contains("..") || $0.contains("escape") })
        XCTAssertFalse(reader.paths.contains { $0.contains("jiading") }, "drafts are not exported")
        // Unpacked into a folder, each application folder read as `parkscore batch` reads one.
        let root = folder.appendingPathComponent("export")
        for path in reader.paths {
            XCTAssertTrue(PackageReader.isSafe(path), path)
            let target = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(try reader.requiredPart(path)).write(to: target)
        }
        let folders = try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
        XCTAssertEqual(folders, [x, d].sorted())
        var parks: [(id: String, name: String, result: ScoreResult)] = []
        for (name, application) in [(x, xinghe), (d, dongling)] {
            let applicationFolder = root.appendingPathComponent(name).path
            let reviewFolders = try ReviewFolder.of(application: applicationFolder).get()
            let input = try XCTUnwrap(ApplicationInput.read(report: applicationFolder, reviewFolders: reviewFolders).value)
            let batch = workbench.pipeline.assess(input, options: AssessmentOptions())
            let cli = try XCTUnwrap(batch.value?.results.first?.result, batch.diagnostics.map(\.message).joined(separator: "\n"))
            let web = try XCTUnwrap(try BureauAssessment(application, workbench: workbench).scored?.result)
            XCTAssertEqual(cli.total, web.total, name)
            XCTAssertEqual(cli.grade?.id, web.grade?.id, name)
            XCTAssertEqual(cli.verdict, web.verdict, name)
            XCTAssertEqual(cli.mode, web.mode, name)
            if let report = batch.value?.report { parks.append((report.park.id ?? name, report.park.name, cli)) }
            // Every evidence file came along and is the one stored.
            XCTAssertEqual(batch.value?.evidence.files.values.filter { $0.state == .verified }.count, name == x ? 4 : 2, name)
        }
        // Worked out by hand in StageRulesTests.testTheSampleEvaluationByHand: the panel's result is 1489/24 → 62.04, grade C.
        let evaluated = try XCTUnwrap(try BureauAssessment(xinghe, workbench: workbench).scored?.result)
        XCTAssertEqual(evaluated.total.fixed(places: 2), "62.04")
        XCTAssertEqual(evaluated.grade?.id, "C")
        XCTAssertEqual(try BureauAssessment(xinghe, workbench: workbench).scored?.result.mode, .evaluation)
        XCTAssertEqual(try BureauAssessment(xinghe, workbench: workbench).stage, .panel)
        // The web's ranking CSV is the one the library makes of the export's results (as batch writes ranking.csv).
        let scorecard = try XCTUnwrap(workbench.scorecard("beijing-digital-advertising-park")?.scorecard)
        let expected = RankingTable(ranking: Ranking(scorecard: scorecard, parks: parks), messages: workbench.pages.messages(.zh)).csv
        let csv = try await adminDownload("/admin/compare/beijing-digital-advertising-park.csv", type: "text/csv; charset=utf-8")
        XCTAssertEqual(String(decoding: csv, as: UTF8.self), expected)
    }

    func testAnExportOfOneScorecardHoldsOnlyItsApplications() async throws {
        let xinghe = try insertSample("beijing-xinghe")
        try insertSample("jiading-anting", owner: "park2")
        let zip = try await adminDownload("/admin/export/beijing-digital-advertising-park")
        let reader = try PackageReader(bytes: zip, limits: PackageLimits(maxInputBytes: 256 << 20))
        XCTAssertTrue(reader.paths.allSatisfy { $0.hasPrefix("\(xinghe.id ?? 0)-beijing-xinghe/") }, reader.paths.joined(separator: "\n"))
        let folder = "\(xinghe.id ?? 0)-beijing-xinghe/"
        XCTAssertEqual(Set(reader.paths), [folder + "self-report.yaml", folder + "evidence/business-services.md",
                                      folder + "evidence/management-licence.txt", folder + "evidence/service-platform.md",
                                      folder + "evidence/tenant-list.csv"])
        let licence = try reader.requiredPart(folder + "evidence/management-licence.txt")
        XCTAssertEqual(licence, [UInt8](try Data(contentsOf: URL(fileURLWithPath: WebRepository.samples + "/beijing-xinghe/evidence/management-licence.txt"))))
    }

    func testTheExportHoldsSubmittedReviewsOnlyAndTheFixedDossierOfAFinalisedApplication() async throws {
        let xinghe = try insertSample("beijing-xinghe")
        try assign("reviewer1", to: xinghe, as: "panel")
        try assign("reviewer2", to: xinghe, as: "panel")
        try adminStoreReview("reviewer1", role: "panel", file: "panel-1.yaml", on: xinghe, submitted: true)
        try adminStoreReview("reviewer2", role: "panel", file: "panel-2.yaml", on: xinghe, submitted: false)
        let id = xinghe.id ?? 0
        let chair = try account("chair1").id ?? 0
        try await workbench.store.database.write { db in
            var outcome = OutcomeRecord(applicationID: id, total: "62.04", grade: "C", verdict: "eligible",
                                        dossierHTML: "<html><body>定稿</body></html>", reviews: "[]", finalisedBy: chair, finalisedAt: Date())
            try outcome.insert(db)
            try db.execute(sql: "UPDATE application SET status = 'finalised', finalisedAt = ? WHERE id = ?", arguments: [Date(), id])
        }
        let zip = try await adminDownload("/admin/export/all")
        let reader = try PackageReader(bytes: zip, limits: PackageLimits(maxInputBytes: 256 << 20))
        let folder = "\(id)-beijing-xinghe/"
        XCTAssertTrue(reader.paths.contains(folder + "reviews/reviewer1.yaml"))
        XCTAssertFalse(reader.paths.contains(folder + "reviews/reviewer2.yaml"), "a review not submitted is not part of the record")
        XCTAssertEqual(String(decoding: try reader.requiredPart(folder + "dossier.html"), as: UTF8.self), "<html><body>定稿</body></html>")
        let exported = try await workbench.store.database.read { db in
            try AuditEvent.filter(Column("action") == "export.downloaded").fetchCount(db)
        }
        XCTAssertEqual(exported, 1, "the export is recorded")
    }

    func adminDownload(_ path: String, type: String = "application/zip") async throws -> [UInt8] {
        let box = AdminBytes()
        try await withClient { client in
            var admin = Visitor(client)
            try await admin.signIn("admin1")
            let page = try await admin.get(path)
            XCTAssertEqual(page.status, .ok)
            XCTAssertEqual(page.headers[.contentType], type)
            box.set(page.bytes)
        }
        return box.bytes
    }

    // MARK: - History

    func testTheHistoryIsSeenByTheOwnerTheBureauAndAssignedEvaluatorsOnly() async throws {
        let store: WorkbenchStore = workbench.store
        let application = try insertSample("beijing-xinghe")
        let id = application.id ?? 0
        try assign("reviewer1", to: application, as: "panel")
        try assign("reviewer2", to: application, as: "panel")
        try assign("chair1", to: application, as: "chair")
        let park1 = try account("park1").id, reviewer1 = try account("reviewer1").id, reviewer2 = try account("reviewer2").id
        try await workbench.store.database.write { db in
            try WorkbenchStore.record(AuditEvent(applicationID: id, actorID: nil, at: Date(), action: "assignment.created",
                                                 subject: "reviewer1", newValue: "panel"), in: db)
            try WorkbenchStore.record(AuditEvent(applicationID: id, actorID: park1, at: Date(), action: "application.submitted",
                                                 oldValue: "draft", newValue: "submitted"), in: db)
            try WorkbenchStore.record(AuditEvent(applicationID: id, actorID: reviewer2, at: Date(), action: "review.submitted",
                                                 subject: "basic.positioning", reason: "评审人二的理由"), in: db)
            try WorkbenchStore.record(AuditEvent(applicationID: id, actorID: reviewer1, at: Date(), action: "review.saved",
                                                 subject: "talent.system", reason: "评审人一的理由"), in: db)
        }
        try await withClient { client in
            var owner = Visitor(client)
            try await owner.signIn("park1")
            let seen = try await owner.get("/applications/\(id)/history")
            XCTAssertEqual(seen.status, .ok)
            XCTAssertTrue(seen.body.contains("提交申报"))
            XCTAssertTrue(seen.body.contains("北京时间"))
            // The park does not see who evaluates it, nor any evaluator's review events.
            XCTAssertFalse(seen.body.contains("评审人二的理由"))
            XCTAssertFalse(seen.body.contains("评审人一的理由"))
            XCTAssertFalse(seen.body.contains("分配评审人"))
            for name in ["park2", "reviewer3", "prelim1"] {
                var other = Visitor(client)
                try await other.signIn(name)
                let got1 = try await other.get("/applications/\(id)/history")
                XCTAssertEqual(got1.status, .notFound, name)
            }
            // Blind: reviewer1 has not submitted, so reviewer2's review events are hidden; their own are shown.
            var blind = Visitor(client)
            try await blind.signIn("reviewer1")
            let blindPage = try await blind.get("/applications/\(id)/history")
            XCTAssertEqual(blindPage.status, .ok)
            XCTAssertFalse(blindPage.body.contains("评审人二的理由"))
            XCTAssertTrue(blindPage.body.contains("评审人一的理由"))
            XCTAssertTrue(blindPage.body.contains("背靠背"))
            var chair = Visitor(client)
            try await chair.signIn("chair1")
            let got2 = try await chair.get("/applications/\(id)/history")
            XCTAssertTrue(got2.body.contains("评审人二的理由"))
            // Once reviewer1 has submitted, everything is shown.
            try await store.database.write { db in
                try db.execute(sql: "INSERT INTO review (applicationID, reviewerID, reviewRole, form, reviewYAML, submitted, version, createdAt, updatedAt) VALUES (?, ?, 'panel', '{}', '', 1, 1, ?, ?)",
                               arguments: [id, reviewer1, Date(), Date()])
            }
            let got3 = try await blind.get("/applications/\(id)/history")
            XCTAssertTrue(got3.body.contains("评审人二的理由"))
            var admin = Visitor(client)
            try await admin.signIn("admin1")
            let all = try await admin.get("/applications/\(id)/history")
            XCTAssertTrue(all.body.contains("评审人二的理由") && all.body.contains("提交评审意见"))
            XCTAssertTrue(all.body.contains("分配评审人") && all.body.contains("专家评审"), "the action and the role in words")
            XCTAssertTrue(all.body.contains("草稿") && all.body.contains("已提交"))
            let english = try await admin.get("/lang/en?next=/applications/\(id)/history")
            XCTAssertEqual(english.location, "/applications/\(id)/history")
            let got4 = try await admin.get("/applications/\(id)/history")
            XCTAssertTrue(got4.body.contains("Review submitted"))
        }
    }
}

/// Bytes handed out of a test client's closure.
final class AdminBytes: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [UInt8] = []
    var bytes: [UInt8] { lock.withLock { stored } }
    func set(_ bytes: [UInt8]) { lock.withLock { stored = bytes } }
}
