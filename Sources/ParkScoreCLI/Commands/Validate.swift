import ArgumentParser
import ParkScore
import ParkScoreIO

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a self-report: fact types and bounds, unknown facts, evidence files and hashes, self-assessments.",
        discussion: """
        Evidence files are looked up relative to the folder of the self-report (the application folder) and \
        checked against their sha256. Without --scorecard, the self-assessment of every built-in scorecard the \
        report names is checked.
        """
    )

    @Argument(help: ArgumentHelp("The park's self-report (YAML).", valueName: "self-report"))
    var report: String

    @Option(name: .long, help: ArgumentHelp("Check against this scorecard (id or path); repeatable.", valueName: "id|path"))
    var scorecard: [String] = []

    @OptionGroup var options: CriteriaOption

    func run() throws {
        let workspace = try Workspace(criteria: options.criteria)
        let dictionary = try workspace.dictionary()
        var scorecards: [Scorecard] = []
        if scorecard.isEmpty {
            for path in workspace.catalog.scorecardPaths() {
                if let s = ScorecardLoader.load(path, dictionary: dictionary).validValue { scorecards.append(s) }
            }
        } else {
            for name in scorecard { scorecards.append(try workspace.scorecard(name, dictionary: dictionary)) }
        }
        var loaded = SelfReportLoader.load(report, dictionary: dictionary, scorecards: scorecards)
        if let value = loaded.value {
            loaded.diagnostics += SelfReportValidation.checkAssessmentScorecards(value, known: scorecards.map(\.id))
            loaded.diagnostics += EvidenceCheck.check(value, folder: EvidenceCheck.applicationFolder(of: report)).diagnostics
            loaded.diagnostics = loaded.diagnostics.sortedForReport()
        }
        let value = try workspace.require(loaded)
        let warnings = loaded.diagnostics.filter { $0.severity == .warning }.count
        Console.out("\(report): valid (\(value.facts.count) facts, \(value.evidence.count) evidence entries"
                    + (warnings > 0 ? ", \(warnings) warning\(warnings == 1 ? "" : "s"))\n" : ")\n"))
    }
}
