import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import ParkScore
import ParkScoreIO
@testable import ParkScoreWeb
import XCTest

/// The form as posted: tables of records, blank rows, problems at a cell, and the limits on what a form may hold.
final class ParkFormTests: WebTestCase {
    func testATableOfRecordsIsSavedRowByRowAndAProblemIsShownInItsCell() async throws {
        let workbench = self.workbench!
        try await withClient { client in
            var park = Visitor(client)
            try await park.signIn("park1")
            let id = try await park.createApplication(scorecard: "nanshan-livestreaming", parkName: "蛇口")
            let base = "/park/applications/\(id)"
            let blank = try await park.get(base)
            // A table with no record yet offers its blank rows.
            XCTAssertTrue(blank.body.contains("name=\"rec.firms.0.name\""))
            XCTAssertTrue(blank.body.contains("name=\"rec.firms.2.name\""))
            let saved = try await park.post(base, [("version", "1"), ("park.name", "蛇口"), ("period.from", "2025-01-01"), ("period.to", "2025-12-31"),
                                                   ("rec.firms.0.name", "知行直播"), ("rec.firms.0.rent_paid", "18万"),
                                                   ("rec.firms.0.above_scale", "true"),
                                                   // A blank row between two records is skipped; a row far down is kept in order.
                                                   ("rec.firms.2.name", "声动传媒"), ("rec.firms.2.rent_subsidy_years_received", "7"),
                                                   ("rec.firms.1999.name", "青苗直播"),
                                                   // Not the form's: ignored.
                                                   ("rec.firms.0.no_such_field", "x"), ("rec.firms.2000.name", "too far"), ("fact.no.such.fact", "1")])
            XCTAssertEqual(saved.status, .seeOther)
            let fetched = try await workbench.store.database.read { db in try ApplicationRecord.fetchOne(db, key: id) }
            let stored = try XCTUnwrap(fetched)
            let state = try XCTUnwrap(SelfReportForm.State.decode(stored.form))
            XCTAssertEqual(state.records["firms"]?.map { $0["name"] }, ["知行直播", "声动传媒", "青苗直播"])
            XCTAssertNil(state.facts["no.such.fact"])
            XCTAssertTrue(stored.selfReport.contains("  firms:\n    - name: 知行直播\n      rent_paid: 18万\n      above_scale: true\n"), stored.selfReport)
            let page = try await park.get(base)
            // Seven years of a subsidy of at most three: refused in its own cell, the second record's.
            let cell = page.body.components(separatedBy: "<td class=\"").first { $0.contains("name=\"rec.firms.1.rent_subsidy_years_received\"") } ?? ""
            XCTAssertTrue(cell.hasPrefix("has-problem") && cell.contains("<p class=\"problem\">"), cell)
            let other = page.body.components(separatedBy: "<td class=\"").first { $0.contains("name=\"rec.firms.0.rent_subsidy_years_received\"") } ?? ""
            XCTAssertFalse(other.contains("<p class=\"problem\">"))
            // Three records and three blank rows.
            XCTAssertTrue(page.body.contains("name=\"rec.firms.5.name\""))
            XCTAssertFalse(page.body.contains("name=\"rec.firms.6.name\""))
        }
    }

    func testAFieldLongerThanTheFormTakesIsRefusedWholeAndNothingIsSaved() async throws {
        let workbench = self.workbench!
        try await withClient { client in
            var park = Visitor(client)
            try await park.signIn("park1")
            let id = try await park.createApplication()
            let base = "/park/applications/\(id)"
            let long = String(repeating: "长", count: SelfReportForm.maxValueCharacters + 1)
            let page = try await park.post(base, [("version", "1"), ("fact.tenants.total", "45"), ("najust.basic.positioning", long),
                                                  ("park.name", long)])
            XCTAssertEqual(page.status, .badRequest)
            let missingVersion = try await park.post(base, [("fact.tenants.total", "45")])
            XCTAssertEqual(missingVersion.status, .badRequest)
            let fetched = try await workbench.store.database.read { db in try ApplicationRecord.fetchOne(db, key: id) }
            let stored = try XCTUnwrap(fetched)
            XCTAssertEqual(stored.version, 1)
            XCTAssertNil(SelfReportForm.State.decode(stored.form)?.facts["tenants.total"])
        }
    }

    func testTypedValuesReachTheYAMLQuotedOnlyWhereYAMLWouldReadThemOtherwise() throws {
        guard let scorecard = workbench.scorecard("beijing-digital-advertising-park")?.scorecard else { throw XCTSkip("no scorecard") }
        var state = SelfReportForm.State()
        state.park["name"] = "园区: 一号 # 试点"
        state.facts["tenants.total"] = "４５家"
        state.facts["park.province"] = "beijing"
        state.choices["tech.digital_technologies"] = []
        state.claims["basic.positioning"] = SelfReportForm.Claim(made: true, justification: "- 不适用")
        let layout = SelfReportForm.Layout(scorecard: scorecard, dictionary: workbench.pipeline.criteria.dictionary,
                                           messages: workbench.pages.messages(.zh), state: state)
        let yaml = SelfReportFormYAML(state: state, layout: layout, evidence: [])
        XCTAssertTrue(yaml.text.contains("  name: \"园区: 一号 # 试点\"\n"), yaml.text)
        XCTAssertTrue(yaml.text.contains("  tenants.total: ４５家\n"))
        XCTAssertTrue(yaml.text.contains("  tech.digital_technologies: []\n"))
        XCTAssertTrue(yaml.text.contains("  tenants.medium:\n"), "a fact not given is written blank, at its own line")
        // Each line knows its field.
        let lines = yaml.text.split(separator: "\n", omittingEmptySubsequences: false)
        let line = try XCTUnwrap(lines.firstIndex { $0 == "  tenants.total: ４５家" }) + 1
        XCTAssertEqual(yaml.fields[line], "fact.tenants.total")
        // A claim is written only for a criterion that allows one.
        XCTAssertEqual(yaml.text.contains("not_applicable"), layout.notApplicable.contains { $0.id == "basic.positioning" })
    }

    func testTheFormIsWordedInTheVisitorsLanguage() async throws {
        try await withClient { client in
            var park = Visitor(client)
            try await park.signIn("park1")
            let id = try await park.createApplication(scorecard: "nanshan-livestreaming", parkName: "蛇口")
            let zh = try await park.get("/park/applications/\(id)")
            XCTAssertTrue(zh.body.contains("保存草稿") && zh.body.contains("预估得分") && zh.body.contains("不适用声明"))
            park.cookies["lang"] = "en"
            let en = try await park.get("/park/applications/\(id)")
            XCTAssertTrue(en.body.contains("Save the draft") && en.body.contains("Estimated score"))
            XCTAssertFalse(en.body.contains("保存草稿"))
            for page in [zh, en, try await park.get("/park/applications"), try await park.get("/park/applications/new")] {
                XCTAssertFalse(page.body.contains("web.park."), "a key shown instead of its words")
            }
        }
    }

    func testAnUnreadableImportIsRefusedAndChangesNothing() async throws {
        let workbench = self.workbench!
        try await withClient { client in
            var park = Visitor(client)
            try await park.signIn("park1")
            let id = try await park.createApplication()
            let base = "/park/applications/\(id)/import"
            for (name, bytes) in [("申报表.xlsx", Array("PK\u{3}\u{4}not a workbook".utf8)), ("self-report.yaml", Array("park: [unclosed".utf8)),
                                  ("empty.yaml", [UInt8]())] {
                let page = try await park.upload(base, fields: [("version", "1")], fileName: name, bytes: bytes)
                XCTAssertEqual(page.status, .badRequest, name)
            }
            let fetched = try await workbench.store.database.read { db in try ApplicationRecord.fetchOne(db, key: id) }
            XCTAssertEqual(fetched?.version, 1)
        }
    }

    func testAFinalisedApplicationsDossierIsTheOneFixedAtFinalisation() async throws {
        let workbench = self.workbench!
        let application = try insertSample("beijing-xinghe", status: .finalised)
        let appID = try XCTUnwrap(application.id)
        let chair = try account("chair1").id ?? 0
        try await workbench.store.database.write { db in
            var outcome = OutcomeRecord(applicationID: appID, total: "80.00", grade: "良好", verdict: "eligible",
                                        dossierHTML: "<!DOCTYPE html><p>定稿报告书</p>", reviews: "[]", finalisedBy: chair, finalisedAt: Date())
            try outcome.insert(db)
        }
        try await withClient { client in
            var park = Visitor(client)
            try await park.signIn("park1")
            let dossier = try await park.get("/park/applications/\(appID)/dossier")
            XCTAssertEqual(dossier.status, .ok)
            XCTAssertEqual(dossier.body, "<!DOCTYPE html><p>定稿报告书</p>")
            XCTAssertEqual(dossier.headers[.contentSecurityPolicy], SecurityHeaders<WorkbenchContext>.documentPolicy)
            let page = try await park.get("/park/applications/\(appID)")
            XCTAssertTrue(page.body.contains("已定稿"), page.body)
            // Stored without a form (from its YAML): the form shows what the YAML says, read-only.
            XCTAssertTrue(ParkHTML.field(page.body, named: "fact.tenants.total").contains("value=\"45\""))
            XCTAssertTrue(page.body.contains("<fieldset disabled>"))
            var other = Visitor(client)
            try await other.signIn("park2")
            let hidden = try await other.get("/park/applications/\(appID)/dossier")
            XCTAssertEqual(hidden.status, .notFound)
        }
    }
}
