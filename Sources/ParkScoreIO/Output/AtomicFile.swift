import Foundation
import ParkScore

/// Writes a file whole or not at all, and never through a link: the text goes to a temporary file beside the target,
/// created exclusively under a random name that no link can stand in for, then renamed into place. A target that
/// exists must be a regular file (a device, a folder, a FIFO or a link is refused); a failure leaves no file behind.
public enum AtomicFile {
    /// The ending of temporary files, so that ones an interrupted run left behind can be recognised and removed.
    public static let temporarySuffix = ".parkscore-tmp"

    public enum Existing {
        /// Replace an existing regular file.
        case replace
        /// Refuse to touch an existing file (`template -o` without `--force`).
        case keep
    }

    public static func write(_ text: String, to path: String, existing: Existing = .replace) -> Diagnostic? {
        write(Array(text.utf8), to: path, existing: existing)
    }

    /// Why `path` cannot be written, if it cannot: checked before a run writes anything, so that nothing is half-written.
    public static func refusal(_ path: String, existing: Existing = .replace) -> Diagnostic? {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return .error(Message("output.write.no-folder", path, folder.path), at: nil)
        }
        var info = stat()
        if lstat(path, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFREG:
                if existing == .keep { return .error(Message("output.write.exists", path, "--force"), at: nil) }
            case S_IFLNK: return .error(Message("output.write.link", path), at: nil)
            case S_IFDIR: return .error(Message("output.write.folder", path), at: nil)
            default: return .error(Message("output.write.special", path), at: nil)
            }
        }
        return nil
    }

    /// With `mode`, the file gets exactly these permissions (a file rewritten in place keeps its own); else 0644 less
    /// the umask.
    public static func write(_ bytes: [UInt8], to path: String, existing: Existing = .replace, mode: mode_t? = nil) -> Diagnostic? {
        if let refusal = refusal(path, existing: existing) { return refusal }
        let target = URL(fileURLWithPath: path)
        let folder = target.deletingLastPathComponent()
        for _ in 0..<8 {
            let name = ".\(target.lastPathComponent).\(randomToken())\(temporarySuffix)"
            let temporary = folder.appendingPathComponent(name).path
            let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
            if fd < 0 {
                if errno == EEXIST { continue }
                return .error(Message("output.write.failed", path, SystemError.current), at: nil)
            }
            var failure: String?
            if let mode, fchmod(fd, mode) != 0 { failure = SystemError.current }
            if failure == nil { failure = writeAll(bytes, to: fd) }
            if failure == nil && close(fd) != 0 { failure = SystemError.current } else if failure != nil { close(fd) }
            if failure == nil && rename(temporary, path) != 0 { failure = SystemError.current }
            if let failure {
                unlink(temporary)
                return .error(Message("output.write.failed", path, failure), at: nil)
            }
            return nil
        }
        return .error(Message("output.write.no-temporary", path), at: nil)
    }

    /// Removes temporary files an interrupted run left in `folder` (never following links; only our own names, and
    /// only those untouched for an hour, so a run writing into the same folder at the same time keeps its own).
    public static func removeStale(in folder: String, olderThan seconds: Int = 3600) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasPrefix(".") && name.hasSuffix(temporarySuffix) {
            var info = stat()
            let path = folder + "/" + name
            if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(time(nil)) - Int(info.st_mtim.tv_sec) > seconds { unlink(path) }
        }
    }

    /// Writes every byte to `fd` (again after an interruption or a short write); the system's reason if it cannot (its
    /// `errno` symbol, `SystemError`).
    public static func writeAll(_ bytes: [UInt8], to fd: Int32) -> String? {
        var written = 0
        var failure: String?
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            while written < buffer.count {
                let n = Foundation.write(fd, base + written, buffer.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = SystemError.current
                    return
                }
                written += n
            }
        }
        return failure
    }

    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return String(generator.next() as UInt64, radix: 36)
    }
}
