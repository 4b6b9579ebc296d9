import ArgumentParser
import ParkScore
import ParkScoreIO

struct Template: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a blank self-report for a scorecard, commented in Chinese (or English with --lang en), for a park to fill in.",
        discussion: """
        Every fact the scorecard reads is listed with its meaning, type, unit, allowed values and the gates and \
        criteria that use it. Blank values count as missing data, never as zero.

        Examples:
          parkscore template beijing-digital-advertising-park -o self-report.yaml
          parkscore template nanshan-livestreaming > 自评表.yaml
        """
    )

    @Argument(help: ArgumentHelp("Scorecard id (built-in) or path.", valueName: "scorecard"))
    var scorecard: String

    @Option(name: [.short, .long], help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Flag(name: .long, help: "Replace the output file if it exists.")
    var force = false

    @OptionGroup var options: CriteriaOption

    @OptionGroup var language: LanguageOption
    var lang: LocalizedText.Language { language.resolved }

    func run() throws {
        let workspace = try Workspace(criteria: options.criteria, language: lang)
        let dictionary = try workspace.dictionary()
        let scorecard = try workspace.scorecard(self.scorecard, dictionary: dictionary)
        let text = SelfReportTemplate(scorecard: scorecard, dictionary: dictionary, messages: workspace.messages).render()
        guard let output else {
            Console.out(text)
            return
        }
        if let problem = AtomicFile.write(text, to: output, existing: force ? .replace : .keep) {
            workspace.report([problem])
            throw ExitCode(1)
        }
    }
}
