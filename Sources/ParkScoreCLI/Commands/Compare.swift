import ArgumentParser
import Foundation
import ParkScore
import ParkScoreDossier
import ParkScoreIO

enum ComparisonFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, html, xlsx
}

struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare parks against one scorecard: ranks (ties share a rank), totals, dimension matrix, best park per criterion.",
        // A report with a reviews/ folder beside it is compared by its evaluation, as batch does.
        discussion: """
        CSV is UTF-8 with a byte-order mark, so Excel opens it with the Chinese intact. XLSX is an Excel workbook with a \
        sheet per view (ranking, dimensions, criteria, best per criterion), numbers as numbers and the heat map as cell \
        fills; it is binary, so it goes to a file (-o) or a redirected standard output, never to a terminal.

        Examples:
          parkscore compare a/self-report.yaml b/self-report.yaml \\
              --scorecard beijing-digital-advertising-park
          parkscore compare */self-report.yaml \\
              --scorecard beijing-digital-advertising-park --format csv -o 排名.csv
          parkscore compare */self-report.yaml \\
              --scorecard beijing-digital-advertising-park --format html -o ranking.html
          parkscore compare */self-report.yaml \\
              --scorecard beijing-digital-advertising-park --format xlsx -o 排名.xlsx
        """
    )

    @Argument(help: ArgumentHelp("Self-reports: YAML, or workbooks (.xlsx) filled in from the template.", valueName: "self-report"))
    var reports: [String]

    @Option(name: .long, help: ArgumentHelp("Scorecard id (built-in) or path.", valueName: "id|path"))
    var scorecard: String

    @Option(name: .long, help: "table, csv, html or xlsx (an Excel workbook; needs -o or a redirected output). By default the -o file's extension (.csv, .html, .xlsx), else table.")
    var format: ComparisonFormat?

    /// The format asked for, else the one the output file's name says (`排名.xlsx`), else the table: a file named .xlsx
    /// never holds text.
    var resolvedFormat: ComparisonFormat {
        if let format { return format }
        switch output.map({ URL(fileURLWithPath: $0).pathExtension.lowercased() }) {
        case "xlsx": return .xlsx
        case "csv": return .csv
        case "html", "htm": return .html
        default: return .table
        }
    }

    @OptionGroup var language: LanguageOption
    var lang: LocalizedText.Language { language.resolved }

    @Option(name: [.short, .long], help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    @OptionGroup var options: CriteriaOption

    func run() throws {
        let workspace = try Workspace(criteria: options.criteria, language: lang)
        // A workbook is binary: said before anything is scored.
        let format = resolvedFormat
        if format == .xlsx, output == nil, isatty(1) == 1 {
            Console.error(workspace.messages("sheet.cli.xlsx_terminal") + "\n")
            throw ExitCode(64)
        }
        let library = try workspace.library()
        let scorecard = try workspace.require(library.scorecard(self.scorecard)).scorecard
        let pipeline = AssessmentPipeline(criteria: library)
        var parks: [(id: String, name: String, result: ScoreResult)] = []
        var seen = Set<String>()
        for path in reports where !seen.insert(URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path).inserted {
            Console.error(workspace.messages("cli.compare.given_twice", ["path": TerminalText.escape(path)]) + "\n")
        }
        seen = []
        for path in reports where seen.insert(URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path).inserted {
            // Like batch: reviews/ beside a report make it an evaluation.
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
            let reviewFolders: [String]
            switch ReviewFolder.of(application: folder) {
            case .success(let folders): reviewFolders = folders
            case .failure(let problem):
                workspace.report([problem])
                throw ExitCode(1)
            }
            let input = try workspace.require(ApplicationInput.read(report: path, reviewFolders: reviewFolders))
            let assessment = try workspace.require(pipeline.assess(input, options: AssessmentOptions(scorecards: [self.scorecard])))
            let report = assessment.report
            let id = report.park.id ?? URL(fileURLWithPath: path).deletingLastPathComponent().lastPathComponent
            let name = lang == .en ? (report.park.nameEn ?? report.park.name) : report.park.name
            for result in assessment.results { parks.append((id, name, result.result)) }
        }
        let ranking = Ranking(scorecard: scorecard, parks: parks)
        let text: String
        switch format {
        case .xlsx:
            try write(RankingWorkbook(ranking: ranking, messages: workspace.messages).bytes(), workspace: workspace)
            return
        case .table: text = RankingTable(ranking: ranking, messages: workspace.messages).text
        case .csv: text = RankingTable(ranking: ranking, messages: workspace.messages).csv
        case .html:
            guard let folder = TemplatesFolder.locate(), case .success(let templates) = DossierTemplates.load(folder) else {
                Console.error(workspace.messages("cli.compare.no_templates") + "\n")
                throw ExitCode(1)
            }
            text = DossierRenderer(templates: templates).comparisonHTML(ranking, language: lang)
        }
        if let output {
            if let problem = AtomicFile.write(text, to: output) {
                workspace.report([problem])
                throw ExitCode(1)
            }
        } else {
            Console.out(text)
        }
    }

    /// Writes the workbook's bytes to -o, or to standard output (not a terminal: checked before scoring).
    func write(_ made: Result<[UInt8], Diagnostic>, workspace: Workspace) throws {
        let bytes: [UInt8]
        switch made {
        case .success(let made): bytes = made
        case .failure(let problem):
            workspace.report([problem])
            throw ExitCode(1)
        }
        if let output {
            if let problem = AtomicFile.write(bytes, to: output) {
                workspace.report([problem])
                throw ExitCode(1)
            }
        } else {
            FileHandle.standardOutput.write(Data(bytes))
        }
    }
}
