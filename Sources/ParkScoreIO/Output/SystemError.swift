import Foundation

/// The system's reason for a failure, named by its `errno` symbol (`ENOSPC`): an identifier, the same in every
/// language, where the system's own words for it (`strerror`) are English.
public enum SystemError {
    public static func name(_ number: Int32) -> String {
        switch number {
        case EACCES: return "EACCES"
        case EPERM: return "EPERM"
        case ENOENT: return "ENOENT"
        case ENOTDIR: return "ENOTDIR"
        case EEXIST: return "EEXIST"
        case ENOSPC: return "ENOSPC"
        case EDQUOT: return "EDQUOT"
        case EROFS: return "EROFS"
        case EFBIG: return "EFBIG"
        case EXDEV: return "EXDEV"
        case EBUSY: return "EBUSY"
        case ENOTEMPTY: return "ENOTEMPTY"
        case EPIPE: return "EPIPE"
        default: return SourceFile.errnoName(number)
        }
    }

    /// The name of the current `errno`.
    public static var current: String { name(errno) }
}
