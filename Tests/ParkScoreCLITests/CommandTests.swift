import Foundation
import ParkScoreIO
import ParkScoreTestSupport
import XCTest

final class CommandTests: XCTestCase {
    let xinghe = "Samples/beijing-xinghe/self-report.yaml"
    let dongling = "Samples/beijing-dongling/self-report.yaml"
    let beijing = "beijing-digital-advertising-park"

    func testScoreTextGolden() throws {
        let zh = try Parkscore.run(["score", xinghe, "--scorecard", beijing, "--lang", "zh"])
        XCTAssertEqual(zh.status, 0, zh.stderr)
        XCTAssertEqual(zh.stderr, "")
        assertGolden(zh.stdout, named: "score-beijing-xinghe.zh.txt")
        let en = try Parkscore.run(["score", dongling, "--scorecard", beijing, "--lang", "en"])
        XCTAssertEqual(en.status, 0, "a park that fails a gate is a valid result")
        assertGolden(en.stdout, named: "score-beijing-dongling.en.txt")
    }

    func testScoreJSON() throws {
        let run = try Parkscore.run(["score", xinghe, "--scorecard", beijing, "--format", "json"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(json["schemaVersion"] as? Int, 2)
        // 78.25 by hand in BeijingScorecardTests.testEligibleSampleByHand (was 79.08 before 二's services became gate G3).
        XCTAssertEqual((json["total"] as? NSNumber)?.doubleValue, 78.25)
        // Each gate carries its basis: all four of Beijing's rest on the text (一, 二).
        XCTAssertEqual((json["gates"] as? [[String: Any]])?.map { $0["basis"] as? String }, ["text", "text", "text", "text"])
        XCTAssertEqual((json["grade"] as? [String: Any])?["id"] as? String, "B")
        XCTAssertEqual(json["verdict"] as? String, "eligible")
        XCTAssertEqual(json["scoringModel"] as? String, "weighted-dimensions")
        // Same input, same bytes.
        XCTAssertEqual(try Parkscore.run(["score", xinghe, "--scorecard", beijing, "--format", "json"]).stdout, run.stdout)
    }

    func testInvalidSelfReportExitsOneWithFileLineColumnAndCaret() throws {
        let folder = try Parkscore.temporaryFolder()
        let report = folder.appendingPathComponent("report.yaml")
        try """
        park: {name: 测试园区}
        period: {from: 2025-01-01, to: 2025-12-31}
        facts:
          tenants:
            total: -3
            advertising_related: 二十
        """.write(to: report, atomically: true, encoding: .utf8)
        let run = try Parkscore.run(["score", report.path, "--scorecard", beijing])
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.stdout, "")
        XCTAssertEqual(run.stderr, """
        \(report.path):5:12: error: 'tenants.total' is -3, below the minimum 0 [facts.tenants.total]
                total: -3
                       ^
        \(report.path):6:26: error: 'tenants.advertising_related' must be a whole number, not text '二十' (accepted: 20, １２, 1,250,000, 20家) [facts.tenants.advertising_related]
                advertising_related: 二十
                                     ^
        2 errors

        """)
    }

    func testBrokenYAMLAndMissingFile() throws {
        let folder = try Parkscore.temporaryFolder()
        let report = folder.appendingPathComponent("broken.yaml")
        try "park:\n  name: a\n bad: [\n".write(to: report, atomically: true, encoding: .utf8)
        let run = try Parkscore.run(["validate", report.path])
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.stderr, """
        \(report.path):3:2: error: did not find expected key while parsing a block mapping (started at 1:1)
             bad: [
             ^

        """)
        let folderRun = try Parkscore.run(["validate", folder.path])
        XCTAssertEqual(folderRun.status, 1)
        // A folder stands for the self-report in it; this one holds none, and is told which names are looked for.
        XCTAssertEqual(folderRun.stderr,
                       "error: folder '\(folder.path)' holds no self-report: expected one of self-report.yaml / self-report.xlsx / 申报表.xlsx\n")
        let fifo = folder.appendingPathComponent("fifo.yaml")
        XCTAssertEqual(mkfifo(fifo.path, 0o600), 0)
        let fifoRun = try Parkscore.run(["validate", fifo.path])
        XCTAssertEqual(fifoRun.status, 1)
        XCTAssertEqual(fifoRun.stderr, "error: '\(fifo.path)' is not a regular file\n")
        let missing = try Parkscore.run(["validate", "no-such-report.yaml"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertEqual(missing.stderr, "error: no such file 'no-such-report.yaml'\n")
    }

    func testEvidenceFilesAreCheckedAgainstTheirHashes() throws {
        let folder = try Parkscore.temporaryFolder()
        let source = Parkscore.repository.appendingPathComponent("Samples/beijing-xinghe")
        try FileManager.default.copyItem(at: source, to: folder.appendingPathComponent("park"))
        let park = folder.appendingPathComponent("park")
        // One file changed, one removed, one path leaving the folder.
        try "changed".write(to: park.appendingPathComponent("evidence/tenant-list.csv"), atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: park.appendingPathComponent("evidence/service-platform.md"))
        let reportURL = park.appendingPathComponent("self-report.yaml")
        var text = try String(contentsOf: reportURL, encoding: .utf8)
        text = text.replacingOccurrences(of: "file: evidence/management-licence.txt", with: "file: ../../etc/passwd")
        try text.write(to: reportURL, atomically: true, encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        func line(_ needle: String) -> Int { lines.firstIndex { $0.contains(needle) }! + 1 }

        let run = try Parkscore.run(["validate", reportURL.path])
        XCTAssertEqual(run.status, 1)
        let errors = run.stderr.components(separatedBy: "\n").filter { $0.contains(": error: ") }
        XCTAssertEqual(errors, [
            // The caret at the value that is wrong: the path, or the sha256 (no longer at '- id:').
            "\(reportURL.path):\(line("file: ../../etc/passwd")):11: error: evidence file '../../etc/passwd' must be a path inside the application folder [evidence[0]]",
            "\(reportURL.path):\(line("sha256: da56e8286645")):13: error: evidence file 'evidence/tenant-list.csv' does not match its sha256: recorded da56e8286645…, file has \(String(SHA256Text.of(Array("changed".utf8)).prefix(12)))… [evidence[1]]",
            "\(reportURL.path):\(line("file: evidence/service-platform.md")):11: error: evidence file 'evidence/service-platform.md' is missing [evidence[2]]",
        ])
        // A link inside the folder that leads out of it is caught too.
        try FileManager.default.createSymbolicLink(atPath: park.appendingPathComponent("evidence/link.txt").path, withDestinationPath: "/etc/hostname")
        text = text.replacingOccurrences(of: "file: ../../etc/passwd", with: "file: evidence/link.txt")
        try text.write(to: reportURL, atomically: true, encoding: .utf8)
        let linked = try Parkscore.run(["validate", reportURL.path])
        XCTAssertTrue(linked.stderr.contains("error: evidence file 'evidence/link.txt' leads outside the application folder [evidence[0]]"), linked.stderr)
        // Scoring still works, with the problems as warnings.
        let score = try Parkscore.run(["score", reportURL.path])
        XCTAssertEqual(score.status, 0)
        XCTAssertTrue(score.stderr.contains(": warning: evidence file 'evidence/service-platform.md' is missing"), score.stderr)
    }

    func testTemplateIsWrittenWholeOrNotAtAll() throws {
        let folder = try Parkscore.temporaryFolder()
        let target = folder.appendingPathComponent("blank.yaml")
        let run = try Parkscore.run(["template", beijing, "-o", target.path, "--lang", "zh"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let written = try String(contentsOf: target, encoding: .utf8)
        XCTAssertEqual(written, try Parkscore.run(["template", beijing, "--lang", "zh"]).stdout)
        XCTAssertTrue(written.hasPrefix("# 园区自评报告 — 北京市数字广告产业园区评定（beijing-digital-advertising-park 1.2.0）\n"))
        // In English the comments are English; the keys and the example values are the same.
        let english = try Parkscore.run(["template", beijing, "--lang", "en"]).stdout
        XCTAssertTrue(english.hasPrefix("# Park self-report: Beijing municipal digital advertising park accreditation (beijing-digital-advertising-park 1.2.0)\n"),
                      english)
        XCTAssertEqual(english.components(separatedBy: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("#") }
                           .map { $0.components(separatedBy: "#")[0] },
                       written.components(separatedBy: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("#") }
                           .map { $0.components(separatedBy: "#")[0] })
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["blank.yaml"])

        let nowhere = folder.appendingPathComponent("no/such/folder/blank.yaml")
        let failed = try Parkscore.run(["template", beijing, "-o", nowhere.path])
        XCTAssertEqual(failed.status, 1)
        XCTAssertEqual(failed.stderr, "error: cannot write '\(nowhere.path)': no folder '\(nowhere.deletingLastPathComponent().path)'\n")
    }

    func testDossierWritesEveryFormatIntoAFolderOrNothing() throws {
        let folder = try Parkscore.temporaryFolder()
        let run = try Parkscore.run(["dossier", xinghe, "--lang", "en", "-o", folder.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(), [
            "beijing-xinghe.beijing-digital-advertising-park.en.html",
            "beijing-xinghe.beijing-digital-advertising-park.en.json",
            "beijing-xinghe.beijing-digital-advertising-park.en.md",
        ])
        let json = try Data(contentsOf: folder.appendingPathComponent("beijing-xinghe.beijing-digital-advertising-park.en.json"))
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        XCTAssertEqual(object["schema"] as? String, "parkscore-dossier")
        XCTAssertEqual(object["schemaVersion"] as? Int, 2)
        XCTAssertEqual(object["date"] as? String, "2026-01-20", "the report's date, not the clock")

        // Same inputs, same bytes.
        let again = try Parkscore.temporaryFolder()
        _ = try Parkscore.run(["dossier", xinghe, "--lang", "en", "-o", again.path])
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent(name)), try Data(contentsOf: again.appendingPathComponent(name)), name)
        }

        // A broken template: a clear error naming it, and no file written.
        let templates = try Parkscore.temporaryFolder().appendingPathComponent("Templates")
        try FileManager.default.copyItem(at: Parkscore.repository.appendingPathComponent("Templates"), to: templates)
        try "{{#gates}}".write(to: templates.appendingPathComponent("dossier.html.mustache"), atomically: true, encoding: .utf8)
        let empty = try Parkscore.temporaryFolder()
        let broken = try Parkscore.run(["dossier", xinghe, "--templates", templates.path, "-o", empty.path])
        XCTAssertEqual(broken.status, 1)
        XCTAssertTrue(broken.stderr.contains("error: template 'dossier.html.mustache' is broken: expectedSectionEnd"), broken.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: empty.path), [])

        // A folder that does not exist is created (DossierOutputTests has the rest).
        let created = empty.appendingPathComponent("missing/dossier.html")
        let made = try Parkscore.run(["dossier", xinghe, "-o", created.path])
        XCTAssertEqual(made.status, 0, made.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: created.deletingLastPathComponent().path), ["dossier.html"])
        XCTAssertEqual(try Parkscore.run(["dossier", xinghe, "--date", "2026-13-01"]).status, 64)
    }

    func testEvaluationWithReviews() throws {
        let reviews = ["preliminary", "panel-1", "panel-2", "panel-3"].flatMap { ["--review", "Samples/beijing-xinghe/reviews/\($0).yaml"] }
        let run = try Parkscore.run(["score", xinghe, "--mode", "evaluation", "--lang", "zh"] + reviews)
        XCTAssertEqual(run.status, 0, run.stderr)
        // The verdict first, then the stages and every finding, then the details.
        XCTAssertTrue(run.stdout.hasPrefix("北京市数字广告产业园区评定（beijing-digital-advertising-park 1.2.0）\n"), run.stdout)
        XCTAssertTrue(run.stdout.contains("\n分阶段得分\n  自评分：78.25 B*    初审分："), run.stdout)
        // Each gate says what it rests on.
        XCTAssertTrue(run.stdout.contains("  ✓ G0 园区位于本市辖区内 [一：数字广告产业园区一般指在本市辖区内]（依据：政策原文） — 通过\n"), run.stdout)
        // culture.content: 1, 3, 1 → mean 5/3 → 2 + 2/3 × 2 = 10/3 = 3.33 points; spread 2 > 1 and no chair here: provisional.
        XCTAssertTrue(run.stdout.contains("  culture.content：钱评审 1、孙评审 3、李评审 1，平均等级 1.67，得 3.33 分\n    ⚠ 分歧较大，待组长合议（结果暂定）\n"), run.stdout)
        XCTAssertTrue(run.stdout.contains("    赵初审（初审，2026-02-20）：将 services.third_party 调整为 1 分，理由：7家第三方机构中3家合作协议已到期，有效仅4家 — 有效\n"))
        XCTAssertTrue(run.stdout.contains("  · 评审意见分歧较大，待组长合议：culture.content\n"), run.stdout)

        let json = try Parkscore.run(["score", xinghe, "--mode", "evaluation", "--format", "json", "--lang", "zh"] + reviews)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let stages = try XCTUnwrap((object["stages"] as? [String: Any])?["stages"] as? [[String: Any]])
        XCTAssertEqual(stages.map { $0["stage"] as? String }, ["self", "preliminary", "panel"])

        // An override without a reason is refused, with its place.
        let folder = try Parkscore.temporaryFolder()
        let bad = folder.appendingPathComponent("bad-review.yaml")
        try """
        reviewer: {id: x, name: 某评审, role: panel}
        date: 2026-03-01
        scorecard: beijing-digital-advertising-park
        overrides:
          services.research: {points: 1}
        """.write(to: bad, atomically: true, encoding: .utf8)
        let refused = try Parkscore.run(["score", xinghe, "--mode", "evaluation", "--review", bad.path])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.hasPrefix("\(bad.path):5:22: error: override of 'services.research' needs a reason [overrides.services.research]\n"), refused.stderr)
        XCTAssertEqual(refused.stdout, "")
        // --review implies evaluation; --mode self with reviews is a usage error.
        XCTAssertEqual(try Parkscore.run(["score", xinghe, "--review", bad.path]).stderr, refused.stderr)
        XCTAssertEqual(try Parkscore.run(["score", xinghe, "--mode", "self", "--review", bad.path]).status, 64)
    }

    /// An application folder (what a batch reads) stands for the self-report.yaml in it, for every command that reads one;
    /// a folder without one is refused as a folder.
    func testAnApplicationFolderStandsForItsSelfReport() throws {
        let folder = (xinghe as NSString).deletingLastPathComponent
        for command in [["score"], ["validate"], ["evidence"], ["score", "--format", "json"]] {
            let byFile = try Parkscore.run(command + [xinghe])
            let byFolder = try Parkscore.run(command + [folder])
            XCTAssertEqual(byFolder.status, byFile.status, "\(command) \(byFolder.stderr)")
            XCTAssertEqual(byFolder.stdout.replacingOccurrences(of: folder + "/self-report.yaml", with: folder)
                .replacingOccurrences(of: folder, with: "F"),
                           byFile.stdout.replacingOccurrences(of: xinghe, with: "F"), "\(command)")
        }
        let empty = try Parkscore.temporaryFolder()
        let refused = try Parkscore.run(["score", empty.path])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("holds no self-report: expected one of self-report.yaml / self-report.xlsx / 申报表.xlsx"),
                      refused.stderr)
    }

    func testUnknownScorecard() throws {
        let run = try Parkscore.run(["score", xinghe, "--scorecard", "beijing-digital-advertising-prk"])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stderr.hasPrefix("error: unknown scorecard 'beijing-digital-advertising-prk' (did you mean 'beijing-digital-advertising-park'?); built-in scorecards: "),
                      run.stderr)
        // In Chinese, with the nearest id as its suggestion.
        let zh = try Parkscore.run(["score", xinghe, "--scorecard", "beijing-digital-advertising-prk", "--lang", "zh"])
        XCTAssertEqual(zh.status, 1)
        XCTAssertTrue(zh.stderr.hasPrefix("错误：未知的评分表「beijing-digital-advertising-prk」（是否应为「beijing-digital-advertising-park」？）；内置评分表："),
                      zh.stderr)
    }

    func testUsageErrorsExit64() throws {
        let run = try Parkscore.run(["score", "--scorecard", beijing])
        XCTAssertEqual(run.status, 64)
        XCTAssertTrue(run.stderr.contains("Missing expected argument '<self-report>'"), run.stderr)
        let folder = try Parkscore.temporaryFolder()
        let report = folder.appendingPathComponent("report.yaml")
        try "park: {name: 测试园区}\nperiod: {from: 2025-01-01, to: 2025-12-31}\nfacts: {}\n".write(to: report, atomically: true, encoding: .utf8)
        let noScorecard = try Parkscore.run(["score", report.path])
        XCTAssertEqual(noScorecard.status, 1)
        XCTAssertTrue(noScorecard.stderr.hasPrefix("\(report.path):1:1: error: no scorecard: pass --scorecard, or list the scorecards under 'applies_to' in the self-report"),
                      noScorecard.stderr)
        // Without --scorecard, the report's 'applies_to' names it.
        XCTAssertEqual(try Parkscore.run(["score", xinghe]).stdout, try Parkscore.run(["score", xinghe, "--scorecard", beijing]).stdout)
        XCTAssertEqual(try Parkscore.run(["score", xinghe, "--scorecard", beijing, "--format", "pdf"]).status, 64)
        XCTAssertEqual(try Parkscore.run(["frobnicate"]).status, 64)
    }

    func testValidateLintExplain() throws {
        let validate = try Parkscore.run(["validate", xinghe, "--lang", "zh"])
        XCTAssertEqual(validate.status, 0, validate.stderr)
        XCTAssertEqual(validate.stdout, "\(xinghe)：有效（29 项事实，4 条佐证材料）\n")
        XCTAssertEqual(try Parkscore.run(["validate", xinghe]).stdout, "\(xinghe): valid (29 facts, 4 evidence entries)\n")

        let lint = try Parkscore.run(["lint", "--lang", "zh"])
        XCTAssertEqual(lint.status, 0, lint.stderr)
        // The summary in Chinese: the five scorecards of Criteria/ (beijing, jiading, nanshan, shenzhen, zhejiang).
        XCTAssertTrue(lint.stdout.hasSuffix("\n已检查 5 个评分表：0 个错误，0 个警告\n"), lint.stdout)
        // The gates of each scorecard by basis: the text's conditions, then the scorecard's proposals.
        XCTAssertTrue(lint.stdout.hasPrefix("""
            beijing-digital-advertising-park — 门槛条件（按依据）
              依据：政策原文（4项）
                G0 园区位于本市辖区内 [一] — 不予认定
                G1 具备独立法人资格的园区管理机构 [二] — 不予认定
                G2 广告及关联单位占比不低于40%或数量不少于20家 [二] — 不予认定
                G3 能够为企业经营及行业公共活动提供软、硬件服务 [二] — 不予认定
              依据：本评分表建议（0项）
            jiading-digital-advertising — 门槛条件（按依据）
              （无门槛条件）
            nanshan-livestreaming — 门槛条件（按依据）
              依据：政策原文（0项）
              依据：本评分表建议（1项）
                G1 属于文件所列三类直播园区之一 [二] — 不予认定

            """), lint.stdout)
        let lintEN = try Parkscore.run(["lint", "Criteria/beijing-digital-advertising-park.yaml", "--lang", "en"])
        XCTAssertEqual(lintEN.stdout, """
            beijing-digital-advertising-park — gates by basis
              basis: policy text (4)
                G0 The park lies within Beijing [一] — ineligible
                G1 An independent legal-person park management body [二] — ineligible
                G2 Advertising and related units at least 40% of tenants or at least 20 units [二] — ineligible
                G3 Soft and hard services for tenants' business and sector events [二] — ineligible
              basis: scorecard proposal (0)
            1 scorecard checked: 0 errors, 0 warnings

            """)

        let explain = try Parkscore.run(["explain", beijing, "G2", "--lang", "en"])
        XCTAssertEqual(explain.status, 0)
        XCTAssertEqual(explain.stdout, """
        Gate G2: Advertising and related units at least 40% of tenants or at least 20 units
        Clause: 二: “园区内开展广告业务的企事业单位及上下游关联单位数量一般不低于入驻单位总数的40%或不少于20家”  (000_635c0f08b529d72c.txt)
        Basis: policy text
        Condition: tenants.advertising_related / tenants.total >= 40% or tenants.advertising_related >= 20
        If it fails: ineligible
        Evidence: Tenant list marking the advertising and related units

        """)
        let unknown = try Parkscore.run(["explain", beijing, "G4", "--lang", "zh"])
        XCTAssertEqual(unknown.status, 1)
        XCTAssertEqual(unknown.stderr, "错误：评分表「beijing-digital-advertising-park」中没有门槛或评分项「G4」（是否应为「G0」？）\n")
        let unknownEN = try Parkscore.run(["explain", beijing, "G4", "--lang", "en"])
        XCTAssertEqual(unknownEN.stderr, "error: scorecard 'beijing-digital-advertising-park' has no gate or criterion 'G4' (did you mean 'G0'?)\n")
    }

    func testLintReportsEveryProblemOfABrokenScorecard() throws {
        let folder = try Parkscore.temporaryFolder()
        let original = try String(contentsOf: Parkscore.repository.appendingPathComponent("Criteria/beijing-digital-advertising-park.yaml"), encoding: .utf8)
        let broken = original
            .replacingOccurrences(of: "weight: 10\n    criteria:\n      # 二's basic", with: "weight: 12\n    criteria:\n      # 二's basic")
            .replacingOccurrences(of: "when: services.research_partners >= 1", with: "when: services.research_partner >= 1")
        let path = folder.appendingPathComponent("beijing-digital-advertising-park.yaml")
        try broken.write(to: path, atomically: true, encoding: .utf8)
        let run = try Parkscore.run(["lint", path.path])
        XCTAssertEqual(run.status, 1)
        let lines = broken.components(separatedBy: "\n")
        let weightLine = lines.firstIndex { $0.contains("- id: basic") }! + 1
        let whenLine = lines.firstIndex { $0.contains("services.research_partner >= 1") }! + 1
        XCTAssertTrue(run.stderr.contains("\(path.path):\(weightLine):5: error: dimension weights add up to 102, not 100\n"), run.stderr)
        XCTAssertTrue(run.stderr.contains("\(path.path):\(whenLine):15: error: unknown fact 'services.research_partner' (did you mean 'services.research_partners'?)\n"), run.stderr)
        XCTAssertTrue(run.stderr.hasSuffix("1 scorecard checked: 2 errors, 0 warnings\n"), run.stderr)
    }

    /// lint's own problems and its summary, in Chinese and English: two copies of one scorecard under other names
    /// (each differs from its file name: 2 warnings; the second reuses the id: 1 error).
    func testLintSaysItsOwnProblemsInEachLanguage() throws {
        let folder = try Parkscore.temporaryFolder()
        let original = try String(contentsOf: Parkscore.repository.appendingPathComponent("Criteria/jiading-digital-advertising.yaml"), encoding: .utf8)
        for name in ["a", "b"] { try original.write(to: folder.appendingPathComponent(name + ".yaml"), atomically: true, encoding: .utf8) }
        let zh = try Parkscore.run(["lint", folder.path, "--lang", "zh"])
        XCTAssertEqual(zh.status, 1)
        XCTAssertTrue(zh.stderr.contains("警告：评分表编号「jiading-digital-advertising」与其文件名「a」不一致：无法按编号找到该评分表"), zh.stderr)
        XCTAssertTrue(zh.stderr.contains("错误：评分表编号「jiading-digital-advertising」也被「\(folder.path)/a.yaml」使用"), zh.stderr)
        XCTAssertTrue(zh.stderr.hasSuffix("已检查 2 个评分表：1 个错误，2 个警告\n"), zh.stderr)
        let en = try Parkscore.run(["lint", folder.path, "--lang", "en"])
        XCTAssertTrue(en.stderr.contains("warning: scorecard id 'jiading-digital-advertising' differs from its file name 'a': it cannot be found by id"), en.stderr)
        XCTAssertTrue(en.stderr.contains("error: scorecard id 'jiading-digital-advertising' is also used by '\(folder.path)/a.yaml'"), en.stderr)
        XCTAssertTrue(en.stderr.hasSuffix("2 scorecards checked: 1 error, 2 warnings\n"), en.stderr)
    }

    /// Every command treats applies_to alike: one result per scorecard.
    func testSeveralScorecardsGiveOneResultEach() throws {
        let folder = try Parkscore.temporaryFolder()
        let park = folder.appendingPathComponent("park")
        try FileManager.default.copyItem(atPath: Parkscore.repository.appendingPathComponent("Samples/beijing-xinghe").path, toPath: park.path)
        let report = park.appendingPathComponent("self-report.yaml")
        let text = try String(contentsOf: report, encoding: .utf8)
            .replacingOccurrences(of: "applies_to: [beijing-digital-advertising-park]", with: "applies_to: [beijing-digital-advertising-park, jiading-digital-advertising]")
        try text.write(to: report, atomically: true, encoding: .utf8)

        let score = try Parkscore.run(["score", report.path, "--format", "json", "--lang", "zh"])
        XCTAssertEqual(score.status, 0, score.stderr)
        let results = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(score.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(results.map { ($0["scorecard"] as? [String: Any])?["id"] as? String }, ["beijing-digital-advertising-park", "jiading-digital-advertising"])

        let out = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let dossier = try Parkscore.run(["dossier", report.path, "-o", out.path, "--lang", "zh"])
        XCTAssertEqual(dossier.status, 0, dossier.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted(), [
            "beijing-xinghe.beijing-digital-advertising-park.zh.html", "beijing-xinghe.beijing-digital-advertising-park.zh.json",
            "beijing-xinghe.beijing-digital-advertising-park.zh.md", "beijing-xinghe.jiading-digital-advertising.zh.html",
            "beijing-xinghe.jiading-digital-advertising.zh.json", "beijing-xinghe.jiading-digital-advertising.zh.md",
        ])
        // One file cannot hold two dossiers: the user is asked to choose, and nothing is written.
        let single = try Parkscore.run(["dossier", report.path, "-o", folder.appendingPathComponent("one.html").path, "--lang", "zh"])
        XCTAssertEqual(single.status, 64)
        XCTAssertTrue(single.stderr.contains("该申报适用于多个评分表（beijing-digital-advertising-park、jiading-digital-advertising）：请用 --scorecard 选择其一"), single.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("one.html").path))
        XCTAssertEqual(try Parkscore.run(["dossier", report.path, "--scorecard", "jiading-digital-advertising", "-o",
                                          folder.appendingPathComponent("one.html").path, "--lang", "zh"]).status, 0)

        let diff = try Parkscore.run(["diff", xinghe, report.path, "--lang", "zh"])
        XCTAssertEqual(diff.status, 0, diff.stderr)
        XCTAssertEqual(diff.stdout.components(separatedBy: "\n\n").count > 1, true)
        XCTAssertTrue(diff.stdout.contains("北京市数字广告产业园区评定"), diff.stdout)
        XCTAssertTrue(diff.stdout.contains("嘉定"), diff.stdout)
    }

    /// The self-report is opened once, however many outputs are made from it: seen by strace (skipped without it).
    func testTheSelfReportIsOpenedOnce() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/strace") else { throw XCTSkip("strace is not installed") }
        let folder = try Parkscore.temporaryFolder()
        let trace = folder.appendingPathComponent("trace.txt")
        let report = Parkscore.repository.appendingPathComponent(xinghe).path
        let run = try Parkscore.run(["/usr/bin/strace", "-f", "-e", "trace=open,openat", "-o", trace.path, Parkscore.executable.path,
                                     "dossier", report, "--reviews", "Samples/beijing-xinghe/reviews", "-o", folder.path], executable: "/usr/bin/strace")
        XCTAssertEqual(run.status, 0, run.stderr)
        let opens = try String(contentsOf: trace, encoding: .utf8).components(separatedBy: "\n").filter { $0.contains("self-report.yaml\"") }
        XCTAssertEqual(opens.count, 1, opens.joined(separator: "\n"))
        // Three formats were written from that one read.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("beijing-xinghe.") }.count, 3)
    }
}
