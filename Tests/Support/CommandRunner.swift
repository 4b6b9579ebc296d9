import Foundation
import XCTest

/// Runs the built `parkscore` executable from the repository root and captures what it prints.
public struct CommandResult {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

public enum Parkscore {
    public static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    public static var executable: URL {
        #if os(macOS)
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            return bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("parkscore")
        }
        #endif
        return Bundle.main.bundleURL.appendingPathComponent("parkscore")
    }

    /// Runs parkscore (or, with `executable`, another program such as strace, whose arguments then name parkscore).
    /// `environment` entries replace (or, with nil, remove) those of this process. The language is English unless the
    /// test says otherwise (`--lang zh`, or `LANG` in `environment`): most tests read messages, written in English;
    /// the Chinese default is tested on its own, with the locale variables removed.
    public static func run(_ arguments: [String], in directory: URL = repository, executable path: String? = nil,
                           environment changes: [String: String?] = [:]) throws -> CommandResult {
        let process = Process()
        process.executableURL = path.map(URL.init(fileURLWithPath:)) ?? executable
        process.arguments = path == nil ? arguments : Array(arguments.dropFirst())
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["PARKSCORE_CRITERIA"] = nil
        environment["LC_ALL"] = nil
        environment["LC_MESSAGES"] = nil
        environment["LANG"] = "en_US.UTF-8"
        for (key, value) in changes { environment[key] = value }
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Both pipes are drained at once: a command that fills one while the other is read would otherwise block.
        let errBox = DataBox()
        let reader = Thread { errBox.data = err.fileHandleForReading.readDataToEndOfFile(); errBox.done.signal() }
        reader.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        errBox.done.wait()
        let errData = errBox.data
        process.waitUntilExit()
        return CommandResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                             stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Runs parkscore with its output thrown away and returns its exit status and peak resident memory in KiB, as the
    /// kernel counted it for that one process (wait4's rusage).
    public static func peakMemory(_ arguments: [String]) throws -> (status: Int32, peakKiB: Int) {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable.path, &actions, nil, argv, environ)
        guard spawned == 0 else { throw NSError(domain: NSPOSIXErrorDomain, code: Int(spawned)) }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        return ((status >> 8) & 0xFF, Int(usage.ru_maxrss))
    }

    /// A fresh temporary folder for one test.
    public static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("parkscore-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

private final class DataBox: @unchecked Sendable {
    var data = Data()
    let done = DispatchSemaphore(value: 0)
}
