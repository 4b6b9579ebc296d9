/// What evidence a gate or criterion needs (a licence, a contract, a list of tenants).
public struct EvidenceRequirement: Sendable, Hashable {
    public var description: LocalizedText
    public var location: SourceLocation?

    public init(description: LocalizedText, location: SourceLocation? = nil) {
        self.description = description
        self.location = location
    }
}
