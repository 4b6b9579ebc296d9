import Foundation
import ParkScore

/// One application as bytes: the self-report, the review files, and where its evidence is. The command line reads it
/// from disk (`read`), each file once; a web front end builds it from uploads in memory.
public struct ApplicationInput: Sendable {
    public var selfReport: SourceFile
    public var reviews: [SourceFile]
    public var evidence: any EvidenceSource

    public init(selfReport: SourceFile, reviews: [SourceFile] = [], evidence: any EvidenceSource) {
        self.selfReport = selfReport
        self.reviews = reviews
        self.evidence = evidence
    }

    /// Reads an application from disk: the self-report, each review file, and every `.yaml`/`.yml` file of each review
    /// folder (in name order). Evidence is looked up in the self-report's folder.
    /// The self-report of `path`: the path itself, or `self-report.yaml` (else `self-report.xlsx` or `申报表.xlsx`, a
    /// workbook) inside it when it is an application folder holding one (a folder without any is left as it is, and
    /// refused when read, naming the files looked for).
    public static func applicationReport(_ path: String) -> String {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return path }
        for name in reportNames {
            let inside = (path.hasSuffix("/") ? path : path + "/") + name
            if access(inside, F_OK) == 0 { return inside }
        }
        return path
    }

    /// The names a self-report has in an application folder, in the order they are looked for.
    public static let reportNames = ["self-report.yaml", "self-report.xlsx", "申报表.xlsx"]

    public static func read(report: String, reviews: [String] = [], reviewFolders: [String] = [],
                            evidenceLimit: Int = EvidenceFolder.defaultMaxBytes) -> Loaded<ApplicationInput> {
        var diagnostics: [Diagnostic] = []
        var reviewFiles: [SourceFile] = []
        var paths = reviews
        for folder in reviewFolders {
            switch ReviewFolder.files(folder) {
            case .success(let files): paths += files
            case .failure(let d): diagnostics.append(d)
            }
        }
        for path in paths {
            switch SourceFile.read(path) {
            case .success(let file): reviewFiles.append(file)
            case .failure(let d): diagnostics.append(d)
            }
        }
        // An application folder (as a batch reads it) stands for the self-report.yaml (or .xlsx) in it.
        let report = applicationReport(report)
        var info = stat()
        if stat(report, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
            let names = reportNames.joined(separator: " / ")
            return Loaded(value: nil, diagnostics: [.error(Message("application.no-report", report, names), at: nil)] + diagnostics,
                          sources: reviewFiles)
        }
        switch SourceFile.read(report) {
        case .failure(let d):
            return Loaded(value: nil, diagnostics: [d] + diagnostics, sources: reviewFiles)
        case .success(let file):
            let input = ApplicationInput(selfReport: file, reviews: reviewFiles, evidence: EvidenceFolder(ofReport: report, maxBytes: evidenceLimit))
            return Loaded(value: input, diagnostics: diagnostics, sources: [file] + reviewFiles)
        }
    }
}

/// A folder of review files: every `.yaml` or `.yml` file in it, by name; hidden files are skipped.
public enum ReviewFolder {
    public static func files(_ folder: String) -> Result<[String], Diagnostic> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) else {
            return .failure(.error(Message("application.no-folder", folder), at: nil))
        }
        guard isDirectory.boolValue else { return .failure(.error(Message("application.reviews.is-file", folder), at: nil)) }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return .success(names.filter { !$0.hasPrefix(".") && ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) }.sorted()
            .map { folder.hasSuffix("/") ? folder + $0 : folder + "/" + $0 })
    }

    /// The `reviews/` folder of an application folder, if it has one: none, or an error when `reviews` is there but is
    /// not a folder (it would otherwise silently make an evaluation a self-assessment).
    public static func of(application: String) -> Result<[String], Diagnostic> {
        let path = application + "/reviews"
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return .success([]) }
        guard isDirectory.boolValue else { return .failure(.error(Message("application.reviews.not-folder", path), at: nil)) }
        return .success([path])
    }
}
