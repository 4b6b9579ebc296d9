import Crypto
import Foundation
import ParkScore
import ParkYAML

/// The bytes of one input, read once: from a file (regular files only — a FIFO or a device would hang — and no
/// larger than the YAML reader's limit) or handed over in memory (a web upload). Everything downstream — parsing,
/// caret snippets, the audit's sha256 — uses these bytes, never the file again.
public struct SourceFile: Sendable {
    /// The path as the user gave it (or an upload's name), used in messages.
    public let path: String
    public let bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    /// Lowercase hex sha256 of the bytes.
    public var sha256: String { SHA256Text.of(bytes) }

    /// The file's name without its folder, for the audit appendix.
    public var name: String { Self.name(of: path) }

    /// A path's last component: `reviews/panel-1.yaml` → `panel-1.yaml`.
    public static func name(of path: String) -> String { path.split(separator: "/").last.map(String.init) ?? path }

    /// Reads a file with plain open, fstat and read (no look-up of owners or attributes): regular files only, and no
    /// more than `limit` bytes even if the file grows while it is read.
    public static func read(_ path: String, limit: Int = ParseLimits.default.maxInputBytes) -> Result<SourceFile, Diagnostic> {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT || errno == ENOTDIR { return .failure(.error(Message("file.missing", path), at: nil)) }
            return .failure(unreadable(path, errno))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(unreadable(path, errno)) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return .failure(.error(Message("file.folder", path), at: nil))
        default: return .failure(.error(Message("file.not-regular", path), at: nil))
        }
        if Int(info.st_size) > limit {
            return .failure(.error(Message("file.too-large", path, String(info.st_size), String(limit)), at: nil))
        }
        // One byte more than the size fstat gave, so that a file that grew is noticed without a second pass.
        var bytes = [UInt8](repeating: 0, count: min(limit, Int(info.st_size)) + 1)
        var count = 0
        while true {
            if count == bytes.count {
                guard bytes.count <= limit else {
                    return .failure(.error(Message("file.grew-too-large", path, String(limit)), at: nil))
                }
                bytes += [UInt8](repeating: 0, count: min(max(bytes.count, 4096), limit + 1 - bytes.count))
            }
            let n = bytes.withUnsafeMutableBytes { buffer in
                Foundation.read(fd, buffer.baseAddress! + count, buffer.count - count)
            }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(unreadable(path, errno))
            }
            if n == 0 { break }
            count += n
        }
        guard count <= limit else {
            return .failure(.error(Message("file.grew-too-large", path, String(limit)), at: nil))
        }
        bytes.removeLast(bytes.count - count)
        return .success(SourceFile(path: path, bytes: bytes))
    }

    /// A file the system would not let be read: permission refused, or another reason named by its `errno` symbol (an
    /// identifier, the same in every language; the system's own words for it are English).
    static func unreadable(_ path: String, _ number: Int32) -> Diagnostic {
        switch number {
        case EACCES, EPERM: return .error(Message("file.permission", path), at: nil)
        default: return .error(Message("file.unreadable", path, SystemError.name(number)), at: nil)
        }
    }

    /// The document's one YAML node, or a diagnostic naming file, line and column.
    public func yamlDocument(limits: ParseLimits = .default) -> Result<Node, Diagnostic> {
        do {
            guard let node = try YAMLReader.document(bytes, limits: limits) else {
                return .failure(.error(Message("file.empty"), at: SourceLocation(file: path, line: 1, column: 1)))
            }
            if node.scalar?.isNull == true {
                return .failure(.error(Message("file.no-content"), at: SourceLocation(file: path, line: node.mark.line, column: node.mark.column)))
            }
            return .success(node)
        } catch {
            return .failure(YAMLHint.diagnostic(for: error, in: bytes, path: path))
        }
    }
}

extension SourceFile {
    /// Reads the file at `path` and decodes it; a file that cannot be read is one diagnostic.
    static func load<T>(_ path: String, _ decode: (SourceFile) -> Loaded<T>) -> Loaded<T> {
        switch read(path) {
        case .failure(let d): return Loaded(value: nil, diagnostics: [d])
        case .success(let file): return decode(file)
        }
    }

    /// Parses the YAML and hands the root node and a fresh decoder to `body`; a YAML error is one diagnostic.
    /// The result carries these bytes, so its diagnostics' snippets come from them.
    /// `cells`: for YAML made from a workbook, the cell of each line (see `WorkbookSelfReport`).
    func decodeDocument<T>(cells: [Int: CellPlace] = [:], _ body: (Node, DocumentDecoder) -> Loaded<T>) -> Loaded<T> {
        var loaded: Loaded<T>
        switch yamlDocument() {
        case .failure(let d): loaded = Loaded(value: nil, diagnostics: [d])
        case .success(let node): loaded = body(node, DocumentDecoder(file: path, cells: cells))
        }
        loaded.sources.append(self)
        return loaded
    }
}

/// A decoded value and every problem found on the way; `value` is nil when decoding could not finish.
public struct Loaded<Value> {
    public var value: Value?
    public var diagnostics: [Diagnostic]
    /// The inputs read on the way, whose lines the diagnostics' snippets show.
    public var sources: [SourceFile]

    public init(value: Value?, diagnostics: [Diagnostic], sources: [SourceFile] = []) {
        self.value = value
        self.diagnostics = diagnostics
        self.sources = sources
    }

    public var hasErrors: Bool { diagnostics.hasErrors }

    /// The value when there is one and no errors were found.
    public var validValue: Value? { hasErrors ? nil : value }
}

extension Loaded: Sendable where Value: Sendable {}
