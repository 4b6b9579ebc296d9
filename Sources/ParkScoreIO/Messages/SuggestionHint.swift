import ParkScore

// MIGRATION: the English "did you mean" of messages still worded in ParkScoreIO and the CLI (unknown fact, unknown
// field, unknown gate or criterion in `explain`). The engine gives the nearest name as data (`Suggestion.closest`);
// delete this once those messages are coded and the catalogue words the suggestion.
extension Suggestion {
    /// `" (did you mean 'x'?)"`, or nothing.
    public static func hint(for name: String, in candidates: some Sequence<String>) -> String {
        closest(to: name, in: candidates).map { " (did you mean '\($0)'?)" } ?? ""
    }
}
