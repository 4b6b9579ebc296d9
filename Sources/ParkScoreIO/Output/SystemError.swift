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
        case EIO: return "EIO"
        case ELOOP: return "ELOOP"
        case ENAMETOOLONG: return "ENAMETOOLONG"
        case EMFILE: return "EMFILE"
        case ENFILE: return "ENFILE"
        case ENOMEM: return "ENOMEM"
        case EISDIR: return "EISDIR"
        case ENXIO: return "ENXIO"
        case EAGAIN: return "EAGAIN"
        case EINVAL: return "EINVAL"
        case EOVERFLOW: return "EOVERFLOW"
        default: return "errno \(number)"
        }
    }

    /// The name of the current `errno`.
    public static var current: String { name(errno) }
}
