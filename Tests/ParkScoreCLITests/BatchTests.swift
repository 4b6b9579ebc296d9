import Foundation
import ParkScoreTestSupport
import XCTest

/// batch on generated applications (Benchmarks/generate-applications.py): the same bytes whatever the number of
/// workers, rankings without dossiers equal to those with, several scorecards in one pass, reruns that replace only
/// their own scorecard's folder, and memory that does not grow with the number of applications.
final class BatchTests: XCTestCase {
    let beijing = "beijing-digital-advertising-park"
    let jiading = "jiading-digital-advertising"
    let all = ["beijing-digital-advertising-park", "jiading-digital-advertising", "nanshan-livestreaming", "shenzhen-digital-creative",
               "zhejiang-audiovisual-base"]

    /// N valid applications, each applying under all five scorecards, deterministic for the seed.
    func generate(_ count: Int, seed: Int = 7) throws -> URL {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") else { throw XCTSkip("python3 (/usr/bin/python3) is needed to generate the applications") }
        let folder = try Parkscore.temporaryFolder().appendingPathComponent("apps")
        let run = try Parkscore.run(["python3", Parkscore.repository.appendingPathComponent("Benchmarks/generate-applications.py").path,
                                     String(count), folder.path, "--seed", String(seed)], executable: "/usr/bin/python3")
        XCTAssertEqual(run.status, 0, run.stderr)
        return folder
    }

    func files(_ folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [:] }
        for case let url as URL in enumerator where !url.hasDirectoryPath {
            result[String(url.path.dropFirst(folder.path.count))] = try Data(contentsOf: url)
        }
        return result
    }

    func testOneWorkerAndTwoWriteTheSameBytes() throws {
        let apps = try generate(40)
        // A broken application, and two more with one application's park id (three applications of one id, so that a
        // name taken over twice is tested too), among them.
        try FileManager.default.copyItem(at: apps.appendingPathComponent("app-000003"), to: apps.appendingPathComponent("app-000003-copy"))
        try FileManager.default.copyItem(at: apps.appendingPathComponent("app-000004"), to: apps.appendingPathComponent("app-000000"))
        let impostor = apps.appendingPathComponent("app-000000/self-report.yaml")
        try (try String(contentsOf: impostor, encoding: .utf8)).replacingOccurrences(of: "id: app-000004", with: "id: APP-000003")
            .write(to: impostor, atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: apps.appendingPathComponent("app-broken"), withIntermediateDirectories: true)
        try "park: [\n".write(to: apps.appendingPathComponent("app-broken/self-report.yaml"), atomically: true, encoding: .utf8)
        let root = apps.deletingLastPathComponent()
        var outputs: [[String: Data]] = []
        for jobs in ["1", "2", "7"] {
            let out = root.appendingPathComponent("out-\(jobs)")
            let run = try Parkscore.run(["batch", apps.path, "--all", "-o", out.path, "--jobs", jobs, "--lang", "zh"])
            XCTAssertEqual(run.status, 2, run.stderr)
            XCTAssertTrue(run.stdout.hasPrefix("共 43 份申报：评分 40 份，跳过 3 份。\n"), run.stdout)
            outputs.append(try files(out))
        }
        XCTAssertEqual(outputs[0], outputs[1], "one worker and two")
        XCTAssertEqual(outputs[0], outputs[2], "one worker and seven")
        // Five scorecards, 40 parks each (the copy's id is refused), two formats.
        for id in all {
            XCTAssertEqual(outputs[0].keys.filter { $0.hasPrefix("/\(id)/dossiers/") && $0.hasSuffix(".\(id).zh.html") }.count, 40, id)
            XCTAssertEqual(outputs[0].keys.filter { $0.hasPrefix("/\(id)/dossiers/") && $0.hasSuffix(".\(id).zh.json") }.count, 40, id)
            for file in ["ranking.html", "ranking.csv", "ranking.json", "ranking.xlsx"] { XCTAssertNotNil(outputs[0]["/\(id)/\(file)"], id + "/" + file) }
        }
        let problems = String(decoding: outputs[0]["/problems.txt"] ?? Data(), as: UTF8.self)
        XCTAssertTrue(problems.contains("app-broken: 已跳过"), problems)
        XCTAssertTrue(problems.contains("园区编号「app-000003」与申报材料「app-000000」的编号相同"), problems)
        // The first in folder order (app-000000, id APP-000003) keeps the name, whatever order the workers ran in.
        let first = String(decoding: outputs[0]["/\(beijing)/dossiers/APP-000003.\(beijing).zh.json"] ?? Data(), as: UTF8.self)
        XCTAssertTrue(first.contains("\"id\" : \"APP-000003\""), String(first.prefix(400)))
        XCTAssertNil(outputs[0]["/\(beijing)/dossiers/app-000003.\(beijing).zh.json"])
        XCTAssertFalse(outputs[0].keys.contains { $0.contains(".parkscore-batch-") }, "the staging folder is gone")
    }

    func testRankingsWithoutDossiersAreTheSame() throws {
        let apps = try generate(12)
        let root = apps.deletingLastPathComponent()
        let full = root.appendingPathComponent("full"), lean = root.appendingPathComponent("lean")
        XCTAssertEqual(try Parkscore.run(["batch", apps.path, "--scorecard", beijing, "--scorecard", jiading, "-o", full.path]).status, 0)
        let run = try Parkscore.run(["batch", apps.path, "--scorecard", beijing, "--scorecard", jiading, "--no-dossiers", "-o", lean.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        let withDossiers = try files(full), without = try files(lean)
        var expected: Set<String> = ["/problems.txt"]
        for id in [beijing, jiading] {
            for file in ["ranking.html", "ranking.csv", "ranking.json", "ranking.xlsx"] { expected.insert("/" + id + "/" + file) }
        }
        XCTAssertEqual(Set(without.keys), expected)
        for (name, bytes) in without { XCTAssertEqual(bytes, withDossiers[name], name) }
        // Two scorecards named: two folders, nothing else scored.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: full.path).sorted(), [beijing, jiading, "problems.txt"])
    }

    func testARerunReplacesOnlyItsOwnScorecard() throws {
        let apps = try generate(6)
        let out = apps.deletingLastPathComponent().appendingPathComponent("out")
        XCTAssertEqual(try Parkscore.run(["batch", apps.path, "--scorecard", beijing, "-o", out.path]).status, 0)
        XCTAssertEqual(try Parkscore.run(["batch", apps.path, "--scorecard", jiading, "-o", out.path]).status, 0)
        let jiadingBefore = try files(out.appendingPathComponent(jiading))
        // Fewer applications the second time: the old dossiers of the first run do not linger.
        try FileManager.default.removeItem(at: apps.appendingPathComponent("app-000006"))
        XCTAssertEqual(try Parkscore.run(["batch", apps.path, "--scorecard", beijing, "-o", out.path]).status, 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent(beijing + "/dossiers").path)
        XCTAssertEqual(names.count, 10)
        XCTAssertFalse(names.contains { $0.hasPrefix("app-000006.") })
        XCTAssertEqual(try files(out.appendingPathComponent(jiading)), jiadingBefore, "the other scorecard's folder is untouched")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted(), [beijing, jiading, "problems.txt"])
    }

    func testAScorecardNamedTwiceOrWithAllIsRefusedOrOnce() throws {
        let apps = try generate(2)
        let out = apps.deletingLastPathComponent().appendingPathComponent("out")
        let both = try Parkscore.run(["batch", apps.path, "--all", "--scorecard", beijing, "-o", out.path])
        XCTAssertEqual(both.status, 64, both.stderr)
        XCTAssertTrue(both.stderr.contains("--all scores each application against its applies_to"), both.stderr)
        let twice = try Parkscore.run(["batch", apps.path, "--scorecard", beijing, "--scorecard", beijing, "-o", out.path])
        XCTAssertEqual(twice.status, 0, twice.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent(beijing + "/dossiers").path).count, 4)
        let jobs = try Parkscore.run(["batch", apps.path, "--jobs", "0", "-o", out.path])
        XCTAssertEqual(jobs.status, 64)
        XCTAssertTrue(jobs.stderr.contains("--jobs takes 1 to 256, not 0"), jobs.stderr)
    }

    /// Peak memory at 2,000 applications within 1.2× of that at 200: nothing is kept per application but a ranking row.
    func testMemoryDoesNotGrowWithTheNumberOfApplications() throws {
        let small = try generate(200, seed: 3), large = try generate(2000, seed: 3)
        var peaks: [Int] = []
        for apps in [small, large] {
            let out = apps.deletingLastPathComponent().appendingPathComponent("out")
            let (status, peak) = try Parkscore.peakMemory(["batch", apps.path, "--scorecard", beijing, "-o", out.path])
            XCTAssertEqual(status, 0)
            peaks.append(peak)
        }
        XCTAssertLessThanOrEqual(Double(peaks[1]), Double(peaks[0]) * 1.2, "peak RSS \(peaks[0]) KiB at 200 applications, \(peaks[1]) KiB at 2,000")
    }
}
