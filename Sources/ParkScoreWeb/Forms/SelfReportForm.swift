import Foundation
import Hummingbird
import ParkScore
import ParkScoreIO

/// The park's application form: what the park typed, field by field (`State`, stored as JSON in
/// `ApplicationRecord.form`), the fields a scorecard asks for (`Layout`), and the self-report YAML the form stands for
/// (`SelfReportFormYAML`), written as a workbook's cells are (the same quoting, the same forgiving reading of typical
/// entries by the same decoders), each line knowing the form field it came from so that every problem is shown beside
/// its field.
public enum SelfReportForm {
    /// The longest text one field may hold (a justification, a note, a tenant's name).
    public static let maxValueCharacters = 4_000
    /// Blank rows offered below a table's records (more by saving and coming back).
    public static let blankRecordRows = 3
    /// The most rows a table of records may have on the form.
    public static let maxRecordRows = 2_000

    /// One self-rating as typed: the level chosen (a rubric level, or blank) and the note.
    public struct Rating: Codable, Sendable, Hashable {
        public var level: String
        public var note: String
        public init(level: String = "", note: String = "") {
            self.level = level
            self.note = note
        }
    }

    /// One N/A claim as typed: whether it is made, and the justification.
    public struct Claim: Codable, Sendable, Hashable {
        public var made: Bool
        public var justification: String
        public init(made: Bool = false, justification: String = "") {
            self.made = made
            self.justification = justification
        }
    }

    /// What the park typed. A fact absent from `facts`/`choices`/`records` is one not given.
    public struct State: Codable, Sendable, Equatable {
        /// `id`, `name`, `name_en`, `jurisdiction`, `operator`.
        public var park: [String: String] = [:]
        /// `from`, `to`.
        public var period: [String: String] = [:]
        public var reportDate: String = ""
        /// Scalar facts as typed, and lists without fixed values as typed (items separated by 、 or commas; 无 for none).
        public var facts: [String: String] = [:]
        /// Lists with fixed values: the values ticked (present and empty: the park has none).
        public var choices: [String: [String]] = [:]
        /// Tables of records: rows of field name → text.
        public var records: [String: [[String: String]]] = [:]
        /// Self-ratings by criterion id.
        public var ratings: [String: Rating] = [:]
        /// N/A claims by criterion id.
        public var claims: [String: Claim] = [:]

        public init() {}

        enum CodingKeys: String, CodingKey {
            case park, period, reportDate, facts, choices, records, ratings, claims
        }

        /// A stored state; a part it does not hold is empty (`{}` is the empty form).
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            park = try c.decodeIfPresent([String: String].self, forKey: .park) ?? [:]
            period = try c.decodeIfPresent([String: String].self, forKey: .period) ?? [:]
            reportDate = try c.decodeIfPresent(String.self, forKey: .reportDate) ?? ""
            facts = try c.decodeIfPresent([String: String].self, forKey: .facts) ?? [:]
            choices = try c.decodeIfPresent([String: [String]].self, forKey: .choices) ?? [:]
            records = try c.decodeIfPresent([String: [[String: String]]].self, forKey: .records) ?? [:]
            ratings = try c.decodeIfPresent([String: Rating].self, forKey: .ratings) ?? [:]
            claims = try c.decodeIfPresent([String: Claim].self, forKey: .claims) ?? [:]
        }

        /// The state as stored.
        public func json() -> String {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            guard let data = try? encoder.encode(self) else { return "{}" }
            return String(decoding: data, as: UTF8.self)
        }

        /// A stored state; an empty form for `{}`; nil for text that is not one.
        public static func decode(_ json: String) -> State? {
            try? JSONDecoder().decode(State.self, from: Data(json.utf8))
        }

        /// Every field's value as one text, by field name (`fact.tenants.total`, `rating.talent.system`): what the
        /// audit compares, old against new.
        public func flattened() -> [String: String] {
            var out: [String: String] = [:]
            for (k, v) in park where !v.isEmpty { out["park." + k] = v }
            for (k, v) in period where !v.isEmpty { out["period." + k] = v }
            if !reportDate.isEmpty { out["report_date"] = reportDate }
            for (k, v) in facts where !v.isEmpty { out["fact." + k] = v }
            for (k, v) in choices { out["fact." + k] = v.isEmpty ? "[]" : v.joined(separator: "、") }
            for (k, rows) in records {
                for (i, row) in rows.enumerated() {
                    for (field, v) in row where !v.isEmpty { out["rec.\(k).\(i).\(field)"] = v }
                }
            }
            for (k, r) in ratings {
                if !r.level.isEmpty { out["rating." + k] = r.level }
                if !r.note.isEmpty { out["note." + k] = r.note }
            }
            for (k, c) in claims {
                if c.made { out["na." + k] = "true" }
                if !c.justification.isEmpty { out["najust." + k] = c.justification }
            }
            return out
        }
    }

    /// Why a posted form is refused whole (hostile or broken input, not a park's mistake: those are diagnostics).
    public enum Refusal: Error, Sendable {
        case tooLong(String)
    }

    // MARK: - The fields a scorecard asks for

    /// The form's fields for one scorecard: the facts it reads (and any other the state gives, so nothing is lost),
    /// its tables of records, its judged criteria to self-rate and the criteria that allow an N/A claim.
    public struct Layout: Sendable {
        public let scorecard: Scorecard
        public let dictionary: FactDictionary
        /// Non-records facts, in the dictionary's order.
        public let factKeys: [String]
        public let recordKeys: [String]
        public let judged: [(dimension: ParkScore.Dimension, criterion: Criterion, rubric: Judged)]
        public let notApplicable: [Criterion]

        public init(scorecard: Scorecard, dictionary: FactDictionary, messages: Messages, state: State) {
            self.scorecard = scorecard
            self.dictionary = dictionary
            let workbook = SelfReportWorkbook(scorecard: scorecard, dictionary: dictionary, messages: messages)
            var facts = workbook.factRows()
            var records = workbook.recordKeys()
            let given = Set(state.facts.keys).union(state.choices.keys).union(state.records.keys)
            let known = Set(facts).union(records)
            for key in dictionary.keys where given.contains(key) && !known.contains(key) {
                if case .records? = dictionary.type(of: key) { records.append(key) } else { facts.append(key) }
            }
            factKeys = facts
            recordKeys = records
            var judged: [(ParkScore.Dimension, Criterion, Judged)] = []
            for dimension in scorecard.dimensions {
                for criterion in dimension.criteria {
                    if case .judged(let rubric) = criterion.kind { judged.append((dimension, criterion, rubric)) }
                }
            }
            self.judged = judged.map { (dimension: $0.0, criterion: $0.1, rubric: $0.2) }
            notApplicable = scorecard.criteria.filter(\.allowsNotApplicable)
        }

        public func schema(_ key: String) -> RecordSchema? {
            if case .records(let schema)? = dictionary.type(of: key) { return schema }
            return nil
        }

        /// The allowed values of a list fact ticked as checkboxes; nil for a free list or another type.
        public func choiceValues(_ key: String) -> [String]? {
            if case .list(let values?)? = dictionary.type(of: key) { return values }
            return nil
        }
    }

    // MARK: - Reading a posted form

    /// The state a posted form stands for. Only the layout's fields are read; anything else is ignored.
    public static func state(from form: FormFields, layout: Layout) throws(Refusal) -> State {
        func value(_ name: String) throws(Refusal) -> String {
            let v = form[name] ?? ""
            guard v.count <= maxValueCharacters else { throw .tooLong(name) }
            return v.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        var state = State()
        for key in ["id", "name", "name_en", "jurisdiction", "operator"] {
            let v = try value("park." + key)
            if !v.isEmpty { state.park[key] = v }
        }
        for key in ["from", "to"] {
            let v = try value("period." + key)
            if !v.isEmpty { state.period[key] = v }
        }
        state.reportDate = try value("report_date")
        for key in layout.factKeys {
            if let allowed = layout.choiceValues(key) {
                let ticked = form.all("list." + key)
                var items: [String] = []
                for item in ticked where !items.contains(item) {
                    guard item.count <= maxValueCharacters else { throw .tooLong("list." + key) }
                    // Values off the list are kept only as the state had them (an imported report's own words).
                    if allowed.contains(item) || item.count <= 200 { items.append(item) }
                }
                if !items.isEmpty {
                    state.choices[key] = items
                } else if form["none." + key] != nil {
                    state.choices[key] = []
                }
            } else {
                let v = try value("fact." + key)
                if !v.isEmpty { state.facts[key] = v }
            }
        }
        for key in layout.recordKeys {
            guard let schema = layout.schema(key) else { continue }
            let prefix = "rec." + key + "."
            var rows: [Int: [String: String]] = [:]
            for (rest, raw) in form.prefixed(prefix) {
                guard let dot = rest.firstIndex(of: "."), let index = Int(rest[..<dot]), index >= 0, index < maxRecordRows else { continue }
                let field = String(rest[rest.index(after: dot)...])
                guard schema.field(field) != nil else { continue }
                guard raw.count <= maxValueCharacters else { throw .tooLong(prefix + rest) }
                let v = raw.trimmingCharacters(in: .whitespacesAndNewlines)
                if !v.isEmpty { rows[index, default: [:]][field] = v }
            }
            let kept = rows.keys.sorted().compactMap { rows[$0] }.filter { !$0.isEmpty }
            if !kept.isEmpty { state.records[key] = kept }
        }
        for item in layout.judged {
            let id = item.criterion.id
            let rating = Rating(level: try value("rating." + id), note: try value("note." + id))
            if !rating.level.isEmpty || !rating.note.isEmpty { state.ratings[id] = rating }
        }
        for criterion in layout.notApplicable {
            let id = criterion.id
            let claim = Claim(made: form["na." + id] != nil, justification: try value("najust." + id))
            if claim.made || !claim.justification.isEmpty { state.claims[id] = claim }
        }
        return state
    }

    // MARK: - A self-report read into the form

    /// The form state of a self-report already made (an imported YAML or 申报表.xlsx): every fact as the text that reads
    /// back as the same value, the ratings and N/A claims under `scorecardID`. Evidence is not part of the state: its
    /// files are uploaded.
    public static func state(of report: SelfReport, scorecardID: String, dictionary: FactDictionary) -> State {
        var state = State()
        let park = report.park
        state.park["name"] = park.name
        if let v = park.id { state.park["id"] = v }
        if let v = park.nameEn { state.park["name_en"] = v }
        if let v = park.jurisdiction { state.park["jurisdiction"] = v }
        if let v = park.operatorName { state.park["operator"] = v }
        if !report.period.from.isEmpty { state.period["from"] = report.period.from }
        if !report.period.to.isEmpty { state.period["to"] = report.period.to }
        state.reportDate = report.reportDate ?? ""
        for (key, entry) in report.facts {
            guard let definition = dictionary[key] else { continue }
            switch definition.type {
            case .records(let schema):
                guard case .list(let items) = entry.value else { continue }
                state.records[key] = items.compactMap { item -> [String: String]? in
                    guard case .record(let fields) = item else { return nil }
                    var row: [String: String] = [:]
                    for (name, value) in fields {
                        let type = schema.field(name)?.type ?? .text
                        row[name] = text(value, type: type)
                    }
                    return row
                }
            case .list(let allowed):
                guard case .list(let items) = entry.value else { continue }
                let texts = items.map { text($0, type: .text) }
                if allowed != nil {
                    state.choices[key] = texts
                } else {
                    state.facts[key] = texts.isEmpty ? "无" : texts.joined(separator: "、")
                }
            default:
                state.facts[key] = text(entry.value, type: definition.type)
            }
        }
        if let assessment = report.assessments[scorecardID] {
            for (id, rating) in assessment.ratings {
                state.ratings[id] = Rating(level: String(rating.level), note: rating.note ?? "")
            }
            for (id, claim) in assessment.notApplicable {
                state.claims[id] = Claim(made: true, justification: claim.justification)
            }
        }
        return state
    }

    /// A value as the text that reads back as it: exact decimals, a percent as `42%`, booleans `true`/`false`.
    static func text(_ value: Value, type: FactType) -> String {
        switch value {
        case .number(let n):
            if type == .percent, let hundred = n.multiplied(by: Rational(100)), let digits = SelfReportWorkbook.exactDecimal(hundred) {
                return digits + "%"
            }
            return SelfReportWorkbook.exactDecimal(n) ?? n.description
        case .bool(let b): return b ? "true" : "false"
        case .text(let t), .date(let t): return t
        case .list(let items): return items.map { text($0, type: .text) }.joined(separator: "、")
        case .record, .unknown, .error: return ""
        }
    }
}
