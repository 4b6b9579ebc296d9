import ArgumentParser
import Foundation
import ParkScore
import ParkScoreDossier
import ParkScoreIO

extension DossierFormat: ExpressibleByArgument {}

/// What `dossier` writes: a dossier format, a PDF printed from the HTML dossier by headless Chromium, or a Word
/// document.
enum DossierFileFormat: String, ExpressibleByArgument, CaseIterable {
    case html, md, json, pdf, docx, xlsx

    /// The format a file name's extension names (`.markdown` and `.htm` too), if any.
    init?(extension ext: String) {
        switch ext.lowercased() {
        case "htm": self = .html
        case "markdown": self = .md
        default: self.init(rawValue: ext.lowercased())
        }
    }

    /// The dossier rendered for this format (a PDF is printed from the HTML); a Word document is not text.
    var rendered: DossierFormat? {
        switch self {
        case .html, .pdf: return .html
        case .md: return .md
        case .json: return .json
        // A Word document and the 评分表 (ScoringSheetWorkbook) are made from the assessment, not from a text rendering.
        case .docx, .xlsx: return nil
        }
    }
}

struct DossierCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "Write the dossier of a self-report: a 自评报告 (self-assessment report), or with reviews a 评审意见书 (evaluation report); HTML, Markdown, JSON, PDF, Word (.docx), or the panel's Excel 评分表 (.xlsx), in Chinese or English.",
        discussion: """
        One dossier per scorecard (--scorecard, else the report's applies_to). With -o DIR/ (a folder, created if \
        missing: an existing folder, a name ending in '/', or a name without extension), every format of every \
        scorecard (html, md and json; only pdf, docx or xlsx with --format pdf, docx or xlsx), named <park>.<scorecard>.<lang>.<ext>; with -o FILE \
        (its folder created if missing; the extension .html, .md, .json, .pdf, .docx or .xlsx chooses the format) or on standard \
        output, one format of one scorecard (pass --scorecard when the report applies to several). Files are written \
        whole or not at all. The date comes from --date, else (evaluation) the latest review's date, else the report's \
        report_date, else the end of its period — never the clock — so the same inputs give the same bytes.

        The HTML dossier is one self-contained file that prints on A4 with a cover page, a table of contents, numbered \
        pages and, in an evaluation, the panel's signature page. --format pdf prints it with headless Chromium (or \
        Google Chrome) found on PATH; without one, write HTML and print it from a browser.

        --format docx writes a Word document (A4) with the same content: a cover page, a table of contents that Word \
        updates when it opens the file, the sections in Word's heading styles, tables whose header rows repeat on each \
        page, page numbers in the footer and, in an evaluation, the panel's signature page.

        --format xlsx writes the 评分表, the scoring sheet an expert panel signs: every criterion by dimension with its \
        maximum and the 自评分, 初审分 and 评审分 of each stage, each reviewer's level in an evaluation, subtotals, the total \
        and grade, and a signature block; only the signature cells can be edited.

        Examples:
          parkscore dossier park/self-report.yaml -o out/
          parkscore dossier park/self-report.yaml --lang en -o out/xinghe.en.html
          parkscore dossier park/self-report.yaml --reviews park/reviews -o 评审意见书.pdf
          parkscore dossier park/self-report.yaml --reviews park/reviews -o pdf/ \\
              --format pdf
          parkscore dossier park/self-report.yaml --reviews park/reviews -o 评审意见书.docx
          parkscore dossier park/self-report.yaml --reviews park/reviews -o 评分表.xlsx
          parkscore dossier park/申报表.xlsx -o 自评报告.docx
          parkscore dossier park/self-report.yaml --scorecard nanshan-livestreaming
        """
    )

    @Argument(help: ArgumentHelp("The park's self-report: YAML, or a workbook (.xlsx) filled in from the template.", valueName: "self-report"))
    var report: String

    @OptionGroup var application: ApplicationOptions

    @Option(name: .long, help: "Format: html, md, json, pdf (printed with headless Chromium), docx (Word) or xlsx (the 评分表, an Excel scoring sheet).")
    var format: DossierFileFormat?

    @OptionGroup var language: LanguageOption
    var lang: LocalizedText.Language { language.resolved }

    @Option(name: [.short, .long], help: ArgumentHelp("Output file, or a folder (DIR/) for all formats, created if missing; standard output if absent.", valueName: "file|dir"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("The dossier's date, YYYY-MM-DD.", valueName: "date"))
    var date: String?

    @Option(name: .long, help: ArgumentHelp("A folder of templates to use instead of Templates/.", valueName: "dir"))
    var templates: String?

    @OptionGroup var options: CriteriaOption

    func validate() throws {
        if let date, !DateText.isValid(date) { throw ValidationError("--date must be a date such as 2026-01-31, not '\(date)'") }
    }

    /// Where the dossier goes: a folder (every format, or the one asked for), one file in one format, or standard output.
    enum Target {
        case folder(String)
        case file(String, DossierFileFormat)
        case standardOutput(DossierFileFormat)
    }

    func target() throws -> Target {
        guard let output else { return .standardOutput(format ?? .html) }
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory)
        let ext = URL(fileURLWithPath: output).pathExtension
        if (exists && isDirectory.boolValue) || output.hasSuffix("/") || (!exists && ext.isEmpty) { return .folder(output) }
        if let format { return .file(output, format) }
        guard let named = DossierFileFormat(extension: ext) else {
            throw ValidationError("cannot tell the format of '\(output)': name the file .html, .md, .json, .pdf, .docx or .xlsx, or pass --format")
        }
        return .file(output, named)
    }

    func run() throws {
        let target = try target()
        let workspace = try Workspace(criteria: options.criteria, language: lang, templates: templates)
        guard let folder = TemplatesFolder.locate(explicit: templates) else {
            Console.error(workspace.messages("cli.dossier.no_templates") + "\n")
            throw ExitCode(1)
        }
        let loadedTemplates = DossierTemplates.load(folder)
        guard case .success(let dossierTemplates) = loadedTemplates else {
            if case .failure(let d) = loadedTemplates { workspace.report([d]) }
            throw ExitCode(1)
        }
        let wantsPDF: Bool
        switch target {
        case .folder: wantsPDF = format == .pdf
        case .file(_, let f), .standardOutput(let f): wantsPDF = f == .pdf
        }
        // A PDF needs Chromium: said before anything is scored.
        var printer: ChromiumPrinter?
        if wantsPDF {
            guard let found = ChromiumPrinter.locate() else {
                workspace.report([ChromiumPrinter.notInstalled])
                throw ExitCode(1)
            }
            printer = found
        }
        if case .standardOutput(.pdf) = target, isatty(1) == 1 {
            Console.error(workspace.messages("cli.dossier.pdf_terminal") + "\n")
            throw ExitCode(64)
        }
        if case .standardOutput(.docx) = target, isatty(1) == 1 {
            Console.error(workspace.messages("docx.terminal") + "\n")
            throw ExitCode(64)
        }
        if case .standardOutput(.xlsx) = target, isatty(1) == 1 {
            Console.error(workspace.messages("sheet.cli.xlsx_terminal") + "\n")
            throw ExitCode(64)
        }

        let pipeline = AssessmentPipeline(criteria: try workspace.library())
        let assessment = try workspace.assess(report: report, application: application, pipeline: pipeline, date: date)
        let renderer = DossierRenderer(templates: dossierTemplates)

        /// The bytes of one format: a PDF printed from the HTML.
        func bytes(_ format: DossierFileFormat, rendered: [UInt8]) throws -> [UInt8] {
            guard format == .pdf, let printer else { return rendered }
            switch printer.print(html: rendered) {
            case .success(let pdf): return pdf
            case .failure(let problem):
                workspace.report([problem])
                throw ExitCode(1)
            }
        }

        /// The formats of one result, in order: the text formats from one model, a Word document from its own.
        func render(_ formats: [DossierFileFormat], _ result: ScorecardAssessment) throws -> [[UInt8]] {
            let text = renderer.renderBytes(formats.compactMap(\.rendered), result, language: lang)
            var next = text.makeIterator()
            return try formats.map { format in
                if format.rendered != nil, let rendered = next.next() { return try bytes(format, rendered: rendered) }
                if format == .xlsx {
                    switch ScoringSheetWorkbook(assessment: result, messages: workspace.messages).bytes() {
                    case .success(let bytes): return bytes
                    case .failure(let problem):
                        workspace.report([problem])
                        throw ExitCode(1)
                    }
                }
                return try renderer.renderDocx(result, language: lang)
            }
        }

        var files: [(path: String, bytes: [UInt8])] = []
        switch target {
        case .folder(let output):
            let folderName = URL(fileURLWithPath: report).standardizedFileURL.deletingLastPathComponent().lastPathComponent
            let stem = assessment.report.park.id ?? (ParkProfile.isValidID(folderName) ? folderName : "park")
            let formats: [DossierFileFormat] = format.map { [$0] } ?? [.html, .md, .json]
            for result in assessment.results {
                // All formats of one result from one model.
                for (f, rendered) in zip(formats, try render(formats, result)) {
                    let name = "\(stem).\(result.scorecard.id).\(lang.rawValue).\(f.rawValue)"
                    files.append((URL(fileURLWithPath: output).appendingPathComponent(name).path, rendered))
                }
            }
        case .file(let output, let f):
            let result = try single(assessment, messages: workspace.messages)
            files.append((output, try render([f], result)[0]))
        case .standardOutput(let f):
            let result = try single(assessment, messages: workspace.messages)
            FileHandle.standardOutput.write(Data(try render([f], result)[0]))
            return
        }
        // Missing folders are made now, once everything is rendered, and taken away again if a file cannot be written.
        var created: [String] = []
        for path in Set(files.map { URL(fileURLWithPath: $0.path).deletingLastPathComponent().path }).sorted() {
            created += OutputFolder.missing(path)
            do {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            } catch {
                OutputFolder.remove(created)
                workspace.report([.error(Message("output.folder.create", path), at: nil)])
                throw ExitCode(1)
            }
        }
        var written: [String] = []
        for file in files {
            if let problem = AtomicFile.write(file.bytes, to: file.path) {
                for path in written { try? FileManager.default.removeItem(atPath: path) }
                OutputFolder.remove(created)
                workspace.report([problem])
                throw ExitCode(1)
            }
            written.append(file.path)
        }
    }

    /// The one result a single file holds; several scorecards need --scorecard or a folder.
    func single(_ assessment: Assessment, messages: Messages) throws -> ScorecardAssessment {
        guard assessment.results.count == 1, let result = assessment.results.first else {
            let ids = messages.list(assessment.results.map(\.scorecard.id))
            Console.error(messages("cli.dossier.several_scorecards", ["ids": ids]) + "\n")
            throw ExitCode(64)
        }
        return result
    }
}

/// The folders an output path needs, made when missing and removed again (only if still empty) when the run fails.
enum OutputFolder {
    /// `path` and those of its ancestors that do not exist, deepest first.
    static func missing(_ path: String) -> [String] {
        var out: [String] = []
        var url = URL(fileURLWithPath: path).standardizedFileURL
        while url.path != "/" {
            var info = stat()
            if lstat(url.path, &info) == 0 { break }
            out.append(url.path)
            url = url.deletingLastPathComponent()
        }
        return out
    }

    /// Removes the folders made for this run, deepest first, each only if empty.
    static func remove(_ folders: [String]) {
        for folder in folders.sorted(by: { $0.count > $1.count }) { rmdir(folder) }
    }
}
