import ArgumentParser
import Foundation
import ParkScore
import ParkScoreDossier
import ParkScoreIO

extension DossierFormat: ExpressibleByArgument {}

struct DossierCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "Write the graded evaluation dossier of a self-report: HTML, Markdown or JSON, in Chinese or English.",
        discussion: """
        With -o FILE, one format (from --format, or the file's extension); with -o DIR (an existing folder), \
        every format. Files are written whole or not at all. The dossier's date comes from --date, else the \
        report's report_date, else the end of its period — never the clock — so the same inputs give the same bytes.
        """
    )

    @Argument(help: ArgumentHelp("The park's self-report (YAML).", valueName: "self-report"))
    var report: String

    @Option(name: .long, help: ArgumentHelp("Scorecard id (built-in) or path; else the report's applies_to.", valueName: "id|path"))
    var scorecard: String?

    @Option(name: .long, help: "Format: html, md or json.")
    var format: DossierFormat?

    @Option(name: .long, help: "Language: zh or en.")
    var lang: LocalizedText.Language = .zh

    @Option(name: [.short, .long], help: ArgumentHelp("Output file, or an existing folder for all formats; standard output if absent.", valueName: "file|dir"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("The dossier's date, YYYY-MM-DD.", valueName: "date"))
    var date: String?

    @Option(name: .long, help: ArgumentHelp("A folder of templates to use instead of Templates/.", valueName: "dir"))
    var templates: String?

    @Option(name: .long, help: "self (the park's own assessment) or evaluation (with reviews).")
    var mode: ScoringMode = .selfAssessment

    @Option(name: .long, help: ArgumentHelp("A review file (evaluation mode); repeatable.", valueName: "review"))
    var review: [String] = []

    @OptionGroup var options: CriteriaOption

    func validate() throws {
        if !review.isEmpty && mode != .evaluation { throw ValidationError("--review needs --mode evaluation") }
        if let date, !DateText.isValid(date) { throw ValidationError("--date must be a date such as 2026-01-31, not '\(date)'") }
    }

    func run() throws {
        let workspace = try Workspace(criteria: options.criteria)
        guard let folder = TemplatesFolder.locate(explicit: templates) else {
            Console.error("error: cannot find the Templates folder; run from the repository or pass --templates DIR\n")
            throw ExitCode(1)
        }
        let loadedTemplates = DossierTemplates.load(folder)
        guard case .success(let dossierTemplates) = loadedTemplates else {
            if case .failure(let d) = loadedTemplates { workspace.report([d]) }
            throw ExitCode(1)
        }
        let dictionary = try workspace.dictionary()
        let reportLoad = SelfReportLoader.load(report, dictionary: dictionary)
        let value = try workspace.require(reportLoad)
        let name = scorecard ?? value.appliesTo.first
        guard let name else {
            throw ValidationError("no scorecard: pass --scorecard, or list it under 'applies_to' in '\(report)'")
        }
        let scorecard = try workspace.scorecard(name, dictionary: dictionary)
        _ = try workspace.require(Loaded(value: value, diagnostics: SelfReportValidation.checkAssessment(value, against: scorecard)))

        let evidenceFolder = EvidenceCheck.applicationFolder(of: report)
        let evidence = EvidenceCheck.check(value, folder: evidenceFolder)
        workspace.report(evidence.diagnostics.map(\.asWarning))
        let engine = ScoringEngine(dictionary: dictionary)
        var staged: StagedResult?
        if mode == .evaluation {
            let reviews = try workspace.reviews(review, scorecard: scorecard, report: value)
            staged = StagedEvaluation.evaluate(value, against: scorecard, engine: engine, reviews: reviews, evidenceFiles: evidence.states)
        }
        let result = staged?.final ?? engine.score(value, against: scorecard, options: ScoringOptions(evidenceFiles: evidence.states))
        let inputs = DossierInputs(
            date: date ?? value.reportDate ?? value.period.to,
            toolVersion: ParkScoreVersion.current,
            scorecardSHA256: InputFingerprints.sha256(ofFile: scorecard.file) ?? "",
            files: InputFingerprints.files(report: report, report: value, dictionary: workspace.catalog.dictionaryPath,
                                           scorecard: scorecard, reviews: review),
            evidenceFiles: evidence.states)
        let renderer = DossierRenderer(templates: dossierTemplates)
        func render(_ format: DossierFormat) -> String {
            renderer.render(format, result: result, scorecard: scorecard, report: value, dictionary: dictionary, inputs: inputs, language: lang,
                            staged: staged)
        }

        guard let output else {
            Console.out(render(format ?? .html))
            return
        }
        var isDirectory: ObjCBool = false
        var files: [(path: String, text: String)] = []
        if FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory), isDirectory.boolValue {
            let stem = value.park.id ?? URL(fileURLWithPath: evidenceFolder).lastPathComponent
            let formats = format.map { [$0] } ?? DossierFormat.allCases
            for f in formats {
                files.append((URL(fileURLWithPath: output).appendingPathComponent("\(stem).\(scorecard.id).\(lang.rawValue).\(f.fileExtension)").path, render(f)))
            }
        } else {
            let ext = URL(fileURLWithPath: output).pathExtension
            guard let f = format ?? DossierFormat(rawValue: ext == "markdown" ? "md" : ext) else {
                throw ValidationError("cannot tell the format of '\(output)': pass --format html, md or json")
            }
            files.append((output, render(f)))
        }
        var written: [String] = []
        for file in files {
            if let problem = AtomicFile.write(file.text, to: file.path) {
                for path in written { try? FileManager.default.removeItem(atPath: path) }
                workspace.report([problem])
                throw ExitCode(1)
            }
            written.append(file.path)
        }
    }
}
