import Foundation
import ParkScoreIO
import ParkScoreTestSupport
import XCTest

/// Issue 9's families of hostile and absurd input, each refused or handled with a located message, through the command
/// as a user runs it. None of these may crash (a signal gives another exit status than 0, 1, 2 or 64).
final class HostileInputTests: XCTestCase {
    let xinghe = "Samples/beijing-xinghe"
    let beijingCard = "Criteria/beijing-digital-advertising-park.yaml"

    func repo(_ path: String) -> URL { Parkscore.repository.appendingPathComponent(path) }

    /// A copy of the Beijing scorecard with `edit` applied, in a fresh folder (with facts.yaml beside it).
    func scorecard(_ edit: (String) -> String) throws -> URL {
        let folder = try Parkscore.temporaryFolder()
        try FileManager.default.copyItem(at: repo("Criteria/facts.yaml"), to: folder.appendingPathComponent("facts.yaml"))
        let text = edit(try String(contentsOf: repo(beijingCard), encoding: .utf8))
        let url = folder.appendingPathComponent("beijing-digital-advertising-park.yaml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// A copy of the xinghe application with the report's text edited.
    func application(_ edit: (String) -> String = { $0 }) throws -> URL {
        let folder = try Parkscore.temporaryFolder().appendingPathComponent("park")
        try FileManager.default.copyItem(at: repo(xinghe), to: folder)
        let report = folder.appendingPathComponent("self-report.yaml")
        try edit(try String(contentsOf: report, encoding: .utf8)).write(to: report, atomically: true, encoding: .utf8)
        return report
    }

    func lint(_ url: URL) throws -> CommandResult {
        try Parkscore.run(["lint", url.path, "--criteria", url.deletingLastPathComponent().path])
    }

    // MARK: Crashes become located errors

    func testAnExpressionLiteralTooPreciseIsALocatedError() throws {
        let card = try scorecard { $0.replacingOccurrences(of: "when: services.platform\n", with: "when: services.platform or 0.000000000000000001% > 0\n") }
        let run = try lint(card)
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertTrue(run.stderr.contains("the number 0.000000000000000001% is too large or too precise to compute exactly"), run.stderr)
    }

    func testWeightsWithTooManyDecimalsAreRefused() throws {
        // 10.0000000000000001 + 9.9999999999999999 = 20: the sum is right, but such weights cannot be carried exactly.
        var seen = 0
        let card = try scorecard { text in
            text.components(separatedBy: "\n").map { line in
                guard line.hasPrefix("    weight: 10") else { return line }
                seen += 1
                return seen == 1 ? "    weight: 10.0000000000000001" : (seen == 2 ? "    weight: 9.9999999999999999" : line)
            }.joined(separator: "\n")
        }
        XCTAssertEqual(seen >= 2, true, "the Beijing scorecard has dimensions weighted 10")
        let run = try lint(card)
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertTrue(run.stderr.contains("has more than 2 decimals"), run.stderr)
    }

    func testHugeLevelsPointsAndWeightsAreRefusedByLint() throws {
        let card = try scorecard {
            $0.replacingOccurrences(of: "{level: 3, points: 6,", with: "{level: 9223372036854775807, points: 6,")
                .replacingOccurrences(of: "- {min: 10, points: 5}", with: "- {min: 10, points: 4611686018427387904}")
                .replacingOccurrences(of: "    weight: 15\n", with: "    weight: 9223372036854775807\n")
        }
        let run = try lint(card)
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertTrue(run.stderr.contains("9223372036854775807 is larger than 100"), run.stderr)
        XCTAssertTrue(run.stderr.contains("4611686018427387904 is larger than 1000"), run.stderr)
        XCTAssertTrue(run.stderr.contains("weight of dimension"), run.stderr)
        XCTAssertTrue(run.stderr.contains("9223372036854775807 is larger than 100"), run.stderr)
    }

    func testDeeplyNestedTemplateIsRefused() throws {
        // A copy of the whole Templates folder: the templates and the message catalogue.
        let folder = try Parkscore.temporaryFolder().appendingPathComponent("Templates")
        try FileManager.default.copyItem(at: repo("Templates"), to: folder)
        let nested = String(repeating: "{{#a}}", count: 5000) + String(repeating: "{{/a}}", count: 5000)
        try nested.write(to: folder.appendingPathComponent("dossier.md.mustache"), atomically: true, encoding: .utf8)
        let run = try Parkscore.run(["dossier", xinghe + "/self-report.yaml", "--format", "md", "--templates", folder.path])
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertTrue(run.stderr.contains("template 'dossier.md.mustache' nests sections 65 deep, more than the limit of 64"), run.stderr)
        // Blocks nest like sections, and a delimiter change would hide nesting from the count: both refused, not a crash.
        for text in [String(repeating: "{{$a}}", count: 5000) + String(repeating: "{{/a}}", count: 5000),
                     "{{=<% %>=}}" + String(repeating: "<%#a%>", count: 5000)] {
            try text.write(to: folder.appendingPathComponent("dossier.md.mustache"), atomically: true, encoding: .utf8)
            let refused = try Parkscore.run(["dossier", xinghe + "/self-report.yaml", "--format", "md", "--templates", folder.path])
            XCTAssertEqual(refused.status, 1, refused.stderr)
            XCTAssertTrue(refused.stderr.contains("more than the limit of 64"), refused.stderr)
        }
        // A template of 17 MB is too large, not "missing".
        try String(repeating: "x", count: 17 << 20).write(to: folder.appendingPathComponent("dossier.md.mustache"), atomically: true, encoding: .utf8)
        let large = try Parkscore.run(["dossier", xinghe + "/self-report.yaml", "--format", "md", "--templates", folder.path])
        XCTAssertEqual(large.status, 1)
        XCTAssertTrue(large.stderr.contains("more than the limit of 1048576"), large.stderr)
    }

    // MARK: Hangs become bounded work

    func testManyUnknownFactsAreCountedNotAllListed() throws {
        let many = (0..<60_000).map { "  zz\($0): 1" }.joined(separator: "\n")
        let report = try application { $0.replacingOccurrences(of: "facts:\n", with: "facts:\n" + many + "\n") }
        let run = try Parkscore.run(["validate", report.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stderr.components(separatedBy: "warning: unknown fact").count - 1, 50)
        XCTAssertTrue(run.stderr.contains("59950 more unknown facts are not listed"), String(run.stderr.suffix(500)))
    }

    func testAHugeUnknownKeyGetsNoSuggestion() throws {
        let key = String(repeating: "k", count: 1_500_000)
        // libyaml takes a key this long only as an explicit key ('? key').
        let report = try application { $0.replacingOccurrences(of: "facts:\n", with: "facts:\n  ? \(key)\n  : 1\n") }
        let run = try Parkscore.run(["validate", report.path])
        XCTAssertEqual(run.status, 0, String(run.stderr.prefix(300)))
        XCTAssertTrue(run.stderr.contains("warning: unknown fact 'kkkk"))
        XCTAssertFalse(run.stderr.contains("did you mean"))
    }

    func testThousandsOfProblemsOnOneLongLineAreCapped() throws {
        let items = Array(repeating: "big_data", count: 20_000).joined(separator: ", ")
        let report = try application {
            $0.replacingOccurrences(of: "tech.digital_technologies: [big_data, recommendation_algorithms, generative_ai]",
                                    with: "tech.digital_technologies: [\(items)]")
        }
        let run = try Parkscore.run(["validate", report.path])
        XCTAssertEqual(run.status, 0, "repeated items are warnings")
        XCTAssertTrue(run.stderr.hasSuffix("… 19799 more problems not shown (0 errors)\n"), String(run.stderr.suffix(300)))
        XCTAssertLessThan(run.stderr.utf8.count, 200 * 1500, "snippets are cut around the column")
    }

    // MARK: Files and paths

    func testParkIDsThatAreNotIDsAreRefused() throws {
        for id in ["../../escaped", "x/y", ".hidden", ""] {
            let report = try application { $0.replacingOccurrences(of: "id: beijing-xinghe", with: "id: '\(id)'") }
            let run = try Parkscore.run(["validate", report.path])
            XCTAssertEqual(run.status, 1, id)
            XCTAssertTrue(run.stderr.contains("error: park id '\(id)' must be 1 to 64 letters, digits"), run.stderr)
        }
    }

    func testAppliesToTakesIdsNotPaths() throws {
        let folder = try Parkscore.temporaryFolder()
        try "secret_token: hunter2\n".write(to: folder.appendingPathComponent("secret.yml"), atomically: true, encoding: .utf8)
        for name in [folder.appendingPathComponent("secret.yml").path, "../secret.yml", "secret.yml", "beijing-digital-advertising-park.yaml"] {
            let report = try application { $0.replacingOccurrences(of: "applies_to: [beijing-digital-advertising-park]", with: "applies_to: [\"\(name)\"]") }
            let run = try Parkscore.run(["validate", report.path])
            XCTAssertEqual(run.status, 1, name)
            XCTAssertTrue(run.stderr.contains("'applies_to' takes the ids of scorecards (such as beijing-digital-advertising-park), not"), run.stderr)
            XCTAssertFalse(run.stderr.contains("hunter2"), run.stderr)
            XCTAssertFalse(run.stderr.contains("no scorecard"), "the refusal is the one message: \(run.stderr)")
        }
    }

    func testBatchRefusesDuplicateIDsAndGoesOn() throws {
        let apps = try Parkscore.temporaryFolder().appendingPathComponent("apps")
        try FileManager.default.createDirectory(at: apps, withIntermediateDirectories: true)
        for name in ["a", "b", "c"] {
            try FileManager.default.copyItem(at: repo("Samples/beijing-dongling"), to: apps.appendingPathComponent(name))
            let report = apps.appendingPathComponent(name + "/self-report.yaml")
            try (try String(contentsOf: report, encoding: .utf8)).replacingOccurrences(of: "name: 东岭文创广告园（虚构）", with: "name: 东岭园\(name)")
                .write(to: report, atomically: true, encoding: .utf8)
        }
        let escape = apps.appendingPathComponent("d")
        try FileManager.default.copyItem(at: repo("Samples/beijing-dongling"), to: escape)
        let report = escape.appendingPathComponent("self-report.yaml")
        try (try String(contentsOf: report, encoding: .utf8)).replacingOccurrences(of: "id: beijing-dongling", with: "id: ../../escaped")
            .write(to: report, atomically: true, encoding: .utf8)
        let out = apps.deletingLastPathComponent().appendingPathComponent("out")
        let run = try Parkscore.run(["batch", apps.path, "--scorecard", "beijing-digital-advertising-park", "-o", out.path, "--lang", "zh"])
        XCTAssertEqual(run.status, 2, run.stderr)
        let beijing = "beijing-digital-advertising-park"
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent(beijing + "/dossiers").path).sorted(),
                       ["beijing-dongling.\(beijing).zh.html", "beijing-dongling.\(beijing).zh.json"])
        // The first application in folder order keeps the name, whichever worker finished first.
        let json = try String(contentsOf: out.appendingPathComponent(beijing + "/dossiers/beijing-dongling.\(beijing).zh.json"), encoding: .utf8)
        XCTAssertTrue(json.contains("东岭园a"), String(json.prefix(300)))
        XCTAssertFalse(json.contains("东岭园b") || json.contains("东岭园c"))
        let problems = try String(contentsOf: out.appendingPathComponent("problems.txt"), encoding: .utf8)
        XCTAssertTrue(problems.contains("园区编号「beijing-dongling」与申报材料「a」的编号相同"), problems)
        XCTAssertTrue(problems.contains("园区编号「../../escaped」须由 1 至 64 个字母"), problems)
        XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent(beijing + "/ranking.json").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: apps.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("escaped.zh.html").path))
    }

    func testWritesNeverFollowLinksNorReplaceDevices() throws {
        let folder = try Parkscore.temporaryFolder()
        let victim = folder.appendingPathComponent("victim.txt")
        try "keep me".write(to: victim, atomically: true, encoding: .utf8)
        let link = folder.appendingPathComponent("link.html")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: victim)
        let viaLink = try Parkscore.run(["dossier", xinghe + "/self-report.yaml", "-o", link.path])
        XCTAssertEqual(viaLink.status, 1)
        XCTAssertTrue(viaLink.stderr.contains("it is a symbolic link, which is not followed"), viaLink.stderr)
        XCTAssertEqual(try String(contentsOf: victim, encoding: .utf8), "keep me")

        let fifo = folder.appendingPathComponent("pipe.html")
        XCTAssertEqual(mkfifo(fifo.path, 0o644), 0)
        let toFIFO = try Parkscore.run(["dossier", xinghe + "/self-report.yaml", "-o", fifo.path])
        XCTAssertEqual(toFIFO.status, 1)
        XCTAssertTrue(toFIFO.stderr.contains("it is not a regular file"), toFIFO.stderr)
        var info = stat()
        XCTAssertEqual(lstat(fifo.path, &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFIFO, "the FIFO is still a FIFO")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(AtomicFile.temporarySuffix) }, [])

        // template -o keeps an existing file unless --force.
        let blank = folder.appendingPathComponent("blank.yaml")
        try "mine".write(to: blank, atomically: true, encoding: .utf8)
        let kept = try Parkscore.run(["template", "beijing-digital-advertising-park", "-o", blank.path])
        XCTAssertEqual(kept.status, 1)
        XCTAssertTrue(kept.stderr.contains("exists: pass --force to replace it"), kept.stderr)
        XCTAssertEqual(try String(contentsOf: blank, encoding: .utf8), "mine")
        XCTAssertEqual(try Parkscore.run(["template", "beijing-digital-advertising-park", "-o", blank.path, "--force"]).status, 0)

        // The staging folder of an interrupted batch is cleaned up by the next run.
        let out = folder.appendingPathComponent("out")
        let stale = out.appendingPathComponent(".parkscore-batch-abc123")
        try FileManager.default.createDirectory(at: stale.appendingPathComponent("x/dossiers"), withIntermediateDirectories: true)
        try "half".write(to: stale.appendingPathComponent("x/dossiers/p.x.zh.html"), atomically: true, encoding: .utf8)
        // Left two hours ago by a run that was killed (a fresh one may belong to a run still writing: it is kept).
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -7200)], ofItemAtPath: stale.path)
        let fresh = out.appendingPathComponent(".parkscore-batch-def456")
        try FileManager.default.createDirectory(at: fresh, withIntermediateDirectories: true)
        let apps = folder.appendingPathComponent("apps")
        try FileManager.default.createDirectory(at: apps, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: repo("Samples/beijing-dongling"), to: apps.appendingPathComponent("d"))
        _ = try Parkscore.run(["batch", apps.path, "--scorecard", "beijing-digital-advertising-park", "-o", out.path])
        XCTAssertFalse(FileManager.default.fileExists(atPath: stale.path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: fresh.path))
    }

    func testEvidenceThatIsAFolderAFIFOOrTooLargeIsNamedForWhatItIs() throws {
        let report = try application()
        let evidence = report.deletingLastPathComponent().appendingPathComponent("evidence")
        try FileManager.default.removeItem(at: evidence.appendingPathComponent("management-licence.txt"))
        try FileManager.default.createDirectory(at: evidence.appendingPathComponent("management-licence.txt"), withIntermediateDirectories: true)
        try FileManager.default.removeItem(at: evidence.appendingPathComponent("tenant-list.csv"))
        XCTAssertEqual(mkfifo(evidence.appendingPathComponent("tenant-list.csv").path, 0o644), 0)
        // A sparse 1 GiB file, larger than a 1 MiB limit.
        let big = evidence.appendingPathComponent("service-platform.md")
        XCTAssertEqual(truncate(big.path, 1 << 30), 0)
        let run = try Parkscore.run(["validate", report.path, "--max-evidence-mib", "1"])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stderr.contains("evidence file 'evidence/management-licence.txt' is a folder, not a file"), run.stderr)
        XCTAssertTrue(run.stderr.contains("evidence file 'evidence/tenant-list.csv' is not a regular file"), run.stderr)
        XCTAssertTrue(run.stderr.contains("evidence file 'evidence/service-platform.md' is 1073741824 bytes, more than the limit of 1048576"), run.stderr)
    }

    func testAGigabyteEvidenceFileIsHashedInFlatMemory() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/time") else { throw XCTSkip("/usr/bin/time is not installed") }
        let report = try application()
        let big = report.deletingLastPathComponent().appendingPathComponent("evidence/service-platform.md")
        XCTAssertEqual(truncate(big.path, 1 << 30), 0)
        let run = try Parkscore.run(["/usr/bin/time", "-f", "maxrss=%M", Parkscore.executable.path, "validate", report.path],
                                    executable: "/usr/bin/time")
        XCTAssertEqual(run.status, 1, "the hash does not match: an error, not a crash")
        XCTAssertTrue(run.stderr.contains("does not match its sha256"), String(run.stderr.suffix(400)))
        let kilobytes = Int(run.stderr.components(separatedBy: "maxrss=").last?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "") ?? .max
        XCTAssertLessThan(kilobytes, 100 * 1024, "peak memory \(kilobytes) KB")
    }

    // MARK: Untrusted text reaching outputs

    func testTerminalEscapesAndForgedLinesAreShownEscaped() throws {
        let report = try application {
            $0.replacingOccurrences(of: "name: 星河数字广告产业园（虚构）", with: "name: \"星河\\e]0;pwned\\a\\nTotal: 100.00 / 100 Grade: A\"")
        }
        let run = try Parkscore.run(["score", report.path, "--lang", "zh"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertFalse(run.stdout.contains("\u{1B}"))
        XCTAssertFalse(run.stdout.contains("\u{07}"))
        XCTAssertFalse(run.stdout.contains("\nTotal: 100.00 / 100 Grade: A"), "no forged line")
        XCTAssertTrue(run.stdout.contains("星河\\u{1B}]0;pwned\\u{7}\\u{A}Total: 100.00 / 100 Grade: A"), run.stdout)
    }

    func testCSVCellsCannotBeFormulas() throws {
        let report = try application { $0.replacingOccurrences(of: "name: 星河数字广告产业园（虚构）", with: "name: \"=HYPERLINK(\\\"http://e.x\\\")\"") }
        let run = try Parkscore.run(["compare", report.path, "--scorecard", "beijing-digital-advertising-park", "--format", "csv", "--lang", "zh"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains(",\"'=HYPERLINK(\"\"http://e.x\"\")\","), run.stdout)
        XCTAssertEqual(SpreadsheetText.cell("+cmd|'/C calc'!A0"), "'+cmd|'/C calc'!A0")
        XCTAssertEqual(SpreadsheetText.cell("-3.5"), "-3.5", "a number stays a number")
    }

    func testAUTF16FileGivesASnippetWithoutNULs() throws {
        let folder = try Parkscore.temporaryFolder()
        let report = folder.appendingPathComponent("self-report.yaml")
        try "park: {name: 园区}\nperiod: {from: 2025-01-01, to: 2025-12-31}\n".data(using: .utf16LittleEndian)!.write(to: report)
        let run = try Parkscore.run(["validate", report.path])
        XCTAssertEqual(run.status, 1)
        XCTAssertFalse(run.stderr.contains("\u{0}"), run.stderr)
    }

    func testImplausibleDatesAreWarnedAbout() throws {
        let report = try application {
            $0.replacingOccurrences(of: "  from: 2025-01-01\n  to: 2025-12-31", with: "  from: 0001-01-01\n  to: 9999-12-31")
                .replacingOccurrences(of: "report_date: 2026-01-20", with: "report_date: 2025-06-30")
        }
        let run = try Parkscore.run(["validate", report.path])
        XCTAssertTrue(run.stderr.contains("warning: the reporting period 0001-01-01 – 9999-12-31 lies outside 1990–2100"), run.stderr)
        XCTAssertTrue(run.stderr.contains("warning: the report is dated 2025-06-30, before its period ends (9999-12-31)"), run.stderr)
        let reviewed = try Parkscore.run(["score", xinghe + "/self-report.yaml", "--reviews", xinghe + "/reviews"])
        XCTAssertFalse(reviewed.stderr.contains("before the report it reviews"), "the sample's reviews follow the report")
    }
}
