import Foundation
import ParkOffice
import ParkScore

/// The marked sheets of a self-report workbook read into the YAML they stand for: one section per sheet, in the order a
/// self-report has them, each line with its cell.
struct SelfReportSheets {
    let path: String
    let dictionary: FactDictionary
    let date1904: Bool
    var yaml = WorkbookYAML()
    var diagnostics: [Diagnostic] = []

    init(path: String, dictionary: FactDictionary, date1904: Bool) {
        self.path = path
        self.dictionary = dictionary
        self.date1904 = date1904
    }

    static let marker = "parkscore:"
    /// Bytes of cell text the writer may read, over every cell it reads. A shared string of 32,767 characters may
    /// stand in a million cells: each costs its length to read (to split a list, to see it is blank), and most make
    /// little YAML (`key: []`), so the YAML's own bound would not stop them.
    static let maxTextRead = 4 * WorkbookYAML.maxBytes
    /// Errors the writer finds before it stops: the renderer shows 200; a million rows of errors would only fill memory.
    static let maxDiagnostics = 1_000
    /// Bytes of cell text read so far.
    var textRead = 0

    /// Whether to stop writing: the YAML is full, the text read is over its bound, or there are errors enough.
    var stopped: Bool { yaml.full || textRead > Self.maxTextRead || diagnostics.count >= Self.maxDiagnostics }

    mutating func charge(_ cell: CellContents) {
        switch cell.value {
        case .text(let s), .number(let s), .error(let s): textRead += s.utf8.count
        case .boolean: textRead += 1
        }
    }
    /// The self-report's sections: written by their own sheets (or as the cover's groups), never as a cover key.
    static let sections: Set<String> = ["park", "period", "facts", "self_assessment", "evidence"]
    /// Characters of a cell's text kept for its snippet (the renderer shows 120).
    static let snippetLimit = 200

    /// A cell's value as YAML, with the text the cell shows; nil for a blank cell, and for an error value (reported).
    mutating func value(_ sheet: SheetContents, row: Int, column: Int) -> (yaml: String, text: String)? {
        guard let cell = sheet[row: row, column: column] else { return nil }
        charge(cell)
        switch cell.value {
        case .boolean(let b): return (b ? "true" : "false", b ? "TRUE" : "FALSE")
        case .text(let s):
            if s.allSatisfy(\.isWhitespace) { return nil }
            return (WorkbookYAML.scalar(s), s)
        case .error(let e):
            diagnostics.append(.error(Message("workbook.cell-error", e), at: at(sheet, row, column)))
            return nil
        case .number(let v):
            let shown: String?
            switch cell.style {
            case .date: shown = SpreadsheetNumber.date(v, date1904: date1904)
            case .percent: shown = SpreadsheetNumber.percent(v).map { $0 + "%" }
            case .number: shown = SpreadsheetNumber.plain(v)
            }
            let text = shown ?? v
            return (WorkbookYAML.scalar(text), text)
        }
    }

    /// Characters a key may have (a fact key, a criterion or scorecard id, a field name, a marker). The longest real
    /// one has some 60; libyaml refuses a key of more than 1024 as a syntax error at a line of a YAML no one sees.
    static let maxKey = 256

    /// A key cell's text (trimmed; nil when blank), or nil and an error at the cell when it is longer than any key.
    mutating func key(_ sheet: SheetContents, _ row: Int, _ column: Int) -> String? {
        if let cell = sheet[row: row, column: column] { charge(cell) }
        guard let key = text(sheet, row: row, column: column) else { return nil }
        guard key.count <= Self.maxKey else {
            diagnostics.append(.error(Message("workbook.hostile.key-too-long", WorkbookSelfReport.printable(String(key.prefix(40))), String(Self.maxKey)),
                                      at: at(sheet, row, column)))
            return nil
        }
        return key
    }

    /// A cell's text as written (a key, an id), trimmed; nil when blank.
    func text(_ sheet: SheetContents, row: Int, column: Int) -> String? {
        guard let cell = sheet[row: row, column: column] else { return nil }
        let s: String
        switch cell.value {
        case .text(let t): s = t
        case .number(let v): s = SpreadsheetNumber.plain(v) ?? v
        case .boolean(let b): s = b ? "TRUE" : "FALSE"
        case .error(let e): s = e
        }
        let trimmed = s.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    func place(_ sheet: SheetContents, _ row: Int, _ column: Int, text: String? = nil) -> CellPlace {
        let reference = CellReference(row: row, column: column)
        // The snippet shows one short line of it: a cell of 32,767 characters is not kept whole for every line it makes.
        let shown = text ?? self.text(sheet, row: row, column: column) ?? ""
        return CellPlace(name: SheetContents.quotedName(sheet.name) + "!" + reference.description,
                         text: shown.utf16.count > Self.snippetLimit ? String(shown.prefix(Self.snippetLimit)) : shown)
    }

    func sheetPlace(_ sheet: SheetContents) -> CellPlace { place(sheet, 1, 1) }

    func at(_ sheet: SheetContents, _ row: Int, _ column: Int) -> SourceLocation {
        WorkbookSelfReport.location(path, place(sheet, row, column))
    }

    mutating func write(_ workbook: SpreadsheetContents) {
        var cover: [SheetContents] = [], facts: [SheetContents] = [], records: [(String, SheetContents)] = [], ratings: [(String, SheetContents)] = []
        var notApplicable: [(String, SheetContents)] = [], evidence: [SheetContents] = []
        for sheet in workbook.sheets {
            guard let marker = text(sheet, row: 1, column: 1), marker.hasPrefix(Self.marker) else { continue }
            // A formula with no saved result (openpyxl writes them so) shows a value in Excel that this file does not
            // hold: refused at its cell, never read as blank.
            for (reference, formula) in sheet.formulasWithoutValue.sorted(by: { ($0.key.row, $0.key.column) < ($1.key.row, $1.key.column) }).prefix(200) {
                let shown = "=" + String(formula.prefix(Self.snippetLimit))
                diagnostics.append(.error(Message("workbook.hostile.formula-without-value", WorkbookSelfReport.printable(shown)),
                                          at: WorkbookSelfReport.location(path, place(sheet, reference.row, reference.column, text: shown))))
            }
            let rest = String(marker.dropFirst(Self.marker.count))
            guard key(sheet, 1, 1) != nil else { continue }
            // A hidden sheet with a marker would be read, and scored, though the person who opens the workbook does not
            // see it: refused at its A1, its cells not read.
            guard !sheet.hidden else {
                diagnostics.append(.error(Message("workbook.hostile.hidden-sheet", WorkbookSelfReport.printable(sheet.name)), at: at(sheet, 1, 1)))
                continue
            }
            func argument(_ kind: String) -> String? {
                rest.hasPrefix(kind + ":") ? String(rest.dropFirst(kind.count + 1)).trimmingCharacters(in: .whitespaces) : nil
            }
            if rest == "cover" { cover.append(sheet) }
            else if rest == "facts" { facts.append(sheet) }
            else if rest == "evidence" { evidence.append(sheet) }
            else if let key = argument("records"), !key.isEmpty { records.append((key, sheet)) }
            else if let id = argument("ratings"), !id.isEmpty { ratings.append((id, sheet)) }
            else if let id = argument("not-applicable"), !id.isEmpty { notApplicable.append((id, sheet)) }
            else { diagnostics.append(.warning(Message("workbook.unknown-marker", marker), at: at(sheet, 1, 1))) }
        }
        // Two cover sheets would each write `park:`; which one counts is not for the reader to pick.
        for sheet in cover.dropFirst() {
            diagnostics.append(.error(Message("workbook.hostile.marker-twice", "parkscore:cover", WorkbookSelfReport.printable(cover[0].name)),
                                      at: at(sheet, 1, 1)))
        }
        if let sheet = cover.first { writeCover(sheet) }
        if !facts.isEmpty || !records.isEmpty {
            yaml.line(0, "facts:", facts.first.map(sheetPlace) ?? records.first.map { sheetPlace($0.1) } ?? WorkbookSelfReport.wholeWorkbook())
            var seen: [String: CellPlace] = [:]
            for sheet in facts { writeFacts(sheet, seen: &seen) }
            for (key, sheet) in records { writeRecords(key, sheet, seen: &seen) }
        } else if !cover.isEmpty {
            // A form whose facts sheet lost its marker (its hidden column A deleted, say): said as the workbook's
            // problem, in the form's words, not as a YAML key `facts` missing.
            diagnostics.append(.error(Message("workbook.no-facts-sheet", "parkscore:facts"), at: WorkbookSelfReport.location(path, WorkbookSelfReport.wholeWorkbook())))
        }
        writeAssessments(ratings: ratings, notApplicable: notApplicable)
        if !evidence.isEmpty { writeEvidence(evidence) }
    }

    /// Cover rows: `park.*` under `park`, `period.*` under `period`, the rest (`report_date`, `applies_to`, `notes`) at
    /// the top; `applies_to` as a list of ids.
    mutating func writeCover(_ sheet: SheetContents) {
        var groups: [String: [(String, Int)]] = [:]
        var top: [(String, Int)] = []
        var seen = Set<String>()
        for row in sheet.rows(from: 2) {
            if stopped { return }
            guard let key = key(sheet, row, 1) else { continue }
            guard seen.insert(key).inserted else {
                diagnostics.append(.error(Message("workbook.key-twice", key), at: at(sheet, row, 1)))
                continue
            }
            // `facts`, `park`, … as a cover key would write a section another sheet writes (or the park's group)
            // a second time: refused at the key's cell, not left to the YAML reader's duplicate-key error at a line
            // of a YAML no one sees.
            if Self.sections.contains(key) {
                diagnostics.append(.error(Message("workbook.hostile.cover-key", WorkbookSelfReport.printable(key)), at: at(sheet, row, 1)))
                continue
            }
            if let dot = key.firstIndex(of: "."), ["park", "period"].contains(String(key[..<dot])) {
                groups[String(key[..<dot]), default: []].append((String(key[key.index(after: dot)...]), row))
            } else {
                top.append((key, row))
            }
        }
        for group in ["park", "period"] {
            guard let rows = groups[group] else { continue }
            yaml.line(0, group + ":", sheetPlace(sheet))
            for (key, row) in rows { scalarLine(2, key, sheet, row, 3) }
        }
        for (key, row) in top {
            if key == "applies_to" {
                listLines(0, key, sheet, row, 3, separators: Self.idSeparators)
            } else {
                scalarLine(0, key, sheet, row, 3)
            }
        }
    }

    /// `key: value` from a cell; `key:` for a blank one, as the YAML template leaves a value not given (so that a
    /// required one left blank is refused at its own cell, and an optional one is simply not given).
    mutating func scalarLine(_ indent: Int, _ key: String, _ sheet: SheetContents, _ row: Int, _ column: Int,
                             type: FactType? = nil, labels: [String: LocalizedText] = [:]) {
        guard let (value, shown) = value(sheet, row: row, column: column) else {
            return yaml.line(indent, WorkbookYAML.key(key) + ":", place(sheet, row, column, text: ""))
        }
        yaml.line(indent, WorkbookYAML.key(key) + ": " + formValue(value, sheet, row, column, type: type, labels: labels),
                  place(sheet, row, column, text: shown))
    }

    /// A text cell holding one of the form's own drop-down words (是, a value's label) as the value it stands for.
    func formValue(_ value: String, _ sheet: SheetContents, _ row: Int, _ column: Int, type: FactType?, labels: [String: LocalizedText]) -> String {
        guard let type, case .text(let s)? = sheet[row: row, column: column]?.value,
              let word = FormWords.scalar(s, type: type, labels: labels) else { return value }
        return WorkbookYAML.scalar(word)
    }

    static let listSeparators: Set<Character> = ["、", "，", ",", "；", ";", "\n", "\r"]
    static let idSeparators: Set<Character> = listSeparators.union([" ", "\t", "　"])

    /// `key: value`, or for a list `key:` and one `- item` line per item of the cell's text (split at the separators),
    /// with the cell of each line; `key:` for a blank cell. Indents are relative: items 2 deeper than the key.
    mutating func entry(_ key: String, _ sheet: SheetContents, _ row: Int, _ column: Int, list separators: Set<Character>?,
                        type: FactType? = nil, labels: [String: LocalizedText] = [:]) -> [(Int, String, CellPlace)] {
        guard let (value, shown) = value(sheet, row: row, column: column) else {
            return [(0, WorkbookYAML.key(key) + ":", place(sheet, row, column, text: ""))]
        }
        let at = place(sheet, row, column, text: shown)
        guard let separators else {
            return [(0, WorkbookYAML.key(key) + ": " + formValue(value, sheet, row, column, type: type, labels: labels), at)]
        }
        guard case .text(let s)? = sheet[row: row, column: column]?.value else {
            return [(0, WorkbookYAML.key(key) + ":", at), (2, "- " + value, at)]
        }
        let items = FormWords.items(s, allowed: type?.allowedValues, labels: labels, separators: separators)
        if items.isEmpty { return [(0, WorkbookYAML.key(key) + ": []", at)] }
        return [(0, WorkbookYAML.key(key) + ":", at)] + items.map { (2, "- " + WorkbookYAML.scalar($0), at) }
    }

    mutating func listLines(_ indent: Int, _ key: String, _ sheet: SheetContents, _ row: Int, _ column: Int, separators: Set<Character>,
                            type: FactType? = nil, labels: [String: LocalizedText] = [:]) {
        for (more, text, at) in entry(key, sheet, row, column, list: separators, type: type, labels: labels) { yaml.line(indent + more, text, at) }
    }

    /// Facts rows: A the key, C the value; a list fact's text split into items.
    mutating func writeFacts(_ sheet: SheetContents, seen: inout [String: CellPlace]) {
        for row in sheet.rows(from: 2) {
            if stopped { return }
            guard let key = key(sheet, row, 1) else { continue }
            guard seen[key] == nil else {
                diagnostics.append(.error(Message("workbook.key-twice", key), at: at(sheet, row, 1)))
                continue
            }
            seen[key] = place(sheet, row, 1)
            let definition = dictionary[key]
            if case .list? = definition?.type {
                listLines(2, key, sheet, row, 3, separators: Self.listSeparators, type: definition?.type, labels: definition?.valueLabels ?? [:])
            } else {
                scalarLine(2, key, sheet, row, 3, type: definition?.type, labels: definition?.valueLabels ?? [:])
            }
        }
    }

    /// A records sheet: field names in row 1 (B…), titles in row 2, one record per row from row 3; a row whose fields
    /// are all blank is skipped, and a sheet with no record is the fact not given.
    mutating func writeRecords(_ key: String, _ sheet: SheetContents, seen: inout [String: CellPlace]) {
        guard seen[key] == nil else {
            diagnostics.append(.error(Message("workbook.key-twice", key), at: at(sheet, 1, 1)))
            return
        }
        seen[key] = sheetPlace(sheet)
        // The field names by column, and each row's columns that hold a cell: found in one pass over the cells, so a
        // sheet of 16,384 field names and a hundred thousand rows costs its cells, not their product.
        var names: [Int: String] = [:]
        var columnsByRow: [Int: [Int]] = [:]
        for reference in sheet.cells.keys where reference.column >= 2 {
            if reference.row == 1 {
                if let name = self.key(sheet, 1, reference.column) { names[reference.column] = name }
            } else if reference.row >= 3 {
                columnsByRow[reference.row, default: []].append(reference.column)
            }
        }
        // A field named twice would be a key given twice in each record: refused at the second name's cell.
        var named: [String: Int] = [:]
        for column in names.keys.sorted() {
            guard let name = names[column] else { continue }
            if named[name] != nil {
                diagnostics.append(.error(Message("workbook.key-twice", WorkbookSelfReport.printable(name)), at: at(sheet, 1, column)))
                names[column] = nil
            } else {
                named[name] = column
            }
        }
        let schema: RecordSchema? = { if case .records(let s)? = dictionary[key]?.type { return s }; return nil }()
        var wroteKey = false
        for row in sheet.rows(from: 3) {
            if stopped { return }
            let given = (columnsByRow[row] ?? []).sorted().compactMap { column in names[column].map { (column, $0) } }
            guard !given.isEmpty else { continue }
            if !wroteKey {
                yaml.line(2, WorkbookYAML.key(key) + ":", sheetPlace(sheet))
                wroteKey = true
            }
            var first = true
            for (column, name) in given {
                if stopped { return }
                let field = schema?.field(name)
                let isList: Bool = { if case .list? = field?.type { return true }; return false }()
                let lines = entry(name, sheet, row, column, list: isList ? Self.listSeparators : nil, type: field?.type,
                                  labels: field?.valueLabels ?? [:])
                for (more, text, at) in lines {
                    if first && more == 0 {
                        yaml.line(4, "- " + text, at)
                    } else {
                        yaml.line(6 + more, text, at)
                    }
                }
                if !lines.isEmpty { first = false }
            }
        }
    }

    /// Self-ratings and N/A claims, grouped by scorecard: `self_assessment: {id: {ratings: …, not_applicable: …}}`.
    mutating func writeAssessments(ratings: [(String, SheetContents)], notApplicable: [(String, SheetContents)]) {
        var ids: [String] = []
        for (id, _) in ratings + notApplicable where !ids.contains(id) { ids.append(id) }
        var opened = false
        for id in ids {
            var ratingLines: [(Int, String, CellPlace)] = []
            var claimLines: [(Int, String, CellPlace)] = []
            var seen = Set<String>()
            for (_, sheet) in ratings.filter({ $0.0 == id }) {
                for row in sheet.rows(from: 2) {
                    if stopped { return }
                    guard let criterion = key(sheet, row, 1) else { continue }
                    let level = value(sheet, row: row, column: 6)
                    let note = value(sheet, row: row, column: 7)
                    guard level != nil || note != nil else { continue }
                    guard seen.insert(criterion).inserted else {
                        diagnostics.append(.error(Message("workbook.key-twice", criterion), at: at(sheet, row, 1)))
                        continue
                    }
                    ratingLines.append((6, WorkbookYAML.key(criterion) + ":", place(sheet, row, 6, text: level?.text ?? "")))
                    ratingLines.append((8, "level:" + (level.map { " " + $0.yaml } ?? ""), place(sheet, row, 6, text: level?.text ?? "")))
                    if let note { ratingLines.append((8, "note: " + note.yaml, place(sheet, row, 7, text: note.text))) }
                }
            }
            var claimed = Set<String>()
            for (_, sheet) in notApplicable.filter({ $0.0 == id }) {
                for row in sheet.rows(from: 2) {
                    if stopped { return }
                    guard let criterion = key(sheet, row, 1) else { continue }
                    if let cell = sheet[row: row, column: 3] { charge(cell) }
                    let claim = text(sheet, row: row, column: 3)
                    let justification = value(sheet, row: row, column: 4)
                    let made: Bool
                    if let claim {
                        if Self.yes.contains(claim.lowercased()) { made = true }
                        else if Self.no.contains(claim.lowercased()) { made = false }
                        else {
                            diagnostics.append(.error(Message("workbook.claim-unclear", claim), at: at(sheet, row, 3)))
                            continue
                        }
                    } else {
                        made = justification != nil
                    }
                    guard made else { continue }
                    guard claimed.insert(criterion).inserted else {
                        diagnostics.append(.error(Message("workbook.key-twice", criterion), at: at(sheet, row, 1)))
                        continue
                    }
                    let at = justification.map { place(sheet, row, 4, text: $0.text) } ?? place(sheet, row, 3)
                    claimLines.append((6, WorkbookYAML.key(criterion) + ":" + (justification.map { " " + $0.yaml } ?? ""), at))
                }
            }
            guard !ratingLines.isEmpty || !claimLines.isEmpty else { continue }
            let sheetAt = (ratings + notApplicable).first { $0.0 == id }.map { sheetPlace($0.1) } ?? WorkbookSelfReport.wholeWorkbook()
            if !opened {
                yaml.line(0, "self_assessment:", sheetAt)
                opened = true
            }
            yaml.line(2, WorkbookYAML.key(id) + ":", sheetAt)
            if !ratingLines.isEmpty {
                yaml.line(4, "ratings:", ratings.first { $0.0 == id }.map { sheetPlace($0.1) } ?? sheetAt)
                for line in ratingLines { yaml.line(line.0, line.1, line.2) }
            }
            if !claimLines.isEmpty {
                yaml.line(4, "not_applicable:", notApplicable.first { $0.0 == id }.map { sheetPlace($0.1) } ?? sheetAt)
                for line in claimLines { yaml.line(line.0, line.1, line.2) }
            }
        }
    }

    static let yes: Set<String> = ["是", "yes", "y", "true", "有", "✓", "√"]
    static let no: Set<String> = ["否", "no", "n", "false", "无", "没有"]

    /// Evidence rows: B id, C title, D file, E sha256, F supports (split at separators and whitespace).
    mutating func writeEvidence(_ sheets: [SheetContents]) {
        var opened = false
        for sheet in sheets {
            for row in sheet.rows(from: 2) {
                if stopped { return }
                let columns = [(2, "id"), (3, "title"), (4, "file"), (5, "sha256")]
                let given = columns.filter { sheet[row: row, column: $0.0] != nil }
                let supports = sheet[row: row, column: 6] != nil
                guard !given.isEmpty || supports else { continue }
                if !opened {
                    yaml.line(0, "evidence:", sheetPlace(sheet))
                    opened = true
                }
                // Id, title and file are written even when blank, so that each one missing is refused at its cell; a
                // blank sha256 is one not computed yet.
                for (i, (column, key)) in columns.enumerated() {
                    let prefix = i == 0 ? "- " : ""
                    if let (value, shown) = value(sheet, row: row, column: column) {
                        yaml.line(i == 0 ? 2 : 4, prefix + key + ": " + value, place(sheet, row, column, text: shown))
                    } else if key != "sha256" {
                        yaml.line(i == 0 ? 2 : 4, prefix + key + ":", place(sheet, row, column, text: ""))
                    }
                }
                if supports {
                    yaml.line(4, "supports:", place(sheet, row, 6))
                    appendItems(sheet, row, 6, indent: 6)
                }
            }
        }
    }

    mutating func appendItems(_ sheet: SheetContents, _ row: Int, _ column: Int, indent: Int) {
        guard let (value, shown) = value(sheet, row: row, column: column) else { return }
        let at = place(sheet, row, column, text: shown)
        guard case .text(let s)? = sheet[row: row, column: column]?.value else {
            yaml.line(indent, "- " + value, at)
            return
        }
        for item in s.split(whereSeparator: { Self.idSeparators.contains($0) }) where !item.isEmpty {
            yaml.line(indent, "- " + WorkbookYAML.scalar(String(item)), at)
        }
    }
}
