import ParkScore
import ParkScoreIO
import ParkScoreTestSupport
import XCTest

/// `evidence --fill`: every missing or stale sha256 written in, no other byte of the report changed (line breaks, a
/// byte-order mark, comments, quoting), and what cannot be hashed left alone with a reason.
final class EvidenceHashFillTests: XCTestCase {
    let files: [String: [UInt8]] = ["e/a.txt": Array("甲\n".utf8), "e/b.txt": Array("乙\n".utf8)]
    var a: String { SHA256Text.of(files["e/a.txt"]!) }
    var b: String { SHA256Text.of(files["e/b.txt"]!) }

    func fill(_ bytes: [UInt8]) -> Loaded<EvidenceHashFill> {
        EvidenceHashFill.plan(SourceFile(path: "report.yaml", bytes: bytes), evidence: EvidenceInMemory(files))
    }

    func fill(_ text: String) -> Loaded<EvidenceHashFill> { fill(Array(text.utf8)) }

    func testCRLFLineBreaksAndAByteOrderMarkAreKept() throws {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let text = "evidence:\r\n  - id: x\r\n    file: e/a.txt\r\n    title: 甲\r\n"
        let loaded = fill(bom + Array(text.utf8))
        XCTAssertEqual(loaded.diagnostics, [])
        let result = try XCTUnwrap(loaded.value)
        XCTAssertEqual(result.bytes, bom + Array("evidence:\r\n  - id: x\r\n    file: e/a.txt\r\n    sha256: \(a)\r\n    title: 甲\r\n".utf8))
        XCTAssertEqual(result.entries.map(\.outcome), [.added(a)])
    }

    func testEmptyNullStaleQuotedAndUppercaseValues() throws {
        let upper = b.uppercased()
        let text = """
        evidence:
          - {id: empty, file: e/a.txt, sha256: }
          - id: tilde
            file: e/a.txt
            sha256: ~
          - id: stale
            file: e/b.txt
            sha256: "\(a)"   # 旧值
          - id: upper
            file: e/b.txt
            sha256: \(upper)
          - id: last
            file: "e/b.txt"
        """
        let result = try XCTUnwrap(fill(text).value)
        XCTAssertEqual(String(decoding: result.bytes, as: UTF8.self), """
        evidence:
          - {id: empty, file: e/a.txt, sha256: \(a) }
          - id: tilde
            file: e/a.txt
            sha256: \(a)
          - id: stale
            file: e/b.txt
            sha256: "\(b)"   # 旧值
          - id: upper
            file: e/b.txt
            sha256: \(upper)
          - id: last
            file: "e/b.txt"
            sha256: \(b)
        """)
        XCTAssertEqual(result.entries.map(\.outcome), [.added(a), .added(a), .replaced(old: a, new: b), .unchanged, .added(b)])
    }

    func testWhatCannotBeHashedOrRewrittenIsLeftAloneWithAReason() throws {
        let text = """
        evidence:
          - {id: out, file: ../x.txt}
          - {id: gone, file: e/none.txt}
          - id: folded
            file: e/a.txt
            sha256: >
              0000
        """
        let loaded = fill(text)
        XCTAssertEqual(loaded.diagnostics.map(TestCatalogue.en.line(for:)), [
            "report.yaml:2:21: error: sha256 of evidence 'out' not filled: evidence file '../x.txt' leads outside the application folder",
            "report.yaml:3:22: error: sha256 of evidence 'gone' not filled: evidence file 'e/none.txt' is missing",
            "report.yaml:6:13: error: sha256 of evidence 'folded' not filled: its sha256 is not written as one plain or quoted value on its line; write it so, or delete it, and fill again",
        ])
        XCTAssertEqual(loaded.diagnostics.map(\.code), Array(repeating: DiagnosticCode.sha256NotFilled, count: 3))
        let result = try XCTUnwrap(loaded.value)
        XCTAssertFalse(result.changed)
        XCTAssertEqual(result.bytes, Array(text.utf8))
    }

    func testAReportThatIsNotYAMLIsNotTouched() {
        let loaded = fill("evidence: [\n")
        XCTAssertNil(loaded.value)
        XCTAssertEqual(loaded.diagnostics.count, 1)
    }

    /// Issue 12: an uppercase sha256 (PowerShell's Get-FileHash) was refused as "must be 64 lowercase hex digits".
    func testTheEvidenceCheckComparesInEitherCase() throws {
        let dictionary = Fixtures.dictionary()
        let text = Fixtures.reportYAML(facts: "flag: true", evidence: "  - {id: x, title: 甲, file: e/a.txt, sha256: \(a.uppercased())}")
        let loaded = Fixtures.reportLoad(text, dictionary: dictionary, scorecards: [Fixtures.scorecard(dictionary: dictionary)])
        XCTAssertEqual(loaded.diagnostics.filter { $0.severity == .error }, [])
        let report = try XCTUnwrap(loaded.value)
        let checked = EvidenceCheck.check(report, source: EvidenceInMemory(files))
        XCTAssertEqual(checked.diagnostics, [])
        XCTAssertEqual(checked.states, ["x": .verified])
        // A mismatch points at the sha256 value: line 6 "  - {id: x, title: 甲, file: e/a.txt, sha256: " is 45 characters.
        let wrong = Fixtures.report(Fixtures.reportYAML(facts: "flag: true", evidence: "  - {id: x, title: 甲, file: e/a.txt, sha256: \(b)}"),
                                    dictionary: dictionary)
        let mismatch = EvidenceCheck.check(wrong, source: EvidenceInMemory(files)).diagnostics
        XCTAssertEqual(mismatch.map { $0.location.map { "\($0.line):\($0.column)" } }, ["6:46"])
        XCTAssertEqual(mismatch.first?.code, DiagnosticCode.sha256Mismatch)
    }

    /// Issue 12: errors came in rounds — a period that could not be read hid the evidence problems until it was fixed.
    func testAPeriodThatCannotBeReadDoesNotHideTheEvidenceProblems() throws {
        let dictionary = Fixtures.dictionary()
        let text = """
        park: {name: 测试园区}
        period: {from: 2025-13-01, to: 2025-12-31}
        facts:
          flg: true
        evidence:
          - {id: x, title: 甲, file: e/a.txt, sha256: abc}
        """
        let loaded = Fixtures.reportLoad(text, dictionary: dictionary, scorecards: [Fixtures.scorecard(dictionary: dictionary)])
        XCTAssertEqual(loaded.diagnostics.filter { $0.severity == .error }.map(TestCatalogue.en.line(for:)), [
            "report.yaml:2:16: error: 'from' must be a date such as '2025-12-31', not text '2025-13-01' (accepted: 2025-12-31, 2025年12月31日, 2025/12/31)",
            "report.yaml:4:3: error: unknown fact 'flg': did you mean 'flag'? (a misspelt key is not read, so 'flag' counts as not given)",
            "report.yaml:6:46: error: sha256 of evidence 'x' must be 64 hex digits (0-9 and a-f, in either case), not 3 characters",
        ])
        // 'flag' is read by gate g.flag and criteria c.na and c.opt of the test scorecard.
        let report = try XCTUnwrap(loaded.value)
        XCTAssertEqual(SelfReportValidation.checkMisspelledFacts(report, scorecards: [Fixtures.scorecard(dictionary: dictionary)]).map(TestCatalogue.en.text(of:)), [
            "'flag' is missing, and scorecard 'test-card' needs it for g.flag, c.na, c.opt: rename 'flg' to 'flag'",
        ])
        XCTAssertEqual(SelfReportValidation.checkPlausibility(report), [], "a period not read is not judged")
    }
}
