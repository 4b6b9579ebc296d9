import ArgumentParser
import Foundation
import ParkScore
import ParkScoreBatch
import ParkScoreDossier
import ParkScoreIO

struct Batch: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score a folder of applications: a dossier per park and scorecard, a ranking per scorecard (HTML, CSV, JSON, XLSX) and a list of problems.",
        discussion: """
        Each subfolder is one application: its self-report.yaml (or a workbook, self-report.xlsx or 申报表.xlsx), its evidence, and reviews/*.yaml (with reviews the \
        application is scored in evaluation mode). A broken application is reported and skipped; it never stops \
        the batch. Runs on every core; the output is the same whatever their number.

        Without --scorecard, each application is scored against the scorecards its self-report lists under \
        applies_to (--all says so explicitly). Output, per scorecard:
          <dir>/<scorecard>/ranking.html, ranking.csv, ranking.json, ranking.xlsx (up to 1,000 parks)
          <dir>/<scorecard>/dossiers/<park>.<scorecard>.<lang>.html and .json
        and <dir>/problems.txt for the whole run. The new output replaces the same scorecard's folder of an earlier \
        run as a whole, and only once every application is done: a batch that fails leaves the folder as it was.

        Examples:
          parkscore batch applications/ -o out/batch
          parkscore batch apps/ --scorecard beijing-digital-advertising-park -o bj
          parkscore batch applications/ --all --no-dossiers -o out/rankings

        Exit status: 0 every application scored; 2 some were skipped (see problems.txt); 1 the folder or \
        scorecard is unusable.
        """
    )

    @Argument(help: ArgumentHelp("The folder of applications.", valueName: "applications-dir"))
    var applications: String

    @Option(name: .long, help: ArgumentHelp("Scorecard id (built-in) or path; repeat for several.", valueName: "id|path"))
    var scorecard: [String] = []

    @Flag(name: .long, help: "Score each application against every scorecard its applies_to lists (the default without --scorecard).")
    var all = false

    @Option(name: [.short, .long], help: ArgumentHelp("Output folder (created if missing).", valueName: "dir"))
    var output: String

    @Flag(name: .customLong("no-dossiers"), help: "Rankings and problems only, no dossier per application.")
    var noDossiers = false

    @OptionGroup var language: LanguageOption
    var lang: LocalizedText.Language { language.resolved }

    @Option(name: .long, help: ArgumentHelp("Workers (default: one per core).", valueName: "n"))
    var jobs: Int = BatchOptions.defaultJobs

    @Option(name: .customLong("max-evidence-mib"), help: ArgumentHelp("Largest evidence file read, in MiB.", valueName: "mib"))
    var maxEvidenceMib: Int = EvidenceFolder.defaultMaxBytes >> 20

    @OptionGroup var options: CriteriaOption

    func validate() throws {
        if all && !scorecard.isEmpty { throw ValidationError("--all scores each application against its applies_to: drop --scorecard, or drop --all") }
        if !(1...BatchOptions.maxJobs).contains(jobs) { throw ValidationError("--jobs takes 1 to \(BatchOptions.maxJobs), not \(jobs)") }
        if !(1...(1 << 20)).contains(maxEvidenceMib) { throw ValidationError("--max-evidence-mib takes 1 to 1048576, not \(maxEvidenceMib)") }
    }

    func run() throws {
        let workspace = try Workspace(criteria: options.criteria, language: lang)
        let library = try workspace.library()
        // Every scorecard named must load before any application is read.
        for name in scorecard { _ = try workspace.require(library.scorecard(name)) }
        guard let folder = TemplatesFolder.locate() else {
            Console.error(workspace.messages("cli.no_templates") + "\n")
            throw ExitCode(1)
        }
        let templates: DossierTemplates
        switch DossierTemplates.load(folder) {
        case .success(let loaded): templates = loaded
        case .failure(let problem):
            workspace.report([problem])
            throw ExitCode(1)
        }
        let batch = BatchRun(
            options: BatchOptions(applications: applications, output: output, scorecards: scorecard, formats: noDossiers ? [] : [.html, .json],
                                  language: lang, jobs: jobs, evidenceLimit: maxEvidenceMib << 20),
            pipeline: AssessmentPipeline(criteria: library), renderer: DossierRenderer(templates: templates))
        let progress = ProgressLine(messages: workspace.messages)
        var report: (@Sendable (Int, Int) -> Void)?
        if progress.isShown { report = { @Sendable done, total in progress.update(done, total) } }
        let outcome = batch.run(progress: report)
        progress.clear()
        let summary: BatchSummary
        switch outcome {
        case .failure(let problem):
            workspace.report([problem])
            throw ExitCode(1)
        case .success(let s): summary = s
        }
        Console.out(Self.summaryText(summary, messages: workspace.messages))
        if !summary.skipped.isEmpty {
            Console.error(workspace.messages("batch.skipped", ["count": String(summary.skipped.count),
                                                              "file": TerminalText.escape(summary.problemsFile)]) + "\n")
            throw ExitCode(2)
        }
    }

    /// A few lines: the counts, then per scorecard the parks ranked, the first, and where the ranking is.
    static func summaryText(_ summary: BatchSummary, messages: Messages) -> String {
        var lines = [summary.line(messages)]
        for r in summary.rankings {
            var line = messages("batch.ranking", ["scorecard": r.scorecard, "title": r.title, "parks": String(r.parks)])
            if let top = r.top {
                let grade = top.standing.grade.map { messages("batch.first_grade", ["grade": $0]) } ?? ""
                line += messages("batch.first", ["park": top.parkName, "id": top.parkID, "total": top.standing.total.fixed(places: 2)]) + grade
            }
            lines.append(TerminalText.escape(line))
            lines.append("  → " + TerminalText.escape(r.folder + "/ranking.html"))
            if !r.workbook {
                lines.append("  " + messages("batch.no_workbook", ["limit": String(BatchRun.workbookRankingLimit), "file": "ranking.csv"]))
            }
        }
        if summary.withProblems + summary.skipped.count > 0 {
            let n = summary.withProblems + summary.skipped.count
            lines.append(messages("batch.with_problems", ["count": String(n), "file": TerminalText.escape(summary.problemsFile)]))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// `已处理 1200/10000` on standard error, rewritten in place at most five times a second, when it is a terminal.
final class ProgressLine: @unchecked Sendable {
    let messages: Messages
    let isShown = isatty(2) == 1
    private let lock = NSLock()
    private var last: UInt64 = 0
    private var shown = false

    init(messages: Messages) { self.messages = messages }

    func update(_ done: Int, _ total: Int) {
        let now = DispatchTime.now().uptimeNanoseconds
        lock.lock()
        defer { lock.unlock() }
        guard done == total || now - last > 200_000_000 else { return }
        last = now
        shown = true
        Console.error("\r" + messages("batch.progress", ["done": String(done), "total": String(total)]))
    }

    func clear() {
        lock.lock()
        defer { lock.unlock() }
        if shown { Console.error("\r\u{1B}[K") }
    }
}
