import ParkScore
import ParkScoreIO
import ParkYAML
import ParkScoreTestSupport
import XCTest

/// Exact or error: numbers that used to crash, or to be replaced by a fallback value, either come out exact or are a
/// located error naming the number (issue 9, "Wrong results").
final class ExactOrErrorTests: XCTestCase {
    func testTextOfAnyRationalIsExact() {
        // Denominators near Int.max used to reach a negative repeat count in fixed().
        let third = Rational(Int.max / 9, Int.max / 9 * 3)!  // 1/3 after reduction; a big prime-ish one below
        XCTAssertEqual(third.fixed(places: 2), "0.33")
        let big = Rational(Int.max / 2, Int.max)!  // gcd 1: stays with a denominator near Int.max
        XCTAssertEqual(big.denominator, Int.max)
        XCTAssertEqual(big.fixed(places: 2), "0.50")
        let awkward = Rational(Int.max - 1, Int.max)!  // just below 1
        XCTAssertEqual(awkward.fixed(places: 2), "1.00")
        XCTAssertEqual(awkward.formatted(places: 3), "1")
        XCTAssertEqual(Rational(-5, 1000)!.fixed(places: 2), "-0.01", "half away from zero")
        XCTAssertEqual(Rational(-4, 1000)!.fixed(places: 2), "0.00", "no negative zero")
        XCTAssertEqual(Rational(Int.max).fixed(places: 2), "9223372036854775807.00")
        // 900 billion firms × ¥700,000 is ¥630 quintillion... fen: never "¥0".
        let amount = Rational(900_000_000_000).multiplied(by: Rational(700_000))!
        XCTAssertEqual(amount.yuan, "¥630,000,000,000,000,000")
        XCTAssertEqual(Rational(125_050, 100)!.yuan, "¥1,250.50")
    }

    func testNumbersInAReportAreBounded() {
        let dictionary = Fixtures.dictionary()
        let load = Fixtures.reportLoad(Fixtures.reportYAML(facts: "a: 9000000000000000000\nrev: 1.0000001"), dictionary: dictionary)
        XCTAssertEqual(load.diagnostics.filter { $0.severity == .error }.map(TestCatalogue.en.text(of:)), [
            "'a': 9000000000000000000 is larger than 1000000000000000, the most this tool computes exactly here",
            "'rev' must be an amount in yuan such as 3000000 or 1250.50, not number 1.0000001 (an amount in yuan has at most two decimals, to the fen)",
        ])
    }

    func testANumberTooLongToHoldIsSaidToBeThat() {
        let load = Fixtures.reportLoad(Fixtures.reportYAML(facts: "a: 10000000000000.0000001\nrev: 99999999999999999999"))
        XCTAssertEqual(load.diagnostics.filter { $0.severity == .error }.map(TestCatalogue.en.text(of:)), [
            "'a': 10000000000000.0000001 is too large or has too many digits to compute exactly (at most 1000000000000000, with at most 6 decimals)",
            "'rev': 99999999999999999999 is too large or has too many digits to compute exactly (at most 1000000000000000, with at most 6 decimals)",
        ])
    }

    func testSnippetsFollowEveryLineBreakLibyamlKnows() {
        let renderer = DiagnosticRenderer()
        renderer.remember(SourceFile(path: "cr.yaml", bytes: Array("a: 1\rb: 2\rc: x\r".utf8)))
        XCTAssertEqual(renderer.render(.error("bad", at: SourceLocation(file: "cr.yaml", line: 3, column: 4))), "cr.yaml:3:4: error: bad\n    c: x\n       ^\n")
    }

    func testAnOverflowInScoringIsAnErrorNotAFallback() {
        // Loaded without lint's verdict (its errors are ignored here) to reach the engine with a huge point value.
        let yaml = Fixtures.scorecardYAML.replacingOccurrences(of: "points: 4\n", with: "points: 4611686018427387904\n")
        let load = Fixtures.scorecardLoad(yaml)
        XCTAssertTrue(load.diagnostics.contains { TestCatalogue.en.text(of: $0).contains("4611686018427387904 is larger than 1000") }, "\(load.diagnostics)")
        let scorecard = load.value!
        let report = Fixtures.report(Fixtures.reportYAML(facts: "flag: true\nok: true\na: 10\nb: 12"))
        let result = ScoringEngine(dictionary: Fixtures.dictionary()).score(report, against: scorecard)
        XCTAssertFalse(result.arithmeticProblems.isEmpty, "a met check worth 2^62 cannot be weighed exactly: said so, not scored 0")
        XCTAssertTrue(result.arithmeticProblems.contains { TestCatalogue.en.message($0.message).contains("4611686018427387904") }, "\(result.arithmeticProblems)")
    }

    func testYAMLKeysCompareExactly() throws {
        // Compared as doubles these two collided as duplicates.
        let node = try YAMLReader.document("9007199254740993: a\n9007199254740992: b\n")
        XCTAssertEqual(node?.mapping?.count, 2)
        XCTAssertThrowsError(try YAMLReader.document("1: a\n1.0: b\n"), "1 and 1.0 are one key")
    }

    func testAliasedComplexKeysAreComparedWithinABudget() {
        let big = String(repeating: "x", count: 60_000)
        var text = "base: &a \(big)\nmap:\n"
        for i in 0..<15 { text += "  ? [\(Array(repeating: "*a", count: 20).joined(separator: ", ")), \(i)]\n  : v\n" }
        XCTAssertThrowsError(try YAMLReader.document(text)) { error in
            XCTAssertTrue("\(error)".contains("a mapping key is too large to compare"), "\(error)")
        }
    }

    func testPanelRatingsNeverTrap() {
        let rubric = Judged(levels: [Judged.Level(level: 0, points: 0, descriptor: LocalizedText(zh: "无")), Judged.Level(level: Int.max, points: 6, descriptor: LocalizedText(zh: "有"))])
        // Two ratings at Int.max: the sum overflows; the aggregate is refused (nil), never a trap.
        XCTAssertNil(PanelRating.aggregate("c", ratings: [("r1", Int.max), ("r2", Int.max)], rubric: rubric, rule: .standard))
        XCTAssertNil(PanelRating.aggregate("c", ratings: [("r1", Int.min + 1), ("r2", Int.max)], rubric: rubric, rule: .standard))
    }

    func testLinearBoundsNearAHundredMillionStayExact() {
        // c.bands becomes a linear scale from 0 to 29,999,999 on 'a' = 12,345,677: shares with large denominators used
        // to fall back to 0 and the total disagreed with its dimensions.
        let bands = "bands: [{min: 10, points: 6}, {min: 5, points: 3}]"
        XCTAssertTrue(Fixtures.scorecardYAML.contains("        " + bands))
        let yaml = Fixtures.scorecardYAML.replacingOccurrences(of: "        " + bands, with: "        linear: {from: 0, to: 29999999}\n        points: 6")
        let load = Fixtures.scorecardLoad(yaml)
        XCTAssertFalse(load.hasErrors, "\(load.diagnostics)")
        let report = Fixtures.report(Fixtures.reportYAML(facts: "flag: true\nok: true\na: 12345677\nb: 12\nshare: 33%\ntech: [x, y]"))
        let result = ScoringEngine(dictionary: Fixtures.dictionary()).score(report, against: load.value!)
        XCTAssertEqual(result.arithmeticProblems, [])
        // 6 × 12345677 / 29999999 points, exactly.
        XCTAssertEqual(result.criterion("c.bands")?.points, Rational(6 * 12_345_677, 29_999_999))
        let sum = result.dimensions.reduce(Rational.zero) { $0.adding($1.score)! }
        XCTAssertEqual(sum.rounded(places: 2), result.total)
    }

    // Found in the final review.

    func testZeroPercentKeepsItsSign() {
        XCTAssertEqual(Rational.zero.shown(percent: true), "0%")
        XCTAssertEqual(Rational(39_999, 100_000)!.shown(percent: false), "0.39999")
        // A rounded value is marked, so it never reads as equal to a bound it missed (12.46% against a 12.5% band).
        XCTAssertEqual(Rational(1246, 10_000)!.shown(percent: true), "≈12.5%")
        XCTAssertEqual(Rational(19, 45)!.shown(percent: false), "≈0.422")
        XCTAssertEqual(Rational(2, 5)!.shown(percent: true), "40%")
    }

    func testComplexKeysCannotImitateEachOtherNorExhaustMemory() throws {
        // ['a,s:b'] and [a, b] are different keys.
        XCTAssertNoThrow(try YAMLReader.document("? [a, b]\n: 1\n? ['a,s:b']\n: 2\n"))
        // Thousands of complex keys, each expanding a 60 KB anchor: refused by the document's budget, not 900 MB later.
        var text = "anchor: &k \(String(repeating: "x", count: 60_000))\nmap:\n"
        for i in 0..<3000 { text += "  ? [*k, \(i)]\n  : v\n" }
        XCTAssertThrowsError(try YAMLReader.document(text)) { error in
            XCTAssertTrue("\(error)".contains("too large to compare"), "\(error)")
        }
    }
}
