import Foundation
import ParkScore

/// The sha256 of every input of a result, for an audit appendix: the self-report, the fact dictionary, the
/// scorecard, each evidence file and each review, named by what they are, in a fixed order.
public enum InputFingerprints {
    /// A file's sha256, or nil when it cannot be read.
    public static func sha256(ofFile path: String?) -> String? {
        guard let path, case .success(let file) = SourceFile.read(path, limit: Int.max) else { return nil }
        return EvidenceCheck.sha256(file.bytes)
    }

    public static func files(report path: String, report: SelfReport, dictionary: String, scorecard: Scorecard, reviews: [String] = [])
        -> [(name: String, sha256: String)] {
        let folder = URL(fileURLWithPath: EvidenceCheck.applicationFolder(of: path))
        var files: [(String, String)] = []
        files.append(("self-report: " + URL(fileURLWithPath: path).lastPathComponent, sha256(ofFile: path) ?? "—"))
        files.append(("criteria: facts.yaml", sha256(ofFile: dictionary) ?? "—"))
        files.append(("criteria: " + URL(fileURLWithPath: scorecard.file ?? "").lastPathComponent, sha256(ofFile: scorecard.file) ?? "—"))
        for item in report.evidence {
            files.append(("evidence: " + item.file, sha256(ofFile: folder.appendingPathComponent(item.file).path) ?? "—"))
        }
        for review in reviews {
            files.append(("review: " + URL(fileURLWithPath: review).lastPathComponent, sha256(ofFile: review) ?? "—"))
        }
        return files
    }
}
