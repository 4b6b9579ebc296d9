/// A small example a scorecard carries for a gate, criterion or incentive: some facts and what they must give.
/// One generic test runs every example of every scorecard.
public struct ScorecardExample: Sendable {
    public var facts: [String: Value]
    /// For a judged criterion: the self-rated level.
    public var rating: Int?
    public var expectedStatus: String?
    public var expectedPoints: Rational?
    /// For an incentive: the total in yuan, and per firm of the table (nil for a firm that gets nothing or is undetermined).
    public var expectedTotal: Rational?
    public var expectedFirms: [Rational?]?
    public var note: String?
    public var location: SourceLocation?

    public init(facts: [String: Value], rating: Int? = nil, expectedStatus: String?, expectedPoints: Rational?,
                expectedTotal: Rational? = nil, expectedFirms: [Rational?]? = nil, note: String? = nil, location: SourceLocation? = nil) {
        self.facts = facts
        self.rating = rating
        self.expectedStatus = expectedStatus
        self.expectedPoints = expectedPoints
        self.expectedTotal = expectedTotal
        self.expectedFirms = expectedFirms
        self.note = note
        self.location = location
    }
}
