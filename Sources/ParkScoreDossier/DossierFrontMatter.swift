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
        func add(_ key: String, _ title: String?) { out.append(Section(key: key, title: title ?? key)) }
        add("verdict", result.mode == .evaluation ? labels["verdict_evaluation"] : labels["verdict_self"])
        if staged != nil { add("stages", labels["stages"]) }
        if !result.corrections.isEmpty { add("corrections", labels["corrections"]) }
        add("gates", labels["gates"])
        add("dimensions", labels["dimensions"])
        add("criteria", labels["criteria"])
        add("evidence", labels["evidence_index"])
        add("improvements", labels["improvements"])
        if !result.support.isEmpty { add("support", labels["support"]) }
        add("scoring_model", labels["scoring_model"])
        if result.mode == .evaluation { add("panel", labels["panel_page"]) }
        add("formulas", labels["formulas"])
        add("audit", labels["audit"])
        return out
    }

    /// The section number as a Chinese document writes it (一、二、…十一、) or as an English one does (1. 2. …).
    func sectionNumber(_ n: Int) -> String {
        language == .zh ? Self.chineseNumeral(n) + "、" : "\(n)."
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
            let text = language == .zh ? number + section.title : number + " " + section.title
            headings.append(section.key, .string(text))
            contents.append(["anchor": .string(section.key), "number": .string(number), "title": .string(section.title), "text": .string(text)])
        }
        return (.object(headings), .list(contents))
    }

    /// The document's date as a cover writes it: 2026年3月10日, or 10 March 2026.
    var coverDate: String {
        let parts = assessment.date.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]) else { return assessment.date }
        if language == .zh { return "\(parts[0])年\(parts[1])月\(parts[2])日" }
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                      "November", "December"]
        return "\(parts[2]) \(months[parts[1] - 1]) \(parts[0])"
    }

    /// The cover page: the document's title by mode, the park, the scorecard, the text it rests on by title and issuer,
    /// the reporting period, who issues the document and when. The file number (文号) is left for the office to fill in.
    var cover: TemplateValue {
        let source = scorecard.source
        let quoted = source.title.hasPrefix("《") || language == .en ? source.title : "《\(source.title)》"
        let issuer = source.issuer.map { ($0.text(language), labels["issuer"] ?? "") }
            ?? (source.jurisdiction.text(language), labels["issuing_jurisdiction"] ?? "")
        let issuedBy: String
        if result.mode == .evaluation {
            issuedBy = labels["issued_by_panel"] ?? ""
        } else {
            issuedBy = (labels["applicant"] ?? "") + (language == .zh ? "：" : ": ") + (report.park.operatorName ?? report.park.name)
        }
        let version = (labels["version"] ?? "") + " " + scorecard.version
        return [
            "scorecard": .string(language == .zh ? "\(scorecard.title.text(language))（\(scorecard.id) \(version)）"
                                                 : "\(scorecard.title.text(language)) (\(scorecard.id), \(version.lowercased()))"),
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
                "role": .string(labels["role_\(review.reviewer.role.rawValue)"] ?? review.reviewer.role.rawValue),
                "date": .string(review.date),
            ]
        }
        if rows.isEmpty {
            rows = (1...5).map { i in ["index": .string(String(i)), "name": "", "role": "", "date": ""] }
        }
        let chair = reviews.first { $0.reviewer.role == .chair }?.reviewer.name
        var summary = words.verdict(result) + (language == .zh ? "；" : "; ") + (labels["total"] ?? "") + " " + result.total.fixed(places: 2)
        if let grade = result.grade { summary += (language == .zh ? "；" : "; ") + (labels["grade"] ?? "") + " " + grade.id + " " + grade.title.text(language) }
        return present([
            "summary": .string(summary),
            "reviewers": .list(rows),
            "chair": chair.map(TemplateValue.string),
        ])
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
