import ParkScore
import ParkScoreIO
import ParkScoreTestSupport
import XCTest

/// Issue 12, item 3: typical entries park staff write (是, 20家, １２, 1,250,000, 42％, 86万元, 2026年1月20日, 省级, 大数据,
/// 2级) are read when unambiguous for the fact's type, each with a note naming file, line and column and a stable code;
/// anything else stays an error with a hint showing the accepted forms. Every expected value is worked out by hand.
final class TypicalEntryTests: XCTestCase {
    static let dictionaryYAML = """
    version: 1
    facts:
      legal_person: {type: boolean, zh: 独立法人}
      tenants.total: {type: integer, unit: 家, zh: 入驻单位总数}
      staff: {type: integer, unit: 人, zh: 从业人员}
      events: {type: number, unit: 场, zh: 活动场次}
      share: {type: percent, zh: 占比}
      revenue: {type: money, zh: 营业收入}
      founded: {type: date, zh: 成立日期}
      park.level:
        type: enum
        zh: 认定级别
        values:
          national: {zh: 国家级, en: national}
          provincial: {zh: 省级, en: provincial}
      tech:
        type: list
        zh: 数字技术
        values:
          big_data: {zh: 大数据, en: big data}
          large_models: {zh: 大模型, en: large models}
    """

    let dictionary = Fixtures.dictionary(TypicalEntryTests.dictionaryYAML)

    /// The report with one fact line under `facts:` (line 4, value after "  key: ").
    func load(_ line: String, extra: String = "") -> Loaded<SelfReport> {
        let yaml = "park: {name: 测试园区}\nperiod: {from: 2025-01-01, to: 2025-12-31}\nfacts:\n  \(line)\n" + extra
        return SelfReportLoader.decode(SourceFile(path: "report.yaml", bytes: Array(yaml.utf8)), dictionary: dictionary)
    }

    func read(_ line: String, key: String, file: StaticString = #filePath, lineNumber: UInt = #line) -> (Value?, [Diagnostic]) {
        let loaded = load(line)
        XCTAssertFalse(loaded.hasErrors, "\(loaded.diagnostics)", file: file, line: lineNumber)
        return (loaded.value?.facts[key]?.value, loaded.diagnostics)
    }

    func testBooleansInChineseAreReadWithANote() {
        for (text, expected) in [("是", true), ("有", true), ("否", false), ("无", false)] {
            let (value, diagnostics) = read("legal_person: \(text)", key: "legal_person")
            XCTAssertEqual(value, .bool(expected), text)
            // "  legal_person: " is 16 characters: the value starts at column 17 of line 4.
            XCTAssertEqual(diagnostics.map(TestCatalogue.en.line(for:)), ["report.yaml:4:17: note: '\(text)' read as \(expected)"])
            XCTAssertEqual(diagnostics.first?.code, DiagnosticCode.readBoolean)
            XCTAssertEqual(diagnostics.first?.arguments, [text, "\(expected)"])
        }
    }

    func testAUnitSuffixEqualToTheFactsUnitIsRead() {
        let (value, diagnostics) = read("tenants.total: 20家", key: "tenants.total")
        XCTAssertEqual(value, .number(20))
        // "  tenants.total: " is 17 characters.
        XCTAssertEqual(diagnostics.map(TestCatalogue.en.line(for:)), ["report.yaml:4:18: note: '20家' read as 20"])
        XCTAssertEqual(diagnostics.first?.code, DiagnosticCode.readNumber)
        XCTAssertEqual(read("events: 3场", key: "events").0, .number(3))
        XCTAssertEqual(read("staff: 12 人", key: "staff").0, .number(12))
    }

    func testAnotherUnitIsRefusedNamingTheFactsUnit() {
        let loaded = load("tenants.total: 20人")
        XCTAssertEqual(loaded.diagnostics.map(TestCatalogue.en.line(for:)), [
            "report.yaml:4:18: error: 'tenants.total' must be a whole number, not text '20人' (the unit of this fact is '家', not '人')",
        ])
        XCTAssertEqual(loaded.diagnostics.first?.code, DiagnosticCode.wrongUnit)
    }

    func testFullWidthDigitsAndThousandsSeparators() {
        XCTAssertEqual(read("tenants.total: １２", key: "tenants.total").0, .number(12))
        XCTAssertEqual(read("tenants.total: 1,250,000", key: "tenants.total").0, .number(1_250_000))
        XCTAssertTrue(load("tenants.total: １，２５０").hasErrors, "a full-width comma is not read as a separator")
        XCTAssertEqual(read("revenue: 1,250,000", key: "revenue").0, .number(1_250_000))
        // 12,345.5 场 = 24691/2
        XCTAssertEqual(read("events: 12,345.5场", key: "events").0, .number(Rational(24_691, 2)!))
        let (_, notes) = read("tenants.total: １２", key: "tenants.total")
        XCTAssertEqual(notes.map(TestCatalogue.en.text(of:)), ["'１２' read as 12"])
    }

    func testMisplacedSeparatorsAndChineseNumeralsStayErrorsWithTheAcceptedForms() {
        for text in ["1,25,000", "12,50", "四十五", "1.2.3", "约20"] {
            let loaded = load("tenants.total: \(text)")
            XCTAssertEqual(loaded.diagnostics.map(TestCatalogue.en.text(of:)), [
                "'tenants.total' must be a whole number, not text '\(text)' (accepted: 20, １２, 1,250,000, 20家)",
            ], text)
            XCTAssertEqual(loaded.diagnostics.first?.code, DiagnosticCode.invalidInteger, text)
        }
        // 20.5家 is a number, but not a whole one.
        XCTAssertTrue(load("tenants.total: 20.5家").hasErrors)
    }

    /// Hostile input: a number too long to hold exactly is refused as that, naming the limit, whatever its form.
    func testNumbersTooLongForExactArithmeticAreRefusedAsSuch() {
        for (line, text) in [("tenants.total: 1,000,000,000,000,000,000,000家", "1,000,000,000,000,000,000,000家"),
                             ("revenue: 12345678901234567890万元", "12345678901234567890万元")] {
            let key = String(line.prefix { $0 != ":" })
            XCTAssertEqual(load(line).diagnostics.map(TestCatalogue.en.text(of:)), [
                "'\(key)': '\(text)' is too large or has too many digits to compute exactly (at most 1000000000000000, with at most 6 decimals)",
            ], line)
        }
        // 99999999亿元 = 9,999,999,900,000,000 yuan, above 10^15: refused by the fact limit.
        XCTAssertEqual(load("revenue: 99999999亿元").diagnostics.map(TestCatalogue.en.text(of:)), [
            "'revenue': 9999999900000000 is larger than 1000000000000000, the most this tool computes exactly here",
        ])
        // A long text is refused at once, with no suggestion worked out.
        let long = String(repeating: "大", count: 100_000)
        XCTAssertTrue(load("park.level: \(long)").hasErrors)
    }

    func testFullWidthPercentSign() {
        // 42％ = 42/100 = 21/50
        let (value, diagnostics) = read("share: 42％", key: "share")
        XCTAssertEqual(value, .number(Rational(21, 50)!))
        XCTAssertEqual(diagnostics.map(TestCatalogue.en.text(of:)), ["'42％' read as 42%"])
        XCTAssertEqual(diagnostics.first?.code, DiagnosticCode.readPercent)
        // ４２．５％ = 42.5/100 = 17/40
        XCTAssertEqual(read("share: ４２．５％", key: "share").0, .number(Rational(17, 40)!))
        XCTAssertEqual(load("share: 42 percent").diagnostics.map(TestCatalogue.en.text(of:)), [
            "'share' must be a percentage such as '42%', not text '42 percent' (accepted: 42%, 42％, 12.5%)",
        ])
    }

    func testMoneyInYuanWanAndYiIsExact() {
        // 86万元 = 86 × 10,000 = 860,000 yuan exactly.
        let (value, diagnostics) = read("revenue: 86万元", key: "revenue")
        XCTAssertEqual(value, .number(860_000))
        XCTAssertEqual(diagnostics.map(TestCatalogue.en.line(for:)), ["report.yaml:4:12: note: '86万元' read as 860000"])
        XCTAssertEqual(diagnostics.first?.code, DiagnosticCode.readMoney)
        // 1.5亿元 = 1.5 × 100,000,000 = 150,000,000.
        XCTAssertEqual(read("revenue: 1.5亿元", key: "revenue").0, .number(150_000_000))
        // 12.5万 = 12.5 × 10,000 = 125,000: office staff leave out 元 (money is always in yuan); 3亿 = 300,000,000.
        XCTAssertEqual(read("revenue: 12.5万", key: "revenue").0, .number(125_000))
        XCTAssertEqual(read("revenue: 3亿", key: "revenue").0, .number(300_000_000))
        // 0.1万元 = 1000: exact, where 0.1 in binary floating point is not.
        XCTAssertEqual(read("revenue: 0.1万元", key: "revenue").0, .number(1000))
        // 3000.5元 = 6001/2.
        XCTAssertEqual(read("revenue: 3000.5元", key: "revenue").0, .number(Rational(6001, 2)!))
        // 12.345678万元 = 123456.78 yuan: to the fen.
        XCTAssertEqual(read("revenue: 12.345678万元", key: "revenue").0, .number(Rational(12_345_678, 100)!))
        // 1.2345678万元 = 12345.678: a tenth of a fen is refused.
        XCTAssertEqual(load("revenue: 1.2345678万元").diagnostics.map(TestCatalogue.en.text(of:)), [
            "'revenue' must be an amount in yuan such as 3000000 or 1250.50, not text '1.2345678万元' (an amount in yuan has at most two decimals, to the fen)",
        ])
        for text in ["86 million", "¥860000", "八十六万元"] {
            XCTAssertEqual(load("revenue: \(text)").diagnostics.map(TestCatalogue.en.text(of:)), [
                "'revenue' must be an amount in yuan such as 3000000 or 1250.50, not text '\(text)' (accepted: 3000000, 1,250,000, 86万元, 1.5亿元, 3000元)",
            ], text)
        }
    }

    func testDatesInChineseAndWithSlashes() {
        let (value, diagnostics) = read("founded: 2026年1月20日", key: "founded")
        XCTAssertEqual(value, .date("2026-01-20"))
        XCTAssertEqual(diagnostics.map(TestCatalogue.en.line(for:)), ["report.yaml:4:12: note: '2026年1月20日' read as 2026-01-20"])
        XCTAssertEqual(diagnostics.first?.code, DiagnosticCode.readDate)
        XCTAssertEqual(read("founded: 2026/1/20", key: "founded").0, .date("2026-01-20"))
        XCTAssertEqual(read("founded: ２０２４年２月２９日", key: "founded").0, .date("2024-02-29"))
        for text in ["2025年2月29日", "2026/13/1", "26/1/20", "2026年1月", "20/1/2026"] {
            XCTAssertEqual(load("founded: \(text)").diagnostics.map(TestCatalogue.en.text(of:)), [
                "'founded' must be a date such as '2025-12-31', not text '\(text)' (accepted: 2025-12-31, 2025年12月31日, 2025/12/31)",
            ], text)
        }
    }

    func testTheReportingPeriodTakesTheSameDates() {
        let yaml = "park: {name: 测试园区}\nperiod: {from: 2025年1月1日, to: 2025/12/31}\nfacts: {}\n"
        let loaded = SelfReportLoader.decode(SourceFile(path: "report.yaml", bytes: Array(yaml.utf8)), dictionary: dictionary)
        XCTAssertFalse(loaded.hasErrors, "\(loaded.diagnostics)")
        XCTAssertEqual(loaded.value?.period, ReportingPeriod(from: "2025-01-01", to: "2025-12-31"))
        XCTAssertEqual(loaded.diagnostics.map(TestCatalogue.en.line(for:)), [
            "report.yaml:2:16: note: '2025年1月1日' read as 2025-01-01",
            "report.yaml:2:31: note: '2025/12/31' read as 2025-12-31",
        ])
    }

    func testChineseLabelsOfEnumValuesAndListItems() {
        let (level, notes) = read("park.level: 省级", key: "park.level")
        XCTAssertEqual(level, .text("provincial"))
        XCTAssertEqual(notes.map(TestCatalogue.en.line(for:)), ["report.yaml:4:15: note: '省级' read as 'provincial'"])
        XCTAssertEqual(notes.first?.code, DiagnosticCode.readLabel)
        let (tech, itemNotes) = read("tech: [大数据, large_models]", key: "tech")
        XCTAssertEqual(tech, .list([.text("big_data"), .text("large_models")]))
        // "  tech: [" is 9 characters: 大数据 at column 10.
        XCTAssertEqual(itemNotes.map(TestCatalogue.en.line(for:)), ["report.yaml:4:10: note: '大数据' read as 'big_data'"])
        // The same item twice, once by its label: listed twice.
        XCTAssertEqual(load("tech: [大数据, big_data]").diagnostics.map(TestCatalogue.en.text(of:)), ["'大数据' read as 'big_data'", "'big_data' is listed twice in 'tech'"])
    }

    func testAnUnknownLabelIsRefusedWithTheLabelsShown() {
        XCTAssertEqual(load("park.level: 国家").diagnostics.map(TestCatalogue.en.text(of:)), [
            "'park.level' must be one of 'national' (国家级), 'provincial' (省级), not text '国家' (did you mean '国家级'?)",
        ])
        XCTAssertEqual(load("tech: [大模形]").diagnostics.map(TestCatalogue.en.text(of:)), [
            "'大模形' is not an allowed item of 'tech' (did you mean '大模型'?); allowed: 'big_data' (大数据), 'large_models' (大模型)",
        ])
        XCTAssertEqual(load("tech: [大模形]").diagnostics.first?.code, DiagnosticCode.invalidListItem)
    }

    func testYesAndOtherWordsStayErrorsShowingTheAcceptedForms() {
        for text in ["yes", "对", "Y", "1"] {
            XCTAssertEqual(load("legal_person: \(text)").diagnostics.map(TestCatalogue.en.text(of:)), [
                "'legal_person' must be true or false, not \(text == "1" ? "integer 1" : "text '\(text)'") (write true or false; 是/否 and 有/无 are read too)",
            ], text)
        }
    }

    func testARatingLevelWithJiIsRead() throws {
        let dictionary = Fixtures.dictionary()
        let scorecard = Fixtures.scorecard(dictionary: dictionary)
        let yaml = Fixtures.reportYAML(facts: "a: 1", assessment: "ratings: {c.judged: 2级}")
        let loaded = Fixtures.reportLoad(yaml, dictionary: dictionary, scorecards: [scorecard])
        let notes = loaded.diagnostics.filter { $0.severity == .note }
        XCTAssertEqual(notes.map(TestCatalogue.en.text(of:)), ["'2级' read as level 2"])
        XCTAssertEqual(notes.first?.code, DiagnosticCode.readLevel)
        XCTAssertEqual(loaded.value?.assessments["test-card"]?.ratings["c.judged"]?.level, 2)
        // A level in words, 二级, is level 2; 零级 is 0.
        for (text, level) in [("二级", 2), ("零级", 0), ("三", 3)] {
            let words = Fixtures.reportLoad(Fixtures.reportYAML(facts: "a: 1", assessment: "ratings: {c.judged: \(text)}"), dictionary: dictionary,
                                            scorecards: [scorecard])
            XCTAssertEqual(words.value?.assessments["test-card"]?.ratings["c.judged"]?.level, level, text)
        }
        let bad = Fixtures.reportLoad(Fixtures.reportYAML(facts: "a: 1", assessment: "ratings: {c.judged: 良好}"), dictionary: dictionary)
        XCTAssertEqual(bad.diagnostics.map(TestCatalogue.en.text(of:)), ["the rating of 'c.judged' must be a whole number, not text '良好' (accepted: 2, 2级)"])
    }

    func testRecordFieldsTakeTheSameForms() {
        let yaml = """
        version: 1
        facts:
          firms:
            type: records
            zh: 企业
            fields:
              name: {type: text, zh: 名称}
              rent: {type: money, zh: 房租}
              ok: {type: boolean, zh: 入驻}
        """
        let dictionary = Fixtures.dictionary(yaml)
        let report = "park: {name: 测试园区}\nperiod: {from: 2025-01-01, to: 2025-12-31}\nfacts:\n  firms:\n    - {name: 甲, rent: 70万元, ok: 是}\n"
        let loaded = SelfReportLoader.decode(SourceFile(path: "report.yaml", bytes: Array(report.utf8)), dictionary: dictionary)
        XCTAssertFalse(loaded.hasErrors, "\(loaded.diagnostics)")
        // 70万元 = 700,000 yuan.
        XCTAssertEqual(loaded.value?.facts["firms"]?.value,
                       .list([.record(["name": .text("甲"), "rent": .number(700_000), "ok": .bool(true)])]))
        XCTAssertEqual(loaded.diagnostics.map(TestCatalogue.en.text(of:)), ["'70万元' read as 700000", "'是' read as true"])
    }
}
