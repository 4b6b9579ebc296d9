import Crypto
import Foundation
import ParkScore

/// Lowercase hex sha256, as parks record it and the audit appendix shows it.
public enum SHA256Text {
    public static func of(_ bytes: [UInt8]) -> String { hex(SHA256.hash(data: bytes)) }

    static func hex(_ digest: SHA256.Digest) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// What checking one evidence file found: its state, and the sha256 of its content when it could be read.
public struct EvidenceFileCheck: Sendable, Hashable {
    public var state: EvidenceFileState
    public var sha256: String?
    /// What is wrong, when something is (`evidence.file.*`, `evidence.sha256.mismatch`), for the catalogue to word.
    public var problem: Message?

    public init(state: EvidenceFileState, sha256: String? = nil, problem: Message? = nil) {
        self.state = state
        self.sha256 = sha256
        self.problem = problem
    }
}

/// Where an application's evidence files are: a folder on disk, or files handed over in memory (a web upload).
public protocol EvidenceSource: Sendable {
    /// The content's sha256 of the file at `path` (relative to the application), or why it cannot be had.
    func fingerprint(_ path: String) -> EvidenceFileCheck
}

/// Evidence files in an application folder. A path must stay inside the folder (a link leading out of it is caught),
/// name a regular file, and be no larger than `maxBytes`; the file is hashed as it is read, in chunks, so memory stays
/// flat whatever its size.
public struct EvidenceFolder: EvidenceSource {
    public let folder: String
    public let maxBytes: Int

    public static let defaultMaxBytes = 1 << 30

    /// The folder with its links resolved, once: each file's resolved path must lie under it.
    let root: String

    public init(_ folder: String, maxBytes: Int = EvidenceFolder.defaultMaxBytes) {
        self.folder = folder
        self.maxBytes = maxBytes
        root = Self.resolved(folder) ?? URL(fileURLWithPath: folder).standardizedFileURL.path
    }

    /// The folder of a self-report: its evidence paths are relative to it.
    public init(ofReport reportPath: String, maxBytes: Int = EvidenceFolder.defaultMaxBytes) {
        let folder = reportPath.lastIndex(of: "/").map { String(reportPath[..<$0]) } ?? "."
        self.init(folder.isEmpty ? "/" : folder, maxBytes: maxBytes)
    }

    public func fingerprint(_ file: String) -> EvidenceFileCheck {
        // A path written outside the folder ('..', '/') is already refused when the report is read; here a link inside
        // the folder that leads out of it is caught (realpath resolves every link on the way).
        guard !EvidenceCheck.isWrittenOutside(file) else {
            return EvidenceFileCheck(state: .outsideFolder, problem: Message("evidence.file.outside", file))
        }
        guard let path = Self.resolved(root + "/" + file) else {
            return EvidenceFileCheck(state: .missing, problem: Message("evidence.file.missing", file))
        }
        guard path.hasPrefix(root == "/" ? "/" : root + "/") else {
            return EvidenceFileCheck(state: .outsideFolder, problem: Message("evidence.file.outside", file))
        }
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return EvidenceFileCheck(state: .missing, problem: Message("evidence.file.missing", file)) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return EvidenceFileCheck(state: .missing, problem: Message("evidence.file.unreadable", file)) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return EvidenceFileCheck(state: .notAFile, problem: Message("evidence.file.folder", file))
        default: return EvidenceFileCheck(state: .notAFile, problem: Message("evidence.file.not-regular", file))
        }
        if Int(info.st_size) > maxBytes {
            return EvidenceFileCheck(state: .tooLarge, problem: Message("evidence.file.too-large", file, String(info.st_size), String(maxBytes)))
        }
        var hasher = SHA256()
        // Most evidence files are a few kilobytes: a buffer the file's size (one byte more, to see the end at once),
        // 64 KiB at most, not cleared first (only what `read` filled is hashed).
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(4096, min(Int(info.st_size) + 1, 1 << 16)), alignment: 16)
        defer { buffer.deallocate() }
        var total = 0
        while true {
            let n = read(fd, buffer.baseAddress, buffer.count)
            if n < 0 {
                if errno == EINTR { continue }
                return EvidenceFileCheck(state: .missing, problem: Message("evidence.file.unreadable", file))
            }
            if n == 0 { break }
            total += n
            if total > maxBytes {
                return EvidenceFileCheck(state: .tooLarge, problem: Message("evidence.file.over-limit", file, String(maxBytes)))
            }
            hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: buffer.prefix(n)))
        }
        return EvidenceFileCheck(state: .verified, sha256: SHA256Text.hex(hasher.finalize()))
    }

    /// The path with every link, `.` and `..` resolved (realpath); nil when it does not exist.
    static func resolved(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// Evidence files handed over in memory, by their path in the application (a web upload).
public struct EvidenceInMemory: EvidenceSource {
    public let files: [String: [UInt8]]

    public init(_ files: [String: [UInt8]]) {
        self.files = files
    }

    public func fingerprint(_ file: String) -> EvidenceFileCheck {
        guard !EvidenceCheck.isWrittenOutside(file) else {
            return EvidenceFileCheck(state: .outsideFolder, problem: Message("evidence.file.outside", file))
        }
        guard let bytes = files[file] else { return EvidenceFileCheck(state: .missing, problem: Message("evidence.file.missing", file)) }
        return EvidenceFileCheck(state: .verified, sha256: SHA256Text.of(bytes))
    }
}

/// Checks a self-report's evidence against its source: each file must be there and match the sha256 the park recorded.
public enum EvidenceCheck {
    /// A path written to leave the application: absolute, or with a '..' step.
    static func isWrittenOutside(_ file: String) -> Bool {
        file.hasPrefix("/") || file.split(separator: "/").contains("..")
    }

    /// What each evidence file is, by evidence id, and a diagnostic for each problem.
    public static func check(_ report: SelfReport, source: any EvidenceSource) -> EvidenceReport {
        var result = EvidenceReport()
        for (index, item) in report.evidence.enumerated() {
            let path = "evidence[\(index)]"
            var check = source.fingerprint(item.file)
            // Where the message points: at the sha256 value when it is the hash that is wrong, else at the file's path.
            var at = item.fileLocation ?? item.location
            if check.state == .verified, let actual = check.sha256 {
                if let recorded = item.sha256 {
                    // Compared in either case: PowerShell prints a sha256 in uppercase.
                    if actual != recorded.lowercased() {
                        check.state = .hashMismatch
                        check.problem = Message(DiagnosticCode.sha256Mismatch, item.file, recorded, actual, String(recorded.prefix(12)),
                                                String(actual.prefix(12)))
                        at = item.sha256Location ?? item.location
                    }
                } else {
                    check.state = .unchecked
                    // A workbook's sha256 is typed into its evidence row (evidence --fill edits only YAML).
                    let missing = item.location?.cell != nil
                        ? Message("evidence.sha256.missing-in-workbook", item.id, item.file, actual)
                        : Message(DiagnosticCode.sha256Missing, item.id, item.file, actual)
                    result.diagnostics.append(.warning(missing, at: item.location, path: path))
                }
            }
            if let problem = check.problem, check.state != .outsideFolder || !isWrittenOutside(item.file) {
                result.diagnostics.append(.error(problem, at: at, path: path))
            }
            result.files[item.id] = check
        }
        return result
    }
}

/// What checking a report's evidence found.
public struct EvidenceReport: Sendable {
    /// By evidence id.
    public var files: [String: EvidenceFileCheck] = [:]
    public var diagnostics: [Diagnostic] = []

    public init() {}

    public var states: [String: EvidenceFileState] { files.mapValues(\.state) }
}
