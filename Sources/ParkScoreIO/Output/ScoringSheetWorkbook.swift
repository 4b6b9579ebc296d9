import ParkOffice
import ParkScore

/// The 评分表 of one application against one scorecard: the form an expert panel fills in and signs. A header block
/// (park, scorecard and the text it rests on, period, mode, date), then every criterion grouped by dimension with its
/// maximum and the points of each stage — 自评分 (the park's), 初审分 (the preliminary check's), 评审分 (the panel's) —
/// and, in an evaluation, each reviewer's rated level and whether the panel disagrees; dimension subtotals (points and
/// weighted score), the total, grade and verdict of each stage; then a signature block, one row per reviewer and the
/// chair's line. Numbers are number cells with the exact values; A4 portrait, fitted to the width, the table's header
/// row on every page; the sheet is protected, only the signature and date cells open.
public struct ScoringSheetWorkbook: Sendable {
    public let assessment: ScorecardAssessment
    public let messages: Messages

    public init(assessment: ScorecardAssessment, messages: Messages) {
        self.assessment = assessment
        self.messages = messages
    }

    /// The .xlsx bytes; the same assessment gives the same bytes.
    public func bytes() -> Result<[UInt8], Diagnostic> {
        do {
            return .success(try WorkbookWriter(workbook).bytes())
        } catch {
            return .failure(.error(Message("sheet.write_failed", String(describing: error)), at: nil))
        }
    }

    /// The package's XML parts by name (for goldens).
    public func parts() throws -> [(name: String, text: String)] { try WorkbookWriter(workbook).parts() }

    // MARK: Styles

    static let title = CellStyle(bold: true, fontSize: 14, horizontal: .center, vertical: .center)
    static let label = CellStyle(bold: true, border: true, vertical: .center)
    static let value = CellStyle(border: true, wrap: true, vertical: .center)
    static let header = CellStyle(bold: true, fill: .headerGrey, border: true, wrap: true, horizontal: .center, vertical: .center)
    static let dimension = CellStyle(bold: true, fill: Color("EDEDED"), border: true, vertical: .center)
    static let text = CellStyle(border: true, wrap: true, vertical: .center)
    static let centered = CellStyle(border: true, horizontal: .center, vertical: .center)
    static let points = CellStyle(border: true, vertical: .center, numberFormat: .custom("0.00"))
    static let subtotal = CellStyle(bold: true, border: true, vertical: .center)
    static let subtotalPoints = CellStyle(bold: true, border: true, vertical: .center, numberFormat: .custom("0.00"))
    static let signature = CellStyle(border: true, vertical: .center, locked: false)
    static let flag = CellStyle(bold: true, fontColor: Color("C00000"), border: true, horizontal: .center, vertical: .center)

    /// The stages in their columns: 自评分, 初审分, 评审分; a stage that has not happened is nil.
    var stages: [ScoreResult?] {
        guard let staged = assessment.staged else { return [assessment.result, nil, nil] }
        return [staged.selfAssessment, staged.preliminary, staged.panel]
    }

    /// The reviewers in the order the panel page lists them (preliminary, panel, chair), each once.
    var reviewers: [Review] {
        let rank: [Review.Role: Int] = [.preliminary: 0, .panel: 1, .chair: 2]
        var seen = Set<String>()
        return (assessment.staged?.reviews ?? []).enumerated()
            .sorted { (rank[$0.element.reviewer.role] ?? 3, $0.offset) < (rank[$1.element.reviewer.role] ?? 3, $1.offset) }
            .map(\.element)
            .filter { seen.insert($0.reviewer.id).inserted }
    }

    public var workbook: Workbook {
        let language = messages.language
        let scorecard = assessment.scorecard
        let title = messages("sheet.scoring.title", ["scorecard": scorecard.title.text(language)])
        return Workbook(sheets: [sheet], properties: DocumentProperties(title: title, subject: assessment.report.park.name,
                                                                        language: language == .zh ? "zh-CN" : "en"))
    }

    var sheet: Sheet {
        let language = messages.language
        let scorecard = assessment.scorecard
        let report = assessment.report
        let evaluation = assessment.mode == .evaluation
        // Reviewers rate in evaluation only; their columns follow the stages', then the disagreement flag.
        let raters = evaluation ? reviewers.filter { !$0.ratings.isEmpty } : []
        let lastColumn = 6 + raters.count + (evaluation ? 1 : 0)
        var sheet = Sheet(name: messages("sheet.scoring.name"), protected: true)

        // Title and header block.
        sheet.set(1, 1, .text(messages("sheet.scoring.title", ["scorecard": scorecard.title.text(language)]), style: Self.title))
        sheet.merges.append(CellRange(CellReference(row: 1, column: 1), CellReference(row: 1, column: lastColumn)))
        sheet.rowFormats[1] = RowFormat(height: 28)
        let parkName = language == .en ? (report.park.nameEn ?? report.park.name) : report.park.name
        let source = scorecard.source
        let block: [(String, String)] = [
            (messages("sheet.scoring.park"), SheetNumber.clipped(report.park.id.map { messages("sheet.scoring.park_value", ["name": parkName, "id": $0]) } ?? parkName)),
            (messages("sheet.scoring.scorecard"), messages("sheet.scoring.scorecard_value", ["title": scorecard.title.text(language), "id": scorecard.id,
                                                                                             "version": scorecard.version])),
            (messages("sheet.scoring.source"), messages("sheet.scoring.source_value", ["title": source.title, "file": source.file])),
            (messages("labels.period"), messages("sheet.scoring.period_value", ["from": report.period.from, "to": report.period.to])),
            (messages("labels.mode"), evaluation ? messages("labels.mode_evaluation") : messages("labels.mode_self")),
            (messages("sheet.scoring.date"), assessment.date),
        ]
        var row = 2
        for (label, value) in block {
            sheet.set(row, 1, .text(label, style: Self.label))
            sheet.set(row, 2, .text(value, style: Self.value))
            for column in 3...lastColumn { sheet.set(row, column, .blank(style: Self.value)) }
            sheet.merges.append(CellRange(CellReference(row: row, column: 2), CellReference(row: row, column: lastColumn)))
            row += 1
        }
        row += 1

        // The table's header, repeated on every printed page.
        var headers = [messages("sheet.scoring.criterion_id"), messages("sheet.scoring.criterion"), messages("sheet.scoring.max"),
                       messages("sheet.scoring.self"), messages("sheet.scoring.preliminary"), messages("sheet.scoring.panel")]
        headers += raters.map { messages("sheet.scoring.reviewer_level", ["name": $0.reviewer.name, "role": role($0.reviewer.role)]) }
        if evaluation { headers.append(messages("sheet.scoring.disagreement")) }
        for (i, text) in headers.enumerated() { sheet.set(row, i + 1, .text(SheetNumber.clipped(text), style: Self.header)) }
        let widths: [Double] = [32, 34, 8, 11, 11, 11] + raters.map { _ in 13 } + (evaluation ? [14] : [])
        sheet.rowFormats[row] = RowFormat(height: Swift.max(24, (SheetNumber.rowHeight(zip(headers, widths).map { ($0, $1) }) ?? 9) + 15))
        sheet.freeze = CellReference(row: row + 1, column: 3)
        sheet.page = PageSetup(orientation: .portrait, fitToWidth: true, repeatRows: row...row, footer: PrintedPage.footer(messages))
        row += 1

        let disagreements = Set(assessment.staged?.disagreements ?? [])
        let results = stages
        let final = assessment.result
        for (d, dimension) in scorecard.dimensions.enumerated() {
            // The dimension's heading across the table.
            let finalDimension = d < final.dimensions.count ? final.dimensions[d] : nil
            sheet.set(row, 1, .text(messages("sheet.scoring.dimension", ["title": dimension.title.text(language),
                                                                         "weight": (finalDimension?.effectiveWeight).map(SheetNumber.text) ?? ""]),
                                    style: Self.dimension))
            for column in 2...lastColumn { sheet.set(row, column, .blank(style: Self.dimension)) }
            sheet.merges.append(CellRange(CellReference(row: row, column: 1), CellReference(row: row, column: lastColumn)))
            row += 1
            for (c, criterion) in dimension.criteria.enumerated() {
                sheet.set(row, 1, .text(criterion.id, style: Self.text))
                sheet.set(row, 2, .text(criterion.title.text(language), style: Self.text))
                if let height = SheetNumber.rowHeight([(criterion.id, widths[0]), (criterion.title.text(language), widths[1])]) {
                    sheet.rowFormats[row] = RowFormat(height: height)
                }
                sheet.set(row, 3, SheetNumber.cell(criterion.maxPoints, style: Self.points))
                for (s, result) in results.enumerated() {
                    guard let result, d < result.dimensions.count, c < result.dimensions[d].criteria.count else {
                        sheet.set(row, 4 + s, .blank(style: Self.centered))
                        continue
                    }
                    let outcome = result.dimensions[d].criteria[c]
                    if outcome.status == .notApplicable {
                        sheet.set(row, 4 + s, .text(messages("ranking.not_applicable"), style: Self.centered))
                    } else {
                        sheet.set(row, 4 + s, SheetNumber.cell(outcome.points, style: Self.points))
                    }
                }
                for (r, review) in raters.enumerated() {
                    if let level = review.ratings[criterion.id]?.level {
                        sheet.set(row, 7 + r, SheetNumber.cell(level, style: Self.centered))
                    } else {
                        sheet.set(row, 7 + r, .blank(style: Self.centered))
                    }
                }
                if evaluation {
                    let flagged = disagreements.contains(criterion.id)
                    sheet.set(row, lastColumn, flagged ? .text(messages("sheet.scoring.disagreement_flag"), style: Self.flag)
                                                       : .blank(style: Self.centered))
                }
                row += 1
            }
            // Subtotals: the points of the applicable criteria, then the weighted score the dimension adds to the total.
            for weighted in [false, true] {
                sheet.set(row, 1, .text(weighted ? messages("sheet.scoring.dimension_score") : messages("sheet.scoring.subtotal"), style: Self.subtotal))
                sheet.set(row, 2, .text(weighted ? messages("sheet.scoring.dimension_score_note") : messages("sheet.scoring.subtotal_note"),
                                        style: Self.subtotal))
                if let finalDimension {
                    sheet.set(row, 3, SheetNumber.cell(weighted ? finalDimension.effectiveWeight : finalDimension.applicableMaxPoints,
                                                       style: Self.subtotalPoints))
                } else {
                    sheet.set(row, 3, .blank(style: Self.subtotal))
                }
                for (s, result) in results.enumerated() {
                    if let result, d < result.dimensions.count {
                        let stage = result.dimensions[d]
                        sheet.set(row, 4 + s, SheetNumber.cell(weighted ? stage.score : stage.points, style: Self.subtotalPoints))
                    } else {
                        sheet.set(row, 4 + s, .blank(style: Self.subtotal))
                    }
                }
                for column in 7..<(lastColumn + 1) { sheet.set(row, column, .blank(style: Self.subtotal)) }
                row += 1
            }
        }

        // Total, grade and verdict of each stage.
        // The most a total can be: the effective weights added up (nil, and a blank cell, should that overflow).
        let maxTotal = final.dimensions.reduce(Optional(Rational.zero)) { sum, d in sum?.adding(d.effectiveWeight) }
        let summary: [(String, (ScoreResult) -> Cell, Cell)] = [
            (messages("labels.total"), { SheetNumber.cell($0.total, style: Self.subtotalPoints) },
             maxTotal.map { SheetNumber.cell($0, style: Self.subtotalPoints) } ?? .blank(style: Self.subtotal)),
            (messages("labels.grade"), { .text($0.grade?.id ?? "—", style: Self.centered) }, .blank(style: Self.subtotal)),
            (messages("ranking.verdict"), { .text(self.verdict($0.verdict), style: Self.centered) }, .blank(style: Self.subtotal)),
        ]
        for (label, value, maximum) in summary {
            sheet.set(row, 1, .text(label, style: Self.subtotal))
            sheet.set(row, 2, .blank(style: Self.subtotal))
            sheet.set(row, 3, maximum)
            for (s, result) in results.enumerated() { sheet.set(row, 4 + s, result.map(value) ?? .blank(style: Self.subtotal)) }
            for column in 7..<(lastColumn + 1) { sheet.set(row, column, .blank(style: Self.subtotal)) }
            row += 1
        }
        row += 1

        // The signature block: who signs, in which role; the signature and date cells are the only ones open.
        sheet.set(row, 1, .text(messages("labels.panel_page"), style: CellStyle(bold: true, fontSize: 12)))
        row += 1
        let signHeaders = [messages("labels.member_role"), messages("labels.member_name"), messages("sheet.scoring.signature"),
                           messages("sheet.scoring.signed_on")]
        let spans: [ClosedRange<Int>] = [1...1, 2...2, 3...4, 5...6]
        for (i, text) in signHeaders.enumerated() {
            for column in spans[i] { sheet.set(row, column, column == spans[i].lowerBound ? .text(text, style: Self.header) : .blank(style: Self.header)) }
            if spans[i].count > 1 { sheet.merges.append(CellRange(CellReference(row: row, column: spans[i].lowerBound), CellReference(row: row, column: spans[i].upperBound))) }
        }
        row += 1
        var signers: [(role: String, name: String)] = reviewers.map { (role($0.reviewer.role), $0.reviewer.name) }
        // Without reviews, blank rows to fill in by hand, as the dossier's panel page has.
        let open = signers.isEmpty
        if open { signers = Array(repeating: ("", ""), count: 5) }
        for signer in signers {
            sheet.set(row, 1, open ? .blank(style: Self.signature) : .text(signer.role, style: Self.value))
            sheet.set(row, 2, open ? .blank(style: Self.signature) : .text(SheetNumber.clipped(signer.name), style: Self.value))
            for span in spans.dropFirst(2) {
                for column in span { sheet.set(row, column, .blank(style: Self.signature)) }
                sheet.merges.append(CellRange(CellReference(row: row, column: span.lowerBound), CellReference(row: row, column: span.upperBound)))
            }
            sheet.rowFormats[row] = RowFormat(height: 30)
            row += 1
        }
        row += 1
        // The chair signs for the panel under the result.
        sheet.set(row, 1, .text(messages("labels.chair_signature"), style: Self.label))
        sheet.set(row, 2, .blank(style: Self.signature))
        sheet.set(row, 3, .text(messages("sheet.scoring.signed_on"), style: Self.label))
        sheet.set(row, 4, .blank(style: Self.signature))
        for column in 5...6 { sheet.set(row, column, .blank(style: Self.signature)) }
        sheet.merges.append(CellRange(CellReference(row: row, column: 4), CellReference(row: row, column: 6)))
        sheet.rowFormats[row] = RowFormat(height: 30)

        for (i, width) in widths.enumerated() { sheet.columns[i + 1] = ColumnFormat(width: width) }
        return sheet
    }

    func role(_ role: Review.Role) -> String {
        switch role {
        case .preliminary: return messages("labels.role_preliminary")
        case .panel: return messages("labels.role_panel")
        case .chair: return messages("labels.role_chair")
        }
    }

    func verdict(_ verdict: ScoreResult.Verdict) -> String {
        switch verdict {
        case .eligible: return messages("ranking.verdict_eligible")
        case .ineligible: return messages("ranking.verdict_ineligible")
        case .undetermined: return messages("ranking.verdict_undetermined")
        }
    }
}
