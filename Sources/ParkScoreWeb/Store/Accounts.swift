import Foundation
import GRDB
import HummingbirdBcrypt

/// Making and checking accounts: names and passwords are checked here, once, for the CLI and the admin pages alike.
public enum Accounts {
    public enum Problem: Error, Sendable, Equatable {
        /// A key under `web.account.problem.`.
        case invalid(String)
    }

    /// Sign-in names: 3–40 of a–z, 0–9, `.`, `_`, `-`, starting with a letter or digit.
    public static func isValidName(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard (3...40).contains(bytes.count), let first = bytes.first, isAlnum(first) else { return false }
        return bytes.allSatisfy { isAlnum($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }
    }

    static func isAlnum(_ b: UInt8) -> Bool { (48...57).contains(b) || (97...122).contains(b) }

    public static let minPasswordLength = 10
    /// bcrypt reads 72 bytes at most; a longer password would be cut without saying so.
    public static let maxPasswordBytes = 72

    public static func checkPassword(_ password: String) throws(Problem) {
        guard password.count >= minPasswordLength else { throw .invalid("password-short") }
        guard password.utf8.count <= maxPasswordBytes else { throw .invalid("password-long") }
    }

    /// bcrypt, cost 12 (tests may pass a lower cost).
    public static func hash(_ password: String, cost: UInt8 = 12) -> String { Bcrypt.hash(password, cost: cost) }

    public static func verify(_ password: String, hash: String) -> Bool {
        guard password.utf8.count <= maxPasswordBytes else { return false }
        return Bcrypt.verify(password, hash: hash)
    }

    /// bcrypt takes a quarter of a second of one core on purpose: run on the server's request threads, a burst of
    /// sign-ins would stall every other request. These run it on a thread of its own (Dispatch's global pool).
    public static func offRequestThreads<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                continuation.resume(with: Result { try work() })
            }
        }
    }

    public static func verifyOffRequestThreads(_ password: String, hash: String) async -> Bool {
        (try? await offRequestThreads { verify(password, hash: hash) }) ?? false
    }

    public static func hashOffRequestThreads(_ password: String) async throws -> String {
        try await offRequestThreads { Self.hash(password) }
    }

    /// A bcrypt hash of no password anyone has: verified against when the name is unknown, so that a wrong name takes
    /// as long as a wrong password.
    static let decoyHash = Bcrypt.hash(WebSession.newToken(), cost: 12)

    /// Creates an account; `actorID` is the admin who made it (nil: the command line). Audited.
    @discardableResult
    public static func create(in store: WorkbenchStore, name: String, displayName: String, password: String, role: Account.Role,
                              organisation: String = "", actorID: Int64? = nil, cost: UInt8 = 12) throws -> Account {
        let name = name.lowercased()
        guard isValidName(name) else { throw Problem.invalid("name") }
        let displayName = displayName.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !displayName.isEmpty, displayName.count <= 80 else { throw Problem.invalid("display-name") }
        guard organisation.count <= 120 else { throw Problem.invalid("organisation") }
        try checkPassword(password)
        let hash = hash(password, cost: cost)
        return try store.database.write { db in
            guard try Account.filter(Column("name") == name).fetchCount(db) == 0 else { throw Problem.invalid("name-taken") }
            var account = Account(name: name, displayName: displayName, passwordHash: hash, role: role, organisation: organisation,
                                  createdAt: Date())
            try account.insert(db)
            try WorkbenchStore.record(AuditEvent(applicationID: nil, actorID: actorID, at: Date(), action: "account.created",
                                                 subject: name, newValue: role.rawValue), in: db)
            return account
        }
    }
}
