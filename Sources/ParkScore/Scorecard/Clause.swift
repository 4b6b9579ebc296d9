/// The place in the source text a gate or criterion rests on: the article, task or measure number,
/// and a short quote of the phrase, so a reader can check the line against the text.
public struct Clause: Sendable, Hashable {
    /// Article, task or measure: `二`, `任务3.2`, `第五条`.
    public var ref: String
    /// The phrase quoted verbatim from the source text.
    public var quote: String
    public var location: SourceLocation?

    public init(ref: String, quote: String, location: SourceLocation? = nil) {
        self.ref = ref
        self.quote = quote
        self.location = location
    }
}
