import ParkScore

/// A result's explanations worded once in one language: each gate's trace and each criterion's steps. The HTML
/// dossier and the JSON beside it show the same words; worded once, they are built once per dossier.
public struct ExplanationTexts: Sendable {
    public let language: LocalizedText.Language
    /// Each gate's explanation, in the result's gate order.
    public let gates: [String]
    /// Each criterion's steps, by dimension and criterion, in the result's order.
    public let criteria: [[[String]]]

    public init(_ result: ScoreResult, language: LocalizedText.Language) {
        self.language = language
        gates = result.gates.map(\.explanation)
        criteria = result.dimensions.map { d in d.criteria.map { c in c.explanation.map { $0.text(language) } } }
    }

    /// The steps of criterion `c` of dimension `d`.
    public func criterion(_ d: Int, _ c: Int) -> [String] { criteria[d][c] }
}
