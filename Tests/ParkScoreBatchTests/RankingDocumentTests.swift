import Foundation
import ParkScore
import ParkScoreIO
import XCTest
@testable import ParkScoreBatch

/// ranking.json written a row at a time is the same bytes as the document encoded whole.
final class RankingDocumentTests: XCTestCase {
    let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func ranking(count: Int) throws -> Ranking {
        let catalog = try XCTUnwrap(CriteriaCatalog.locate(explicit: repository.appendingPathComponent("Criteria").path))
        let library = try XCTUnwrap(CriteriaLibrary.open(catalog).validValue)
        let pipeline = AssessmentPipeline(criteria: library)
        let scorecard = try XCTUnwrap(library.scorecard("beijing-digital-advertising-park").validValue).scorecard
        var parks: [(id: String, name: String, result: ScoreResult)] = []
        for (i, name) in ["beijing-xinghe", "beijing-dongling"].enumerated() {
            let input = try XCTUnwrap(ApplicationInput.read(report: repository.appendingPathComponent("Samples/\(name)/self-report.yaml").path).validValue)
            let result = try XCTUnwrap(pipeline.assess(input, options: AssessmentOptions(scorecards: [scorecard.id])).validValue?.results.first)
            for copy in 0..<count { parks.append(("\(name)-\(copy)", "园区 \"\(i)\" \\ \(copy)", result.result)) }
        }
        return Ranking(scorecard: scorecard, parks: parks)
    }

    func testStreamedIsTheSameAsWhole() throws {
        for count in [0, 1, 3] {
            var ranking = try self.ranking(count: count)
            // A park with no grade (the member is left out), and one whose name needs escaping.
            if count == 3 {
                ranking.entries[1].standing.grade = nil
                ranking.entries[2].parkName = "tab\t\u{1}\u{7F}/中文\u{2028}"
            }
            for skipped in [[], ["broken", "a\"b"]] {
                var streamed = ""
                RankingDocument.write(ranking, skipped: skipped) { streamed += $0 }
                XCTAssertEqual(streamed, JSONText.encode(RankingDocument(ranking: ranking, skipped: skipped)), "\(count) parks, \(skipped)")
            }
        }
    }
}
