import Foundation
import ParkScore
import ParkYAML

/// The bytes of one input file, read safely: regular files only (a FIFO or a device would hang),
/// and no larger than the YAML reader's limit.
public struct SourceFile: Sendable {
    /// The path as the user gave it, used in messages.
    public let path: String
    public let bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    public static func read(_ path: String, limit: Int = ParseLimits.default.maxInputBytes) -> Result<SourceFile, Diagnostic> {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .failure(.error("no such file '\(path)'", at: nil))
        }
        if isDirectory.boolValue {
            return .failure(.error("'\(path)' is a folder, not a file", at: nil))
        }
        guard let attributes = try? fm.attributesOfItem(atPath: path) else {
            return .failure(.error("cannot read '\(path)'", at: nil))
        }
        if let type = attributes[.type] as? FileAttributeType, type != .typeRegular {
            return .failure(.error("'\(path)' is not a regular file", at: nil))
        }
        if let size = attributes[.size] as? Int, size > limit {
            return .failure(.error("'\(path)' is \(size) bytes, more than the limit of \(limit)", at: nil))
        }
        guard let data = fm.contents(atPath: path) else {
            return .failure(.error("cannot read '\(path)'", at: nil))
        }
        return .success(SourceFile(path: path, bytes: Array(data)))
    }

    /// The document's one YAML node, or a diagnostic naming file, line and column.
    public func yamlDocument(limits: ParseLimits = .default) -> Result<Node, Diagnostic> {
        do {
            guard let node = try YAMLReader.document(bytes, limits: limits) else {
                return .failure(.error("file is empty", at: SourceLocation(file: path, line: 1, column: 1)))
            }
            if node.scalar?.isNull == true {
                return .failure(.error("file has no content", at: SourceLocation(file: path, line: node.mark.line, column: node.mark.column)))
            }
            return .success(node)
        } catch {
            let location = error.mark.map { SourceLocation(file: path, line: $0.line, column: $0.column) }
                ?? SourceLocation(file: path, line: 1, column: 1)
            return .failure(.error(error.message, at: location))
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
    func decodeDocument<T>(_ body: (Node, DocumentDecoder) -> Loaded<T>) -> Loaded<T> {
        switch yamlDocument() {
        case .failure(let d): return Loaded(value: nil, diagnostics: [d])
        case .success(let node): return body(node, DocumentDecoder(file: path))
        }
    }
}

/// A decoded value and every problem found on the way; `value` is nil when decoding could not finish.
public struct Loaded<Value> {
    public var value: Value?
    public var diagnostics: [Diagnostic]

    public init(value: Value?, diagnostics: [Diagnostic]) {
        self.value = value
        self.diagnostics = diagnostics
    }

    public var hasErrors: Bool { diagnostics.hasErrors }

    /// The value when there is one and no errors were found.
    public var validValue: Value? { hasErrors ? nil : value }
}

extension Loaded: Sendable where Value: Sendable {}
