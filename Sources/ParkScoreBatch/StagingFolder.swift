import Foundation
import ParkScore
import ParkScoreIO

/// Where a batch writes while it runs: a hidden folder of its own inside the output folder (`.parkscore-batch-XXXXXX`,
/// made by mkdtemp, so nothing else can be in it), moved into place at the end. A batch that fails or is interrupted
/// leaves the output folder as it was; one that succeeds replaces what it writes (each scorecard's folder and
/// `problems.txt`) and nothing else. Files are created exclusively, never through a link, with no sync per file: one
/// sync at the end, before the move.
final class StagingFolder: @unchecked Sendable {
    static let prefix = ".parkscore-batch-"

    let output: String
    let path: String
    private let lock = NSLock()
    private var made: Set<String> = []
    /// The staging folder held open with an exclusive flock for the whole run: another batch into the same output
    /// never takes it for one an interrupted run left, however long this one runs.
    private var lockFD: Int32 = -1
    /// Set when a failed move could not be undone: the staging folder then holds what was replaced, and stays.
    private var keep = false

    private init(output: String, path: String) {
        self.output = output
        self.path = path
        lockFD = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if lockFD >= 0 { _ = flock(lockFD, LOCK_EX | LOCK_NB) }
    }

    deinit { if lockFD >= 0 { close(lockFD) } }

    /// Makes the output folder if missing, removes what an interrupted batch left there an hour ago or more, and
    /// makes a fresh staging folder in it.
    static func create(in output: String) -> Result<StagingFolder, Diagnostic> {
        var info = stat()
        if stat(output, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else { return .failure(.error(Message("staging.not-a-folder", output), at: nil)) }
        } else {
            do {
                try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            } catch {
                // The system's reason, by its errno symbol when Foundation passes one on.
                let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
                if let underlying, underlying.domain == NSPOSIXErrorDomain {
                    return .failure(.error(Message("staging.output.create.failed", output, SystemError.name(Int32(underlying.code))), at: nil))
                }
                return .failure(.error(Message("staging.output.create", output), at: nil))
            }
        }
        removeStale(in: output)
        var template = Array((output + "/" + prefix + "XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ buffer in buffer.baseAddress.flatMap { mkdtemp($0) } }) else {
            return .failure(.error(Message("staging.write-into", output, SystemError.current), at: nil))
        }
        return .success(StagingFolder(output: output, path: String(cString: made)))
    }

    /// Staging folders of batches that stopped before the end, untouched for an hour and locked by no running batch (a
    /// batch running now into the same folder holds its own with flock).
    static func removeStale(in output: String, olderThan seconds: Int = 3600) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: output) else { return }
        for name in names where name.hasPrefix(prefix) {
            var info = stat()
            let path = output + "/" + name
            guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR, Int(time(nil)) - Int(info.st_mtim.tv_sec) > seconds else { continue }
            let fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard fd >= 0 else { continue }
            defer { close(fd) }
            guard flock(fd, LOCK_EX | LOCK_NB) == 0 else { continue }
            try? FileManager.default.removeItem(atPath: path)
        }
    }

    /// Makes `relative` (and its parents) inside the staging folder, once.
    func folder(_ relative: String) -> Diagnostic? {
        lock.lock()
        defer { lock.unlock() }
        var sofar = ""
        for part in relative.split(separator: "/") {
            sofar += (sofar.isEmpty ? "" : "/") + part
            if made.contains(sofar) { continue }
            if mkdir(path + "/" + sofar, 0o755) != 0 && errno != EEXIST {
                return .error(Message("staging.folder", output + "/" + sofar, SystemError.current), at: nil)
            }
            made.insert(sofar)
        }
        return nil
    }

    enum Existing {
        /// The file must not exist yet.
        case refuse
        /// The file is replaced (a lower-numbered application with the same park id takes the name over).
        case replace
    }

    /// Writes a new file at `relative` inside the staging folder. `.refuse`: EEXIST is reported as `.exists`.
    enum WriteOutcome {
        case written
        case exists
        case failed(Diagnostic)
    }

    func write(_ bytes: [UInt8], to relative: String, existing: Existing = .refuse) -> WriteOutcome {
        let target = path + "/" + relative
        for _ in 0..<8 {
            if existing == .replace { unlink(target) }
            let fd = open(target, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
            if fd < 0 {
                if errno == EEXIST {
                    if existing == .refuse { return .exists }
                    continue
                }
                return .failed(.error(Message("output.write.failed", output + "/" + relative, SystemError.current), at: nil))
            }
            var failure = AtomicFile.writeAll(bytes, to: fd)
            if close(fd) != 0 && failure == nil { failure = SystemError.current }
            if let failure { return .failed(.error(Message("output.write.failed", output + "/" + relative, failure), at: nil)) }
            return .written
        }
        return .failed(.error(Message("staging.replaced-meanwhile", output + "/" + relative), at: nil))
    }

    /// A new file at `relative` to write a piece at a time (a ranking of many parks, never held whole in memory).
    func create(_ relative: String) -> Result<StagedFile, Diagnostic> {
        let fd = open(path + "/" + relative, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return .failure(.error(Message("output.write.failed", output + "/" + relative, SystemError.current), at: nil)) }
        return .success(StagedFile(fd: fd, name: output + "/" + relative))
    }

    /// Why an entry of the output folder cannot be replaced, if it cannot: a link, a device or the wrong kind.
    private func refusal(_ name: String, folder: Bool) -> Diagnostic? {
        var info = stat()
        guard lstat(output + "/" + name, &info) == 0 else { return nil }
        let kind = info.st_mode & S_IFMT
        if kind == S_IFLNK { return .error(Message("staging.replace.link", output + "/" + name), at: nil) }
        if folder && kind != S_IFDIR { return .error(Message("staging.replace.not-folder", output + "/" + name), at: nil) }
        if !folder && kind != S_IFREG { return .error(Message("staging.replace.not-file", output + "/" + name), at: nil) }
        return nil
    }

    /// Moves the staged entries (folders and files directly in the staging folder) into the output folder, replacing
    /// the ones there, after one sync. Every entry is checked before the first is moved; what was replaced goes into
    /// the staging folder, which is removed last.
    func publish(_ entries: [(name: String, isFolder: Bool)]) -> Diagnostic? {
        for entry in entries {
            if let refusal = refusal(entry.name, folder: entry.isFolder) { return refusal }
        }
        // One sync for the whole batch (the files' data on disk before their names are), not one per file.
        sync()
        let replaced = path + "/.replaced"
        guard mkdir(replaced, 0o700) == 0 else { return .error(Message("staging.write-into", output, SystemError.current), at: nil) }
        // Each entry moved in; on a failure, the ones moved so far are moved back, and what they replaced with them.
        var moved: [(name: String, replacedOld: Bool)] = []
        for entry in entries {
            let target = output + "/" + entry.name
            var info = stat()
            var failure: Message?
            let hadOld = lstat(target, &info) == 0
            if hadOld, rename(target, replaced + "/" + entry.name) != 0 {
                failure = Message("staging.publish.replace", target, SystemError.current)
            } else if rename(path + "/" + entry.name, target) != 0 {
                failure = Message("staging.publish.move", entry.name, output, SystemError.current)
                if hadOld { rename(replaced + "/" + entry.name, target) }
            }
            guard let failure else {
                moved.append((entry.name, hadOld))
                continue
            }
            var undone = true
            for done in moved.reversed() {
                let target = output + "/" + done.name
                if rename(target, path + "/" + done.name) != 0 { undone = false; continue }
                if done.replacedOld && rename(replaced + "/" + done.name, target) != 0 { undone = false }
            }
            if undone { return .error(Message("staging.publish.undone", [], parts: [failure]), at: nil) }
            keep = true
            return .error(Message("staging.publish.kept", [replaced], parts: [failure]), at: nil)
        }
        discard()
        return nil
    }

    /// Removes the staging folder and all in it.
    func discard() {
        guard !keep else { return }
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// A file written a piece at a time through a buffer of 256 KiB.
final class StagedFile {
    private let fd: Int32
    private let name: String
    private var buffer: [UInt8] = []
    private var failure: String?
    private var isClosed = false
    static let bufferSize = 1 << 18

    init(fd: Int32, name: String) {
        self.fd = fd
        self.name = name
        buffer.reserveCapacity(Self.bufferSize)
    }

    deinit { if !isClosed { Foundation.close(fd) } }

    func append(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.bufferSize { flush() }
    }

    func append(_ bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.bufferSize { flush() }
    }

    private func flush() {
        guard failure == nil else {
            buffer.removeAll(keepingCapacity: true)
            return
        }
        failure = AtomicFile.writeAll(buffer, to: fd)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is left and closes the file; the first failure, if any.
    func close() -> Diagnostic? {
        flush()
        isClosed = true
        if Foundation.close(fd) != 0 && failure == nil { failure = SystemError.current }
        return failure.map { .error(Message("output.write.failed", name, $0), at: nil) }
    }
}
