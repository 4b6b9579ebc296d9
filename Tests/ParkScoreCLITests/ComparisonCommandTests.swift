import Foundation
import SwiftCSV
import ParkScoreTestSupport
import XCTest

/// batch, compare, crosswalk and diff on the samples.
final class ComparisonCommandTests: XCTestCase {
    let beijing = "beijing-digital-advertising-park"

    /// An applications folder: the two Beijing parks (one with reviews) and one broken application.
    func applications() throws -> URL {
        let folder = try Parkscore.temporaryFolder().appendingPathComponent("applications")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["beijing-xinghe", "beijing-dongling"] {
            try FileManager.default.copyItem(at: Parkscore.repository.appendingPathComponent("Samples/\(name)"), to: folder.appendingPathComponent(name))
        }
        try FileManager.default.copyItem(at: Parkscore.repository.appendingPathComponent("Samples/broken/malformed-yaml"),
                                         to: folder.appendingPathComponent("broken-park"))
        return folder
    }

    func files(_ folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)!
        for case let url as URL in enumerator where !url.hasDirectoryPath {
            result[String(url.path.dropFirst(folder.path.count))] = try Data(contentsOf: url)
        }
        return result
    }

    func testBatchSkipsABrokenApplicationAndKeepsGoing() throws {
        let apps = try applications()
        let out = apps.deletingLastPathComponent().appendingPathComponent("out")
        let run = try Parkscore.run(["batch", apps.path, "--scorecard", beijing, "-o", out.path, "--lang", "zh"])
        XCTAssertEqual(run.status, 2, "some applications were skipped")
        XCTAssertTrue(run.stdout.hasPrefix("共 3 份申报：评分 2 份，跳过 1 份。\n\(beijing)（北京市数字广告产业园区评定）：2 个园区，第一名"), run.stdout)
        XCTAssertLessThan(run.stdout.split(separator: "\n").count, 6, "a short summary, not the ranking")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted(), [beijing, "problems.txt"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent(beijing + "/dossiers").path).sorted(), [
            "beijing-dongling.\(beijing).zh.html", "beijing-dongling.\(beijing).zh.json", "beijing-xinghe.\(beijing).zh.html", "beijing-xinghe.\(beijing).zh.json",
        ])
        let problems = try String(contentsOf: out.appendingPathComponent("problems.txt"), encoding: .utf8)
        XCTAssertTrue(problems.hasPrefix("broken-park: 已跳过\n\(apps.path)/broken-park/self-report.yaml:8:3: 错误：解析映射时未找到应有的键"), problems)
        let ranking = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent(beijing + "/ranking.json"))) as? [String: Any])
        XCTAssertEqual(ranking["skipped"] as? [String], ["broken-park"])
        XCTAssertEqual((ranking["parks"] as? [[String: Any]])?.map { $0["park"] as? String }, ["beijing-xinghe", "beijing-dongling"])

        // The same output on one core as on all of them.
        let oneCore = apps.deletingLastPathComponent().appendingPathComponent("one-core")
        if FileManager.default.fileExists(atPath: "/usr/bin/taskset") {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/taskset")
            process.arguments = ["-c", "0", Parkscore.executable.path, "batch", apps.path, "--scorecard", beijing, "-o", oneCore.path, "--jobs", "1"]
            process.currentDirectoryURL = Parkscore.repository
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 2)
            XCTAssertEqual(try files(oneCore), try files(out))
        }
    }

    func testCompareWithATieAndCSVReadBack() throws {
        // A copy of a park under another id scores the same: the two share rank 1, the next is 3rd.
        let folder = try Parkscore.temporaryFolder()
        let twin = folder.appendingPathComponent("twin")
        try FileManager.default.copyItem(at: Parkscore.repository.appendingPathComponent("Samples/beijing-xinghe"), to: twin)
        let reportURL = twin.appendingPathComponent("self-report.yaml")
        let text = try String(contentsOf: reportURL, encoding: .utf8)
            .replacingOccurrences(of: "id: beijing-xinghe", with: "id: beijing-xinghe-twin")
            .replacingOccurrences(of: "name: 星河数字广告产业园（虚构）", with: "name: \"星河, 双子园（虚构）\"")
        try text.write(to: reportURL, atomically: true, encoding: .utf8)
        let reports = ["Samples/beijing-xinghe/self-report.yaml", reportURL.path, "Samples/beijing-dongling/self-report.yaml"]
        let run = try Parkscore.run(["compare", "--lang", "zh"] + reports + ["--scorecard", beijing, "--format", "csv"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.hasPrefix("\u{FEFF}排名,园区编号,园区,"), "UTF-8 with a byte-order mark")
        let csv = try EnumeratedCSV(string: String(run.stdout.dropFirst()))
        XCTAssertEqual(csv.header.prefix(7), ["排名", "园区编号", "园区", "结论", "总分", "等级", "暂定"])
        XCTAssertEqual(csv.rows.map { $0[0] }, ["1", "1", "3"])
        XCTAssertEqual(csv.rows.map { $0[1] }, ["beijing-xinghe", "beijing-xinghe-twin", "beijing-dongling"])
        XCTAssertEqual(csv.rows[1][2], "星河, 双子园（虚构）", "a comma inside a field survives the quoting")
        // Xinghe and its twin carry reviews/, so both are compared by their evaluation (62.04, worked out by hand in
        // StageRulesTests.testTheSampleEvaluationByHand; 65.38 before 二's services became gate G3), as batch does;
        // Dongling by its self-assessment (16.44, was 19.77: BeijingScorecardTests.testIneligibleSampleByHand).
        XCTAssertEqual(csv.rows.map { $0[4] }, ["62.04", "62.04", "16.44"])
        XCTAssertEqual(csv.rows[2][3], "不予认定")

        let table = try Parkscore.run(["compare", "--lang", "zh"] + reports + ["--scorecard", beijing, "--lang", "en"])
        // The XR studio: neither park has one, so nobody leads; tiers.structure: both twins have full marks.
        func row(_ id: String) -> [String] {
            let line = table.stdout.components(separatedBy: "\n").first { $0.hasPrefix(id + " ") } ?? ""
            return line.components(separatedBy: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        XCTAssertEqual(row("operations.xr_studio"), ["operations.xr_studio", "—", "0"])
        XCTAssertEqual(row("tiers.structure"), ["tiers.structure", "beijing-xinghe, beijing-xinghe-twin", "10"])

        let html = try Parkscore.run(["compare", "--lang", "zh"] + reports + ["--scorecard", beijing, "--format", "html"])
        XCTAssertTrue(html.stdout.contains("<td class=\"num h4\">15.00</td>"), "a full dimension is the darkest cell")
        XCTAssertFalse(html.stdout.contains("<script"))
    }

    func testEmptyBatchAndExplainingSupport() throws {
        let empty = try Parkscore.temporaryFolder()
        let run = try Parkscore.run(["batch", empty.path, "--scorecard", beijing, "-o", empty.appendingPathComponent("out").path])
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.stderr, "error: '\(empty.path)' holds no application folders\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: empty.appendingPathComponent("out").path))

        let explain = try Parkscore.run(["explain", "nanshan-livestreaming", "S3", "--lang", "zh"])
        XCTAssertEqual(explain.stdout, """
        支持措施 S3: 直播企业房租补贴
        依据条款: 三（三）：“对入驻经认定的办公集聚区、直播产业园的直播企业，给予每年最高70万元房租补贴，每家企业最多支持三年”  (004_8b3b8105442b44d6.txt)
        受益方: 入驻企业
        须园区获认定: 是（园区不予认定时本项不适用，认定结论待定时本项待定）
        逐家测算: firms（每条记录一家企业，各自适用上限与年限，再合计）
        条件: rent_paid > 0
        金额（元）: rent_paid，最高 700000 每年，共 3 年
        剩余年数: 3 - rent_subsidy_years_received
        未逐家填报时按园区合计（上限估计）: 条件 livestream.firms >= 1；livestream.tenant_rent，最高 livestream.firms * 700000 每年，共 3 年

        """)
    }

    /// English stays English (no full-width brackets), and a measure that is not granted by the year is shown as an
    /// amount in all, never "once": 三（二）'s ¥10,000,000 is 「自落户当年起连续3年」, not a one-off payment.
    func testExplainingAPerFirmMeasureInEnglishAndAnAmountInAll() throws {
        let en = try Parkscore.run(["explain", "nanshan-livestreaming", "S2", "--lang", "en"])
        XCTAssertEqual(en.status, 0, en.stderr)
        XCTAssertTrue(en.stdout.contains("\nPer firm: firms (one record a firm, each with its own cap and years, then summed)\n"), en.stdout)
        XCTAssertTrue(en.stdout.contains("\nAmount (yuan): up to 10000000 in all (not a year)\n"), en.stdout)
        XCTAssertFalse(en.stdout.contains("once"), en.stdout)
        let zh = try Parkscore.run(["explain", "nanshan-livestreaming", "S2", "--lang", "zh"])
        XCTAssertTrue(zh.stdout.contains("\n金额（元）: 最高 10000000，总额（不逐年计）\n"), zh.stdout)
        XCTAssertFalse(zh.stdout.contains("一次性"), zh.stdout)
    }

    func testCrosswalkAndDiff() throws {
        let crosswalk = try Parkscore.run(["crosswalk", "Samples/beijing-xinghe/self-report.yaml", "--lang", "zh"])
        XCTAssertEqual(crosswalk.status, 0, crosswalk.stderr)
        for id in ["beijing-digital-advertising-park", "jiading-digital-advertising", "nanshan-livestreaming",
                   "shenzhen-digital-creative", "zhejiang-audiovisual-base"] {
            XCTAssertTrue(crosswalk.stdout.contains("\n\(id)  "), id)
        }
        XCTAssertTrue(crosswalk.stdout.contains("符合基本条件 · 总分 78.25 · B 良好"), crosswalk.stdout)

        // A year later: 3 more research partners (no change, already full), 2 more third-party institutions (7 → 9:
        // still the ≥ 5 band), and 3 more (→ 10: the top band, 3 → 5 points); the XR studio built (0 → 3).
        let folder = try Parkscore.temporaryFolder()
        let later = folder.appendingPathComponent("self-report-2026.yaml")
        let text = try String(contentsOf: Parkscore.repository.appendingPathComponent("Samples/beijing-xinghe/self-report.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "third_party_institutions: 7", with: "third_party_institutions: 10")
            .replacingOccurrences(of: "xr_studio: false", with: "xr_studio: true")
            .replacingOccurrences(of: "from: 2025-01-01\n  to: 2025-12-31", with: "from: 2026-01-01\n  to: 2026-12-31")
        try text.write(to: later, atomically: true, encoding: .utf8)
        let diff = try Parkscore.run(["diff", "Samples/beijing-xinghe/self-report.yaml", later.path, "--lang", "zh"])
        XCTAssertEqual(diff.status, 0, diff.stderr)
        // operations: 12 + 3 = 15 of 15 → +3; services: 16 + 2 = 18 of 20 → 15 × 18/20 = 13.5, +1.5; total 78.25 + 4.5
        // = 82.75 (BeijingScorecardTests.testEligibleSampleByHand gives 78.25; was 79.08 → 83.58)
        XCTAssertEqual(diff.stdout, """
        北京市数字广告产业园区评定 (beijing-digital-advertising-park)
        星河数字广告产业园（虚构）: 2025-01-01–2025-12-31 → 2026-01-01–2026-12-31
        总分: 78.25 → 82.75  (+4.50)    等级: B → B

        operations.xr_studio XR摄影棚等数字广告制作前沿设施: 0 → 3  (未达标 → 达标)
            facilities.xr_studio: 否 → 是

        services.third_party 链接第三方专业机构资源: 3 → 5  (部分达标 → 达标)
            services.third_party_institutions: 7 → 10

        """)
    }
}
