import Foundation
import XCTest
@testable import ParkScoreBatch

/// The staging folder: a failed move puts back what it moved; a running batch's folder is never taken for a stale one.
final class StagingFolderTests: XCTestCase {
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
        XCTAssertTrue(problem.message.hasSuffix("; nothing was changed"), problem.message)
        XCTAssertEqual(try String(contentsOfFile: out + "/a/ranking.csv", encoding: .utf8), "old")
        staging.discard()
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out), ["a"])
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
