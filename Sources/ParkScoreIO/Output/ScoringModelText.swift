import ParkScore

/// The scoring model in words, from the catalogue (`model.…`): printed with every result, every scorecard's
/// explanation and in the dossier.
public enum ScoringModelText {
    public static func summary(_ model: ScoringModel, messages: Messages) -> [String] {
        switch model {
        case .weightedDimensions:
            return [
                messages("model.weighted_dimensions.s1", ["id": model.rawValue]),
                messages("model.weighted_dimensions.s2"),
                messages("model.weighted_dimensions.s3"),
                messages("model.weighted_dimensions.s4"),
                messages("model.weighted_dimensions.s5"),
                messages("model.weighted_dimensions.s6"),
            ]
        }
    }
}
