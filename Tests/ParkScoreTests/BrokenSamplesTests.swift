import Foundation
import ParkScore
import ParkScoreIO
import ParkScoreTestSupport
import XCTest

/// Samples/broken/*: each self-report lists the errors it must give as `# expected: line:column: error: …`.
final class BrokenSamplesTests: XCTestCase {
    func testEachBrokenSampleGivesExactlyItsExpectedErrors() throws {
        let dictionary = try Repository.dictionary()
        let scorecards = try Repository.catalog.scorecardIDs.map { try Repository.scorecard($0, dictionary: dictionary) }
        let folder = Repository.path("Samples/broken")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
            .filter { FileManager.default.fileExists(atPath: "\(folder)/\($0)/self-report.yaml") }.sorted()
        XCTAssertGreaterThanOrEqual(names.count, 3)
        for name in names {
            let path = "\(folder)/\(name)/self-report.yaml"
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let expected = text.components(separatedBy: "\n").compactMap { line -> String? in
                line.hasPrefix("# expected: ") ? String(line.dropFirst("# expected: ".count)) : nil
            }
            XCTAssertFalse(expected.isEmpty, "\(name) lists no expected error")
            var diagnostics = SelfReportLoader.load(path, dictionary: dictionary, scorecards: scorecards).diagnostics
            if let report = SelfReportLoader.load(path, dictionary: dictionary, scorecards: scorecards).value {
                diagnostics += EvidenceCheck.check(report, source: EvidenceFolder("\(folder)/\(name)")).diagnostics
            }
            let actual = diagnostics.filter { $0.severity == .error }.map { d in
                "\(d.location.map { "\($0.line):\($0.column): " } ?? "")error: \(TestCatalogue.en.text(of: d))"
            }
            XCTAssertEqual(actual, expected, name)
        }
    }
}
