import ArgumentParser
import Foundation
import ParkScore
import ParkScoreIO

/// What every command needs: the criteria (read once), the one assessment pipeline, diagnostics printed to standard
/// error with snippets from the bytes that were read, and a clean exit status when input is invalid.
struct Workspace {
    let catalog: CriteriaCatalog
    /// Every word the command says, in the user's language.
    let messages: Messages
    let renderer: DiagnosticRenderer

    init(criteria: String?, language: LocalizedText.Language, templates: String? = nil) throws {
        messages = try Self.messages(language, templates: templates)
        guard let catalog = CriteriaCatalog.locate(explicit: criteria) else {
            Console.error(messages("cli.no_criteria") + "\n")
            throw ExitCode(1)
        }
        self.catalog = catalog
        renderer = DiagnosticRenderer(messages: messages)
    }

    /// The message catalogue in a language, from the Templates folder. Without it nothing can be worded, so its own
    /// absence is said in both languages.
    static func messages(_ language: LocalizedText.Language, templates: String? = nil) throws -> Messages {
        guard let folder = MessageCatalogue.locateTemplates(explicit: templates) else {
            Console.error("错误：找不到 Templates 文件夹（含消息目录 messages/）；请在代码库中运行，或设置 PARKSCORE_TEMPLATES。\n"
                          + "error: cannot find the Templates folder (with the message catalogue, messages/); run from the repository or set PARKSCORE_TEMPLATES\n")
            throw ExitCode(1)
        }
        let loaded = MessageCatalogue.load(templates: folder, language: language)
        guard let messages = loaded.validValue else {
            Console.error(DiagnosticRenderer().rendering(loaded.diagnostics, sources: loaded.sources))
            throw ExitCode(1)
        }
        return messages
    }

    /// Prints diagnostics to standard error; snippets come from `sources`.
    func report(_ diagnostics: [Diagnostic], sources: [SourceFile] = []) {
        renderer.remember(sources)
        guard !diagnostics.isEmpty else { return }
        Console.error(renderer.render(diagnostics))
    }

    /// The value of a load; prints its diagnostics, and exits with status 1 when it has errors.
    func require<T>(_ loaded: Loaded<T>) throws -> T {
        report(loaded.diagnostics, sources: loaded.sources)
        guard let value = loaded.validValue else {
            let count = loaded.diagnostics.filter { $0.severity == .error }.count
            if count > 1 { Console.error(messages("diagnostic.error_count", ["count": String(count)]) + "\n") }
            throw ExitCode(1)
        }
        return value
    }

    func library() throws -> CriteriaLibrary {
        try require(CriteriaLibrary.open(catalog))
    }

    func dictionary() throws -> FactDictionary {
        try library().dictionary
    }

    func scorecard(_ name: String, dictionary: FactDictionary) throws -> Scorecard {
        let loaded = catalog.loadScorecard(name, dictionary: dictionary)
        return try require(loaded)
    }

    /// Reads one application from disk and runs the pipeline; exits with status 1 on any error.
    func assess(report: String, application: ApplicationOptions, pipeline: AssessmentPipeline, date: String? = nil,
                scorecards: [String]? = nil) throws -> Assessment {
        // A review file that cannot be read is reported with the rest of the application's problems, in one run.
        let read = ApplicationInput.read(report: report, reviews: application.review, reviewFolders: application.reviews,
                                         evidenceLimit: application.evidenceLimit)
        guard let input = read.value else { return try require(Loaded<Assessment>(value: nil, diagnostics: read.diagnostics, sources: read.sources)) }
        let options = AssessmentOptions(scorecards: scorecards ?? application.scorecard, mode: application.effectiveMode, date: date)
        var loaded = pipeline.assess(input, options: options)
        loaded.diagnostics = (read.diagnostics + loaded.diagnostics).sortedForReport()
        return try require(loaded)
    }
}

/// Which scorecards, and the reviews of an evaluation: shared by score, dossier and validate.
struct ApplicationOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Scorecard id (built-in) or path; repeatable. Default: the report's applies_to.", valueName: "id|path"))
    var scorecard: [String] = []

    @Option(name: .long, help: "self (the park's own assessment) or evaluation (with reviews). Reviews imply evaluation.")
    var mode: ScoringMode?

    @Option(name: .long, help: ArgumentHelp("A review file; repeatable. Implies --mode evaluation.", valueName: "file"))
    var review: [String] = []

    @Option(name: .long, help: ArgumentHelp("A folder of review files (every .yaml in it); repeatable. Implies --mode evaluation.", valueName: "dir"))
    var reviews: [String] = []

    @Option(name: .long, help: ArgumentHelp("The largest evidence file to hash, in MiB (default 1024).", valueName: "MiB"))
    var maxEvidenceMib: Int = EvidenceFolder.defaultMaxBytes >> 20

    var evidenceLimit: Int { maxEvidenceMib << 20 }

    var hasReviews: Bool { !review.isEmpty || !reviews.isEmpty }

    var effectiveMode: ScoringMode { hasReviews ? .evaluation : (mode ?? .selfAssessment) }

    func validate() throws {
        if !(1...(1 << 20)).contains(maxEvidenceMib) { throw ValidationError("--max-evidence-mib takes 1 to 1048576, not \(maxEvidenceMib)") }
        if hasReviews && mode == .selfAssessment {
            throw ValidationError("--review and --reviews score an evaluation: drop --mode self")
        }
    }
}

enum Console {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
