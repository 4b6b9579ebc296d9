import Foundation
import ParkScoreIO
import ParkScoreTestSupport
import XCTest

/// What a hostile-input hunt found in the new code (issue 8's pipeline and stage rules, issue 9's refusals), each
/// reproduced as the hunt did it.
final class HuntFindingsTests: XCTestCase {
    func repo(_ path: String) -> URL { Parkscore.repository.appendingPathComponent(path) }

    func application(_ sample: String = "Samples/beijing-xinghe", _ edit: (String) -> String = { $0 }) throws -> URL {
        let folder = try Parkscore.temporaryFolder().appendingPathComponent("park")
        try FileManager.default.copyItem(at: repo(sample), to: folder)
        let report = folder.appendingPathComponent("self-report.yaml")
        try edit(try String(contentsOf: report, encoding: .utf8)).write(to: report, atomically: true, encoding: .utf8)
        return report
    }

    func testCRLFCannotForgeRowsHeadingsOrHideSnippets() throws {
        let report = try application {
            $0.replacingOccurrences(of: "name: 星河数字广告产业园（虚构）", with: "name: \"A\\r\\n=2*3\\r\\n\\r\\n# Total 100\"")
        }
        let csv = try Parkscore.run(["compare", report.path, "--scorecard", "beijing-digital-advertising-park", "--format", "csv", "--lang", "zh"])
        XCTAssertTrue(csv.stdout.contains(",\"A\r\n=2*3\r\n\r\n# Total 100\","), "quoted, so no new row starts: \(csv.stdout.prefix(300))")
        let md = try Parkscore.run(["dossier", report.path, "--format", "md", "--lang", "zh"])
        XCTAssertFalse(md.stdout.contains("\n# Total 100"), "no forged heading")
        // A report saved with CRLF line ends still gets its snippet and caret.
        let crlf = try application { $0.replacingOccurrences(of: "total: 45", with: "total: -3").replacingOccurrences(of: "\n", with: "\r\n") }
        let run = try Parkscore.run(["validate", crlf.path, "--lang", "zh"])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stderr.contains("\n        total: -3\n               ^\n"), run.stderr)
    }

    func testASupportAmountTooLargeIsAnErrorNotIneligible() throws {
        let report = try application("Samples/nanshan-xingchao")
        let text = try String(contentsOf: report, encoding: .utf8)
        let firms = try XCTUnwrap(text.range(of: #"firms: [0-9]+"#, options: .regularExpression), "the sample names firms")
        // Without the per-firm table, the rent subsidy comes from park totals: 10^15 firms × ¥700,000 is too large.
        let withoutTable = text.replacingCharacters(in: firms, with: "firms: 1000000000000000")
            .replacingOccurrences(of: #"\n  firms:\n( {4,}.*\n)+"#, with: "\n", options: .regularExpression)
        XCTAssertFalse(withoutTable.contains("\n  firms:\n"))
        try withoutTable.write(to: report, atomically: true, encoding: .utf8)
        let run = try Parkscore.run(["score", report.path])
        XCTAssertEqual(run.status, 1, String(run.stdout.prefix(200)))
        XCTAssertTrue(run.stderr.contains("is too large to compute exactly"), run.stderr)
    }

    func testReviewsThatCannotCountAreRefused() throws {
        let report = try application()
        let folder = report.deletingLastPathComponent()
        func review(_ name: String, _ body: String) throws -> String {
            let url = folder.appendingPathComponent(name)
            try body.write(to: url, atomically: true, encoding: .utf8)
            return url.path
        }
        let head = "date: 2026-03-05\nscorecard: beijing-digital-advertising-park\n"
        func refused(_ path: String, _ message: String) throws {
            let run = try Parkscore.run(["score", report.path, "--review", path])
            XCTAssertEqual(run.status, 1, message)
            XCTAssertTrue(run.stderr.contains(message), String(run.stderr.suffix(600)))
        }
        try refused(try review("other.yaml", "reviewer: {id: q1, name: 某, role: chair}\n" + head
                               + "park: some-other-park\nevidence: {tenants: {verdict: rejected, reason: x}}\n"),
                    "review is of park 'some-other-park', not of 'beijing-xinghe'")
        try refused(try review("complex.yaml", "reviewer: {id: q2, name: 某, role: chair}\n" + head + "evidence:\n  ? [tenants]\n  : {verdict: rejected, reason: x}\n"),
                    "keys here must be ids, not a sequence")
        try refused(try review("precise.yaml", "reviewer: {id: q3, name: 某, role: panel}\n" + head
                               + "overrides: {services.third_party: {points: 0.000001, reason: x}}\n"),
                    "has more than 2 decimals")
        try refused(try review("badid.yaml", "reviewer: {id: \"\\e[31m\", name: 某, role: panel}\n" + head), "reviewer id '\\u{1B}[31m' must be")
        try refused(try review("both.yaml", "reviewer: {id: z9, name: 组长, role: chair}\n" + head
                               + "resolutions: {culture.content: {level: 3, reason: x}}\noverrides: {culture.content: {points: 0, reason: y}}\n"),
                    "has both a resolution and an override")
        // 60,000 unknown criteria: the first 50 named, the rest counted.
        let many = (0..<60_000).map { "  c\($0).x: 1" }.joined(separator: "\n")
        try refused(try review("many.yaml", "reviewer: {id: q4, name: 某, role: panel}\n" + head + "ratings:\n" + many + "\n"),
                    "more unknown ids follow")
    }

    func testAPreliminaryOverrideDoesNotSettleAPanelDisagreement() throws {
        let report = try application()
        let folder = report.deletingLastPathComponent().appendingPathComponent("r")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let head = "scorecard: beijing-digital-advertising-park\n"
        try ("reviewer: {id: c1, name: 初审, role: preliminary}\ndate: 2026-02-20\n" + head
             + "overrides: {culture.content: {points: 4, reason: x}}\n").write(to: folder.appendingPathComponent("c1.yaml"), atomically: true, encoding: .utf8)
        try ("reviewer: {id: p1, name: 甲, role: panel}\ndate: 2026-03-05\n" + head + "ratings: {culture.content: 1}\n")
            .write(to: folder.appendingPathComponent("p1.yaml"), atomically: true, encoding: .utf8)
        try ("reviewer: {id: p2, name: 乙, role: panel}\ndate: 2026-03-05\n" + head + "ratings: {culture.content: 3}\n")
            .write(to: folder.appendingPathComponent("p2.yaml"), atomically: true, encoding: .utf8)
        let run = try Parkscore.run(["score", report.path, "--reviews", folder.path, "--format", "json"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(object["provisional"] as? Bool, true)
        XCTAssertTrue((object["provisionalReasons"] as? [String] ?? []).contains("panel disagreement unresolved: culture.content"))
    }

    func testEvidenceThatIsNoFileIsNamedSoInTheCorrections() throws {
        let report = try application()
        let evidence = report.deletingLastPathComponent().appendingPathComponent("evidence")
        try FileManager.default.removeItem(at: evidence.appendingPathComponent("management-licence.txt"))
        try FileManager.default.createDirectory(at: evidence.appendingPathComponent("management-licence.txt"), withIntermediateDirectories: true)
        let run = try Parkscore.run(["score", report.path, "--mode", "evaluation", "--format", "json"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains(#""problem" : "not-a-file""#), String(run.stdout.prefix(400)))
    }

    func testAReviewsEntryThatIsNotAFolderIsAProblem() throws {
        let apps = try Parkscore.temporaryFolder().appendingPathComponent("apps")
        try FileManager.default.createDirectory(at: apps, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: repo("Samples/beijing-dongling"), to: apps.appendingPathComponent("d"))
        try "not a folder".write(to: apps.appendingPathComponent("d/reviews"), atomically: true, encoding: .utf8)
        let out = apps.deletingLastPathComponent().appendingPathComponent("out")
        let run = try Parkscore.run(["batch", apps.path, "--scorecard", "beijing-digital-advertising-park", "-o", out.path])
        XCTAssertEqual(run.status, 2)
        let problems = try String(contentsOf: out.appendingPathComponent("problems.txt"), encoding: .utf8)
        XCTAssertTrue(problems.contains("/d/reviews' is not a folder of reviews"), problems)
    }

    func testARatioJustBelowItsBoundIsNotShownAsTheBound() throws {
        let report = try application {
            $0.replacingOccurrences(of: "total: 45", with: "total: 100000").replacingOccurrences(of: "advertising_related: 19", with: "advertising_related: 39999")
        }
        let run = try Parkscore.run(["score", report.path, "--lang", "zh"])
        // 39999 / 100000 = 39.999% exactly: shown with the decimals it needs, never rounded up to the 40% it misses.
        XCTAssertTrue(run.stdout.contains("占入驻单位总数 100000 家的 39.999%，不低于 40%"), String(run.stdout.prefix(1200)))
        // The exact formula stays in the JSON for auditors.
        let json = try Parkscore.run(["score", report.path, "--format", "json", "--lang", "zh"])
        XCTAssertTrue(json.stdout.contains("39999 / 100000 = 0.39999 ≥ 40% ✗"), String(json.stdout.prefix(1200)))
    }

    func testABatchWhoseRankingTargetIsALinkWritesNothing() throws {
        let root = try Parkscore.temporaryFolder()
        let apps = root.appendingPathComponent("apps")
        try FileManager.default.createDirectory(at: apps, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: repo("Samples/beijing-dongling"), to: apps.appendingPathComponent("d"))
        let out = root.appendingPathComponent("out")
        let elsewhere = root.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        // The scorecard's folder is a link to another folder; then problems.txt is a link to a file.
        try FileManager.default.createSymbolicLink(at: out.appendingPathComponent("beijing-digital-advertising-park"), withDestinationURL: elsewhere)
        let run = try Parkscore.run(["batch", apps.path, "--scorecard", "beijing-digital-advertising-park", "-o", out.path])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stderr.contains("it is a symbolic link, which is not followed"), run.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.path), ["beijing-digital-advertising-park"], "nothing half-written")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path), [])

        try FileManager.default.removeItem(at: out.appendingPathComponent("beijing-digital-advertising-park"))
        try "keep me".write(to: root.appendingPathComponent("victim.txt"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(at: out.appendingPathComponent("problems.txt"), withDestinationURL: root.appendingPathComponent("victim.txt"))
        let again = try Parkscore.run(["batch", apps.path, "--scorecard", "beijing-digital-advertising-park", "-o", out.path])
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.stderr.contains("problems.txt': it is a symbolic link, which is not followed"), again.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.path), ["problems.txt"], "nothing half-written")
        XCTAssertEqual(try String(contentsOf: root.appendingPathComponent("victim.txt"), encoding: .utf8), "keep me")
    }

    func testTheSameReportGivenTwiceIsComparedOnce() throws {
        let report = "Samples/beijing-dongling/self-report.yaml"
        let run = try Parkscore.run(["compare", report, report, "--scorecard", "beijing-digital-advertising-park", "--format", "csv"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stderr.contains("is given twice: it is compared once"), run.stderr)
        XCTAssertEqual(run.stdout.components(separatedBy: "\r\n").filter { $0.contains("beijing-dongling") }.count, 1)
    }
}
