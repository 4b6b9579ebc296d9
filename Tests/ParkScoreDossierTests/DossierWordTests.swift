import Foundation
import ParkOffice
import ParkScore
@testable import ParkScoreDossier
import ParkScoreIO
import ParkScoreTestSupport
import XCTest

/// The Word dossier (`dossier --format docx`): its document part pinned by a golden file, its bytes the same for the
/// same inputs, and what python-docx (a real reader of Word files) sees in it.
final class DossierWordTests: DossierTestCase {
    /// A sample through the pipeline, dated 2026-02-01 unless told (nil: the inputs' own date).
    func assess(_ sample: String, reviews: [String] = [], date: String? = "2026-02-01",
                edit: (String) -> String = { $0 }) throws -> ScorecardAssessment {
        try assessment(sample, reviews: reviews, date: date, edit: edit)
    }

    /// `word/document.xml` with a line after each paragraph and table row (so that a change reads as a diff), the
    /// templates' paths and every sha256 masked as the HTML golden masks them.
    func documentXML(_ assessment: ScorecardAssessment, language: LocalizedText.Language = .zh) -> String {
        renderer.wordDocument(assessment, language: language).documentXML
            .replacingOccurrences(of: "</w:p>", with: "</w:p>\n")
            .replacingOccurrences(of: "</w:tr>", with: "</w:tr>\n")
            .replacingOccurrences(of: #"templates/[^ <`"]+"#, with: "templates/…", options: .regularExpression)
            .replacingOccurrences(of: #"[0-9a-f]{64}"#, with: "<sha256>", options: .regularExpression)
    }

    func testGoldenDocumentPart() throws {
        assertGolden(documentXML(try assess("beijing-xinghe")), named: "beijing-xinghe.zh.document.xml")
    }

    func testSameInputsGiveTheSameBytes() throws {
        let assessment = try assess("beijing-xinghe", reviews: panel, date: nil)
        let first = try renderer.renderDocx(assessment, language: .zh)
        XCTAssertEqual(first, try renderer.renderDocx(try assess("beijing-xinghe", reviews: panel, date: nil), language: .zh))
        XCTAssertEqual(Array(first.prefix(4)), [0x50, 0x4B, 0x03, 0x04], "a ZIP package")
    }

    /// Text from the report that looks like Word markup or a field stays text.
    func testTextFromTheReportIsText() throws {
        let hostile = "</w:t></w:r><w:r><w:fldChar w:fldCharType=\"begin\"/> { PAGE } {{x}}"
        let assessment = try assess("beijing-xinghe") {
            $0.replacingOccurrences(of: "name: 星河数字广告产业园（虚构）", with: "name: '\(hostile)'")
        }
        XCTAssertEqual(assessment.report.park.name, hostile)
        let xml = renderer.wordDocument(assessment, language: .zh).documentXML
        XCTAssertFalse(xml.contains(hostile))
        XCTAssertTrue(xml.contains(XMLText.escape(hostile)))
        XCTAssertEqual(xml.components(separatedBy: "<w:fldChar w:fldCharType=\"begin\"/>").count - 1,
                       xml.components(separatedBy: "<w:instrText").count - 1, "every field begun is one the writer made")
    }

    // MARK: What python-docx sees

    /// The JSON `scripts/office/docx-dump.py` prints for a document; skipped when python3 or python-docx is missing.
    func dump(_ bytes: [UInt8]) throws -> [String: Any] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parkscore-docx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("dossier.docx")
        try Data(bytes).write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.path("scripts/office/docx-dump.py"), file.path]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do { try process.run() } catch { throw XCTSkip("python3 cannot be run (\(error)); install it with python-docx: pip install python-docx") }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let problem = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationStatus == 127 { throw XCTSkip("python3 is not installed; install it and then: pip install python-docx") }
        if process.terminationStatus == 3 { throw XCTSkip("python-docx is not installed: pip install python-docx") }
        XCTAssertEqual(process.terminationStatus, 0, problem)
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    func headings(_ dump: [String: Any], level: Int) -> [String] {
        ((dump["headings"] as? [[String: Any]]) ?? []).filter { $0["level"] as? Int == level }.compactMap { $0["text"] as? String }
    }

    func tables(_ dump: [String: Any]) -> [[String: Any]] { (dump["tables"] as? [[String: Any]]) ?? [] }

    func rows(_ table: [String: Any]) -> [[String]] { (table["rows"] as? [[String]]) ?? [] }

    /// Page, fonts and footer: the same in both modes.
    func checkPageAndFonts(_ d: [String: Any], date: String) throws {
        let section = try XCTUnwrap((d["sections"] as? [[String: Any]])?.first)
        XCTAssertEqual(section["pageWidth"] as? Int, 11906, "A4")
        XCTAssertEqual(section["pageHeight"] as? Int, 16838, "A4")
        let margins = try XCTUnwrap(section["margins"] as? [String: Int])
        XCTAssertEqual(margins, ["top": 1440, "bottom": 1440, "left": 1247, "right": 1247, "header": 851, "footer": 851])
        XCTAssertEqual(section["differentFirstPage"] as? Bool, true, "no page number on the cover")
        let footer = try XCTUnwrap(section["footer"] as? [String: Any])
        XCTAssertEqual(footer["fields"] as? [String], ["PAGE", "NUMPAGES"])
        XCTAssertEqual(footer["text"] as? String, "第 1 页 共 1 页", "the catalogue's wording around the fields' placeholder results")
        XCTAssertEqual((section["firstPageFooter"] as? [String: Any])?["fields"] as? [String], [])

        let fonts = try XCTUnwrap(d["fonts"] as? [String: Any])
        XCTAssertEqual((fonts["default"] as? [String: String])?["eastAsia"], "宋体")
        XCTAssertEqual((fonts["default"] as? [String: String])?["ascii"], "Times New Roman")
        let styles = try XCTUnwrap(fonts["styles"] as? [String: [String: String]])
        for name in ["Title", "Heading 1", "Heading 2"] { XCTAssertEqual(styles[name]?["eastAsia"], "黑体", name) }
        XCTAssertEqual((d["outlineLevels"] as? [String: Int])?["Heading 1"], 0)
        XCTAssertEqual((d["outlineLevels"] as? [String: Int])?["Heading 2"], 1)
        XCTAssertEqual((d["fields"] as? [String])?.first, #"TOC \o "1-2" \h \z \u"#, "a table of contents Word updates")
        let core = try XCTUnwrap(d["core"] as? [String: Any])
        XCTAssertEqual(core["created"] as? String, date + "T00:00:00+00:00", "the dossier's date, not the clock's")
        XCTAssertEqual(core["language"] as? String, "zh-CN")

        // Every table but the cover's facts and the audit's has one header row, repeated on each page, and rows that
        // stay whole.
        for table in tables(d) where table["headerRows"] as? Int != 0 {
            XCTAssertEqual(table["firstRowRepeats"] as? Bool, true)
            XCTAssertEqual(table["headerRows"] as? Int, 1, "\(rows(table).first ?? [])")
            XCTAssertEqual((table["rowsCantSplit"] as? [Bool])?.dropFirst().allSatisfy { $0 }, true)
        }
    }

    func testPythonDocxReadsTheSelfAssessment() throws {
        let d = try dump(try renderer.renderDocx(try assess("beijing-xinghe", date: nil), language: .zh))
        // The sections, numbered as the HTML dossier numbers them (labels.yaml; no stages, corrections, support or
        // panel in this self-assessment).
        XCTAssertEqual(headings(d, level: 1), ["一、自评结论", "二、门槛条件", "三、维度得分", "四、评分项明细", "五、证明材料索引",
                                               "六、优先改进事项", "七、评分模型", "八、计算公式（供审核）", "九、审计附录"])
        let paragraphs = (d["paragraphs"] as? [[String: String]]) ?? []
        XCTAssertEqual(paragraphs.first { $0["style"] == "Title" }?["text"], "自评报告")
        XCTAssertTrue(paragraphs.contains { $0["style"] == "TOC Heading" && $0["text"] == "目录" })
        // The contents list every heading before it is updated.
        XCTAssertEqual(paragraphs.filter { $0["style"] == "toc 1" }.map { ($0["text"] ?? "").trimmingCharacters(in: .whitespaces) },
                       headings(d, level: 1))
        // The cover: park, scorecard, the date (the report's report_date, 2026-01-20, as a cover writes it).
        let cover = rows(tables(d)[0])
        XCTAssertEqual(cover.first, ["运营管理机构", "北京星河数字广告产业园运营管理有限公司（虚构）"])
        XCTAssertTrue(cover.contains { $0.first == "等级" }, "the grade on the cover")
        XCTAssertTrue(cover.contains { $0.first == "自评结论" })
        XCTAssertTrue(paragraphs.contains { $0["text"] == "2026年1月20日" })
        XCTAssertTrue(paragraphs.contains { $0["text"] == "星河数字广告产业园（虚构）" })
        // Tables with their headers, from the catalogue's labels.
        XCTAssertTrue(tables(d).contains { rows($0).first == ["门槛", "依据条款", "计算过程", "状态"] })
        XCTAssertTrue(tables(d).contains { rows($0).first == ["评分项", "依据条款", "园区数据 · 计算过程", "满分", "得分", "状态"] })
        XCTAssertFalse(headings(d, level: 1).contains { $0.contains("评审组签字") }, "no signature page in a self-assessment")
        try checkPageAndFonts(d, date: "2026-01-20")
    }

    func testPythonDocxReadsTheEvaluationAndItsSignaturePage() throws {
        let d = try dump(try renderer.renderDocx(try assess("beijing-xinghe", reviews: panel, date: nil), language: .zh))
        let sections = headings(d, level: 1)
        XCTAssertEqual(sections.first, "一、评审结论")
        XCTAssertTrue(sections.contains("二、分阶段得分（自评分 · 初审分 · 评审分）"))
        XCTAssertTrue(sections.contains("十、评审组签字"), "\(sections)")
        XCTAssertTrue(headings(d, level: 2).contains("评审组成员"))
        let paragraphs = (d["paragraphs"] as? [[String: String]]) ?? []
        XCTAssertEqual(paragraphs.first { $0["style"] == "Title" }?["text"], "评审意见书")
        // The panel, in the order preliminary, panel, chair, each dated by their review; a blank cell to sign.
        let sign = try XCTUnwrap(tables(d).first { rows($0).first == ["#", "姓名", "评审角色", "评审日期", "签字"] })
        XCTAssertEqual(Array(rows(sign).dropFirst()), [
            ["1", "赵初审", "初审人员", "2026-02-20", ""], ["2", "钱评审", "评审专家", "2026-03-05", ""],
            ["3", "孙评审", "评审专家", "2026-03-05", ""], ["4", "李评审", "评审专家", "2026-03-06", ""],
            ["5", "周组长", "评审组组长", "2026-03-10", ""],
        ])
        XCTAssertTrue(paragraphs.contains { $0["text"] == "评审组组长：周组长" })
        XCTAssertTrue(paragraphs.contains { ($0["text"] ?? "").hasPrefix("评审组组长（签字）：") })
        XCTAssertTrue(paragraphs.contains { $0["text"] == "日期：　　　　年　　月　　日" })
        XCTAssertTrue(paragraphs.contains { $0["text"] == "评审单位（盖章）" })
        // The date is the latest review's: 2026-03-10.
        XCTAssertTrue(paragraphs.contains { $0["text"] == "2026年3月10日" })
        try checkPageAndFonts(d, date: "2026-03-10")
    }

    func testEnglishWordDossierIsInEnglish() throws {
        let xml = documentXML(try assess("beijing-xinghe"), language: .en)
        XCTAssertTrue(xml.contains(">Contents<"), "the contents' heading from labels")
        XCTAssertFalse(xml.contains("目录"))
        let document = renderer.wordDocument(try assess("beijing-xinghe"), language: .en)
        let footer = document.parts.first { $0.name == "word/footer1.xml" }?.text ?? ""
        XCTAssertTrue(footer.contains(">Page <"), footer)
        XCTAssertTrue(footer.contains("> of <"), footer)
    }
}
