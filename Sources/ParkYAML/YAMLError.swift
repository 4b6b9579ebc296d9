/// Why a YAML text could not be read: a syntax error from libyaml, or a rule of this layer
/// (duplicate key, unknown alias, a limit reached). `mark` is where the problem is.
///
/// `message` is in English (libyaml's own words, or this layer's), for logs and tests; what a user reads is worded by
/// the message catalogue from `code` and `arguments` (ParkYAML holds no wording a user sees: ParkScoreIO's catalogue has
/// an entry `diagnostics.<code>` in each language for every code made here).
public struct YAMLError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        case syntax
        case duplicateKey
        case unknownAlias
        case invalidTaggedValue
        case limit
        case encoding
        case multipleDocuments
    }

    public var reason: Reason
    public var message: String
    public var mark: Mark?
    /// The kind of problem, for a message catalogue (`yaml.problem.expected-key`, `yaml.limit.depth`); `yaml.syntax`
    /// (its one argument the English message) for a libyaml problem this layer does not know.
    public var code: String
    /// The values the message quotes, in order.
    public var arguments: [String]
    /// Where the construct libyaml was reading when it failed started (libyaml's "context"), when it says.
    public var contextMark: Mark?

    /// An error with no code of its own: `yaml.syntax`, quoting the English message.
    public init(_ reason: Reason, _ message: String, at mark: Mark?) {
        self.init(reason, message, at: mark, code: Self.unknownCode, arguments: [message])
    }

    public init(_ reason: Reason, _ message: String, at mark: Mark?, code: String, arguments: [String] = [], contextMark: Mark? = nil) {
        self.reason = reason
        self.message = message
        self.mark = mark
        self.code = code
        self.arguments = arguments
        self.contextMark = contextMark
    }

    /// A problem libyaml names in words this layer has no code for; the English words are its one argument.
    public static let unknownCode = "yaml.syntax"

    /// Two errors are the same when they say the same at the same place (the code and arguments follow from those).
    public static func == (a: YAMLError, b: YAMLError) -> Bool {
        a.reason == b.reason && a.message == b.message && a.mark == b.mark
    }

    public var description: String {
        if let mark { return "\(mark): \(message)" }
        return message
    }
}
