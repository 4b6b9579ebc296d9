import Foundation
import ParkScore
@testable import ParkScoreDossier
import ParkScoreIO
import XCTest

/// What the dossier tests share: the repository's criteria and templates, and a sample assessed through the pipeline
/// from bytes in memory (the report's text edited first if asked), with a fixed tool version so that the output does
/// not depend on this machine.
class DossierTestCase: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    var library: CriteriaLibrary!
    var renderer: DossierRenderer!

    /// Samples/beijing-xinghe/reviews, in the order the stages run.
    let panel = ["preliminary", "panel-1", "panel-2", "panel-3", "chair"]

    override func setUpWithError() throws {
        library = try XCTUnwrap(CriteriaLibrary.open(CriteriaCatalog(directory: Self.path("Criteria"))).validValue)
        guard case .success(let templates) = DossierTemplates.load(Self.path("Templates")) else { return XCTFail("templates") }
        renderer = DossierRenderer(templates: templates)
    }

    /// The sample's first result; `date` nil takes the inputs' own (the latest review's, else the report's).
    func assessment(_ sample: String, reviews: [String] = [], mode: ScoringMode = .selfAssessment, date: String?,
                    edit: (String) -> String = { $0 }) throws -> ScorecardAssessment {
        let folder = Self.path("Samples/\(sample)")
        let reviewFiles = try reviews.map { name in
            SourceFile(path: "reviews/\(name).yaml", bytes: Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/reviews/\(name).yaml"))))
        }
        let text = edit(try String(contentsOfFile: folder + "/self-report.yaml", encoding: .utf8))
        let input = ApplicationInput(selfReport: SourceFile(path: "self-report.yaml", bytes: Array(text.utf8)),
                                     reviews: reviewFiles, evidence: EvidenceFolder(folder))
        let loaded = AssessmentPipeline(criteria: library, toolVersion: "test").assess(input, options: AssessmentOptions(mode: mode, date: date))
        XCTAssertEqual(loaded.diagnostics.filter { $0.severity == .error }, [])
        return try XCTUnwrap(loaded.validValue?.results.first)
    }
}
