import Foundation
import ParkScore
import ParkScoreIO
import ParkScoreTestSupport
import XCTest

/// What writing files and the assessment pipeline say, in Chinese (the default) and in English, from the message
/// catalogue (Templates/messages/*/output.yaml).
final class OutputWordingTests: XCTestCase {
    func testAnAtomicFileRefusalInChineseAndEnglish() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parkscore-atomic-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let existing = folder + "/self-report.yaml"
        try "x".write(toFile: existing, atomically: true, encoding: .utf8)
        let kept = try XCTUnwrap(AtomicFile.refusal(existing, existing: .keep))
        XCTAssertEqual(TestCatalogue.zh.text(of: kept), "「\(existing)」已存在：如需替换，请使用 --force")
        XCTAssertEqual(TestCatalogue.en.text(of: kept), "'\(existing)' exists: pass --force to replace it")

        let link = folder + "/link.yaml"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: existing)
        let linked = try XCTUnwrap(AtomicFile.write("y", to: link))
        XCTAssertEqual(TestCatalogue.zh.text(of: linked), "无法写入「\(link)」：它是符号链接，本工具不跟随符号链接")
        XCTAssertEqual(TestCatalogue.en.text(of: linked), "cannot write '\(link)': it is a symbolic link, which is not followed")
        XCTAssertEqual(try String(contentsOfFile: existing, encoding: .utf8), "x")
    }

    func testAReviewOfAnotherScorecardInChinese() {
        let message = Message("pipeline.review.none", "nanshan-livestreaming")
        XCTAssertEqual(TestCatalogue.zh.message(message), "评分表「nanshan-livestreaming」没有评审意见：按自评计分")
        XCTAssertEqual(TestCatalogue.en.message(message), "no review is of scorecard 'nanshan-livestreaming': it is scored as a self-assessment")
    }
}
