import ParkScore

/// A result's explanations worded once in one language: each gate's trace and each criterion's steps, as exact
/// formulas (for auditors) and, given the fact dictionary, in plain language (for everyone else). The HTML dossier
/// and the JSON beside it show the same words; worded once, they are built once per dossier.
public struct ExplanationTexts: Sendable {
    public let language: LocalizedText.Language
    /// Each gate's explanation, the exact formula, in the result's gate order.
    public let gates: [String]
    /// Each criterion's steps, exact formulas, by dimension and criterion, in the result's order.
    public let criteria: [[[String]]]
    /// Each gate's explanation in plain language, when worded with a fact dictionary.
    public let plainGates: [String]?
    /// Each criterion's steps in plain language, when worded with a fact dictionary.
    public let plainCriteria: [[[String]]]?

    public init(_ result: ScoreResult, messages: Messages) {
        language = messages.language
        gates = result.gates.map(\.explanation)
        criteria = result.dimensions.map { d in d.criteria.map { c in c.explanation.map { $0.text(messages) } } }
        plainGates = nil
        plainCriteria = nil
    }

    /// The formulas and the plain-language sentences, worded with the fact dictionary's titles and units.
    public init(_ result: ScoreResult, scorecard: Scorecard, dictionary: FactDictionary, messages: Messages) {
        language = messages.language
        gates = result.gates.map(\.explanation)
        criteria = result.dimensions.map { d in d.criteria.map { c in c.explanation.map { $0.text(messages) } } }
        let plain = PlainExplanation(dictionary: dictionary, scorecard: scorecard, messages: messages)
        plainGates = result.gates.map { plain.sentence($0.trace) }
        plainCriteria = result.dimensions.map { d in
            d.criteria.map { c in plain.steps(c.explanation, criterion: scorecard.criterion(c.id)) }
        }
    }

    /// The steps of criterion `c` of dimension `d`.
    public func criterion(_ d: Int, _ c: Int) -> [String] { criteria[d][c] }

    /// The plain-language steps of criterion `c` of dimension `d`, or the formulas when there are none.
    public func plainCriterion(_ d: Int, _ c: Int) -> [String] { plainCriteria?[d][c] ?? criteria[d][c] }

    /// The plain-language explanation of gate `g`, or its formula when there is none.
    public func plainGate(_ g: Int) -> String { plainGates?[g] ?? gates[g] }
}
