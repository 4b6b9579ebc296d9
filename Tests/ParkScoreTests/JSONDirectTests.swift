import Foundation
import ParkScore
@testable import ParkScoreIO
import ParkScoreTestSupport
import XCTest

/// The documents' direct JSON (`JSONWritable`) where the samples do not reach: every optional member present, objects
/// built by hand, values nested as deep as the writer allows and deeper. Held to Foundation's JSONEncoder and to our
/// `Swift.Encoder` path.
final class JSONDirectTests: XCTestCase {
    func assertDirect<T: Encodable & JSONWritable>(_ value: T, _ message: String = "", file: StaticString = #filePath, line: UInt = #line) {
        let expected = Array(JSONTextTests.foundation(value).utf8)
        XCTAssertEqual(JSONText.bytes(writing: value), expected, message, file: file, line: line)
        XCTAssertEqual(JSONText.bytes(value), expected, message, file: file, line: line)
        XCTAssertEqual(JSONText.treeBytes(value), expected, message, file: file, line: line)
    }

    /// Support per firm (the breakdown, a firm without a name, an undetermined firm) and a table of records among the
    /// values: the direct path writes the bytes the encoders write.
    func testPerFirmSupportAndRecords() throws {
        let dictionary = try Repository.dictionary()
        let scorecard = try Repository.scorecard("nanshan-livestreaming", dictionary: dictionary)
        let report = try Repository.sample("nanshan-xingchao", dictionary: dictionary, scorecards: [scorecard])
        var result = ScoringEngine(dictionary: dictionary).score(report, against: scorecard)
        let s3 = try XCTUnwrap(result.support.firstIndex { $0.id == "S3" })
        XCTAssertFalse(result.support[s3].firms.isEmpty)
        result.support[s3].firms[0].name = nil
        result.support[s3].firms[1].status = .missingData
        result.support[s3].firms[1].missingFacts = ["firms[2].rent_paid"]
        result.support[s3].firms[1].total = nil
        result.derived["table"] = .list([.record(["b": .number(1), "a": .text("x"), "Z": .date("2025-01-01"), "u": .unknown(missing: [])]),
                                         .record([:])])
        for language in LocalizedText.Language.allCases {
            let document = ResultDocument(result: result, scorecard: scorecard, report: report, messages: TestCatalogue.messages(language))
            assertDirect(document, "\(language)")
            let text = document.encoded()
            XCTAssertTrue(text.contains(#""basis" : "per-firm""#) || text.contains(#""basis":"per-firm""#), String(text.prefix(200)))
            XCTAssertTrue(text.contains("\"upperBound\""), "\(language)")
        }
    }

    /// A result whose gates, criteria and corrections carry every optional member: problems, reasons, reviewers.
    func testEveryOptionalPresent() throws {
        let dictionary = try Repository.dictionary()
        let engine = ScoringEngine(dictionary: dictionary)
        let scorecards = try Repository.catalog.scorecardIDs.map { try Repository.scorecard($0, dictionary: dictionary) }
        let scorecard = try XCTUnwrap(scorecards.first)
        let report = try Repository.sample("beijing-xinghe", dictionary: dictionary, scorecards: scorecards)
        var result = engine.score(report, against: scorecard)
        let rejected = EvidenceProblem(evidenceID: "E-1", title: "营业执照 \"copy\"", kind: .rejected(by: "R-2", reason: "未盖章\n/x"))
        let missing = EvidenceProblem(evidenceID: nil, title: nil, kind: .fileMissing)
        XCTAssertFalse(result.gates.isEmpty)
        for i in result.gates.indices {
            result.gates[i].problem = Message("expression.division-by-zero.fact", "problem \(i)")
            result.gates[i].unsubstantiated = Unsubstantiated(facts: ["a", "b"], problems: [rejected, missing])
        }
        result.corrections = [CorrectionItem(problem: rejected, affects: ["c1", "c2"]), CorrectionItem(problem: missing, affects: [])]
        result.derived["nested"] = .list([.list([]), .list([.number(Rational(1, 3) ?? .zero), .bool(true), .text("t"), .unknown(missing: [])])])
        result.derived["Z"] = .error(Message("expression.division-by-zero"))
        result.derived["é"] = .date("2026-01-01")
        for language in LocalizedText.Language.allCases {
            let document = ResultDocument(result: result, scorecard: scorecard, report: report, messages: TestCatalogue.messages(language))
            assertDirect(document, "\(language)")
            let text = document.encoded()
            XCTAssertTrue(text.contains(#""reviewer" : "R-2""#) && text.contains(#""problem" : "expression.division-by-zero.fact('problem 0')""#), text)
        }
    }

    func testStagesMembersPresent() {
        let chair = StagesRef.Reviewer(Review.Reviewer(id: "c", name: "主席", role: .chair))
        let finding = StagesRef.FindingRef(stage: "panel", reviewer: chair, date: "2026-01-02", subject: "x", subjectKind: "criterion",
                                           statement: "rating", points: JSONNumber(Rational(5, 2) ?? .zero), level: 3, text: "t",
                                           standing: "reversed", reversedBy: ["p1", "p2"], summary: "s")
        assertDirect(finding)
        assertDirect([finding, finding])
        let decision = StagesRef.Decision(evidence: "E", accepted: false, stage: "panel", by: [chair, chair], date: "d", reason: "why")
        assertDirect(decision)
        let resolution = StagesRef.Resolution(criterion: "c", chair: chair, date: "d", level: 2, points: JSONNumber(.zero), aggregate: nil, reason: "r")
        let rating = StagesRef.Rating(criterion: "c", levels: ["b": 1, "a": 2, "A": 3, "中": 4, "a1": 5], counted: [], aggregation: "median",
                                      level: JSONNumber(.zero), points: JSONNumber(.zero), disagreement: true, resolution: resolution)
        assertDirect(rating)
        assertDirect(StagesRef.ReviewRef(reviewer: chair, date: "d", file: nil, sha256: nil, comments: nil))
        assertDirect(StagesRef.ReviewRef(reviewer: chair, date: "d", file: "f", sha256: "0", comments: "c"))
        assertDirect(ParkRef(id: nil, name: "n", nameEn: nil, jurisdiction: nil))
    }

    /// Lists inside lists, up to and past the depth JSONEncoder refuses (then the whole document is `null`).
    func testDeepValues() {
        for depth in [1, 2, 100, 509, 510, 511, 512, 513, 600] {
            var value = JSONValue.list([.string("leaf"), .list([])])
            for _ in 1..<depth { value = .list([value, .null]) }
            assertDirect(value, "\(depth)")
            assertDirect(["k": value], "\(depth) in an object")
        }
    }

    /// JSONNumber's own formatting (up to 4 places) against `Rational.formatted(places:)`, which it stands for: the text
    /// Foundation's encoder is given and the digits ours writes.
    func testNumberTextIsFormatted() {
        var g = SplitMix(state: 20_261_126)
        let numerators = [0, 1, -1, 5, -5, 9, 10, 99, 100, 995, -995, 999_999, 1_000_000_007, Int.max, -Int.max, Int.min]
        let denominators = [1, 2, 3, 7, 8, 10, 16, 100, 200, 1000, 3000, 10000, 20000, 99_999, 1 << 40, Int.max]
        var checked = 0
        for i in 0..<40_000 {
            let n = i % 4 == 0 ? (numerators.randomElement(using: &g) ?? 0)
                : Int.random(in: Int.min...Int.max, using: &g) >> Int.random(in: 0...63, using: &g)
            let d = i % 3 == 0 ? (denominators.randomElement(using: &g) ?? 1)
                : Int.random(in: 1...Int.max, using: &g) >> Int.random(in: 0...62, using: &g)
            guard let r = Rational(n, d) else { continue }
            for places in -1...6 {
                let number = JSONNumber(r, places: places)
                let text = r.formatted(places: places)
                if number.text != text || number.digits != JSONNumberText.digits(text) {
                    return XCTFail("\(n)/\(d) to \(places) places: \(number.text) \(number.digits), formatted: \(text)")
                }
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 200_000)
    }
}
