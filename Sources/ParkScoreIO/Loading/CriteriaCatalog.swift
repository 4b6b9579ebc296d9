import Foundation
import ParkScore

/// The folder of built-in scorecards and the fact dictionary (`Criteria/`), and how a scorecard named
/// on the command line, by id or by path, is found in it.
public struct CriteriaCatalog: Sendable {
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    public static let dictionaryFile = "facts.yaml"

    /// The first folder with a `facts.yaml` among: the one given, `$PARKSCORE_CRITERIA`, `./Criteria`,
    /// a `Criteria` beside an ancestor of the executable, and the one this package was built from.
    public static func locate(explicit: String? = nil, executablePath: String? = ResourceFolder.executablePath) -> CriteriaCatalog? {
        ResourceFolder.locate("Criteria", marker: dictionaryFile, environment: "PARKSCORE_CRITERIA", explicit: explicit,
                              executablePath: executablePath).map(CriteriaCatalog.init(directory:))
    }

    public var dictionaryPath: String { directory + "/" + CriteriaCatalog.dictionaryFile }

    public func loadDictionary() -> Loaded<FactDictionary> {
        FactDictionaryLoader.load(dictionaryPath)
    }

    /// Paths of the built-in scorecards, sorted.
    public func scorecardPaths() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) && $0 != CriteriaCatalog.dictionaryFile }
            .sorted().map { directory + "/" + $0 }
    }

    /// Ids of the built-in scorecards (their file names).
    public var scorecardIDs: [String] {
        scorecardPaths().map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent }
    }

    /// The path of a scorecard named by id (`beijing-digital-advertising-park`) or by path.
    public func resolve(_ name: String) -> Result<String, Diagnostic> {
        if name.contains("/") || name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
            return .success(name)
        }
        for ext in ["yaml", "yml"] {
            let path = "\(directory)/\(name).\(ext)"
            if FileManager.default.fileExists(atPath: path) { return .success(path) }
        }
        let ids = scorecardIDs
        let list = ids.joined(separator: ", ")
        return .failure(.error(Suggestion.closest(to: name, in: ids).map { Message("catalog.scorecard.unknown.suggested", name, $0, list) }
                                   ?? Message("catalog.scorecard.unknown", name, list), at: nil))
    }

    public func loadScorecard(_ name: String, dictionary: FactDictionary) -> Loaded<Scorecard> {
        switch resolve(name) {
        case .failure(let d): return Loaded(value: nil, diagnostics: [d])
        case .success(let path): return ScorecardLoader.load(path, dictionary: dictionary)
        }
    }
}
