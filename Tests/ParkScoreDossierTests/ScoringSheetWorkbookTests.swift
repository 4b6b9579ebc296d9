import Foundation
import ParkScore
import ParkScoreDossier
import ParkScoreIO
import ParkScoreTestSupport
import XCTest

/// The 评分表 (ScoringSheetWorkbook) of Samples/beijing-xinghe read back by openpyxl: every criterion's points per stage
/// equal to the engine's (the totals and the culture dimension by hand), the reviewers' levels and the disagreement flag,
/// numbers as number cells, the header row frozen and repeated on every page, the sheet locked but for the signature
/// cells, a golden of the XML parts, the same bytes on every run.
final class ScoringSheetWorkbookTests: SpreadsheetOutputTestCase {
    /// The sample's evaluation by hand, from Criteria/beijing-digital-advertising-park.yaml (weights: basic 10, layout
    /// 15, tiers 15, operations 15, services 15, talent 10, culture 10, international 10) and the self-report:
    ///
    /// 自评分 (the park's own; self-report.yaml):
    ///   basic 4 (positioning self-rated 2) + 2 (district sign) = 6/8 → 10 × 6/8 = 7.5
    ///   layout 6 (3 technologies) + 6 (3 sectors) = 12/16 → 15 × 12/16 = 11.25
    ///   tiers 4 + 3 + 3 (1 anchor, 4 medium, 12 start-ups) + 5 (incubator 9/14 > 50%) = 15/15 → 15
    ///   operations 4 + 6 + 0 (no XR studio) + 2 = 12/15 → 12
    ///   services 4 + 6 (3 of 4 services) + 3 (7 institutions) + 3 = 16/20 → 15 × 16/20 = 12
    ///   talent 4 (level 2) + 3 + 4 × 9/12 = 3 + 2 (2 channels) = 12/16 → 7.5
    ///   culture 4 (1 award event ≥ 1) + 2 (content self-rated 1) = 6/10 → 10 × 6/10 = 6
    ///   international 4 + 3 (3 projects) + 0 = 7/10 → 7
    ///   total 7.5 + 11.25 + 15 + 12 + 12 + 7.5 + 6 + 7 = 78.25 → B (70–85)
    /// 评审分 (the panel's; reviews/): culture.content rated 1, 3, 1 by p1, p2, p3 (a spread of 2: a disagreement), resolved
    ///   by the chair at level 2 → 4 points; culture = 4 + 4 = 8/10 → 10 × 8/10 = 8.
    ///   services: the preliminary check's override of services.third_party (7 institutions, 4 valid) 3 → 1 stays in
    ///   force: 4 + 6 + 1 + 3 = 14/20 → 15 × 14/20 = 10.5.
    ///   Evidence the report does not list withholds basic (both criteria → 0/8 → 0), layout.digital_technologies
    ///   (→ 6/16 → 45/8) and operations.rules (→ 8/15 → 8); talent.system 2, 2, 3 → 7/3 → 4 + 1/3 × 2 = 14/3, so talent
    ///   (14/3 + 3 + 3 + 2)/16 → 10 × 38/3/16 = 95/12; tiers 15, international 7.
    ///   total 0 + 45/8 + 15 + 8 + 21/2 + 95/12 + 8 + 7 = 1489/24 = 62.0417 → 62.04 → C (60–70).
    func testTheScoringSheetHoldsTheEngineValuesAsNumbers() throws {
        let assessment = try assess("beijing-xinghe", reviews: panel)
        let staged = try XCTUnwrap(assessment.staged)
        let workbook = ScoringSheetWorkbook(assessment: assessment, messages: zh)
        let dump = try SpreadsheetDump.of(try bytes(workbook.bytes()))
        XCTAssertEqual(dump.sheetNames, ["评分表"])
        let sheet = try XCTUnwrap(dump.sheet("评分表"))
        let cells = cells(sheet)

        // The header block.
        XCTAssertEqual(cells["A1"]?["value"] as? String, "北京市数字广告产业园区评定评分表")
        XCTAssertEqual(cells["B2"]?["value"] as? String, "星河数字广告产业园（虚构）（beijing-xinghe）")
        XCTAssertEqual(cells["B4"]?["value"] as? String, "关于推动数字广告产业园区建设的指导意见（征求意见稿）（000_635c0f08b529d72c.txt）")
        XCTAssertEqual(cells["B5"]?["value"] as? String, "2025-01-01 至 2025-12-31")
        XCTAssertEqual(cells["B6"]?["value"] as? String, "评审")
        XCTAssertEqual(cells["B7"]?["value"] as? String, "2026-03-10")
        // The table's header: stages, then one column per rating reviewer, then the disagreement flag.
        let header = ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J"].map { cells[$0 + "9"]?["value"] as? String ?? "" }
        XCTAssertEqual(header, ["编号", "评分项", "满分", "自评分", "初审分", "评审分", "钱评审\n评审专家\n评定等级", "孙评审\n评审专家\n评定等级",
                                "李评审\n评审专家\n评定等级", "意见分歧"])
        XCTAssertEqual(sheet["freeze"] as? String, "C10", "the header row and the id and title columns stay in view")
        XCTAssertEqual(sheet["print_title_rows"] as? String, "$9:$9", "the header row on every page")
        XCTAssertEqual(sheet["orientation"] as? String, "portrait")
        XCTAssertEqual(sheet["paper_size"] as? Int, 9, "A4")
        XCTAssertEqual(sheet["fit_to_page"] as? Bool, true)
        XCTAssertEqual(sheet["protected"] as? Bool, true)

        // By hand (above): the totals, and the culture dimension, in number cells.
        let total = try XCTUnwrap(row(cells, "总分"))
        XCTAssertEqual(cells["D\(total)"]?["type"] as? String, "n")
        XCTAssertEqual(number(cells["D\(total)"]), 78.25)
        XCTAssertEqual(number(cells["F\(total)"]), 62.04)
        XCTAssertEqual(number(cells["C\(total)"]), 100)
        XCTAssertEqual(cells["F\(total)"]?["format"] as? String, "0.00")
        let grade = try XCTUnwrap(row(cells, "等级"))
        XCTAssertEqual(cells["D\(grade)"]?["value"] as? String, "B")
        XCTAssertEqual(cells["F\(grade)"]?["value"] as? String, "C")
        let content = try XCTUnwrap(row(cells, "culture.content"))
        XCTAssertEqual(number(cells["D\(content)"]), 2)
        XCTAssertEqual(number(cells["F\(content)"]), 4)
        XCTAssertEqual(["G", "H", "I"].map { number(cells[$0 + "\(content)"]) }, [1, 3, 1], "each reviewer's level")
        XCTAssertEqual(cells["J\(content)"]?["value"] as? String, "分歧")
        XCTAssertNil(cells["J\(try XCTUnwrap(row(cells, "talent.system")))"]?["value"] as? String, "2, 2, 3 is no disagreement")
        let thirdParty = try XCTUnwrap(row(cells, "services.third_party"))
        XCTAssertEqual([number(cells["D\(thirdParty)"]), number(cells["E\(thirdParty)"]), number(cells["F\(thirdParty)"])], [3, 1, 1],
                       "overridden at the preliminary check, still in force")
        // The culture subtotal rows follow its last criterion: points 6 → 8, weighted 6 → 8; services weighted 12 → 10.5.
        XCTAssertEqual(cells["A\(content + 1)"]?["value"] as? String, "小计")
        XCTAssertEqual([number(cells["D\(content + 1)"]), number(cells["F\(content + 1)"])], [6, 8])
        XCTAssertEqual(cells["A\(content + 2)"]?["value"] as? String, "折算得分")
        XCTAssertEqual([number(cells["D\(content + 2)"]), number(cells["F\(content + 2)"])], [6, 8])
        let research = try XCTUnwrap(row(cells, "services.research"))
        XCTAssertEqual([number(cells["D\(research + 2)"]), number(cells["F\(research + 2)"])], [12, 10.5])

        // The rest equal the engine's, stage by stage, criterion by criterion.
        let stages: [(String, ScoreResult?)] = [("D", staged.selfAssessment), ("E", staged.preliminary), ("F", staged.panel)]
        for (column, result) in stages {
            let result = try XCTUnwrap(result)
            for criterion in result.criteria {
                let r = try XCTUnwrap(row(cells, criterion.id), criterion.id)
                let cell = cells["\(column)\(r)"]
                if criterion.status == .notApplicable {
                    XCTAssertEqual(cell?["value"] as? String, "不适用")
                } else {
                    XCTAssertEqual(cell?["type"] as? String, "n", "\(column)\(r)")
                    XCTAssertEqual(try XCTUnwrap(number(cell), "\(column)\(r)"), criterion.points.doubleValue, accuracy: 1e-12, "\(column)\(r)")
                }
                XCTAssertEqual(number(cells["C\(r)"]), criterion.maxPoints.doubleValue)
            }
            XCTAssertEqual(try XCTUnwrap(number(cells["\(column)\(total)"])), result.total.doubleValue, accuracy: 1e-12)
        }

        // The exact decimals are in the part: 62.04, and talent.system's 14/3 to 15 decimals (no cell holds a third).
        let part = try XCTUnwrap(try workbook.parts().first { $0.name == "xl/worksheets/sheet1.xml" }?.text)
        XCTAssertTrue(part.contains("<c r=\"F\(total)\" s=\""), part)
        XCTAssertTrue(part.contains("><v>62.04</v></c>"), "the total's exact digits")
        XCTAssertTrue(part.contains("<v>4.666666666666667</v>") || part.contains("<v>4.666666666666666</v>"), "14/3 to 15 decimals")
        XCTAssertFalse(part.contains("<f>"), "no formulas")

        // The signature block: one row per reviewer, the signature and date cells open, everything else locked.
        let signers = ["赵初审", "钱评审", "孙评审", "李评审", "周组长"]
        for name in signers {
            let r = try XCTUnwrap(cells.first { $0.key.hasPrefix("B") && $0.value["value"] as? String == name }.flatMap { Int($0.key.dropFirst()) }, name)
            XCTAssertEqual(cells["C\(r)"]?["locked"] as? Bool, false, name)
            XCTAssertEqual(cells["E\(r)"]?["locked"] as? Bool, false, name)
            XCTAssertEqual(cells["B\(r)"]?["locked"] as? Bool, true, name)
        }
        XCTAssertNotNil(row(cells, "评审组组长（签字）"))
        let open = cells.filter { $0.value["locked"] as? Bool == false }.count
        // 5 reviewers × (C, D, E, F) + the chair's line (B, D, E, F).
        XCTAssertEqual(open, 5 * 4 + 4)
        XCTAssertEqual(cells["F\(content)"]?["locked"] as? Bool, true)
    }

    func testASelfAssessmentScoringSheetHasOnlyTheParksColumn() throws {
        let assessment = try assess("beijing-xinghe")
        let dump = try SpreadsheetDump.of(try bytes(ScoringSheetWorkbook(assessment: assessment, messages: zh).bytes()))
        let cells = cells(dump.sheet("评分表"))
        XCTAssertEqual(cells["B6"]?["value"] as? String, "自评")
        XCTAssertNil(cells["G9"], "no reviewer columns")
        let total = try XCTUnwrap(row(cells, "总分"))
        XCTAssertEqual(number(cells["D\(total)"]), 78.25)  // by hand: testTheScoringSheetHoldsTheEngineValuesAsNumbers
        XCTAssertNil(number(cells["E\(total)"]))
        // Blank signature rows to fill in by hand.
        let role = try XCTUnwrap(row(cells, "评审角色"))
        XCTAssertEqual((1...5).map { cells["A\(role + $0)"]?["locked"] as? Bool }, Array(repeating: false, count: 5))
    }

    func testTheScoringSheetGoldenAndBytes() throws {
        let assessment = try assess("beijing-xinghe", reviews: panel)
        let workbook = ScoringSheetWorkbook(assessment: assessment, messages: zh)
        XCTAssertEqual(try bytes(workbook.bytes()), try bytes(ScoringSheetWorkbook(assessment: try assess("beijing-xinghe", reviews: panel), messages: zh).bytes()),
                       "the same inputs, the same bytes")
        assertGolden(try Self.xmlParts(workbook.parts()), named: "scoring-sheet.beijing-xinghe.zh.xml")
        // English: the catalogue's words, the same numbers.
        let en = try SpreadsheetDump.of(try bytes(ScoringSheetWorkbook(assessment: assessment, messages: renderer.templates.messages(.en)).bytes()))
        XCTAssertEqual(en.sheetNames, ["Scoring sheet"])
        XCTAssertEqual(cells(en.sheet("Scoring sheet"))["D9"]?["value"] as? String, "Self")
    }
}
