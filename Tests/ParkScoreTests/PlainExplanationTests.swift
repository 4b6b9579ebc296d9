import ParkScore
import ParkScoreIO
import ParkScoreTestSupport
import XCTest

/// Each expression form worded in plain language, against sentences written by hand from the dictionary below.
final class PlainExplanationTests: XCTestCase {
    let dictionary = FactDictionary([
        FactDefinition(key: "tenants.total", type: .integer, unit: "家", description: LocalizedText(zh: "入驻单位总数", en: "Tenant units")),
        FactDefinition(key: "tenants.advertising_related", type: .integer, unit: "家",
                       description: LocalizedText(zh: "广告及关联单位", en: "Advertising and related units")),
        FactDefinition(key: "park.level", type: .enumeration(["national", "provincial", "municipal"]),
                       description: LocalizedText(zh: "已获认定的最高级别", en: "Highest accreditation"),
                       valueLabels: ["national": LocalizedText(zh: "国家级", en: "national"),
                                     "provincial": LocalizedText(zh: "省级", en: "provincial"),
                                     "municipal": LocalizedText(zh: "市级", en: "municipal")]),
        FactDefinition(key: "management.statistics", type: .list(of: ["statistics_staff", "data_reporting", "analysis_reports"]),
                       description: LocalizedText(zh: "统计工作", en: "Statistics work"),
                       valueLabels: ["statistics_staff": LocalizedText(zh: "专业统计人员", en: "statistics staff"),
                                     "data_reporting": LocalizedText(zh: "数据统计上报", en: "data reporting"),
                                     "analysis_reports": LocalizedText(zh: "统计分析报告", en: "analysis reports")]),
        FactDefinition(key: "tech.applied", type: .list(of: ["big_data", "blockchain", "generative_ai"]),
                       description: LocalizedText(zh: "应用数字技术", en: "Digital technologies applied"),
                       valueLabels: ["big_data": LocalizedText(zh: "大数据", en: "big data"),
                                     "blockchain": LocalizedText(zh: "区块链", en: "blockchain"),
                                     "generative_ai": LocalizedText(zh: "生成式人工智能", en: "generative AI")]),
        FactDefinition(key: "talent.training_sessions", type: .integer, unit: "场",
                       description: LocalizedText(zh: "人才培训场次", en: "Training sessions")),
        FactDefinition(key: "management.independent_legal_person", type: .boolean,
                       description: LocalizedText(zh: "园区管理机构具备独立法人资格", en: "The management body is an independent legal person")),
        FactDefinition(key: "finance.rent_paid", type: .money, description: LocalizedText(zh: "实际支付房租", en: "Rent paid")),
        FactDefinition(key: "park.founded", type: .date, description: LocalizedText(zh: "园区设立日期", en: "Date the park was founded")),
        FactDefinition(key: "incubator.share", type: .percent, description: LocalizedText(zh: "孵化空间广告企业占比", en: "Advertising share of the incubator")),
    ])

    let values: [String: Value] = [
        "tenants.total": .number(45), "tenants.advertising_related": .number(19),
        "park.level": .text("provincial"),
        "management.statistics": .list([.text("statistics_staff"), .text("data_reporting")]),
        "tech.applied": .list([.text("big_data"), .text("blockchain"), .text("generative_ai")]),
        "talent.training_sessions": .number(24),
        "management.independent_legal_person": .bool(true),
        "finance.rent_paid": .number(1_250_000),
        "park.founded": .date("2021-06-01"),
        "incubator.share": .number(Rational(9, 20)!),
    ]

    func plain(_ language: LocalizedText.Language) -> PlainExplanation {
        PlainExplanation(dictionary: dictionary, scorecard: nil, messages: TestCatalogue.messages(language))
    }

    func trace(_ source: String, _ values: [String: Value]? = nil) throws -> ExpressionTrace {
        ExpressionTrace(try Expression(source), FactEnvironment(values: values ?? self.values, percentKeys: ["incubator.share"],
                                                                moneyKeys: ["finance.rent_paid"]))
    }

    func zh(_ source: String, _ values: [String: Value]? = nil) throws -> String { plain(.zh).sentence(try trace(source, values)) }
    func en(_ source: String, _ values: [String: Value]? = nil) throws -> String { plain(.en).sentence(try trace(source, values)) }

    /// The issue's own example: 19 / 45 = 0.4222… → 42.2% (rounded, so 约); 42.2% ≥ 40% holds, 19 ≥ 20 does not: passed.
    func testShareOrCountReadsAsTheIssueWritesIt() throws {
        let source = "tenants.advertising_related / tenants.total >= 0.40 or tenants.advertising_related >= 20"
        XCTAssertEqual(try zh(source), "广告及关联单位 19 家，占入驻单位总数 45 家的约 42.2%，不低于 40%，或不少于 20 家：通过")
        XCTAssertEqual(try en(source), "Advertising and related units 19, as a share of tenant units 45: about 42.2%, at least 40%, or at least 20: passed")
    }

    /// Was `✓ provincial: 'provincial' = "national" ✗ or 'provincial' = "provincial" ✓ ⇒ ✓`: the enum by its label.
    func testEnumEqualityByLabel() throws {
        let source = #"park.level == "national" or park.level == "provincial""#
        XCTAssertEqual(try zh(source), "已获认定的最高级别：省级，须为国家级，或须为省级：通过")
        XCTAssertEqual(try en(source), "Highest accreditation: provincial, must be national, or must be provincial: passed")
    }

    /// Was `contains([statistics_staff, data_reporting], "analysis_reports") = false`: a checklist item by its title.
    func testChecklistItemByTitle() throws {
        let item = Checklist.Item(id: "analysis_reports", title: LocalizedText(zh: "统计分析报告", en: "Analysis reports"),
                                  condition: try Expression(#"contains(management.statistics, "analysis_reports")"#), points: 1)
        let criterion = Criterion(id: "standing.statistics", title: LocalizedText(zh: "统计监测分析"), clause: nil,
                                  kind: .checklist(Checklist(items: [item])))
        let step = ExplanationStep.item(id: "analysis_reports", present: false, trace: try trace(#"contains(management.statistics, "analysis_reports")"#))
        XCTAssertEqual(plain(.zh).steps([step], criterion: criterion), ["统计分析报告：不具备"])
        XCTAssertEqual(plain(.en).steps([step], criterion: criterion), ["Analysis reports: absent"])
    }

    /// A list holding a value, outside a checklist: the list by its labels.
    func testContainsByLabels() throws {
        XCTAssertEqual(try zh(#"contains(management.statistics, "analysis_reports")"#),
                       "统计工作：专业统计人员、数据统计上报，不包括统计分析报告：未通过")
        XCTAssertEqual(try en(#"contains(management.statistics, "data_reporting")"#),
                       "Statistics work: statistics staff, data reporting, which includes data reporting: passed")
    }

    /// A value among a written set: `contains(["national", "provincial"], park.level)`.
    func testValueAmongASet() throws {
        XCTAssertEqual(try zh(#"contains(["national", "provincial"], park.level)"#), "已获认定的最高级别：省级，属于国家级、省级之一：通过")
    }

    /// A scale by bands: count = 3 technologies; the band reached is min 2 → 6 points.
    func testScaleBandInASentence() throws {
        let steps: [ExplanationStep] = [.evaluated(try trace("count(tech.applied)")), .band(value: 3, min: 2, points: 6, percent: false)]
        XCTAssertEqual(plain(.zh).steps(steps), ["应用数字技术：大数据、区块链、生成式人工智能，共 3 项（2 项及以上得 6 分）"])
        XCTAssertEqual(plain(.en).steps(steps), ["Digital technologies applied: big data, blockchain, generative AI; 3 in all (2 or more: 6 points)"])
    }

    /// Below the lowest band: 0 sessions of a lowest band of 1 → 0 points.
    func testBelowBands() throws {
        let steps: [ExplanationStep] = [.evaluated(try trace("talent.training_sessions", ["talent.training_sessions": .number(0)])),
                                        .belowBands(value: 0, lowest: 1, percent: false)]
        XCTAssertEqual(plain(.zh).steps(steps), ["人才培训场次 0 场（低于最低一档 1 场，得 0 分）"])
    }

    /// Was `3 × (24 − 0) / (12 − 0)（限定在 0…1） = 3`: 24 sessions is past the top of 0–12, so the full 3 points.
    func testLinearScaleClampedInASentence() throws {
        let steps: [ExplanationStep] = [.evaluated(try trace("talent.training_sessions")),
                                        .linear(points: 3, value: 24, from: 0, to: 12, result: 3, clamped: true, percent: false)]
        XCTAssertEqual(plain(.zh).steps(steps), ["人才培训场次 24 场（达到 12 场即得满分 3 分）"])
        XCTAssertEqual(plain(.en).steps(steps), ["Training sessions 24 sessions (12 sessions earns the full 3 points)"])
    }

    /// Linear inside the range: 4 × (9 − 0) / (12 − 0) = 3.
    func testLinearScaleInRange() throws {
        let steps: [ExplanationStep] = [.evaluated(try trace("talent.training_sessions", ["talent.training_sessions": .number(9)])),
                                        .linear(points: 4, value: 9, from: 0, to: 12, result: 3, clamped: false, percent: false)]
        XCTAssertEqual(plain(.zh).steps(steps), ["人才培训场次 9 场（在 0–12 场之间按比例计分，满分 4 分，得 3 分）"])
    }

    func testBooleanFactAndNot() throws {
        XCTAssertEqual(try zh("management.independent_legal_person"), "园区管理机构具备独立法人资格（是）：通过")
        XCTAssertEqual(try zh("not management.independent_legal_person"), "园区管理机构具备独立法人资格（是）（要求为否）：未通过")
        XCTAssertEqual(try en("management.independent_legal_person"), "The management body is an independent legal person (yes): passed")
    }

    /// 'and' of a boolean and a share (45% > 40%).
    func testAndWithAPercentFact() throws {
        XCTAssertEqual(try zh("management.independent_legal_person and incubator.share > 40%"),
                       "园区管理机构具备独立法人资格（是），且孵化空间广告企业占比 45%，高于 40%：通过")
    }

    /// Money as ¥ with grouping: 1,250,000 ≥ 1,000,000.
    func testMoney() throws {
        XCTAssertEqual(try zh("finance.rent_paid >= 1000000"), "实际支付房租 ¥1,250,000，不低于 ¥1,000,000：通过")
    }

    /// A missing fact: named, said to be missing, and the verdict is 缺少数据.
    func testMissingFact() throws {
        XCTAssertEqual(try zh("tenants.total >= 20", [:]), "入驻单位总数（未填报），不少于 20 家：缺少数据")
        XCTAssertEqual(try en("tenants.total >= 20", [:]), "Tenant units (not given), at least 20: missing data")
    }

    /// Dates compare as earlier / later; year() names the year.
    func testDatesAndYear() throws {
        XCTAssertEqual(try zh(#"park.founded <= "2022-01-01""#), "园区设立日期：2021-06-01，不晚于 2022-01-01：通过")
        XCTAssertEqual(try zh("year(park.founded) >= 2020"), "园区设立日期所在年份 2021，不低于 2020：通过")
    }

    /// Arithmetic, min and a literal written first: 19 + 45 = 64; min(19, 45) = 19; 20 <= 45 reads as 45 ≥ 20.
    func testArithmeticMinAndFlippedComparison() throws {
        XCTAssertEqual(try zh("tenants.advertising_related + tenants.total"), "广告及关联单位 19 家与入驻单位总数 45 家合计 64 家")
        XCTAssertEqual(try zh("min(tenants.advertising_related, tenants.total)"), "广告及关联单位 19 家、入驻单位总数 45 家中较小者为 19 家")
        XCTAssertEqual(try zh("20 <= tenants.total"), "入驻单位总数 45 家，不少于 20 家：通过")
    }

    /// A division by zero is worded, not a crash: 19 / 0 cannot be computed.
    func testErrorIsWorded() throws {
        let sentence = try zh("tenants.advertising_related / tenants.total >= 0.4", ["tenants.advertising_related": .number(19), "tenants.total": .number(0)])
        XCTAssertTrue(sentence.hasSuffix("：无法计算"), sentence)
        XCTAssertTrue(PlainWordingChecker.problems(zh: sentence, factKeys: Array(values.keys)).isEmpty, sentence)
    }

    /// Every form above, in English, has no full-width punctuation; in Chinese, no code.
    func testNoCodeAndNoFullWidthInEnglish() throws {
        let sources = ["tenants.advertising_related / tenants.total >= 0.40 or tenants.advertising_related >= 20",
                       #"park.level == "national" or park.level == "provincial""#, #"contains(management.statistics, "analysis_reports")"#,
                       "count(tech.applied)", "not management.independent_legal_person", "finance.rent_paid >= 1000000",
                       #"park.founded <= "2022-01-01""#, "sum([1, 2]) > 2", "max(tenants.total, 3) - -1 * 2 != 5"]
        for source in sources {
            XCTAssertEqual(PlainWordingChecker.problems(zh: try zh(source), factKeys: Array(values.keys)), [], source)
            XCTAssertEqual(PlainWordingChecker.problems(en: try en(source), factKeys: Array(values.keys)), [], source)
        }
    }
}
