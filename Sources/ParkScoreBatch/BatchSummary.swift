import ParkScore
import ParkScoreIO

/// What a batch came to, for the command to print: counts, and where each scorecard's ranking is.
public struct BatchSummary: Sendable {
    public struct RankingFiles: Sendable {
        public var scorecard: String
        public var title: String
        /// Parks ranked.
        public var parks: Int
        /// `<output>/<scorecard>`: ranking.html, ranking.csv, ranking.json, ranking.xlsx and dossiers/.
        public var folder: String
        public var top: Ranking.Entry?
        /// Whether ranking.xlsx was written (not above `BatchRun.workbookRankingLimit` parks).
        public var workbook = true
    }

    public var applications: Int
    /// Applications with at least one result.
    public var scored = 0
    /// Applications with no result, by folder name.
    public var skipped: [String] = []
    /// Scored applications with warnings (or an error for one of their scorecards).
    public var withProblems = 0
    public var rankings: [RankingFiles]
    public var problemsFile: String

    public init(applications: Int, rankings: [RankingFiles], problemsFile: String) {
        self.applications = applications
        self.rankings = rankings
        self.problemsFile = problemsFile
    }

    /// `共 3 份申报：评分 2 份，跳过 1 份。`
    public func line(_ messages: Messages) -> String {
        messages("batch.summary", ["applications": String(applications), "scored": String(scored), "skipped": String(skipped.count)])
    }
}
