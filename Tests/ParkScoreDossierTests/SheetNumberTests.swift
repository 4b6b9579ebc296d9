import Foundation
import ParkScore
@testable import ParkScoreIO
import ParkScoreTestSupport
import XCTest

/// Exact values into cells, and hostile text that a cell must still hold.
final class SheetNumberTests: SpreadsheetOutputTestCase {
    func r(_ n: Int, _ d: Int = 1) -> Rational { Rational(n, d)! }

    func testDecimalsAreExactWhereAFiniteDecimalExists() {
        XCTAssertEqual(SheetNumber.text(r(6204, 100)), "62.04")
        XCTAssertEqual(SheetNumber.text(r(1, 8)), "0.125")
        XCTAssertEqual(SheetNumber.text(r(-45, 4)), "-11.25")
        XCTAssertEqual(SheetNumber.text(r(15)), "15")
        XCTAssertEqual(SheetNumber.text(r(1, 1 << 20)), "0.000000953674316", "2^-20 has 20 decimals: more than a cell keeps")
        // No finite decimal: the 15 decimals a cell keeps, rounded half up (14/3 = 4.666…).
        XCTAssertEqual(SheetNumber.text(r(14, 3)), "4.666666666666667")
        XCTAssertEqual(SheetNumber.text(r(95, 12)), "7.916666666666667")
    }

    func testHeatMapStepsAreThoseOfTheComparisonPage() {
        // A fifth of the maximum per step, the darkest from four fifths: 0 → 0, 1.99/10 → 0, 2/10 → 1, 8/10 → 4, 10/10 → 4.
        XCTAssertEqual([r(0), r(199, 100), r(2), r(79, 10), r(8), r(10)].map { SheetNumber.step($0, of: r(10)) }, [0, 0, 1, 3, 4, 4])
        XCTAssertNil(SheetNumber.step(r(0), of: r(0)), "no maximum, no shade")
        XCTAssertEqual(SheetNumber.step(r(-1), of: r(10)), 0)
    }

    func testAParkNameLongerThanACellHoldsIsClipped() throws {
        let xinghe = try assess("beijing-xinghe")
        let long = String(repeating: "园", count: 40_000)
        let ranking = Ranking(scorecard: xinghe.scorecard, parks: [("long", long, xinghe.result), ("control", "a\u{0}b\u{1B}[31m", xinghe.result)])
        let dump = try SpreadsheetDump.of(try bytes(RankingWorkbook(ranking: ranking, messages: zh).bytes()))
        let cells = cells(dump.sheet("排名"))
        let name = try XCTUnwrap(cells.values.compactMap { $0["value"] as? String }.first { $0.hasPrefix("园园") })
        XCTAssertEqual(name.utf16.count, 32_767)
        XCTAssertTrue(name.hasSuffix("…"))
        // Characters XML cannot hold become U+FFFD; the rest stays.
        XCTAssertTrue(cells.values.contains { $0["value"] as? String == "a\u{FFFD}b\u{FFFD}[31m" })
    }
}
