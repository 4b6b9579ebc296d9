import ArgumentParser
import Foundation
import ParkScore
import ParkScoreIO

struct EvidenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evidence",
        abstract: "Check a self-report's evidence files against their sha256, or fill the sha256 values in.",
        discussion: """
        Evidence files are looked up relative to the folder of the self-report (the application folder); a path \
        that leads outside it is refused. Without --fill, each entry is listed with what its file is: ok, no \
        sha256 yet (the file's is shown), stale (the recorded sha256 does not match), or a problem; the exit \
        status is 1 when any entry is not ok. A sha256 is compared in either case (PowerShell prints uppercase).

        With --fill, every missing or stale sha256 is computed and written into the self-report in place: the \
        value is replaced where it stands, or a 'sha256:' line is added under the entry's 'file:'. Nothing else \
        in the file changes (comments, quoting, line breaks). The file is replaced whole or not at all, never \
        through a symbolic link. An entry whose file cannot be hashed is reported and left alone (exit status 1).

        Examples:
          parkscore evidence park/self-report.yaml
          parkscore evidence park/self-report.yaml --fill

        A workbook (申报表.xlsx) is not edited: check its evidence with 'parkscore validate 申报表.xlsx', or convert \
        it to YAML first ('parkscore convert 申报表.xlsx -o self-report.yaml').
        """
    )

    @Argument(help: ArgumentHelp("The park's self-report (YAML).", valueName: "self-report"))
    var report: String

    @Flag(name: .long, help: "Write missing or stale sha256 values into the self-report.")
    var fill = false

    @Option(name: .long, help: ArgumentHelp("The largest evidence file to hash, in MiB.", valueName: "MiB"))
    var maxEvidenceMib: Int = EvidenceFolder.defaultMaxBytes >> 20

    @OptionGroup var language: LanguageOption
    var lang: LocalizedText.Language { language.resolved }

    func validate() throws {
        if !(1...(1 << 20)).contains(maxEvidenceMib) { throw ValidationError("--max-evidence-mib takes 1 to 1048576, not \(maxEvidenceMib)") }
    }

    func run() throws {
        // An application folder stands for its self-report.yaml, as everywhere else.
        let reportPath = ApplicationInput.applicationReport(self.report)
        let messages = try Workspace.messages(lang)
        let renderer = DiagnosticRenderer(messages: messages)
        func report(_ diagnostics: [Diagnostic], _ sources: [SourceFile]) {
            if !diagnostics.isEmpty { Console.error(renderer.rendering(diagnostics.sortedForReport(), sources: sources)) }
        }
        // Refused before anything is read: the report is replaced in place, so it must be a regular file, not a link.
        if fill, let refusal = AtomicFile.refusal(reportPath) {
            report([refusal], [])
            throw ExitCode(1)
        }
        let file: SourceFile
        switch SourceFile.read(reportPath) {
        case .failure(let d):
            report([d], [])
            throw ExitCode(1)
        case .success(let f): file = f
        }
        // A workbook is not edited in place (its sha256 cells are the park's to fill), nor listed here: `validate`
        // checks a workbook's evidence files and hashes, cell by cell.
        if WorkbookSelfReport.isWorkbook(file) {
            let message = fill ? Message("workbook.evidence-fill", reportPath, "parkscore convert " + reportPath + " -o self-report.yaml")
                : Message("workbook.evidence-list", reportPath, "parkscore validate " + reportPath)
            report([.error(message, at: nil)], [])
            throw ExitCode(1)
        }
        let planned = EvidenceHashFill.plan(file, evidence: EvidenceFolder(ofReport: reportPath, maxBytes: maxEvidenceMib << 20))
        report(planned.diagnostics, planned.sources)
        guard let plan = planned.value else { throw ExitCode(1) }
        var lines: [String] = []
        var notOK = false
        for entry in plan.entries {
            let values = ["id": entry.id, "file": entry.file]
            switch entry.outcome {
            case .unchanged:
                lines.append(messages("cli.evidence.ok", values))
            case .added(let hash):
                lines.append(fill ? messages.message(Message(DiagnosticCode.sha256Filled, entry.id, hash, entry.file))
                                  : messages("cli.evidence.unset", values.merging(["hash": hash]) { $1 }))
                notOK = true
            case .replaced(let old, let new):
                lines.append(fill ? messages.message(Message(DiagnosticCode.sha256Replaced, entry.id, old, new, entry.file))
                                  : messages("cli.evidence.stale", values.merging(["old": old, "new": new]) { $1 }))
                notOK = true
            case .refused:
                lines.append(messages("cli.evidence.refused", values))
                notOK = true
            }
        }
        let refused = plan.entries.contains { if case .refused = $0.outcome { true } else { false } }
        if fill {
            if plan.changed {
                // The report keeps its permissions (a report readable by its owner only stays so).
                var info = stat()
                let mode = lstat(reportPath, &info) == 0 ? info.st_mode & 0o7777 : nil
                if let problem = AtomicFile.write(plan.bytes, to: reportPath, mode: mode) {
                    report([problem], [])
                    throw ExitCode(1)
                }
                lines.append(messages("cli.evidence.written", ["file": reportPath]))
            } else {
                lines.append(messages("cli.evidence.unchanged", ["file": reportPath]))
            }
        }
        Console.out(TerminalText.lines(lines) + "\n")
        if refused || (!fill && notOK) { throw ExitCode(1) }
    }
}
