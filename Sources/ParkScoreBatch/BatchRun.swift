import Dispatch
import Foundation
import ParkScore
import ParkScoreDossier
import ParkScoreIO

/// Scores a folder of applications: each worker takes the next application, reads it once, assesses it through the
/// pipeline, writes its dossiers at once and keeps only a small ranking row; the rankings and `problems.txt` are
/// written at the end and everything is moved into the output folder in one step. Memory stays flat in the number of
/// applications, and the output is the same whatever the number of workers. It never prints: progress goes to a
/// callback, the outcome comes back as a `BatchSummary`.
public struct BatchRun: Sendable {
    public let options: BatchOptions
    public let pipeline: AssessmentPipeline
    public let renderer: DossierRenderer

    public init(options: BatchOptions, pipeline: AssessmentPipeline, renderer: DossierRenderer) {
        self.options = options
        self.pipeline = pipeline
        self.renderer = renderer
    }

    /// The catalogue the problems are worded from, in the batch's language.
    var messages: Messages { renderer.templates.messages(options.language) }

    /// What one application leaves behind for the end of the batch.
    struct Outcome: Sendable {
        struct Row: Sendable {
            var scorecard: String
            var parkID: String
            var parkName: String
            var standing: Standing
        }

        var rows: [Row] = []
        /// Rows kept after duplicate park ids are settled (the rows themselves move into the rankings).
        var kept = 0
        /// Rendered diagnostics, empty when there were none.
        var problems = ""
        var hasErrors = false
    }

    /// The application folders: every subfolder not starting with a dot, by name.
    public static func applicationFolders(_ root: String) -> Result<[String], Diagnostic> {
        var info = stat()
        guard stat(root, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
            return .failure(.error(Message("batch.not-a-folder", root), at: nil))
        }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).filter { name in
            var entry = stat()
            return !name.hasPrefix(".") && stat(root + "/" + name, &entry) == 0 && entry.st_mode & S_IFMT == S_IFDIR
        }.sorted()
        guard !names.isEmpty else { return .failure(.error(Message("batch.no-applications", root), at: nil)) }
        return .success(names)
    }

    /// An application folder's self-report: `self-report.yaml`, else the workbook `self-report.xlsx` or `申报表.xlsx`
    /// (a folder with none is the folder itself, refused when read with the names looked for).
    static func report(in folder: String) -> String {
        ApplicationInput.applicationReport(folder)
    }

    /// Runs the batch. `progress` is called after each application with (done, total), from the workers.
    public func run(progress: (@Sendable (Int, Int) -> Void)? = nil) -> Result<BatchSummary, Diagnostic> {
        let names: [String]
        switch Self.applicationFolders(options.applications) {
        case .failure(let problem): return .failure(problem)
        case .success(let found): names = found
        }
        let staging: StagingFolder
        switch StagingFolder.create(in: options.output) {
        case .failure(let problem): return .failure(problem)
        case .success(let made): staging = made
        }
        let state = SharedState(count: names.count)
        let jobs = min(max(1, options.jobs), BatchOptions.maxJobs, names.count)
        DispatchQueue.concurrentPerform(iterations: jobs) { _ in
            while let index = state.next() {
                let outcome = process(index: index, name: names[index], staging: staging, state: state)
                let done = state.finish(index, outcome)
                progress?(done, names.count)
            }
        }
        state.dropClaims()
        if let failure = state.failure {
            staging.discard()
            return .failure(failure)
        }
        switch finish(names: names, state: state, staging: staging) {
        case .failure(let problem):
            staging.discard()
            return .failure(problem)
        case .success(let summary):
            return .success(summary)
        }
    }

    /// The key under which a park's dossiers and ranking row are claimed, so that the workers and the end of the batch
    /// agree on what a duplicate is: without case, since `Park-A` and `park-a` name one file where file names ignore case.
    static func nameKey(scorecard: String, park: String) -> String { scorecard + "/" + park.lowercased() }

    /// File names of one application's dossier: `<park>.<scorecard>.<lang>.<ext>`.
    func dossierName(park: String, scorecard: String, format: DossierFormat) -> String {
        "\(scorecard)/dossiers/\(park).\(scorecard).\(options.language.rawValue).\(format.fileExtension)"
    }

    /// One application through the pipeline; its dossiers written as soon as they are rendered.
    func process(index: Int, name: String, staging: StagingFolder, state: SharedState) -> Outcome {
        var outcome = Outcome()
        let folder = options.applications + "/" + name
        var problems: [Diagnostic] = []
        var reviewFolders: [String] = []
        switch ReviewFolder.of(application: folder) {
        case .success(let folders): reviewFolders = folders
        case .failure(let problem): problems.append(problem)
        }
        let input = ApplicationInput.read(report: Self.report(in: folder), reviewFolders: reviewFolders, evidenceLimit: options.evidenceLimit)
        var sources = input.sources
        problems += input.diagnostics
        // The problems rendered with the lines of the inputs they point into (a value returned, so not in a defer).
        func done() -> Outcome {
            outcome.hasErrors = outcome.hasErrors || problems.hasErrors
            if !problems.isEmpty { outcome.problems = DiagnosticRenderer(messages: messages).rendering(problems, sources: sources) }
            return outcome
        }
        guard let application = input.validValue, !problems.hasErrors else { return done() }
        let loaded = pipeline.assess(application, options: AssessmentOptions(scorecards: options.scorecards))
        sources += loaded.sources
        problems += loaded.diagnostics
        guard let assessment = loaded.validValue else { return done() }
        let report = assessment.report
        let parkID = report.park.id ?? (ParkProfile.isValidID(name) ? name : "application-" + String(SHA256Text.of(Array(name.utf8)).prefix(12)))
        let parkName = options.language == .en ? (report.park.nameEn ?? report.park.name) : report.park.name
        for result in assessment.results {
            let scorecard = result.scorecard
            guard ParkProfile.isValidID(scorecard.id) else {
                problems.append(.error(Message("batch.scorecard-id.folder", scorecard.id), at: scorecard.location))
                continue
            }
            state.remember(scorecard)
            let standing = Standing(result.result)
            outcome.rows.append(Outcome.Row(scorecard: scorecard.id, parkID: parkID, parkName: parkName,
                                            standing: standing))
            guard !options.formats.isEmpty else { continue }
            // Two applications with one park id: the first in folder order keeps the name; the others are refused at the end.
            let key = Self.nameKey(scorecard: scorecard.id, park: parkID)
            let claim = state.claim(key, by: index)
            guard claim != .refused else { continue }
            if let problem = staging.folder(scorecard.id + "/dossiers") {
                state.fail(problem)
                return done()
            }
            // The model built once for every format.
            let rendered = renderer.renderBytes(options.formats, result, language: options.language)
            for (format, bytes) in zip(options.formats, rendered) {
                let path = dossierName(park: parkID, scorecard: scorecard.id, format: format)
                // A name taken over is written while the claims are held, and only by its owner then: with three
                // applications of one id, the last to take the name over cannot be overwritten by one it displaced.
                let outcome = claim == .tookOver ? state.whileOwner(key, index) { staging.write(bytes, to: path, existing: .replace) }
                                                 : staging.write(bytes, to: path, existing: .refuse)
                switch outcome {
                case .written, nil: break
                case .exists?:
                    // A lower-numbered application took the name over meanwhile: its file stands.
                    if state.owner(key) == index {
                        state.fail(.error(Message("batch.output.exists", options.output + "/" + path), at: nil))
                        return done()
                    }
                case .failed(let problem)?:
                    state.fail(problem)
                    return done()
                }
            }
        }
        return done()
    }

    /// After the workers: duplicate park ids settled, one ranking per scorecard, problems.txt, the move into place.
    func finish(names: [String], state: SharedState, staging: StagingFolder) -> Result<BatchSummary, Diagnostic> {
        // The outcomes moved out of the shared state, and each row moved on into its scorecard's list: held once.
        var outcomes = state.takeOutcomes()
        var rows: [String: [(id: String, name: String, standing: Standing)]] = [:]
        var firstByKey: [String: Int] = [:]
        for index in outcomes.indices {
            let own = outcomes[index].rows
            outcomes[index].rows = []
            for row in own {
                let key = Self.nameKey(scorecard: row.scorecard, park: row.parkID)
                if let first = firstByKey[key] {
                    let message = Message("batch.park-id.duplicate", row.parkID, names[first], row.scorecard)
                    outcomes[index].problems += DiagnosticRenderer(messages: messages).render([
                        .error(message, at: SourceLocation(file: Self.report(in: options.applications + "/" + names[index]), line: 1, column: 1))])
                    outcomes[index].hasErrors = true
                    continue
                }
                firstByKey[key] = index
                outcomes[index].kept += 1
                rows[row.scorecard, default: []].append((row.parkID, row.parkName, row.standing))
            }
        }
        firstByKey = [:]

        // The scorecards: the ones named (even if no application was scored against them), else those met.
        var scorecards: [Scorecard] = []
        for name in options.scorecards {
            if let s = pipeline.criteria.scorecard(name).validValue?.scorecard, !scorecards.contains(where: { $0.id == s.id }) { scorecards.append(s) }
        }
        if options.scorecards.isEmpty { scorecards = state.scorecards.sorted { $0.id < $1.id } }

        let messages = renderer.templates.messages(options.language)
        var entries: [(name: String, isFolder: Bool)] = []
        var rankings: [BatchSummary.RankingFiles] = []
        // Skipped: an application with errors and no ranking row left.
        let isSkipped = outcomes.map { $0.hasErrors && $0.kept == 0 }
        let skipped = outcomes.indices.filter { isSkipped[$0] }.map { names[$0] }
        // One ranking per scorecard; the rankings and their files made on every worker.
        switch writeRankings(scorecards.filter { ParkProfile.isValidID($0.id) }, rows: consume rows, skipped: skipped, staging: staging) {
        case .failure(let problem): return .failure(problem)
        case .success(let files):
            for ranking in files { entries.append((ranking.scorecard, true)) }
            rankings = files
        }

        var summary = BatchSummary(applications: names.count, rankings: rankings, problemsFile: options.output + "/problems.txt")
        summary.skipped = skipped
        summary.scored = names.count - skipped.count
        var lines: [String] = []
        for (index, outcome) in outcomes.enumerated() where !outcome.problems.isEmpty {
            if !isSkipped[index] { summary.withProblems += 1 }
            let status = isSkipped[index] ? messages("batch.status.skipped")
                : (outcome.hasErrors ? messages("batch.status.partly_scored") : messages("batch.status.with_warnings"))
            lines.append("\(TerminalText.escape(names[index])): \(status)")
            lines.append(outcome.problems)
        }
        lines.append(summary.line(messages))
        if case .failed(let problem) = staging.write(Array((lines.joined(separator: "\n") + "\n").utf8), to: "problems.txt") { return .failure(problem) }
        entries.append(("problems.txt", false))
        if let problem = staging.publish(entries) { return .failure(problem) }
        return .success(summary)
    }
}

extension BatchRun {
    /// The most parks a batch's ranking.xlsx ranks. A workbook is made whole before it is written (about 16 KB a park),
    /// unlike the other rankings, which are written a row at a time; a batch's memory must not grow with its size, and a
    /// ranking of more parks is read in ranking.csv (which Excel opens too) rather than printed.
    public static let workbookRankingLimit = 1_000

    /// Each scorecard's ranking.csv, ranking.html and ranking.json, each written a row at a time, and ranking.xlsx (a
    /// workbook is made whole, then written) for up to `workbookRankingLimit` parks, the files on every worker.
    func writeRankings(_ scorecards: [Scorecard], rows: consuming [String: [(id: String, name: String, standing: Standing)]], skipped: [String],
                       staging: StagingFolder) -> Result<[BatchSummary.RankingFiles], Diagnostic> {
        let language = options.language
        // Each scorecard's rows taken out of the dictionary as its ranking is made, so they are held once.
        var rankings: [Ranking] = []
        for scorecard in scorecards { rankings.append(Ranking(scorecard: scorecard, standings: rows.removeValue(forKey: scorecard.id) ?? [])) }
        let made = rankings
        for scorecard in scorecards {
            if let problem = staging.folder(scorecard.id) { return .failure(problem) }
        }
        let files = ["ranking.csv", "ranking.html", "ranking.json", "ranking.xlsx"]
        let problems = ResultSlots<Diagnostic>(count: made.count * files.count)
        DispatchQueue.concurrentPerform(iterations: made.count * files.count) { job in
            let ranking = made[job / files.count], name = files[job % files.count]
            if name == "ranking.xlsx" && ranking.entries.count > Self.workbookRankingLimit { return }
            switch staging.create(ranking.scorecard.id + "/" + name) {
            case .failure(let problem): problems.set(job, problem)
            case .success(let file):
                switch name {
                case "ranking.csv":
                    let table = RankingTable(ranking: ranking, messages: renderer.templates.messages(language))
                    file.append(table.csvHeader)
                    for entry in ranking.entries { file.append(table.csvLine(entry)) }
                case "ranking.html":
                    renderer.writeComparisonHTML(ranking, language: language, to: file.append)
                case "ranking.xlsx":
                    switch RankingWorkbook(ranking: ranking, messages: renderer.templates.messages(language)).bytes() {
                    case .success(let bytes): file.append(bytes)
                    case .failure(let problem): problems.set(job, problem)
                    }
                default:
                    RankingDocument.write(ranking, skipped: skipped, to: file.append)
                }
                if let problem = file.close() { problems.set(job, problem) }
            }
        }
        if let problem = problems.all.compactMap({ $0 }).first { return .failure(problem) }
        return .success(made.map { ranking in
            BatchSummary.RankingFiles(scorecard: ranking.scorecard.id, title: ranking.scorecard.title.text(language), parks: ranking.entries.count,
                                      folder: options.output + "/" + ranking.scorecard.id, top: ranking.entries.first,
                                      workbook: ranking.entries.count <= Self.workbookRankingLimit)
        })
    }
}

/// Values set by workers at their positions.
final class ResultSlots<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Value?]

    init(count: Int) { items = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) {
        lock.lock()
        items[index] = value
        lock.unlock()
    }

    var all: [Value?] {
        lock.lock()
        defer { lock.unlock() }
        return items
    }
}

/// What the workers share: the next application to take, the outcomes by position, who owns each dossier name, the
/// scorecards met, and the first failure (which stops the batch).
final class SharedState: @unchecked Sendable {
    private let lock = NSLock()
    private var nextIndex = 0
    private var done = 0
    private var items: [BatchRun.Outcome?]
    private var owners: [String: Int] = [:]
    private var met: [String: Scorecard] = [:]
    private(set) var failure: Diagnostic?

    init(count: Int) { items = Array(repeating: nil, count: count) }

    /// The next application's index, or nil when all are taken or the batch failed.
    func next() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard failure == nil, nextIndex < items.count else { return nil }
        nextIndex += 1
        return nextIndex - 1
    }

    /// Stores an outcome; returns how many are done.
    func finish(_ index: Int, _ outcome: BatchRun.Outcome) -> Int {
        lock.lock()
        defer { lock.unlock() }
        items[index] = outcome
        done += 1
        return done
    }

    /// The outcomes, moved out (the state keeps none).
    func takeOutcomes() -> [BatchRun.Outcome] {
        lock.lock()
        defer { lock.unlock() }
        let all = items.map { $0 ?? BatchRun.Outcome() }
        items = []
        return all
    }

    func fail(_ problem: Diagnostic) {
        lock.lock()
        if failure == nil { failure = problem }
        lock.unlock()
    }

    func remember(_ scorecard: Scorecard) {
        lock.lock()
        if met[scorecard.id] == nil { met[scorecard.id] = scorecard }
        lock.unlock()
    }

    var scorecards: [Scorecard] {
        lock.lock()
        defer { lock.unlock() }
        return Array(met.values)
    }

    enum Claim { case first, tookOver, refused }

    /// Claims a dossier name for an application: the lowest index keeps it, whatever order the workers come in.
    func claim(_ key: String, by index: Int) -> Claim {
        lock.lock()
        defer { lock.unlock() }
        guard let owner = owners[key] else {
            owners[key] = index
            return .first
        }
        guard index < owner else { return .refused }
        owners[key] = index
        return .tookOver
    }

    /// Runs `body` holding the claims if `index` owns `key`; nil if it does not.
    func whileOwner<T>(_ key: String, _ index: Int, _ body: () -> T) -> T? {
        lock.lock()
        defer { lock.unlock() }
        guard owners[key] == index else { return nil }
        return body()
    }

    /// Forgets the claims (after the workers: the names are settled).
    func dropClaims() {
        lock.lock()
        owners = [:]
        lock.unlock()
    }

    func owner(_ key: String) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        return owners[key]
    }
}
