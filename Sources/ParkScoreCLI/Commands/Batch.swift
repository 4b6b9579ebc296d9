import ArgumentParser
import Dispatch
import Foundation
import ParkScore
import ParkScoreDossier
import ParkScoreIO

struct Batch: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score a folder of applications: a dossier per park, a ranking (HTML, CSV, JSON) and a summary of problems.",
        discussion: """
        Each subfolder is one application: its self-report.yaml, its evidence, and reviews/*.yaml (with reviews the \
        application is scored in evaluation mode). A broken application is reported and skipped; it never stops \
        the batch. Runs on every core; the output is the same whatever their number.

        Exit status: 0 every application scored; 2 some were skipped (see problems.txt); 1 the folder or \
        scorecard is unusable.
        """
    )

    @Argument(help: ArgumentHelp("The folder of applications.", valueName: "applications-dir"))
    var applications: String

    @Option(name: .long, help: ArgumentHelp("Scorecard id (built-in) or path.", valueName: "id|path"))
    var scorecard: String

    @Option(name: [.short, .long], help: ArgumentHelp("Output folder (created if missing).", valueName: "dir"))
    var output: String

    @Option(name: .long, help: "Language: zh or en.")
    var lang: LocalizedText.Language = .zh

    @OptionGroup var options: CriteriaOption

    /// What one application came to: its outputs, or why it was skipped.
    struct Outcome: Sendable {
        var name: String
        var parkID: String = ""
        var parkName: String = ""
        var result: ScoreResult?
        var files: [(name: String, text: String)] = []
        var problems: [Diagnostic] = []
        var problemText = ""
        var skipped: Bool { result == nil }
    }

    /// Collects outcomes from the workers, by position.
    final class Outcomes: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [Outcome?]

        init(count: Int) { items = Array(repeating: nil, count: count) }

        func set(_ index: Int, _ outcome: Outcome) {
            lock.lock()
            items[index] = outcome
            lock.unlock()
        }

        var all: [Outcome] { lock.lock(); defer { lock.unlock() }; return items.compactMap { $0 } }
    }

    func run() throws {
        let workspace = try Workspace(criteria: options.criteria)
        let library = try workspace.library()
        let scorecard = try workspace.require(library.scorecard(self.scorecard)).scorecard
        let pipeline = AssessmentPipeline(criteria: library)
        guard let folder = TemplatesFolder.locate() else {
            Console.error("error: cannot find the Templates folder\n")
            throw ExitCode(1)
        }
        let loaded = DossierTemplates.load(folder)
        guard case .success(let templates) = loaded else {
            if case .failure(let d) = loaded { workspace.report([d]) }
            throw ExitCode(1)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: applications, isDirectory: &isDirectory), isDirectory.boolValue else {
            Console.error("error: '\(TerminalText.escape(applications))' is not a folder of applications\n")
            throw ExitCode(1)
        }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: applications)) ?? []).filter { name in
            var dir: ObjCBool = false
            return !name.hasPrefix(".") && FileManager.default.fileExists(atPath: applications + "/" + name, isDirectory: &dir) && dir.boolValue
        }.sorted()
        guard !names.isEmpty else {
            Console.error("error: '\(applications)' holds no application folders\n")
            throw ExitCode(1)
        }

        let outcomes = Outcomes(count: names.count)
        let renderer = DossierRenderer(templates: templates)
        let (root, language, scorecardName) = (applications, lang, self.scorecard)
        DispatchQueue.concurrentPerform(iterations: names.count) { index in
            outcomes.set(index, Self.process(folder: root + "/" + names[index], name: names[index], scorecard: scorecardName,
                                             pipeline: pipeline, renderer: renderer, language: language))
        }
        var all = outcomes.all
        // Two applications with one park id would write one dossier over the other: the later ones are refused.
        var firstByID: [String: String] = [:]
        for i in all.indices where !all[i].skipped {
            if let first = firstByID[all[i].parkID] {
                all[i].problems.append(.error("park id '\(all[i].parkID)' is also the id of application '\(first)': each application needs its own id",
                                              at: SourceLocation(file: applications + "/" + all[i].name + "/self-report.yaml", line: 1, column: 1)))
                all[i].problemText += DiagnosticRenderer().render(Array(all[i].problems.suffix(1)))
                all[i].result = nil
                all[i].files = []
            } else {
                firstByID[all[i].parkID] = all[i].name
            }
        }

        // Everything is rendered; now write, in folder order.
        try FileManager.default.createDirectory(atPath: output + "/dossiers", withIntermediateDirectories: true)
        AtomicFile.removeStale(in: output)
        AtomicFile.removeStale(in: output + "/dossiers")
        var files: [(String, String)] = []
        for outcome in all { files += outcome.files.map { (output + "/dossiers/" + $0.name, $0.text) } }
        let scored = all.filter { !$0.skipped }
        let ranking = Ranking(scorecard: scorecard, parks: scored.map { ($0.parkID, $0.parkName, $0.result!) })
        let table = RankingTable(ranking: ranking, language: lang)
        files.append((output + "/ranking.csv", table.csv))
        files.append((output + "/ranking.html", renderer.comparisonHTML(ranking, language: lang)))
        files.append((output + "/ranking.json", JSONText.encode(RankingDocument(ranking: ranking, skipped: all.filter(\.skipped).map(\.name)))))
        var summary: [String] = []
        for outcome in all where !outcome.problems.isEmpty {
            summary.append("\(TerminalText.escape(outcome.name)): \(outcome.skipped ? (lang == .zh ? "已跳过" : "skipped") : (lang == .zh ? "已评分，有提示" : "scored, with warnings"))")
            summary.append(outcome.problemText)
        }
        let skippedCount = all.filter(\.skipped).count
        summary.append(lang == .zh ? "共 \(all.count) 份申报：评分 \(scored.count) 份，跳过 \(skippedCount) 份。"
                                   : "\(all.count) applications: \(scored.count) scored, \(skippedCount) skipped.")
        files.append((output + "/problems.txt", summary.joined(separator: "\n") + "\n"))
        // Every target is checked before the first is written: a link or a device among them stops the batch whole.
        for (path, _) in files {
            if let problem = AtomicFile.refusal(path) {
                workspace.report([problem])
                throw ExitCode(1)
            }
        }
        for (path, text) in files {
            if let problem = AtomicFile.write(text, to: path) {
                workspace.report([problem])
                throw ExitCode(1)
            }
        }
        Console.out(table.text + "\n" + summary.last! + "\n")
        if skippedCount > 0 {
            Console.error(lang == .zh ? "\(skippedCount) 份申报被跳过，见 \(output)/problems.txt\n"
                                      : "\(skippedCount) applications skipped: see \(output)/problems.txt\n")
            throw ExitCode(2)
        }
    }

    /// One application through the pipeline: its self-report, its reviews/ folder (if any), its evidence.
    static func process(folder: String, name: String, scorecard: String, pipeline: AssessmentPipeline, renderer: DossierRenderer,
                        language: LocalizedText.Language) -> Outcome {
        var outcome = Outcome(name: name)
        var reviewFolders: [String] = []
        switch ReviewFolder.of(application: folder) {
        case .success(let folders): reviewFolders = folders
        case .failure(let problem): outcome.problems.append(problem)
        }
        let input = ApplicationInput.read(report: folder + "/self-report.yaml", reviewFolders: reviewFolders)
        var sources = input.sources
        outcome.problems += input.diagnostics
        func done() -> Outcome {
            outcome.problemText = DiagnosticRenderer().rendering(outcome.problems, sources: sources)
            return outcome
        }
        guard let application = input.validValue, !outcome.problems.hasErrors else { return done() }
        let loaded = pipeline.assess(application, options: AssessmentOptions(scorecards: [scorecard]))
        sources += loaded.sources
        outcome.problems += loaded.diagnostics
        guard let assessment = loaded.validValue, let result = assessment.results.first else { return done() }
        outcome.parkID = assessment.report.park.id ?? (ParkProfile.isValidID(name) ? name : "application-" + String(SHA256Text.of(Array(name.utf8)).prefix(12)))
        outcome.parkName = language == .en ? (assessment.report.park.nameEn ?? assessment.report.park.name) : assessment.report.park.name
        outcome.result = result.result
        for format in [DossierFormat.html, .json] {
            outcome.files.append(("\(outcome.parkID).\(language.rawValue).\(format.fileExtension)", renderer.render(format, result, language: language)))
        }
        return done()
    }
}

/// ranking.json: the ranked parks and the skipped applications.
struct RankingDocument: Encodable {
    struct Entry: Encodable {
        let rank: Int
        let park: String
        let name: String
        let verdict: String
        let total: JSONNumber
        let grade: String?
        let provisional: Bool
        let dimensions: [String: JSONNumber]
    }

    let schema = "parkscore-ranking"
    let schemaVersion = 1
    let scorecard: String
    let parks: [Entry]
    let skipped: [String]

    init(ranking: Ranking, skipped: [String]) {
        scorecard = ranking.scorecard.id
        parks = ranking.entries.map { e in
            Entry(rank: e.rank, park: e.parkID, name: e.parkName, verdict: e.result.verdict.rawValue,
                  total: JSONNumber(e.result.total), grade: e.result.grade?.id, provisional: e.result.isProvisional,
                  dimensions: Dictionary(uniqueKeysWithValues: e.result.dimensions.map { ($0.id, JSONNumber($0.score)) }))
        }
        self.skipped = skipped
    }
}
