import Crypto
import Foundation
import ParkScoreIO
import XCTest

/// An evidence file is hashed as it is read, in pieces: whatever its size, the hash is that of the whole file.
final class EvidenceFolderTests: XCTestCase {
    func testFilesOfAnySizeHashAsAWhole() throws {
        let folder = NSTemporaryDirectory() + "parkscore-evidence-\(getpid())"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let source = EvidenceFolder(folder)
        for size in [0, 1, 4095, 4096, 65_535, 65_536, 65_537, 200_000] {
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
            try Data(bytes).write(to: URL(fileURLWithPath: "\(folder)/f\(size).bin"))
            let expected = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
            let check = source.fingerprint("f\(size).bin")
            XCTAssertEqual(check.state, .verified, "\(size) bytes")
            XCTAssertEqual(check.sha256, expected, "\(size) bytes")
        }
    }
}
