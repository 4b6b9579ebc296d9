/// The policy text a scorecard is written from.
public struct SourceText: Sendable, Hashable {
    /// File name of the text in the seeds folder, e.g. `000_635c0f08b529d72c.txt`.
    public var file: String
    public var title: String
    public var jurisdiction: LocalizedText
    /// The issuing level, e.g. municipal, district, provincial.
    public var level: String?
    /// Who issued (or drafted) the text, where the text names it; else documents cite the jurisdiction.
    public var issuer: LocalizedText?

    public init(file: String, title: String, jurisdiction: LocalizedText, level: String? = nil, issuer: LocalizedText? = nil) {
        self.file = file
        self.title = title
        self.jurisdiction = jurisdiction
        self.level = level
        self.issuer = issuer
    }
}
