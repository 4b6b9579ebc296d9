import Foundation

/// Finds one of the project's resource folders (`Criteria`, `Templates`): the one given, then the
/// environment variable, `./NAME`, a `NAME` beside an ancestor of the executable, and the one this package
/// was built from — the first that holds `marker`.
public enum ResourceFolder {
    public static func locate(_ name: String, marker: String, environment variable: String, explicit: String? = nil,
                              executablePath: String? = CommandLine.arguments.first) -> String? {
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
