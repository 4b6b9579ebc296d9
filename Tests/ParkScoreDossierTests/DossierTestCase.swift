import Foundation
import ParkOffice
import ParkScore
@testable import ParkScoreDossier
import ParkScoreIO
import ParkScoreTestSupport
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

/// What the Excel-output tests share: the Beijing samples assessed through the pipeline (Samples/beijing-xinghe with
/// its reviews), and the cells of a workbook as openpyxl reads them back.
class SpreadsheetOutputTestCase: DossierTestCase {
    var zh: Messages { renderer.templates.messages(.zh) }

    func assess(_ sample: String, reviews: [String] = [], rename: ((String) -> String)? = nil) throws -> ScorecardAssessment {
        try assessment(sample, reviews: reviews, date: nil, edit: rename ?? { $0 })
    }

    func bytes(_ made: Result<[UInt8], Diagnostic>) throws -> [UInt8] {
        switch made {
        case .success(let bytes): return bytes
        case .failure(let problem): XCTFail("\(problem)"); return []
        }
    }

    /// The cells of a sheet's dump by reference.
    func cells(_ sheet: [String: Any]?) -> [String: [String: Any]] {
        (sheet?["cells"] as? [String: Any])?.compactMapValues { $0 as? [String: Any] } ?? [:]
    }

    /// The row whose column A holds `text`.
    func row(_ cells: [String: [String: Any]], _ text: String) -> Int? {
        cells.first { $0.key.hasPrefix("A") && Int($0.key.dropFirst()) != nil && $0.value["value"] as? String == text }
            .flatMap { Int($0.key.dropFirst()) }
    }

    func number(_ cell: [String: Any]?) -> Double? { (cell?["value"] as? NSNumber)?.doubleValue }

    /// The sheets, shared strings and styles of a workbook, one after another (the parts a golden pins).
    static func xmlParts(_ parts: [(name: String, text: String)]) -> String {
        parts.filter { $0.name.hasPrefix("xl/") }.map { "=== \($0.name)\n\($0.text)\n" }.joined()
    }

    static func column(_ n: Int) -> String { CellReference.letters(n) }
}
