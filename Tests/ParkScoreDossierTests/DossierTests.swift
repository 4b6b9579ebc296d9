import Foundation
import ParkScore
import ParkScoreDossier
import ParkScoreIO
import ParkScoreTestSupport
import XCTest

final class DossierTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    var library: CriteriaLibrary!
    var renderer: DossierRenderer!

    override func setUpWithError() throws {
        library = try XCTUnwrap(CriteriaLibrary.open(CriteriaCatalog(directory: Self.path("Criteria"))).validValue)
        guard case .success(let templates) = DossierTemplates.load(Self.path("Templates")) else { return XCTFail("templates") }
        renderer = DossierRenderer(templates: templates)
    }

    /// A sample through the pipeline from bytes in memory (the report's text edited first), with a fixed date and tool
    /// version so the output does not depend on this machine.
    func assess(_ sample: String, reviews: [String] = [], date: String? = "2026-02-01",
                edit: (String) -> String = { $0 }) throws -> ScorecardAssessment {
        let folder = Self.path("Samples/\(sample)")
        let text = edit(try String(contentsOfFile: folder + "/self-report.yaml", encoding: .utf8))
        let reviewFiles = try reviews.map { name in
            SourceFile(path: "reviews/\(name).yaml", bytes: Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/reviews/\(name).yaml"))))
        }
        let input = ApplicationInput(selfReport: SourceFile(path: "self-report.yaml", bytes: Array(text.utf8)), reviews: reviewFiles,
                                     evidence: EvidenceFolder(folder))
        let loaded = AssessmentPipeline(criteria: library, toolVersion: "test").assess(input, options: AssessmentOptions(date: date))
        XCTAssertEqual(loaded.diagnostics.filter { $0.severity == .error }, [])
        return try XCTUnwrap(loaded.validValue?.results.first)
    }

    func render(_ format: DossierFormat, sample: String, language: LocalizedText.Language = .zh,
                edit: (String) -> String = { $0 }) throws -> String {
        renderer.render(format, try assess(sample, edit: edit), language: language)
            .replacingOccurrences(of: #"templates/[^ <`"]+"#, with: "templates/…", options: .regularExpression)
            .replacingOccurrences(of: #"[0-9a-f]{64}"#, with: "<sha256>", options: .regularExpression)
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
        func edit(_ text: String) -> String {
            text.replacingOccurrences(of: "name: 星河数字广告产业园（虚构）", with: "name: '\(hostile)'")
                .replacingOccurrences(of: "title: 园区管理机构营业执照（示例）", with: "title: '**x** [link](http://e.x)'")
        }
        let html = try render(.html, sample: "beijing-xinghe", edit: edit)
        XCTAssertFalse(html.contains("<script>"))
        XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; | a | b |"))
        XCTAssertFalse(html.contains("<script"), "no script element at all")
        // In the running header (a CSS string in the style element) the name is CSS-escaped instead.
        XCTAssertTrue(html.contains(#"@top-left { content: "\3C script>alert(1)\3C /script> | a | b | · "#), html)

        let md = try render(.md, sample: "beijing-xinghe", edit: edit)
        XCTAssertTrue(md.contains("# 自评报告：\\<script\\>alert(1)\\</script\\> \\| a \\| b \\|\n"))
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
        let assessment = try assess("beijing-xinghe", reviews: ["preliminary", "panel-1", "panel-2", "panel-3", "chair"], date: nil)
        let md = renderer.render(.md, assessment, language: .zh)
        // An evaluation report, dated the latest review (the chair's, 2026-03-10), not the report's 2026-01-20.
        XCTAssertTrue(md.hasPrefix("# 评审意见书：星河数字广告产业园（虚构）\n"), md)
        XCTAssertTrue(md.contains("| 档案日期 | 2026-03-10 |"), md)
        XCTAssertTrue(md.contains("| 依据文本 | 北京市《关于推动数字广告产业园区建设的指导意见（征求意见稿）》 |"), md)
        XCTAssertTrue(md.contains("## 分阶段得分（自评分 · 初审分 · 评审分）\n\n| 自评分 | 初审分 | 评审分 |\n|--:|--:|--:|\n| **78.33** B 暂定结果 |"), md)
        // culture.content: 1, 3, 1 → mean 5/3 = 1.67 → 2 + 2/3 × 2 = 10/3 = 3.33 points; spread 2 > 1: the chair settles it at 2.
        XCTAssertTrue(md.contains("| culture.content | 钱评审 1 级；孙评审 3 级；李评审 1 级 | 平均 1.67 → 3.33 | 等级 2 → 4（周组长，2026-03-10）理由："), md)
        // The preliminary override stays in force at the panel stage.
        XCTAssertTrue(md.contains("- services.third\\_party 3 → 1 — 初审 · 赵初审 2026-02-20 — 7家第三方机构中3家合作协议已到期，有效仅4家（评审阶段仍有效）\n"), md)
        // Every comment and reason reaches the dossier, with who and when.
        XCTAssertTrue(md.contains("| 李评审（评审专家，2026-03-06） | 不予采信证明材料 tenants「入驻单位名录（示例）」，理由：入驻单位名录未加盖公章 | 个人意见"), md)
        XCTAssertTrue(md.contains("| 赵初审（初审，2026-02-20） | 总体意见：基本条件材料齐全。 | 已计入 |"), md)
        XCTAssertTrue(md.contains("意见：聚焦程序化广告与内容营销"), md)
        let html = renderer.render(.html, assessment, language: .zh)
        XCTAssertTrue(html.contains("<h2>分阶段得分（自评分 · 初审分 · 评审分）</h2>"))
        XCTAssertTrue(html.contains("<title>评审意见书 · "), html)
        XCTAssertEqual(html, renderer.render(.html, assessment, language: .zh))
        let json = renderer.render(.json, assessment, language: .en)
        XCTAssertTrue(json.contains(#""document" : "evaluation-report""#), json)
        XCTAssertTrue(json.contains(#""reason" : "入驻单位名录未加盖公章""#) || json.contains(#""text" : "入驻单位名录未加盖公章""#), json)
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
