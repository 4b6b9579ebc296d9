import Foundation
import ParkScoreTestSupport
import XCTest

/// `compare --format xlsx`, `dossier --format xlsx` and batch's ranking.xlsx, through the command line and read back
/// by openpyxl. The workbooks' contents are checked in ParkScoreDossierTests.SpreadsheetOutputTests; here, that the
/// commands write them.
final class SpreadsheetCommandTests: XCTestCase {
    let beijing = "beijing-digital-advertising-park"

    func testCompareWritesAWorkbookToAFileOrAPipe() throws {
        let folder = try Parkscore.temporaryFolder()
        let reports = ["Samples/beijing-xinghe/self-report.yaml", "Samples/beijing-dongling/self-report.yaml"]
        let file = folder.appendingPathComponent("排名.xlsx")
        let run = try Parkscore.run(["compare", "--lang", "zh"] + reports + ["--scorecard", beijing, "--format", "xlsx", "-o", file.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stdout, "")
        let dump = try SpreadsheetDump.of(file)
        XCTAssertEqual(dump.sheetNames, ["排名", "维度", "指标", "单项最优"])
        let cells = dump.sheet("排名")?["cells"] as? [String: [String: Any]]
        // 62.04 (StageRulesTests.testTheSampleEvaluationByHand: Xinghe carries reviews/) and 16.44
        // (BeijingScorecardTests.testIneligibleSampleByHand), as numbers.
        XCTAssertEqual(cells?["E2"]?["value"] as? Double, 62.04)
        XCTAssertEqual(cells?["E3"]?["value"] as? Double, 16.44)
        XCTAssertEqual(cells?["E2"]?["type"] as? String, "n")

        // Again: the same bytes.
        let again = folder.appendingPathComponent("again.xlsx")
        XCTAssertEqual(try Parkscore.run(["compare", "--lang", "zh"] + reports + ["--scorecard", beijing, "--format", "xlsx", "-o", again.path]).status, 0)
        XCTAssertEqual(try Data(contentsOf: again), try Data(contentsOf: file), "the same bytes on every run")
        // Standard output redirected (not a terminal): the workbook goes there.
        let piped = try Parkscore.run(["compare", "--lang", "zh"] + reports + ["--scorecard", beijing, "--format", "xlsx"])
        XCTAssertEqual(piped.status, 0, piped.stderr)
        XCTAssertTrue(piped.stdout.hasPrefix("PK\u{3}\u{4}"), "a ZIP package")
        // English: the sheets' names from the catalogue.
        let en = folder.appendingPathComponent("ranking.en.xlsx")
        XCTAssertEqual(try Parkscore.run(["compare"] + reports + ["--scorecard", beijing, "--format", "xlsx", "--lang", "en", "-o", en.path]).status, 0)
        XCTAssertEqual(try SpreadsheetDump.of(en).sheetNames, ["Ranking", "Dimensions", "Criteria", "Best per criterion"])
    }

    /// Without --format, the output file's extension says the format: a file named .xlsx never holds a text table.
    func testCompareTakesTheFormatFromTheFileName() throws {
        let folder = try Parkscore.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let reports = ["Samples/beijing-xinghe/self-report.yaml", "Samples/beijing-dongling/self-report.yaml"]
        for (name, start) in [("排名.xlsx", [UInt8]([0x50, 0x4B, 0x03, 0x04])), ("排名.csv", [0xEF, 0xBB, 0xBF]),
                              ("排名.html", Array("<!DOCTYPE html>".utf8))] {
            let file = folder.appendingPathComponent(name)
            let run = try Parkscore.run(["compare"] + reports + ["--scorecard", beijing, "-o", file.path])
            XCTAssertEqual(run.status, 0, run.stderr)
            let bytes = [UInt8](try Data(contentsOf: file))
            XCTAssertEqual(Array(bytes.prefix(start.count)), start, name)
        }
    }

    func testDossierWritesTheScoringSheet() throws {
        let folder = try Parkscore.temporaryFolder()
        let file = folder.appendingPathComponent("评分表.xlsx")
        let run = try Parkscore.run(["dossier", "Samples/beijing-xinghe/self-report.yaml", "--reviews", "Samples/beijing-xinghe/reviews",
                                     "--lang", "zh", "-o", file.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        let dump = try SpreadsheetDump.of(file)
        XCTAssertEqual(dump.sheetNames, ["评分表"])
        let cells = dump.sheet("评分表")?["cells"] as? [String: [String: Any]]
        XCTAssertEqual(cells?["F9"]?["value"] as? String, "评审分")
        // A folder with --format xlsx: one 评分表 per scorecard, named as the other formats are.
        let out = folder.appendingPathComponent("out")
        let all = try Parkscore.run(["dossier", "Samples/beijing-xinghe/self-report.yaml", "--format", "xlsx", "--lang", "zh", "-o", out.path + "/"])
        XCTAssertEqual(all.status, 0, all.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.path), ["beijing-xinghe.\(beijing).zh.xlsx"])
    }

    func testBatchWritesRankingXLSXBesideTheOthers() throws {
        let apps = try Parkscore.temporaryFolder().appendingPathComponent("applications")
        try FileManager.default.createDirectory(at: apps, withIntermediateDirectories: true)
        for name in ["beijing-xinghe", "beijing-dongling"] {
            try FileManager.default.copyItem(at: Parkscore.repository.appendingPathComponent("Samples/\(name)"), to: apps.appendingPathComponent(name))
        }
        let out = apps.deletingLastPathComponent().appendingPathComponent("out")
        let run = try Parkscore.run(["batch", apps.path, "--scorecard", beijing, "--no-dossiers", "--lang", "zh", "-o", out.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent(beijing).path).sorted(),
                       ["ranking.csv", "ranking.html", "ranking.json", "ranking.xlsx"])
        let dump = try SpreadsheetDump.of(out.appendingPathComponent(beijing + "/ranking.xlsx"))
        let cells = dump.sheet("排名")?["cells"] as? [String: [String: Any]]
        XCTAssertEqual(cells?["B2"]?["value"] as? String, "beijing-xinghe")
        XCTAssertEqual(cells?["B3"]?["value"] as? String, "beijing-dongling")
        XCTAssertEqual(cells?["E2"]?["value"] as? Double, 62.04)
        // The same workbook compare writes from the same reports.
        let compared = out.appendingPathComponent("compared.xlsx")
        XCTAssertEqual(try Parkscore.run(["compare", "--lang", "zh", apps.path + "/beijing-xinghe/self-report.yaml",
                                          apps.path + "/beijing-dongling/self-report.yaml", "--scorecard", beijing, "--format", "xlsx",
                                          "-o", compared.path]).status, 0)
        XCTAssertEqual(try Data(contentsOf: compared), try Data(contentsOf: out.appendingPathComponent(beijing + "/ranking.xlsx")))
    }

    /// A workbook is binary: on a terminal (a pseudo-terminal made by script(1)), compare and dossier refuse, exit 64.
    func testAWorkbookIsNeverWrittenToATerminal() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { throw XCTSkip("script(1) is needed for a terminal") }
        let parkscore = Parkscore.executable.path
        for command in ["\(parkscore) compare Samples/beijing-xinghe/self-report.yaml --scorecard \(beijing) --format xlsx --lang en",
                        "\(parkscore) dossier Samples/beijing-xinghe/self-report.yaml --format xlsx --lang en"] {
            let run = try Parkscore.run(["script", "-qec", command, "/dev/null"], executable: "/usr/bin/script")
            XCTAssertEqual(run.status, 64, command)
            XCTAssertTrue(run.stdout.contains("error: a workbook cannot be written to a terminal"), run.stdout)
            XCTAssertFalse(run.stdout.contains("PK"), "no bytes of the package on the terminal")
        }
    }
}
