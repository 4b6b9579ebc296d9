import Foundation
import ParkScore

/// The fact dictionary and the scorecards, each read once and kept with the sha256 of the bytes it was read from.
/// Shared by every assessment of a run (a batch reads `facts.yaml` and each scorecard once, not once per application).
public final class CriteriaLibrary: @unchecked Sendable {
    public let catalog: CriteriaCatalog
    public let dictionary: FactDictionary
    /// `criteria: facts.yaml` and its sha256.
    public let dictionaryFingerprint: InputFingerprint
    private let lock = NSLock()
    private var scorecards: [String: Loaded<LoadedScorecard>] = [:]

    /// Reads the fact dictionary; nil with its diagnostics when it is broken.
    public static func open(_ catalog: CriteriaCatalog) -> Loaded<CriteriaLibrary> {
        let loaded = catalog.loadDictionary()
        guard let dictionary = loaded.validValue, let source = loaded.sources.first else {
            return Loaded(value: nil, diagnostics: loaded.diagnostics, sources: loaded.sources)
        }
        let library = CriteriaLibrary(catalog: catalog, dictionary: dictionary,
                                      dictionaryFingerprint: InputFingerprint(name: "criteria: " + source.name, sha256: source.sha256))
        return Loaded(value: library, diagnostics: loaded.diagnostics, sources: loaded.sources)
    }

    init(catalog: CriteriaCatalog, dictionary: FactDictionary, dictionaryFingerprint: InputFingerprint) {
        self.catalog = catalog
        self.dictionary = dictionary
        self.dictionaryFingerprint = dictionaryFingerprint
    }

    /// A scorecard by built-in id or path, read and checked once.
    public func scorecard(_ name: String) -> Loaded<LoadedScorecard> {
        lock.lock()
        if let cached = scorecards[name] {
            lock.unlock()
            return cached
        }
        lock.unlock()
        let loaded = catalog.loadScorecard(name, dictionary: dictionary)
        var result = Loaded<LoadedScorecard>(value: nil, diagnostics: loaded.diagnostics, sources: loaded.sources)
        if let scorecard = loaded.value, let source = loaded.sources.first {
            result.value = LoadedScorecard(scorecard: scorecard,
                                           fingerprint: InputFingerprint(name: "criteria: " + source.name, sha256: source.sha256))
        }
        lock.lock()
        scorecards[name] = result
        lock.unlock()
        return result
    }

    /// Every built-in scorecard, sorted by id.
    public func builtInScorecards() -> Loaded<[LoadedScorecard]> {
        var all = Loaded<[LoadedScorecard]>(value: [], diagnostics: [])
        for path in catalog.scorecardPaths() {
            let loaded = scorecard(path)
            all.diagnostics += loaded.diagnostics
            all.sources += loaded.sources
            if let value = loaded.value { all.value?.append(value) }
        }
        return all
    }
}

/// A scorecard and the fingerprint of the file it was read from.
public struct LoadedScorecard: Sendable {
    public let scorecard: Scorecard
    public let fingerprint: InputFingerprint

    public init(scorecard: Scorecard, fingerprint: InputFingerprint) {
        self.scorecard = scorecard
        self.fingerprint = fingerprint
    }
}

/// One input of a result by the name the audit appendix shows (`self-report: self-report.yaml`), with the sha256 of
/// the bytes that were used.
public struct InputFingerprint: Sendable, Hashable {
    public let name: String
    /// Lowercase hex; "—" when the input could not be read (a missing evidence file).
    public let sha256: String

    public init(name: String, sha256: String) {
        self.name = name
        self.sha256 = sha256
    }
}
