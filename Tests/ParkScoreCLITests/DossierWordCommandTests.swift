import Foundation
import ParkScoreTestSupport
import XCTest

/// `dossier --format docx`: a Word document by extension or by --format, the same bytes from separate runs, never
/// written to a terminal.
final class DossierWordCommandTests: XCTestCase {
    let xinghe = "Samples/beijing-xinghe/self-report.yaml"

    func testTheSameInputsGiveTheSameDocumentAcrossRuns() throws {
        let root = try Parkscore.temporaryFolder()
        let a = root.appendingPathComponent("a/评审意见书.docx"), b = root.appendingPathComponent("b/评审意见书.docx")
        for file in [a, b] {
            let run = try Parkscore.run(["dossier", xinghe, "--reviews", "Samples/beijing-xinghe/reviews", "-o", file.path, "--lang", "zh"])
            XCTAssertEqual(run.status, 0, run.stderr)
        }
        let first = try Data(contentsOf: a)
        XCTAssertEqual(first, try Data(contentsOf: b), "two processes, the same bytes")
        XCTAssertEqual(Array(first.prefix(4)), [0x50, 0x4B, 0x03, 0x04])
    }

    func testAFolderWithFormatDocxGetsWordDocumentsOnly() throws {
        let root = try Parkscore.temporaryFolder()
        let out = root.appendingPathComponent("out")
        let run = try Parkscore.run(["dossier", xinghe, "--format", "docx", "-o", out.path + "/", "--lang", "en"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.path), ["beijing-xinghe.beijing-digital-advertising-park.en.docx"])
        // Standard output that is not a terminal takes the document as it is.
        let piped = try Parkscore.run(["dossier", xinghe, "--format", "docx"])
        XCTAssertEqual(piped.status, 0, piped.stderr)
        XCTAssertTrue(piped.stdout.utf8.starts(with: [0x50, 0x4B, 0x03, 0x04]))
    }
}
