/// A prerequisite: failing it makes the park ineligible (不予认定), or caps its grade.
public struct Gate: Sendable {
    public enum Effect: Sendable, Hashable {
        /// Failing the gate makes the park ineligible.
        case ineligible
        /// Failing the gate caps the grade at the band with this id.
        case capGrade(String)
    }

    public var id: String
    public var title: LocalizedText
    public var clause: Clause?
    public var condition: Expression
    public var effect: Effect
    public var evidence: EvidenceRequirement?
    public var examples: [ScorecardExample]
    public var location: SourceLocation?

    public init(id: String, title: LocalizedText, clause: Clause?, condition: Expression, effect: Effect,
                evidence: EvidenceRequirement? = nil, examples: [ScorecardExample] = [], location: SourceLocation? = nil) {
        self.id = id
        self.title = title
        self.clause = clause
        self.condition = condition
        self.effect = effect
        self.evidence = evidence
        self.examples = examples
        self.location = location
    }
}
