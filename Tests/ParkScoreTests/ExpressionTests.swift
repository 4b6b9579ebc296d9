import ParkScore
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

    func parseError(_ source: String) -> ExpressionError? {
        do {
            _ = try Expression(source)
            return nil
        } catch {
            return error
        }
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
        XCTAssertEqual(try value("tenants.total / tenants.zero"), .error("division by zero: 'tenants.zero' is 0"))
        XCTAssertEqual(try value("1 / (2 - 2)"), .error("division by zero"))
        XCTAssertEqual(try value("tenants.total / tenants.zero >= 40%"), .error("division by zero: 'tenants.zero' is 0"))
        // An error does not hide a decisive operand.
        XCTAssertEqual(try value("tenants.total / tenants.zero >= 40% or flag"), .bool(true))
        XCTAssertEqual(try value("tenants.total / tenants.zero >= 40% or off"), .error("division by zero: 'tenants.zero' is 0"))
    }

    func testTypeMismatchesAreErrorValues() throws {
        XCTAssertEqual(try value("name + 1"), .error("cannot add text and number"))
        XCTAssertEqual(try value("name > 3"), .error("cannot compare text with number"))
        XCTAssertEqual(try value("tenants.total and flag"), .error("'and' needs true or false, not number"))
        XCTAssertEqual(try value("not tenants.total"), .error("'not' needs true or false, not number"))
        XCTAssertEqual(try value("count(name)"), .error("'count' needs a list, not text"))
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
        XCTAssertEqual(try eval("tenants.total / tenants.zero >= 1").explanation,
                       "45 / 0 ≥ 1 ! (division by zero: 'tenants.zero' is 0)")
    }

    // MARK: Parse errors, with the column (offset) of the problem

    func testParseErrors() {
        XCTAssertEqual(parseError(""), ExpressionError("expression is empty", at: 0))
        XCTAssertEqual(parseError("tenants.total >"), ExpressionError("expression ends where a value is expected", at: 15))
        XCTAssertEqual(parseError("tenants.total = 3"), ExpressionError("use '==' to compare", at: 14))
        XCTAssertEqual(parseError("a && b"), ExpressionError("use 'and' instead of '&&'", at: 2))
        XCTAssertEqual(parseError("(a or b"), ExpressionError("expected ')' but found end of expression (to close the one at column 1)", at: 7))
        XCTAssertEqual(parseError("cnt(tech)"), ExpressionError("unknown function 'cnt' (did you mean 'count'?)", at: 0))
        XCTAssertEqual(parseError("contains(tech)"), ExpressionError("'contains' takes 2 arguments, not 1", at: 0))
        XCTAssertEqual(parseError("1 < 2 < 3"), ExpressionError("comparisons cannot be chained; join them with 'and'", at: 6))
        XCTAssertEqual(parseError("name == \"星河"), ExpressionError("text starting here is not closed with \"", at: 8))
        XCTAssertEqual(parseError("1.2.3 > 0"), ExpressionError("'1.2.3' is not a number", at: 0))
        XCTAssertEqual(parseError("a b"), ExpressionError("unexpected 'b' after the end of the expression", at: 2))
        XCTAssertEqual(parseError("a # b"), ExpressionError("unexpected character '#'", at: 2))
        XCTAssertEqual(parseError("% 3"), ExpressionError("'%' must follow a number, as in '40%'", at: 0))
        XCTAssertEqual(parseError("tenants."), ExpressionError("expected a name after '.' in 'tenants.'", at: 8))
        XCTAssertEqual(parseError("a and or b"), ExpressionError("expected a value but found 'or'", at: 6))
    }

    func testHostileExpressionsAreRefusedNotFollowed() {
        XCTAssertEqual(parseError(String(repeating: "(", count: 100_000) + "1"),
                       ExpressionError("expression is longer than 4000 characters", at: 4000))
        XCTAssertEqual(parseError(String(repeating: "(", count: 70) + "1" + String(repeating: ")", count: 70)),
                       ExpressionError("expression nests deeper than 64 levels", at: 64))
        XCTAssertEqual(parseError(String(repeating: "not ", count: 100) + "flag"),
                       ExpressionError("expression nests deeper than 64 levels", at: 256))
        XCTAssertEqual(parseError(String(repeating: "-", count: 100) + "1"),
                       ExpressionError("expression nests deeper than 64 levels", at: 64))
        // A long flat chain is fine, and evaluates.
        let chain = Array(repeating: "tenants.total", count: 250).joined(separator: " + ")
        XCTAssertEqual(try value(chain), .number(Rational(45 * 250)))
    }

    func testErrorColumnsCountCharacters() {
        // The column counts characters, as YAML marks do: 星河 is two.
        XCTAssertEqual(parseError("name == '星河' = 1"), ExpressionError("use '==' to compare", at: 13))
    }

    func testLocationInsideTheFile() throws {
        let e = try Expression("a +\n  b", origin: SourceLocation(file: "f.yaml", line: 10, column: 12))
        XCTAssertEqual(e.location(at: 2), SourceLocation(file: "f.yaml", line: 10, column: 14))
        XCTAssertEqual(e.location(at: 6), SourceLocation(file: "f.yaml", line: 11, column: 3))
    }

    // MARK: Static checks

    func testCheckerFindsUnknownFactsAndTypeMismatches() throws {
        let checker = ExpressionChecker(factTypes: ["tenants.total": .number, "flag": .boolean, "tech": .list, "name": .text])
        let (type, issues) = checker.check(try Expression("tenants.totl >= 20 and flag + 1 > 0"))
        XCTAssertEqual(type, .boolean)
        XCTAssertEqual(issues, [
            ExpressionIssue(message: "unknown fact 'tenants.totl' (did you mean 'tenants.total'?)", offset: 0),
            ExpressionIssue(message: "'+' needs numbers, not boolean", offset: 23),
        ])
        XCTAssertEqual(checker.check(try Expression("count(tech)")).type, .number)
        XCTAssertEqual(checker.check(try Expression("name > 'a'")).issues,
                       [ExpressionIssue(message: "cannot order text values with '>'", offset: 0)])
        XCTAssertEqual(checker.check(try Expression("count(name)")).issues,
                       [ExpressionIssue(message: "'count' needs a list, not text", offset: 6)])
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
