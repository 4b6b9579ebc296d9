/// Bounds on a package read from untrusted bytes (an uploaded workbook). Sizes are counted while entries inflate, never
/// taken from the headers, which can lie.
public struct PackageLimits: Sendable, Equatable {
    /// The package's own size: the YAML reader's input limit, so that a workbook is taken wherever a YAML report is.
    public var maxInputBytes: Int
    /// Entries in the package. A workbook has a handful of parts per sheet; a thousand is far beyond any real one.
    public var maxEntries: Int
    /// Bytes one entry may inflate to. A 100,000-row sheet of a few cells fits; a bomb of gigabytes stops here.
    public var maxEntryBytes: Int
    /// Bytes all entries read may inflate to together.
    public var maxTotalBytes: Int
    /// Inflated bytes per compressed byte, checked once an entry passes `ratioFloorBytes` (XML compresses well, 10–30
    /// times; a bomb compresses a thousand times and more).
    public var maxRatio: Int
    /// Below this many inflated bytes an entry's ratio is not checked (a small part of repeated markup may compress 200
    /// times and still be harmless).
    public var ratioFloorBytes: Int

    public init(maxInputBytes: Int = 16 << 20, maxEntries: Int = 1_000, maxEntryBytes: Int = 64 << 20, maxTotalBytes: Int = 128 << 20,
                maxRatio: Int = 200, ratioFloorBytes: Int = 1 << 20) {
        self.maxInputBytes = maxInputBytes
        self.maxEntries = maxEntries
        self.maxEntryBytes = maxEntryBytes
        self.maxTotalBytes = maxTotalBytes
        self.maxRatio = maxRatio
        self.ratioFloorBytes = ratioFloorBytes
    }

    public static let `default` = PackageLimits()
}
