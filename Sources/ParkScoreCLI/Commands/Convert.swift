import ArgumentParser
import ParkScore
import ParkScoreIO

struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Turn a self-report workbook (申报表.xlsx) into the self-report YAML it stands for, or a YAML self-report into a filled-in workbook.",
        discussion: """
        The workbook is read as validate, score, dossier and batch read it: sheets by the marker in their A1 \
        cell, each filled cell written as a person would have written it in YAML (numbers exactly, dates as \
        YYYY-MM-DD, percentages as 42%, lists one item a line). Without -o, or with -o -, the YAML is printed. \
        An existing file is kept unless --force is given; the file is written whole or not at all.

        The other way, a YAML self-report and -o NAME.xlsx, writes the 申报表 of one scorecard (the report's \
        applies_to, or --scorecard when it names several) filled in with the report's facts, self-rating, N/A \
        claims and evidence: the same form 'parkscore template <scorecard> --format xlsx' writes blank. Converting \
        that workbook back gives a report with the same facts and the same scores. Ratings and N/A claims for \
        other scorecards are not in it.

        Examples:
          parkscore convert 申报表.xlsx -o self-report.yaml
          parkscore convert park/self-report.xlsx
          parkscore convert 申报表.xlsx --lang en -o -
          parkscore convert park/self-report.yaml -o 申报表.xlsx
          parkscore convert park/self-report.yaml --scorecard nanshan-livestreaming -o 申报表.xlsx
        """
    )

    @Argument(help: ArgumentHelp("The self-report workbook (.xlsx).", valueName: "workbook"))
    var input: String

    @Option(name: [.short, .long], help: ArgumentHelp("Write to this file instead of standard output ('-' prints).", valueName: "file"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("For YAML to a workbook: the scorecard whose form to fill (id or path); by default the report's applies_to.", valueName: "id|path"))
    var scorecard: String?

    @Flag(name: .long, help: "Replace the output file if it exists.")
    var force = false

    @OptionGroup var options: CriteriaOption

    @OptionGroup var language: LanguageOption
    var lang: LocalizedText.Language { language.resolved }

    func run() throws {
        let workspace = try Workspace(criteria: options.criteria, language: lang)
        let path = ApplicationInput.applicationReport(input)
        let file: SourceFile
        switch SourceFile.read(path) {
        case .failure(let d):
            workspace.report([d])
            throw ExitCode(1)
        case .success(let f): file = f
        }
        let target = output.flatMap { $0 == "-" ? nil : $0 }
        guard WorkbookSelfReport.isWorkbook(file) else {
            guard let target, target.lowercased().hasSuffix(".xlsx") else {
                workspace.report([.error(Message("workbook.convert.not-workbook", path, "-o 申报表.xlsx"), at: nil)])
                throw ExitCode(1)
            }
            try fillWorkbook(file, to: target, workspace: workspace)
            return
        }
        let converted = try workspace.require(WorkbookSelfReport.convert(file, dictionary: try workspace.dictionary()))
        let text = workspace.messages("workbook.convert.header", ["file": WorkbookSelfReport.comment(SourceFile.name(of: path))]) + "\n" + converted.yaml
        guard let target else {
            Console.out(text)
            return
        }
        if let problem = AtomicFile.write(text, to: target, existing: force ? .replace : .keep) {
            workspace.report([problem])
            throw ExitCode(1)
        }
    }

    /// YAML in, a filled-in 申报表 out: the report decoded and checked as validate checks it, then written by the
    /// template's own writer.
    func fillWorkbook(_ file: SourceFile, to target: String, workspace: Workspace) throws {
        let library = try workspace.library()
        let report = try workspace.require(SelfReportLoader.decode(file, dictionary: library.dictionary))
        let id: String
        if let scorecard {
            id = scorecard
        } else if report.appliesTo.count == 1, let only = report.appliesTo.first {
            id = only
        } else {
            let ids = workspace.messages.list(report.appliesTo)
            workspace.report([.error(Message("workbook.convert.which-scorecard", ids, "--scorecard"), at: nil)])
            throw ExitCode(64)
        }
        let scorecard = try workspace.require(library.scorecard(id)).scorecard
        // The self-assessment checked against the form's scorecard, as validate would: a rating the form cannot hold is
        // said now, not lost.
        _ = try workspace.require(Loaded(value: report, diagnostics: SelfReportLoader.check(report, dictionary: library.dictionary,
                                                                                       scorecards: [scorecard]),
                                     sources: [file]))
        switch SelfReportWorkbook(scorecard: scorecard, dictionary: library.dictionary, messages: workspace.messages, report: report).write() {
        case .failure(let problem):
            workspace.report([problem])
            throw ExitCode(1)
        case .success(let bytes):
            if let problem = AtomicFile.write(bytes, to: target, existing: force ? .replace : .keep) {
                workspace.report([problem])
                throw ExitCode(1)
            }
        }
    }
}
