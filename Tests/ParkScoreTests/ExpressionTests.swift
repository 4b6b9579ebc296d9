import ParkScore
import ParkScoreIO
import ParkScoreTestSupport
import XCTest

final class ExpressionTests: XCTestCase {
    let facts: [String: Value] = [
        "tenants.total": .number(45),
        "tenants.advertising_related": .number(19),
        "tenants.zero": .number(0),
        "share": .number(Rational(3, 10)!),
        "flag": .bool(true),
        "off": .bool(false),
        "name": .text("星河"),
        "since": .date("2021-06-01"),
        "tech": .list([.text("big_data"), .text("blockchain")]),
        "amounts": .list([.number(3), .number(4), .number(5)]),
    ]

    func eval(_ source: String, percent: Set<String> = []) throws -> Evaluation {
        try Expression(source).evaluate(in: FactEnvironment(values: facts, percentKeys: percent))
    }

    func value(_ source: String) throws -> Value { try eval(source).value }

    /// The parse error in English as a scorecard's `when` would show it, and its offset: `in 'e': … @15`.
    func parseError(_ source: String) -> String? {
        do {
            _ = try Expression(source)
            return nil
        } catch {
            return "\(TestCatalogue.en.message(error.message(in: "'e'"))) @\(error.offset)"
        }
    }

    /// What an error value says, in English (nil for a value that is not an error).
    func said(_ source: String) throws -> String? {
        guard case .error(let message) = try value(source) else { return nil }
        return TestCatalogue.en.message(message)
    }

    // MARK: Operators

    func testArithmetic() throws {
        XCTAssertEqual(try value("1 + 2 * 3"), .number(7))
        XCTAssertEqual(try value("(1 + 2) * 3"), .number(9))
        XCTAssertEqual(try value("10 - 4 - 3"), .number(3))
        XCTAssertEqual(try value("19 / 45"), .number(Rational(19, 45)!))
        XCTAssertEqual(try value("-tenants.total + 50"), .number(5))
        XCTAssertEqual(try value("0.1 + 0.2 == 0.3"), .bool(true))
    }

    func testPercentLiteralIsAFraction() throws {
        XCTAssertEqual(try value("40%"), .number(Rational(2, 5)!))
        XCTAssertEqual(try value("12.5%"), .number(Rational(1, 8)!))
        XCTAssertEqual(try value("18 / 45 >= 40%"), .bool(true))
        XCTAssertEqual(try value("18 / 46 >= 40%"), .bool(false))
    }

    func testComparisons() throws {
        XCTAssertEqual(try value("tenants.total > 44"), .bool(true))
        XCTAssertEqual(try value("tenants.total >= 45"), .bool(true))
        XCTAssertEqual(try value("tenants.total < 45"), .bool(false))
        XCTAssertEqual(try value("tenants.total <= 45"), .bool(true))
        XCTAssertEqual(try value("tenants.total == 45"), .bool(true))
        XCTAssertEqual(try value("tenants.total != 45"), .bool(false))
        XCTAssertEqual(try value("tenants.total ≥ 45"), .bool(true))
        XCTAssertEqual(try value("tenants.total ≤ 44"), .bool(false))
        XCTAssertEqual(try value("tenants.total ≠ 44"), .bool(true))
        XCTAssertEqual(try value("name == \"星河\""), .bool(true))
        XCTAssertEqual(try value("name != '星河'"), .bool(false))
        XCTAssertEqual(try value("flag == true"), .bool(true))
        XCTAssertEqual(try value("since < \"2022-01-01\""), .bool(true))
        XCTAssertEqual(try value("since >= \"2022-01-01\""), .bool(false))
    }

    func testLogic() throws {
        XCTAssertEqual(try value("flag and not off"), .bool(true))
        XCTAssertEqual(try value("flag and off"), .bool(false))
        XCTAssertEqual(try value("off or flag"), .bool(true))
        XCTAssertEqual(try value("not flag"), .bool(false))
        XCTAssertEqual(try value("off or off"), .bool(false))
        // 'and' binds tighter than 'or'
        XCTAssertEqual(try value("flag or off and off"), .bool(true))
    }

    func testFunctions() throws {
        XCTAssertEqual(try value("count(tech)"), .number(2))
        XCTAssertEqual(try value("sum(amounts)"), .number(12))
        XCTAssertEqual(try value("min(amounts)"), .number(3))
        XCTAssertEqual(try value("max(amounts)"), .number(5))
        XCTAssertEqual(try value("min(tenants.total, 10, 700)"), .number(10))
        XCTAssertEqual(try value("max(tenants.total * 50%, 20)"), .number(Rational(45, 2)!))
        XCTAssertEqual(try value("contains(tech, \"blockchain\")"), .bool(true))
        XCTAssertEqual(try value("contains(tech, \"large_models\")"), .bool(false))
        XCTAssertEqual(try value("contains([\"a\", \"b\"], \"b\")"), .bool(true))
        XCTAssertEqual(try value("count([])"), .number(0))
    }

    // MARK: Three-valued logic

    func testMissingFactsAreUnknown() throws {
        XCTAssertEqual(try value("missing.fact"), .unknown(missing: ["missing.fact"]))
        XCTAssertEqual(try value("missing.a + missing.b"), .unknown(missing: ["missing.a", "missing.b"]))
        XCTAssertEqual(try value("missing.a >= 3"), .unknown(missing: ["missing.a"]))
        XCTAssertEqual(try value("count(missing.list)"), .unknown(missing: ["missing.list"]))
    }

    func testThreeValuedTruthTables() throws {
        // true or unknown = true; false and unknown = false; the rest stays unknown.
        XCTAssertEqual(try value("flag or missing.x"), .bool(true))
        XCTAssertEqual(try value("missing.x or flag"), .bool(true))
        XCTAssertEqual(try value("off or missing.x"), .unknown(missing: ["missing.x"]))
        XCTAssertEqual(try value("off and missing.x"), .bool(false))
        XCTAssertEqual(try value("missing.x and off"), .bool(false))
        XCTAssertEqual(try value("flag and missing.x"), .unknown(missing: ["missing.x"]))
        XCTAssertEqual(try value("not missing.x"), .unknown(missing: ["missing.x"]))
        XCTAssertEqual(try value("missing.x or missing.y"), .unknown(missing: ["missing.x", "missing.y"]))
    }

    func testTheBeijingConditionWithAMissingTotal() throws {
        let condition = "tenants.advertising_related / missing.total >= 40% or tenants.advertising_related >= 20"
        XCTAssertEqual(try value(condition), .unknown(missing: ["missing.total"]))
    }

    // MARK: Errors as values

    func testDivisionByZeroIsAnErrorValue() throws {
        XCTAssertEqual(try said("tenants.total / tenants.zero"), "division by zero: 'tenants.zero' is 0")
        XCTAssertEqual(try said("1 / (2 - 2)"), "division by zero")
        XCTAssertEqual(try said("tenants.total / tenants.zero >= 40%"), "division by zero: 'tenants.zero' is 0")
        // An error does not hide a decisive operand.
        XCTAssertEqual(try value("tenants.total / tenants.zero >= 40% or flag"), .bool(true))
        XCTAssertEqual(try said("tenants.total / tenants.zero >= 40% or off"), "division by zero: 'tenants.zero' is 0")
    }

    func testTypeMismatchesAreErrorValues() throws {
        XCTAssertEqual(try said("name + 1"), "cannot add text and number")
        XCTAssertEqual(try said("name > 3"), "cannot compare text with number")
        XCTAssertEqual(try said("tenants.total and flag"), "'and' needs true or false, not number")
        XCTAssertEqual(try said("not tenants.total"), "'not' needs true or false, not number")
        XCTAssertEqual(try said("count(name)"), "'count' needs a list, not text")
    }

    // MARK: Explanations

    func testExplanationSubstitutesValues() throws {
        XCTAssertEqual(try eval("tenants.advertising_related / tenants.total >= 0.40").explanation, "19 / 45 ≈ 0.422 ≥ 0.40 ✓")
        XCTAssertEqual(try eval("tenants.advertising_related / tenants.total >= 40% or tenants.advertising_related >= 20").explanation,
                       "19 / 45 ≈ 0.422 ≥ 40% ✓ or 19 ≥ 20 ✗ ⇒ ✓")
        XCTAssertEqual(try eval("tenants.total").explanation, "tenants.total = 45")
        XCTAssertEqual(try eval("missing.x").explanation, "missing.x = ?")
        XCTAssertEqual(try eval("missing.x >= 3").explanation, "missing.x? ≥ 3 ?")
        XCTAssertEqual(try eval("flag and tenants.total > 50").explanation, "flag = true and 45 > 50 ✗ ⇒ ✗")
        XCTAssertEqual(try eval("share >= 25%", percent: ["share"]).explanation, "30% ≥ 25% ✓")
        XCTAssertEqual(try eval("count(tech) >= 3").explanation, "count([big_data, blockchain]) = 2 ≥ 3 ✗")
        XCTAssertEqual(try eval("tenants.total * (1 + 10%)").explanation, "45 × (1 + 10%) = 49.5")
        // The engine puts a problem in the formula as its code; the catalogue words it where the formula is shown.
        XCTAssertEqual(try eval("tenants.total / tenants.zero >= 1").explanation,
                       "45 / 0 ≥ 1 ! (expression.division-by-zero.fact('tenants.zero'))")
        let expression = try Expression("tenants.total / tenants.zero >= 1")
        XCTAssertEqual(ExpressionTrace(expression, FactEnvironment(values: facts)).text(words: TestCatalogue.en.message),
                       "45 / 0 ≥ 1 ! (division by zero: 'tenants.zero' is 0)")
        XCTAssertEqual(ExpressionTrace(expression, FactEnvironment(values: facts)).text(words: TestCatalogue.zh.message),
                       "45 / 0 ≥ 1 ! (除数为零：「tenants.zero」为 0)")
    }

    // MARK: Parse errors, with the column (offset) of the problem

    func testParseErrors() {
        XCTAssertEqual(parseError(""), "in 'e': expression is empty @0")
        XCTAssertEqual(parseError("tenants.total >"), "in 'e': expression ends where a value is expected @15")
        XCTAssertEqual(parseError("tenants.total = 3"), "in 'e': use '==' to compare @14")
        XCTAssertEqual(parseError("a && b"), "in 'e': use 'and' instead of '&&' @2")
        XCTAssertEqual(parseError("(a or b"), "in 'e': expected ')' but found end of expression (to close the one at column 1) @7")
        XCTAssertEqual(parseError("cnt(tech)"), "in 'e': unknown function 'cnt' (did you mean 'count'?) @0")
        XCTAssertEqual(parseError("contains(tech)"), "in 'e': 'contains' takes 2 arguments, not 1 @0")
        XCTAssertEqual(parseError("1 < 2 < 3"), "in 'e': comparisons cannot be chained; join them with 'and' @6")
        XCTAssertEqual(parseError("name == \"星河"), "in 'e': text starting here is not closed with \" @8")
        XCTAssertEqual(parseError("1.2.3 > 0"), "in 'e': '1.2.3' is not a number @0")
        XCTAssertEqual(parseError("a b"), "in 'e': unexpected 'b' after the end of the expression @2")
        XCTAssertEqual(parseError("a # b"), "in 'e': unexpected character '#' @2")
        XCTAssertEqual(parseError("% 3"), "in 'e': '%' must follow a number, as in '40%' @0")
        XCTAssertEqual(parseError("tenants."), "in 'e': expected a name after '.' in 'tenants.' @8")
        XCTAssertEqual(parseError("a and or b"), "in 'e': expected a value but found 'or' @6")
    }

    func testHostileExpressionsAreRefusedNotFollowed() {
        XCTAssertEqual(parseError(String(repeating: "(", count: 100_000) + "1"),
                       "in 'e': expression is longer than 4000 characters @4000")
        XCTAssertEqual(parseError(String(repeating: "(", count: 70) + "1" + String(repeating: ")", count: 70)),
                       "in 'e': expression nests deeper than 64 levels @64")
        XCTAssertEqual(parseError(String(repeating: "not ", count: 100) + "flag"),
                       "in 'e': expression nests deeper than 64 levels @256")
        XCTAssertEqual(parseError(String(repeating: "-", count: 100) + "1"),
                       "in 'e': expression nests deeper than 64 levels @64")
        // A long flat chain is fine, and evaluates.
        let chain = Array(repeating: "tenants.total", count: 250).joined(separator: " + ")
        XCTAssertEqual(try value(chain), .number(Rational(45 * 250)))
    }

    func testErrorColumnsCountCharacters() {
        // The column counts characters, as YAML marks do: 星河 is two.
        XCTAssertEqual(parseError("name == '星河' = 1"), "in 'e': use '==' to compare @13")
    }

    func testLocationInsideTheFile() throws {
        let e = try Expression("a +\n  b", origin: SourceLocation(file: "f.yaml", line: 10, column: 12))
        XCTAssertEqual(e.location(at: 2), SourceLocation(file: "f.yaml", line: 10, column: 14))
        XCTAssertEqual(e.location(at: 6), SourceLocation(file: "f.yaml", line: 11, column: 3))
    }

    // MARK: Static checks

    func testCheckerFindsUnknownFactsAndTypeMismatches() throws {
        let checker = ExpressionChecker(factTypes: ["tenants.total": .number, "flag": .boolean, "tech": .list, "name": .text])
        func said(_ issues: [ExpressionIssue]) -> [String] { issues.map { TestCatalogue.en.message($0.message) + " @\($0.offset)" } }
        let (type, issues) = checker.check(try Expression("tenants.totl >= 20 and flag + 1 > 0"))
        XCTAssertEqual(type, .boolean)
        XCTAssertEqual(said(issues), [
            "unknown fact 'tenants.totl' (did you mean 'tenants.total'?)" + " @0",
            "'+' needs numbers, not boolean" + " @23",
        ])
        XCTAssertEqual(checker.check(try Expression("count(tech)")).type, .number)
        XCTAssertEqual(said(checker.check(try Expression("name > 'a'")).issues),
                       ["cannot order text values with '>'" + " @0"])
        XCTAssertEqual(said(checker.check(try Expression("count(name)")).issues),
                       ["'count' needs a list, not text" + " @6"])
    }

    // MARK: Exact numbers

    func testRational() {
        XCTAssertEqual(Rational(decimal: "0.40"), Rational(2, 5))
        XCTAssertEqual(Rational(decimal: "1.5e6"), Rational(1_500_000))
        XCTAssertEqual(Rational(decimal: "-2E-3"), Rational(-1, 500))
        XCTAssertNil(Rational(decimal: "12.5%"))
        XCTAssertNil(Rational(decimal: "1.2.3"))
        XCTAssertNil(Rational(decimal: ""))
        XCTAssertNil(Rational(decimal: "99999999999999999999"))
        XCTAssertEqual(Rational(19, 45)!.formatted(places: 3), "0.422")
        XCTAssertEqual(Rational(1, 3)!.formatted(places: 2), "0.33")
        XCTAssertEqual(Rational(2, 3)!.formatted(places: 2), "0.67")
        XCTAssertEqual(Rational(-5, 2)!.formatted(places: 0), "-3")
        XCTAssertEqual(Rational(1, 8)!.rounded(places: 2), Rational(13, 100))
        XCTAssertEqual(Rational(235, 3)!.rounded(places: 2), Rational(7833, 100))
        XCTAssertTrue(Rational(18, 45)! == Rational(decimal: "0.4")!)
        XCTAssertTrue(Rational(18, 46)! < Rational(decimal: "0.4")!)
        XCTAssertNil(Rational(Int.max).multiplied(by: 2))
        XCTAssertNil(Rational(1).divided(by: .zero))
    }
}
