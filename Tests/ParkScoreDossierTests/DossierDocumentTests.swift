import Foundation
import ParkScore
@testable import ParkScoreDossier
import ParkScoreIO
import XCTest

/// The dossier as a document: its cover page, its table of contents and numbered sections, the panel page of an
/// evaluation, ids that wrap between words, and the chart's two fills.
final class DossierDocumentTests: DossierTestCase {
    func assess(_ sample: String, reviews: [String] = [], mode: ScoringMode = .selfAssessment) throws -> ScorecardAssessment {
        try assessment(sample, reviews: reviews, mode: mode, date: nil)
    }

    func testCoverPageOfAnEvaluation() throws {
        let html = renderer.render(.html, try assess("beijing-xinghe", reviews: panel), language: .zh)
        // The latest review is the chair's, 2026-03-10 (Samples/beijing-xinghe/reviews/chair.yaml): the document's date.
        XCTAssertTrue(html.contains("""
            <section class="cover" id="cover">
              <div class="file-no">文号：<span class="blank">&#8203;</span></div>
              <div class="cover-head">
                <div class="cover-scorecard">北京市数字广告产业园区评定</div>
                <h1 class="cover-title">评审意见书</h1>
                <div class="cover-park">星河数字广告产业园（虚构）</div>
            """), html)
        // The text by title and issuer: Beijing's scorecard names no issuer, so the jurisdiction is cited as 发文地区.
        XCTAssertTrue(html.contains("<tr><th>依据文本</th><td>《关于推动数字广告产业园区建设的指导意见（征求意见稿）》</td></tr>"), html)
        XCTAssertTrue(html.contains("<tr><th>发文地区</th><td>北京市</td></tr>"), html)
        XCTAssertTrue(html.contains("<div>评审组</div>\n    <div>2026年3月10日</div>"), html)
        // No running header or page number on the cover.
        XCTAssertTrue(html.contains("@page cover {\n    @top-left { content: none; }\n    @bottom-right { content: none; }"), html)
        XCTAssertTrue(html.contains("counter(page) \" / \" counter(pages)"), html)
    }

    func testCoverPageOfASelfAssessmentNamesTheIssuerAndTheApplicant() throws {
        // Jiading's scorecard names its issuer (Criteria/jiading-digital-advertising.yaml, source.issuer).
        let zh = renderer.render(.html, try assess("jiading-huating"), language: .zh)
        XCTAssertTrue(zh.contains("<h1 class=\"cover-title\">自评报告</h1>"), zh)
        XCTAssertTrue(zh.contains("<tr><th>发文机关</th><td>上海市嘉定区人民政府（嘉府发〔2023〕2号）</td></tr>"), zh)
        XCTAssertTrue(zh.contains("<div>申报单位："), zh)
        XCTAssertFalse(zh.contains("id=\"panel\""), "no panel page in a self-assessment")
        let en = renderer.render(.html, try assess("jiading-huating"), language: .en)
        XCTAssertTrue(en.contains("<h1 class=\"cover-title\">Self-assessment report</h1>"), en)
        XCTAssertTrue(en.contains("<tr><th>Issued by</th><td>Jiading District People&#39;s Government, Shanghai (Jiafufa [2023] No. 2)</td></tr>"), en)
        XCTAssertTrue(en.contains("<div class=\"file-no\">File no.: <span"), en)
        XCTAssertTrue(en.contains("(jiading-digital-advertising, version 1.1.1)"), en)
    }

    func testContentsListEverySectionInOrderAndTheHeadingsAreNumbered() throws {
        let md = renderer.render(.md, try assess("beijing-xinghe", reviews: panel), language: .zh)
        // An evaluation with stages and corrections; Beijing's scorecard has no support measures, so no 政策支持.
        XCTAssertTrue(md.contains("""
            ## 目录

            - 一、评审结论
            - 二、分阶段得分（自评分 · 初审分 · 评审分）
            - 三、补正清单
            - 四、门槛条件
            - 五、维度得分
            - 六、评分项明细
            - 七、证明材料索引
            - 八、优先改进事项
            - 九、评分模型
            - 十、评审组签字
            - 十一、计算公式（供审核）
            - 十二、审计附录

            """), md)
        for heading in ["## 一、评审结论\n", "## 四、门槛条件\n", "## 十、评审组签字\n", "## 十一、计算公式（供审核）\n", "## 十二、审计附录\n"] {
            XCTAssertTrue(md.contains(heading), heading)
        }
        let html = renderer.render(.html, try assess("beijing-xinghe", reviews: panel), language: .zh)
        XCTAssertTrue(html.contains("<li><a href=\"#panel\"><span class=\"no\">十、</span>评审组签字</a></li>"), html)
        XCTAssertTrue(html.contains("<h2 id=\"panel\">十、评审组签字</h2>"), html)
        // Nanshan has support measures: they come before the scoring model; English numbers with a point.
        let en = renderer.render(.md, try assess("nanshan-xingchao"), language: .en)
        XCTAssertTrue(en.contains("- 6. What to improve first\n- 7. Support that could be claimed\n- 8. Scoring model\n- 9. Formulas (for auditors)\n- 10. Audit appendix\n"), en)
        XCTAssertTrue(en.contains("## 1. Self-assessment verdict\n"), en)
    }

    func testPanelPageListsEveryReviewerWithALineToSign() throws {
        let html = renderer.render(.html, try assess("beijing-xinghe", reviews: panel), language: .zh)
        // In role order (初审, panel members, chair), each with the date of their review.
        let rows = [("1", "赵初审", "初审人员", "2026-02-20"), ("2", "钱评审", "评审专家", "2026-03-05"), ("3", "孙评审", "评审专家", "2026-03-05"),
                    ("4", "李评审", "评审专家", "2026-03-06"), ("5", "周组长", "评审组组长", "2026-03-10")]
        for (index, name, role, date) in rows {
            XCTAssertTrue(html.contains("<tr><td>\(index)</td><td>\(name)</td><td>\(role)</td><td>\(date)</td><td class=\"line\"></td></tr>"), name)
        }
        XCTAssertTrue(html.contains("<p>评审组组长：周组长</p>\n      <p>评审组组长（签字）：<span class=\"blank\">"), html)
        XCTAssertTrue(html.contains("<p>日期：　　　　年　　月　　日</p>"), html)
        XCTAssertTrue(html.contains("<p>评审单位（盖章）</p>"), html)
        XCTAssertTrue(html.contains("<div class=\"seal\">盖章处</div>"), html)

        let md = renderer.render(.md, try assess("beijing-xinghe", reviews: panel), language: .en)
        XCTAssertTrue(md.contains("| 5 | 周组长 | Chair of the panel | 2026-03-10 | |\n"), md)
        XCTAssertTrue(md.contains("Chair of the panel (signature): ________\n"), md)
        XCTAssertTrue(md.contains("Evaluating body (seal)\n"), md)
    }

    func testAnEvaluationWithoutReviewsGetsBlankRowsToFillIn() throws {
        let html = renderer.render(.html, try assess("beijing-xinghe", mode: .evaluation), language: .zh)
        XCTAssertTrue(html.contains("<h2 id=\"panel\">"), html)
        for index in 1...5 {
            XCTAssertTrue(html.contains("<tr><td>\(index)</td><td></td><td></td><td></td><td class=\"line\"></td></tr>"), "\(index)")
        }
        XCTAssertFalse(html.contains("<p>评审组组长：</p>"), "no chair named when there is none")
    }

    func testIDsBreakBetweenWordsAndNumbersHaveTheirOwnColumns() throws {
        XCTAssertEqual(DossierModel.breakableID("layout.digital_technologies"), "layout.<wbr>digital_<wbr>technologies")
        XCTAssertEqual(DossierModel.breakableID("a<b"), "a&lt;b")
        XCTAssertEqual(DossierModel.chineseNumeral(1), "一")
        XCTAssertEqual(DossierModel.chineseNumeral(10), "十")
        XCTAssertEqual(DossierModel.chineseNumeral(11), "十一")
        XCTAssertEqual(DossierModel.chineseNumeral(20), "二十")
        XCTAssertEqual(DossierModel.chineseNumeral(35), "三十五")
        let html = renderer.render(.html, try assess("beijing-xinghe"), language: .zh)
        XCTAssertTrue(html.contains("<td><span class=\"cid\">layout.<wbr>digital_<wbr>technologies</span><div>数字技术在广告业务中的应用</div>"), html)
        XCTAssertTrue(html.contains(".cid { overflow-wrap: normal; word-break: keep-all;"), html)
        // layout.digital_technologies: 6 of 10 points (Samples/beijing-xinghe: three technologies, "3 ≥ 2 → 6"), in 满分 and 得分.
        XCTAssertTrue(html.contains("<td class=\"num\">10</td>\n        <td class=\"num\"><strong>6.00</strong></td>\n        <td class=\"status-partial\">部分达标</td>"), html)
        XCTAssertTrue(html.contains("<th class=\"num\">满分</th><th class=\"num\">得分</th><th>状态</th>"), html)
    }

    func testChartReadsInBlackAndWhite() throws {
        let html = renderer.render(.html, try assess("beijing-xinghe", reviews: panel), language: .zh)
        // With the panel's findings, 产业布局与数字技术 earns 5.63 of 15 (38% < 60%): orange under black lines; 梯度培育层级
        // earns all 15: solid dark blue.
        XCTAssertTrue(html.contains("fill=\"#f0a04b\""), html)
        XCTAssertTrue(html.contains("<path d=\"M"), html)
        XCTAssertTrue(html.contains("fill=\"#1f4e8c\""), html)
        XCTAssertTrue(html.contains("15.00 / 15<tspan class=\"share\">（100%）</tspan>"), html)
        XCTAssertTrue(html.contains("5.63 / 15<tspan class=\"share\">（38%）</tspan>"), html)
        XCTAssertFalse(html.contains("url("), "nothing referred to by url()")
        // The hatching stays within its bar: 3.33 / 10 of 480 px would be 160 px.
        let lines = DimensionChart.hatching(width: 160, top: 0, height: 16)
        let path = try XCTUnwrap(lines.split(separator: "\"").dropFirst().first)
        let numbers = path.split(whereSeparator: { !"0123456789.".contains($0) }).compactMap { Double($0) }
        let xs = stride(from: 0, to: numbers.count - 1, by: 2).map { numbers[$0] }
        XCTAssertFalse(xs.isEmpty)
        XCTAssertTrue(xs.allSatisfy { $0 >= 0.5 && $0 <= 160.5 }, lines)
    }

    /// The dossier's own words come from the message catalogue: the stage columns, each reviewer's level, the chair's
    /// resolution, the numbered headings and the cover date, one line in each language. The levels and the resolution
    /// are Samples/beijing-xinghe/reviews (culture.content: 1, 3, 1 → the chair settles on level 2, 4 points).
    func testTheDossiersWordsInEachLanguage() throws {
        let assessment = try assess("beijing-xinghe", reviews: panel)
        let zh = renderer.render(.md, assessment, language: .zh)
        XCTAssertTrue(zh.contains("\n| 自评分 | 初审分 | 评审分 |\n"), zh)
        XCTAssertTrue(zh.contains("| culture.content | 钱评审 1 级；孙评审 3 级；李评审 1 级 |"), zh)
        XCTAssertTrue(zh.contains("| 等级 2 → 4（周组长，2026-03-10）理由："), zh)
        XCTAssertTrue(zh.contains("\n## 一、评审结论\n"), zh)
        let en = renderer.render(.md, assessment, language: .en)
        XCTAssertTrue(en.contains("\n| Self | Preliminary | Panel |\n"), en)
        XCTAssertTrue(en.contains("| culture.content | 钱评审: 1; 孙评审: 3; 李评审: 1 |"), en)
        XCTAssertTrue(en.contains("| level 2 → 4 (周组长, 2026-03-10) because "), en)
        XCTAssertTrue(en.contains("\n## 1. Verdict\n"), en)
        let zhHTML = renderer.render(.html, assessment, language: .zh), enHTML = renderer.render(.html, assessment, language: .en)
        XCTAssertTrue(zhHTML.contains("2026年3月10日"), "the chair's review date on the cover")
        XCTAssertTrue(enHTML.contains("10 March 2026"), "the chair's review date on the cover")
        XCTAssertFalse(zhHTML.contains("⟦") || enHTML.contains("⟦") || zh.contains("⟦") || en.contains("⟦"))
    }

    /// The chart's label and shares, and the comparison page's count, in each language.
    func testTheChartAndTheComparisonPageInEachLanguage() throws {
        let assessment = try assess("beijing-xinghe")
        let zh = DimensionChart.svg(assessment.result.dimensions, messages: renderer.templates.messages(.zh))
        let en = DimensionChart.svg(assessment.result.dimensions, messages: renderer.templates.messages(.en))
        XCTAssertTrue(zh.contains("aria-label=\"维度得分\"") && zh.contains("<tspan class=\"share\">（"), zh)
        XCTAssertTrue(en.contains("aria-label=\"Dimension scores\"") && en.contains("<tspan class=\"share\"> ("), en)
        let one = Ranking(scorecard: assessment.scorecard, parks: [("xinghe", assessment.report.park.name, assessment.result)])
        XCTAssertTrue(renderer.comparisonHTML(one, language: .zh).contains("1 个园区"))
        XCTAssertTrue(renderer.comparisonHTML(one, language: .en).contains("1 park<") || renderer.comparisonHTML(one, language: .en).contains("1 park "))
    }
}
