import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import ParkScore
import ParkScoreIO
@testable import ParkScoreWeb
import XCTest

/// Form → stored → YAML → CLI: every sample, imported into the web form as a park would import it and its evidence
/// uploaded, is scored by the CLI's way (the downloaded self-report.yaml in a folder with its evidence files) to the
/// same JSON result as the web's own assessment, and to the same total as the sample itself.
final class SelfReportRoundTripTests: WebTestCase {
    static var sampleNames: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: WebRepository.samples)) ?? [])
            .filter { $0 != "broken" && FileManager.default.fileExists(atPath: WebRepository.samples + "/" + $0 + "/self-report.yaml") }
            .sorted()
    }

    func testEverySampleScoresTheSameFromTheWebFormAndFromItsDownloadedYAML() async throws {
        let names = Self.sampleNames
        XCTAssertGreaterThanOrEqual(names.count, 10)
        let workbench = self.workbench!
        let folder = self.folder!
        try await withClient { client in
            var visitor = Visitor(client)
            try await visitor.signIn("park1")
            for name in names {
                let samplePath = WebRepository.samples + "/" + name + "/self-report.yaml"
                guard let original = ApplicationInput.read(report: samplePath).value,
                      let originalAssessment = workbench.pipeline.assess(original).value,
                      let scorecardID = originalAssessment.report.appliesTo.first,
                      let originalResult = originalAssessment.results.first(where: { $0.scorecard.id == scorecardID }) else {
                    XCTFail("\(name): the sample does not assess")
                    continue
                }
                let id = try await visitor.createApplication(scorecard: scorecardID, parkName: originalAssessment.report.park.name)
                let yaml = try [UInt8](Data(contentsOf: URL(fileURLWithPath: samplePath)))
                let imported = try await visitor.upload("/park/applications/\(id)/import", fields: [("version", "1")],
                                                        fileName: "self-report.yaml", bytes: yaml)
                XCTAssertEqual(imported.status, .seeOther, "\(name): import")
                for item in originalAssessment.report.evidence {
                    let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: WebRepository.samples + "/" + name + "/" + item.file)))
                    let page = try await visitor.upload("/park/applications/\(id)/evidence",
                                                        fields: [("evidenceID", item.id), ("title", item.title)] + item.supports.map { ("supports", $0) },
                                                        fileName: SourceFile.name(of: item.file), bytes: bytes)
                    XCTAssertEqual(page.status, .seeOther, "\(name): evidence \(item.id)")
                }
                // The web's own assessment of the stored application.
                guard let stored = try await workbench.store.database.read({ db in try ApplicationRecord.fetchOne(db, key: id) }) else {
                    XCTFail("\(name): not stored")
                    continue
                }
                let web = try workbench.assess(stored)
                XCTAssertFalse(web.diagnostics.contains { $0.severity == .error },
                               "\(name): " + web.diagnostics.filter { $0.severity == .error }.map(\.message).joined(separator: "; "))
                guard let webResult = web.value?.results.first else {
                    XCTFail("\(name): the web form does not assess")
                    continue
                }
                // The CLI's way: the downloaded YAML in a folder, the evidence files at the paths it names.
                let download = try await visitor.get("/park/applications/\(id)/self-report.yaml")
                XCTAssertEqual(download.status, .ok)
                XCTAssertTrue((download.headers[.contentDisposition] ?? "").hasPrefix("attachment"))
                XCTAssertEqual(download.body, stored.selfReport)
                let application = folder.appendingPathComponent("cli-" + name)
                try FileManager.default.createDirectory(at: application.appendingPathComponent("evidence"), withIntermediateDirectories: true)
                try Data(download.bytes).write(to: application.appendingPathComponent("self-report.yaml"))
                for record in try workbench.evidence(of: id) {
                    guard let bytes = workbench.store.blobs.read(record.sha256) else { throw XCTSkip("blob missing") }
                    try Data(bytes).write(to: application.appendingPathComponent(record.path))
                }
                guard let input = ApplicationInput.read(report: application.appendingPathComponent("self-report.yaml").path).value,
                      let cli = workbench.pipeline.assess(input).value?.results.first else {
                    XCTFail("\(name): the downloaded YAML does not assess")
                    continue
                }
                let messages = workbench.pages.messages(.zh)
                XCTAssertEqual(ResultDocument(cli, messages: messages).encoded(), ResultDocument(webResult, messages: messages).encoded(),
                               "\(name): the CLI and the web disagree")
                // And nothing of the sample was lost on the way through the form.
                XCTAssertEqual(webResult.result.total, originalResult.result.total, "\(name): total")
                XCTAssertEqual(webResult.result.grade?.id, originalResult.result.grade?.id, "\(name): grade")
                XCTAssertEqual(webResult.result.verdict, originalResult.result.verdict, "\(name): verdict")
            }
        }
    }

    /// The same form filled from the Excel form (申报表.xlsx) the CLI makes of a sample: the same total as the sample.
    func testAnExcelFormImportsIntoTheWebFormAsTheCLIReadsIt() async throws {
        let workbench = self.workbench!
        let samplePath = WebRepository.samples + "/beijing-xinghe/self-report.yaml"
        guard let original = ApplicationInput.read(report: samplePath).value, let assessment = workbench.pipeline.assess(original).value,
              let scored = assessment.results.first else { throw XCTSkip("the sample does not assess") }
        let workbook = try SelfReportWorkbook(scorecard: scored.scorecard, dictionary: workbench.pipeline.criteria.dictionary,
                                              messages: workbench.pages.messages(.zh), report: assessment.report).bytes()
        try await withClient { client in
            var park = Visitor(client)
            try await park.signIn("park1")
            let id = try await park.createApplication(scorecard: scored.scorecard.id)
            let page = try await park.upload("/park/applications/\(id)/import", fields: [("version", "1")], fileName: "申报表.xlsx", bytes: workbook)
            XCTAssertEqual(page.status, .seeOther)
            guard let stored = try await workbench.store.database.read({ db in try ApplicationRecord.fetchOne(db, key: id) }) else {
                throw XCTSkip("not stored")
            }
            XCTAssertEqual(stored.version, 2)
            XCTAssertTrue(try workbench.store.history(of: id).contains { $0.action == "application.imported" && $0.subject == "fact.tenants.total" })
            let web = try workbench.assess(stored)
            XCTAssertEqual(web.value?.results.first?.result.total, scored.result.total)
            XCTAssertEqual(web.value?.results.first?.result.grade?.id, scored.result.grade?.id)
        }
    }
}
