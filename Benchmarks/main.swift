// Speed of parkscore against libyaml's own event loop on the same files.
//
//     swift run -c release ParkScoreBenchmarks [iterations]
//     swift run -c release ParkScoreBenchmarks floor APPLICATIONS_DIR       (used by batch-benchmark.sh)
//     swift run -c release ParkScoreBenchmarks write-floor SOURCE_DIR NEW_DIR (used by batch-benchmark.sh)
//
// For each sample self-report: (1) libyaml's event loop alone (yaml_parser_parse until the stream ends),
// (2) parkscore's YAML layer (node tree with marks and limits), (3) parse + validate + score with the
// scorecards the report applies to (dictionary and scorecards loaded once, as in a batch). Then the time
// to score a batch of 5,000 applications. Then (phase `json`) the JSON of each sample's result document, with reviews
// where the sample has them: Foundation's JSONEncoder with the options JSONText used to pass it, against JSONText
// through Swift.Encoder and written directly, and end to end with the document built from the assessment.
// Benchmarks measure; they assert nothing.
//
//     swift run -c release ParkScoreBenchmarks 2000 --only json
import Foundation
import ParkScore
import ParkScoreIO
import ParkYAML

let arguments = Array(CommandLine.arguments.dropFirst())

// `floor DIR`: libyaml's bare event loop over every application's self-report.yaml in DIR, one core (the floor the
// batch benchmark compares with). `write-floor SRC DST`: the time to write the same files as SRC holds into DST,
// created exclusively, two threads, one sync at the end (the disk's floor for the dossiers).
if arguments.first == "floor", arguments.count >= 2 {
    let root = arguments[1]
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    var events = 0, files = 0
    for name in names {
        guard case .success(let file) = SourceFile.read(root + "/" + name + "/self-report.yaml") else { continue }
        events += YAMLReader.countEvents(file.bytes) ?? 0
        files += 1
    }
    print("floor: \(files) self-reports, \(events) events")
    exit(0)
}
if arguments.first == "write-floor", arguments.count >= 3 {
    let source = arguments[1], target = arguments[2]
    var paths: [String] = []
    let enumerator = FileManager.default.enumerator(atPath: source)
    while let relative = enumerator?.nextObject() as? String {
        var info = stat()
        if stat(source + "/" + relative, &info) == 0 {
            if info.st_mode & S_IFMT == S_IFDIR { mkdir(target + "/" + relative, 0o755) } else { paths.append(relative) }
        }
    }
    mkdir(target, 0o755)
    for path in paths.map({ ($0 as NSString).deletingLastPathComponent }).filter({ !$0.isEmpty }) {
        try? FileManager.default.createDirectory(atPath: target + "/" + path, withIntermediateDirectories: true)
    }
    // Each file is read back from the page cache (the output just written) and written anew.
    let chunks = 2
    let files = paths
    let start = DispatchTime.now().uptimeNanoseconds
    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
        for i in stride(from: chunk, to: files.count, by: chunks) {
            guard case .success(let file) = SourceFile.read(source + "/" + files[i], limit: 1 << 30) else { continue }
            let fd = open(target + "/" + files[i], O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o644)
            guard fd >= 0 else { continue }
            _ = file.bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            close(fd)
        }
    }
    sync()
    print(String(format: "write-floor: %d files in %.2f s (read from the page cache and written, one sync)",
                 paths.count, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
    exit(0)
}
let iterations = arguments.first.flatMap(Int.init) ?? 2000
let only = arguments.firstIndex(of: "--only").flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
func runs(_ phase: String) -> Bool { only == nil || only == phase }
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
guard let catalog = CriteriaCatalog.locate(explicit: root.appendingPathComponent("Criteria").path),
      let dictionary = catalog.loadDictionary().validValue else {
    FileHandle.standardError.write(Data("cannot load Criteria/facts.yaml\n".utf8))
    exit(1)
}
let engine = ScoringEngine(dictionary: dictionary)

func seconds(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func microseconds(_ total: Double) -> String { String(format: "%8.1f µs", total / Double(iterations) * 1e6) }

let samples = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Samples").path)) ?? []
var batch: [(SourceFile, [Scorecard])] = []
print("iterations per file: \(iterations)")
print("file                                     libyaml events   YAML layer   parse+validate+score   ratio")
for name in samples.sorted() {
    let path = root.appendingPathComponent("Samples/\(name)/self-report.yaml").path
    guard case .success(let file) = SourceFile.read(path),
          let report = SelfReportLoader.decode(file, dictionary: dictionary).validValue else { continue }
    let scorecards = report.appliesTo.compactMap { catalog.loadScorecard($0, dictionary: dictionary).validValue }
    batch.append((file, scorecards))
    var sink = 0
    let libyaml = seconds {
        for _ in 0..<(runs("libyaml") ? iterations : 0) { sink &+= YAMLReader.countEvents(file.bytes) ?? 0 }
    }
    let layer = seconds {
        for _ in 0..<(runs("layer") ? iterations : 0) { sink &+= (try? YAMLReader.document(file.bytes))?.expandedSize ?? 0 }
    }
    let full = seconds {
        for _ in 0..<(runs("full") ? iterations : 0) {
            let loaded = SelfReportLoader.decode(file, dictionary: dictionary, scorecards: scorecards)
            if let report = loaded.value {
                for scorecard in scorecards { sink &+= engine.score(report, against: scorecard).criteria.count }
            }
        }
    }
    let label = "\(name)/self-report.yaml (\(file.bytes.count) B)"
    print("\(label.padding(toLength: 40, withPad: " ", startingAt: 0)) \(microseconds(libyaml))  \(microseconds(layer))  \(microseconds(full))        \(String(format: "%.2f×", full / libyaml))")
    if sink == 42 { print("") }
}

let applications = only == nil ? 5000 : 0
var scored = 0
let batchTime = seconds {
    for i in 0..<applications {
        guard !batch.isEmpty else { break }
        let (file, scorecards) = batch[i % batch.count]
        if let report = SelfReportLoader.decode(file, dictionary: dictionary, scorecards: scorecards).value {
            for scorecard in scorecards { scored += engine.score(report, against: scorecard).criteria.count > 0 ? 1 : 0 }
        }
    }
}
print(String(format: "batch: %d applications parsed, validated and scored in %.3f s (one core)", applications, batchTime))

/// CPU time of this thread: steadier than wall time on a busy machine.
func cpuSeconds(_ body: () -> Void) -> Double {
    func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
    let start = now()
    body()
    return now() - start
}

// JSON output: Foundation's JSONEncoder (what JSONText.encode was) against JSONText through Swift.Encoder
// (JSONText.treeBytes, what JSONText.bytes was before the documents wrote themselves) and against the direct path
// (JSONWritable, what JSONText.bytes is now), on each sample's result document. Then end to end: the ResultDocument
// built from the assessment and written, through the encoder against directly. Each figure is the least thread CPU time
// per document over 5 rounds of a fifth of the iterations (steadier on a shared machine).
// `--only json-direct`: the direct end to end alone, for a profiler.
let directOnly = only == "json-direct"
if runs("json") || directOnly, let library = CriteriaLibrary.open(catalog).validValue {
    // The message catalogue words the document's provisional reasons (Chinese, as `score --format json` by default).
    let messages = MessageCatalogue.load(templates: root.appendingPathComponent("Templates").path, language: .zh).validValue
        ?? Messages(language: .zh, entries: [:])
    let rounds = 5, perRound = Swift.max(1, iterations / rounds)
    var sink = 0
    /// µs per document: the least of `rounds` rounds of `perRound` calls.
    func perDocument(_ skip: Bool = false, _ body: () -> Int) -> Double {
        if skip { return .nan }
        func now() -> Double {
            var t = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
            return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
        }
        var least = Double.infinity
        for _ in 0..<rounds {
            let start = now()
            for _ in 0..<perRound { sink &+= body() }
            least = Swift.min(least, now() - start)
        }
        return least / Double(perRound) * 1e6
    }
    func µs(_ value: Double) -> String { String(format: "%8.1f µs", value) }
    print("result document JSON                      bytes   JSONEncoder  JSONText/Encoder  JSONText/direct  speed-up | "
          + "build+Encoder  build+direct  speed-up")
    var totals = (encoder: 0.0, direct: 0.0, documents: 0)
    for name in samples.sorted() {
        let folder = root.appendingPathComponent("Samples/\(name)").path
        guard case .success(let selfReport) = SourceFile.read(folder + "/self-report.yaml") else { continue }
        let reviewNames = ((try? FileManager.default.contentsOfDirectory(atPath: folder + "/reviews")) ?? []).sorted()
        let reviews = reviewNames.compactMap { file -> SourceFile? in
            guard case .success(let source) = SourceFile.read(folder + "/reviews/" + file) else { return nil }
            return source
        }
        let input = ApplicationInput(selfReport: selfReport, reviews: reviews, evidence: EvidenceFolder(folder))
        guard let assessment = AssessmentPipeline(criteria: library).assess(input).validValue?.results.first else { continue }
        let document = ResultDocument(assessment, messages: messages)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let foundation = perDocument(directOnly) {
            let data = (try? encoder.encode(document)) ?? Data("null".utf8)
            return (String(decoding: data, as: UTF8.self) + "\n").utf8.count
        }
        let tree = perDocument(directOnly) { JSONText.treeBytes(document).count }
        let direct = perDocument(directOnly) { JSONText.bytes(document).count }
        let builtTree = perDocument(directOnly) { JSONText.treeBytes(ResultDocument(assessment, messages: messages)).count }
        let builtDirect = perDocument { JSONText.bytes(ResultDocument(assessment, messages: messages)).count }
        totals.encoder += builtTree
        totals.direct += builtDirect
        totals.documents += 1
        let expected = Array(((try? encoder.encode(document)) ?? Data()) + Data("\n".utf8))
        let same = JSONText.bytes(document) == expected && JSONText.treeBytes(document) == expected
        let label = name + (reviews.isEmpty ? "" : " (+\(reviews.count) reviews)")
        print("\(label.padding(toLength: 40, withPad: " ", startingAt: 0)) \(String(format: "%7d", expected.count))  "
              + "\(µs(foundation))       \(µs(tree))      \(µs(direct))    \(String(format: "%5.2f×", tree / direct)) |    "
              + "\(µs(builtTree))   \(µs(builtDirect))    \(String(format: "%5.2f×", builtTree / builtDirect))\(same ? "" : "  DIFFERENT")")
    }
    if totals.documents > 0 {
        print(String(format: "mean build+JSON per document: %.1f µs through the encoder, %.1f µs direct (%.2f×)",
                     totals.encoder / Double(totals.documents), totals.direct / Double(totals.documents), totals.encoder / totals.direct))
    }
    if sink == 42 { print("") }
}
