/// A small example a scorecard carries for a gate or criterion: some facts and what they must give.
/// One generic test runs every example of every scorecard.
public struct ScorecardExample: Sendable {
    public var facts: [String: Value]
    /// For a judged criterion: the self-rated level.
    public var rating: Int?
    public var expectedStatus: String?
    public var expectedPoints: Rational?
    public var note: String?
    public var location: SourceLocation?

    public init(facts: [String: Value], rating: Int? = nil, expectedStatus: String?, expectedPoints: Rational?,
                note: String? = nil, location: SourceLocation? = nil) {
        self.facts = facts
        self.rating = rating
        self.expectedStatus = expectedStatus
        self.expectedPoints = expectedPoints
        self.note = note
        self.location = location
    }
}
