import Foundation
import ParkScore
import ParkScoreDossier
import ParkScoreIO
import ParkScoreTestSupport
import XCTest

final class DossierTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    var dictionary: FactDictionary!
    var renderer: DossierRenderer!

    override func setUpWithError() throws {
        dictionary = try XCTUnwrap(CriteriaCatalog(directory: Self.path("Criteria")).loadDictionary().validValue)
        guard case .success(let templates) = DossierTemplates.load(Self.path("Templates")) else { return XCTFail("templates") }
        renderer = DossierRenderer(templates: templates)
    }

    /// A dossier of a sample, with fixed inputs so the output does not depend on this machine.
    func render(_ format: DossierFormat, sample: String, language: LocalizedText.Language = .zh,
                edit: (inout SelfReport) -> Void = { _ in }) throws -> String {
        let folder = Self.path("Samples/\(sample)")
        var report = try XCTUnwrap(SelfReportLoader.load(folder + "/self-report.yaml", dictionary: dictionary).validValue)
        edit(&report)
        let id = report.appliesTo[0]
        let scorecard = try XCTUnwrap(CriteriaCatalog(directory: Self.path("Criteria")).loadScorecard(id, dictionary: dictionary).validValue)
        let evidence = EvidenceCheck.check(report, folder: folder)
        let result = ScoringEngine(dictionary: dictionary).score(report, against: scorecard, options: ScoringOptions(evidenceFiles: evidence.states))
        let inputs = DossierInputs(date: "2026-02-01", toolVersion: "test", scorecardSHA256: "scorecard-sha",
                                   files: [(name: "self-report: self-report.yaml", sha256: "report-sha")], evidenceFiles: evidence.states)
        return renderer.render(format, result: result, scorecard: scorecard, report: report, dictionary: dictionary, inputs: inputs,
                               language: language)
            .replacingOccurrences(of: #"templates/[^ <`"]+"#, with: "templates/…", options: .regularExpression)
            .replacingOccurrences(of: #"(templates/…(?:</td><td class="expl">|`)?)[0-9a-f]{64}"#, with: "$1<sha256>", options: .regularExpression)
    }

    func testGoldenFiles() throws {
        assertGolden(try render(.html, sample: "beijing-xinghe"), named: "beijing-xinghe.zh.html")
        assertGolden(try render(.md, sample: "beijing-xinghe"), named: "beijing-xinghe.zh.md")
        assertGolden(try render(.json, sample: "beijing-xinghe"), named: "beijing-xinghe.zh.json")
        assertGolden(try render(.md, sample: "nanshan-xingchao", language: .en), named: "nanshan-xingchao.en.md")
    }

    func testSameInputsGiveTheSameBytes() throws {
        for format in DossierFormat.allCases {
            XCTAssertEqual(try render(format, sample: "nanshan-xingchao"), try render(format, sample: "nanshan-xingchao"), format.rawValue)
        }
    }

    func testTextFromTheReportIsEscaped() throws {
        let hostile = "<script>alert(1)</script> | a | b |"
        let html = try render(.html, sample: "beijing-xinghe") { $0.park.name = hostile; $0.evidence[0].title = "**x** [link](http://e.x)" }
        XCTAssertFalse(html.contains("<script>"))
        XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; | a | b |"))
        XCTAssertFalse(html.contains("<script"), "no script element at all")
        // In the running header (a CSS string in the style element) the name is CSS-escaped instead.
        XCTAssertTrue(html.contains(#"@top-left { content: "\3C script>alert(1)\3C /script> | a | b | · "#), html)

        let md = try render(.md, sample: "beijing-xinghe") { $0.park.name = hostile; $0.evidence[0].title = "**x** [link](http://e.x)" }
        XCTAssertTrue(md.contains("# 评审档案：\\<script\\>alert(1)\\</script\\> \\| a \\| b \\|\n"))
        XCTAssertTrue(md.contains("| licence | \\*\\*x\\*\\* \\[link\\](http://e.x) |"))
        // Every table row still has the columns of its header.
        let lines = md.components(separatedBy: "\n")
        for (i, line) in lines.enumerated() where line.hasPrefix("|---") || line.hasPrefix("|--:") {
            let columns = line.filter { $0 == "|" }.count
            var j = i + 1
            while j < lines.count, lines[j].hasPrefix("|") {
                XCTAssertEqual(lines[j].replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count, columns, lines[j])
                j += 1
            }
        }
    }

    func testStagesWhenThereAreReviews() throws {
        let folder = Self.path("Samples/beijing-xinghe")
        let report = try XCTUnwrap(SelfReportLoader.load(folder + "/self-report.yaml", dictionary: dictionary).validValue)
        let scorecard = try XCTUnwrap(CriteriaCatalog(directory: Self.path("Criteria")).loadScorecard(report.appliesTo[0], dictionary: dictionary).validValue)
        let reviews = try ["preliminary", "panel-1", "panel-2", "panel-3"].map {
            try XCTUnwrap(ReviewLoader.load(folder + "/reviews/\($0).yaml", scorecard: scorecard, report: report).validValue)
        }
        let evidence = EvidenceCheck.check(report, folder: folder)
        let staged = StagedEvaluation.evaluate(report, against: scorecard, engine: ScoringEngine(dictionary: dictionary), reviews: reviews,
                                               evidenceFiles: evidence.states)
        let inputs = DossierInputs(date: "2026-03-10", toolVersion: "test", scorecardSHA256: "sha", files: [], evidenceFiles: evidence.states)
        let md = renderer.render(.md, result: staged.final, scorecard: scorecard, report: report, dictionary: dictionary, inputs: inputs,
                                 language: .zh, staged: staged)
        XCTAssertTrue(md.contains("## 分阶段得分（自评分 · 初审分 · 评审分）\n\n| 自评分 | 初审分 | 评审分 |\n|--:|--:|--:|\n| **78.33** B 暂定结果 |"), md)
        // culture.content: 1, 3, 1 → mean 5/3 = 1.67 → 2 + 2/3 × 2 = 10/3 = 3.33 points; spread 2 > 1.
        XCTAssertTrue(md.contains("- culture.content：p1=1, p2=3, p3=1 → trimmed-mean 1.67 → 3.33 分歧较大，需讨论\n"), md)
        XCTAssertTrue(md.contains("- ［初审］services.third\\_party 3 → 1 — 赵初审 2026-02-20：7家第三方机构中3家合作协议已到期，有效仅4家\n"), md)
        let html = renderer.render(.html, result: staged.final, scorecard: scorecard, report: report, dictionary: dictionary, inputs: inputs,
                                   language: .zh, staged: staged)
        XCTAssertTrue(html.contains("<h2>分阶段得分（自评分 · 初审分 · 评审分）</h2>"))
        XCTAssertEqual(html, renderer.render(.html, result: staged.final, scorecard: scorecard, report: report, dictionary: dictionary,
                                             inputs: inputs, language: .zh, staged: staged))
    }

    func testHTMLIsSelfContained() throws {
        let html = try render(.html, sample: "nanshan-xingchao")
        for forbidden in ["<script", "<link", "<img", "src=", "@import", "url(", "http://", "https://"] {
            XCTAssertFalse(html.contains(forbidden), forbidden)
        }
        XCTAssertTrue(html.contains("<svg"))
        XCTAssertTrue(html.contains("Noto Sans CJK SC"))
    }

    func testMissingAndBrokenTemplatesAreClearErrors() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("labels"), withIntermediateDirectories: true)
        for name in DossierTemplates.files {
            try FileManager.default.copyItem(atPath: Self.path("Templates/\(name)"), toPath: folder.appendingPathComponent(name).path)
        }
        try FileManager.default.removeItem(at: folder.appendingPathComponent("dossier.md.mustache"))
        guard case .failure(let missing) = DossierTemplates.load(folder.path) else { return XCTFail("loaded without a template") }
        XCTAssertEqual(missing.message, "missing template '\(folder.path)/dossier.md.mustache'")

        try "{{#gates}}\n<p>{{id}}</p>\n{{/gate}}\n".write(to: folder.appendingPathComponent("dossier.md.mustache"), atomically: true, encoding: .utf8)
        guard case .failure(let broken) = DossierTemplates.load(folder.path) else { return XCTFail("loaded a broken template") }
        XCTAssertEqual(broken.message, "template 'dossier.md.mustache' is broken: sectionCloseNameIncorrect")
        XCTAssertEqual(broken.location?.line, 3)
    }
}
