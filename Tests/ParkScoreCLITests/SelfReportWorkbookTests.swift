import Foundation
import ParkOffice
import ParkScore
import ParkScoreIO
import ParkScoreTestSupport
import XCTest

/// The Excel self-report form (申报表.xlsx): its sheets follow the workbook contract of issue 13, a real spreadsheet
/// library (openpyxl) sees the values, formats, drop-down lists and protection, and the same inputs give the same bytes.
final class SelfReportWorkbookTests: XCTestCase {
    static let catalog = CriteriaCatalog(directory: Parkscore.repository.appendingPathComponent("Criteria").path)

    func dictionary() throws -> FactDictionary {
        let loaded = Self.catalog.loadDictionary()
        XCTAssertEqual(loaded.diagnostics, [])
        return try XCTUnwrap(loaded.value)
    }

    func scorecard(_ id: String, _ dictionary: FactDictionary) throws -> Scorecard {
        let loaded = Self.catalog.loadScorecard(id, dictionary: dictionary)
        XCTAssertEqual(loaded.diagnostics, [])
        return try XCTUnwrap(loaded.value)
    }

    func sample(_ name: String, _ dictionary: FactDictionary, _ scorecard: Scorecard) throws -> SelfReport {
        let path = Parkscore.repository.appendingPathComponent("Samples/\(name)/self-report.yaml").path
        let loaded = SelfReportLoader.load(path, dictionary: dictionary, scorecards: [scorecard])
        XCTAssertEqual(loaded.diagnostics.filter { $0.severity == .error }, [])
        return try XCTUnwrap(loaded.value)
    }

    /// A sheet part, one row a line, so that a golden's diff reads.
    func readable(_ xml: String) -> String {
        xml.replacingOccurrences(of: "<row ", with: "\n<row ").replacingOccurrences(of: "<si>", with: "\n<si>")
            .replacingOccurrences(of: "<xf ", with: "\n<xf ").replacingOccurrences(of: "<dataValidation ", with: "\n<dataValidation ")
            .replacingOccurrences(of: "<sheet ", with: "\n<sheet ") + "\n"
    }

    func testTheSheetPartsMatchTheirGoldens() throws {
        let dictionary = try dictionary()
        let cases: [(String, LocalizedText.Language)] = [("beijing-digital-advertising-park", .zh), ("nanshan-livestreaming", .en)]
        for (id, language) in cases {
            let book = SelfReportWorkbook(scorecard: try scorecard(id, dictionary), dictionary: dictionary, messages: TestCatalogue.messages(language))
            for part in try WorkbookWriter(book.workbook()).parts() where part.name.hasPrefix("xl/") && !part.name.contains("_rels") {
                let name = part.name.replacingOccurrences(of: "xl/", with: "").replacingOccurrences(of: "/", with: "-")
                assertGolden(readable(part.text), named: "workbook/\(id).\(language.rawValue).\(name)")
            }
        }
    }

    func testTheSameInputsGiveTheSameBytes() throws {
        let dictionary = try dictionary()
        let scorecard = try scorecard("nanshan-livestreaming", dictionary)
        let report = try sample("nanshan-xingchao", dictionary, scorecard)
        for filled in [nil, report] {
            let a = try SelfReportWorkbook(scorecard: scorecard, dictionary: dictionary, messages: TestCatalogue.zh, report: filled).bytes()
            let b = try SelfReportWorkbook(scorecard: scorecard, dictionary: dictionary, messages: TestCatalogue.zh, report: filled).bytes()
            XCTAssertEqual(a, b)
        }
    }

    /// Two runs of the command, two processes: the same bytes. And a file named .xlsx gets the workbook without --format.
    func testTheCommandWritesTheSameWorkbookTwice() throws {
        let folder = try Parkscore.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var files: [Data] = []
        for name in ["a.xlsx", "b.xlsx"] {
            let path = folder.appendingPathComponent(name).path
            let result = try Parkscore.run(["template", "beijing-digital-advertising-park", "--format", "xlsx", "-o", path, "--lang", "zh"])
            XCTAssertEqual(result.status, 0, result.stderr)
            files.append(try Data(contentsOf: URL(fileURLWithPath: path)))
        }
        XCTAssertEqual(files[0], files[1])
        XCTAssertEqual(Array(files[0].prefix(2)), [0x50, 0x4B], "a ZIP package")
        let inferred = folder.appendingPathComponent("申报表.xlsx").path
        XCTAssertEqual(try Parkscore.run(["template", "beijing-digital-advertising-park", "-o", inferred, "--lang", "zh"]).status, 0)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: inferred)), files[0])
        // The YAML template stays the default.
        let yaml = try Parkscore.run(["template", "beijing-digital-advertising-park"])
        XCTAssertEqual(yaml.status, 0)
        XCTAssertTrue(yaml.stdout.contains("facts:\n"))
    }

    /// Every scorecard's form, as openpyxl reads it: the sheets by marker, the keys in the hidden column A, the input
    /// cells unlocked and marked, number formats by type, drop-down lists for yes/no and single choices, protection.
    func testEveryScorecardsFormAsOpenpyxlSeesIt() throws {
        let dictionary = try dictionary()
        XCTAssertEqual(Self.catalog.scorecardIDs.count, 5)
        for id in Self.catalog.scorecardIDs {
            let scorecard = try scorecard(id, dictionary)
            let book = SelfReportWorkbook(scorecard: scorecard, dictionary: dictionary, messages: TestCatalogue.zh)
            let dump = try SpreadsheetDump.of(try book.bytes())
            let records = book.recordKeys()
            XCTAssertEqual(dump.sheetNames.prefix(2), ["封面", "事实"], id)
            XCTAssertEqual(Array(dump.sheetNames.suffix(4)), ["自评", "不适用", "证明材料", "说明"], id)
            let markers = dump.sheets.compactMap { dump.cell($0, "A1")?["value"] as? String }
            var expected: [String] = ["parkscore:cover", "parkscore:facts"]
            expected += records.map { "parkscore:records:" + $0 }
            expected += ["parkscore:ratings:" + id, "parkscore:not-applicable:" + id, "parkscore:evidence"]
            XCTAssertEqual(markers, expected, id)
            for sheet in dump.sheets where dump.cell(sheet, "A1") != nil {
                XCTAssertEqual(sheet["hidden_columns"] as? [String], ["A"], "\(id) \(sheet["name"] ?? "")")
                XCTAssertEqual(sheet["protected"] as? Bool, true)
                XCTAssertTrue(sheet["password"] is NSNull)
                XCTAssertEqual(sheet["paper_size"] as? Int, 9)
                XCTAssertEqual(sheet["fit_to_page"] as? Bool, true)
                XCTAssertEqual(sheet["header"] as? String, scorecard.title.zh + " 自评申报表")
                XCTAssertEqual(sheet["footer"] as? String, "第 &P 页，共 &N 页")
            }
            XCTAssertEqual(dump.sheet("说明")?["protected"] as? Bool, true)

            // Facts: one row per non-table fact the scorecard reads, in the template's order.
            let facts = dump.sheet(marker: "parkscore:facts")
            XCTAssertEqual(facts?["freeze"] as? String, "A2")
            XCTAssertEqual(dump.cell(facts, "C1")?["value"] as? String, "填写内容")
            let keys = book.factRows()
            let read = scorecard.factKeys.filter { key in
                guard let type = dictionary.type(of: key) else { return false }
                if case .records = type { return false }
                return true
            }
            XCTAssertEqual(Set(keys), Set(read), id)
            XCTAssertFalse(keys.isEmpty)
            let validations = facts?["validations"] as? [[String: Any]] ?? []
            for (i, key) in keys.enumerated() {
                let row = i + 2
                XCTAssertEqual(dump.cell(facts, "A\(row)")?["value"] as? String, key)
                let definition = try XCTUnwrap(dictionary[key])
                XCTAssertEqual(dump.cell(facts, "B\(row)")?["value"] as? String, definition.description.zh)
                XCTAssertEqual(dump.cell(facts, "B\(row)")?["locked"] as? Bool, true)
                let input = dump.cell(facts, "C\(row)")
                XCTAssertEqual(input?["locked"] as? Bool, false, key)
                XCTAssertEqual(input?["fill"] as? String, "FFFFF2CC", key)
                XCTAssertTrue(input?["value"] is NSNull, key)
                XCTAssertEqual(dump.cell(facts, "E\(row)")?["wrap"] as? Bool, true)
                let expectedFormat: String
                switch definition.type {
                case .integer: expectedFormat = "0"
                case .money: expectedFormat = "#,##0.00"
                case .percent: expectedFormat = "0.00%"
                case .date: expectedFormat = "yyyy-mm-dd"
                case .text, .list: expectedFormat = "@"
                default: expectedFormat = "General"
                }
                XCTAssertEqual(input?["format"] as? String, expectedFormat, key)
                let validation = validations.first { $0["sqref"] as? String == "C\(row)" }
                switch definition.type {
                case .boolean:
                    XCTAssertEqual(validation?["formula1"] as? String, "\"是,否\"", key)
                case .enumeration(let values):
                    let formula = try XCTUnwrap(validation?["formula1"] as? String, key)
                    let labels = values.map { definition.valueLabels[$0]?.zh ?? $0 }
                    if formula.hasPrefix("\"") {
                        XCTAssertEqual(formula, "\"" + labels.joined(separator: ",") + "\"", key)
                    } else {
                        // A long list lives in the hidden list sheet.
                        let lists = dump.sheet("下拉选项")
                        XCTAssertEqual(lists?["state"] as? String, "hidden")
                        XCTAssertTrue(formula.hasPrefix("'下拉选项'!$"), formula)
                        let listCells = (lists?["cells"] as? [String: [String: Any]]) ?? [:]
                        let listed = Set(listCells.values.compactMap { $0["value"] as? String })
                        XCTAssertTrue(Set(labels).isSubset(of: listed), key)
                    }
                default:
                    XCTAssertNil(validation, key)
                }
            }

            // Self-rating: one row per judged criterion, a level drop-down, the rubric's lines.
            let ratings = dump.sheet(marker: "parkscore:ratings:" + id)
            let judged = scorecard.criteria.compactMap { c -> (Criterion, Judged)? in
                if case .judged(let rubric) = c.kind { return (c, rubric) } else { return nil }
            }
            let ratingValidations = ratings?["validations"] as? [[String: Any]] ?? []
            for (i, (criterion, rubric)) in judged.enumerated() {
                let row = i + 2
                XCTAssertEqual(dump.cell(ratings, "A\(row)")?["value"] as? String, criterion.id)
                XCTAssertEqual(dump.cell(ratings, "F\(row)")?["locked"] as? Bool, false)
                XCTAssertEqual(dump.cell(ratings, "G\(row)")?["locked"] as? Bool, false)
                XCTAssertEqual(dump.cell(ratings, "D\(row)")?["type"] as? String, "n")
                let levels = rubric.levels.map(\.level).sorted()
                XCTAssertEqual(ratingValidations.first { $0["sqref"] as? String == "F\(row)" }?["formula1"] as? String,
                               "\"" + levels.map(String.init).joined(separator: ",") + "\"")
                let text = dump.cell(ratings, "E\(row)")?["value"] as? String ?? ""
                for level in rubric.levels { XCTAssertTrue(text.contains(level.descriptor.zh), criterion.id) }
            }

            // N/A: a yes/no claim and a justification per criterion that allows it.
            let optional = scorecard.criteria.filter(\.allowsNotApplicable)
            let na = dump.sheet(marker: "parkscore:not-applicable:" + id)
            for (i, criterion) in optional.enumerated() {
                XCTAssertEqual(dump.cell(na, "A\(i + 2)")?["value"] as? String, criterion.id)
                XCTAssertEqual(dump.cell(na, "C\(i + 2)")?["locked"] as? Bool, false)
                XCTAssertEqual(dump.cell(na, "D\(i + 2)")?["locked"] as? Bool, false)
            }

            // Records: field names in the hidden row 1, titles in row 2, input from row 3.
            for key in records {
                guard case .records(let schema)? = dictionary.type(of: key) else { continue }
                let sheet = dump.sheet(marker: "parkscore:records:" + key)
                XCTAssertEqual(sheet?["hidden_rows"] as? [Int], [1])
                XCTAssertEqual(sheet?["freeze"] as? String, "A3")
                for (i, field) in schema.fields.enumerated() {
                    let letter = CellReference.letters(i + 2)
                    XCTAssertEqual(dump.cell(sheet, "\(letter)1")?["value"] as? String, field.name)
                    XCTAssertEqual(dump.cell(sheet, "\(letter)3")?["locked"] as? Bool, false)
                }
            }

            // Evidence: headers only, input cells below.
            let evidence = dump.sheet(marker: "parkscore:evidence")
            XCTAssertEqual(dump.cell(evidence, "B1")?["value"] as? String, "材料编号")
            XCTAssertTrue(dump.cell(evidence, "B2")?["value"] is NSNull)
            XCTAssertEqual(dump.cell(evidence, "F2")?["locked"] as? Bool, false)
        }
    }

    /// A filled form from a self-report: the values typed as a spreadsheet holds them. Expected values are the sample's,
    /// read off Samples/*/self-report.yaml by hand.
    func testAFilledFormHoldsTheReportsValuesTyped() throws {
        let dictionary = try dictionary()
        let beijing = try scorecard("beijing-digital-advertising-park", dictionary)
        let xinghe = try sample("beijing-xinghe", dictionary, beijing)
        let dump = try SpreadsheetDump.of(try SelfReportWorkbook(scorecard: beijing, dictionary: dictionary, messages: TestCatalogue.zh,
                                                                 report: xinghe).bytes())
        let cover = dump.sheet(marker: "parkscore:cover")
        XCTAssertEqual(dump.cell(cover, "C3")?["value"] as? String, "星河数字广告产业园（虚构）")
        XCTAssertEqual(dump.cell(cover, "C7")?["value"] as? String, "2025-01-01")
        XCTAssertEqual(dump.cell(cover, "C7")?["format"] as? String, "yyyy-mm-dd")
        XCTAssertEqual(dump.cell(cover, "C9")?["value"] as? String, "2026-01-20")
        XCTAssertEqual(dump.cell(cover, "C10")?["value"] as? String, "beijing-digital-advertising-park")

        let facts = dump.sheet(marker: "parkscore:facts")
        func value(_ key: String) -> [String: Any]? { dump.row(of: key, in: facts).flatMap { dump.cell(facts, "C\($0)") } }
        XCTAssertEqual(value("management.independent_legal_person")?["value"] as? String, "是")
        XCTAssertEqual(value("facilities.xr_studio")?["value"] as? String, "否")
        XCTAssertEqual(value("park.province")?["value"] as? String, "北京市", "an enum as its label")
        XCTAssertEqual(value("tenants.total")?["value"] as? Int, 45)
        XCTAssertEqual(value("tenants.total")?["type"] as? String, "n")
        XCTAssertEqual(value("tenants.total")?["format"] as? String, "0")
        let technologies = try XCTUnwrap(value("tech.digital_technologies")?["value"] as? String)
        XCTAssertEqual(technologies.components(separatedBy: "、").count, 3, technologies)

        // An empty list is given, as 无, never a blank (which reads as missing data).
        var none = xinghe
        none.facts["facilities.shared_spaces"] = FactEntry(.list([]))
        let noneDump = try SpreadsheetDump.of(try SelfReportWorkbook(scorecard: beijing, dictionary: dictionary, messages: TestCatalogue.zh,
                                                                     report: none).bytes())
        let noneFacts = noneDump.sheet(marker: "parkscore:facts")
        let sharedRow = try XCTUnwrap(noneDump.row(of: "facilities.shared_spaces", in: noneFacts))
        XCTAssertEqual(noneDump.cell(noneFacts, "C\(sharedRow)")?["value"] as? String, "无")

        let ratings = dump.sheet(marker: "parkscore:ratings:beijing-digital-advertising-park")
        XCTAssertEqual(dump.cell(ratings, "A2")?["value"] as? String, "basic.positioning")
        XCTAssertEqual(dump.cell(ratings, "F2")?["value"] as? Int, 2)
        XCTAssertEqual(dump.cell(ratings, "G2")?["value"] as? String, "聚焦程序化广告与内容营销两个方向")
        XCTAssertEqual(dump.cell(ratings, "F3")?["value"] as? Int, 2)
        XCTAssertEqual(dump.cell(ratings, "F4")?["value"] as? Int, 1)

        let evidence = dump.sheet(marker: "parkscore:evidence")
        XCTAssertEqual(dump.cell(evidence, "B2")?["value"] as? String, "licence")
        XCTAssertEqual(dump.cell(evidence, "D2")?["value"] as? String, "evidence/management-licence.txt")
        XCTAssertEqual(dump.cell(evidence, "E2")?["value"] as? String, "0f65cceb5b75020e18e9b7ce1d986e7415620b19b03b9e9f112c937f17172b46")
        XCTAssertEqual(dump.cell(evidence, "F2")?["value"] as? String, "management.independent_legal_person、park.province")
        XCTAssertEqual(dump.cell(evidence, "B3")?["value"] as? String, "tenants")

        // Nanshan's firm table: one row per firm, money as numbers, dates as dates, choices as labels.
        let nanshan = try scorecard("nanshan-livestreaming", dictionary)
        let xingchao = try sample("nanshan-xingchao", dictionary, nanshan)
        let nanshanDump = try SpreadsheetDump.of(try SelfReportWorkbook(scorecard: nanshan, dictionary: dictionary, messages: TestCatalogue.zh,
                                                                        report: xingchao).bytes())
        let firms = nanshanDump.sheet(marker: "parkscore:records:firms")
        // Fields in the dictionary's order: B name, C arrival_date, D rent_paid, E rent_subsidy_years_received, F above_scale,
        // G revenue_grew, H brand_event_cost, I partner_region_sales, J listing_stage, K loan_interest.
        XCTAssertEqual(nanshanDump.cell(firms, "B3")?["value"] as? String, "潮汐直播科技有限公司（虚构）")
        XCTAssertEqual(nanshanDump.cell(firms, "C3")?["value"] as? String, "2023-04-18")
        XCTAssertEqual(nanshanDump.cell(firms, "D3")?["value"] as? Int, 1_200_000)
        XCTAssertEqual(nanshanDump.cell(firms, "D3")?["format"] as? String, "#,##0.00")
        XCTAssertEqual(nanshanDump.cell(firms, "F3")?["value"] as? String, "是")
        XCTAssertEqual(nanshanDump.cell(firms, "J3")?["value"] as? String, "已辅导备案")
        XCTAssertEqual(nanshanDump.cell(firms, "K3")?["value"] as? Double, 1_600_000.5)
        XCTAssertEqual(nanshanDump.cell(firms, "B7")?["value"] as? String, "青禾优选直播有限公司（虚构）")
        XCTAssertNil(nanshanDump.cell(firms, "B8"), "five firms, five rows")
    }

    /// Every sample's filled form: every fact it gives has a value in its row, every record a row, every rating and
    /// evidence item a row.
    func testEverySampleFillsItsForm() throws {
        let dictionary = try dictionary()
        let scorecards = try Self.catalog.scorecardIDs.map { try scorecard($0, dictionary) }
        let samples = try FileManager.default.contentsOfDirectory(atPath: Parkscore.repository.appendingPathComponent("Samples").path)
            .filter { FileManager.default.fileExists(atPath: Parkscore.repository.appendingPathComponent("Samples/\($0)/self-report.yaml").path) }
            .sorted()
        XCTAssertGreaterThanOrEqual(samples.count, 10)
        for name in samples {
            let path = Parkscore.repository.appendingPathComponent("Samples/\(name)/self-report.yaml").path
            guard let report = SelfReportLoader.load(path, dictionary: dictionary, scorecards: scorecards).value else { continue }
            for id in report.appliesTo {
                guard let scorecard = scorecards.first(where: { $0.id == id }) else { continue }
                let book = SelfReportWorkbook(scorecard: scorecard, dictionary: dictionary, messages: TestCatalogue.zh, report: report)
                guard case .success(let bytes) = book.write() else { XCTFail("\(name) \(id)"); continue }
                let dump = try SpreadsheetDump.of(bytes)
                let facts = dump.sheet(marker: "parkscore:facts")
                for (i, key) in book.factRows().enumerated() {
                    XCTAssertEqual(dump.cell(facts, "A\(i + 2)")?["value"] as? String, key)
                    let given = report.facts[key] != nil
                    XCTAssertEqual(!(dump.cell(facts, "C\(i + 2)")?["value"] is NSNull), given, "\(name) \(id) \(key)")
                }
                for key in book.recordKeys() {
                    guard case .list(let records)? = report.facts[key]?.value, !records.isEmpty else { continue }
                    let sheet = dump.sheet(marker: "parkscore:records:" + key)
                    XCTAssertFalse(dump.cell(sheet, "B\(records.count + 2)")?["value"] is NSNull, "\(name) \(key): the last record")
                    XCTAssertNil(dump.cell(sheet, "B\(records.count + 3)"), "\(name) \(key): nothing after the last record")
                }
                let ratings = dump.sheet(marker: "parkscore:ratings:" + id)
                let rated = ((ratings?["cells"] as? [String: [String: Any]]) ?? [:]).filter { $0.key.hasPrefix("F") && $0.value["value"] is Int }
                XCTAssertEqual(rated.count, report.assessments[id]?.ratings.count ?? 0, "\(name) \(id)")
                let evidence = dump.sheet(marker: "parkscore:evidence")
                for (i, item) in report.evidence.enumerated() {
                    XCTAssertEqual(dump.cell(evidence, "B\(i + 2)")?["value"] as? String, item.id, name)
                }
            }
        }
    }

    /// The exact decimal of a value goes into the cell as the report wrote it; a percent is the fraction.
    func testNumbersKeepTheirExactDigits() throws {
        XCTAssertEqual(SelfReportWorkbook.exactDecimal(Rational(160000050, 100)!), "1600000.5")
        XCTAssertEqual(SelfReportWorkbook.exactDecimal(Rational(21, 50)!), "0.42")
        XCTAssertEqual(SelfReportWorkbook.exactDecimal(Rational(1, 8)!), "0.125")
        XCTAssertNil(SelfReportWorkbook.exactDecimal(Rational(1, 3)!))
    }

    /// A note longer than a cell can hold is refused with the sheet and cell, not written into a file Excel must repair.
    func testATextTooLongForACellIsRefusedWithItsPlace() throws {
        let dictionary = try dictionary()
        let beijing = try scorecard("beijing-digital-advertising-park", dictionary)
        var report = try sample("beijing-xinghe", dictionary, beijing)
        report.assessments["beijing-digital-advertising-park"]?.ratings["basic.positioning"]?.note = String(repeating: "长", count: 40_000)
        let written = SelfReportWorkbook(scorecard: beijing, dictionary: dictionary, messages: TestCatalogue.zh, report: report).write()
        guard case .failure(let problem) = written else { return XCTFail("written") }
        XCTAssertEqual(TestCatalogue.zh.text(of: problem), "无法写出 Excel 文件：工作表「自评」的单元格 G2 文字超过 32767 个字符（Excel 的上限）")
        XCTAssertEqual(TestCatalogue.en.text(of: problem), "Cannot write the Excel file: cell G2 of sheet '自评' holds more than 32767 characters (Excel's limit)")
    }

    /// A park name that looks like a formula stays text in every office program.
    func testAFormulaInAParkNameStaysText() throws {
        let dictionary = try dictionary()
        let beijing = try scorecard("beijing-digital-advertising-park", dictionary)
        var report = try sample("beijing-xinghe", dictionary, beijing)
        report.park.name = "=HYPERLINK(\"http://evil.example\",\"点我\")"
        report.park.operatorName = "+1+1"
        report.park.jurisdiction = "@SUM(A1:A9)"
        let bytes = try SelfReportWorkbook(scorecard: beijing, dictionary: dictionary, messages: TestCatalogue.zh, report: report).bytes()
        let sheets = try WorkbookWriter(SelfReportWorkbook(scorecard: beijing, dictionary: dictionary, messages: TestCatalogue.zh, report: report)
            .workbook()).parts().filter { $0.name.hasPrefix("xl/worksheets/") }
        XCTAssertFalse(sheets.contains { $0.text.contains("<f>") }, "no formula in any sheet")
        let dump = try SpreadsheetDump.of(bytes)
        let cover = dump.sheet(marker: "parkscore:cover")
        XCTAssertEqual(dump.cell(cover, "C3")?["value"] as? String, "=HYPERLINK(\"http://evil.example\",\"点我\")")
        XCTAssertEqual(dump.cell(cover, "C3")?["type"] as? String, "s")
        XCTAssertEqual(dump.cell(cover, "C6")?["type"] as? String, "s")
        XCTAssertEqual(dump.cell(cover, "C5")?["type"] as? String, "s")
    }
}
