import ParkScore
import ParkScoreIO
import ParkScoreTestSupport
import XCTest

/// The engine's messages are codes the catalogue words in Chinese (the default) and in English.
final class EngineMessageTests: XCTestCase {
    let dictionary = Fixtures.dictionary()

    func testAScorecardLintErrorInBothLanguages() throws {
        // One dimension's weight lowered by 5: the weights no longer add up to 100.
        let text = Fixtures.scorecardYAML.replacingOccurrences(of: "weight: 10", with: "weight: 5")
        let load = Fixtures.scorecardLoad(text, dictionary: dictionary)
        let d = try XCTUnwrap(load.diagnostics.first { $0.code == "scorecard.weights.sum" }, "\(load.diagnostics)")
        let sum = try XCTUnwrap(d.arguments.first)
        XCTAssertEqual(TestCatalogue.en.text(of: d), "dimension weights add up to \(sum), not 100")
        XCTAssertEqual(TestCatalogue.zh.text(of: d), "各维度权重之和为 \(sum)，而不是 100")
    }

    func testAnExpressionParseErrorNamesTheKeyInBothLanguages() {
        let text = Fixtures.scorecardYAML.replacingOccurrences(of: "when: b >= 10", with: "when: b => 10")
        let d = Fixtures.scorecardLoad(text, dictionary: dictionary).diagnostics.filter { $0.severity == .error }
        XCTAssertEqual(d.map(TestCatalogue.en.text(of:)), ["in 'when': use '==' to compare"])
        XCTAssertEqual(d.map(TestCatalogue.zh.text(of:)), ["'when' 中的表达式有误：比较是否相等请用「==」"])
    }

    func testASelfReportValidationErrorInBothLanguages() {
        let d = Fixtures.reportLoad(Fixtures.reportYAML(facts: "a: -3"), dictionary: dictionary).diagnostics
        XCTAssertEqual(d.map(\.code), ["report.below-minimum"])
        XCTAssertEqual(d.map(TestCatalogue.en.text(of:)), ["'a' is -3, below the minimum 0"])
        XCTAssertEqual(d.map(TestCatalogue.zh.text(of:)), ["「a」为 -3，低于下限 0"])
    }

    func testADivisionByZeroInBothLanguages() throws {
        let value = try Expression("tenants.total / tenants.zero").value(in: FactEnvironment(values: ["tenants.total": .number(45), "tenants.zero": .number(0)]))
        guard case .error(let problem) = value else { return XCTFail("\(value)") }
        XCTAssertEqual(problem, Message("expression.division-by-zero.fact", "tenants.zero"))
        XCTAssertEqual(TestCatalogue.en.message(problem), "division by zero: 'tenants.zero' is 0")
        XCTAssertEqual(TestCatalogue.zh.message(problem), "除数为零：「tenants.zero」为 0")
        XCTAssertEqual(TestCatalogue.zh.message(ArithmeticProblem(subject: "c.check", operation: "9 × 9").message),
                       "「c.check」：9 × 9 的结果过大，无法精确计算")
    }

    /// A number's size problem is coded by its place and its kind (`scorecard.size.cap.too-large`): every code a place
    /// can give is in both languages, with the same placeholders.
    func testEverySizeCodeIsInTheCatalogue() {
        func kinds(_ limit: NumberLimit) -> [String] {
            (limit.allowsNegative ? [] : ["negative"]) + ["too-large"] + (limit.decimals == 0 ? ["not-whole"] : ["too-precise"])
        }
        let places = ScorecardValidation.sizeCodes + [("review.override.size", NumberLimit.points), ("number.fact", NumberLimit.fact)]
        var codes: [String] = []
        for (place, limit) in places { codes += kinds(limit).map { place + "." + $0 } }
        XCTAssertEqual(codes.count, 45)
        for code in codes {
            XCTAssertTrue(TestCatalogue.zh.has("diagnostics." + code), code)
            XCTAssertTrue(TestCatalogue.en.has("diagnostics." + code), code)
        }
        let negative = Message("scorecard.size.level-points.negative", ["3", "c.judged"] + NumberProblem.negative("-1").arguments)
        XCTAssertEqual(TestCatalogue.en.message(negative), "points of level 3 of criterion 'c.judged': -1 is negative")
        XCTAssertEqual(TestCatalogue.zh.message(negative), "评分项「c.judged」第 3 级的分值：-1 为负数")
    }
}
