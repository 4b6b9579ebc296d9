import ArgumentParser
import ParkScore
import ParkScoreIO

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Explain a scorecard, or one gate, criterion or support measure of it: what it checks, its clause, its points or amount.",
        discussion: """
        Examples:
          parkscore explain beijing-digital-advertising-park
          parkscore explain beijing-digital-advertising-park G2
          parkscore explain nanshan-livestreaming --lang en
        """
    )

    @Argument(help: ArgumentHelp("Scorecard id (built-in) or path.", valueName: "scorecard"))
    var scorecard: String

    @Argument(help: ArgumentHelp("A gate or criterion id.", valueName: "criterion-id"))
    var criterion: String?

    @OptionGroup var language: LanguageOption
    var lang: LocalizedText.Language { language.resolved }

    @OptionGroup var options: CriteriaOption

    func run() throws {
        let workspace = try Workspace(criteria: options.criteria, language: lang)
        let dictionary = try workspace.dictionary()
        let scorecard = try workspace.scorecard(self.scorecard, dictionary: dictionary)
        let text = ScorecardText(messages: workspace.messages)
        guard let criterion else {
            Console.out(text.overview(scorecard))
            return
        }
        guard let detail = text.detail(scorecard, id: criterion) else {
            let ids = scorecard.gates.map(\.id) + scorecard.criteria.map(\.id) + scorecard.incentives.map(\.id)
            let messages = workspace.messages
            let said = Suggestion.closest(to: criterion, in: ids).map {
                messages("cli.explain.unknown_suggested", ["scorecard": scorecard.id, "id": criterion, "closest": $0])
            } ?? messages("cli.explain.unknown", ["scorecard": scorecard.id, "id": criterion])
            Console.error(said + "\n")
            throw ExitCode(1)
        }
        Console.out(detail)
    }
}
