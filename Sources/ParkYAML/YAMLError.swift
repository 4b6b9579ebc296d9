/// Why a YAML text could not be read: a syntax error from libyaml, or a rule of this layer
/// (duplicate key, unknown alias, a limit reached). `mark` is where the problem is.
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

    public init(_ reason: Reason, _ message: String, at mark: Mark?) {
        self.reason = reason
        self.message = message
        self.mark = mark
    }

    public var description: String {
        if let mark { return "\(mark): \(message)" }
        return message
    }
}
