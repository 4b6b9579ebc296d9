import ParkScore
import ParkScoreIO
import ParkScoreTestSupport
import XCTest

/// Every scorecard carries small passing and failing examples for its gates and tricky criteria;
/// this one test runs them all (as SwiftLint runs each rule's examples).
final class ScorecardExamplesTests: XCTestCase {
    func testEveryExampleOfEveryScorecard() throws {
        let dictionary = try Repository.dictionary()
        let engine = ScoringEngine(dictionary: dictionary)
        var ran = 0
        for path in Repository.catalog.scorecardPaths() {
            let loaded = ScorecardLoader.load(path, dictionary: dictionary)
            XCTAssertEqual(loaded.diagnostics, [], path)
            guard let scorecard = loaded.value else { continue }
            func report(_ example: ScorecardExample, rating criterion: String? = nil) -> SelfReport {
                var assessment = SelfAssessment()
                if let criterion, let level = example.rating { assessment.ratings[criterion] = SelfRating(level: level) }
                return SelfReport(park: ParkProfile(name: "example"), period: ReportingPeriod(from: "2025-01-01", to: "2025-12-31"),
                                  facts: example.facts.mapValues { FactEntry($0) }, assessments: [scorecard.id: assessment])
            }
            for gate in scorecard.gates {
                for example in gate.examples {
                    let result = engine.score(report(example), against: scorecard)
                    XCTAssertEqual(result.gate(gate.id)?.status.rawValue, example.expectedStatus,
                                   "\(example.location.map(String.init(describing:)) ?? gate.id): \(result.gate(gate.id)?.explanation ?? "")")
                    ran += 1
                }
            }
            for criterion in scorecard.criteria {
                for example in criterion.examples {
                    let result = engine.score(report(example, rating: criterion.id), against: scorecard).criterion(criterion.id)
                    let place = example.location.map(String.init(describing:)) ?? criterion.id
                    let why = result?.explanation.map { $0.text(TestCatalogue.en) }.joined(separator: "; ") ?? ""
                    if let status = example.expectedStatus {
                        XCTAssertEqual(result?.status.rawValue, status, "\(place): \(why)")
                    }
                    if let points = example.expectedPoints {
                        XCTAssertEqual(result?.points.rounded(places: 2), points, "\(place): \(why)")
                    }
                    ran += 1
                }
            }
            for incentive in scorecard.incentives {
                for example in incentive.examples {
                    let support = engine.score(report(example), against: scorecard).support.first { $0.id == incentive.id }
                    let place = example.location.map(String.init(describing:)) ?? incentive.id
                    let why = support.map { s in (s.explanation + s.firms.flatMap(\.explanation)).map { $0.text(TestCatalogue.en) }.joined(separator: "; ") } ?? ""
                    if let status = example.expectedStatus { XCTAssertEqual(support?.status.rawValue, status, "\(place): \(why)") }
                    if let total = example.expectedTotal { XCTAssertEqual(support?.total, total, "\(place): \(why)") }
                    if let firms = example.expectedFirms { XCTAssertEqual(support?.firms.map(\.total), firms, "\(place): \(why)") }
                    ran += 1
                }
            }
        }
        XCTAssertGreaterThan(ran, 0)
        print("scorecard examples run: \(ran)")
    }
}
