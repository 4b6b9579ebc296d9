import Foundation
import ParkScore
import ParkScoreIO

/// The self-report YAML a form stands for, built line by line as a workbook's is (`WorkbookYAML`'s quoting: plain when
/// that reads back as the same text, so `45家`, `是`, `12.5万` reach the decoders as typed and get their forgiving
/// reading and their checks), with the form field of each line: a problem the pipeline finds at a line is shown beside
/// that field.
public struct SelfReportFormYAML: Sendable {
    public private(set) var text = ""
    /// The form field of each line, by 1-based line number.
    public private(set) var fields: [Int: String] = [:]
    private var lineCount = 0
    /// Whether the text passed the YAML reader's limit (the rest was not written).
    public private(set) var full = false

    static let listSeparators: Set<Character> = ["、", "，", ",", "；", ";", "\n", "\r"]
    static let none: Set<String> = ["无", "none", "None", "NONE"]

    mutating func line(_ indent: Int, _ content: String, _ field: String) {
        guard !full else { return }
        let size = indent + content.utf8.count + 1
        guard text.utf8.count + size <= WorkbookYAML.maxBytes else {
            full = true
            return
        }
        text += String(repeating: " ", count: indent) + content + "\n"
        lineCount += 1
        fields[lineCount] = field
    }

    /// `key: value`, or `key:` when blank (a value not given, refused at its field when it is required).
    mutating func scalar(_ indent: Int, _ key: String, _ value: String, _ field: String) {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        line(indent, WorkbookYAML.key(key) + ":" + (trimmed.isEmpty ? "" : " " + WorkbookYAML.scalar(trimmed)), field)
    }

    /// The items of a list typed as text: split at 、，,；; and line breaks; 无 alone is the empty list.
    static func items(_ text: String) -> [String] {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if none.contains(trimmed) { return [] }
        return trimmed.split(whereSeparator: { listSeparators.contains($0) })
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    /// The YAML of `state` under `layout`'s scorecard, with `evidence` (the files uploaded, their sha256 as the server
    /// computed it).
    public init(state: SelfReportForm.State, layout: SelfReportForm.Layout, evidence: [EvidenceRecord]) {
        line(0, "# " + WorkbookSelfReport.comment(layout.scorecard.title.zh), "")
        line(0, "park:", "park.name")
        for key in ["id", "name", "name_en", "jurisdiction", "operator"] {
            let value = state.park[key] ?? ""
            if key == "name" || !value.isEmpty { scalar(2, key, value, "park." + key) }
        }
        line(0, "period:", "period.from")
        scalar(2, "from", state.period["from"] ?? "", "period.from")
        scalar(2, "to", state.period["to"] ?? "", "period.to")
        if !state.reportDate.isEmpty { scalar(0, "report_date", state.reportDate, "report_date") }
        line(0, "applies_to: [" + WorkbookYAML.scalar(layout.scorecard.id) + "]", "")
        line(0, "facts:", "")
        for key in layout.factKeys {
            let field = "fact." + key
            if layout.choiceValues(key) != nil {
                guard let items = state.choices[key] else {
                    line(2, WorkbookYAML.key(key) + ":", field)
                    continue
                }
                list(2, key, items, field)
            } else if case .list? = layout.dictionary.type(of: key) {
                guard let typed = state.facts[key], !typed.isEmpty else {
                    line(2, WorkbookYAML.key(key) + ":", field)
                    continue
                }
                list(2, key, Self.items(typed), field)
            } else {
                scalar(2, key, state.facts[key] ?? "", field)
            }
        }
        for key in layout.recordKeys {
            guard let schema = layout.schema(key), let rows = state.records[key] else { continue }
            let field = "fact." + key
            if rows.isEmpty {
                line(2, WorkbookYAML.key(key) + ": []", field)
                continue
            }
            line(2, WorkbookYAML.key(key) + ":", field)
            for (i, row) in rows.enumerated() {
                var first = true
                for recordField in schema.fields {
                    guard let value = row[recordField.name], !value.isEmpty else { continue }
                    let at = "rec.\(key).\(i).\(recordField.name)"
                    let lead = first ? "- " : "  "
                    first = false
                    if case .list = recordField.type {
                        let items = Self.items(value)
                        if items.isEmpty {
                            line(4, lead + WorkbookYAML.key(recordField.name) + ": []", at)
                        } else {
                            line(4, lead + WorkbookYAML.key(recordField.name) + ":", at)
                            for item in items { line(8, "- " + WorkbookYAML.scalar(item), at) }
                        }
                    } else {
                        line(4, lead + WorkbookYAML.key(recordField.name) + ": " + WorkbookYAML.scalar(value), at)
                    }
                }
            }
        }
        let judged = Set(layout.judged.map(\.criterion.id))
        let claimable = Set(layout.notApplicable.map(\.id))
        let ratings = layout.judged.map(\.criterion.id).filter { id in
            guard let r = state.ratings[id] else { return false }
            return !r.level.isEmpty || !r.note.isEmpty
        }
        let claims = layout.notApplicable.map(\.id).filter { state.claims[$0]?.made == true }
        if !ratings.isEmpty || !claims.isEmpty {
            line(0, "self_assessment:", "")
            line(2, WorkbookYAML.key(layout.scorecard.id) + ":", "")
            if !ratings.isEmpty {
                line(4, "ratings:", "")
                for id in ratings where judged.contains(id) {
                    let rating = state.ratings[id] ?? SelfReportForm.Rating()
                    line(6, WorkbookYAML.key(id) + ":", "rating." + id)
                    scalar(8, "level", rating.level, "rating." + id)
                    if !rating.note.isEmpty { scalar(8, "note", rating.note, "note." + id) }
                }
            }
            if !claims.isEmpty {
                line(4, "not_applicable:", "")
                for id in claims where claimable.contains(id) {
                    scalar(6, id, state.claims[id]?.justification ?? "", "najust." + id)
                }
            }
        }
        if !evidence.isEmpty {
            line(0, "evidence:", "")
            for item in evidence {
                let field = "evidence." + item.evidenceID
                line(2, "- id: " + WorkbookYAML.scalar(item.evidenceID), field)
                scalar(4, "title", item.title, field)
                scalar(4, "file", item.path, field)
                scalar(4, "sha256", item.sha256, field)
                let supports = SelfReportFormYAML.supports(item)
                if !supports.isEmpty {
                    line(4, "supports:", field)
                    for key in supports { line(6, "- " + WorkbookYAML.scalar(key), field) }
                }
            }
        }
    }

    mutating func list(_ indent: Int, _ key: String, _ items: [String], _ field: String) {
        if items.isEmpty {
            line(indent, WorkbookYAML.key(key) + ": []", field)
            return
        }
        line(indent, WorkbookYAML.key(key) + ":", field)
        for item in items { line(indent + 2, "- " + WorkbookYAML.scalar(item), field) }
    }

    /// An evidence record's `supports` (a JSON array of fact keys and criterion ids); empty when it holds none.
    public static func supports(_ record: EvidenceRecord) -> [String] {
        (try? JSONDecoder().decode([String].self, from: Data(record.supports.utf8))) ?? []
    }
}
