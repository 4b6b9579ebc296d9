import ParkScore
import ParkScoreIO
import ParkScoreTestSupport
import XCTest

/// Every validation error, with its exact message and place. Places are found in the fixture text:
/// `at("needle", in: text)` is the line and column where `needle` first stands (plus `offset` characters).
final class ValidationTests: XCTestCase {
    let dictionary = Fixtures.dictionary()

    func at(_ needle: String, in text: String, offset: Int = 0, occurrence: Int = 1, file: String) -> SourceLocation {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var seen = 0
        for (i, line) in lines.enumerated() {
            if let range = line.range(of: needle) {
                seen += 1
                if seen < occurrence { continue }
                let column = line.unicodeScalars.distance(from: line.unicodeScalars.startIndex, to: range.lowerBound) + 1
                return SourceLocation(file: file, line: i + 1, column: column + offset)
            }
        }
        XCTFail("'\(needle)' not in the fixture")
        return SourceLocation(file: file, line: 0, column: 0)
    }

    func errors(_ diagnostics: [Diagnostic]) -> [Diagnostic] { diagnostics.filter { $0.severity == .error }.english }

    // MARK: Self-reports

    func testWrongTypesAndValuesOutOfRangeAreAllReported() {
        let text = Fixtures.reportYAML(facts: """
        flag: yes
        a: -3
        b: twelve
        share: 120%
        rev: 10.005
        tech: [x, w]
        kind: bace
        since: 2025-02-30
        tenants: {total: 10, related: 12}
        """)
        let d = Fixtures.reportLoad(text, dictionary: dictionary).diagnostics
        let f = "report.yaml"
        // Compared without codes: each refusal's hint shows the accepted forms.
        XCTAssertEqual(d.english, [
            .error("'flag' must be true or false, not text 'yes' (write true or false; 是/否 and 有/无 are read too)", at: at("yes", in: text, file: f), path: "facts.flag"),
            .error("'a' is -3, below the minimum 0", at: at("a: -3", in: text, offset: 3, file: f), path: "facts.a"),
            .error("'b' must be a whole number, not text 'twelve' (accepted: 20, １２, 1,250,000)", at: at("twelve", in: text, file: f), path: "facts.b"),
            .error("'share' is 120%, above the maximum 100%", at: at("120%", in: text, file: f), path: "facts.share"),
            .error("'rev' must be an amount in yuan such as 3000000 or 1250.50, not number 10.005 (an amount in yuan has at most two decimals, to the fen)", at: at("10.005", in: text, file: f), path: "facts.rev"),
            .error("'w' is not an allowed item of 'tech'; allowed: 'x', 'y', 'z'", at: at("w]", in: text, file: f), path: "facts.tech[1]"),
            .error("'kind' must be one of 'park', 'base', not text 'bace' (did you mean 'base'?)", at: at("bace", in: text, file: f), path: "facts.kind"),
            .error("'since' must be a date such as '2025-12-31', not text '2025-02-30' (accepted: 2025-12-31, 2025年12月31日, 2025/12/31)", at: at("2025-02-30", in: text, file: f), path: "facts.since"),
            .error("'tenants.related' is 12, more than 'tenants.total' (10)", at: at("12}", in: text, file: f), path: "facts.tenants.related"),
        ])
    }

    func testPercentNeedsItsSign() {
        let text = Fixtures.reportYAML(facts: "share: 0.42")
        let d = Fixtures.reportLoad(text, dictionary: dictionary).diagnostics
        XCTAssertEqual(d.english, [
            Diagnostic.error("'share' must be a percentage such as '42%', not number 0.42 (write the % sign)",
                             at: at("0.42", in: text, file: "report.yaml"), path: "facts.share"),
        ])
        XCTAssertEqual(d.map(\.code), [DiagnosticCode.invalidPercent])
        XCTAssertEqual(d.map(\.arguments), [["share", "0.42"]])
    }

    /// Issue 12, item 4: a typo of a known fact key (`tenants.gazele_firms`) was only a warning, and `validate` said
    /// `valid`; it is an error naming both keys. A key like no known one stays a warning.
    func testAnUnknownFactATypoAwayFromAKnownOneIsAnErrorNamingBoth() {
        let text = Fixtures.reportYAML(facts: "tenants: {totl: 45}\nflg: true\nmy_own_note: 3")
        let loaded = Fixtures.reportLoad(text, dictionary: dictionary)
        XCTAssertEqual(loaded.diagnostics.map(\.code), [DiagnosticCode.unknownFactTypo, DiagnosticCode.unknownFactTypo, DiagnosticCode.unknownFact])
        XCTAssertEqual(loaded.diagnostics.map(\.arguments), [["tenants.totl", "tenants.total"], ["flg", "flag"], ["my_own_note"]])
        XCTAssertEqual(loaded.diagnostics.english, [
            Diagnostic.error("unknown fact 'tenants.totl': did you mean 'tenants.total'? (a misspelt key is not read, so 'tenants.total' counts as not given)",
                             at: at("totl", in: text, file: "report.yaml"), path: "facts.tenants.totl"),
            Diagnostic.error("unknown fact 'flg': did you mean 'flag'? (a misspelt key is not read, so 'flag' counts as not given)",
                             at: at("flg", in: text, file: "report.yaml"), path: "facts.flg"),
            Diagnostic.warning("unknown fact 'my_own_note'", at: at("my_own_note", in: text, file: "report.yaml"), path: "facts.my_own_note"),
        ])
        XCTAssertEqual(loaded.value?.misspelledFacts.map(\.known), ["tenants.total", "flag"])
    }

    func testStructureOfTheSelfReport() {
        let text = """
        park: {nam: 测试园区}
        period: {from: 2025-01-01, to: 2024-12-31}
        facts: {}
        evidnce: []
        """
        let f = "report.yaml"
        XCTAssertEqual(Fixtures.reportLoad(text, dictionary: dictionary).diagnostics.english, [
            .error("'park' is missing the required key 'name'", at: at("{nam", in: text, file: f), path: "park"),
            .error("unknown key 'nam' in 'park' (did you mean 'name'?)", at: at("nam", in: text, file: f), path: "park.nam"),
            .error("the period ends (2024-12-31) before it starts (2025-01-01)", at: at("2024-12-31", in: text, file: f), path: "period.to"),
            .error("unknown key 'evidnce' in the self-report (did you mean 'evidence'?)", at: at("evidnce", in: text, file: f), path: "evidnce"),
        ])
    }

    func testSelfAssessmentAgainstTheScorecard() {
        let scorecard = Fixtures.scorecard(dictionary: dictionary)
        let text = Fixtures.reportYAML(facts: "flag: true", assessment: """
        ratings:
          c.judged: 7
          c.check: 1
          c.jugded: 1
        not_applicable:
          c.bands: 不适用
          c.na: ''
        """, evidence: """
          - {id: e1, title: 证明, file: ../outside.pdf, sha256: ABC, supports: [c.chek]}
          - {id: e1, title: 证明, file: evidence/e1.pdf}
        """)
        let f = "report.yaml"
        let d = Fixtures.reportLoad(text, dictionary: dictionary, scorecards: [scorecard]).diagnostics
        XCTAssertEqual(d.english, [
            .error("level 7 is not in the rubric of 'c.judged' (levels 0, 1, 2)", at: at("7", in: text, file: f), path: "self_assessment.test-card.ratings.c.judged"),
            .error("criterion 'c.check' is a check, not judged: it takes no rating", at: at("c.check: 1", in: text, offset: 9, file: f), path: "self_assessment.test-card.ratings.c.check"),
            .error("unknown criterion 'c.jugded' in scorecard 'test-card' (did you mean 'c.judged'?)", at: at("c.jugded: 1", in: text, offset: 10, file: f), path: "self_assessment.test-card.ratings.c.jugded"),
            .error("criterion 'c.bands' does not allow N/A", at: at("c.bands", in: text, file: f), path: "self_assessment.test-card.not_applicable.c.bands"),
            .error("N/A for 'c.na' needs a justification", at: at("c.na", in: text, file: f), path: "self_assessment.test-card.not_applicable.c.na"),
            // Each at the value it is about: the file's path, the sha256 (issue 12: the caret was at '- id:').
            .warning("evidence 'e1' supports 'c.chek', which is no known fact, gate or criterion (did you mean 'c.check'?)", at: at("{id: e1", in: text, file: f), path: "evidence[0]"),
            .error("evidence file '../outside.pdf' must be a path inside the application folder", at: at("../outside.pdf", in: text, file: f), path: "evidence[0]"),
            .error("sha256 of evidence 'e1' must be 64 hex digits (0-9 and a-f, in either case), not 3 characters", at: at("ABC", in: text, file: f),
                   path: "evidence[0].sha256"),
            .error("duplicate evidence id 'e1' (first at \(at("{id: e1", in: text, file: f).line):5)", at: at("{id: e1, title: 证明, file: evidence", in: text, file: f), path: "evidence[1]"),
        ])
    }

    func testYAMLErrorsCarryFileLineAndColumn() {
        let text = "park:\n  name: a\n bad: b\n"
        XCTAssertEqual(Fixtures.reportLoad(text, dictionary: dictionary).diagnostics.map(TestCatalogue.en.line(for:)), [
            "report.yaml:3:2: error: did not find expected key while parsing a block mapping (started at 1:1)",
        ])
        XCTAssertEqual(Fixtures.reportLoad("", dictionary: dictionary).diagnostics.map(TestCatalogue.en.line(for:)), [
            "report.yaml:1:1: error: file is empty",
        ])
        XCTAssertEqual(Fixtures.reportLoad("- a\n- b\n", dictionary: dictionary).diagnostics.english, [
            .error("the self-report must be a mapping, not a sequence", at: SourceLocation(file: "report.yaml", line: 1, column: 1)),
        ])
        let dup = "park: {name: a}\npark: {name: b}\n"
        XCTAssertEqual(Fixtures.reportLoad(dup, dictionary: dictionary).diagnostics.map(TestCatalogue.en.line(for:)), [
            "report.yaml:2:1: error: duplicate key 'park' (first at 1:1)",
        ])
    }

    func testAliasedFactValueReportsAtTheAlias() {
        let text = Fixtures.reportYAML(facts: "a: &n -1\nb: *n")
        let d = Fixtures.reportLoad(text, dictionary: dictionary).diagnostics
        XCTAssertEqual(d.english, [
            .error("'a' is -1, below the minimum 0", at: at("&n", in: text, file: "report.yaml"), path: "facts.a"),
            .error("'b' is -1, below the minimum 0", at: at("*n", in: text, file: "report.yaml"), path: "facts.b"),
        ])
    }

    // MARK: Scorecards

    func scorecardDiagnostics(_ text: String) -> [Diagnostic] {
        errors(Fixtures.scorecardLoad(text, dictionary: dictionary).diagnostics)
    }

    func testTheFixtureScorecardIsClean() {
        XCTAssertEqual(Fixtures.scorecardLoad(Fixtures.scorecardYAML, dictionary: dictionary).diagnostics, [])
    }

    func testUnknownFactInAnExpressionPointsInsideTheScalar() {
        let text = Fixtures.scorecardYAML.replacingOccurrences(of: "when: b >= 10", with: "when: flag and bb >= 10")
        XCTAssertEqual(scorecardDiagnostics(text), [
            .error("unknown fact 'bb' (did you mean 'b'?)", at: at("bb >= 10", in: text, file: "card.yaml")),
        ])
        let quoted = Fixtures.scorecardYAML.replacingOccurrences(of: "when: b >= 10", with: "when: 'flag and bb >= 10'")
        XCTAssertEqual(scorecardDiagnostics(quoted), [
            .error("unknown fact 'bb' (did you mean 'b'?)", at: at("bb >= 10", in: quoted, file: "card.yaml")),
        ])
    }

    func testExpressionParseErrorPointsAtItsColumn() {
        let text = Fixtures.scorecardYAML.replacingOccurrences(of: "when: b >= 10", with: "when: b => 10")
        XCTAssertEqual(scorecardDiagnostics(text), [
            .error("in 'when': use '==' to compare", at: at("=> 10", in: text, file: "card.yaml"), path: "dimensions[0].criteria[0].when"),
        ])
    }

    func testWrongTypeOfCondition() {
        let text = Fixtures.scorecardYAML.replacingOccurrences(of: "when: b >= 10", with: "when: b + 10")
        XCTAssertEqual(scorecardDiagnostics(text), [
            .error("condition of criterion 'c.check' gives a number, not true or false", at: at("b + 10", in: text, file: "card.yaml")),
        ])
    }

    func testDuplicateIDsWeightsBandsAndClauses() {
        var text = Fixtures.scorecardYAML
        text = text.replacingOccurrences(of: "- id: c.bands", with: "- id: c.check")
        text = text.replacingOccurrences(of: "weight: 10", with: "weight: 5")
        text = text.replacingOccurrences(of: "{id: B, title: {zh: 良好, en: Good}, min: 60, max: 80}", with: "{id: B, title: {zh: 良好, en: Good}, min: 55, max: 75}")
        text = text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.contains("quote: 可选") }.joined(separator: "\n")
        let f = "card.yaml"
        XCTAssertEqual(scorecardDiagnostics(text), [
            .error("grade bands leave a gap between 75 and 80", at: at("{id: A", in: text, file: f)),
            .error("grade bands 'C' (0–60) and 'B' (55–75) overlap", at: at("{id: B", in: text, file: f)),
            .error("dimension weights add up to 95, not 100", at: at("- id: d1", in: text, offset: 2, file: f)),
            .error("duplicate criterion id 'c.check' (first at \(at("- id: c.check", in: text, offset: 2, file: f).line):\(at("- id: c.check", in: text, offset: 2, file: f).column))",
                   at: at("- id: c.check", in: text, offset: 2, occurrence: 2, file: f)),
            .error("criterion 'c.opt' cites no source clause", at: at("- id: c.opt", in: text, offset: 2, file: f)),
        ])
    }

    func testBandsMustStartAtZeroAndEndAtHundred() {
        var text = Fixtures.scorecardYAML
        text = text.replacingOccurrences(of: "min: 80, max: 100", with: "min: 80, max: 95")
        text = text.replacingOccurrences(of: "min: 0, max: 60", with: "min: 10, max: 60")
        XCTAssertEqual(scorecardDiagnostics(text), [
            .error("grade bands end at 95, not 100", at: at("{id: A", in: text, file: "card.yaml")),
            .error("grade bands start at 10, not 0", at: at("{id: C", in: text, file: "card.yaml")),
        ])
    }

    func testUnknownKindAndUnknownCap() {
        var text = Fixtures.scorecardYAML.replacingOccurrences(of: "kind: checklist", with: "kind: checklst")
        text = text.replacingOccurrences(of: "cap_grade: B", with: "cap_grade: BB")
        let f = "card.yaml"
        XCTAssertEqual(scorecardDiagnostics(text), [
            .error("gate 'g.cap' caps the grade at 'BB', which is not a grade band (did you mean 'B'?)", at: at("- id: g.cap", in: text, offset: 2, file: f)),
            .error("unknown criterion kind 'checklst' (did you mean 'checklist'?); kinds: check, scale, checklist, judged",
                   at: at("checklst", in: text, file: f), path: "dimensions[1].criteria[0].kind"),
            .error("unknown key 'cap' in an item of 'criteria'", at: at("cap: 5", in: text, file: f), path: "dimensions[1].criteria[0].cap"),
            .error("unknown key 'items' in an item of 'criteria'", at: at("items:", in: text, file: f), path: "dimensions[1].criteria[0].items"),
        ])
    }

    /// Every gate states its basis: a missing one is refused at the gate, an unknown one at its value.
    func testGateBasisIsRequiredAndKnown() {
        var text = Fixtures.scorecardYAML.replacingOccurrences(of: "    basis: text\n", with: "")
        text = text.replacingOccurrences(of: "basis: proposal", with: "basis: proposl")
        let f = "card.yaml"
        XCTAssertEqual(scorecardDiagnostics(text), [
            .error("an item of 'gates' is missing the required key 'basis'", at: at("- id: g.flag", in: text, offset: 2, file: f), path: "gates[0]"),
            .error("'basis' must be 'text' (the clause states the condition) or 'proposal' (the scorecard's own), not 'proposl' (did you mean 'proposal'?)",
                   at: at("proposl", in: text, file: f), path: "gates[1].basis"),
        ])
    }

    func testIncentives() {
        var text = Fixtures.scorecardYAML
        text = text.replacingOccurrences(of: "    rate: 50%\n", with: "    rate: 150%\n")
        text = text.replacingOccurrences(of: "    base: rev * 2\n", with: "    base: kind\n")
        text = text.replacingOccurrences(of: "    cap: 3000000\n    period: once\n", with: "    cap: 3000000\n    period: once\n    years: 2\n")
        let f = "card.yaml"
        XCTAssertEqual(scorecardDiagnostics(text), [
            .error("incentive 's.once' is granted once: 'years' applies to 'period: year' only", at: at("- id: s.once", in: text, offset: 2, file: f)),
            .error("rate of incentive 's.rate' must be above 0% and at most 100%", at: at("- id: s.rate", in: text, offset: 2, file: f)),
            .error("base of incentive 's.rent' gives a text, not a number", at: at("base: kind", in: text, offset: 6, file: f)),
        ])
    }

    func testDerivedFacts() {
        let text = Fixtures.scorecardYAML.replacingOccurrences(of: "gates:\n", with: """
        derived:
          - {key: ratio, expr: later * 2}
          - {key: later, expr: tenants.related / tenants.total, percent: true}
          - {key: flag, expr: a > 1}
        gates:

        """)
        let f = "card.yaml"
        XCTAssertEqual(scorecardDiagnostics(text), [
            .error("derived fact 'ratio' uses 'later', which is defined after it", at: at("later * 2", in: text, file: f)),
            .error("derived fact 'flag' has the key of a fact in the dictionary", at: at("{key: flag", in: text, file: f)),
        ])
    }
}

