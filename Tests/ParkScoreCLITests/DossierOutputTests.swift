import Foundation
import ParkScoreTestSupport
import XCTest

/// Where `dossier` writes (a folder made when missing, a name ending in '/', a file whose extension picks the format),
/// the PDF printed by headless Chromium, `scorecards`, batch's progress line, and the examples in every command's help.
final class DossierOutputTests: XCTestCase {
    let xinghe = "Samples/beijing-xinghe/self-report.yaml"
    let defaultNames = ["beijing-xinghe.beijing-digital-advertising-park.zh.html", "beijing-xinghe.beijing-digital-advertising-park.zh.json",
                        "beijing-xinghe.beijing-digital-advertising-park.zh.md"]

    func names(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    func testOutputFolderIsCreatedWhenMissing() throws {
        let root = try Parkscore.temporaryFolder()
        // 'out/' is a folder: made (with its parent), and the default names written in it.
        let out = root.appendingPathComponent("a/out")
        let run = try Parkscore.run(["dossier", xinghe, "-o", out.path + "/", "--lang", "zh"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(try names(out), defaultNames)
        // A name without an extension that does not exist is a folder too; --format writes that one format.
        let plain = root.appendingPathComponent("plain")
        XCTAssertEqual(try Parkscore.run(["dossier", xinghe, "--format", "md", "-o", plain.path, "--lang", "zh"]).status, 0)
        XCTAssertEqual(try names(plain), ["beijing-xinghe.beijing-digital-advertising-park.zh.md"])
        // A file in a missing folder: the folder is made; the extension picks the format.
        let file = root.appendingPathComponent("b/c/dossier.md")
        XCTAssertEqual(try Parkscore.run(["dossier", xinghe, "-o", file.path, "--lang", "zh"]).status, 0)
        XCTAssertTrue(try String(contentsOf: file, encoding: .utf8).hasPrefix("# 自评报告：星河数字广告产业园（虚构）\n"))
        // An extension that names no format is still refused, with what would do.
        let odd = try Parkscore.run(["dossier", xinghe, "-o", root.appendingPathComponent("d/dossier.odt").path, "--lang", "zh"])
        XCTAssertEqual(odd.status, 64)
        XCTAssertTrue(odd.stderr.contains("cannot tell the format of"), odd.stderr)
        XCTAssertTrue(odd.stderr.contains(".html, .md, .json, .pdf, .docx or .xlsx"), odd.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("d").path))
    }

    func testAFailedRunLeavesNoFolderBehind() throws {
        let root = try Parkscore.temporaryFolder()
        let report = root.appendingPathComponent("bad.yaml")
        try "park: {name: x}\nperiod: nonsense\n".write(to: report, atomically: true, encoding: .utf8)
        let run = try Parkscore.run(["dossier", report.path, "-o", root.appendingPathComponent("new/out/").path + "/"])
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(try names(root), ["bad.yaml"])
    }

    func testPDFWithoutChromiumIsAClearError() throws {
        let root = try Parkscore.temporaryFolder()
        let empty = root.appendingPathComponent("empty-bin")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let target = root.appendingPathComponent("out/xinghe.pdf")
        let run = try Parkscore.run(["dossier", xinghe, "-o", target.path], environment: ["PATH": empty.path])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stderr.hasPrefix("error: cannot write a PDF: no Chromium or Google Chrome found on PATH"), run.stderr)
        XCTAssertTrue(run.stderr.contains("--format html"), run.stderr)
        XCTAssertEqual(run.stdout, "")
        // Nothing written, no folder made.
        XCTAssertEqual(try names(root), ["empty-bin"])
        let folder = try Parkscore.run(["dossier", xinghe, "--format", "pdf", "-o", root.appendingPathComponent("pdfs/").path + "/"],
                                       environment: ["PATH": empty.path])
        XCTAssertEqual(folder.status, 1)
        XCTAssertEqual(try names(root), ["empty-bin"])
    }

    /// The first Chromium on PATH, as the command looks for it.
    var chromium: String? {
        let names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"]
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") where folder.hasPrefix("/") {
            for name in names where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") { return "\(folder)/\(name)" }
        }
        return nil
    }

    func testPDFIsPrintedByChromium() throws {
        guard chromium != nil else { throw XCTSkip("no Chromium on PATH: the PDF path cannot be exercised here") }
        let root = try Parkscore.temporaryFolder()
        let target = root.appendingPathComponent("pdf/评审意见书.pdf")
        let run = try Parkscore.run(["dossier", xinghe, "--reviews", "Samples/beijing-xinghe/reviews", "-o", target.path, "--lang", "zh"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let bytes = try Data(contentsOf: target)
        XCTAssertTrue(bytes.starts(with: Array("%PDF-".utf8)))
        XCTAssertEqual(try names(target.deletingLastPathComponent()), ["评审意见书.pdf"], "no temporary file left beside it")
        // Its text, where poppler is installed: the cover, the contents and the panel page with the reviewers.
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext") {
            let text = try Parkscore.run(["pdftotext", "-layout", target.path, "-"], executable: "/usr/bin/pdftotext").stdout
            for expected in ["评审意见书", "文号", "目录", "十、 评审组签字", "周组长", "评审组组长（签字）", "评审单位（盖章）"] {
                XCTAssertTrue(text.contains(expected), expected)
            }
        }
        // A link where the PDF goes is not followed.
        let victim = root.appendingPathComponent("victim.txt")
        try "keep".write(to: victim, atomically: true, encoding: .utf8)
        let link = root.appendingPathComponent("link.pdf")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: victim)
        let refused = try Parkscore.run(["dossier", xinghe, "-o", link.path, "--lang", "zh"])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("它是符号链接，本工具不跟随符号链接"), refused.stderr)
        XCTAssertEqual(try String(contentsOf: victim, encoding: .utf8), "keep")
    }

    func testScorecardsListsTheBuiltInOnes() throws {
        let zh = try Parkscore.run(["scorecards", "--lang", "zh"])
        XCTAssertEqual(zh.status, 0, zh.stderr)
        XCTAssertTrue(zh.stdout.hasPrefix("内置评分表（5 个）\n\n"), zh.stdout)
        // Beijing's text names no issuer: the jurisdiction stands for it (Criteria/beijing-digital-advertising-park.yaml, source).
        XCTAssertTrue(zh.stdout.contains("""
            beijing-digital-advertising-park（版本 1.2.0）
              名称：北京市数字广告产业园区评定
              依据文本：《关于推动数字广告产业园区建设的指导意见（征求意见稿）》（000_635c0f08b529d72c.txt）
              发文地区：北京市

            """), zh.stdout)
        // Jiading's names its issuer and document number (source.issuer).
        XCTAssertTrue(zh.stdout.contains("  发文机关：上海市嘉定区人民政府（嘉府发〔2023〕2号）\n"), zh.stdout)
        let ids = ["beijing-digital-advertising-park", "jiading-digital-advertising", "nanshan-livestreaming", "shenzhen-digital-creative",
                   "zhejiang-audiovisual-base"]
        let positions = ids.compactMap { zh.stdout.range(of: $0 + "（版本")?.lowerBound }
        XCTAssertEqual(positions, positions.sorted(), "sorted by id")
        XCTAssertEqual(positions.count, 5)

        let en = try Parkscore.run(["scorecards", "--lang", "en"])
        XCTAssertEqual(en.status, 0, en.stderr)
        XCTAssertTrue(en.stdout.hasPrefix("Built-in scorecards (5)\n\n"), en.stdout)
        XCTAssertTrue(en.stdout.contains("""
            beijing-digital-advertising-park (version 1.2.0)
              Title: Beijing municipal digital advertising park accreditation
              Source text: 关于推动数字广告产业园区建设的指导意见（征求意见稿） (000_635c0f08b529d72c.txt)
              Issued in: Beijing

            """), en.stdout)
        XCTAssertTrue(en.stdout.contains("  Issued by: Jiading District People's Government, Shanghai (Jiafufa [2023] No. 2)\n"), en.stdout)
        // No full-width punctuation of its own (a Chinese title is quoted as it is).
        let own = en.stdout.split(separator: "\n").filter { !$0.contains("Source text:") }.joined()
        XCTAssertFalse(own.contains { "：（），；".contains($0) }, own)

        let json = try Parkscore.run(["scorecards", "--format", "json", "--lang", "zh"])
        XCTAssertEqual(json.status, 0, json.stderr)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(object["schema"] as? String, "parkscore-scorecards")
        let list = try XCTUnwrap(object["scorecards"] as? [[String: Any]])
        XCTAssertEqual(list.map { $0["id"] as? String }, ids)
        XCTAssertEqual(list.first?["version"] as? String, "1.2.0")
        XCTAssertEqual((list.first?["title"] as? [String: String])?["en"], "Beijing municipal digital advertising park accreditation")
        let source = try XCTUnwrap(list[1]["source"] as? [String: Any])
        XCTAssertEqual(source["file"] as? String, "001_c225274d5004a409.txt")
        XCTAssertEqual((source["issuer"] as? [String: String])?["zh"], "上海市嘉定区人民政府（嘉府发〔2023〕2号）")
    }

    /// A binary copied into a folder of its own with Criteria/ and Templates/ beside it (README, "Installing") and run by
    /// name from PATH elsewhere reads those folders, not the repository's: its Criteria/ here holds one scorecard.
    func testAnInstalledBinaryFindsItsFoldersBesideIt() throws {
        let root = try Parkscore.temporaryFolder()
        let home = root.appendingPathComponent("opt/parkscore"), bin = root.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: home.appendingPathComponent("bin"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: home.appendingPathComponent("Criteria"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Parkscore.executable, to: home.appendingPathComponent("bin/parkscore"))
        for name in ["facts.yaml", "nanshan-livestreaming.yaml"] {
            try FileManager.default.copyItem(at: Parkscore.repository.appendingPathComponent("Criteria/\(name)"),
                                             to: home.appendingPathComponent("Criteria/\(name)"))
        }
        try FileManager.default.copyItem(at: Parkscore.repository.appendingPathComponent("Templates"), to: home.appendingPathComponent("Templates"))
        try FileManager.default.createSymbolicLink(at: bin.appendingPathComponent("parkscore"), withDestinationURL: home.appendingPathComponent("bin/parkscore"))
        let run = try Parkscore.run(["env", "parkscore", "scorecards", "--lang", "zh"], in: root, executable: "/usr/bin/env",
                                    environment: ["PATH": bin.path + ":/usr/bin:/bin"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.hasPrefix("内置评分表（1 个）\n\nnanshan-livestreaming（版本 1.2.0）\n"), run.stdout)
        let report = Parkscore.repository.appendingPathComponent("Samples/nanshan-xingchao/self-report.yaml").path
        let dossier = try Parkscore.run(["env", "parkscore", "dossier", report, "-o", "out/", "--lang", "zh"], in: root, executable: "/usr/bin/env",
                                        environment: ["PATH": bin.path + ":/usr/bin:/bin"])
        XCTAssertEqual(dossier.status, 0, dossier.stderr)
        XCTAssertEqual(try names(root.appendingPathComponent("out")).count, 3)
    }

    func testEveryCommandsHelpHasExamples() throws {
        // validate's help is another helper's (Validate.swift); it is checked there.
        for command in ["scorecards", "score", "lint", "explain", "template", "dossier", "batch", "compare", "crosswalk", "diff"] {
            let help = try Parkscore.run([command, "--help"])
            XCTAssertEqual(help.status, 0, command)
            XCTAssertTrue(help.stdout.contains("Examples:\n  parkscore \(command)"), "\(command):\n\(help.stdout)")
        }
    }

    /// batch on the samples folder: quiet on standard error when it is not a terminal, a summary of a few lines on
    /// standard output (not the ranking), and the progress line on a terminal (run under script(1), where it exists).
    func testBatchProgressAndSummary() throws {
        let out = try Parkscore.temporaryFolder().appendingPathComponent("out")
        let arguments = ["batch", "Samples", "--scorecard", "beijing-digital-advertising-park", "--no-dossiers", "-o", out.path, "--lang", "zh"]
        let run = try Parkscore.run(arguments)
        XCTAssertTrue([0, 2].contains(run.status), run.stderr)
        XCTAssertFalse(run.stderr.contains("已处理"), run.stderr)
        XCTAssertFalse(run.stderr.contains("\r"), run.stderr)
        let lines = run.stdout.split(separator: "\n")
        XCTAssertLessThanOrEqual(lines.count, 4, run.stdout)
        XCTAssertTrue(run.stdout.contains("beijing-digital-advertising-park（北京市数字广告产业园区评定）："), run.stdout)
        XCTAssertTrue(run.stdout.contains("/ranking.html"), run.stdout)
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { throw XCTSkip("no script(1) to give batch a terminal") }
        let command = ([Parkscore.executable.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
        let terminal = try Parkscore.run(["script", "-qec", command, "/dev/null"], executable: "/usr/bin/script")
        XCTAssertTrue(terminal.stdout.contains("\r已处理 "), terminal.stdout)
        XCTAssertTrue(terminal.stdout.contains("\u{1B}[K"), "the progress line is cleared before the summary")
    }
}
