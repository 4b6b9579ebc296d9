import ArgumentParser
import Foundation
import ParkScore
import ParkScoreIO

/// What every command needs: the criteria folder, loading with diagnostics printed to standard error,
/// and a clean exit status when input is invalid.
struct Workspace {
    let catalog: CriteriaCatalog
    let renderer = DiagnosticRenderer()

    init(criteria: String?) throws {
        guard let catalog = CriteriaCatalog.locate(explicit: criteria) else {
            Console.error("error: cannot find the Criteria folder (with facts.yaml); run from the repository or pass --criteria DIR\n")
            throw ExitCode(1)
        }
        self.catalog = catalog
    }

    /// Prints diagnostics to standard error.
    func report(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        Console.error(renderer.render(diagnostics))
    }

    /// The value of a load; prints its diagnostics, and exits with status 1 when it has errors.
    func require<T>(_ loaded: Loaded<T>) throws -> T {
        report(loaded.diagnostics)
        guard let value = loaded.validValue else {
            let count = loaded.diagnostics.filter { $0.severity == .error }.count
            if count > 1 { Console.error("\(count) errors\n") }
            throw ExitCode(1)
        }
        return value
    }

    func dictionary() throws -> FactDictionary {
        try require(catalog.loadDictionary())
    }

    /// Every review file, checked against the scorecard and the report; exits with status 1 on any error.
    func reviews(_ paths: [String], scorecard: Scorecard, report: SelfReport) throws -> [Review] {
        var reviews: [Review] = []
        var problems: [Diagnostic] = []
        for path in paths {
            let loaded = ReviewLoader.load(path, scorecard: scorecard, report: report)
            problems += loaded.diagnostics
            if let review = loaded.validValue { reviews.append(review) }
        }
        return try require(Loaded(value: reviews, diagnostics: problems))
    }

    func scorecard(_ name: String, dictionary: FactDictionary) throws -> Scorecard {
        try require(catalog.loadScorecard(name, dictionary: dictionary))
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
