import Foundation
import ParkScore
import ParkScoreIO

/// A graded evaluation dossier in one format and language.
public enum DossierFormat: String, Sendable, CaseIterable {
    case html, md, json

    public var fileExtension: String { rawValue }
}

/// Renders dossiers: HTML and Markdown through the templates, JSON from the model directly
/// (schema `parkscore-dossier`, `schemaVersion` 1, keys sorted).
public struct DossierRenderer: Sendable {
    public let templates: DossierTemplates

    public init(templates: DossierTemplates) {
        self.templates = templates
    }

    /// The dossier of one assessment, in one format and language. No file access: everything comes from the assessment.
    public func render(_ format: DossierFormat, _ assessment: ScorecardAssessment, language: LocalizedText.Language) -> String {
        switch format {
        case .json: return DossierJSON(model: model(assessment, language: language)).encoded()
        case .html, .md: return String(decoding: renderBytes(format, assessment, language: language), as: UTF8.self)
        }
    }

    /// The dossier as UTF-8 bytes, ready to write: HTML and Markdown are rendered straight into a byte buffer.
    public func renderBytes(_ format: DossierFormat, _ assessment: ScorecardAssessment, language: LocalizedText.Language) -> [UInt8] {
        renderBytes([format], assessment, language: language)[0]
    }

    /// The dossier in several formats, in the order given, as UTF-8 bytes: the model and the templates' context are
    /// built once for all of them.
    public func renderBytes(_ formats: [DossierFormat], _ assessment: ScorecardAssessment,
                            language: LocalizedText.Language) -> [[UInt8]] {
        let model = model(assessment, language: language)
        var context: TemplateValue?
        return formats.map { format in
            switch format {
            case .json: return DossierJSON(model: model).bytes()
            case .html, .md:
                let values = context ?? model.context
                context = values
                return (format == .html ? templates.html : templates.markdown).renderBytes(values)
            }
        }
    }

    /// The model of one assessment; the templates' fingerprints join its audit appendix (the JSON dossier lists the
    /// assessment's inputs only).
    func model(_ assessment: ScorecardAssessment, language: LocalizedText.Language) -> DossierModel {
        DossierModel(assessment: assessment, messages: templates.messages(language),
                     labelValue: templates.labelValue(language), extraInputs: templates.fingerprints(language).map { InputFingerprint(name: $0.name, sha256: $0.sha256) })
    }
}

/// The JSON dossier: the score result (as `parkscore score --format json` writes it) with the cover, the
/// evidence index, the scoring model in words and the audit appendix. Documented in README.
struct DossierJSON: Encodable {
    static let schemaVersion = 2

    let schema = "parkscore-dossier"
    let schemaVersion = DossierJSON.schemaVersion
    let language: String
    let document: String
    let date: String
    let result: ResultDocument
    let stages: StagesRef?
    let evidence: [Evidence]
    let scoringModel: [String]
    let audit: Audit

    struct Evidence: Encodable {
        let id: String
        let title: String
        let file: String
        let state: String
        let stateText: String
        let sha256: String?
        let supports: [String]
    }

    struct Audit: Encodable {
        let tool: String
        let scorecard: String
        let scorecardVersion: String
        let scorecardSHA256: String
        let inputs: [Input]
    }

    struct Input: Encodable {
        let name: String
        let sha256: String
    }

    init(model: DossierModel) {
        let a = model.assessment
        language = model.language.rawValue
        document = a.mode == .evaluation ? "evaluation-report" : "self-assessment-report"
        date = a.date
        result = ResultDocument(result: a.result, scorecard: a.scorecard, report: a.report, messages: model.messages,
                                texts: model.texts)
        stages = a.staged.map { StagesRef($0, report: a.report, messages: model.messages) }
        evidence = model.evidence.map { entry in
            Evidence(id: entry.id, title: entry.title, file: entry.file, state: entry.state, stateText: entry.stateText,
                     sha256: a.evidence[entry.id]?.sha256, supports: entry.supports)
        }
        scoringModel = ScoringModelText.summary(a.scorecard.scoringModel, messages: model.messages)
        audit = Audit(tool: "parkscore \(a.toolVersion)", scorecard: a.scorecard.id,
                      scorecardVersion: a.scorecard.version, scorecardSHA256: a.scorecardFingerprint.sha256,
                      inputs: a.inputs.map { Input(name: $0.name, sha256: $0.sha256) })
    }

    func encoded() -> String { String(decoding: bytes(), as: UTF8.self) }

    /// The UTF-8 bytes of `encoded()`, written directly (`JSONWritable`), not through `Swift.Encoder`.
    func bytes() -> [UInt8] { JSONText.bytes(writing: self, capacity: 65536) }
}

// Written directly, as `Encodable` encodes it: the same keys in key order (`JSONKeyOrder`), a nil optional left out.
extension DossierJSON: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.objectStart()
        json.field("audit", audit)
        json.field("date", date)
        json.field("document", document)
        json.field("evidence", evidence)
        json.field("language", language)
        json.field("result", result)
        json.field("schema", schema)
        json.field("schemaVersion", schemaVersion)
        json.field("scoringModel", scoringModel)
        json.field("stages", stages)
        json.objectEnd()
    }
}

extension DossierJSON.Evidence: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.objectStart()
        json.field("file", file)
        json.field("id", id)
        json.field("sha256", sha256)
        json.field("state", state)
        json.field("stateText", stateText)
        json.field("supports", supports)
        json.field("title", title)
        json.objectEnd()
    }
}

extension DossierJSON.Audit: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.objectStart()
        json.field("inputs", inputs)
        json.field("scorecard", scorecard)
        json.field("scorecardSHA256", scorecardSHA256)
        json.field("scorecardVersion", scorecardVersion)
        json.field("tool", tool)
        json.objectEnd()
    }
}

extension DossierJSON.Input: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.objectStart()
        json.field("name", name)
        json.field("sha256", sha256)
        json.objectEnd()
    }
}
