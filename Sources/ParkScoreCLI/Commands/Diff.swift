import ArgumentParser
import ParkScore
import ParkScoreIO

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "One park across two reporting periods: what changed, criterion by criterion, and why.",
        discussion: """
        Examples:
          parkscore diff 2024/self-report.yaml 2025/self-report.yaml
          parkscore diff 2024/self-report.yaml 2025/self-report.yaml --lang en
        """
    )

    @Argument(help: ArgumentHelp("The earlier self-report.", valueName: "old-report"))
    var old: String

    @Argument(help: ArgumentHelp("The later self-report.", valueName: "new-report"))
    var new: String

    @Option(name: .long, help: ArgumentHelp("Scorecard id (built-in) or path; repeatable. Default: the new report's applies_to, one diff per scorecard.", valueName: "id|path"))
    var scorecard: [String] = []

    @OptionGroup var language: LanguageOption
    var lang: LocalizedText.Language { language.resolved }

    @OptionGroup var options: CriteriaOption

    func run() throws {
        let workspace = try Workspace(criteria: options.criteria, language: lang)
        let library = try workspace.library()
        let pipeline = AssessmentPipeline(criteria: library)
        let newAssessment = try workspace.require(pipeline.assess(try workspace.require(ApplicationInput.read(report: new)),
                                                                  options: AssessmentOptions(scorecards: scorecard)))
        // The earlier report is scored against the same scorecards as the later one.
        let ids = newAssessment.results.map(\.scorecard.id)
        let oldAssessment = try workspace.require(pipeline.assess(try workspace.require(ApplicationInput.read(report: old)),
                                                                  options: AssessmentOptions(scorecards: scorecard.isEmpty ? ids : scorecard)))
        var texts: [String] = []
        for (before, after) in zip(oldAssessment.results, newAssessment.results) {
            let diff = ReportDiff(old: before.result, new: after.result)
            texts.append("\(after.scorecard.title.text(lang)) (\(after.scorecard.id))\n"
                         + DiffText(messages: workspace.messages, dictionary: library.dictionary).render(diff, old: oldAssessment.report, new: newAssessment.report))
        }
        Console.out(texts.joined(separator: "\n"))
    }
}
