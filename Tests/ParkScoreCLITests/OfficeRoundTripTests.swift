import Foundation
import ParkScore
import ParkScoreIO
import ParkScoreTestSupport
import XCTest

/// The issue's "done when": a park goes template.xlsx → filled in → `parkscore score 申报表.xlsx` and gets the result of
/// the equivalent YAML. Filled two ways: by parkscore itself (`convert self-report.yaml -o 申报表.xlsx`, every sample, in
/// both languages' forms) and by openpyxl, a spreadsheet library that fills the blank template cell by cell as a person
/// would (numbers typed as numbers, dates as dates, 是/否 and labels picked from the drop-downs).
final class OfficeRoundTripTests: XCTestCase {
    static let samples = ["beijing-dongling", "beijing-xinghe", "jiading-anting", "jiading-huating", "nanshan-shekou", "nanshan-xingchao",
                          "shenzhen-guangming", "shenzhen-nanyou", "zhejiang-qiantang", "zhejiang-wuzhen"]

    /// A copy of a sample's folder (its evidence beside the report), without its reviews.
    func copy(_ sample: String, into root: URL) throws -> URL {
        let folder = root.appendingPathComponent(sample)
        try FileManager.default.copyItem(at: Parkscore.repository.appendingPathComponent("Samples/" + sample), to: folder)
        try? FileManager.default.removeItem(at: folder.appendingPathComponent("reviews"))
        return folder
    }

    func run(_ arguments: [String]) throws -> (stdout: String, stderr: String) {
        let run = try Parkscore.run(arguments)
        XCTAssertEqual(run.status, 0, "\(arguments.joined(separator: " ")): \(run.stderr)")
        return (run.stdout, run.stderr)
    }

    func testEverySampleScoresTheSameFromItsFilledWorkbookAndBack() throws {
        let root = try Parkscore.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        for sample in Self.samples {
            let folder = try copy(sample, into: root)
            let yaml = folder.appendingPathComponent("self-report.yaml").path
            let expectedJSON = try run(["score", yaml, "--format", "json"]).stdout
            let expectedText = try run(["score", yaml, "--lang", "zh"]).stdout
            for lang in ["zh", "en"] {
                let book = folder.appendingPathComponent("申报表.\(lang).xlsx").path
                _ = try run(["convert", yaml, "-o", book, "--lang", lang])
                let scored = try run(["score", book, "--format", "json"])
                XCTAssertEqual(scored.stdout, expectedJSON, "\(sample), the \(lang) form")
                XCTAssertEqual(try run(["score", book, "--lang", "zh"]).stdout, expectedText, "\(sample), the \(lang) form")
                // The form's own words (是, 北京市, a label holding 、) read without a note: nothing to say but ratings' levels.
                XCTAssertFalse(scored.stderr.contains("read as true"), "\(sample): \(scored.stderr)")
                XCTAssertFalse(scored.stderr.contains("error"), "\(sample): \(scored.stderr)")
                // And back to YAML: the same result again.
                let back = folder.appendingPathComponent("back.\(lang).yaml").path
                _ = try run(["convert", book, "-o", back])
                XCTAssertEqual(try run(["score", back, "--format", "json"]).stdout, expectedJSON, "\(sample), back from the \(lang) form")
            }
        }
    }

    func testAWorkbookFilledInByOpenpyxlScoresAsItsYAML() throws {
        let root = try Parkscore.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let dictionary = try XCTUnwrap(FactDictionaryLoader.load(Parkscore.repository.appendingPathComponent("Criteria/facts.yaml").path).validValue)
        // beijing-xinghe: booleans, an enum, lists with labels (one holding 、), a self-rating; nanshan-shekou: a table of
        // firms; zhejiang-wuzhen: percentages and money.
        for (sample, scorecard) in [("beijing-xinghe", "beijing-digital-advertising-park"), ("nanshan-shekou", "nanshan-livestreaming"),
                                    ("zhejiang-wuzhen", "zhejiang-audiovisual-base")] {
            let folder = try copy(sample, into: root)
            let yaml = folder.appendingPathComponent("self-report.yaml").path
            let report = try XCTUnwrap(SelfReportLoader.load(yaml, dictionary: dictionary).validValue, sample)
            let template = folder.appendingPathComponent("template.xlsx").path
            _ = try run(["template", scorecard, "--format", "xlsx", "-o", template, "--lang", "zh"])
            let fills = folder.appendingPathComponent("fills.json")
            try JSONSerialization.data(withJSONObject: Self.fills(report, scorecard: scorecard, dictionary: dictionary), options: [.sortedKeys])
                .write(to: fills)
            let filled = folder.appendingPathComponent("申报表.xlsx").path
            try Self.python(["scripts/office/fill-xlsx.py", template, fills.path, filled])
            let scored = try run(["score", filled, "--format", "json"])
            XCTAssertEqual(scored.stdout, try run(["score", yaml, "--format", "json"]).stdout, sample)
            XCTAssertFalse(scored.stderr.contains("错误"), "\(sample): \(scored.stderr)")
        }
    }

    /// A gate's fact left blank in the form is reported at its own cell (事实!C2), not at the sheet.
    func testAGateFactLeftBlankIsReportedAtItsCell() throws {
        let root = try Parkscore.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let dictionary = try XCTUnwrap(FactDictionaryLoader.load(Parkscore.repository.appendingPathComponent("Criteria/facts.yaml").path).validValue)
        let folder = try copy("beijing-xinghe", into: root)
        let report = try XCTUnwrap(SelfReportLoader.load(folder.appendingPathComponent("self-report.yaml").path, dictionary: dictionary).validValue)
        let template = folder.appendingPathComponent("template.xlsx").path
        _ = try run(["template", "beijing-digital-advertising-park", "--format", "xlsx", "-o", template, "--lang", "zh"])
        // Every fill but G1's fact (beijing-digital-advertising-park.yaml: G1 reads management.independent_legal_person).
        let fills = Self.fills(report, scorecard: "beijing-digital-advertising-park", dictionary: dictionary)
            .filter { $0["key"] as? String != "management.independent_legal_person" }
        let fillsFile = folder.appendingPathComponent("fills.json")
        try JSONSerialization.data(withJSONObject: fills, options: [.sortedKeys]).write(to: fillsFile)
        let filled = folder.appendingPathComponent("申报表.xlsx").path
        try Self.python(["scripts/office/fill-xlsx.py", template, fillsFile.path, filled])
        let run = try Parkscore.run(["validate", filled, "--lang", "zh"])
        XCTAssertEqual(run.status, 1, run.stderr)
        let line = try XCTUnwrap(run.stderr.split(separator: "\n").first { $0.contains("G1") }, run.stderr)
        // The fact's row on the facts sheet is the first: C2 (the template lists the scorecard's facts in the order
        // `parkscore template` does, G1's first).
        XCTAssertTrue(line.hasPrefix(filled + ":事实!C2: 错误："), String(line))
    }

    /// An evidence row without its sha256 is told to have it typed in (evidence --fill edits only YAML).
    func testAMissingSHA256InAWorkbookSaysWhereToTypeIt() throws {
        let root = try Parkscore.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = try copy("beijing-xinghe", into: root)
        let yaml = folder.appendingPathComponent("self-report.yaml")
        let text = try String(contentsOf: yaml, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("sha256:") }
        try lines.joined(separator: "\n").write(to: yaml, atomically: true, encoding: .utf8)
        let book = folder.appendingPathComponent("申报表.xlsx").path
        _ = try run(["convert", yaml.path, "-o", book, "--lang", "zh"])
        let zh = try Parkscore.run(["validate", book, "--lang", "zh"])
        XCTAssertTrue(zh.stderr.contains("（请填入本行的 sha256 一栏）"), zh.stderr)
        XCTAssertFalse(zh.stderr.contains("--fill"), zh.stderr)
        XCTAssertTrue(zh.stderr.contains(book + ":证明材料!B2: 警告："), zh.stderr)
    }

    /// The cells a person fills in the blank form to say what the report says, in the form's words: numbers typed as
    /// numbers (a percentage as its fraction, the cell being formatted 0.00%), dates as dates, 是/否 and labels as the
    /// drop-downs offer them, list items joined with 、.
    static func fills(_ report: SelfReport, scorecard: String, dictionary: FactDictionary) -> [[String: Any]] {
        var out: [[String: Any]] = []
        func cover(_ key: String, _ value: String?, kind: String = "text") {
            if let value { out.append(["marker": "parkscore:cover", "key": key, "column": "C", "value": value, "kind": kind]) }
        }
        cover("park.id", report.park.id)
        cover("park.name", report.park.name)
        cover("park.name_en", report.park.nameEn)
        cover("park.jurisdiction", report.park.jurisdiction)
        cover("park.operator", report.park.operatorName)
        cover("period.from", report.period.from, kind: "date")
        cover("period.to", report.period.to, kind: "date")
        cover("report_date", report.reportDate, kind: "date")
        cover("applies_to", report.appliesTo.joined(separator: "、"))
        func typed(_ value: Value, _ type: FactType?, labels: [String: LocalizedText]) -> (value: Any, kind: String)? {
            switch value {
            case .number(let n):
                guard let text = SelfReportWorkbook.exactDecimal(n) else { return nil }
                return (text, "number")
            case .bool(let b): return (b ? "是" : "否", "text")
            case .date(let d): return (d, "date")
            case .text(let t):
                if case .enumeration? = type { return (labels[t]?.zh ?? t, "text") }
                return (t, "text")
            case .list(let items):
                let words = items.compactMap { item -> String? in
                    guard case .text(let t) = item else { return nil }
                    return labels[t]?.zh ?? t
                }
                return (words.isEmpty ? "无" : words.joined(separator: "、"), "text")
            default: return nil
            }
        }
        for (key, entry) in report.facts.sorted(by: { $0.key < $1.key }) {
            let definition = dictionary[key]
            if case .records(let schema)? = definition?.type, case .list(let records) = entry.value {
                for (i, record) in records.enumerated() {
                    guard case .record(let fields) = record else { continue }
                    for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
                        let field = schema.field(name)
                        guard let (v, kind) = typed(value, field?.type, labels: field?.valueLabels ?? [:]) else { continue }
                        out.append(["marker": "parkscore:records:" + key, "row": 3 + i, "field": name, "value": v, "kind": kind])
                    }
                }
                continue
            }
            guard let (v, kind) = typed(entry.value, definition?.type, labels: definition?.valueLabels ?? [:]) else { continue }
            out.append(["marker": "parkscore:facts", "key": key, "column": "C", "value": v, "kind": kind])
        }
        if let assessment = report.assessments[scorecard] {
            for (id, rating) in assessment.ratings.sorted(by: { $0.key < $1.key }) {
                out.append(["marker": "parkscore:ratings:" + scorecard, "key": id, "column": "F", "value": String(rating.level), "kind": "number"])
                if let note = rating.note {
                    out.append(["marker": "parkscore:ratings:" + scorecard, "key": id, "column": "G", "value": note, "kind": "text"])
                }
            }
            for (id, claim) in assessment.notApplicable.sorted(by: { $0.key < $1.key }) {
                out.append(["marker": "parkscore:not-applicable:" + scorecard, "key": id, "column": "C", "value": "是", "kind": "text"])
                out.append(["marker": "parkscore:not-applicable:" + scorecard, "key": id, "column": "D", "value": claim.justification, "kind": "text"])
            }
        }
        for (i, evidence) in report.evidence.enumerated() {
            var columns: [(String, String)] = [("B", evidence.id), ("C", evidence.title), ("D", evidence.file), ("F", evidence.supports.joined(separator: "、"))]
            if let sha = evidence.sha256 { columns.append(("E", sha)) }
            for (column, value) in columns {
                out.append(["marker": "parkscore:evidence", "row": 2 + i, "column": column, "value": value, "kind": "text"])
            }
        }
        return out
    }

    /// Runs a Python script of the repository; skips, saying how to install them, without python3 or openpyxl.
    static func python(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        process.currentDirectoryURL = Parkscore.repository
        let err = Pipe()
        process.standardError = err
        do { try process.run() } catch { throw XCTSkip("python3 is not available (\(error)); install python3 and: pip install openpyxl") }
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationStatus == 3 || process.terminationStatus == 127 {
            throw XCTSkip("openpyxl is not available: install with: pip install openpyxl (\(stderr))")
        }
        XCTAssertEqual(process.terminationStatus, 0, stderr)
    }

    func testConvertSaysWhichFormWhenTheReportAppliesToSeveral() throws {
        let root = try Parkscore.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = try copy("beijing-xinghe", into: root)
        let yaml = folder.appendingPathComponent("self-report.yaml")
        let text = try String(contentsOf: yaml, encoding: .utf8)
            .replacingOccurrences(of: "applies_to: [beijing-digital-advertising-park]",
                                  with: "applies_to: [beijing-digital-advertising-park, shenzhen-digital-creative]")
        try text.write(to: yaml, atomically: true, encoding: .utf8)
        let book = folder.appendingPathComponent("申报表.xlsx").path
        let zh = try Parkscore.run(["convert", yaml.path, "-o", book, "--lang", "zh"])
        XCTAssertEqual(zh.status, 64)
        XCTAssertTrue(zh.stderr.contains("该自评申报适用于多个评分表（beijing-digital-advertising-park、shenzhen-digital-creative）或未写明适用的评分表："
                                         + "请用「--scorecard」指定"), zh.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: book), "nothing written")
        _ = try run(["convert", yaml.path, "-o", book, "--scorecard", "beijing-digital-advertising-park"])
        // An existing workbook is kept without --force.
        let again = try Parkscore.run(["convert", yaml.path, "-o", book, "--scorecard", "beijing-digital-advertising-park"])
        XCTAssertEqual(again.status, 1, again.stderr)
        // A YAML report with no .xlsx to write says how to make one.
        let plain = try Parkscore.run(["convert", yaml.path])
        XCTAssertEqual(plain.status, 1)
        XCTAssertTrue(plain.stderr.contains("is not an Excel workbook (XLSX); to make a filled-in workbook from it, add '-o 申报表.xlsx'"), plain.stderr)
    }
}
