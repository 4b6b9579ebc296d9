import Foundation
import XCTest

/// Golden-file (snapshot) checks: the expected text lives in `Golden/<name>`. Set
/// `PARKSCORE_RECORD_GOLDEN=1` to write the files anew from the actual output, then review the diff.
public func assertGolden(_ actual: String, named name: String, file: StaticString = #filePath, line: UInt = #line) {
    let url = URL(fileURLWithPath: "\(file)").deletingLastPathComponent().appendingPathComponent("Golden/\(name)")
    let recording = ProcessInfo.processInfo.environment["PARKSCORE_RECORD_GOLDEN"] == "1"
    guard !recording, let expected = try? String(contentsOf: url, encoding: .utf8) else {
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? actual.write(to: url, atomically: true, encoding: .utf8)
        if !recording { XCTFail("no golden file '\(name)': recorded it; check it and run again", file: file, line: line) }
        return
    }
    guard actual != expected else { return }
    let a = actual.components(separatedBy: "\n"), e = expected.components(separatedBy: "\n")
    let index = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, e.count)
    let got = index < a.count ? a[index] : "<end>"
    let want = index < e.count ? e[index] : "<end>"
    XCTFail("'\(name)' differs from its golden file at line \(index + 1):\n  expected: \(want)\n  actual:   \(got)\n"
            + "(PARKSCORE_RECORD_GOLDEN=1 re-records it)", file: file, line: line)
}
