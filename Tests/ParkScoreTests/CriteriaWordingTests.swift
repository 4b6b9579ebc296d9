import Foundation
import ParkScore
import ParkScoreIO
import ParkScoreTestSupport
import XCTest

/// What reading the criteria says, in Chinese (the default) and in English, from the message catalogue
/// (Templates/messages/*/criteria.yaml).
final class CriteriaWordingTests: XCTestCase {
    func dictionaryErrors(_ text: String) -> [Diagnostic] {
        FactDictionaryLoader.decode(SourceFile(path: "facts.yaml", bytes: Array(text.utf8))).diagnostics.filter { $0.severity == .error }
    }

    func testAFactDictionaryErrorInChineseAndEnglish() {
        let problems = dictionaryErrors("facts:\n  t:\n    type: records\n    zh: 表\n    fields: 甲乙\n  n: {type: intger, zh: 数}\n")
        XCTAssertEqual(problems.map(TestCatalogue.zh.line(for:)), [
            "facts.yaml:5:13: 错误：事实「t」的字段须为字段名到字段定义的映射，填写的是文字「甲乙」",
            "facts.yaml:6:13: 错误：事实「n」的类型「intger」未知（是否应为「integer」？）；可用类型：boolean, integer, number, percent, money, date, text, enum, list, records",
        ])
        XCTAssertEqual(problems.map(TestCatalogue.en.line(for:)), [
            "facts.yaml:5:13: error: 'fields' of 't' must be a mapping of field names to their definitions, not text '甲乙'",
            "facts.yaml:6:13: error: unknown type 'intger' of fact 'n' (did you mean 'integer'?); types: boolean, integer, number, percent, money, date, text, enum, list, records",
        ])
    }

    func testAScorecardFileErrorInChinese() throws {
        let dictionary = try Repository.dictionary()
        let text = try String(contentsOfFile: Repository.path("Criteria/beijing-digital-advertising-park.yaml"), encoding: .utf8)
        let broken = text.replacingOccurrences(of: "basis: text", with: "basis: txt")
        let loaded = ScorecardLoader.decode(SourceFile(path: "card.yaml", bytes: Array(broken.utf8)), dictionary: dictionary)
        let basis = try XCTUnwrap(loaded.diagnostics.first { $0.code == "scorecard-file.basis.unknown.suggested" })
        XCTAssertEqual(TestCatalogue.zh.text(of: basis),
                       "门槛依据须为「text」（条文规定的条件）或「proposal」（评分表自行提出的条件），填写的是「txt」（是否应为「text」？）")
        XCTAssertEqual(TestCatalogue.en.text(of: basis),
                       "'basis' must be 'text' (the clause states the condition) or 'proposal' (the scorecard's own), not 'txt' (did you mean 'text'?)")
    }
}
