import Crypto
import Foundation
import ParkScore

/// Checks a self-report's evidence files against its application folder: each file must stay inside the
/// folder, exist as a regular file, and match the sha256 the park recorded.
public enum EvidenceCheck {
    /// The folder of a self-report: its evidence paths are relative to it.
    public static func applicationFolder(of reportPath: String) -> String {
        URL(fileURLWithPath: reportPath).deletingLastPathComponent().path
    }

    /// What each evidence file is, by evidence id, and a diagnostic for each problem.
    public static func check(_ report: SelfReport, folder: String) -> (states: [String: EvidenceFileState], diagnostics: [Diagnostic]) {
        var states: [String: EvidenceFileState] = [:]
        var diagnostics: [Diagnostic] = []
        let root = URL(fileURLWithPath: folder).standardizedFileURL.resolvingSymlinksInPath()
        for (index, item) in report.evidence.enumerated() {
            let path = "evidence[\(index)]"
            let url = root.appendingPathComponent(item.file).standardizedFileURL.resolvingSymlinksInPath()
            // A path written outside the folder ('..', '/') is already refused when the report is read;
            // here a link inside the folder that leads out of it is caught.
            let writtenOutside = item.file.hasPrefix("/") || item.file.split(separator: "/").contains("..")
            guard !writtenOutside, url.path.hasPrefix(root.path + "/") else {
                states[item.id] = .outsideFolder
                if !writtenOutside {
                    diagnostics.append(.error("evidence file '\(item.file)' leads outside the application folder", at: item.location, path: path))
                }
                continue
            }
            guard case .success(let file) = SourceFile.read(url.path, limit: Int.max) else {
                states[item.id] = .missing
                diagnostics.append(.error("evidence file '\(item.file)' is missing", at: item.location, path: path))
                continue
            }
            guard let recorded = item.sha256 else {
                states[item.id] = .unchecked
                diagnostics.append(.warning("evidence '\(item.id)' has no sha256 to check '\(item.file)' against", at: item.location, path: path))
                continue
            }
            let actual = sha256(file.bytes)
            if actual == recorded {
                states[item.id] = .verified
            } else {
                states[item.id] = .hashMismatch
                diagnostics.append(.error("evidence file '\(item.file)' does not match its sha256: recorded \(recorded.prefix(12))…, file has \(actual.prefix(12))…",
                                          at: item.location, path: path))
            }
        }
        return (states, diagnostics)
    }

    /// Lowercase hex sha256 of some bytes.
    public static func sha256(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
