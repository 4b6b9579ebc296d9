import Foundation
import ParkScore
import ParkScoreDossier
import ParkScoreIO
import ParkScoreTestSupport
import XCTest

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

    static func column(_ n: Int) -> String {
        var n = n, name = ""
        while n > 0 {
            let r = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + r))) + name
            n = (n - 1) / 26
        }
        return name
    }
}
