import Foundation
import ParkScore
import ParkScoreIO
import ParkScoreTestSupport
import XCTest

/// The renderers of scorecards (explain, lint's gate listing), the blank self-report and the JSON result word their
/// text from the message catalogue, in Chinese and in English.
final class CatalogueRendererTests: XCTestCase {
    static let ids = ["beijing-digital-advertising-park", "jiading-digital-advertising", "nanshan-livestreaming",
                      "shenzhen-digital-creative", "zhejiang-audiovisual-base"]

    /// Every gate, criterion and support measure of every scorecard explained: in Chinese no English word but an
    /// identifier (ids, keys, allowed values, the scorecard's formulas as written: `OutputIdentifiers`), in English no
    /// full-width punctuation but in the Chinese quoted as written (clauses, policy titles, units).
    func testEveryExplanationReadsAsItsLanguage() throws {
        let dictionary = try Repository.dictionary()
        let scorecards = try Self.ids.map { try Repository.scorecard($0, dictionary: dictionary) }
        let identifiers = OutputIdentifiers.identifiers(scorecards, dictionary: dictionary)
        let chinese = OutputIdentifiers.chineseData(scorecards, dictionary: dictionary)
        let zh = ScorecardText(messages: TestCatalogue.zh), en = ScorecardText(messages: TestCatalogue.en)
        for s in scorecards {
            let ids = s.gates.map(\.id) + s.criteria.map(\.id) + s.incentives.map(\.id)
            let zhTexts = [zh.overview(s), zh.gatesByBasis(s)] + ids.compactMap { zh.detail(s, id: $0) }
            let enTexts = [en.overview(s), en.gatesByBasis(s)] + ids.compactMap { en.detail(s, id: $0) }
            XCTAssertEqual(zhTexts.count, ids.count + 2, s.id)
            for text in zhTexts {
                XCTAssertFalse(text.contains("⟦"), text)
                XCTAssertEqual(PlainWordingChecker.englishWords(zh: text, identifiers: identifiers), [], s.id)
            }
            for text in enTexts {
                XCTAssertFalse(text.contains("⟦"), text)
                XCTAssertEqual(PlainWordingChecker.fullWidth(en: text, data: chinese), [], s.id)
            }
        }
    }

    /// A criterion's kind, a measure's amount, lint's listing: one line in each language.
    func testScorecardLinesInEachLanguage() throws {
        let dictionary = try Repository.dictionary()
        let nanshan = try Repository.scorecard("nanshan-livestreaming", dictionary: dictionary)
        let zh = ScorecardText(messages: TestCatalogue.zh), en = ScorecardText(messages: TestCatalogue.en)
        // S2: up to ¥10,000,000 a firm, 一次性 in the sense of 'not a year' (ComparisonCommandTests reads the same).
        XCTAssertTrue(try XCTUnwrap(zh.detail(nanshan, id: "S2")).contains("\n金额（元）: 最高 10000000，总额（不逐年计）\n"))
        XCTAssertTrue(try XCTUnwrap(en.detail(nanshan, id: "S2")).contains("\nAmount (yuan): up to 10000000 in all (not a year)\n"))
        // positioning.focus is judged: 评议项 / judged.
        XCTAssertTrue(try XCTUnwrap(zh.detail(nanshan, id: "positioning.focus")).contains("\n类型: 评议项, 满分 6 分\n"))
        XCTAssertTrue(try XCTUnwrap(en.detail(nanshan, id: "positioning.focus")).contains("\nKind: judged, max 6 points\n"))
        // Nanshan's only gate G1 is the scorecard's proposal.
        XCTAssertTrue(zh.gatesByBasis(nanshan).contains("\n  依据：本评分表建议（1项）\n"), zh.gatesByBasis(nanshan))
        XCTAssertTrue(en.gatesByBasis(nanshan).contains("\n  basis: scorecard proposal (1)\n"), en.gatesByBasis(nanshan))
    }

    /// The blank self-report follows the language: its comments only; keys and example values stay.
    func testTheSelfReportTemplateInEachLanguage() throws {
        let dictionary = try Repository.dictionary()
        let nanshan = try Repository.scorecard("nanshan-livestreaming", dictionary: dictionary)
        let zh = SelfReportTemplate(scorecard: nanshan, dictionary: dictionary, messages: TestCatalogue.zh).render()
        let en = SelfReportTemplate(scorecard: nanshan, dictionary: dictionary, messages: TestCatalogue.en).render()
        XCTAssertTrue(zh.contains("\n  # 整数，单位：家，不小于 0；用于：firms.count、S3、S11\n  livestream.firms:\n"), zh)
        XCTAssertTrue(en.contains("\n  # whole number, unit: 家, at least 0; used by: firms.count, S3, S11\n  livestream.firms:\n"), en)
        XCTAssertTrue(en.contains("\n    not_applicable:  # criteria that truly do not apply: remove the leading # and give the reason\n"), en)
        // The English example record is still a record a park could keep: a name without a comma.
        let filled = en.replacingOccurrences(of: "    # - {", with: "    - {").replacingOccurrences(of: "  name:          #", with: "  name: Example #")
        let loaded = SelfReportLoader.decode(SourceFile(path: "filled.yaml", bytes: Array(filled.utf8)), dictionary: dictionary)
        XCTAssertEqual(loaded.diagnostics, [])
        guard case .list(let firms)? = loaded.value?.facts["firms"]?.value, case .record(let firm)? = firms.first else {
            return XCTFail("the example firm is a record")
        }
        XCTAssertEqual(firm["name"], .text("Example Media Ltd"))
        // The dictionary's units (家, 场), the clauses and the policy's title are quoted as written; our wording has no
        // full-width mark.
        XCTAssertEqual(PlainWordingChecker.fullWidth(en: en, data: OutputIdentifiers.chineseData([nanshan], dictionary: dictionary)), [])
    }

    /// The JSON result's reasons for being provisional are worded in the document's language; the keys stay.
    /// Samples/beijing-xinghe self-rates basic.positioning, talent.system and culture.content (BeijingScorecardTests).
    func testTheResultDocumentWordsItsProvisionalReasons() throws {
        let dictionary = try Repository.dictionary()
        let scorecard = try Repository.scorecard("beijing-digital-advertising-park", dictionary: dictionary)
        let report = try Repository.sample("beijing-xinghe", dictionary: dictionary, scorecards: [scorecard])
        let result = ScoringEngine(dictionary: dictionary).score(report, against: scorecard)
        let zh = ResultDocument(result: result, scorecard: scorecard, report: report, messages: TestCatalogue.zh).encoded()
        XCTAssertTrue(zh.contains("\"provisionalReasons\" : [\n    \"自评等级（待评审确认）：basic.positioning、talent.system、culture.content\"\n  ]"), zh)
        let en = ResultDocument(result: result, scorecard: scorecard, report: report, messages: TestCatalogue.en).encoded()
        XCTAssertTrue(en.contains("\"provisionalReasons\" : [\n    \"self-rated: basic.positioning, talent.system, culture.content\"\n  ]"), en)
    }
}
