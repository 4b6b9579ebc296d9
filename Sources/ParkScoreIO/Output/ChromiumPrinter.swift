import Foundation
import ParkScore

/// Prints an HTML document to PDF with headless Chromium (or Google Chrome), when one is installed.
///
/// The HTML is written into a private temporary folder (mode 0700, created under a random name), Chromium prints it
/// there (the dossier has no script; every host name is made unresolvable), within a bounded time; the PDF is read back from that
/// folder, checked to be one, and the folder removed. The caller writes the bytes where they belong (`AtomicFile`).
public struct ChromiumPrinter: Sendable {
    /// The names looked for on `PATH`, in order.
    public static let names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"]
    /// A PDF larger than this is refused, not read.
    public static let maxPDFBytes = 512 << 20

    public let executable: String
    /// Chromium is stopped (with every process it started) when it has not finished by then.
    public let timeoutSeconds: Int

    public init(executable: String, timeoutSeconds: Int = 120) {
        self.executable = executable
        self.timeoutSeconds = timeoutSeconds
    }

    /// The first Chromium in the folders of `path` (a `PATH` value; empty entries, meaning the working folder, are
    /// skipped), else on macOS the usual application bundles; nil when there is none.
    public static func locate(path: String? = ProcessInfo.processInfo.environment["PATH"], timeoutSeconds: Int = 120) -> ChromiumPrinter? {
        var candidates: [String] = []
        for folder in (path ?? "").split(separator: ":", omittingEmptySubsequences: true) where folder.hasPrefix("/") {
            for name in names { candidates.append(String(folder) + "/" + name) }
        }
        #if os(macOS)
        candidates += ["/Applications/Google Chrome.app/Contents/MacOS/Google Chrome", "/Applications/Chromium.app/Contents/MacOS/Chromium"]
        #endif
        for candidate in candidates {
            var info = stat()
            if stat(candidate, &info) == 0, info.st_mode & S_IFMT == S_IFREG, access(candidate, X_OK) == 0 {
                return ChromiumPrinter(executable: candidate, timeoutSeconds: timeoutSeconds)
            }
        }
        return nil
    }

    /// What to tell a user who asked for a PDF on a machine without Chromium.
    public static var notInstalled: Diagnostic {
        .error(Message("chromium.not-installed", names.joined(separator: ", "), "--format html"), at: nil)
    }

    /// The PDF of `html`, or why there is none.
    public func print(html: [UInt8]) -> Result<[UInt8], Diagnostic> {
        func failure(_ why: Message) -> Result<[UInt8], Diagnostic> { .failure(.error(why, at: nil)) }
        let temporary = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("parkscore-pdf-XXXXXX").path
        var template = Array(temporary.utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkdtemp($0) != nil } ?? false }
        guard made else { return failure(Message("chromium.no-temporary", SystemError.current)) }
        let folder = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let page = folder + "/dossier.html", pdf = folder + "/dossier.pdf", log = folder + "/chromium.log"
        if let problem = Self.createExclusively(page, bytes: html) { return failure(Message("chromium.page", problem)) }

        let arguments = [
            executable, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
            "--disable-extensions", "--disable-background-networking", "--disable-sync", "--mute-audio",
            "--host-resolver-rules=MAP * ~NOTFOUND",
            "--no-pdf-header-footer", "--print-to-pdf-no-header",
            "--user-data-dir=" + folder + "/profile", "--print-to-pdf=" + pdf, URL(fileURLWithPath: page).absoluteString,
        ]
        switch Self.run(arguments, log: log, timeoutSeconds: timeoutSeconds) {
        case .timedOut: return failure(Message("chromium.timeout", executable, String(timeoutSeconds)))
        case .notStarted(let why): return failure(Message("chromium.not-started", executable, why))
        case .exited(let status) where status != 0:
            // Chromium's own last words, as it wrote them.
            return failure(Self.lastLine(of: log).map { Message("chromium.status.said", executable, String(status), $0) }
                               ?? Message("chromium.status", executable, String(status)))
        case .exited: break
        }
        switch Self.readRegularFile(pdf, limit: Self.maxPDFBytes) {
        case .failure(let why): return failure(Message("chromium.no-pdf", [executable], parts: [why.message]))
        case .success(let bytes):
            guard bytes.starts(with: Array("%PDF-".utf8)) else { return failure(Message("chromium.not-pdf", executable)) }
            return .success(bytes)
        }
    }

    enum Outcome: Equatable {
        case exited(Int32)
        case timedOut
        case notStarted(String)
    }

    /// Runs `arguments` in a process group of its own, output to `log`, input from /dev/null; after `timeoutSeconds` the
    /// group is killed. Whatever the group left running once its leader is done is killed too.
    static func run(_ arguments: [String], log: String, timeoutSeconds: Int) -> Outcome {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, arguments[0], &actions, &attributes, argv, environ)
        guard spawned == 0 else { return .notStarted(SystemError.name(spawned)) }
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(max(1, timeoutSeconds)) * 1_000_000_000
        var status: Int32 = 0
        while true {
            let done = waitpid(pid, &status, WNOHANG)
            if done == pid { break }
            if done < 0 && errno != EINTR { return .exited(-1) }
            if DispatchTime.now().uptimeNanoseconds > deadline {
                kill(-pid, SIGKILL)
                while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
                return .timedOut
            }
            usleep(50_000)
        }
        kill(-pid, SIGKILL)
        // Exited normally: its exit code; killed by a signal: 128 + the signal, as a shell reports it.
        let signal = status & 0x7F
        return .exited(signal == 0 ? (status >> 8) & 0xFF : 128 + signal)
    }

    /// Creates `path`, which must not exist, and writes `bytes` into it.
    static func createExclusively(_ path: String, bytes: [UInt8]) -> String? {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return SystemError.current }
        let problem = AtomicFile.writeAll(bytes, to: fd)
        return close(fd) == 0 ? problem : problem ?? SystemError.current
    }

    /// Why a file could not be read.
    struct ReadProblem: Error {
        let message: Message
        init(_ message: Message) { self.message = message }
    }

    /// The bytes of a regular file (a link is not followed), at most `limit` of them.
    static func readRegularFile(_ path: String, limit: Int) -> Result<[UInt8], ReadProblem> {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return .failure(ReadProblem(Message("chromium.pdf.unreadable", SystemError.current))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return .failure(ReadProblem(Message("chromium.pdf.not-regular"))) }
        guard Int(info.st_size) <= limit else { return .failure(ReadProblem(Message("chromium.pdf.too-large", String(limit >> 20)))) }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var total = 0
        while total < bytes.count {
            let n = bytes.withUnsafeMutableBytes { buffer in buffer.baseAddress.map { read(fd, $0 + total, buffer.count - total) } ?? 0 }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            total += n
        }
        return .success(Array(bytes.prefix(total)))
    }

    /// The last line of Chromium's output that says something, for an error message (bounded, control characters removed).
    static func lastLine(of log: String) -> String? {
        guard case .success(let bytes) = readRegularFile(log, limit: 1 << 20) else { return nil }
        let text = String(decoding: bytes, as: UTF8.self)
        let lines: [String] = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let last = lines.last(where: { !$0.isEmpty }) else { return nil }
        var shown = String.UnicodeScalarView()
        for scalar in last.unicodeScalars where scalar.value >= 0x20 && scalar.value != 0x7F { shown.append(scalar) }
        return String(String(shown).prefix(300))
    }
}
