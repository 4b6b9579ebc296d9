import ParkOffice
import ParkScore
import ParkScoreIO

/// The dossier as a Word document (.docx): the same view model and wording as the HTML dossier (`DossierModel.context`,
/// the catalogue's labels), laid out as Word documents are — a cover page, a table of contents Word and LibreOffice
/// update, numbered sections in the built-in heading styles, tables whose header rows repeat on each page, the panel's
/// signature page in an evaluation, and 「第 X 页 共 Y 页」 in the footer.
struct DossierWordDocument {
    let model: DossierModel
    let context: TemplateValue
    var messages: Messages { model.messages }

    init(model: DossierModel) {
        self.model = model
        context = model.context
    }

    /// A4 with 2.54 cm above and below and 2.2 cm at the sides: the text is 9412 twips wide.
    static let section = WordSection()
    var width: Int { Self.section.textWidth }
    static let muted = "555555"

    /// Column widths from percentages of the text width (the HTML's colgroups); the last takes what rounding leaves.
    func columns(_ percents: [Int]) -> [Int] {
        var widths = percents.map { width * $0 / 100 }
        widths[widths.count - 1] += width - widths.reduce(0, +)
        return widths
    }

    func label(_ key: String) -> String { context["label"][key].text }

    /// A gate or criterion id in a narrow column: a zero-width space after each `.` and `_` lets it wrap between its
    /// words (as the HTML's `<wbr>` does), never inside one.
    static func breakable(_ id: String) -> String {
        var out = ""
        for character in id {
            out.append(character)
            if character == "." || character == "_" { out += "\u{200B}" }
        }
        return out
    }

    /// A line to write on: spaces underlined (non-breaking, so that no program drops them at the end of a line).
    static func blank(_ width: Int) -> WordRun {
        WordRun(String(repeating: "\u{00A0}", count: width * 2), underline: true, size: 24)
    }

    // MARK: Building the body

    var blocks: [WordBlock] = []
    var headings: [WordTableOfContents.Entry] = []
    var tocIndex = 0

    mutating func paragraph(_ p: WordParagraph) { blocks.append(.paragraph(p)) }

    mutating func paragraph(_ text: String, style: String? = nil, bold: Bool = false, color: String? = nil, size: Int? = nil,
                            alignment: WordParagraph.Alignment? = nil) {
        paragraph(WordParagraph(style: style, text: text, bold: bold, size: size, color: color, alignment: alignment))
    }

    mutating func table(_ table: WordTable) { blocks.append(.table(table)) }

    /// A heading in Heading1 (a section, starting a page when asked) or Heading2, with the bookmark the contents' page
    /// reference points at.
    mutating func heading(_ text: String, level: Int = 1, newPage: Bool = false) {
        let name = "_Toc\(String(headings.count + 1).leftPadded(to: 4))"
        var p = WordParagraph(style: level == 1 ? WordStyles.heading1 : WordStyles.heading2, text: text)
        p.pageBreakBefore = newPage
        p.bookmark = (headings.count + 1, name)
        headings.append(WordTableOfContents.Entry(level: level, text: text, bookmark: name))
        paragraph(p)
    }

    /// A cell of texts, one paragraph each; the first bold when asked, muted lines grey.
    func cell(_ lines: [(text: String, bold: Bool, muted: Bool)], alignment: WordParagraph.Alignment? = nil) -> WordTableCell {
        WordTableCell(lines.filter { !$0.text.isEmpty }.map { line in
            WordParagraph(style: WordStyles.tableText, text: line.text, bold: line.bold, color: line.muted ? Self.muted : nil,
                          alignment: alignment)
        })
    }

    func cell(_ text: String, bold: Bool = false, alignment: WordParagraph.Alignment? = nil) -> WordTableCell {
        WordTableCell(text: text, bold: bold, alignment: alignment)
    }

    func texts(_ value: TemplateValue) -> [String] { value.items.map(\.text) }

    /// A table with a header row of `headers`.
    func table(_ percents: [Int], headers: [String], rows: [WordTableRow], numeric: Set<Int> = []) -> WordTable {
        let header = WordTableRow(headers.enumerated().map { i, text in cell(text, alignment: numeric.contains(i) ? .right : nil) })
        return WordTable(columnWidths: columns(percents), rows: [header] + rows)
    }

    // MARK: The document

    func document() -> WordDocument {
        var builder = self
        builder.cover()
        builder.tocIndex = builder.blocks.count
        builder.body()
        var blocks = builder.blocks
        var contents = WordParagraph(style: WordStyles.tocHeading, text: label("contents"))
        contents.pageBreakBefore = true
        blocks.insert(contentsOf: [.paragraph(contents), .tableOfContents(WordTableOfContents(levels: 1...2, entries: builder.headings))],
                      at: builder.tocIndex)
        var section = Self.section
        section.footerParagraphs = [footer]
        section.plainFirstPage = true
        let language = model.language == .zh ? "zh-CN" : "en-US"
        let properties = WordProperties(title: "\(context["documentTitle"].text) · \(context["park"]["name"].text)",
                                        subject: context["scorecard"]["title"].text, language: language, date: model.assessment.date)
        return WordDocument(blocks: blocks, section: section, styles: WordStyles(textWidth: section.textWidth),
                            properties: properties)
    }

    /// 「第 X 页 共 Y 页」: the catalogue's wording with PAGE and NUMPAGES fields where its placeholders are.
    var footer: WordParagraph {
        let page = "\u{E000}", pages = "\u{E001}"
        let text = messages("docx.footer.page", ["page": page, "pages": pages])
        var runs: [WordRun] = []
        var current = ""
        for character in text {
            switch String(character) {
            case page, pages:
                if !current.isEmpty { runs.append(WordRun(current)) }
                current = ""
                runs.append(WordRun(.field(instruction: String(character) == page ? "PAGE" : "NUMPAGES", result: "1")))
            default: current.append(character)
            }
        }
        if !current.isEmpty { runs.append(WordRun(current)) }
        return WordParagraph(style: WordStyles.footer, runs)
    }

    mutating func cover() {
        let cover = context["cover"], park = context["park"]
        paragraph(WordParagraph(style: nil, [WordRun(label("file_number") + label("colon")), Self.blank(8)], alignment: .right))
        paragraph(WordParagraph(spacingBefore: 1400))
        paragraph(context["scorecard"]["title"].text, style: WordStyles.subtitle)
        paragraph(context["documentTitle"].text, style: WordStyles.title)
        paragraph(park["name"].text, bold: true, size: 34, alignment: .center)
        if park["altName"].exists { paragraph(park["altName"].text, color: Self.muted, alignment: .center) }
        paragraph(WordParagraph(spacingBefore: 400))
        var facts: [(String, String)] = []
        if park["operator"].exists { facts.append((label("operator"), park["operator"].text)) }
        if park["jurisdiction"].exists { facts.append((label("jurisdiction"), park["jurisdiction"].text)) }
        facts += [(label("scorecard"), cover["scorecard"].text), (label("source"), cover["sourceTitle"].text),
                  (cover["issuerLabel"].text, cover["issuer"].text), (label("period"), context["period"].text),
                  (label("mode"), context["mode"].text), (context["verdictHeading"].text, context["verdict"]["text"].text),
                  (label("grade"), gradeText), (label("total"), context["total"].text + " / 100")]
        let rows = facts.map { name, value in
            WordTableRow([WordTableCell([WordParagraph(text: name, color: Self.muted)]), WordTableCell([WordParagraph(text: value)])])
        }
        let widths = [width * 22 / 100, width * 66 / 100]
        self.table(WordTable(columnWidths: widths, rows: rows, headerRows: 0, borderless: true, centered: true))
        paragraph(WordParagraph(spacingBefore: 600))
        paragraph(cover["issuedBy"].text, size: 26, alignment: .center)
        paragraph(cover["date"].text, size: 26, alignment: .center)
    }

    /// The grade as the verdict shows it: `A 优秀`, or 不予评级 with the grade the points alone would give.
    var gradeText: String {
        if context["grade"].exists { return context["grade"]["id"].text + " " + context["grade"]["title"].text }
        var text = label("no_grade")
        if context["gradeByPoints"].exists {
            text += label("open_paren") + label("grade_by_points") + label("colon") + context["gradeByPoints"]["id"].text + " "
                + context["gradeByPoints"]["title"].text + label("close_paren")
        }
        return text
    }

    mutating func body() {
        let heading = context["heading"]
        // Verdict.
        self.heading(heading["verdict"].text, newPage: true)
        paragraph(WordParagraph([WordRun(label("grade") + label("colon")), WordRun(gradeText, bold: true, size: 32)]))
        paragraph(context["verdict"]["text"].text, bold: true)
        paragraph(WordParagraph([WordRun(label("total") + " "), WordRun(context["total"].text, bold: true, size: 32), WordRun(" / 100")]))
        if context["cappedBy"].exists { paragraph(label("capped_by") + label("colon") + context["cappedBy"].text) }
        let provisional = context["provisional"].isTrue
        paragraph(provisional ? label("provisional") : label("final"), bold: true)
        if provisional {
            paragraph(label("provisional_because") + label("colon") + texts(context["provisionalReasons"]).map { $0 + label("semicolon") }.joined(),
                      color: Self.muted)
        }
        if context["stages"].exists { stages(heading["stages"].text) }
        if context["hasCorrections"].isTrue {
            self.heading(heading["corrections"].text)
            paragraph(context["correctionsNote"].text, color: Self.muted)
            for item in context["corrections"].items { paragraph(item["rank"].text + ". " + item["text"].text) }
        }
        gates(heading["gates"].text)
        dimensions(heading["dimensions"].text)
        criteria(heading["criteria"].text)
        evidence(heading["evidence"].text)
        improvements(heading["improvements"].text)
        if context["hasSupport"].isTrue { support(heading["support"].text) }
        self.heading(heading["scoring_model"].text)
        for line in texts(context["scoringModel"]) { paragraph(line) }
        if context["panel"].exists { panel(heading["panel"].text) }
        formulas(heading["formulas"].text)
        audit(heading["audit"].text)
    }

    mutating func stages(_ title: String) {
        let stages = context["stages"]
        heading(title)
        let columns = stages["columns"].items
        table(table(Array(repeating: 100 / max(columns.count, 1), count: columns.count), headers: columns.map { $0["name"].text },
                    rows: [WordTableRow(columns.map { c in
                        WordTableCell([WordParagraph(style: WordStyles.tableText, [WordRun(c["total"].text, bold: true), WordRun(" " + c["grade"].text)],
                                                     alignment: .right),
                                       WordParagraph(style: WordStyles.tableText, text: c["note"].text, color: Self.muted, alignment: .right)])
                    })], numeric: Set(columns.indices)))
        if stages["hasRatings"].isTrue {
            paragraph(WordParagraph(spacingAfter: 0))
            table(table([22, 24, 18, 36], headers: [label("criterion"), label("reviewers"), label("aggregate"), label("resolution")],
                        rows: stages["ratings"].items.map { r in
                            WordTableRow([cell(Self.breakable(r["criterion"].text), bold: true), cell(r["levels"].text), cell(r["aggregate"].text), cell(r["flag"].text)])
                        }))
        }
        if stages["hasOverrides"].isTrue {
            heading(label("overrides"), level: 2)
            for o in stages["overrides"].items {
                paragraph(WordParagraph([WordRun(o["criterion"].text, bold: true),
                                         WordRun(" \(o["change"].text) — \(o["stage"].text) · \(o["who"].text) — \(o["reason"].text)")]))
            }
        }
        for f in stages["findings"].items {
            heading(label("findings") + " · " + f["stage"].text, level: 2)
            table(table([31, 47, 22], headers: [label("reviewer"), label("finding"), label("standing")],
                        rows: f["items"].items.map { item in
                            WordTableRow([cell(item["who"].text), cell(item["what"].text),
                                          cell([(item["standing"].text, false, !item["inForce"].isTrue)])])
                        }))
        }
    }

    mutating func gates(_ title: String) {
        heading(title)
        guard context["hasGates"].isTrue else { return paragraph(label("no_gates"), color: Self.muted) }
        table(table([20, 27, 38, 15], headers: [label("gate"), label("clause"), label("explanation"), label("status")],
                    rows: context["gates"].items.map { g in
                        var status: [(String, Bool, Bool)] = [(g["statusText"].text, true, false)]
                        if g["showEffect"].isTrue { status.append((label("effect_if_failed") + label("colon") + g["effect"].text, false, true)) }
                        return WordTableRow([
                            cell([(Self.breakable(g["id"].text), true, false), (g["title"].text, false, false), (g["basisText"].text, false, true)]),
                            cell([(g["clauseRef"].text, false, false), ("“" + g["clauseQuote"].text + "”", false, true)]),
                            cell(texts(g["explanation"]).map { ($0, false, false) }),
                            cell(status),
                        ])
                    }))
    }

    mutating func dimensions(_ title: String) {
        heading(title)
        var rows = context["dimensions"].items.map { d in
            WordTableRow([cell(d["title"].text), cell(d["weight"].text, alignment: .right), cell(d["score"].text, alignment: .right),
                          cell(d["max"].text, alignment: .right)])
        }
        rows.append(WordTableRow([cell(label("total"), bold: true), cell(""), cell(context["total"].text, bold: true, alignment: .right),
                                  cell("100", bold: true, alignment: .right)]))
        table(table([52, 16, 16, 16], headers: [label("dimension"), label("weight"), label("score"), label("of")], rows: rows,
                    numeric: [1, 2, 3]))
    }

    mutating func criteria(_ title: String) {
        heading(title, newPage: true)
        for d in context["dimensions"].items {
            heading(d["title"].text + label("open_paren") + label("weight") + " " + d["weight"].text + label("comma") + label("score") + " "
                    + d["score"].text + " / " + d["max"].text + label("close_paren"), level: 2)
            table(table([20, 20, 32, 8, 8, 12],
                        headers: [label("criterion"), label("clause"), label("values") + " · " + label("explanation"), label("of"), label("points"),
                                  label("status")],
                        rows: d["criteria"].items.map { c in
                            var detail = texts(c["values"]).map { ($0, false, false) } + texts(c["explanation"]).map { ($0, false, false) }
                            if c["notApplicable"].exists { detail.append((label("not_applicable") + label("colon") + c["notApplicable"].text, false, false)) }
                            if c["evidenceNote"].exists { detail.append((label("evidence") + label("colon") + c["evidenceNote"].text, false, true)) }
                            return WordTableRow([
                                cell([(Self.breakable(c["id"].text), true, false), (c["title"].text, false, false), (c["kind"].text, false, true)]),
                                cell([(c["clauseRef"].text, false, false), ("“" + c["clauseQuote"].text + "”", false, true)]),
                                cell(detail),
                                cell(c["max"].text, alignment: .right),
                                cell(c["points"].text, bold: true, alignment: .right),
                                cell(c["statusText"].text),
                            ])
                        }, numeric: [3, 4]))
        }
    }

    mutating func evidence(_ title: String) {
        heading(title, newPage: true)
        table(table([12, 30, 25, 15, 18], headers: ["ID", label("evidence"), label("file"), label("status"), label("supports")],
                    rows: context["evidenceIndex"].items.map { e in
                        WordTableRow([cell(e["id"].text), cell(e["title"].text), cell(e["file"].text), cell(e["stateText"].text), cell(e["supports"].text)])
                    }))
        if context["hasMissing"].isTrue {
            heading(label("missing_data"), level: 2)
            table(table([50, 50], headers: [label("values"), label("used_by")],
                        rows: context["missing"].items.map { m in
                            WordTableRow([cell([(m["fact"].text, false, false), (m["key"].text, false, true)]), cell(m["usedBy"].text)])
                        }))
        }
    }

    mutating func improvements(_ title: String) {
        heading(title)
        table(table([6, 14, 35, 45], headers: ["#", label("gain"), label("criterion"), label("action")],
                    rows: context["improvements"].items.map { i in
                        WordTableRow([cell(i["rank"].text), cell(i["gain"].text, alignment: .right),
                                      cell([(Self.breakable(i["id"].text), true, false), (i["title"].text, false, false)]), cell(i["action"].text)])
                    }, numeric: [1]))
        let next = context["nextGrade"]
        guard next.exists else { return }
        heading(label("next_grade") + label("colon") + next["target"].text, level: 2)
        var text = label("points_needed") + label("colon") + next["needed"].text
        if next["blocking"].exists { text += label("semicolon") + label("blocking_gates") + label("colon") + next["blocking"].text }
        if next["path"].exists { text += label("semicolon") + label("shortest_way") + label("colon") + next["path"].text }
        if next["notReachable"].isTrue { text += label("open_paren") + label("not_reachable") + label("close_paren") }
        paragraph(text)
    }

    mutating func support(_ title: String) {
        heading(title)
        let items = context["support"].items
        table(table([26, 28, 10, 36], headers: [label("support"), label("clause"), label("beneficiary"), label("amount") + " · " + label("explanation")],
                    rows: items.map { s in
                        WordTableRow([cell([(Self.breakable(s["id"].text), true, false), (s["title"].text, false, false)]),
                                      cell([(s["clauseRef"].text, false, false), ("“" + s["clauseQuote"].text + "”", false, true)]),
                                      cell(s["beneficiary"].text),
                                      cell([(s["amount"].text, true, false)] + texts(s["explanation"]).map { ($0, false, false) })])
                    }))
        for s in items where s["hasFirms"].isTrue {
            paragraph(WordParagraph(style: nil, [WordRun(s["id"].text + " " + label("per_firm"), bold: true)], keepNext: true, spacingBefore: 200))
            table(table([6, 30, 20, 44], headers: ["#", label("firm"), label("amount"), label("explanation")],
                        rows: s["firms"].items.map { f in
                            WordTableRow([cell(f["index"].text), cell(f["name"].text), cell(f["amount"].text, bold: true),
                                          cell(texts(f["explanation"]).map { ($0, false, false) })])
                        }))
        }
    }

    /// The panel's page: who signs, for which verdict, with a line for each signature, the chair's, the date and the seal.
    mutating func panel(_ title: String) {
        let panel = context["panel"]
        heading(title, newPage: true)
        paragraph(label("panel_intro"))
        paragraph(WordParagraph([WordRun(label("verdict_evaluation") + label("colon"), bold: true), WordRun(panel["summary"].text)]))
        heading(label("panel_members"), level: 2)
        let header = WordTableRow(["#", label("member_name"), label("member_role"), label("review_date"), label("signature")].map { cell($0) })
        let rows = panel["reviewers"].items.map { r in
            WordTableRow([cell(r["index"].text), cell(r["name"].text), cell(r["role"].text), cell(r["date"].text), cell("")], minHeight: 680)
        }
        table(WordTable(columnWidths: columns([8, 22, 22, 18, 30]), rows: [header] + rows))
        paragraph(WordParagraph(spacingBefore: 480))
        let blank = Self.blank(12)
        if panel["chair"].exists { paragraph(label("role_chair") + label("colon") + panel["chair"].text, size: 24) }
        for line in [[WordRun(label("chair_signature") + label("colon"), size: 24), blank],
                     [WordRun(label("sign_date") + label("colon") + label("date_blank"), size: 24)],
                     [WordRun(label("seal"), size: 24)]] {
            paragraph(WordParagraph(line, keepNext: true, spacingBefore: 360))
        }
        paragraph(WordParagraph([WordRun(label("open_paren") + label("seal_mark") + label("close_paren"), color: Self.muted)],
                                alignment: .right, spacingBefore: 480))
    }

    mutating func formulas(_ title: String) {
        heading(title, newPage: true)
        table(table([30, 70], headers: [label("formula_item"), label("formula")],
                    rows: context["formulas"].items.map { f in
                        WordTableRow([cell([(Self.breakable(f["id"].text), true, false), (f["title"].text, false, false)]), cell(texts(f["lines"]).map { ($0, false, false) })])
                    }))
    }

    mutating func audit(_ title: String) {
        heading(title, newPage: true)
        let audit = context["audit"]
        let rows = [(label("tool"), audit["tool"].text), (label("scorecard"), audit["scorecard"].text),
                    (label("scorecard") + " " + label("sha256"), audit["scorecardSHA256"].text)].map { name, value in
            WordTableRow([WordTableCell(text: name, bold: true, shading: WordStyles.headerFill), cell(value)])
        }
        table(WordTable(columnWidths: columns([35, 65]), rows: rows, headerRows: 0))
        heading(label("inputs"), level: 2)
        table(table([35, 65], headers: [label("file"), label("sha256")],
                    rows: audit["files"].items.map { WordTableRow([cell($0["name"].text), cell($0["sha256"].text)]) }))
    }
}

extension DossierRenderer {
    /// The dossier as a Word document's bytes (.docx), from the same model as the HTML.
    public func renderDocx(_ assessment: ScorecardAssessment, language: LocalizedText.Language) throws -> [UInt8] {
        try wordDocument(assessment, language: language).bytes()
    }

    /// The dossier as a Word document, before it is packaged.
    public func wordDocument(_ assessment: ScorecardAssessment, language: LocalizedText.Language) -> WordDocument {
        DossierWordDocument(model: model(assessment, language: language)).document()
    }
}

/// Reading the view model's values where the templates would.
extension TemplateValue {
    subscript(_ name: String) -> TemplateValue { child(name) ?? .null }

    /// The text of a string; nothing for anything else.
    var text: String {
        if case .string(let text) = self { return text }
        return ""
    }

    /// The items of a list; none for anything else.
    var items: [TemplateValue] {
        switch self {
        case .list(let items): return items
        case .rows(let rows): return rows.all
        default: return []
        }
    }

    /// There and not empty (a section would show it).
    var exists: Bool {
        switch self {
        case .null: return false
        case .string(let text): return !text.isEmpty
        case .bool(let flag): return flag
        case .list(let items): return !items.isEmpty
        case .rows(let rows): return rows.count > 0
        case .object: return true
        }
    }

    var isTrue: Bool { exists }
}

extension String {
    func leftPadded(to count: Int) -> String { String(repeating: "0", count: max(0, count - self.count)) + self }
}
