import Foundation
import ParkScoreIO
import ParkScoreTestSupport
import XCTest

/// Issue 12, items 3 and 4 from the command line: every problem in one run, a typo of a fact key as an error linked to
/// the fact a gate misses, completeness, a sha256 in either case with the caret on it, and `evidence --fill`.
final class ActionableValidationTests: XCTestCase {
    let beijing = "beijing-digital-advertising-park"
    let licence = "【证明材料】管理机构营业执照\n"

    /// An application folder with one evidence file and a self-report whose facts and evidence are given.
    func application(period: String = "{from: 2025-01-01, to: 2025-12-31}", facts: String, evidence: String) throws -> URL {
        let folder = try Parkscore.temporaryFolder()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("evidence"), withIntermediateDirectories: true)
        try licence.write(to: folder.appendingPathComponent("evidence/licence.txt"), atomically: true, encoding: .utf8)
        let report = folder.appendingPathComponent("self-report.yaml")
        try """
        park: {name: 测试园区}
        period: \(period)
        applies_to: [\(beijing)]
        facts:
        \(facts)
        evidence:
        \(evidence)
        """.write(to: report, atomically: true, encoding: .utf8)
        return report
    }

    var licenceHash: String { SHA256Text.of(Array(licence.utf8)) }

    func lines(_ text: String, containing needle: String) -> [String] {
        text.components(separatedBy: "\n").filter { $0.contains(needle) }
    }

    /// Before: a period that could not be read stopped the report there — the typo (then only a warning) and the
    /// missing evidence file came in later rounds. Now all in one run.
    func testValidateReportsEveryProblemInOneRun() throws {
        let report = try application(period: "{from: 2025/13/01, to: 2025-12-31}", facts: """
          management.independent_legal_person: 是
          park.province: 北京市
          tenants:
            total: 45
            advertising_relatd: 19
        """, evidence: """
          - id: licence
            title: 执照
            file: evidence/licence.txt
            sha256: \(licenceHash.uppercased())
          - id: list
            title: 名录
            file: evidence/missing.csv
        """)
        let run = try Parkscore.run(["validate", report.path])
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.stdout, "")
        let p = report.path
        // Line 2 "period: {from: 2025/13/01" (column 16); line 9 "    advertising_relatd: 19" (column 5);
        // line 17 "    file: evidence/missing.csv" (column 11). The uppercase sha256 on line 14 is accepted.
        XCTAssertEqual(lines(run.stderr, containing: ": error: "), [
            "\(p):2:16: error: 'from' must be a date such as '2025-12-31', not text '2025/13/01' (accepted: 2025-12-31, 2025年12月31日, 2025/12/31) [period.from]",
            "\(p):9:5: error: unknown fact 'tenants.advertising_relatd': did you mean 'tenants.advertising_related'? (a misspelt key is not read, so 'tenants.advertising_related' counts as not given) [facts.tenants.advertising_relatd]",
            "\(p):17:11: error: evidence file 'evidence/missing.csv' is missing [evidence[1]]",
        ])
        XCTAssertEqual(lines(run.stderr, containing: ": note: "), [
            "\(p):5:40: note: '是' read as true [facts.management.independent_legal_person]",
            "\(p):6:18: note: '北京市' read as 'beijing' [facts.park.province]",
            "\(p):9:5: note: 'tenants.advertising_related' is missing, and scorecard '\(beijing)' needs it for G2: rename 'tenants.advertising_relatd' to 'tenants.advertising_related' [facts.tenants.advertising_relatd]",
        ])
        XCTAssertTrue(run.stderr.hasSuffix("3 errors\n"), run.stderr)
    }

    /// Before: `score` listed tenants.advertising_related as missing without a word about the typo. Now the typo is an
    /// error and a note at it says which gate needs the fact it stands for.
    func testScoreLinksTheMissingFactToTheTypo() throws {
        let report = try application(facts: """
          management.independent_legal_person: true
          park.province: beijing
          tenants:
            total: 45
            advertising_relatd: 19
        """, evidence: "  []")
        let run = try Parkscore.run(["score", report.path])
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.stdout, "")
        // G2 (advertising and related units ≥ 40% or ≥ 20) is the only gate or criterion of the Beijing scorecard
        // that reads tenants.advertising_related.
        XCTAssertEqual(lines(run.stderr, containing: ": note: "), [
            "\(report.path):9:5: note: 'tenants.advertising_related' is missing, and scorecard '\(beijing)' needs it for G2: rename 'tenants.advertising_relatd' to 'tenants.advertising_related' [facts.tenants.advertising_relatd]",
        ])
        XCTAssertEqual(lines(run.stderr, containing: ": error: ").count, 1, run.stderr)
    }

    /// Before: `validate` said `valid` while gate G2 could not be decided. Now it is an error naming the missing fact.
    func testValidateDoesNotSayValidWhileAGateCannotBeDecided() throws {
        let facts = """
          management.independent_legal_person: true
          management.business_support_services: true
          park.province: beijing
          tenants:
            advertising_related: 19
        """
        let report = try application(facts: facts, evidence: "  []")
        let run = try Parkscore.run(["validate", report.path])
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.stdout, "")
        // 19 units is under 20, and without tenants.total the 40% share cannot be worked out: G2 is undecided.
        // The message points at 'facts:' (line 4).
        XCTAssertEqual(lines(run.stderr, containing: ": error: "), [
            "\(report.path):4:1: error: \(beijing): gate G2 cannot be decided for want of tenants.total [facts]",
        ])
        XCTAssertFalse(run.stderr.contains("valid ("))
        // Criteria that cannot be scored are warnings, each naming its facts; with G2 decided, the report is valid.
        let complete = try application(facts: facts + "\n    total: 45", evidence: "  []")
        let valid = try Parkscore.run(["validate", complete.path])
        XCTAssertEqual(valid.status, 0, valid.stderr)
        XCTAssertTrue(valid.stderr.contains("warning: \(beijing): criterion talent.training cannot be scored for want of talent.training_sessions"),
                      valid.stderr)
        XCTAssertTrue(valid.stdout.hasPrefix("\(complete.path): valid (5 facts, 0 evidence entries"), valid.stdout)
        XCTAssertTrue(valid.stdout.contains("; incomplete: "), valid.stdout)
        XCTAssertTrue(valid.stdout.hasSuffix(" criteria cannot be scored for want of data\n"), valid.stdout)
    }

    /// Without applies_to or --scorecard a report is checked against every built-in scorecard, but its completeness
    /// is not judged by scorecards it never meant to meet.
    func testCompletenessIsOnlyJudgedByTheScorecardsChosen() throws {
        let folder = try Parkscore.temporaryFolder()
        let report = folder.appendingPathComponent("self-report.yaml")
        try "park: {name: 测试园区}\nperiod: {from: 2025-01-01, to: 2025-12-31}\nfacts:\n  tenants.total: 45\n"
            .write(to: report, atomically: true, encoding: .utf8)
        let run = try Parkscore.run(["validate", report.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        // English counts: one fact, no evidence entries.
        XCTAssertEqual(run.stdout, "\(report.path): valid (1 fact, 0 evidence entries)\n")
        let chinese = try Parkscore.run(["validate", report.path, "--lang", "zh"])
        XCTAssertEqual(chinese.stdout, "\(report.path)：有效（1 项事实，0 条佐证材料）\n")
        let named = try Parkscore.run(["validate", report.path, "--scorecard", beijing])
        XCTAssertEqual(named.status, 1)
        XCTAssertTrue(named.stderr.contains("error: \(beijing): gate G1 cannot be decided for want of management.independent_legal_person"), named.stderr)
    }

    /// Before: an uppercase sha256 (as PowerShell's Get-FileHash prints it) was refused.
    func testAnUppercaseSha256IsAccepted() throws {
        let report = try application(facts: """
          management.independent_legal_person: true
          management.business_support_services: true
          park.province: beijing
          tenants: {total: 45, advertising_related: 19}
        """, evidence: """
          - {id: licence, title: 执照, file: evidence/licence.txt, sha256: \(licenceHash.uppercased())}
        """)
        let run = try Parkscore.run(["validate", report.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertFalse(run.stderr.contains("sha256"), run.stderr)
        let evidence = try Parkscore.run(["evidence", report.path])
        XCTAssertEqual(evidence.status, 0, evidence.stderr)
        XCTAssertEqual(evidence.stdout, "licence: ok (evidence/licence.txt)\n")
    }

    func testEvidenceFillWritesTheHashesInPlaceAndNothingElse() throws {
        let folder = try Parkscore.temporaryFolder()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("evidence"), withIntermediateDirectories: true)
        try licence.write(to: folder.appendingPathComponent("evidence/licence.txt"), atomically: true, encoding: .utf8)
        try "名录\n".write(to: folder.appendingPathComponent("evidence/list.csv"), atomically: true, encoding: .utf8)
        let listHash = SHA256Text.of(Array("名录\n".utf8))
        let report = folder.appendingPathComponent("self-report.yaml")
        let before = """
        # 自评报告（注释保留）
        park: {name: 测试园区}
        period: {from: 2025-01-01, to: 2025-12-31}
        facts: {}
        evidence:
          - id: licence
            title: 执照
            file: evidence/licence.txt   # 营业执照
            supports: [management.independent_legal_person]
          - id: list
            title: "名录"
            file: 'evidence/list.csv'
            sha256: 0000000000000000000000000000000000000000000000000000000000000000
          - {id: again, title: 名录, file: evidence/list.csv}

        """
        try before.write(to: report, atomically: true, encoding: .utf8)
        let check = try Parkscore.run(["evidence", report.path])
        XCTAssertEqual(check.status, 1)
        XCTAssertEqual(try String(contentsOf: report, encoding: .utf8), before, "without --fill nothing is written")
        XCTAssertEqual(check.stdout, """
        licence: no sha256 yet (evidence/licence.txt has \(licenceHash))
        list: stale sha256 (evidence/list.csv: recorded 0000000000000000000000000000000000000000000000000000000000000000, file has \(listHash))
        again: no sha256 yet (evidence/list.csv has \(listHash))

        """)

        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: report.path)
        let fill = try Parkscore.run(["evidence", report.path, "--fill"])
        XCTAssertEqual(fill.status, 0, fill.stderr)
        // Replaced whole, with the report's own permissions.
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: report.path)[.posixPermissions] as? Int, 0o600)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(AtomicFile.temporarySuffix) }, [])
        // A line under the first entry's file (indented as 'file:'), the stale value replaced where it stands, and the
        // flow mapping extended; every other byte as it was.
        XCTAssertEqual(try String(contentsOf: report, encoding: .utf8), """
        # 自评报告（注释保留）
        park: {name: 测试园区}
        period: {from: 2025-01-01, to: 2025-12-31}
        facts: {}
        evidence:
          - id: licence
            title: 执照
            file: evidence/licence.txt   # 营业执照
            sha256: \(licenceHash)
            supports: [management.independent_legal_person]
          - id: list
            title: "名录"
            file: 'evidence/list.csv'
            sha256: \(listHash)
          - {id: again, title: 名录, file: evidence/list.csv, sha256: \(listHash)}

        """)
        XCTAssertTrue(fill.stdout.hasSuffix("\(report.path): written\n"), fill.stdout)
        let again = try Parkscore.run(["evidence", report.path, "--fill"])
        XCTAssertEqual(again.status, 0)
        XCTAssertTrue(again.stdout.hasSuffix("\(report.path): nothing to change\n"), again.stdout)
        XCTAssertEqual(try Parkscore.run(["validate", report.path, "--scorecard", beijing]).stderr.contains("sha256"), false)
    }

    func testEvidenceFillRefusesPathsOutsideTheFolderAndLinks() throws {
        let folder = try Parkscore.temporaryFolder()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("app/evidence"), withIntermediateDirectories: true)
        try licence.write(to: folder.appendingPathComponent("app/evidence/licence.txt"), atomically: true, encoding: .utf8)
        try "secret".write(to: folder.appendingPathComponent("secret.txt"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("app/evidence/link.txt").path,
                                                   withDestinationPath: folder.appendingPathComponent("secret.txt").path)
        let report = folder.appendingPathComponent("app/self-report.yaml")
        try """
        park: {name: 测试园区}
        period: {from: 2025-01-01, to: 2025-12-31}
        facts: {}
        evidence:
          - {id: out, title: 外, file: ../secret.txt}
          - {id: link, title: 链接, file: evidence/link.txt}
          - {id: licence, title: 执照, file: evidence/licence.txt}
        """.write(to: report, atomically: true, encoding: .utf8)
        let run = try Parkscore.run(["evidence", report.path, "--fill"])
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(lines(run.stderr, containing: ": error: "), [
            "\(report.path):5:31: error: sha256 of evidence 'out' not filled: evidence file '../secret.txt' leads outside the application folder [evidence[0]]",
            "\(report.path):6:33: error: sha256 of evidence 'link' not filled: evidence file 'evidence/link.txt' leads outside the application folder [evidence[1]]",
        ])
        // The one file that can be hashed is filled all the same; the others are left alone.
        let text = try String(contentsOf: report, encoding: .utf8)
        XCTAssertTrue(text.contains("file: evidence/licence.txt, sha256: \(licenceHash)}"), text)
        XCTAssertTrue(text.contains("{id: out, title: 外, file: ../secret.txt}\n"), text)
        XCTAssertFalse(text.contains(SHA256Text.of(Array("secret".utf8))))

        // A self-report reached through a link is not replaced (the link would be broken, or its target written).
        let linked = folder.appendingPathComponent("linked.yaml")
        try FileManager.default.createSymbolicLink(atPath: linked.path, withDestinationPath: report.path)
        let refused = try Parkscore.run(["evidence", linked.path, "--fill"])
        XCTAssertEqual(refused.status, 1)
        XCTAssertEqual(refused.stderr, "error: cannot write '\(linked.path)': it is a symbolic link, which is not followed\n")
    }

    func testEvidenceHelpHasExamples() throws {
        let run = try Parkscore.run(["evidence", "--help"])
        XCTAssertEqual(run.status, 0)
        XCTAssertTrue(run.stdout.contains("Examples:"), run.stdout)
        XCTAssertTrue(run.stdout.contains("parkscore evidence park/self-report.yaml --fill"), run.stdout)
        XCTAssertTrue(try Parkscore.run(["--help"]).stdout.contains("evidence"))
    }
}
