import Foundation
import Mustache
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

    public func render(_ format: DossierFormat, result: ScoreResult, scorecard: Scorecard, report: SelfReport,
                       dictionary: FactDictionary, inputs: DossierInputs, language: LocalizedText.Language,
                       staged: StagedResult? = nil) -> String {
        var inputs = inputs
        inputs.files += format == .json ? [] : templates.fingerprints
        var model = DossierModel(result: result, scorecard: scorecard, report: report, dictionary: dictionary, inputs: inputs,
                                 language: language, labels: templates.labels(language))
        model.staged = staged
        switch format {
        case .html: return templates.html.render(model.context)
        case .md: return templates.markdown.render(model.context)
        case .json: return DossierJSON(model: model).encoded()
        }
    }
}

/// The JSON dossier: the score result (as `parkscore score --format json` writes it) with the cover, the
/// evidence index, the scoring model in words and the audit appendix. Documented in README.
struct DossierJSON: Encodable {
    static let schemaVersion = 1

    let schema = "parkscore-dossier"
    let schemaVersion = DossierJSON.schemaVersion
    let language: String
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
        language = model.language.rawValue
        date = model.inputs.date
        result = ResultDocument(result: model.result, scorecard: model.scorecard, report: model.report, language: model.language)
        stages = model.staged.map(StagesRef.init)
        evidence = model.report.evidence.map {
            Evidence(id: $0.id, title: $0.title, file: $0.file, state: model.inputs.evidenceFiles[$0.id]?.rawValue ?? "unchecked",
                     supports: $0.supports)
        }
        scoringModel = model.scorecard.scoringModel.summary(model.language)
        audit = Audit(tool: "parkscore \(model.inputs.toolVersion)", scorecard: model.scorecard.id,
                      scorecardVersion: model.scorecard.version, scorecardSHA256: model.inputs.scorecardSHA256,
                      inputs: model.inputs.files.map { Input(name: $0.name, sha256: $0.sha256) })
    }

    func encoded() -> String { JSONText.encode(self) }
}
