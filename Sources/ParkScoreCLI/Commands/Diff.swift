import ArgumentParser
import ParkScore
import ParkScoreIO

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "One park across two reporting periods: what changed, criterion by criterion, and why."
    )

    @Argument(help: ArgumentHelp("The earlier self-report.", valueName: "old-report"))
    var old: String

    @Argument(help: ArgumentHelp("The later self-report.", valueName: "new-report"))
    var new: String

    @Option(name: .long, help: ArgumentHelp("Scorecard id (built-in) or path; else the new report's applies_to.", valueName: "id|path"))
    var scorecard: String?

    @Option(name: .long, help: "Language: zh or en.")
    var lang: LocalizedText.Language = .zh

    @OptionGroup var options: CriteriaOption

    func run() throws {
        let workspace = try Workspace(criteria: options.criteria)
        let dictionary = try workspace.dictionary()
        let newReport = try workspace.require(SelfReportLoader.load(new, dictionary: dictionary))
        guard let name = scorecard ?? newReport.appliesTo.first else {
            throw ValidationError("no scorecard: pass --scorecard, or list it under 'applies_to' in '\(new)'")
        }
        let scorecard = try workspace.scorecard(name, dictionary: dictionary)
        let oldReport = try workspace.require(SelfReportLoader.load(old, dictionary: dictionary, scorecards: [scorecard]))
        let engine = ScoringEngine(dictionary: dictionary)
        let diff = ReportDiff(old: engine.score(oldReport, against: scorecard), new: engine.score(newReport, against: scorecard))
        Console.out(DiffText(language: lang, dictionary: dictionary).render(diff, old: oldReport, new: newReport))
    }
}
