import Foundation
import ZIPFoundation

/// An Office Open XML package (.xlsx, .docx) as the ZIP container holds it: named parts, written in the order given.
///
/// Deterministic: the same parts give the same bytes. Every entry carries the same timestamp (1980-01-01 00:00, the
/// first a ZIP can say, read in UTC by ZIPFoundation) and the same permissions, and parts are deflated.
public struct PackageWriter {
    /// The timestamp every entry carries.
    public static let timestamp = Date(timeIntervalSince1970: 315_532_800)

    public private(set) var parts: [(name: String, bytes: [UInt8], stored: Bool)] = []

    public init() {}

    /// Adds a part, deflated unless `stored` (an OpenDocument's `mimetype` must be stored as it is); a name given twice is
    /// a programming error in the writer that adds it.
    public mutating func add(_ name: String, _ bytes: [UInt8], stored: Bool = false) {
        precondition(!parts.contains { $0.name == name }, "part \(name) added twice")
        parts.append((name, bytes, stored))
    }

    public mutating func add(_ name: String, _ text: String, stored: Bool = false) {
        add(name, Array(text.utf8), stored: stored)
    }

    /// The package's bytes.
    public func bytes() throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        for part in parts {
            let data = Data(part.bytes)
            try archive.addEntry(with: part.name, type: .file, uncompressedSize: Int64(data.count), modificationDate: Self.timestamp,
                                 permissions: 0o644, compressionMethod: part.stored ? .none : .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw PackageWriterError.noData }
        return [UInt8](data)
    }
}

public enum PackageWriterError: Error {
    case noData
}
