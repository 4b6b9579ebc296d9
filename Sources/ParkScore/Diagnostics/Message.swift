/// Something to be said to a user, kept as data: a stable code and the values it quotes, in order. The engine and the
/// loaders never word a message; a message catalogue (`Templates/messages/`, in ParkScoreIO) words it, in the
/// user's language, when it is shown.
///
/// A code names one kind of message and never changes meaning once given (`input.invalid.integer`); the catalogue
/// holds it under `diagnostics.` + code, and quotes the arguments as `{1}`, `{2}`, …
public struct Message: Sendable, Hashable, CustomStringConvertible {
    public var code: String
    public var arguments: [String]
    /// Messages worded inside this one, as `{m1}`, `{m2}`, … in the catalogue: what was written (「text '20家'」), a
    /// place (`the rating of 'x'`), a hint. Each is worded in the same language as the message around it.
    public var parts: [Message]

    public init(_ code: String, _ arguments: [String], parts: [Message] = []) {
        self.code = code
        self.arguments = arguments
        self.parts = parts
    }

    public init(_ code: String, _ arguments: String...) {
        self.init(code, arguments)
    }

    /// `code('a', 'b')`: for logs and test failures, never for users.
    public var description: String {
        let all = arguments.map { "'\($0)'" } + parts.map(\.description)
        return all.isEmpty ? code : code + "(" + all.joined(separator: ", ") + ")"
    }
}
