import ArgumentParser
import ParkScore
import ParkScoreIO

struct Score: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score a self-report against a scorecard.",
        discussion: """
        Prints the verdict, total, grade, every gate and criterion with its explanation, missing data, what \
        to improve first and the way to the next grade. Without --scorecard, the report is scored against each \
        scorecard listed under 'applies_to' in it.
        """
    )

    @Argument(help: ArgumentHelp("The park's self-report (YAML).", valueName: "self-report"))
    var report: String

    @Option(name: .long, help: ArgumentHelp("Scorecard id (built-in) or path.", valueName: "id|path"))
    var scorecard: String?

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Option(name: .long, help: "Language of the text output: zh or en.")
    var lang: LocalizedText.Language = .zh

    @Option(name: .long, help: "self (the park's own assessment) or evaluation (with reviews).")
    var mode: ScoringMode = .selfAssessment

    @Option(name: .long, help: ArgumentHelp("A review file (evaluation mode); repeatable.", valueName: "review"))
    var review: [String] = []

    func validate() throws {
        if !review.isEmpty && mode != .evaluation { throw ValidationError("--review needs --mode evaluation") }
    }

    @OptionGroup var options: CriteriaOption

    func run() throws {
        let workspace = try Workspace(criteria: options.criteria)
        let dictionary = try workspace.dictionary()
        var scorecards: [Scorecard] = []
        var loaded: Loaded<SelfReport>
        if let name = scorecard {
            scorecards = [try workspace.scorecard(name, dictionary: dictionary)]
            loaded = SelfReportLoader.load(report, dictionary: dictionary, scorecards: scorecards)
        } else {
            loaded = SelfReportLoader.load(report, dictionary: dictionary)
            if let value = loaded.value {
                if value.appliesTo.isEmpty {
                    workspace.report(loaded.diagnostics)
                    throw ValidationError("no scorecard: pass --scorecard, or list the scorecards under 'applies_to' in '\(report)'")
                }
                for name in value.appliesTo {
                    let s = try workspace.scorecard(name, dictionary: dictionary)
                    scorecards.append(s)
                    loaded.diagnostics += SelfReportValidation.checkAssessment(value, against: s)
                }
                loaded.diagnostics = loaded.diagnostics.sortedForReport()
            }
        }
        let value = try workspace.require(loaded)
        // Evidence problems do not stop a self-assessment: they are shown, and the engine sees the file states.
        let evidence = EvidenceCheck.check(value, folder: EvidenceCheck.applicationFolder(of: report))
        workspace.report(evidence.diagnostics.map(\.asWarning))
        let engine = ScoringEngine(dictionary: dictionary)
        if mode == .evaluation {
            try evaluate(value, scorecards: scorecards, engine: engine, evidence: evidence.states, workspace: workspace)
            return
        }
        let options = ScoringOptions(evidenceFiles: evidence.states)
        let results = scorecards.map { engine.score(value, against: $0, options: options) }
        switch format {
        case .text:
            let texts = zip(results, scorecards).map { ResultText(language: lang).render($0, scorecard: $1, report: value) }
            Console.out(texts.joined(separator: "\n"))
        case .json:
            let documents = zip(results, scorecards).map {
                ResultDocument(result: $0, scorecard: $1, report: value, language: lang)
            }
            Console.out(documents.count == 1 ? documents[0].encoded() : ResultDocument.encoded(documents))
        }
    }

    /// Evaluation: every stage scored from the reviews, shown side by side, then the final stage in full.
    func evaluate(_ report: SelfReport, scorecards: [Scorecard], engine: ScoringEngine, evidence: [String: EvidenceFileState],
                  workspace: Workspace) throws {
        var outputs: [String] = []
        var documents: [ResultDocument] = []
        for scorecard in scorecards {
            let reviews = try workspace.reviews(review, scorecard: scorecard, report: report)
            let staged = StagedEvaluation.evaluate(report, against: scorecard, engine: engine, reviews: reviews, evidenceFiles: evidence)
            switch format {
            case .text:
                outputs.append(StagedText(language: lang).render(staged) + "\n" + ResultText(language: lang).render(staged.final, scorecard: scorecard, report: report))
            case .json:
                var document = ResultDocument(result: staged.final, scorecard: scorecard, report: report, language: lang)
                document.stages = StagesRef(staged)
                documents.append(document)
            }
        }
        switch format {
        case .text: Console.out(outputs.joined(separator: "\n"))
        case .json: Console.out(documents.count == 1 ? documents[0].encoded() : ResultDocument.encoded(documents))
        }
    }
}

extension ScoringMode: ExpressibleByArgument {}
