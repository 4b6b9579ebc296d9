import Foundation
import Mustache
import ParkScore
@testable import ParkScoreDossier
import ParkScoreIO
import ParkScoreTestSupport
import XCTest

final class DossierTests: DossierTestCase {
    /// A sample through the pipeline, dated 2026-02-01 unless told (nil: the inputs' own date).
    func assess(_ sample: String, reviews: [String] = [], date: String? = "2026-02-01",
                edit: (String) -> String = { $0 }) throws -> ScorecardAssessment {
        try assessment(sample, reviews: reviews, date: date, edit: edit)
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

    /// What the JSON dossier was when Foundation's JSONEncoder wrote it.
    static func foundation(_ value: some Encodable) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array((try? encoder.encode(value)) ?? Data("null".utf8)) + [UInt8(ascii: "\n")]
    }

    /// The JSON written directly (`JSONWritable`) against Foundation's JSONEncoder and against our `Swift.Encoder` path,
    /// for the dossier and the result document of every sample through the pipeline (with and without its reviews),
    /// in both languages.
    func testDirectJSONIsWhatJSONEncoderWrites() throws {
        let samples = try SampleApplications.all(in: Self.path("Samples"))
        XCTAssertGreaterThanOrEqual(samples.count, 10)
        let templates = renderer.templates
        var evaluated = 0, documents = 0
        for sample in samples {
            let (name, withReviews) = (sample.name, sample.withReviews)
            let assessed = AssessmentPipeline(criteria: library, toolVersion: "test").assess(sample.input)
            for assessment in try XCTUnwrap(assessed.validValue, name).results {
                if assessment.staged != nil { evaluated += 1 }
                for language in LocalizedText.Language.allCases {
                    let label = "\(name) \(assessment.scorecard.id) reviews: \(withReviews) \(language)"
                    let fingerprints = templates.fingerprints(language).map { InputFingerprint(name: $0.name, sha256: $0.sha256) }
                    let model = DossierModel(assessment: assessment, messages: templates.messages(language),
                                             extraInputs: fingerprints)
                    let dossier = DossierJSON(model: model)
                    let expected = Self.foundation(dossier)
                    XCTAssertEqual(dossier.bytes(), expected, label)
                    XCTAssertEqual(JSONText.bytes(dossier), expected, label)
                    XCTAssertEqual(JSONText.treeBytes(dossier), expected, label)
                    XCTAssertEqual(renderer.renderBytes([.json], assessment, language: language), [expected], label)
                    let document = ResultDocument(assessment, messages: TestCatalogue.messages(language))
                    XCTAssertEqual(JSONText.bytes(writing: document), Self.foundation(document), label)
                    XCTAssertEqual(JSONText.treeBytes(document), Self.foundation(document), label)
                    documents += 1
                }
            }
        }
        XCTAssertGreaterThan(evaluated, 0, "some sample is evaluated with its reviews")
        XCTAssertGreaterThanOrEqual(documents, 2 * samples.count)
    }

    /// The JSON dossier end to end, µs per document: `DossierJSON(model:)` and its bytes written directly, against the
    /// same through `Swift.Encoder` (`JSONText.treeBytes`) and Foundation's JSONEncoder; printed, not asserted. Run it
    /// in a release build:
    /// `PARKSCORE_JSON_BENCHMARK=1 swift test -c release -Xswiftc -enable-testing --filter testDossierJSONSpeed`.
    func testDossierJSONSpeed() throws {
        guard ProcessInfo.processInfo.environment["PARKSCORE_JSON_BENCHMARK"] == "1" else {
            throw XCTSkip("set PARKSCORE_JSON_BENCHMARK=1 to measure")
        }
        let templates = renderer.templates
        let fingerprints = templates.fingerprints(.zh).map { InputFingerprint(name: $0.name, sha256: $0.sha256) }
        let reviews = ["preliminary", "panel-1", "panel-2", "panel-3", "chair"]
        let cases = [("beijing-xinghe", try assess("beijing-xinghe")), ("beijing-xinghe +5 reviews", try assess("beijing-xinghe", reviews: reviews)),
                     ("nanshan-xingchao", try assess("nanshan-xingchao"))]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        /// The least of 5 rounds of 400.
        func microseconds(_ body: () -> Int) -> Double {
            var sink = 0, least = Double.infinity
            let clock = ContinuousClock()
            for _ in 0..<5 {
                let elapsed = clock.measure { for _ in 0..<400 { sink &+= body() } }
                let (seconds, attoseconds) = elapsed.components
                least = Swift.min(least, (Double(seconds) * 1e6 + Double(attoseconds) / 1e12) / 400)
            }
            XCTAssertGreaterThan(sink, 0)
            return least
        }
        func line(_ name: String, _ value: Double) { print(String(format: "%-60@ %9.1f µs", name as NSString, value)) }
        for (name, assessment) in cases {
            let model = DossierModel(assessment: assessment, messages: templates.messages(.zh), extraInputs: fingerprints)
            let dossier = DossierJSON(model: model)
            XCTAssertEqual(dossier.bytes(), JSONText.treeBytes(dossier))
            line("\(name): DossierJSON(model:)", microseconds { DossierJSON(model: model).evidence.count + 1 })
            line("\(name): bytes, JSONEncoder", microseconds { ((try? encoder.encode(dossier)) ?? Data()).count })
            line("\(name): bytes, through Swift.Encoder", microseconds { JSONText.treeBytes(dossier).count })
            line("\(name): bytes, direct", microseconds { dossier.bytes().count })
            line("\(name): DossierJSON(model:) + bytes, through Swift.Encoder", microseconds { JSONText.treeBytes(DossierJSON(model: model)).count })
            line("\(name): DossierJSON(model:) + bytes, direct", microseconds { DossierJSON(model: model).bytes().count })
            line("\(name): renderBytes([.json])", microseconds { renderer.renderBytes([.json], assessment, language: .zh)[0].count })
        }
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
        XCTAssertTrue(md.contains("## 二、分阶段得分（自评分 · 初审分 · 评审分）\n\n| 自评分 | 初审分 | 评审分 |\n|--:|--:|--:|\n| **78.25** B 暂定结果 |"), md)
        // The gates say what they rest on: all four of Beijing's on the text.
        XCTAssertTrue(md.contains("| **G0** 园区位于本市辖区内 *依据：政策原文* | 一：“数字广告产业园区一般指在本市辖区内” |"), md)
        // culture.content: 1, 3, 1 → mean 5/3 = 1.67 → 2 + 2/3 × 2 = 10/3 = 3.33 points; spread 2 > 1: the chair settles it at 2.
        XCTAssertTrue(md.contains("| culture.content | 钱评审 1 级；孙评审 3 级；李评审 1 级 | 平均等级 1.67，得 3.33 分 | 等级 2 → 4（周组长，2026-03-10）理由："), md)
        // The preliminary override stays in force at the panel stage.
        XCTAssertTrue(md.contains("- services.third\\_party 3 → 1 — 初审 · 赵初审 2026-02-20 — 7家第三方机构中3家合作协议已到期，有效仅4家（评审阶段仍有效）\n"), md)
        // Every comment and reason reaches the dossier, with who and when.
        XCTAssertTrue(md.contains("| 李评审（评审专家，2026-03-06） | 不予采信证明材料 tenants「入驻单位名录（示例）」，理由：入驻单位名录未加盖公章 | 个人意见"), md)
        XCTAssertTrue(md.contains("| 赵初审（初审，2026-02-20） | 总体意见：基本条件材料齐全。 | 已计入 |"), md)
        XCTAssertTrue(md.contains("意见：聚焦程序化广告与内容营销"), md)
        let html = renderer.render(.html, assessment, language: .zh)
        XCTAssertTrue(html.contains("<h2 id=\"stages\">二、分阶段得分（自评分 · 初审分 · 评审分）</h2>"))
        XCTAssertTrue(html.contains("<title>评审意见书 · "), html)
        XCTAssertEqual(html, renderer.render(.html, assessment, language: .zh))
        let json = renderer.render(.json, assessment, language: .en)
        XCTAssertTrue(json.contains(#""document" : "evaluation-report""#), json)
        XCTAssertTrue(json.contains(#""reason" : "入驻单位名录未加盖公章""#) || json.contains(#""text" : "入驻单位名录未加盖公章""#), json)
    }

    /// A scorecard without gates (Jiading, Zhejiang: their texts state no condition) says so instead of an empty table;
    /// a proposal gate is marked as the scorecard's own.
    func testGateBasisAndNoGates() throws {
        let jiading = try render(.md, sample: "jiading-huating")
        XCTAssertTrue(jiading.contains("## 二、门槛条件\n\n本评分表不设门槛条件：依据文本未规定园区须满足的条件，各项要求均按评分项计分。\n\n## "), jiading)
        let zhejiang = try render(.html, sample: "zhejiang-wuzhen", language: .en)
        XCTAssertTrue(zhejiang.contains("<p class=\"muted\">This scorecard has no gates: the text states no condition a park must meet"), zhejiang)
        XCTAssertFalse(zhejiang.contains("<th>Gate</th>"), zhejiang)
        // Without gates there are no basic conditions the park could be said to meet.
        XCTAssertFalse(jiading.contains("符合基本条件"), jiading)
        XCTAssertTrue(jiading.contains("不设门槛条件，按得分评级"), jiading)
        XCTAssertTrue(zhejiang.contains("no gates: graded on points"), zhejiang)
        let shenzhen = try render(.html, sample: "shenzhen-nanyou")
        XCTAssertTrue(shenzhen.contains("<div class=\"basis basis-proposal\">依据：本评分表建议</div>"), shenzhen)
    }

    /// The per-firm steps stay apart: firm 4 of nanshan-xingchao (云岫), here with all 3 years of rent subsidy received,
    /// has 3 − 3 = 0 left, which must not run into the next step as "= 0 3 年支持期已满" (read: "03 年"). The HTML
    /// per-firm table gives the working the widest column, not a quarter of the width to the row number.
    /// This period's amount and the total over the years left are two figures in the dossier too: S3 for the sample as it
    /// is, 本期 700,000 + 700,000 + 200,000 + 60,000 = ¥1,660,000, over the years left ¥3,320,000 (NanshanScorecardTests).
    func testPerFirmStepsAreSeparatedAndTheWorkingHasRoom() throws {
        let used: (String) -> String = {
            $0.replacingOccurrences(of: "rent_paid: 60000, rent_subsidy_years_received: 1,", with: "rent_paid: 60000, rent_subsidy_years_received: 3,")
        }
        let zh = try render(.md, sample: "nanshan-xingchao", edit: used)
        // 3 − 3 = 0 years left, in words; the exact formula is in the appendix.
        XCTAssertTrue(zh.contains("（0 至 3 年；每家企业最多支持三年） 3 年，为 0 年；3 年支持期已满；|"), zh)
        XCTAssertTrue(zh.contains("剩余年数：3 − 3 = 0；"), "the formula stays in the appendix for auditors")
        XCTAssertFalse(zh.contains("= 0 3 年"), zh)
        let asIs = try render(.md, sample: "nanshan-xingchao")
        XCTAssertTrue(asIs.contains("本期 ¥1,660,000；按各企业剩余年限测算合计 ¥3,320,000"), asIs)
        XCTAssertTrue(asIs.contains("本期 ¥60,000；按剩余 2 年测算合计 ¥120,000"), asIs)
        XCTAssertTrue(zh.contains("合计 ¥380,000；文件未规定比例（“一定比例”）：所示为不超过实际金额的上限；|"), zh)
        let en = try render(.md, sample: "nanshan-xingchao", language: .en, edit: used)
        XCTAssertTrue(en.contains("(0 to 3; at most three years a firm) 3 years: 0 years; its 3 years of support are over; |"), en)
        let html = try render(.html, sample: "nanshan-xingchao")
        XCTAssertTrue(html.contains("<caption>S3 逐家测算</caption>\n            <colgroup><col style=\"width:6%\">"), html)
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
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.path("Templates/messages"), toPath: folder.appendingPathComponent("messages").path)
        for name in DossierTemplates.files {
            try FileManager.default.copyItem(atPath: Self.path("Templates/\(name)"), toPath: folder.appendingPathComponent(name).path)
        }
        try FileManager.default.removeItem(at: folder.appendingPathComponent("dossier.md.mustache"))
        guard case .failure(let missing) = DossierTemplates.load(folder.path) else { return XCTFail("loaded without a template") }
        XCTAssertEqual(TestCatalogue.en.text(of: missing), "missing template '\(folder.path)/dossier.md.mustache'")

        try "{{#gates}}\n<p>{{id}}</p>\n{{/gate}}\n".write(to: folder.appendingPathComponent("dossier.md.mustache"), atomically: true, encoding: .utf8)
        guard case .failure(let broken) = DossierTemplates.load(folder.path) else { return XCTFail("loaded a broken template") }
        XCTAssertEqual(TestCatalogue.en.text(of: broken),
                       "template 'dossier.md.mustache' is broken: sectionCloseNameIncorrect: {{/gate}} does not close the open section 'gates'")
        XCTAssertEqual(broken.location?.line, 3)
    }

    /// The dossier's template engine renders the samples' dossiers and comparison page byte for byte as swift-mustache,
    /// the engine it replaced, renders the same templates over the same contexts.
    func testSampleDossiersRenderAsMustacheDid() throws {
        MustacheContentTypes.register(MarkdownReference(), named: "MARKDOWN")
        let reference = try ["dossier.html.mustache", "dossier.md.mustache", "comparison.html.mustache"].map { name in
            try MustacheTemplate(string: String(contentsOfFile: Self.path("Templates/" + name), encoding: .utf8))
        }
        let templates = renderer.templates
        let reviews = ["preliminary", "panel-1", "panel-2", "panel-3", "chair"]
        let assessments = [try assess("beijing-xinghe"), try assess("beijing-xinghe", reviews: reviews, date: nil),
                           try assess("nanshan-xingchao")]
        for (i, assessment) in assessments.enumerated() {
            for language in LocalizedText.Language.allCases {
                let fingerprints = templates.fingerprints(language).map { InputFingerprint(name: $0.name, sha256: $0.sha256) }
                let context = DossierModel(assessment: assessment, messages: templates.messages(language),
                                           extraInputs: fingerprints).context.anyValue as? [String: Any] ?? [:]
                let html = renderer.renderBytes(.html, assessment, language: language)
                let md = renderer.renderBytes(.md, assessment, language: language)
                XCTAssertEqual(String(decoding: html, as: UTF8.self), reference[0].render(context), "\(i) \(language)")
                XCTAssertEqual(String(decoding: md, as: UTF8.self), reference[1].render(context), "\(i) \(language)")
                XCTAssertEqual(Array(renderer.render(.html, assessment, language: language).utf8), html)
                // Several formats at once: the same bytes as one by one.
                let json = Array(renderer.render(.json, assessment, language: language).utf8)
                XCTAssertEqual(renderer.renderBytes([.md, .json, .html], assessment, language: language), [md, json, html])
            }
        }
        let xinghe = assessments[0], reviewed = assessments[1]
        let ranking = Ranking(scorecard: xinghe.scorecard, parks: [("xinghe", xinghe.report.park.name, xinghe.result),
                                                                   ("reviewed", "<b>reviewed</b> & 'quoted'", reviewed.result)])
        for language in LocalizedText.Language.allCases {
            XCTAssertEqual(renderer.comparisonHTML(ranking, language: language),
                           reference[2].render(renderer.comparisonContext(ranking, language: language).anyValue))
        }
    }

    /// Old engine against new on the xinghe dossier, µs per render; printed, not asserted (the old engine over the same
    /// context as Foundation values). Run it in a release build:
    /// `PARKSCORE_TEMPLATE_BENCHMARK=1 swift test -c release -Xswiftc -enable-testing --filter testTemplateEngineSpeed`.
    func testTemplateEngineSpeed() throws {
        let mode = ProcessInfo.processInfo.environment["PARKSCORE_TEMPLATE_BENCHMARK"]
        guard mode == "1" || mode == "new" else {
            throw XCTSkip("set PARKSCORE_TEMPLATE_BENCHMARK=1 to measure (=new: the new engine only, for a profiler)")
        }
        MustacheContentTypes.register(MarkdownReference(), named: "MARKDOWN")
        let assessment = try assess("beijing-xinghe")
        let templates = renderer.templates
        let fingerprints = templates.fingerprints(.zh).map { InputFingerprint(name: $0.name, sha256: $0.sha256) }
        let model = DossierModel(assessment: assessment, messages: templates.messages(.zh), extraInputs: fingerprints)
        let count = 2000
        func microseconds(_ body: () -> Int) -> Double {
            var sink = 0
            let clock = ContinuousClock()
            let elapsed = clock.measure { for _ in 0..<count { sink &+= body() } }
            XCTAssertGreaterThan(sink, 0)
            let (seconds, attoseconds) = elapsed.components
            return (Double(seconds) * 1e6 + Double(attoseconds) / 1e12) / Double(count)
        }
        func line(_ name: String, _ value: Double) { print(String(format: "%-52@ %9.1f µs", name as NSString, value)) }
        let values = model.context
        let context = values.anyValue
        line("DossierModel.context (typed)", microseconds { if case .object(let o) = model.context { o.count } else { 0 } })
        for (format, name) in [(DossierFormat.html, "dossier.html.mustache"), (.md, "dossier.md.mustache")] {
            let old = try MustacheTemplate(string: String(contentsOfFile: Self.path("Templates/" + name), encoding: .utf8))
            let new = format == .html ? templates.html : templates.markdown
            XCTAssertEqual(Array(old.render(context).utf8), new.renderBytes(values))
            if mode == "1" { line("\(format) old: swift-mustache render", microseconds { old.render(context).utf8.count }) }
            line("\(format) new: Template.renderBytes", microseconds { new.renderBytes(values).count })
            line("\(format) new end to end: DossierRenderer.renderBytes", microseconds {
                renderer.renderBytes(format, assessment, language: .zh).count
            })
        }
    }
}
