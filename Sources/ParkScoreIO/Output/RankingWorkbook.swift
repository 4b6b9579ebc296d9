import ParkOffice
import ParkScore

/// A ranking as an Excel workbook, one sheet per view: 排名 (ranks, totals, grades), 维度 (each park's dimension scores
/// with the comparison page's heat map as cell fills), 指标 (each park's points per criterion, shaded the same way)
/// and 单项最优 (the best park per criterion). Numbers are number cells holding the exact decimal, shown with two
/// decimals; text from files (park names) is always a string, never a formula. Header row and park columns frozen,
/// A4 landscape with the header row on every page. `compare --format xlsx` and batch's ranking.xlsx both write this.
public struct RankingWorkbook: Sendable {
    public let ranking: Ranking
    public let messages: Messages

    public init(ranking: Ranking, messages: Messages) {
        self.ranking = ranking
        self.messages = messages
    }

    /// The .xlsx bytes; the same ranking gives the same bytes.
    public func bytes() -> Result<[UInt8], Diagnostic> {
        guard ranking.entries.count < CellReference.maxRow else {
            return .failure(.error(Message("sheet.too_many_rows", String(ranking.entries.count)), at: nil))
        }
        guard ranking.scorecard.criteria.count + 3 <= CellReference.maxColumn else {
            return .failure(.error(Message("sheet.too_many_columns", String(ranking.scorecard.criteria.count)), at: nil))
        }
        do {
            return .success(try WorkbookWriter(workbook).bytes())
        } catch {
            return .failure(.error(Message("sheet.write_failed", String(describing: error)), at: nil))
        }
    }

    /// The package's XML parts by name (for goldens).
    public func parts() throws -> [(name: String, text: String)] { try WorkbookWriter(workbook).parts() }

    public var workbook: Workbook {
        let language = messages.language
        let title = messages("labels.comparison") + " · " + ranking.scorecard.title.text(language)
        return Workbook(sheets: [rankingSheet, dimensionSheet, criterionSheet, bestSheet],
                        properties: DocumentProperties(title: title, subject: ranking.scorecard.id + " " + ranking.scorecard.version,
                                                       language: language == .zh ? "zh-CN" : "en"))
    }

    // MARK: Styles

    static let header = CellStyle(bold: true, fill: .headerGrey, border: true, wrap: true, horizontal: .center, vertical: .center)
    static let text = CellStyle(border: true, vertical: .center)
    static let wrapped = CellStyle(border: true, wrap: true, vertical: .center)
    static let centered = CellStyle(border: true, horizontal: .center, vertical: .center)
    static let integer = CellStyle(border: true, horizontal: .center, vertical: .center, numberFormat: .integer)
    static let points = CellStyle(border: true, vertical: .center, numberFormat: .custom("0.00"))

    /// A sheet with the rank and park columns, frozen beside and below the header, printed landscape.
    /// A sheet too wide for a page (`fitToWidth` false) prints across pages with the park columns on each.
    func sheet(_ name: String, headers: [String], widths: [Double], fitToWidth: Bool = true) -> Sheet {
        // Every printed page says what it ranks: the scorecard and the view at the top, the page number at the bottom.
        let title = messages("labels.comparison") + " · " + ranking.scorecard.title.text(messages.language) + " · " + name
        var sheet = Sheet(name: name, page: PageSetup(orientation: .landscape, fitToWidth: fitToWidth, repeatRows: 1...1,
                                                      repeatColumns: fitToWidth ? nil : 1...3, header: [.text(title)],
                                                      footer: PrintedPage.footer(messages)))
        for (i, text) in headers.enumerated() { sheet.set(1, i + 1, .text(SheetNumber.clipped(text), style: Self.header)) }
        for (i, width) in widths.enumerated() { sheet.columns[i + 1] = ColumnFormat(width: width) }
        let height = SheetNumber.rowHeight(zip(headers, widths).map { ($0, $1) }) ?? 20
        sheet.rowFormats[1] = RowFormat(height: Swift.max(20, height))
        return sheet
    }

    /// Rank, park id and park name: the first three cells of a park's row on every sheet.
    func parkCells(_ entry: Ranking.Entry, row: Int, into sheet: inout Sheet) {
        sheet.set(row, 1, SheetNumber.cell(entry.rank, style: Self.integer))
        sheet.set(row, 2, .text(SheetNumber.clipped(entry.parkID), style: Self.text))
        sheet.set(row, 3, .text(SheetNumber.clipped(entry.parkName), style: Self.wrapped))
        if let height = SheetNumber.rowHeight([(entry.parkName, Self.parkWidths[2])]) { sheet.rowFormats[row] = RowFormat(height: Swift.min(height, 120)) }
    }

    var parkHeaders: [String] { [messages("ranking.rank"), messages("ranking.park_id"), messages("ranking.park")] }
    static let parkWidths: [Double] = [6, 22, 30]

    // MARK: Sheets

    /// 排名: rank, park id, park name, verdict, total, grade, provisional.
    var rankingSheet: Sheet {
        var sheet = sheet(messages("sheet.ranking.name"),
                          headers: parkHeaders + [messages("ranking.verdict"), messages("ranking.total"), messages("ranking.grade"),
                                                  messages("ranking.provisional")],
                          widths: Self.parkWidths + [10, 10, 8, 8])
        sheet.freeze = CellReference(row: 2, column: 4)
        for (i, entry) in ranking.entries.enumerated() {
            let row = i + 2
            let r = entry.standing
            parkCells(entry, row: row, into: &sheet)
            sheet.set(row, 4, .text(verdict(r.verdict), style: Self.centered))
            sheet.set(row, 5, SheetNumber.cell(r.total, style: Self.points))
            sheet.set(row, 6, .text(SheetNumber.clipped(r.grade ?? "—"), style: Self.centered))
            sheet.set(row, 7, .text(r.isProvisional ? messages("ranking.yes") : messages("ranking.no"), style: Self.centered))
        }
        return sheet
    }

    /// 维度: each park's score per dimension, shaded by its share of the dimension's weight in the five steps of the
    /// comparison page.
    var dimensionSheet: Sheet {
        let dimensions = ranking.scorecard.dimensions
        var sheet = sheet(messages("sheet.dimensions.name"),
                          headers: parkHeaders + [messages("ranking.total")] + dimensions.map { $0.title.text(messages.language) },
                          widths: Self.parkWidths + [10] + dimensions.map { _ in 12 })
        sheet.freeze = CellReference(row: 2, column: 4)
        for (i, entry) in ranking.entries.enumerated() {
            let row = i + 2
            parkCells(entry, row: row, into: &sheet)
            sheet.set(row, 4, SheetNumber.cell(entry.standing.total, style: Self.points))
            for (d, dimension) in entry.standing.dimensions.enumerated() where d < dimensions.count {
                guard dimension.isApplicable else {
                    sheet.set(row, 5 + d, .text(messages("ranking.not_applicable"), style: Self.centered))
                    continue
                }
                let style = dimension.shade.map { SheetNumber.shaded(Self.points, step: Int($0)) } ?? Self.points
                sheet.set(row, 5 + d, SheetNumber.cell(dimension.score, style: style))
            }
        }
        return sheet
    }

    /// 指标: each park's points per criterion, shaded by the share of the criterion's maximum (same five steps).
    /// Wide: printed across pages rather than shrunk to one.
    var criterionSheet: Sheet {
        let criteria = ranking.scorecard.criteria
        let headers = criteria.map { messages("sheet.criteria.header", ["id": $0.id, "title": $0.title.text(messages.language),
                                                                        "max": $0.maxPoints.formatted(places: 2)]) }
        var sheet = sheet(messages("sheet.criteria.name"), headers: parkHeaders + headers,
                          widths: Self.parkWidths + criteria.map { _ in 12 }, fitToWidth: false)
        sheet.freeze = CellReference(row: 2, column: 4)
        for (i, entry) in ranking.entries.enumerated() {
            let row = i + 2
            parkCells(entry, row: row, into: &sheet)
            for (c, criterion) in criteria.enumerated() {
                guard let points = entry.standing.points(ofCriterion: c) else {
                    if c < entry.standing.criterionCount {
                        sheet.set(row, 4 + c, .text(messages("ranking.not_applicable"), style: Self.centered))
                    }
                    continue
                }
                let style = SheetNumber.step(points, of: criterion.maxPoints).map { SheetNumber.shaded(Self.points, step: $0) } ?? Self.points
                sheet.set(row, 4 + c, SheetNumber.cell(points, style: style))
            }
        }
        return sheet
    }

    /// 单项最优: per criterion, the parks with the most points and those points.
    var bestSheet: Sheet {
        let table = RankingTable(ranking: ranking, messages: messages)
        var sheet = sheet(messages("sheet.best.name"),
                          headers: [messages("sheet.best.criterion"), messages("sheet.best.title"), messages("sheet.best.max"),
                                    messages("sheet.best.parks"), messages("sheet.best.points"), messages("sheet.best.tied")],
                          widths: [30, 36, 8, 40, 10, 10])
        sheet.freeze = CellReference(row: 2, column: 3)
        let criteria = ranking.scorecard.criteria
        for (i, best) in ranking.best.enumerated() {
            let row = i + 2
            sheet.set(row, 1, .text(best.criterionID, style: Self.text))
            sheet.set(row, 2, .text(best.title.text(messages.language), style: Self.wrapped))
            if i < criteria.count { sheet.set(row, 3, SheetNumber.cell(criteria[i].maxPoints, style: Self.points)) }
            sheet.set(row, 4, .text(SheetNumber.clipped(table.leaders(best, separator: messages("ranking.separator"))), style: Self.wrapped))
            sheet.set(row, 5, SheetNumber.cell(best.points, style: Self.points))
            sheet.set(row, 6, SheetNumber.cell(best.tied, style: Self.integer))
            let leaders = table.leaders(best, separator: messages("ranking.separator"))
            if let height = SheetNumber.rowHeight([(best.title.text(messages.language), 36), (leaders, 40)]) {
                sheet.rowFormats[row] = RowFormat(height: Swift.min(height, 200))
            }
        }
        return sheet
    }

    func verdict(_ verdict: ScoreResult.Verdict) -> String {
        switch verdict {
        case .eligible: return messages("ranking.verdict_eligible")
        case .ineligible: return messages("ranking.verdict_ineligible")
        case .undetermined: return messages("ranking.verdict_undetermined")
        }
    }
}
