import ArgumentParser
import ParkScore
import ParkScoreIO

struct Score: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score a self-report against a scorecard.",
        discussion: """
        Prints the verdict, total, grade, every gate and criterion with its explanation, missing data, what \
        to improve first and the way to the next grade. Without --scorecard, the report is scored against each \
        scorecard listed under 'applies_to' in it, one result per scorecard.

        With reviews (--review FILE, --reviews DIR) the report is scored as an evaluation: every stage side by \
        side (自评分, 初审分, 评审分), every reviewer's findings and where each stands, then the final result.

        Examples:
          parkscore score park/self-report.yaml
          parkscore score park/self-report.yaml --reviews park/reviews
          parkscore score report.yaml --scorecard nanshan-livestreaming --format json
          parkscore score 申报表.xlsx
        """
    )

    @Argument(help: ArgumentHelp("The park's self-report: YAML, or a workbook (.xlsx) filled in from the template.", valueName: "self-report"))
    var report: String

    @OptionGroup var application: ApplicationOptions

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    @OptionGroup var language: LanguageOption
    var lang: LocalizedText.Language { language.resolved }

    @OptionGroup var options: CriteriaOption

    func run() throws {
        let workspace = try Workspace(criteria: options.criteria, language: lang)
        let pipeline = AssessmentPipeline(criteria: try workspace.library())
        let assessment = try workspace.assess(report: report, application: application, pipeline: pipeline)
        switch format {
        case .text:
            Console.out(assessment.results.map { ResultText(messages: workspace.messages).render($0) }.joined(separator: "\n"))
        case .json:
            let documents = assessment.results.map { ResultDocument($0, messages: workspace.messages) }
            Console.out(documents.count == 1 ? documents[0].encoded() : ResultDocument.encoded(documents))
        }
    }
}

extension ScoringMode: ExpressibleByArgument {}
