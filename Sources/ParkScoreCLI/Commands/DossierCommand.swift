import ArgumentParser
import Foundation
import ParkScore
import ParkScoreDossier
import ParkScoreIO

extension DossierFormat: ExpressibleByArgument {}

struct DossierCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "Write the dossier of a self-report: a 自评报告 (self-assessment report), or with reviews a 评审意见书 (evaluation report); HTML, Markdown or JSON, in Chinese or English.",
        discussion: """
        One dossier per scorecard (--scorecard, else the report's applies_to). With -o DIR (an existing folder), \
        every format of every scorecard, named <park>.<scorecard>.<lang>.<ext>; with -o FILE or on standard output, \
        one format of one scorecard (pass --scorecard when the report applies to several). Files are written whole or \
        not at all. The date comes from --date, else (evaluation) the latest review's date, else the report's \
        report_date, else the end of its period — never the clock — so the same inputs give the same bytes.

        Examples:
          parkscore dossier park/self-report.yaml -o out/
          parkscore dossier park/self-report.yaml --reviews park/reviews -o 评审意见书.html
        """
    )

    @Argument(help: ArgumentHelp("The park's self-report (YAML).", valueName: "self-report"))
    var report: String

    @OptionGroup var application: ApplicationOptions

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

    @OptionGroup var options: CriteriaOption

    func validate() throws {
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
        var isDirectory: ObjCBool = false
        let toFolder = output.map { FileManager.default.fileExists(atPath: $0, isDirectory: &isDirectory) && isDirectory.boolValue } ?? false
        var singleFormat = format
        if let output, !toFolder, singleFormat == nil {
            let ext = URL(fileURLWithPath: output).pathExtension
            guard let f = DossierFormat(rawValue: ext == "markdown" ? "md" : ext) else {
                throw ValidationError("cannot tell the format of '\(output)': pass --format html, md or json")
            }
            singleFormat = f
        }

        let pipeline = AssessmentPipeline(criteria: try workspace.library())
        let assessment = try workspace.assess(report: report, application: application, pipeline: pipeline, date: date)
        let renderer = DossierRenderer(templates: dossierTemplates)

        var files: [(path: String, bytes: [UInt8])] = []
        if let output, toFolder {
            let folderName = URL(fileURLWithPath: report).standardizedFileURL.deletingLastPathComponent().lastPathComponent
            let stem = assessment.report.park.id ?? (ParkProfile.isValidID(folderName) ? folderName : "park")
            let formats = format.map { [$0] } ?? DossierFormat.allCases
            for result in assessment.results {
                // All formats of one result from one model.
                for (f, bytes) in zip(formats, renderer.renderBytes(formats, result, language: lang)) {
                    let name = "\(stem).\(result.scorecard.id).\(lang.rawValue).\(f.fileExtension)"
                    files.append((URL(fileURLWithPath: output).appendingPathComponent(name).path, bytes))
                }
            }
        } else {
            guard assessment.results.count == 1, let result = assessment.results.first else {
                let ids = assessment.results.map(\.scorecard.id).joined(separator: ", ")
                Console.error("error: the report applies to several scorecards (\(ids)): pass --scorecard to choose one, or -o an existing folder for all of them\n")
                throw ExitCode(64)
            }
            guard let output else {
                Console.out(renderer.render(singleFormat ?? .html, result, language: lang))
                return
            }
            files.append((output, renderer.renderBytes(singleFormat ?? .html, result, language: lang)))
        }
        var written: [String] = []
        for file in files {
            if let problem = AtomicFile.write(file.bytes, to: file.path) {
                for path in written { try? FileManager.default.removeItem(atPath: path) }
                workspace.report([problem])
                throw ExitCode(1)
            }
            written.append(file.path)
        }
    }
}
