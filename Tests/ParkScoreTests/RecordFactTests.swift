import ParkScore
import ParkScoreIO
import ParkScoreTestSupport
import XCTest

/// Records facts (a table of firms): declared in the dictionary with typed fields, given in a self-report as a list
/// of mappings, bounded and refused at the place of the problem.
final class RecordFactTests: XCTestCase {
    static let dictionaryYAML = """
    facts:
      count: {type: integer, zh: 数量}
      firms:
        type: records
        zh: 企业明细
        max_records: 3
        fields:
          name: {type: text, zh: 名称}
          since: {type: date, zh: 落户日期}
          ok: {type: boolean, zh: 经认定}
          rent: {type: money, zh: 房租}
          stage: {type: enum, zh: 阶段, values: [none, listed]}
    """

    let dictionary = Fixtures.dictionary(RecordFactTests.dictionaryYAML)

    func load(_ facts: String) -> Loaded<SelfReport> {
        Fixtures.reportLoad(Fixtures.reportYAML(facts: facts), dictionary: dictionary)
    }

    func testATableIsReadAsRecordsWithTypedFields() throws {
        let loaded = load("""
        firms:
          - {name: 甲, since: 2024-03-01, ok: true, rent: 800000, stage: listed}
          - {name: 乙, rent: 100000.50, since: ~}
        """)
        XCTAssertEqual(loaded.diagnostics, [])
        let value = try XCTUnwrap(loaded.value?.facts["firms"]?.value)
        XCTAssertEqual(value, .list([
            .record(["name": .text("甲"), "since": .date("2024-03-01"), "ok": .bool(true), "rent": .number(r(800_000)), "stage": .text("listed")]),
            // an empty field is not given: whatever reads it is missing data, never zero
            .record(["name": .text("乙"), "rent": .number(r(10_000_050, 100))]),
        ]))
    }

    func testUnknownFieldsWrongTypesAndNegativeMoneyAreRefusedWhereTheyStand() {
        let loaded = load("""
        firms:
          - {name: 甲, rnet: 1}
          - {name: 乙, ok: yes, rent: -5}
          - 丙
        """)
        // line 1 park, 2 period, 3 facts:, 4 "  firms:", 5 the first entry "    - {name: 甲, rnet: 1}": 'rnet' at column 17
        XCTAssertEqual(loaded.diagnostics.filter { $0.severity == .error }.map(TestCatalogue.en.line(for:)), [
            "report.yaml:5:17: error: unknown field 'rnet' in entry 1 of 'firms' (did you mean 'rent'?); fields: name, since, ok, rent, stage",
            "report.yaml:6:21: error: 'firms[2].ok' must be true or false, not text 'yes' (write true or false; 是/否 and 有/无 are read too)",
            "report.yaml:6:32: error: 'firms[2].rent' is -5, below the minimum 0",
            "report.yaml:7:7: error: entry 3 of 'firms' must be a mapping of fields (name, since, ok, rent, stage), not text '丙'",
        ])
    }

    /// The other refusals of a table, each at its place: a share above 100%, a field name that is not a text; in the
    /// dictionary, a 'max_records' out of range and a field with its own bounds.
    func testSharesAboveAHundredPercentOddFieldNamesAndBadSchemasAreRefusedWhereTheyStand() {
        let dictionary = Fixtures.dictionary("""
        facts:
          p:
            type: records
            zh: 表
            fields:
              share: {type: percent, zh: 占比}
        """)
        let loaded = Fixtures.reportLoad(Fixtures.reportYAML(facts: """
        p:
          - {share: 120%}
          - {~: 1, [a]: 2}
        """), dictionary: dictionary)
        // line 4 "  p:", 5 "    - {share: 120%}": the value at column 15; 6 "    - {~: 1, [a]: 2}": '~' at 8, '[a]' at 14
        XCTAssertEqual(loaded.diagnostics.filter { $0.severity == .error }.map(TestCatalogue.en.line(for:)), [
            "report.yaml:5:15: error: 'p[1].share' is above 100%",
            "report.yaml:6:8: error: field names must be texts, not a null",
            "report.yaml:6:14: error: field names must be texts, not a sequence",
        ])

        let text = """
        facts:
          p:
            type: records
            zh: 表
            max_records: 0
            fields:
              m: {type: money, zh: 钱, min: 5}
              d: {type: date, zh: 日期, max: 3}
        """
        let schema = FactDictionaryLoader.decode(SourceFile(path: "facts.yaml", bytes: Array(text.utf8)))
        XCTAssertEqual(schema.diagnostics.filter { $0.severity == .error }.english.map(\.description), [
            "facts.yaml:5:18: error: 'max_records' of 'p' must be between 1 and 10000, not 0",
            "facts.yaml:7:10: error: field 'm' of 'p' takes no 'min' or 'at_most' (counts and money are never negative; 'max' bounds a count or number)",
            "facts.yaml:8:10: error: field 'd' of 'p' takes 'max' only as an integer or number, not date",
        ])
    }

    func testATableThatIsNotAListIsRefused() {
        let loaded = load("firms: 5")
        XCTAssertEqual(loaded.diagnostics.filter { $0.severity == .error }.map(TestCatalogue.en.line(for:)),
                       ["report.yaml:4:10: error: 'firms' must be a list of records (one mapping per entry), not integer 5"])
    }

    /// A table is a list to expressions: `count(firms)` is how many records it has.
    func testCountReadsATable() throws {
        let report = Fixtures.report(Fixtures.reportYAML(facts: "firms: [{name: a}, {}, {rent: 1}]"), dictionary: dictionary)
        let expression = try Expression("count(firms) >= 3")
        let evaluation = expression.evaluate(in: FactEnvironment(values: report.factValues))
        XCTAssertEqual(evaluation.value, .bool(true))
        XCTAssertEqual(evaluation.explanation, "count([3 records]) = 3 ≥ 3 ✓")
    }

    /// A table can be counted, but its records are not numbers or texts: lint refuses `sum(firms)`,
    /// `contains(firms, …)`, `min(firms)` and comparing a table, rather than scoring them 0 at run time.
    func testATableIsCountedButNotSummedSearchedOrCompared() throws {
        var types: [String: StaticType] = [:]
        for (key, definition) in dictionary.definitions { types[key] = StaticType(definition.type) }
        let checker = ExpressionChecker(factTypes: types)
        func issues(_ source: String) throws -> [String] { checker.check(try Expression(source)).issues.map { TestCatalogue.en.message($0.message) } }
        XCTAssertEqual(try issues("count(firms) >= 3"), [])
        XCTAssertEqual(try issues("sum(firms) > 0"), ["'sum' needs a list, not records"])
        XCTAssertEqual(try issues(#"contains(firms, "甲")"#), ["'contains' needs a list first, not records"])
        XCTAssertEqual(try issues("min(firms) > 0"), ["'min' needs numbers, not records"])
        XCTAssertEqual(try issues("firms == firms"), ["cannot compare a table of records"])
        // 'year' reads a date, or a date written out; not a text field, nor a day that does not exist.
        XCTAssertEqual(try issues("year(period.to) >= 2025"), [])
        XCTAssertEqual(try issues(#"year("2025-12-31") >= 2025"#), [])
        XCTAssertEqual(try issues("year(count) >= 2025"), ["'year' needs a date, not number"])
        XCTAssertEqual(ExpressionChecker(factTypes: types, record: ("firms", ["name": .text, "since": .date]))
                        .check(try Expression("year(name) >= year(since)")).issues.map { TestCatalogue.en.message($0.message) }, ["'year' needs a date, not text"])
        XCTAssertEqual(try issues(#"year("2025-02-30") >= 2025"#), ["'year' needs a date such as '2025-12-31', not '2025-02-30'"])
    }

    func testMoreRecordsThanTheDictionaryAllowsAreRefused() {
        let loaded = load("firms: [{name: a}, {name: b}, {name: c}, {name: d}]")
        XCTAssertEqual(loaded.diagnostics.filter { $0.severity == .error }.map(TestCatalogue.en.text(of:)),
                       ["'firms' has 4 records, more than the 3 allowed"])
        XCTAssertNil(loaded.value?.facts["firms"])
    }

    func testADictionaryRefusesFieldsThatAreNotSingleValuesAndReservedKeys() {
        let text = """
        facts:
          period.to: {type: date, zh: 期末}
          t:
            type: records
            zh: 表
            fields:
              tags: {type: list, zh: 标签}
              Bad: {type: text, zh: 坏}
          n: {type: integer, zh: 数, fields: {a: {type: text, zh: 甲}}}
          e: {type: records, zh: 空}
        """
        let loaded = FactDictionaryLoader.decode(SourceFile(path: "facts.yaml", bytes: Array(text.utf8)))
        XCTAssertEqual(loaded.diagnostics.filter { $0.severity == .error }.map(TestCatalogue.en.text(of:)), [
            "fact key 'period.to' is reserved: 'period.from' and 'period.to' are the self-report's reporting period",
            "records fact 't' needs at least one field",
            "field 'tags' of 't' must have a single value (boolean, integer, number, percent, money, date, text or enum), not list",
            "field name 'Bad' must be one lowercase word, with '_' between parts",
            "only records facts take 'fields'",
            "records fact 'e' needs 'fields'",
        ])
    }

    /// A field may have a 'max' (inclusive) when it counts: Nanshan's rent_subsidy_years_received is 0 to 3, as
    /// 三（三） grants 「每家企业最多支持三年」. 3 is taken, 4 is refused at its place; a negative count is refused as ever.
    func testAFieldsMaximumIsInclusiveAndRefusedAbove() throws {
        let dictionary = try Repository.dictionary()
        guard case .records(let schema)? = dictionary.type(of: "firms") else { return XCTFail("firms is a table") }
        XCTAssertEqual(schema.field("rent_subsidy_years_received")?.maximum, r(3))
        // The blank self-report says so beside the field.
        let card = try Repository.scorecard("nanshan-livestreaming", dictionary: dictionary)
        XCTAssertTrue(SelfReportTemplate(scorecard: card, dictionary: dictionary, messages: TestCatalogue.zh).render()
            .contains("  #   rent_subsidy_years_received：报告期之前已享受直播企业房租补贴的年数（0至3年；每家企业最多支持三年）；整数，单位：年，范围：0–3\n"))
        func load(_ years: String) -> Loaded<SelfReport> {
            Fixtures.reportLoad(Fixtures.reportYAML(facts: "firms:\n  - {name: 甲, rent_paid: 100000, rent_subsidy_years_received: \(years)}"),
                                dictionary: dictionary)
        }
        XCTAssertEqual(load("3").diagnostics.filter { $0.severity == .error }, [])
        XCTAssertEqual(load("4").diagnostics.filter { $0.severity == .error }.map(TestCatalogue.en.text(of:)),
                       ["'firms[1].rent_subsidy_years_received' is 4, above the maximum 3"])
        XCTAssertEqual(load("-1").diagnostics.filter { $0.severity == .error }.map(TestCatalogue.en.text(of:)),
                       ["'firms[1].rent_subsidy_years_received' is -1, below the minimum 0"])
    }
}
