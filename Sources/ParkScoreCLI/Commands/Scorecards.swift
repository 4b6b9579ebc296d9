import ArgumentParser
import ParkScore
import ParkScoreIO

struct Scorecards: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the built-in scorecards: id, version, title, the policy text each is written from and who issued it.",
        discussion: """
        The built-in scorecards are the files in Criteria/ (or --criteria DIR); name one by its id in score, \
        dossier, template, explain and batch.

        Examples:
          parkscore scorecards
          parkscore scorecards --lang en
          parkscore scorecards --format json
        """
    )

    @Option(name: .long, help: "Output: text or json (titles in both languages).")
    var format: OutputFormat = .text

    @OptionGroup var language: LanguageOption
    var lang: LocalizedText.Language { language.resolved }

    @OptionGroup var options: CriteriaOption

    func run() throws {
        let workspace = try Workspace(criteria: options.criteria, language: lang)
        let library = try workspace.library()
        let loaded = library.builtInScorecards()
        // A broken scorecard is reported; the others are still listed.
        workspace.report(loaded.diagnostics, sources: loaded.sources)
        let list = ScorecardList(loaded.value ?? [])
        Console.out(format == .json ? list.json() : list.text(workspace.messages))
        if loaded.diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
    }
}
