import ArgumentParser
import ParkScore
import ParkScoreIO

struct Score: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score a self-report against a scorecard.",
        discussion: "Prints the verdict, total, grade, every gate and criterion with its explanation, missing data, what to improve first and the way to the next grade."
    )

    @Argument(help: ArgumentHelp("The park's self-report (YAML).", valueName: "self-report"))
    var report: String

    @Option(name: .long, help: ArgumentHelp("Scorecard id (built-in) or path.", valueName: "id|path"))
    var scorecard: String

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Option(name: .long, help: "Language of the text output: zh or en.")
    var lang: LocalizedText.Language = .zh

    @OptionGroup var options: CriteriaOption

    func run() throws {
        let workspace = try Workspace(criteria: options.criteria)
        let dictionary = try workspace.dictionary()
        let scorecard = try workspace.scorecard(self.scorecard, dictionary: dictionary)
        let report = try workspace.require(SelfReportLoader.load(self.report, dictionary: dictionary, scorecards: [scorecard]))
        let result = ScoringEngine(dictionary: dictionary).score(report, against: scorecard)
        switch format {
        case .text: Console.out(ResultText(language: lang).render(result, scorecard: scorecard, report: report))
        case .json: Console.out(ResultDocument(result: result, scorecard: scorecard, report: report, language: lang).encoded())
        }
    }
}
