import ParkOffice
import ParkScore

/// The self-report as an Excel workbook (申报表.xlsx), for a park office to fill in (`parkscore template --format xlsx`)
/// or holding a self-report already made (`parkscore convert self-report.yaml -o 申报表.xlsx`).
///
/// The same facts, in the same order and with the same help as `SelfReportTemplate`, laid out as the workbook contract
/// of issue 13 says (sheets found by the marker in A1, keys in the hidden column A, header row frozen): a cover,
/// the facts, one sheet per table of records, the self-rating, the N/A claims, the evidence list and the instructions.
/// Only the input cells (pale yellow) are unlocked; every sheet is protected without a password.
public struct SelfReportWorkbook {
    public let scorecard: Scorecard
    public let dictionary: FactDictionary
    public let messages: Messages
    /// The self-report whose values fill the input cells, or nil for a blank form.
    public let report: SelfReport?
    var language: LocalizedText.Language { messages.language }
    var template: SelfReportTemplate { SelfReportTemplate(scorecard: scorecard, dictionary: dictionary, messages: messages) }

    /// Blank rows offered for records and evidence in a blank form (more can be typed below: the columns stay unlocked).
    static let blankRecordRows = 30
    static let blankEvidenceRows = 20

    public init(scorecard: Scorecard, dictionary: FactDictionary, messages: Messages, report: SelfReport? = nil) {
        self.scorecard = scorecard
        self.dictionary = dictionary
        self.messages = messages
        self.report = report
    }

    /// The workbook's bytes.
    public func bytes() throws -> [UInt8] {
        try WorkbookWriter(workbook()).bytes()
    }

    /// The workbook's bytes, or the problem that keeps them from being written (a report's text too long for a cell),
    /// as a diagnostic the catalogue words.
    public func write() -> Result<[UInt8], Diagnostic> {
        do {
            return .success(try bytes())
        } catch WorkbookWriterError.textTooLong(let sheet, let cell) {
            return .failure(.error(Message("workbook-write.text-too-long", sheet, cell, String(WorkbookWriter.maxTextLength)), at: nil))
        } catch {
            return .failure(.error(Message("workbook-write.failed", String(describing: error)), at: nil))
        }
    }

    public func workbook() -> Workbook {
        var names = Set<String>()
        func unique(_ wanted: String) -> String {
            var name = SelfReportWorkbook.sheetName(wanted)
            var n = 1
            while names.contains(name.lowercased()) {
                n += 1
                let suffix = "(\(n))"
                name = SelfReportWorkbook.sheetName(String(wanted.prefix(31 - suffix.count))) + suffix
            }
            names.insert(name.lowercased())
            return name
        }
        var sheets: [Sheet] = []
        sheets.append(coverSheet(name: unique(messages("template.workbook.sheet.cover"))))
        sheets.append(factsSheet(name: unique(messages("template.workbook.sheet.facts"))))
        for key in recordKeys() {
            guard let definition = dictionary[key], case .records(let schema) = definition.type else { continue }
            sheets.append(recordsSheet(key: key, definition: definition, schema: schema, name: unique(Self.shortTitle(definition.description.text(language)))))
        }
        sheets.append(ratingsSheet(name: unique(messages("template.workbook.sheet.ratings"))))
        sheets.append(notApplicableSheet(name: unique(messages("template.workbook.sheet.not_applicable"))))
        sheets.append(evidenceSheet(name: unique(messages("template.workbook.sheet.evidence"))))
        sheets.append(instructionsSheet(name: unique(messages("template.workbook.sheet.instructions"))))
        for i in sheets.indices { sheets[i].fitRowHeights() }
        // The cover is a form's first page: rows with room to write in.
        for row in 1...sheets[0].lastRow {
            sheets[0].rowFormats[row, default: RowFormat()].height = max(sheets[0].rowFormats[row]?.height ?? 0, 24)
        }
        let title = messages("template.workbook.title", ["title": scorecard.title.text(language)])
        return Workbook(sheets: sheets, properties: DocumentProperties(title: title, subject: scorecard.id, language: language == .zh ? "zh-CN" : "en"),
                        listSheetName: unique(messages("template.workbook.sheet.lists")))
    }

    // MARK: - Styles

    static let header = CellStyle(bold: true, fill: .headerGrey, border: true, wrap: true, vertical: .center)
    static let body = CellStyle(border: true, wrap: true, vertical: .top)
    static let coverLabel = CellStyle(bold: true, border: true, wrap: true, vertical: .center)
    static let help = CellStyle(fontColor: Color("595959"), border: true, wrap: true, vertical: .top)
    static let input = CellStyle(fill: .inputYellow, border: true, wrap: true, vertical: .top, locked: false)
    static let title = CellStyle(bold: true, fontSize: 14, wrap: true, vertical: .center)

    static func input(_ type: FactType) -> CellStyle {
        input.with { $0.numberFormat = format(type) }
    }

    static func format(_ type: FactType) -> NumberFormat {
        switch type {
        case .integer: return .integer
        case .money: return .money
        case .percent: return .percent
        case .date: return .date
        case .text, .list: return .text
        default: return .general
        }
    }

    /// A protected, printable sheet with its marker in A1, column A hidden and the header rows frozen.
    func formSheet(name: String, marker: String, headerRows: Int = 1, orientation: PageSetup.Orientation = .landscape) -> Sheet {
        var sheet = Sheet(name: name, protected: true, page: page(orientation, repeatRows: 1...headerRows))
        sheet["A1"] = .text(marker)
        sheet.columns[1] = ColumnFormat(width: 4, hidden: true)
        sheet.freeze = CellReference(row: headerRows + 1, column: 1)
        return sheet
    }

    /// A4, fitted to the page's width, the form's title at the top of every page and the page number at the bottom.
    func page(_ orientation: PageSetup.Orientation, repeatRows: ClosedRange<Int>? = nil) -> PageSetup {
        PageSetup(orientation: orientation, repeatRows: repeatRows,
                  header: [.text(messages("template.workbook.title", ["title": scorecard.title.text(language)]))], footer: PrintedPage.footer(messages))
    }

    func headers(_ titles: [String], row: Int = 1, into sheet: inout Sheet) {
        for (i, title) in titles.enumerated() { sheet.set(row, i + 2, .text(title, style: Self.header)) }
    }

    func widths(_ widths: [Double], into sheet: inout Sheet) {
        for (i, width) in widths.enumerated() { sheet.columns[i + 2] = ColumnFormat(width: width) }
    }

    // MARK: - Cover

    func coverSheet(name: String) -> Sheet {
        var sheet = formSheet(name: name, marker: "parkscore:cover", orientation: .portrait)
        headers([messages("template.workbook.cover.item"), messages("template.workbook.cover.value"), messages("template.workbook.cover.help")],
                into: &sheet)
        widths([22, 40, 46], into: &sheet)
        let park = report?.park
        let rows: [(key: String, label: String, help: String, value: Cell)] = [
            ("park.id", messages("template.workbook.cover.park_id"), messages("template.park.id", ["example": "beijing-xinghe"]), text(park?.id)),
            ("park.name", messages("template.workbook.cover.park_name"), messages("template.park.name"), text(park?.name)),
            ("park.name_en", messages("template.workbook.cover.park_name_en"), messages("template.park.name_en"), text(park?.nameEn)),
            ("park.jurisdiction", messages("template.workbook.cover.jurisdiction"), messages("template.park.jurisdiction"), text(park?.jurisdiction)),
            ("park.operator", messages("template.workbook.cover.operator"), messages("template.park.operator"), text(park?.operatorName)),
            ("period.from", messages("template.workbook.cover.period_from"), messages("template.workbook.cover.date_help"), date(report?.period.from)),
            ("period.to", messages("template.workbook.cover.period_to"), messages("template.workbook.cover.date_help"), date(report?.period.to)),
            ("report_date", messages("template.workbook.cover.report_date"), messages("template.report_date"), date(report?.reportDate)),
            ("applies_to", messages("template.workbook.cover.applies_to"),
             messages("template.workbook.cover.applies_to_help", ["title": scorecard.title.text(language)]),
             text(report.map { messages.list($0.appliesTo) } ?? scorecard.id)),
            ("notes", messages("template.workbook.cover.notes"), messages("template.workbook.cover.notes_help"), text(nil)),
        ]
        for (i, row) in rows.enumerated() {
            let r = i + 2
            sheet.set(r, 1, .text(row.key))
            sheet.set(r, 2, .text(row.label, style: Self.coverLabel))
            sheet.set(r, 3, row.value)
            sheet.set(r, 4, .text(row.help, style: Self.help.with { $0.vertical = .center }))
            if var value = sheet[CellReference(row: r, column: 3)] {
                value.style.vertical = .center
                sheet.set(r, 3, value)
            }
        }
        return sheet
    }

    func text(_ value: String?) -> Cell {
        guard let value, !value.isEmpty else { return .blank(style: Self.input.with { $0.numberFormat = .text }) }
        return .text(value, style: Self.input.with { $0.numberFormat = .text })
    }

    func date(_ value: String?) -> Cell {
        guard let value else { return .blank(style: Self.input(.date)) }
        guard let date = CellDate(iso: value) else { return .text(value, style: Self.input) }
        return .date(date, style: Self.input(.date))
    }

    // MARK: - Facts

    /// The non-records facts: those the scorecard reads, then any others the report gives (so that nothing it holds is lost).
    public func factRows() -> [String] {
        var keys = template.factKeys()
        if let report {
            let known = Set(keys)
            keys += dictionary.keys.filter { !known.contains($0) && report.facts[$0] != nil }
        }
        return keys.filter { key in
            if case .records? = dictionary.type(of: key) { return false }
            return dictionary[key] != nil
        }
    }

    /// The records facts, one sheet each, in the same order.
    public func recordKeys() -> [String] {
        var keys = template.factKeys()
        if let report {
            let known = Set(keys)
            keys += dictionary.keys.filter { !known.contains($0) && report.facts[$0] != nil }
        }
        return keys.filter { if case .records? = dictionary.type(of: $0) { return true } else { return false } }
    }

    func factsSheet(name: String) -> Sheet {
        var sheet = formSheet(name: name, marker: "parkscore:facts")
        headers([messages("template.workbook.facts.title"), messages("template.workbook.facts.value"), messages("template.workbook.facts.unit"),
                 messages("template.workbook.facts.help"), messages("template.workbook.facts.used_by")], into: &sheet)
        widths([40, 20, 7, 46, 22], into: &sheet)
        let users = template.factUsers()
        for (i, key) in factRows().enumerated() {
            guard let definition = dictionary[key] else { continue }
            let r = i + 2
            let reference = CellReference(row: r, column: 3)
            sheet.set(r, 1, .text(key))
            sheet.set(r, 2, .text(definition.description.text(language), style: Self.body))
            sheet[reference] = cell(report?.facts[key]?.value, type: definition.type, labels: definition.valueLabels)
            sheet.set(r, 4, .text(unit(definition.type, definition.unit), style: Self.body.with { $0.horizontal = .center }))
            sheet.set(r, 5, .text(help(definition), style: Self.help))
            sheet.set(r, 6, .text(messages.list(users[key, default: []]), style: Self.body))
            if let validation = validation(definition.type, labels: definition.valueLabels, at: [CellRange(reference)]) {
                sheet.validations.append(validation)
            }
        }
        return sheet
    }

    func unit(_ type: FactType, _ unit: String?) -> String {
        if let unit { return unit }
        switch type {
        case .money: return messages("template.workbook.unit.yuan")
        case .percent: return "%"
        default: return ""
        }
    }

    /// What a cell takes, worded for a workbook: booleans and single choices from the drop-down, lists joined by 、.
    func help(_ d: FactDefinition) -> String {
        let what: String
        switch d.type {
        case .boolean: what = messages("template.workbook.type.boolean")
        case .enumeration(let values): what = messages("template.workbook.type.enumeration", ["values": messages.list(values.map { label($0, d.valueLabels) })])
        case .list(let values?): what = messages("template.workbook.type.list_of", ["values": messages.list(values.map { label($0, d.valueLabels) })])
        case .list(nil): what = messages("template.workbook.type.list")
        default: what = template.describe(d)
        }
        return what
    }

    func label(_ value: String, _ labels: [String: LocalizedText]) -> String {
        labels[value]?.text(language) ?? value
    }

    /// The drop-down list of a boolean or single-choice cell; nil for other types.
    func validation(_ type: FactType, labels: [String: LocalizedText], at ranges: [CellRange]) -> DataValidation? {
        let list: [String]
        switch type {
        case .boolean: list = [messages("template.workbook.yes"), messages("template.workbook.no")]
        case .enumeration(let values): list = values.map { label($0, labels) }
        default: return nil
        }
        // A warning, not a refusal: the reader also takes what a YAML author would write (「有」, the value's id).
        return DataValidation(ranges: ranges, list: list, promptTitle: nil, prompt: messages("template.workbook.choose"),
                              errorTitle: nil, error: messages("template.workbook.not_on_list"), strict: false)
    }

    /// A value's input cell, typed: numbers as numbers, dates as dates, booleans 是/否, choices as their labels, lists joined.
    func cell(_ value: Value?, type: FactType, labels: [String: LocalizedText]) -> Cell {
        let style = Self.input(type)
        guard let value else { return .blank(style: style) }
        switch value {
        case .number(let n):
            if let text = Self.exactDecimal(n), let cell = Cell.number(text, style: style) { return cell }
            return .text(n.description, style: style)
        case .bool(let b):
            return .text(messages(b ? "template.workbook.yes" : "template.workbook.no"), style: style)
        case .date(let d):
            return CellDate(iso: d).map { .date($0, style: style) } ?? .text(d, style: style)
        case .text(let t):
            if case .enumeration = type { return .text(label(t, labels), style: style) }
            return .text(t, style: style)
        case .list(let items):
            // An empty list is a fact given (the park has none), not a blank, which would read as missing data.
            if items.isEmpty { return .text(messages("template.workbook.none"), style: style) }
            return .text(messages.list(items.map { item in
                if case .text(let t) = item { return label(t, labels) }
                return Self.plain(item)
            }), style: style)
        case .record, .unknown, .error:
            return .blank(style: style)
        }
    }

    static func plain(_ value: Value) -> String {
        switch value {
        case .number(let n): return exactDecimal(n) ?? n.description
        case .bool(let b): return b ? "true" : "false"
        case .text(let t), .date(let t): return t
        default: return ""
        }
    }

    /// A rational's exact decimal text (`0.425`), or nil when it has none (1/3).
    public static func exactDecimal(_ n: Rational) -> String? { SheetNumber.exact(n) }

    // MARK: - Records

    /// A sheet name from a description: up to the first bracket, at most 31 characters, none that a tab refuses.
    static func shortTitle(_ description: String) -> String {
        let cut = description.prefix { $0 != "（" && $0 != "(" && $0 != "，" && $0 != "," }
        return String(cut.isEmpty ? Substring(description) : cut)
    }

    static func sheetName(_ wanted: String) -> String {
        var name = String(wanted.map { "[]:*?/\\".contains($0) ? "_" : $0 }.prefix(31))
        while name.hasPrefix("'") { name.removeFirst() }
        while name.hasSuffix("'") { name.removeLast() }
        return name.isEmpty ? "_" : name
    }

    func recordsSheet(key: String, definition: FactDefinition, schema: RecordSchema, name: String) -> Sheet {
        var sheet = formSheet(name: name, marker: "parkscore:records:" + key, headerRows: 2)
        sheet.rowFormats[1] = RowFormat(hidden: true)
        var records: [[String: Value]] = []
        if case .list(let items)? = report?.facts[key]?.value {
            records = items.compactMap { if case .record(let fields) = $0 { return fields } else { return nil } }
        }
        let rows = report == nil ? Self.blankRecordRows : max(records.count, 1)
        for (i, field) in schema.fields.enumerated() {
            let column = i + 2
            sheet.set(1, column, .text(field.name))
            var title = field.description.text(language)
            let unit = unit(field.type, field.unit)
            if !unit.isEmpty && field.type != .percent && !title.contains(unit) { title += messages("template.workbook.records.unit", ["unit": unit]) }
            sheet.set(2, column, .text(title, style: Self.header))
            let width: Double
            switch field.type {
            case .text: width = 30
            case .boolean, .integer: width = 14
            case .enumeration: width = 20
            default: width = 18
            }
            sheet.columns[column] = ColumnFormat(width: width, style: Self.input(field.type).with { $0.fill = nil; $0.border = false })
            for r in 0..<rows {
                let value = r < records.count ? records[r][field.name] : nil
                sheet.set(r + 3, column, cell(value, type: field.type, labels: field.valueLabels))
            }
            let range = CellRange(CellReference(row: 3, column: column), CellReference(row: min(max(3 + rows - 1, schema.maxRecords + 2), CellReference.maxRow), column: column))
            // The drop-down reaches as far as the table may go (max_records rows), not only the rows offered.
            if let validation = validation(field.type, labels: field.valueLabels, at: [range]) { sheet.validations.append(validation) }
        }
        return sheet
    }

    // MARK: - Self-rating and N/A

    func ratingsSheet(name: String) -> Sheet {
        var sheet = formSheet(name: name, marker: "parkscore:ratings:" + scorecard.id)
        headers([messages("template.workbook.ratings.dimension"), messages("template.workbook.ratings.criterion"),
                 messages("template.workbook.ratings.max_points"), messages("template.workbook.ratings.rubric"),
                 messages("template.workbook.ratings.level"), messages("template.workbook.ratings.note")], into: &sheet)
        widths([14, 30, 8, 60, 10, 30], into: &sheet)
        let ratings = report?.assessments[scorecard.id]?.ratings ?? [:]
        var r = 2
        for dimension in scorecard.dimensions {
            for criterion in dimension.criteria {
                guard case .judged(let rubric) = criterion.kind else { continue }
                let levels = rubric.levels.sorted { $0.level < $1.level }
                sheet.set(r, 1, .text(criterion.id))
                sheet.set(r, 2, .text(dimension.title.text(language), style: Self.body))
                sheet.set(r, 3, .text(messages("template.workbook.ratings.title", ["id": criterion.id, "title": criterion.title.text(language)]),
                                      style: Self.body))
                sheet.set(r, 4, Cell.number(Self.exactDecimal(criterion.maxPoints) ?? "0", style: Self.body.with { $0.horizontal = .center })
                    ?? .text(criterion.maxPoints.description, style: Self.body))
                let rubricText = levels.map {
                    messages("template.workbook.ratings.level_line", ["level": String($0.level), "points": $0.points.formatted(places: 2),
                                                                     "descriptor": $0.descriptor.text(language)])
                }.joined(separator: "\n")
                sheet.set(r, 5, .text(rubricText, style: Self.help))
                let rating = ratings[criterion.id]
                let levelStyle = Self.input(.integer).with { $0.horizontal = .center }
                sheet.set(r, 6, rating.map { Cell(.number(DecimalText($0.level)), style: levelStyle) } ?? .blank(style: levelStyle))
                sheet.set(r, 7, text(rating?.note))
                sheet.validations.append(DataValidation(ranges: [CellRange(CellReference(row: r, column: 6))], list: levels.map { String($0.level) },
                                                        prompt: messages("template.workbook.ratings.prompt"),
                                                        error: messages("template.workbook.not_on_list"), strict: false))
                r += 1
            }
        }
        return sheet
    }

    func notApplicableSheet(name: String) -> Sheet {
        var sheet = formSheet(name: name, marker: "parkscore:not-applicable:" + scorecard.id)
        headers([messages("template.workbook.not_applicable.criterion"), messages("template.workbook.not_applicable.claim"),
                 messages("template.workbook.not_applicable.justification")], into: &sheet)
        widths([48, 12, 56], into: &sheet)
        let claims = report?.assessments[scorecard.id]?.notApplicable ?? [:]
        var r = 2
        for criterion in scorecard.criteria where criterion.allowsNotApplicable {
            let title = criterion.title.text(language)
            sheet.set(r, 1, .text(criterion.id))
            sheet.set(r, 2, .text(criterion.guidance.map {
                messages("template.workbook.not_applicable.title_with_guidance", ["id": criterion.id, "title": title, "guidance": $0.text(language)])
            } ?? messages("template.workbook.ratings.title", ["id": criterion.id, "title": title]), style: Self.body))
            let claim = claims[criterion.id]
            let claimStyle = Self.input.with { $0.horizontal = .center }
            sheet.set(r, 3, claim == nil ? .blank(style: claimStyle) : .text(messages("template.workbook.yes"), style: claimStyle))
            sheet.set(r, 4, text(claim?.justification))
            sheet.validations.append(DataValidation(ranges: [CellRange(CellReference(row: r, column: 3))],
                                                    list: [messages("template.workbook.yes"), messages("template.workbook.no")],
                                                    prompt: messages("template.workbook.not_applicable.prompt"),
                                                    error: messages("template.workbook.not_on_list"), strict: false))
            r += 1
        }
        if r == 2 {
            sheet.set(2, 2, .text(messages("template.workbook.not_applicable.none"), style: Self.help))
        }
        return sheet
    }

    // MARK: - Evidence and instructions

    func evidenceSheet(name: String) -> Sheet {
        var sheet = formSheet(name: name, marker: "parkscore:evidence")
        headers([messages("template.workbook.evidence.id"), messages("template.workbook.evidence.title"), messages("template.workbook.evidence.file"),
                 messages("template.workbook.evidence.sha256"), messages("template.workbook.evidence.supports")], into: &sheet)
        widths([14, 32, 32, 30, 36], into: &sheet)
        let evidence = report?.evidence ?? []
        let rows = report == nil ? Self.blankEvidenceRows : max(evidence.count, 1)
        for column in 2...6 { sheet.columns[column]?.style = Self.input.with { $0.fill = nil; $0.border = false; $0.numberFormat = .text } }
        for i in 0..<rows {
            let item = i < evidence.count ? evidence[i] : nil
            let r = i + 2
            sheet.set(r, 2, text(item?.id))
            sheet.set(r, 3, text(item?.title))
            sheet.set(r, 4, text(item?.file))
            sheet.set(r, 5, text(item?.sha256))
            sheet.set(r, 6, text(item.map { messages.list($0.supports) }))
        }
        return sheet
    }

    func instructionsSheet(name: String) -> Sheet {
        var sheet = Sheet(name: name, protected: true, page: page(.portrait))
        sheet.columns[1] = ColumnFormat(width: 24)
        sheet.columns[2] = ColumnFormat(width: 84)
        var r = 1
        func line(_ a: String, _ b: String, style: CellStyle = Self.body) {
            if !a.isEmpty { sheet.set(r, 1, .text(a, style: style.with { $0.bold = true })) }
            sheet.set(r, 2, .text(b, style: style))
            r += 1
        }
        // The title in B1: A1 stays empty, since a marker there is what the reader looks for.
        sheet.set(r, 2, .text(messages("template.workbook.title", ["title": scorecard.title.text(language)]), style: Self.title))
        sheet.rowFormats[1] = RowFormat(height: 28)
        r += 1
        let plain = CellStyle(wrap: true, vertical: .top)
        line("", messages("template.source", ["file": scorecard.source.file, "title": scorecard.source.title]), style: plain)
        r += 1
        line("", messages("template.workbook.instructions.heading"), style: plain.with { $0.bold = true })
        for text in [messages("template.workbook.instructions.input"), messages("template.workbook.instructions.blank"),
                     messages("template.workbook.instructions.types"), messages("template.workbook.instructions.records"),
                     messages("template.workbook.instructions.ratings"),
                     messages("template.workbook.instructions.evidence", ["sha256sum": "sha256sum"]),
                     messages("template.workbook.instructions.check", ["validate": "parkscore validate", "score": "parkscore score"])] {
            line("", text, style: plain)
        }
        let asked = template.evidenceAsked()
        if !asked.isEmpty {
            r += 1
            line("", messages("template.evidence_asked"), style: plain.with { $0.bold = true })
            for (id, text) in asked { line(id, text) }
        }
        return sheet
    }
}
