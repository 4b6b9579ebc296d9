import ArgumentParser
import ParkScore
import ParkScoreIO

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a self-report (and its reviews): fact types and bounds, unknown facts, evidence files and hashes, self-assessments.",
        discussion: """
        Evidence files are looked up relative to the folder of the self-report (the application folder) and \
        checked against their sha256 (in either case). The report is checked against the scorecards named with \
        --scorecard, else those under its 'applies_to', else every built-in scorecard. Review files given with \
        --review or --reviews are checked too: against their scorecard, the report, and each other (a reviewer \
        counts once).

        Completeness is checked against the scorecards named with --scorecard or under 'applies_to': a gate \
        that cannot be decided for want of facts is an error (the report is not valid until it can be), a \
        criterion that cannot be scored a warning, each naming the facts it lacks.

        Examples:
          parkscore validate park/self-report.yaml
          parkscore validate report.yaml --scorecard zhejiang-audiovisual-base
          parkscore validate park/self-report.yaml --reviews park/reviews
          parkscore validate 申报表.xlsx
        """
    )

    @Argument(help: ArgumentHelp("The park's self-report: YAML, or a workbook (.xlsx) filled in from the template.", valueName: "self-report"))
    var report: String

    @OptionGroup var application: ApplicationOptions

    @OptionGroup var options: CriteriaOption

    @OptionGroup var language: LanguageOption
    var lang: LocalizedText.Language { language.resolved }

    func run() throws {
        let workspace = try Workspace(criteria: options.criteria, language: lang)
        let library = try workspace.library()
        let pipeline = AssessmentPipeline(criteria: library)
        // A review file that cannot be read is reported with everything else, not in a round of its own.
        let read = ApplicationInput.read(report: report, reviews: application.review, reviewFolders: application.reviews,
                                         evidenceLimit: application.evidenceLimit)
        guard let input = read.value else { _ = try workspace.require(read); return }
        var assessmentOptions = AssessmentOptions(scorecards: application.scorecard, mode: application.effectiveMode,
                                                  fallbackScorecards: library.catalog.scorecardPaths())
        assessmentOptions.evidenceProblemsAreErrors = true
        let loaded = pipeline.assess(input, options: assessmentOptions)
        var diagnostics = read.diagnostics + loaded.diagnostics
        var undecided = 0
        if let value = loaded.value {
            // Completeness: a gate that cannot be decided is an error (the application cannot be assessed), a criterion
            // that cannot be scored a warning; each names the facts it lacks.
            // Only against the scorecards the park applies under (or named): checked against every built-in one for want
            // of applies_to, a report would be incomplete for scorecards it never meant to meet.
            let chosen = !application.scorecard.isEmpty || !value.report.appliesTo.isEmpty
            for result in value.results where chosen {
                let found = SelfReportValidation.checkCompleteness(result.result, report: value.report)
                undecided += found.filter { $0.code == DiagnosticCode.criterionUndecided }.count
                diagnostics += found
            }
            diagnostics += SelfReportValidation.checkAssessmentScorecards(value.report, known: library.catalog.scorecardIDs + value.results.map(\.scorecard.id))
            // In an evaluation, what the evidence leaves unsubstantiated is worth a warning before anyone scores it.
            for result in value.results where result.mode == .evaluation {
                for item in result.result.corrections {
                    let words = FindingText(messages: workspace.messages).correction(item)
                    // The correction is worded already, in the command's language: the message quotes it.
                    diagnostics.append(.warning(Message("cli.validate.correction", result.scorecard.id, words),
                                                at: SourceLocation(file: input.selfReport.path, line: 1, column: 1)))
                }
            }
        }
        let checked = Loaded(value: loaded.value, diagnostics: diagnostics.sortedForReport(), sources: loaded.sources)
        let value = try workspace.require(checked)
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        let messages = workspace.messages
        let reviews = value.reviews.isEmpty ? "" : messages("cli.validate.reviews", ["n": String(value.reviews.count)])
        let warned = warnings == 0 ? "" : messages("cli.validate.warnings", ["n": String(warnings)])
        let incomplete = undecided == 0 ? "" : messages("cli.validate.incomplete", ["n": String(undecided)])
        Console.out(messages("cli.validate.valid", ["file": report, "facts": String(value.report.facts.count),
                                                    "evidence": String(value.report.evidence.count), "reviews": reviews,
                                                    "warnings": warned, "incomplete": incomplete]) + "\n")
    }
}
