import ParkScore
import ParkScoreIO

/// What makes a dossier a document rather than a print-out: the cover page, the numbered sections and their table of
/// contents, and (in an evaluation) the panel page the reviewers sign. Wording from the labels; values from the result.
extension DossierModel {
    /// One section of the document, in order: the key its heading and anchor use, and its title.
    struct Section {
        let key: String
        let title: String
    }

    /// The sections this dossier has, in the order the templates lay them out.
    var sections: [Section] {
        var out: [Section] = []
        func add(_ key: String, _ title: String) { out.append(Section(key: key, title: title)) }
        add("verdict", result.mode == .evaluation ? messages("labels.verdict_evaluation") : messages("labels.verdict_self"))
        if staged != nil { add("stages", messages("labels.stages")) }
        if !result.corrections.isEmpty { add("corrections", messages("labels.corrections")) }
        add("gates", messages("labels.gates"))
        add("dimensions", messages("labels.dimensions"))
        add("criteria", messages("labels.criteria"))
        add("evidence", messages("labels.evidence_index"))
        add("improvements", messages("labels.improvements"))
        if !result.support.isEmpty { add("support", messages("labels.support")) }
        add("scoring_model", messages("labels.scoring_model"))
        if result.mode == .evaluation { add("panel", messages("labels.panel_page")) }
        add("formulas", messages("labels.formulas"))
        add("audit", messages("labels.audit"))
        return out
    }

    /// The section number as a Chinese document writes it (一、二、…十一、) or as an English one does (1. 2. …): the
    /// numeral is a number's formatting, the mark after it wording.
    func sectionNumber(_ n: Int) -> String {
        let numeral: String
        switch language {
        case .zh: numeral = Self.chineseNumeral(n)
        case .en: numeral = String(n)
        }
        return messages("dossier.section_number", ["n": numeral])
    }

    /// 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 35 → 三十五 (1 to 99; the number itself beyond).
    static func chineseNumeral(_ n: Int) -> String {
        let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        guard (1...99).contains(n) else { return String(n) }
        if n < 10 { return digits[n] }
        let tens = n / 10, ones = n % 10
        return (tens == 1 ? "" : digits[tens]) + "十" + (ones == 0 ? "" : digits[ones])
    }

    /// `heading.<key>`: each section's numbered title; `contents`: the table of contents, linked to the sections.
    var headingsAndContents: (headings: TemplateValue, contents: TemplateValue) {
        var headings = TemplateObject()
        var contents: [TemplateValue] = []
        for (i, section) in sections.enumerated() {
            let number = sectionNumber(i + 1)
            let text = messages("dossier.section_heading", ["number": number, "title": section.title])
            headings.append(section.key, .string(text))
            contents.append(["anchor": .string(section.key), "number": .string(number), "title": .string(section.title), "text": .string(text)])
        }
        return (.object(headings), .list(contents))
    }

    /// The document's date as a cover writes it: 2026年3月10日, or 10 March 2026.
    var coverDate: String {
        let parts = assessment.date.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]) else { return assessment.date }
        let month: String
        switch parts[1] {
        case 1: month = messages("dossier.month.1")
        case 2: month = messages("dossier.month.2")
        case 3: month = messages("dossier.month.3")
        case 4: month = messages("dossier.month.4")
        case 5: month = messages("dossier.month.5")
        case 6: month = messages("dossier.month.6")
        case 7: month = messages("dossier.month.7")
        case 8: month = messages("dossier.month.8")
        case 9: month = messages("dossier.month.9")
        case 10: month = messages("dossier.month.10")
        case 11: month = messages("dossier.month.11")
        default: month = messages("dossier.month.12")
        }
        return messages("dossier.cover_date", ["year": String(parts[0]), "month": month, "day": String(parts[2])])
    }

    /// The cover page: the document's title by mode, the park, the scorecard, the text it rests on by title and issuer,
    /// the reporting period, who issues the document and when. The file number (文号) is left for the office to fill in.
    var cover: TemplateValue {
        let source = scorecard.source
        let quoted = source.title.hasPrefix("《") ? source.title : messages("dossier.source_title", ["title": source.title])
        let issuer = source.issuer.map { ($0.text(language), messages("labels.issuer")) }
            ?? (source.jurisdiction.text(language), messages("labels.issuing_jurisdiction"))
        let issuedBy: String
        if result.mode == .evaluation {
            issuedBy = messages("labels.issued_by_panel")
        } else {
            issuedBy = messages("labels.applicant") + messages("punct.colon") + (report.park.operatorName ?? report.park.name)
        }
        return [
            "scorecard": .string(messages("dossier.cover_scorecard", ["title": scorecard.title.text(language), "id": scorecard.id,
                                                                     "version": scorecard.version])),
            "sourceTitle": .string(quoted),
            "issuer": .string(issuer.0),
            "issuerLabel": .string(issuer.1),
            "issuedBy": .string(issuedBy),
            "date": .string(coverDate),
        ]
    }

    /// The panel page of an evaluation: every reviewer by name and role with a line to sign, the chair's signature, the
    /// date and the seal, under the verdict they sign for. Without reviews, blank rows to fill in by hand.
    var panel: TemplateValue? {
        guard result.mode == .evaluation else { return nil }
        let rank: [Review.Role: Int] = [.preliminary: 0, .panel: 1, .chair: 2]
        var seen = Set<String>()
        let reviews = (staged?.reviews ?? []).enumerated()
            .sorted { (rank[$0.element.reviewer.role] ?? 3, $0.offset) < (rank[$1.element.reviewer.role] ?? 3, $1.offset) }
            .map(\.element)
            .filter { seen.insert($0.reviewer.id).inserted }
        var rows: [TemplateValue] = reviews.enumerated().map { i, review in
            [
                "index": .string(String(i + 1)), "name": .string(review.reviewer.name),
                "role": .string(role(review.reviewer.role)),
                "date": .string(review.date),
            ]
        }
        if rows.isEmpty {
            rows = (1...5).map { i in ["index": .string(String(i)), "name": "", "role": "", "date": ""] }
        }
        let chair = reviews.first { $0.reviewer.role == .chair }?.reviewer.name
        var summary = words.verdict(result) + messages("punct.semicolon") + messages("labels.total") + " " + result.total.fixed(places: 2)
        if let grade = result.grade { summary += messages("punct.semicolon") + messages("labels.grade") + " " + grade.id + " " + grade.title.text(language) }
        return present([
            "summary": .string(summary),
            "reviewers": .list(rows),
            "chair": chair.map(TemplateValue.string),
        ])
    }

    /// A reviewer's role on the panel page: 初审人员, 评审专家, 评审组组长.
    func role(_ role: Review.Role) -> String {
        switch role {
        case .preliminary: return messages("labels.role_preliminary")
        case .panel: return messages("labels.role_panel")
        case .chair: return messages("labels.role_chair")
        }
    }

    /// A gate or criterion id for HTML, escaped, with a break opportunity (`<wbr>`) after each `.` and `_` so that a
    /// long id wraps between its words and never inside one.
    static func breakableID(_ id: String) -> String {
        var out = ""
        for character in HTMLEscaping.escaped(id) {
            out.append(character)
            if character == "." || character == "_" { out += "<wbr>" }
        }
        return out
    }
}
