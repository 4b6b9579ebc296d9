import Foundation

/// Finds one of the project's resource folders (`Criteria`, `Templates`): the one given, then the
/// environment variable, `./NAME`, a `NAME` beside an ancestor of the executable, and the one this package
/// was built from — the first that holds `marker`.
public enum ResourceFolder {
    /// The running executable's own path: a `parkscore` found on PATH is run as plain `parkscore`, so the first
    /// argument does not say where it lives; the system does (Foundation reads /proc/self/exe on Linux).
    public static var executablePath: String? {
        Bundle.main.executablePath ?? CommandLine.arguments.first
    }

    public static func locate(_ name: String, marker: String, environment variable: String, explicit: String? = nil,
                              executablePath: String? = ResourceFolder.executablePath) -> String? {
        if let explicit { return explicit }
        var candidates: [String] = []
        if let env = ProcessInfo.processInfo.environment[variable], !env.isEmpty { candidates.append(env) }
        candidates.append(FileManager.default.currentDirectoryPath + "/" + name)
        if let executablePath {
            var url = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath().deletingLastPathComponent()
            for _ in 0..<6 {
                candidates.append(url.appendingPathComponent(name).path)
                url.deleteLastPathComponent()
            }
        }
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(packageRoot.appendingPathComponent(name).path)
        return candidates.first { FileManager.default.fileExists(atPath: $0 + "/" + marker) }
    }
}
