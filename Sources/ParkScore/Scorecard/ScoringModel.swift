/// How points, weights, N/A and gates combine into the total: named in the scorecard and printed with
/// every result, so nobody has to guess how a number came about (worded by the message catalogue's `model.`
/// section: `ScoringModelText` in ParkScoreIO).
public enum ScoringModel: String, Sendable, CaseIterable {
    case weightedDimensions = "weighted-dimensions"
}
