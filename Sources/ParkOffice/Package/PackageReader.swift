import Foundation
import ZIPFoundation

/// An Office Open XML package read from untrusted bytes: the ZIP's directory checked when it is opened (how many
/// entries, whether any path could escape), each part inflated only when asked for, and every byte counted as it
/// inflates — per entry, in total, and against the entry's compressed size — so that a zip bomb or a header that lies
/// about sizes is refused part-way, in bounded memory and time.
public final class PackageReader {
    public let limits: PackageLimits
    private let archive: Archive
    private let inputSize: Int
    private var entries: [String: Entry] = [:]
    /// The entries' paths in the package's order.
    public private(set) var paths: [String] = []
    /// Bytes inflated so far, over every part read.
    public private(set) var totalInflated = 0

    /// Opens a package. Throws `OfficeReadError`: not a ZIP (or an old binary Office file), damaged, too large, too many
    /// entries, or an entry whose path is unsafe.
    public init(bytes: [UInt8], limits: PackageLimits = .default) throws {
        self.limits = limits
        guard bytes.count <= limits.maxInputBytes else {
            throw OfficeReadError.inputTooLarge(size: bytes.count, limit: limits.maxInputBytes)
        }
        switch PackageReader.kind(of: bytes) {
        case .zip: break
        case .compoundFile: throw OfficeReadError.compoundFile
        case .other: throw OfficeReadError.notAPackage
        }
        inputSize = bytes.count
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            throw OfficeReadError.damaged
        }
        // The directory, walked once; it stops at the limit, so a directory of a million entries costs no more.
        for entry in archive {
            guard paths.count < limits.maxEntries else { throw OfficeReadError.tooManyEntries(limit: limits.maxEntries) }
            let path = entry.path
            guard Self.isSafe(path), entry.type != .symlink else { throw OfficeReadError.unsafePath(path) }
            // Two entries of one name: which one an office program reads is not defined, so neither is taken.
            guard entries[path] == nil else { throw OfficeReadError.damaged }
            entries[path] = entry
            paths.append(path)
        }
    }

    /// What the first bytes say a file is.
    public enum Kind: Sendable, Equatable {
        case zip, compoundFile, other
    }

    /// `PK\3\4` (a ZIP with entries) or `PK\5\6` (an empty one); `D0 CF 11 E0` a Compound File (old .xls, or an
    /// encrypted .xlsx); anything else is not a package.
    public static func kind(of bytes: [UInt8]) -> Kind {
        let head = Array(bytes.prefix(4))
        if head == [0x50, 0x4B, 0x03, 0x04] || head == [0x50, 0x4B, 0x05, 0x06] { return .zip }
        if head == [0xD0, 0xCF, 0x11, 0xE0] { return .compoundFile }
        return .other
    }

    /// A path that stays inside the package: relative, no `..` component, no backslash (a Windows separator), no NUL,
    /// no drive letter, not empty.
    public static func isSafe(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\\"), !path.unicodeScalars.contains("\0") else { return false }
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        if components.contains(where: { $0 == ".." }) { return false }
        if let first = components.first, first.count == 2, first.hasSuffix(":") { return false }
        return true
    }

    public func contains(_ path: String) -> Bool { entries[path] != nil }

    /// A part's bytes, inflated under the limits; nil when the package has no such part. `watch` sees each chunk as it
    /// inflates and may throw to stop there (a sheet's rows are counted so, before the rest is inflated).
    public func part(_ path: String, watch: ((Data) throws -> Void)? = nil) throws -> [UInt8]? {
        guard let entry = entries[path] else { return nil }
        guard entry.type == .file else { return nil }
        // A header that admits to too much is refused before any work; one that lies is caught while inflating.
        if entry.uncompressedSize > UInt64(limits.maxEntryBytes) {
            throw OfficeReadError.entryTooLarge(entry: path, limit: limits.maxEntryBytes)
        }
        let compressed = max(1, min(Int(clamping: entry.compressedSize), inputSize))
        var out: [UInt8] = []
        out.reserveCapacity(min(Int(clamping: entry.uncompressedSize), 1 << 20))
        var count = 0
        let limits = self.limits
        let total = totalInflated
        do {
            _ = try archive.extract(entry, bufferSize: 16 * 1024) { chunk in
                count += chunk.count
                if count > limits.maxEntryBytes { throw OfficeReadError.entryTooLarge(entry: path, limit: limits.maxEntryBytes) }
                if total + count > limits.maxTotalBytes { throw OfficeReadError.totalTooLarge(limit: limits.maxTotalBytes) }
                if count > limits.ratioFloorBytes && count / compressed > limits.maxRatio {
                    throw OfficeReadError.compressionRatio(entry: path, limit: limits.maxRatio)
                }
                try watch?(chunk)
                out.append(contentsOf: chunk)
            }
        } catch let error as OfficeReadError {
            throw error
        } catch {
            throw OfficeReadError.damaged
        }
        totalInflated += count
        return out
    }

    /// A part that must be there.
    public func requiredPart(_ path: String) throws -> [UInt8] {
        guard let bytes = try part(path) else { throw OfficeReadError.missingPart(path) }
        return bytes
    }
}
