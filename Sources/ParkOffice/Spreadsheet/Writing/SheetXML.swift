/// One worksheet part (`xl/worksheets/sheetN.xml`), its elements in the order the schema requires.
struct SheetXML {
    let sheet: Sheet
    /// Per validation, the reference to its list in the hidden list sheet, or nil when written inline.
    let listFormulas: [String?]
    let selected: Bool
    let shared: Bool

    func xml(strings: inout SharedStrings, styles: inout StyleSheet) -> String {
        var b = XMLBuilder()
        b.open("worksheet", [("xmlns", SpreadsheetNamespace.main), ("xmlns:r", SpreadsheetNamespace.relationships)])
        if sheet.page.fitToWidth {
            b.element("sheetPr") { $0.empty("pageSetUpPr", [("fitToPage", "1")]) }
        }
        b.empty("dimension", [("ref", sheet.usedRange?.description ?? "A1")])
        b.element("sheetViews") { b in
            var view = [("workbookViewId", "0")]
            if selected { view.insert(("tabSelected", "1"), at: 0) }
            if let freeze = sheet.freeze, freeze.row > 1 || freeze.column > 1 {
                b.element("sheetView", view) { b in
                    let x = freeze.column - 1, y = freeze.row - 1
                    let pane = x > 0 && y > 0 ? "bottomRight" : (y > 0 ? "bottomLeft" : "topRight")
                    var attributes: [(String, String)] = []
                    if x > 0 { attributes.append(("xSplit", String(x))) }
                    if y > 0 { attributes.append(("ySplit", String(y))) }
                    attributes += [("topLeftCell", freeze.description), ("activePane", pane), ("state", "frozen")]
                    b.empty("pane", attributes)
                    b.empty("selection", [("pane", pane), ("activeCell", freeze.description), ("sqref", freeze.description)])
                }
            } else {
                b.empty("sheetView", view)
            }
        }
        b.empty("sheetFormatPr", [("defaultRowHeight", "15")])
        if !sheet.columns.isEmpty {
            b.element("cols") { b in
                for column in sheet.columns.keys.sorted() {
                    guard let format = sheet.columns[column] else { continue }
                    var attributes = [("min", String(column)), ("max", String(column))]
                    attributes.append(("width", Self.number(format.width ?? 9.140625)))
                    if let style = format.style { attributes.append(("style", String(styles.index(of: style)))) }
                    if format.hidden { attributes.append(("hidden", "1")) }
                    if format.width != nil { attributes.append(("customWidth", "1")) }
                    b.empty("col", attributes)
                }
            }
        }
        b.element("sheetData") { b in
            let rowNumbers = Set(sheet.rows.keys).union(sheet.rowFormats.keys).sorted()
            for row in rowNumbers {
                var attributes = [("r", String(row))]
                if let format = sheet.rowFormats[row] {
                    if let height = format.height { attributes += [("ht", Self.number(height)), ("customHeight", "1")] }
                    if format.hidden { attributes.append(("hidden", "1")) }
                }
                let cells = sheet.rows[row] ?? [:]
                if cells.isEmpty {
                    b.empty("row", attributes)
                    continue
                }
                b.element("row", attributes) { b in
                    for column in cells.keys.sorted() {
                        guard let cell = cells[column] else { continue }
                        write(cell, at: CellReference(row: row, column: column), into: &b, strings: &strings, styles: &styles)
                    }
                }
            }
        }
        if sheet.protected {
            b.empty("sheetProtection", [("sheet", "1"), ("objects", "1"), ("scenarios", "1"), ("formatColumns", "0"), ("formatRows", "0")])
        }
        if !sheet.merges.isEmpty {
            b.element("mergeCells", [("count", String(sheet.merges.count))]) { b in
                for range in sheet.merges { b.empty("mergeCell", [("ref", range.description)]) }
            }
        }
        if !sheet.validations.isEmpty {
            b.element("dataValidations", [("count", String(sheet.validations.count))]) { b in
                for (i, validation) in sheet.validations.enumerated() {
                    guard let formula = validation.inlineFormula ?? (i < listFormulas.count ? listFormulas[i] : nil) else { continue }
                    var attributes = [("type", "list")]
                    if !validation.strict { attributes.append(("errorStyle", "warning")) }
                    if validation.allowBlank { attributes.append(("allowBlank", "1")) }
                    attributes += [("showInputMessage", "1"), ("showErrorMessage", "1")]
                    if let title = validation.errorTitle { attributes.append(("errorTitle", title)) }
                    if let error = validation.error { attributes.append(("error", error)) }
                    if let title = validation.promptTitle { attributes.append(("promptTitle", title)) }
                    if let prompt = validation.prompt { attributes.append(("prompt", prompt)) }
                    attributes.append(("sqref", validation.ranges.map(\.description).joined(separator: " ")))
                    b.element("dataValidation", attributes) { $0.element("formula1", text: formula) }
                }
            }
        }
        b.empty("pageMargins", [("left", "0.5"), ("right", "0.5"), ("top", "0.75"), ("bottom", "0.75"), ("header", "0.3"), ("footer", "0.3")])
        var page = [("paperSize", "9"), ("orientation", sheet.page.orientation.rawValue)]
        if sheet.page.fitToWidth { page += [("fitToWidth", "1"), ("fitToHeight", "0")] }
        b.empty("pageSetup", page)
        if !sheet.page.header.isEmpty || !sheet.page.footer.isEmpty {
            b.element("headerFooter") { b in
                if !sheet.page.header.isEmpty { b.element("oddHeader", text: HeaderFooterPart.coded(sheet.page.header)) }
                if !sheet.page.footer.isEmpty { b.element("oddFooter", text: HeaderFooterPart.coded(sheet.page.footer)) }
            }
        }
        b.close("worksheet")
        return b.text
    }

    func write(_ cell: Cell, at reference: CellReference, into b: inout XMLBuilder, strings: inout SharedStrings, styles: inout StyleSheet) {
        var attributes = [("r", reference.description)]
        let style = styles.index(of: cell.style)
        if style != 0 { attributes.append(("s", String(style))) }
        switch cell.value {
        case .blank:
            b.empty("c", attributes)
        case .number(let decimal):
            b.element("c", attributes) { $0.element("v", text: decimal.text) }
        case .date(let date):
            b.element("c", attributes) { $0.element("v", text: String(date.serial)) }
        case .bool(let value):
            b.element("c", attributes + [("t", "b")]) { $0.element("v", text: value ? "1" : "0") }
        case .text(let text):
            if shared {
                let index = strings.index(of: text)
                b.element("c", attributes + [("t", "s")]) { $0.element("v", text: String(index)) }
            } else {
                b.element("c", attributes + [("t", "inlineStr")]) { b in
                    b.element("is") { $0.element("t", [("xml:space", "preserve")], text: text) }
                }
            }
        }
    }

    /// A width or height as a spreadsheet writes it: up to six decimals, no trailing zeros.
    static func number(_ value: Double) -> String {
        let scaled = (value * 1_000_000).rounded()
        let whole = Int(scaled) / 1_000_000
        var fraction = String(Int(scaled) % 1_000_000)
        while fraction.count < 6 { fraction = "0" + fraction }
        while fraction.last == "0" { fraction.removeLast() }
        return fraction.isEmpty ? String(whole) : "\(whole).\(fraction)"
    }
}
