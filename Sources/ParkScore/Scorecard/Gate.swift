/// A prerequisite: failing it makes the park ineligible (不予认定), or caps its grade.
public struct Gate: Sendable {
    public enum Effect: Sendable, Hashable {
        /// Failing the gate makes the park ineligible.
        case ineligible
        /// Failing the gate caps the grade at the band with this id.
        case capGrade(String)
    }

    /// What the gate rests on. A gate rests on a clause that states a condition (基本条件, 应当/须 with a threshold,
    /// 申报条件, 经认定的…): `text`. Anything else the scorecard keeps as a gate is its own proposal and says so:
    /// `proposal`. Guidance (一般要, 鼓励, 支持, 宜) is scored as criteria, not gated.
    public enum Basis: String, Sendable, Hashable, CaseIterable {
        /// The clause states the condition.
        case text
        /// The scorecard's own proposal: the text does not impose the condition.
        case proposal
    }

    public var id: String
    public var title: LocalizedText
    public var clause: Clause?
    public var basis: Basis
    public var condition: Expression
    public var effect: Effect
    public var evidence: EvidenceRequirement?
    public var examples: [ScorecardExample]
    public var location: SourceLocation?

    public init(id: String, title: LocalizedText, clause: Clause?, basis: Basis, condition: Expression, effect: Effect,
                evidence: EvidenceRequirement? = nil, examples: [ScorecardExample] = [], location: SourceLocation? = nil) {
        self.id = id
        self.title = title
        self.clause = clause
        self.basis = basis
        self.condition = condition
        self.effect = effect
        self.evidence = evidence
        self.examples = examples
        self.location = location
    }
}
