/// Bounds the reader enforces while it pulls events from libyaml, so that a hostile document is
/// refused early with a clear message instead of exhausting time or memory.
///
/// libyaml 0.2.5 has no nesting limit of its own and slows quadratically on deeply nested flow
/// collections; stopping at `maxDepth` keeps the work it does before the refusal small.
public struct ParseLimits: Sendable, Equatable {
    /// Largest input in bytes.
    public var maxInputBytes: Int
    /// Deepest nesting of sequences and mappings.
    public var maxDepth: Int
    /// Most nodes written in the text (scalars, sequences, mappings and aliases).
    public var maxNodes: Int
    /// Most nodes the document may hold once every alias is expanded.
    public var maxExpandedNodes: Int

    public init(maxInputBytes: Int = 16 << 20, maxDepth: Int = 256, maxNodes: Int = 1_000_000,
                maxExpandedNodes: Int = 2_000_000) {
        self.maxInputBytes = maxInputBytes
        self.maxDepth = maxDepth
        self.maxNodes = maxNodes
        self.maxExpandedNodes = maxExpandedNodes
    }

    public static let `default` = ParseLimits()
}
