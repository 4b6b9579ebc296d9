/// One problem found in an input: what is wrong, where, and at which key path.
///
/// The library never prints: loaders and validations return diagnostics, and the caller decides how to
/// show them. Messages are lowercase with no trailing period and put names in single quotes.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Comparable {
        case error, warning, note

        private var rank: Int {
            switch self {
            case .error: return 0
            case .warning: return 1
            case .note: return 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    public var severity: Severity
    public var message: String
    public var location: SourceLocation?
    /// The key path inside the document, such as `facts.tenants.total` or `dimensions[2].criteria[0]`.
    public var path: String?
    /// A stable name for the kind of problem or note (`DiagnosticCode`), for a message catalogue to key on; nil for
    /// diagnostics that have none yet.
    public var code: String?
    /// The values the message quotes, in order, for a catalogue to word the message anew.
    public var arguments: [String]
    /// Messages worded inside this one (`Message.parts`).
    public var parts: [Message] = []

    public init(_ severity: Severity, _ message: String, at location: SourceLocation?, path: String? = nil, code: String? = nil,
                arguments: [String] = []) {
        self.severity = severity
        self.message = message
        self.location = location
        self.path = path
        self.code = code
        self.arguments = arguments
    }

    /// A problem worded by the message catalogue: `code` with the values it quotes (see `Message`).
    public init(_ severity: Severity, _ message: Message, at location: SourceLocation?, path: String? = nil) {
        self.init(severity, message.description, at: location, path: path, code: message.code, arguments: message.arguments)
        parts = message.parts
    }

    public static func error(_ message: Message, at location: SourceLocation?, path: String? = nil) -> Diagnostic {
        Diagnostic(.error, message, at: location, path: path)
    }

    public static func warning(_ message: Message, at location: SourceLocation?, path: String? = nil) -> Diagnostic {
        Diagnostic(.warning, message, at: location, path: path)
    }

    public static func note(_ message: Message, at location: SourceLocation?, path: String? = nil) -> Diagnostic {
        Diagnostic(.note, message, at: location, path: path)
    }

    /// The code and arguments as a `Message`, for a catalogue to word; a diagnostic with no code yet stands as itself.
    public var coded: Message? { code.map { Message($0, arguments, parts: parts) } }

    /// A diagnostic with its words given, not a code: only for the message catalogue's own problems, which it cannot
    /// word (said in both languages), and for tests that compare what was said. Sources word every other message
    /// through a `Message` (`MessageCatalogueTests` refuses a string-worded diagnostic anywhere else).
    public static func error(_ message: String, at location: SourceLocation?, path: String? = nil) -> Diagnostic {
        Diagnostic(.error, message, at: location, path: path)
    }

    public static func warning(_ message: String, at location: SourceLocation?, path: String? = nil) -> Diagnostic {
        Diagnostic(.warning, message, at: location, path: path)
    }

    public static func note(_ message: String, at location: SourceLocation?, path: String? = nil) -> Diagnostic {
        Diagnostic(.note, message, at: location, path: path)
    }

    /// The same problem, reported as a warning (evidence problems do not stop a self-assessment).
    public var asWarning: Diagnostic {
        var copy = self
        copy.severity = .warning
        return copy
    }

    /// `file:line:column: error: message`
    public var description: String {
        var s = ""
        if let location { s += "\(location): " }
        s += "\(severity.rawValue): \(message)"
        return s
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Errors first, then by file, line and column; the order of equal places is kept.
    public func sortedForReport() -> [Diagnostic] {
        enumerated().sorted { a, b in
            let la = a.element.location, lb = b.element.location
            if la != lb {
                switch (la, lb) {
                case (nil, _): return true
                case (_, nil): return false
                case let (x?, y?): return x < y
                }
            }
            return a.offset < b.offset
        }.map(\.element)
    }
}

extension Diagnostic: Error {}
