import ParkScoreIO
import ParkScoreTestSupport
import XCTest

@testable import ParkScore

/// A standing is packed (4-byte codes, values kept aside when no code holds them): what it gives back is exactly
/// what the result held.
final class StandingTests: XCTestCase {
    func testEveryValueComesBackExactly() {
        var extra: [Rational] = []
        let values: [Rational] = [
            .zero, r(1), r(-1), r(2, 3), r(75, 8), r(1, 7), r(-5, 9), r(1234, 100), r(1, 11), r(22, 13), r(1_700),
            r(1_705), r(-1_705), r(Int.max), r(Int.min + 1), r(1, Int.max), r(3, 1 << 40),
        ]
        for value in values {
            let code = PackedRational.code(value, extra: &extra)
            XCTAssertNotEqual(code, PackedRational.none, "\(value)")
            XCTAssertEqual(PackedRational.value(code, extra: extra), value, "\(value)")
        }
        // Elevenths, thirteenths and values past ±1,700 are kept aside; the rest are codes.
        XCTAssertEqual(extra, [r(1, 11), r(22, 13), r(1_705), r(-1_705), r(Int.max), r(Int.min + 1), r(1, Int.max), r(3, 1 << 40)])
        XCTAssertNil(PackedRational.value(PackedRational.none, extra: extra))
    }

    /// Every sample scored against its scorecards: each dimension, shade and criterion of the standing is the result's.
    func testASampleStandingHoldsWhatItsResultHeld() throws {
        let library = try XCTUnwrap(CriteriaLibrary.open(Repository.catalog).validValue)
        var compared = 0
        for sample in try SampleApplications.all(in: Repository.path("Samples")) {
            let assessment = AssessmentPipeline(criteria: library, toolVersion: "test").assess(sample.input)
            for scored in try XCTUnwrap(assessment.validValue, sample.name).results {
                let result = scored.result
                let standing = Standing(result)
                XCTAssertEqual(standing.total, result.total)
                XCTAssertEqual(standing.dimensions.count, result.dimensions.count)
                for (d, kept) in zip(result.dimensions, standing.dimensions) {
                    XCTAssertEqual(kept.score, d.score, "\(sample.name) \(d.id)")
                    XCTAssertEqual(kept.isApplicable, d.isApplicable)
                    if d.isApplicable, !d.effectiveWeight.isZero {
                        XCTAssertEqual(kept.shade, UInt8(min(4, Int(min(1, max(0, d.score.doubleValue / d.effectiveWeight.doubleValue)) * 5))))
                    } else {
                        XCTAssertNil(kept.shade)
                    }
                }
                let criteria = result.dimensions.flatMap(\.criteria)
                XCTAssertEqual(standing.criterionCount, criteria.count)
                for (i, c) in criteria.enumerated() {
                    XCTAssertEqual(standing.points(ofCriterion: i), c.status == .notApplicable ? nil : c.points, "\(sample.name) \(c.id)")
                }
                XCTAssertNil(standing.points(ofCriterion: criteria.count))
                compared += 1
            }
        }
        XCTAssertGreaterThan(compared, 10)
    }
}
