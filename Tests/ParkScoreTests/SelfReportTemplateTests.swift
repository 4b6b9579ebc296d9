import ParkScore
import ParkScoreIO
import ParkScoreTestSupport
import XCTest

/// `parkscore template` output, filled with a sample's values, validates and scores like the sample.
final class SelfReportTemplateTests: XCTestCase {
    /// A value as a self-report writes it.
    func yaml(_ value: Value, percent: Bool) -> String {
        switch value {
        case .number(let n): return percent ? n.shown(percent: true).replacingOccurrences(of: ".0%", with: "%") : n.formatted(places: 6)
        case .bool(let b): return b ? "true" : "false"
        case .text(let s): return "\"\(s.replacingOccurrences(of: "\"", with: "\\\""))\""
        case .date(let d): return d
        case .list(let items): return "[" + items.map { yaml($0, percent: false) }.joined(separator: ", ") + "]"
        case .record(let fields):
            return "{" + fields.sorted { $0.key < $1.key }.map { "\($0.key): \(yaml($0.value, percent: false))" }.joined(separator: ", ") + "}"
        case .unknown, .error: return ""
        }
    }

    func fill(_ template: String, with report: SelfReport, scorecard: String, dictionary: FactDictionary) -> String {
        var lines: [String] = []
        for line in template.components(separatedBy: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasSuffix(":") || trimmed.contains(":  ") || trimmed.hasPrefix("name:") else {
                lines.append(line)
                continue
            }
            let indent = String(line.prefix { $0 == " " })
            let key = String(trimmed.prefix { $0 != ":" })
            if let entry = report.facts[key] {
                var percent = false
                if case .percent? = dictionary.type(of: key) { percent = true }
                lines.append("\(indent)\(key): \(yaml(entry.value, percent: percent))")
            } else if let rating = report.assessments[scorecard]?.ratings[key] {
                lines.append("\(indent)\(key): \(rating.level)")
            } else if key == "name" && indent == "  " {
                lines.append("  name: \"\(report.park.name)\"")
            } else {
                lines.append(line)
            }
        }
        return lines.joined(separator: "\n")
    }

    /// One sample per scorecard fills its template.
    let samples = [
        "beijing-digital-advertising-park": "beijing-xinghe",
        "jiading-digital-advertising": "jiading-huating",
        "shenzhen-digital-creative": "shenzhen-guangming",
        "zhejiang-audiovisual-base": "zhejiang-qiantang",
        "nanshan-livestreaming": "nanshan-xingchao",
    ]

    /// The Nanshan template shows the firm table: every field with its meaning, and an example entry that, uncommented,
    /// is a valid record.
    func testTheTemplateShowsTheFirmTable() throws {
        let dictionary = try Repository.dictionary()
        let scorecard = try Repository.scorecard("nanshan-livestreaming", dictionary: dictionary)
        let template = SelfReportTemplate(scorecard: scorecard, dictionary: dictionary, messages: TestCatalogue.zh).render()
        guard case .records(let schema)? = dictionary.type(of: "firms") else { return XCTFail("firms is a table") }
        for field in schema.fields {
            XCTAssertTrue(template.contains("\n  #   \(field.name)：\(field.description.zh)；"), field.name)
        }
        XCTAssertTrue(template.contains("用于：S2、S3、S4、S8、S11、S12a、S12b\n"))
        let filled = template.replacingOccurrences(of: "    # - {", with: "    - {")
            .replacingOccurrences(of: "  name:          #", with: "  name: 样例园区 #")
        let loaded = SelfReportLoader.decode(SourceFile(path: "filled.yaml", bytes: Array(filled.utf8)), dictionary: dictionary)
        XCTAssertEqual(loaded.diagnostics, [])
        XCTAssertEqual(loaded.value?.facts["firms"]?.value, .list([.record([
            "name": .text("某某文化传媒有限公司"), "arrival_date": .date("2024-03-01"), "rent_paid": .number(r(800_000)),
            "rent_subsidy_years_received": .number(r(1)),
        ])]))
    }

    func testTemplatesFilledWithTheSamplesValidateAndScoreTheSame() throws {
        let dictionary = try Repository.dictionary()
        XCTAssertEqual(Set(samples.keys), Set(Repository.catalog.scorecardIDs))
        for (id, name) in samples.sorted(by: { $0.key < $1.key }) {
            let scorecard = try Repository.scorecard(id, dictionary: dictionary)
            let template = SelfReportTemplate(scorecard: scorecard, dictionary: dictionary, messages: TestCatalogue.zh).render()

            // Blank, the template is valid YAML whose only problem is the park's missing name.
            let blank = SelfReportLoader.decode(SourceFile(path: "template.yaml", bytes: Array(template.utf8)), dictionary: dictionary,
                                                scorecards: [scorecard])
            XCTAssertEqual(blank.diagnostics.map(TestCatalogue.en.text(of:)), ["'name' must be a text, not empty"], id)
            XCTAssertEqual(blank.diagnostics.map(TestCatalogue.zh.text(of:)), ["「name」须为文字，填写的是空值"], id)

            // Every fact the scorecard reads has a line.
            for key in scorecard.factKeys {
                XCTAssertTrue(template.contains("\n  \(key):\n"), "\(id): no line for '\(key)'")
            }

            let sample = try Repository.sample(name, dictionary: dictionary, scorecards: [scorecard])
            let filled = fill(template, with: sample, scorecard: id, dictionary: dictionary)
            let loaded = SelfReportLoader.decode(SourceFile(path: "filled.yaml", bytes: Array(filled.utf8)), dictionary: dictionary,
                                                 scorecards: [scorecard])
            XCTAssertEqual(loaded.diagnostics, [], id)
            let report = try XCTUnwrap(loaded.value)
            XCTAssertEqual(report.facts.mapValues(\.value), sample.facts.mapValues(\.value), id)
            let engine = ScoringEngine(dictionary: dictionary)
            if sample.assessments[id]?.notApplicable.isEmpty ?? true {
                XCTAssertEqual(engine.score(report, against: scorecard).total, engine.score(sample, against: scorecard).total, id)
            }
        }
    }
}
