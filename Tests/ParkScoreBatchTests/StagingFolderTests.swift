import Foundation
import XCTest
@testable import ParkScoreBatch
import ParkScore
import ParkScoreIO

/// The staging folder: a failed move puts back what it moved; a running batch's folder is never taken for a stale one.
final class StagingFolderTests: XCTestCase {
    /// The repository's message catalogue in a language (Templates/messages), to read what a refusal says.
    static func catalogue(_ language: LocalizedText.Language) -> Messages {
        let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Templates").path
        return MessageCatalogue.load(templates: templates, language: language).validValue ?? Messages(language: language, entries: [:])
    }

    func temporary() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("parkscore-staging-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    func testAFailedMoveLeavesTheOutputAsItWas() throws {
        let out = try temporary()
        try FileManager.default.createDirectory(atPath: out + "/a", withIntermediateDirectories: true)
        try "old".write(toFile: out + "/a/ranking.csv", atomically: true, encoding: .utf8)
        guard case .success(let staging) = StagingFolder.create(in: out) else { return XCTFail("no staging folder") }
        XCTAssertNil(staging.folder("a"))
        guard case .written = staging.write(Array("new".utf8), to: "a/ranking.csv") else { return XCTFail("not written") }
        // The second entry is not there to move: the first, already moved, goes back.
        let problem = try XCTUnwrap(staging.publish([("a", true), ("b", true)]))
        XCTAssertEqual(Self.catalogue(.en).text(of: problem), "cannot move the new 'b' into '\(out)': ENOENT; nothing was changed")
        XCTAssertEqual(Self.catalogue(.zh).text(of: problem), "无法将新的「b」移入「\(out)」：ENOENT；未作任何改动")
        XCTAssertEqual(try String(contentsOfFile: out + "/a/ranking.csv", encoding: .utf8), "old")
        staging.discard()
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out), ["a"])
    }

    /// The refusals of an output folder, in Chinese and English: a file where the folder goes, a link where an entry goes.
    func testTheRefusalsReadAsTheirLanguage() throws {
        let out = try temporary()
        try "x".write(toFile: out + "/file", atomically: true, encoding: .utf8)
        guard case .failure(let notAFolder) = StagingFolder.create(in: out + "/file") else { return XCTFail("a file taken for a folder") }
        XCTAssertEqual(Self.catalogue(.zh).text(of: notAFolder), "无法写入「\(out)/file」：它不是文件夹")
        XCTAssertEqual(Self.catalogue(.en).text(of: notAFolder), "cannot write into '\(out)/file': it is not a folder")

        try FileManager.default.createSymbolicLink(atPath: out + "/a", withDestinationPath: out + "/file")
        guard case .success(let staging) = StagingFolder.create(in: out) else { return XCTFail("no staging folder") }
        defer { staging.discard() }
        XCTAssertNil(staging.folder("a"))
        let link = try XCTUnwrap(staging.publish([("a", true)]))
        XCTAssertEqual(Self.catalogue(.zh).text(of: link), "无法替换「\(out)/a」：它是符号链接，本工具不跟随符号链接")
        XCTAssertEqual(Self.catalogue(.en).text(of: link), "cannot replace '\(out)/a': it is a symbolic link, which is not followed")
    }

    func testARunningBatchKeepsItsStagingFolderHoweverOld() throws {
        let out = try temporary()
        var running: StagingFolder? = try XCTUnwrap(try? StagingFolder.create(in: out).get())
        let path = try XCTUnwrap(running?.path)
        let twoHoursAgo = Date(timeIntervalSinceNow: -7200)
        try FileManager.default.setAttributes([.modificationDate: twoHoursAgo], ofItemAtPath: path)
        StagingFolder.removeStale(in: out)
        XCTAssertTrue(FileManager.default.fileExists(atPath: path), "held by a running batch")
        // The batch is gone (killed): its folder is stale now.
        running = nil
        try FileManager.default.setAttributes([.modificationDate: twoHoursAgo], ofItemAtPath: path)
        StagingFolder.removeStale(in: out)
        XCTAssertFalse(FileManager.default.fileExists(atPath: path))
    }
}
