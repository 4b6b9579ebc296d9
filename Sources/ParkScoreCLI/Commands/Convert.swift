import ArgumentParser
import ParkScore
import ParkScoreIO

struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Turn a self-report workbook (申报表.xlsx) into the self-report YAML it stands for.",
        discussion: """
        The workbook is read as validate, score, dossier and batch read it: sheets by the marker in their A1 \
        cell, each filled cell written as a person would have written it in YAML (numbers exactly, dates as \
        YYYY-MM-DD, percentages as 42%, lists one item a line). Without -o, or with -o -, the YAML is printed. \
        An existing file is kept unless --force is given; the file is written whole or not at all.

        The other way (YAML to a workbook) is made by 'parkscore template <scorecard> --format xlsx'.

        Examples:
          parkscore convert 申报表.xlsx -o self-report.yaml
          parkscore convert park/self-report.xlsx
          parkscore convert 申报表.xlsx --lang en -o -
        """
    )

    @Argument(help: ArgumentHelp("The self-report workbook (.xlsx).", valueName: "workbook"))
    var input: String

    @Option(name: [.short, .long], help: ArgumentHelp("Write to this file instead of standard output ('-' prints).", valueName: "file"))
    var output: String?

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
            // YAML in: the workbook it would make is the template writer's (parkscore template --format xlsx).
            // The lead wires the template writer in here: YAML → 申报表.xlsx.
            let message = target.map { $0.lowercased().hasSuffix(".xlsx") } == true
                ? Message("workbook.convert.to-workbook", path, "parkscore template <scorecard> --format xlsx")
                : Message("workbook.convert.not-workbook", path)
            workspace.report([.error(message, at: nil)])
            throw ExitCode(1)
        }
        let converted = try workspace.require(WorkbookSelfReport.convert(file, dictionary: try workspace.dictionary()))
        let text = workspace.messages("workbook.convert.header", ["file": SourceFile.name(of: path)]) + "\n" + converted.yaml
        guard let target else {
            Console.out(text)
            return
        }
        if let problem = AtomicFile.write(text, to: target, existing: force ? .replace : .keep) {
            workspace.report([problem])
            throw ExitCode(1)
        }
    }
}
