import Foundation
import ParkScore
import ParkScoreIO
import ParkScoreTestSupport
import XCTest

/// explain, diff, compare, crosswalk, scorecards and batch word their output from the message catalogue: in Chinese no
/// English word but an identifier, in English no full-width punctuation.
///
/// Scope of the check: the identifiers a command shows on purpose are taken out first (`OutputIdentifiers`: ids, fact
/// keys and their allowed values, file names, park ids, and a scorecard's formulas as it writes them, which `explain`
/// prints for auditors); in English, the Chinese data quoted as written (clauses and their refs, policy titles, units,
/// Chinese names) likewise. `PlainWordingChecker`'s code patterns are not applied: these outputs show formulas, `→` and
/// `≥` on purpose (the plain-language explanations of `score` are checked by PlainScoreOutputTests).
final class CatalogueWordingTests: XCTestCase {
    static let scorecardIDs = ["beijing-digital-advertising-park", "jiading-digital-advertising", "nanshan-livestreaming",
                               "shenzhen-digital-creative", "zhejiang-audiovisual-base"]
    static let parks = ["beijing-xinghe", "beijing-dongling", "jiading-anting", "jiading-huating", "nanshan-shekou", "nanshan-xingchao",
                        "shenzhen-guangming", "shenzhen-nanyou", "zhejiang-qiantang", "zhejiang-wuzhen"]

    static let library: CriteriaLibrary? = CriteriaLibrary.open(CriteriaCatalog(directory: Parkscore.repository.appendingPathComponent("Criteria").path)).validValue

    func scorecards() throws -> (library: CriteriaLibrary, scorecards: [Scorecard]) {
        let library = try XCTUnwrap(Self.library)
        let scorecards = try Self.scorecardIDs.map { try XCTUnwrap(library.scorecard($0).validValue?.scorecard, $0) }
        return (library, scorecards)
    }

    func identifiers() throws -> [String] {
        let (library, scorecards) = try scorecards()
        return OutputIdentifiers.identifiers(scorecards, dictionary: library.dictionary, extra: Self.parks)
    }

    func chineseData() throws -> [String] {
        let (library, scorecards) = try scorecards()
        // Park names appear in Chinese when a park has no English name; the sample reports all have one.
        return OutputIdentifiers.chineseData(scorecards, dictionary: library.dictionary)
    }

    func assertPlain(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws {
        let zh = try Parkscore.run(arguments + ["--lang", "zh"])
        XCTAssertEqual(zh.status, 0, zh.stderr, file: file, line: line)
        XCTAssertFalse(zh.stdout.contains("⟦"), zh.stdout, file: file, line: line)
        XCTAssertEqual(PlainWordingChecker.englishWords(zh: zh.stdout, identifiers: try identifiers()), [], "\(arguments)", file: file, line: line)
        let en = try Parkscore.run(arguments + ["--lang", "en"])
        XCTAssertEqual(en.status, 0, en.stderr, file: file, line: line)
        XCTAssertFalse(en.stdout.contains("⟦"), en.stdout, file: file, line: line)
        XCTAssertEqual(PlainWordingChecker.fullWidth(en: en.stdout, data: try chineseData()), [], "\(arguments)", file: file, line: line)
    }

    func testExplainReadsAsItsLanguage() throws {
        for id in Self.scorecardIDs { try assertPlain(["explain", id]) }
        try assertPlain(["explain", "beijing-digital-advertising-park", "G2"])
        try assertPlain(["explain", "beijing-digital-advertising-park", "services.government"])
        try assertPlain(["explain", "nanshan-livestreaming", "S3"])
        try assertPlain(["explain", "zhejiang-audiovisual-base", "agglomeration.focus"])

        // The kind of a criterion in words: 条件项 in Chinese, 'check' in English.
        let zh = try Parkscore.run(["explain", "beijing-digital-advertising-park", "operations.xr_studio", "--lang", "zh"])
        XCTAssertTrue(zh.stdout.contains("\n类型: 条件项, 满分 3 分\n"), zh.stdout)
        let en = try Parkscore.run(["explain", "beijing-digital-advertising-park", "operations.xr_studio", "--lang", "en"])
        XCTAssertTrue(en.stdout.contains("\nKind: check, max 3 points\n"), en.stdout)
        XCTAssertTrue(en.stdout.contains("\nClause: 五: “"), en.stdout)
    }

    func testDiffComparisonCrosswalkAndScorecardsReadAsTheirLanguage() throws {
        try assertPlain(["diff", "Samples/beijing-dongling/self-report.yaml", "Samples/beijing-xinghe/self-report.yaml",
                         "--scorecard", "beijing-digital-advertising-park"])
        try assertPlain(["diff", "Samples/zhejiang-qiantang/self-report.yaml", "Samples/zhejiang-wuzhen/self-report.yaml"])
        try assertPlain(["compare", "Samples/beijing-xinghe/self-report.yaml", "Samples/beijing-dongling/self-report.yaml",
                         "--scorecard", "beijing-digital-advertising-park"])
        try assertPlain(["compare", "Samples/nanshan-xingchao/self-report.yaml", "Samples/nanshan-shekou/self-report.yaml",
                         "--scorecard", "nanshan-livestreaming"])
        try assertPlain(["crosswalk", "Samples/beijing-xinghe/self-report.yaml"])
        try assertPlain(["crosswalk", "Samples/nanshan-xingchao/self-report.yaml"])
        try assertPlain(["scorecards"])
    }

    /// A gate's status in a diff is a word of the language: 未通过 → 通过, failed → passed (it was `failed → passed` in both).
    /// dongling fails G2 (12 advertising units of 40, 30%, under 40% and under 20: BeijingScorecardTests); xinghe passes.
    func testTheDiffWordsGateStatusesAndYesNo() throws {
        let args = ["diff", "Samples/beijing-dongling/self-report.yaml", "Samples/beijing-xinghe/self-report.yaml",
                    "--scorecard", "beijing-digital-advertising-park"]
        let zh = try Parkscore.run(args + ["--lang", "zh"])
        XCTAssertTrue(zh.stdout.contains("\n门槛 G2: 未通过 → 通过\n"), zh.stdout)
        XCTAssertTrue(zh.stdout.contains("\n    incubator.exists: 否 → 是\n"), zh.stdout)
        let en = try Parkscore.run(args + ["--lang", "en"])
        XCTAssertTrue(en.stdout.contains("\nGate G2: failed → passed\n"), en.stdout)
        XCTAssertTrue(en.stdout.contains("\n    incubator.exists: no → yes\n"), en.stdout)
        XCTAssertTrue(en.stdout.contains("Xinghe"), en.stdout)
    }

    /// compare's table: headers and the ties' separator in the language.
    func testTheRankingTableInEachLanguage() throws {
        let args = ["compare", "Samples/beijing-xinghe/self-report.yaml", "Samples/beijing-dongling/self-report.yaml",
                    "--scorecard", "beijing-digital-advertising-park"]
        let zh = try Parkscore.run(args + ["--lang", "zh"])
        XCTAssertTrue(zh.stdout.hasPrefix("排名  园区编号"), zh.stdout)
        XCTAssertTrue(zh.stdout.contains("\n各评分项得分最高的园区\n"), zh.stdout)
        XCTAssertTrue(zh.stdout.contains("beijing-xinghe、beijing-dongling"), zh.stdout)
        let en = try Parkscore.run(args + ["--lang", "en"])
        XCTAssertTrue(en.stdout.hasPrefix("Rank  Park id"), en.stdout)
        XCTAssertTrue(en.stdout.contains("\nBest park per criterion\n"), en.stdout)
        XCTAssertTrue(en.stdout.contains("beijing-xinghe, beijing-dongling"), en.stdout)
    }

    func testCrosswalkAndScorecardsInEachLanguage() throws {
        let zh = try Parkscore.run(["crosswalk", "Samples/beijing-xinghe/self-report.yaml", "--lang", "zh"])
        XCTAssertTrue(zh.stdout.hasPrefix("星河数字广告产业园（虚构）：对照全部评分表\n"), zh.stdout)
        let en = try Parkscore.run(["crosswalk", "Samples/beijing-xinghe/self-report.yaml", "--lang", "en"])
        XCTAssertTrue(en.stdout.hasSuffix(" against every scorecard\n\n") || en.stdout.contains(" against every scorecard\n"), en.stdout)
        XCTAssertTrue(en.stdout.contains(" · total 78.25 · B "), en.stdout)

        let list = try Parkscore.run(["scorecards", "--lang", "zh"])
        XCTAssertTrue(list.stdout.hasSuffix("查看评分表详情：parkscore explain <评分表>；生成空白自评表：parkscore template <评分表>\n"), list.stdout)
        let english = try Parkscore.run(["scorecards", "--lang", "en"])
        XCTAssertTrue(english.stdout.hasSuffix("In full: parkscore explain <scorecard>; a blank self-report: parkscore template <scorecard>\n"),
                      english.stdout)
    }

    /// batch's summary in each language, with English plurals: 1 application, 2 parks. Samples/broken is skipped.
    func testTheBatchSummaryInEachLanguage() throws {
        let out = try Parkscore.temporaryFolder()
        let zh = try Parkscore.run(["batch", "Samples", "--no-dossiers", "-o",
                                    out.appendingPathComponent("zh").path, "--lang", "zh"])
        XCTAssertEqual(zh.status, 2, zh.stderr)
        XCTAssertTrue(zh.stdout.hasPrefix("共 11 份申报：评分 10 份，跳过 1 份。\nbeijing-digital-advertising-park（北京市数字广告产业园区评定）：2 个园区，第一名"),
                      zh.stdout)
        XCTAssertTrue(zh.stderr.hasPrefix("1 份申报被跳过，见 "), zh.stderr)
        let en = try Parkscore.run(["batch", "Samples", "--no-dossiers", "-o",
                                    out.appendingPathComponent("en").path, "--lang", "en"])
        XCTAssertEqual(en.status, 2, en.stderr)
        XCTAssertTrue(en.stdout.hasPrefix("11 applications: 10 scored, 1 skipped.\nbeijing-digital-advertising-park ("), en.stdout)
        XCTAssertTrue(en.stdout.contains("): 2 parks, first "), en.stdout)
        XCTAssertTrue(en.stderr.hasPrefix("1 application skipped: see "), en.stderr)
        XCTAssertEqual(PlainWordingChecker.fullWidth(en: en.stdout), [])
        let problems = try String(contentsOf: out.appendingPathComponent("en/problems.txt"), encoding: .utf8)
        XCTAssertTrue(problems.contains("broken: skipped\n"), problems)
    }
}
