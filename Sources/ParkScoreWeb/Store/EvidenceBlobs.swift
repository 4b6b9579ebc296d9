import Crypto
import Foundation
import ParkScore
import ParkScoreIO

/// Evidence files, each kept once under its own sha256 (`ab/abcdef…`) in a folder of the server's: no name a user
/// chose is ever part of a path. A file is written to a new temporary name (`O_EXCL | O_NOFOLLOW`), hashed as it is
/// written, then linked into place; an existing file with that hash is the same content and is kept.
public struct EvidenceBlobs: Sendable {
    public let folder: String

    /// The largest evidence file the server takes (the office limit for a workbook is 16 MiB; a scanned licence or a
    /// tenant list rarely passes 20).
    public static let maxBytes = 32 << 20

    public enum Failure: Error, Sendable, Equatable {
        case tooLarge(limit: Int)
        case empty
        case io(String)
    }

    public init(folder: String) throws {
        self.folder = folder
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
    }

    /// Whether `text` is a sha256 as this store names files: 64 lowercase hex digits, nothing else.
    public static func isDigest(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    func path(of digest: String) -> String? {
        guard Self.isDigest(digest) else { return nil }
        return folder + "/" + digest.prefix(2) + "/" + digest
    }

    /// Stores `bytes`, returning their sha256.
    public func store(_ bytes: [UInt8]) throws(Failure) -> String {
        guard !bytes.isEmpty else { throw .empty }
        guard bytes.count <= Self.maxBytes else { throw .tooLarge(limit: Self.maxBytes) }
        let digest = SHA256Text.of(bytes)
        guard let final = path(of: digest) else { throw .io("digest") }
        let shard = folder + "/" + digest.prefix(2)
        if mkdir(shard, 0o700) != 0 && errno != EEXIST { throw .io("mkdir \(errno)") }
        if access(final, F_OK) == 0 { return digest }
        let temporary = shard + "/.incoming-" + UUID().uuidString
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .io("open \(errno)") }
        var written = 0
        let ok: Bool = bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return false }
            while written < raw.count {
                let n = write(fd, base + written, raw.count - written)
                if n <= 0 { return false }
                written += n
            }
            return fsync(fd) == 0
        }
        close(fd)
        guard ok else {
            unlink(temporary)
            throw .io("write")
        }
        // link() never replaces: a file that arrived meanwhile under the same hash is the same content.
        if link(temporary, final) != 0 && errno != EEXIST {
            unlink(temporary)
            throw .io("link \(errno)")
        }
        unlink(temporary)
        return digest
    }

    /// The content stored under `digest`, or nil when there is none (or the name is not a digest).
    public func read(_ digest: String) -> [UInt8]? {
        guard let path = path(of: digest) else { return nil }
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) <= Self.maxBytes else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var got = 0
        let ok: Bool = bytes.withUnsafeMutableBytes { raw in
            guard let base = raw.baseAddress else { return raw.count == 0 }
            while got < raw.count {
                let n = Foundation.read(fd, base + got, raw.count - got)
                if n <= 0 { return false }
                got += n
            }
            return true
        }
        return ok ? bytes : nil
    }

    public func exists(_ digest: String) -> Bool {
        guard let path = path(of: digest) else { return false }
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    }
}

/// An application's evidence as the pipeline sees it: each file path of the self-report (`evidence/<id>`) stands for a
/// stored file whose sha256 the server computed when it was uploaded.
public struct StoredEvidence: EvidenceSource {
    public let blobs: EvidenceBlobs
    /// Path in the self-report → sha256 of the stored content.
    public let files: [String: String]

    public init(blobs: EvidenceBlobs, files: [String: String]) {
        self.blobs = blobs
        self.files = files
    }

    public func fingerprint(_ file: String) -> EvidenceFileCheck {
        guard let digest = files[file], blobs.exists(digest) else {
            return EvidenceFileCheck(state: .missing, problem: Message("evidence.file.missing", file))
        }
        return EvidenceFileCheck(state: .verified, sha256: digest)
    }
}
