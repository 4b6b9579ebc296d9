import Foundation
import ParkScore
import ParkScoreDossier
import ParkScoreIO
import ParkScoreTestSupport
import XCTest

/// The ranking workbook (RankingWorkbook) of the Beijing samples read back by openpyxl: one sheet per view, totals and
/// scores as number cells equal to the engine's (totals by hand), frozen headers, heat-map fills, a park name that is a
/// formula kept as text, a golden of the XML parts, the same bytes on every run.
final class RankingWorkbookTests: SpreadsheetOutputTestCase {
    /// Xinghe evaluated with its reviews, Dongling, and a copy of Xinghe's self-assessment whose name is a formula. Totals
    /// by hand: Xinghe's evaluation 1489/24 → 62.04 (StageRulesTests.testTheSampleEvaluationByHand, and
    /// ScoringSheetWorkbookTests), its self-assessment 78.25 (BeijingScorecardTests.testEligibleSampleByHand), Dongling
    /// 16.4375 → 16.44 (BeijingScorecardTests.testIneligibleSampleByHand). Culture (weight 10) of Xinghe's evaluation:
    /// 1 award event → 4, content at the chair's level 2 → 4: 10 × 8/10 = 8, four fifths of the weight or more → the
    /// darkest step; Dongling: system not rated, no training platform, sessions not reported, no channels → 0 → white.
    func ranking() throws -> Ranking {
        let hostile = "=HYPERLINK(\"http://x\",\"y\")"
        let parks = [try assess("beijing-xinghe", reviews: panel), try assess("beijing-dongling"),
                     try assess("beijing-xinghe") { $0.replacingOccurrences(of: "id: beijing-xinghe", with: "id: beijing-xinghe-copy")
                         .replacingOccurrences(of: "name: 星河数字广告产业园（虚构）", with: "name: '\(hostile)'") }]
        return Ranking(scorecard: parks[0].scorecard, parks: parks.map { ($0.report.park.id ?? "", $0.report.park.name, $0.result) })
    }

    func testTheRankingWorkbookHasOneSheetPerView() throws {
        let ranking = try ranking()
        let workbook = RankingWorkbook(ranking: ranking, messages: zh)
        let dump = try SpreadsheetDump.of(try bytes(workbook.bytes()))
        XCTAssertEqual(dump.sheetNames, ["排名", "维度", "指标", "单项最优"])

        let first = try XCTUnwrap(dump.sheet("排名"))
        let cells = cells(first)
        XCTAssertEqual(["A1", "B1", "C1", "D1", "E1", "F1", "G1"].map { cells[$0]?["value"] as? String ?? "" },
                       ["排名", "园区编号", "园区", "结论", "总分", "等级", "暂定"])
        XCTAssertEqual(first["freeze"] as? String, "D2", "header row and rank, id and name frozen")
        XCTAssertEqual(first["orientation"] as? String, "landscape")
        XCTAssertEqual(first["print_title_rows"] as? String, "$1:$1")
        XCTAssertEqual(["B2", "B3", "B4"].map { cells[$0]?["value"] as? String }, ["beijing-xinghe-copy", "beijing-xinghe", "beijing-dongling"])
        XCTAssertEqual(["E2", "E3", "E4"].map { number(cells[$0]) }, [78.25, 62.04, 16.44])
        XCTAssertEqual(["E2", "E3", "E4"].map { cells[$0]?["type"] as? String }, ["n", "n", "n"])
        XCTAssertEqual(cells["E2"]?["format"] as? String, "0.00")
        XCTAssertEqual(["A2", "A3", "A4"].map { number(cells[$0]) }, [1, 2, 3])
        XCTAssertEqual(cells["D4"]?["value"] as? String, "不予认定")
        // The hostile name stays text: a string cell, no formula anywhere.
        XCTAssertEqual(cells["C2"]?["value"] as? String, "=HYPERLINK(\"http://x\",\"y\")")
        XCTAssertEqual(cells["C2"]?["type"] as? String, "s")
        for part in try workbook.parts() { XCTAssertFalse(part.text.contains("<f>") || part.text.contains("<f "), part.name) }

        // 维度: scores with the comparison page's shades. Xinghe's evaluated culture 8 of 10 → step 4 (the darkest, as
        // ComparisonCommandTests sees a full dimension in the HTML); Dongling's talent 0 → step 0 (white).
        let dimensions = self.cells(dump.sheet("维度"))
        XCTAssertEqual(dimensions["K1"]?["value"] as? String, "文化特色")
        XCTAssertEqual(number(dimensions["K3"]), 8)
        XCTAssertEqual(dimensions["K3"]?["fill"] as? String, "FF8F8F8F")
        XCTAssertEqual(dimensions["K3"]?["bold"] as? Bool, true)
        XCTAssertEqual(number(dimensions["J4"]), 0)
        XCTAssertEqual(dimensions["J4"]?["fill"] as? String, "FFFFFFFF")
        XCTAssertEqual(dump.sheet("维度")?["freeze"] as? String, "D2")
        // Every dimension of every park equals the engine's, and every one is shaded.
        for (i, entry) in ranking.entries.enumerated() {
            for (d, dimension) in entry.standing.dimensions.enumerated() {
                let reference = Self.column(5 + d) + String(i + 2)
                XCTAssertEqual(try XCTUnwrap(number(dimensions[reference]), reference), dimension.score.doubleValue, accuracy: 1e-12, reference)
                XCTAssertNotNil(dimensions[reference]?["fill"] as? String, reference)
            }
        }

        // 指标: points per criterion, shaded by the share of the criterion's maximum.
        let criteria = self.cells(dump.sheet("指标"))
        XCTAssertEqual((criteria["D1"]?["value"] as? String)?.hasPrefix("basic.positioning\n"), true)
        let scorecard = ranking.scorecard
        for (i, entry) in ranking.entries.enumerated() {
            for (c, criterion) in scorecard.criteria.enumerated() {
                let reference = Self.column(4 + c) + String(i + 2)
                guard let points = entry.standing.points(ofCriterion: c) else {
                    XCTAssertEqual(criteria[reference]?["value"] as? String, "不适用", reference)
                    continue
                }
                XCTAssertEqual(try XCTUnwrap(number(criteria[reference]), reference), points.doubleValue, accuracy: 1e-12, reference)
                // Full marks are the darkest, none white.
                if points == criterion.maxPoints { XCTAssertEqual(criteria[reference]?["fill"] as? String, "FF8F8F8F", reference) }
                if points.isZero { XCTAssertEqual(criteria[reference]?["fill"] as? String, "FFFFFFFF", reference) }
            }
        }

        // 单项最优: tiers.structure led by both Xinghe reports (10 of 10 each), the XR studio by nobody.
        let best = self.cells(dump.sheet("单项最优"))
        let structure = try XCTUnwrap(row(best, "tiers.structure"))
        XCTAssertEqual(best["D\(structure)"]?["value"] as? String, "beijing-xinghe-copy、beijing-xinghe")
        XCTAssertEqual(number(best["E\(structure)"]), 10)
        XCTAssertEqual(number(best["F\(structure)"]), 2)
        let xr = try XCTUnwrap(row(best, "operations.xr_studio"))
        XCTAssertEqual(best["D\(xr)"]?["value"] as? String, "—")
    }

    func testTheRankingWorkbookGoldenAndBytes() throws {
        let workbook = RankingWorkbook(ranking: try ranking(), messages: zh)
        XCTAssertEqual(try bytes(workbook.bytes()), try bytes(RankingWorkbook(ranking: try ranking(), messages: zh).bytes()), "the same bytes")
        assertGolden(Self.xmlParts(try workbook.parts()), named: "ranking.beijing.zh.xml")
    }
}
