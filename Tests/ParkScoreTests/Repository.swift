import Foundation
import ParkScore
import ParkScoreIO
import XCTest

/// Paths in this repository, and its real fact dictionary and scorecards.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    static let catalog = CriteriaCatalog(directory: path("Criteria"))

    static func dictionary() throws -> FactDictionary {
        let loaded = catalog.loadDictionary()
        XCTAssertEqual(loaded.diagnostics, [])
        return try XCTUnwrap(loaded.value)
    }

    static func scorecard(_ id: String, dictionary: FactDictionary) throws -> Scorecard {
        let loaded = catalog.loadScorecard(id, dictionary: dictionary)
        XCTAssertEqual(loaded.diagnostics, [])
        return try XCTUnwrap(loaded.value)
    }

    static func sample(_ name: String, dictionary: FactDictionary, scorecards: [Scorecard]) throws -> SelfReport {
        let loaded = SelfReportLoader.load(path("Samples/\(name)/self-report.yaml"), dictionary: dictionary, scorecards: scorecards)
        XCTAssertEqual(loaded.diagnostics.filter { $0.severity == .error }, [])
        return try XCTUnwrap(loaded.value)
    }
}
