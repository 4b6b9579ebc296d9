import Foundation
import Hummingbird
import HummingbirdAuth
import NIOCore
import ParkScore

/// What a session remembers: who signed in (nil before), the token every state-changing form carries, and the time of
/// sign-in.
public struct WebSession: Codable, Sendable, Equatable {
    public var accountID: Int64?
    public var csrf: String

    public init(accountID: Int64? = nil, csrf: String = WebSession.newToken()) {
        self.accountID = accountID
        self.csrf = csrf
    }

    /// 32 random bytes as hex.
    public static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }
}

/// The request context of every route: the session, the account signed in (checked against the database on each
/// request: a disabled account is signed out at once), the page language, and the form fields of a posted form.
public struct WorkbenchContext: SessionRequestContext, RequestContext {
    public var coreContext: CoreRequestContextStorage
    public let sessions: SessionContext<WebSession>
    public var account: Account?
    public var language: LocalizedText.Language = .zh
    /// A posted `application/x-www-form-urlencoded` form, read (bounded) by `SessionGate`.
    public var form = FormFields()

    /// The client's address (the sign-in throttle counts by it); nil in route tests.
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        sessions = .init()
        remoteAddress = source.channel.remoteAddress
    }

    /// The most a request body may be: an evidence file's limit with room for the multipart framing.
    public var maxUploadSize: Int { EvidenceBlobs.maxBytes + (1 << 20) }

    public var session: WebSession? { sessions.session }
    public var csrfToken: String { sessions.session?.csrf ?? "" }

    /// The account signed in, else 403 (an anonymous request to a page that needs one is sent to sign in by
    /// `requireSignedIn` first).
    public func requireAccount() throws -> Account {
        guard let account else { throw HTTPError(.unauthorized) }
        return account
    }

    /// The account signed in when it has one of `roles`, else 403.
    public func require(_ roles: Account.Role...) throws -> Account {
        let account = try requireAccount()
        guard roles.contains(account.role) else { throw HTTPError(.forbidden) }
        return account
    }
}

/// The fields of a posted form, in order. Bounded: at most `maxFields` fields of at most `maxValueBytes` each.
public struct FormFields: Sendable {
    public private(set) var pairs: [(name: String, value: String)] = []

    public static let maxFields = 20_000
    public static let maxBodyBytes = 4 << 20

    public init() {}

    public init(pairs: [(String, String)]) {
        self.pairs = pairs.map { (name: $0.0, value: $0.1) }
    }

    /// Parses `a=1&b=%E4%B8%AD` (plus as space); nil when the body is not such a form or has too many fields.
    public static func parse(_ body: String) -> FormFields? {
        var out = FormFields()
        if body.isEmpty { return out }
        for part in body.split(separator: "&", omittingEmptySubsequences: true) {
            guard out.pairs.count < maxFields else { return nil }
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = decode(pieces[0]) else { return nil }
            let value = pieces.count > 1 ? decode(pieces[1]) : ""
            guard let value else { return nil }
            out.pairs.append((name, value))
        }
        return out
    }

    static func decode(_ text: Substring) -> String? {
        String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    /// The first value of `name`.
    public subscript(_ name: String) -> String? { pairs.first { $0.name == name }?.value }

    /// Every value of `name`, in order (checkboxes, multiple selects).
    public func all(_ name: String) -> [String] { pairs.filter { $0.name == name }.map(\.value) }

    /// Names that start with `prefix`, with the prefix removed, and their first values.
    public func prefixed(_ prefix: String) -> [(String, String)] {
        pairs.filter { $0.name.hasPrefix(prefix) }.map { (String($0.name.dropFirst(prefix.count)), $0.value) }
    }
}
