// libFuzzer targets for parkscore's layers above libyaml (the C library itself is Debian's, not instrumented).
// Built only by scripts/fuzz.sh (PARKSCORE_FUZZ=1, -sanitize=fuzzer,address); the target is chosen by
// PARKSCORE_FUZZ_TARGET: yaml, expression, report, review or template. Every input must end in a value or a
// diagnostic: a crash, a trap, a hang or a leak is a finding.
import Foundation
import ParkScore
import ParkScoreDossier
import ParkScoreIO
import ParkYAML

let target = ProcessInfo.processInfo.environment["PARKSCORE_FUZZ_TARGET"] ?? "yaml"

/// The criteria, the xinghe sample and the templates, read once.
let fixture: (library: CriteriaLibrary, report: SourceFile, templates: DossierTemplates?) = {
    guard let catalog = CriteriaCatalog.locate(), let library = CriteriaLibrary.open(catalog).validValue else {
        fatalError("run from the repository: the Criteria folder is needed")
    }
    let report = (try? Data(contentsOf: URL(fileURLWithPath: "Samples/beijing-xinghe/self-report.yaml"))).map { Array($0) } ?? []
    var templates: DossierTemplates?
    if let folder = TemplatesFolder.locate(), case .success(let t) = DossierTemplates.load(folder) { templates = t }
    return (library, SourceFile(path: "self-report.yaml", bytes: report), templates)
}()

/// An expression is checked and evaluated against a few typed facts.
let expressionFacts: [String: Value] = [
    "a": .number(Rational(19)), "b": .number(Rational(45)), "p": .number(Rational(decimal: "0.4") ?? .one), "flag": .bool(true),
    "tech": .list([.text("big_data"), .text("ai")]), "name": .text("园区"),
]

func assess(_ input: ApplicationInput) {
    let pipeline = AssessmentPipeline(criteria: fixture.library, toolVersion: "fuzz")
    let loaded = pipeline.assess(input, options: AssessmentOptions(fallbackScorecards: fixture.library.catalog.scorecardPaths()))
    _ = DiagnosticRenderer().rendering(loaded.diagnostics, sources: loaded.sources)
    for result in loaded.validValue?.results ?? [] {
        _ = ResultText(language: .zh).render(result)
        _ = ResultDocument(result, messages: fixture.templates?.messages(.en) ?? Messages(language: .en, entries: [:])).encoded()
        if let templates = fixture.templates { _ = DossierRenderer(templates: templates).renderBytes([.html, .md, .json], result, language: .zh) }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    switch target {
    case "yaml":
        _ = try? YAMLReader.document(bytes)
    case "expression":
        let text = String(decoding: bytes, as: UTF8.self)
        if let expression = try? Expression(text) {
            _ = expression.value(in: FactEnvironment(values: expressionFacts, percentKeys: ["p"], moneyKeys: []))
            _ = ExpressionTrace(expression, FactEnvironment(values: expressionFacts, percentKeys: ["p"], moneyKeys: [])).text
        }
    case "report":
        assess(ApplicationInput(selfReport: SourceFile(path: "fuzz.yaml", bytes: bytes), evidence: EvidenceInMemory([:])))
    case "review":
        assess(ApplicationInput(selfReport: fixture.report, reviews: [SourceFile(path: "review.yaml", bytes: bytes)],
                                evidence: EvidenceInMemory([:])))
    case "template":
        if case .success(let template) = DossierTemplates.parse(String(decoding: bytes, as: UTF8.self), name: "fuzz", directory: ".") {
            _ = template.renderBytes(["park": ["name": "园区"], "gates": [["id": "G1"]], "label": ["total": "总分"]])
        }
    default:
        fatalError("unknown PARKSCORE_FUZZ_TARGET '\(target)'")
    }
    return 0
}

// SwiftPM gives this executable its own `main`; it hands over to libFuzzer's driver (from the fuzzer runtime).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzOne(data, size) })
