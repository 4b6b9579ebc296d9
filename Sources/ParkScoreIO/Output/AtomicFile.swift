import Foundation
import ParkScore

/// Writes a file whole or not at all: the text goes to a temporary file beside the target, which is then
/// renamed into place, so a failure never leaves a partial file.
public enum AtomicFile {
    public static func write(_ text: String, to path: String) -> Diagnostic? {
        let target = URL(fileURLWithPath: path)
        let folder = target.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return .error("cannot write '\(path)': no folder '\(folder.path)'", at: nil)
        }
        let temporary = folder.appendingPathComponent(".\(target.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try Data(text.utf8).write(to: temporary)
            if rename(temporary.path, target.path) != 0 {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: temporary)
                return .error("cannot write '\(path)': \(reason)", at: nil)
            }
            return nil
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            return .error("cannot write '\(path)': \(error.localizedDescription)", at: nil)
        }
    }
}
