/// One document a park offers as evidence: a file inside its application folder and what it supports.
public struct Evidence: Sendable, Hashable {
    public var id: String
    public var title: String
    /// Path of the file relative to the application folder.
    public var file: String
    /// The file's sha256, hex (in either case: PowerShell prints it uppercase), as the park recorded it.
    public var sha256: String?
    /// Fact keys and criterion or gate ids the document supports.
    public var supports: [String]
    public var location: SourceLocation?
    /// Where the `file` and `sha256` values are written, for messages about them.
    public var fileLocation: SourceLocation?
    public var sha256Location: SourceLocation?

    public init(id: String, title: String, file: String, sha256: String? = nil, supports: [String] = [],
                location: SourceLocation? = nil) {
        self.id = id
        self.title = title
        self.file = file
        self.sha256 = sha256
        self.supports = supports
        self.location = location
    }
}

/// What checking an evidence file found (done outside the engine, which does no I/O).
public enum EvidenceFileState: String, Sendable, Hashable {
    /// The file exists inside the application folder and matches its sha256.
    case verified
    /// The file exists but no sha256 was recorded to check it against.
    case unchecked
    /// No such file inside the application folder.
    case missing
    /// The file's content does not match the recorded sha256.
    case hashMismatch
    /// The path leaves the application folder.
    case outsideFolder
    /// An evaluator rejected the document (the review gives the reason).
    case rejected
    /// The path names a folder, a FIFO or a device, not a file.
    case notAFile = "not-a-file"
    /// The file is larger than the evidence size limit.
    case tooLarge = "too-large"
}
