import Foundation
import Hummingbird
import ParkScore
import ParkScoreDossier
import ParkScoreIO

/// An application as the park's form page shows it: the form built from the scorecard and the fact dictionary, filled
/// from the form state, each field with the problems the pipeline found at its lines (worded in the page language),
/// the evidence list, and the score preview of the state shown.
struct ParkApplicationPage {
    let workbench: Workbench
    let application: ApplicationRecord
    let scorecard: Scorecard
    let state: SelfReportForm.State
    let layout: SelfReportForm.Layout
    let evidence: [EvidenceRecord]
    let language: LocalizedText.Language
    /// The YAML of `state` and the pipeline's answer for it.
    let yaml: SelfReportFormYAML
    let assessed: Loaded<Assessment>
    let appID: Int64

    init(workbench: Workbench, application: ApplicationRecord, scorecard: Scorecard, state: SelfReportForm.State,
         evidence: [EvidenceRecord], language: LocalizedText.Language) throws {
        guard let appID = application.id else { throw WorkbenchError.notStored }
        self.appID = appID
        self.workbench = workbench
        self.application = application
        self.scorecard = scorecard
        self.state = state
        self.evidence = evidence
        self.language = language
        let messages = workbench.pages.messages(language)
        layout = SelfReportForm.Layout(scorecard: scorecard, dictionary: workbench.pipeline.criteria.dictionary, messages: messages, state: state)
        yaml = SelfReportFormYAML(state: state, layout: layout, evidence: evidence)
        var shown = application
        shown.selfReport = yaml.text
        assessed = try workbench.assess(shown)
    }

    var messages: Messages { workbench.pages.messages(language) }
    var editable: Bool { application.status == .draft }
    func word(_ key: String, _ values: [String: String] = [:]) -> String { workbench.pages.word(key, language, values) }

    static func object(_ entries: [String: TemplateValue]) -> TemplateValue { .object(TemplateObject(entries)) }

    // MARK: - Problems beside their fields

    struct Problem {
        let text: String
        let severity: Diagnostic.Severity
        var value: TemplateValue {
            object(["text": .string(text), "isError": .bool(severity == .error), "isNote": .bool(severity != .error)])
        }
    }

    /// The pipeline's diagnostics by the form field of their line; "" for those of no field.
    var problems: [String: [Problem]] {
        var out: [String: [Problem]] = [:]
        for diagnostic in assessed.diagnostics {
            var field = ""
            if let location = diagnostic.location, location.file == "self-report.yaml" { field = yaml.fields[location.line] ?? "" }
            out[field, default: []].append(Problem(text: messages.text(of: diagnostic), severity: diagnostic.severity))
        }
        return out
    }

    var errorCount: Int { assessed.diagnostics.filter { $0.severity == .error }.count }

    // MARK: - The form's fields

    func label(_ value: String, _ labels: [String: LocalizedText]) -> String { labels[value]?.text(language) ?? value }

    func help(_ type: FactType) -> String {
        switch type {
        case .boolean: return word("park.help.boolean")
        case .integer: return word("park.help.integer")
        case .number: return word("park.help.number")
        case .percent: return word("park.help.percent")
        case .money: return word("park.help.money")
        case .date: return word("park.help.date")
        case .text: return ""
        case .enumeration: return word("park.help.enumeration")
        case .list(let values): return values == nil ? word("park.help.list") : word("park.help.choices")
        case .records: return word("park.help.records")
        }
    }

    func unit(_ type: FactType, _ unit: String?) -> String {
        if let unit { return unit }
        switch type {
        case .money: return word("park.unit.yuan")
        default: return ""
        }
    }

    /// A select's options: blank, then the allowed ones, then the value kept as typed when it is none of them.
    func options(_ values: [(String, String)], selected: String) -> TemplateValue {
        var list: [TemplateValue] = [Self.object(["value": .string(""), "label": .string(word("park.form.choose")), "selected": .bool(selected.isEmpty)])]
        for (value, text) in values {
            list.append(Self.object(["value": .string(value), "label": .string(text), "selected": .bool(value == selected)]))
        }
        if !selected.isEmpty && !values.contains(where: { $0.0 == selected }) {
            list.append(Self.object(["value": .string(selected), "label": .string(selected), "selected": .bool(true)]))
        }
        return .list(list)
    }

    func booleanOptions(_ selected: String) -> TemplateValue {
        options([("true", word("park.form.yes")), ("false", word("park.form.no"))], selected: selected)
    }

    /// A field's entry: input kind, value, and its problems.
    func field(name: String, title: String, key: String, type: FactType, unit: String?, labels: [String: LocalizedText],
               value: String, problems: [String: [Problem]], atMost: String? = nil) -> TemplateValue {
        var entries: [String: TemplateValue] = [
            "name": .string(name), "title": .string(title), "key": .string(key), "value": .string(value),
            "unit": .string(self.unit(type, unit)), "help": .string(help(type)),
        ]
        if let atMost, let other = layout.dictionary[atMost] {
            entries["limit"] = .string(word("park.help.at-most", ["fact": other.description.text(language)]))
        }
        switch type {
        case .boolean:
            entries["isSelect"] = .bool(true)
            entries["options"] = booleanOptions(value)
        case .enumeration(let values):
            entries["isSelect"] = .bool(true)
            entries["options"] = options(values.map { ($0, label($0, labels)) }, selected: value)
        case .list(let values?):
            let ticked = state.choices[key] ?? []
            var list = values.map { v in
                Self.object(["value": .string(v), "label": .string(label(v, labels)), "checked": .bool(ticked.contains(v))])
            }
            for v in ticked where !values.contains(v) {
                list.append(Self.object(["value": .string(v), "label": .string(v), "checked": .bool(true)]))
            }
            entries["isChoices"] = .bool(true)
            entries["choices"] = .list(list)
            entries["noneChecked"] = .bool(state.choices[key]?.isEmpty == true)
        case .list(nil):
            entries["isTextarea"] = .bool(true)
        case .text:
            entries["isText"] = .bool(true)
        default:
            entries["isText"] = .bool(true)
        }
        let own = problems[name] ?? []
        entries["problems"] = .list(own.map(\.value))
        entries["hasProblem"] = .bool(own.contains { $0.severity == .error })
        return Self.object(entries)
    }

    func parkFields(_ problems: [String: [Problem]]) -> TemplateValue {
        let rows: [(String, String, String)] = [
            ("park.name", word("park.field.name"), state.park["name"] ?? ""),
            ("park.id", word("park.field.id"), state.park["id"] ?? ""),
            ("park.name_en", word("park.field.name-en"), state.park["name_en"] ?? ""),
            ("park.jurisdiction", word("park.field.jurisdiction"), state.park["jurisdiction"] ?? ""),
            ("park.operator", word("park.field.operator"), state.park["operator"] ?? ""),
        ]
        var list: [TemplateValue] = []
        for (name, title, value) in rows {
            list.append(field(name: name, title: title, key: "", type: .text, unit: nil, labels: [:], value: value, problems: problems))
        }
        let dates: [(String, String, String)] = [
            ("period.from", word("park.field.period-from"), state.period["from"] ?? ""),
            ("period.to", word("park.field.period-to"), state.period["to"] ?? ""),
            ("report_date", word("park.field.report-date"), state.reportDate),
        ]
        for (name, title, value) in dates {
            list.append(field(name: name, title: title, key: "", type: .date, unit: nil, labels: [:], value: value, problems: problems))
        }
        return .list(list)
    }

    func factFields(_ problems: [String: [Problem]]) -> TemplateValue {
        .list(layout.factKeys.compactMap { key in
            guard let definition = layout.dictionary[key] else { return nil }
            return field(name: "fact." + key, title: definition.description.text(language), key: key, type: definition.type,
                         unit: definition.unit, labels: definition.valueLabels, value: state.facts[key] ?? "", problems: problems,
                         atMost: definition.atMost)
        })
    }

    func tables(_ problems: [String: [Problem]]) -> TemplateValue {
        .list(layout.recordKeys.compactMap { key in
            guard let definition = layout.dictionary[key], let schema = layout.schema(key) else { return nil }
            let rows = state.records[key] ?? []
            let count = editable ? rows.count + SelfReportForm.blankRecordRows : rows.count
            var rowValues: [TemplateValue] = []
            for i in 0..<count {
                let row = i < rows.count ? rows[i] : [:]
                let cells = schema.fields.map { f in
                    field(name: "rec.\(key).\(i).\(f.name)", title: f.description.text(language), key: f.name, type: f.type, unit: f.unit,
                          labels: f.valueLabels, value: row[f.name] ?? "", problems: problems)
                }
                rowValues.append(Self.object(["number": .string(String(i + 1)), "cells": .list(cells)]))
            }
            let columns = schema.fields.map { f -> TemplateValue in
                let u = unit(f.type, f.unit)
                return Self.object(["title": .string(f.description.text(language)), "unit": .string(u), "hasUnit": .bool(!u.isEmpty)])
            }
            let own = problems["fact." + key] ?? []
            return Self.object(["key": .string(key), "title": .string(definition.description.text(language)), "columns": .list(columns),
                                "rows": .list(rowValues), "hasRows": .bool(!rowValues.isEmpty), "problems": .list(own.map(\.value))])
        })
    }

    func ratings(_ problems: [String: [Problem]]) -> TemplateValue {
        .list(layout.judged.map { item in
            let id = item.criterion.id
            let rating = state.ratings[id] ?? SelfReportForm.Rating()
            let levels = item.rubric.levels.sorted { $0.level < $1.level }
            let options = self.options(levels.map { level in
                (String(level.level), word("park.rating.level-option", ["level": String(level.level), "points": level.points.formatted(places: 2)]))
            }, selected: rating.level)
            let descriptors = levels.map { level in
                Self.object(["level": .string(String(level.level)), "points": .string(level.points.formatted(places: 2)),
                             "descriptor": .string(level.descriptor.text(language))])
            }
            let own = (problems["rating." + id] ?? []) + (problems["note." + id] ?? [])
            return Self.object([
                "id": .string(id), "title": .string(item.criterion.title.text(language)),
                "dimension": .string(item.dimension.title.text(language)), "maxPoints": .string(item.criterion.maxPoints.formatted(places: 2)),
                "options": options, "levels": .list(descriptors), "note": .string(rating.note),
                "problems": .list(own.map(\.value)), "hasProblem": .bool(own.contains { $0.severity == .error }),
            ])
        })
    }

    func claims(_ problems: [String: [Problem]]) -> TemplateValue {
        .list(layout.notApplicable.map { criterion in
            let id = criterion.id
            let claim = state.claims[id] ?? SelfReportForm.Claim()
            let own = problems["najust." + id] ?? []
            return Self.object([
                "id": .string(id), "title": .string(criterion.title.text(language)),
                "guidance": .string(criterion.guidance?.text(language) ?? ""), "hasGuidance": .bool(criterion.guidance != nil),
                "made": .bool(claim.made), "justification": .string(claim.justification),
                "problems": .list(own.map(\.value)), "hasProblem": .bool(own.contains { $0.severity == .error }),
            ])
        })
    }

    func evidenceRows(_ problems: [String: [Problem]]) -> TemplateValue {
        let base = "/park/applications/\(appID)/evidence/"
        return .list(evidence.compactMap { item -> TemplateValue? in
            guard let recordID = item.id else { return nil }
            let linked = SelfReportFormYAML.supports(item)
            let supports = linked.map { key in layout.dictionary[key]?.description.text(language) ?? key }
            var options = (layout.factKeys + layout.recordKeys).compactMap { key -> TemplateValue? in
                guard let definition = layout.dictionary[key] else { return nil }
                return Self.object(["key": .string(key), "title": .string(definition.description.text(language)), "checked": .bool(linked.contains(key))])
            }
            for key in linked where !layout.factKeys.contains(key) && !layout.recordKeys.contains(key) {
                options.append(Self.object(["key": .string(key), "title": .string(layout.dictionary[key]?.description.text(language) ?? key),
                                            "checked": .bool(true)]))
            }
            let own = problems["evidence." + item.evidenceID] ?? []
            return Self.object([
                "id": .string(item.evidenceID), "title": .string(item.title), "originalName": .string(item.originalName),
                "path": .string(item.path), "sha256": .string(item.sha256), "size": .string(ParkFormat.size(item.size)),
                "supports": .string(messages.list(supports)),
                "download": .string(base + String(recordID)), "delete": .string(base + String(recordID) + "/delete"),
                "relink": .string(base + String(recordID)), "options": .list(options),
                "problems": .list(own.map(\.value)),
            ])
        })
    }

    /// The facts an evidence file may support, as checkboxes of the upload form.
    var supportOptions: TemplateValue {
        .list((layout.factKeys + layout.recordKeys).compactMap { key in
            guard let definition = layout.dictionary[key] else { return nil }
            return Self.object(["key": .string(key), "title": .string(definition.description.text(language))])
        })
    }

    // MARK: - The page

    func values(flash: String? = nil, flashError: String? = nil) -> [String: TemplateValue] {
        let problems = self.problems
        let id = String(appID)
        var values: [String: TemplateValue] = [
            "id": .string(id),
            "base": .string("/park/applications/" + id),
            "history": .string("/applications/" + id + "/history"),
            "parkName": .string(application.parkName),
            "scorecardTitle": .string(scorecard.title.text(language)),
            "status": .string(application.status.rawValue),
            "statusLabel": .string(ParkFormat.status(application.status, workbench: workbench, language: language)),
            "version": .string(String(application.version)),
            "updatedAt": .string(ParkFormat.time(application.updatedAt)),
            "editable": .bool(editable),
            "canSubmit": .bool(editable && errorCount == 0),
            "blockedBySubmit": .bool(editable && errorCount > 0),
            "errorCount": .string(String(errorCount)),
            "general": .list((problems[""] ?? []).map(\.value)),
            "hasGeneral": .bool(!(problems[""] ?? []).isEmpty),
            "parkFields": parkFields(problems),
            "facts": factFields(problems),
            "tables": tables(problems),
            "ratings": ratings(problems),
            "hasRatings": .bool(!layout.judged.isEmpty),
            "claims": claims(problems),
            "hasClaims": .bool(!layout.notApplicable.isEmpty),
            "evidence": evidenceRows(problems),
            "hasEvidence": .bool(!evidence.isEmpty),
            "supportOptions": supportOptions,
            "limits": .string(word("park.evidence.limits", ["megabytes": String(EvidenceBlobs.maxBytes >> 20),
                                                             "files": String(ParkRoutes.maxEvidenceFiles)])),
            "preview": .string(previewHTML()),
        ]
        if let flash { values["flash"] = .string(flash) }
        if let flashError { values["flashError"] = .string(flashError) }
        return values
    }

    func response(context: WorkbenchContext, flash: String? = nil, flashError: String? = nil, status: HTTPResponse.Status = .ok) -> Response {
        workbench.pages.page("park-application", title: application.parkName, values: values(flash: flash, flashError: flashError),
                             context: context, status: status)
    }

    // MARK: - The score preview

    /// The preview's values: the total, grade, verdict, gates and the first five improvements; or the count of
    /// problems that keep the form from being scored.
    func previewValues() -> [String: TemplateValue] {
        var values: [String: TemplateValue] = ["t": workbench.pages.words[language] ?? .null]
        guard let assessment = assessed.value, let scored = assessment.results.first(where: { $0.scorecard.id == scorecard.id }) else {
            values["scored"] = .bool(false)
            values["notScored"] = .string(word("park.preview.not-scored", ["count": String(errorCount)]))
            return values
        }
        let result = scored.result
        let text = ResultText(messages: messages)
        let dictionary = layout.dictionary
        values["scored"] = .bool(true)
        values["total"] = .string(result.total.formatted(places: 2))
        values["grade"] = .string(result.grade?.title.text(language) ?? word("park.preview.no-grade"))
        values["verdict"] = .string(text.verdict(result))
        values["provisional"] = .bool(result.isProvisional)
        values["gates"] = .list(result.gates.map { gate in
            Self.object(["title": .string(gate.title.text(language)), "status": .string(text.gateStatus(gate)),
                         "passed": .bool(gate.status == .passed)])
        })
        values["improvements"] = .list(result.improvements.prefix(5).map { step in
            let action = text.action(step.action, scorecard: scorecard, criterion: step.criterionID) { key in
                dictionary[key]?.description.text(language) ?? key
            }
            return Self.object(["title": .string(step.title.text(language)), "action": .string(action),
                                "gain": .string(word("park.preview.gain", ["points": step.gain.formatted(places: 2)]))])
        })
        values["hasImprovements"] = .bool(!result.improvements.isEmpty)
        values["warningCount"] = .string(String(assessed.diagnostics.filter { $0.severity == .warning }.count))
        return values
    }

    /// The preview as an HTML fragment (the template escapes every value).
    func previewHTML() -> String {
        guard let template = workbench.pages.templates["park-preview"] else { return "" }
        return template.render(.object(TemplateObject(previewValues())))
    }
}

/// How the park pages write a time, a size and a status.
enum ParkFormat {
    /// Beijing time to the minute, as every page of the workbench writes it.
    static func time(_ date: Date) -> String { HistoryWords.formatter().string(from: date) }

    static func size(_ bytes: Int64) -> String {
        if bytes < 1024 { return "\(bytes) B" }
        if bytes < 1 << 20 { return String(format: "%.1f KB", Double(bytes) / 1024) }
        return String(format: "%.1f MB", Double(bytes) / Double(1 << 20))
    }

    static func status(_ status: ApplicationRecord.Status, workbench: Workbench, language: LocalizedText.Language) -> String {
        switch status {
        case .draft: return workbench.pages.word("park.status.draft", language)
        case .submitted: return workbench.pages.word("park.status.submitted", language)
        case .finalised: return workbench.pages.word("park.status.finalised", language)
        }
    }
}
