import Foundation
import GRDB
import Hummingbird

/// Sessions kept in the database (hummingbird-auth's `SessionMiddleware` stores through a `PersistDriver`): a restart
/// keeps everyone signed in, and an expired session is removed when it is next read (and by `prune`).
public struct SessionStore: PersistDriver {
    let database: DatabasePool

    public init(database: DatabasePool) {
        self.database = database
    }

    static let encoder = JSONEncoder()
    static let decoder = JSONDecoder()

    func expiry(_ expires: Duration?) -> Double? {
        expires.map { Date().timeIntervalSince1970 + Double($0.components.seconds) }
    }

    public func create<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        let data = try Self.encoder.encode(value)
        let expiresAt = expiry(expires)
        try WorkbenchStore.write(database) { db in
            guard try Row.fetchOne(db, sql: "SELECT 1 FROM session WHERE key = ?", arguments: [key]) == nil else {
                throw PersistError.duplicate
            }
            try db.execute(sql: "INSERT INTO session (key, value, expiresAt) VALUES (?, ?, ?)", arguments: [key, data, expiresAt])
        }
    }

    public func set<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        let data = try Self.encoder.encode(value)
        let expiresAt = expiry(expires)
        try WorkbenchStore.write(database) { db in
            if let expiresAt {
                try db.execute(sql: "INSERT INTO session (key, value, expiresAt) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, expiresAt = excluded.expiresAt",
                               arguments: [key, data, expiresAt])
            } else {
                try db.execute(sql: "INSERT INTO session (key, value, expiresAt) VALUES (?, ?, NULL) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                               arguments: [key, data])
            }
        }
    }

    public func get<Object: Codable & Sendable>(key: String, as: Object.Type) async throws -> Object? {
        try await getWithTTL(key: key, as: Object.self)?.object
    }

    public func getWithTTL<Object: Codable & Sendable>(key: String, as: Object.Type) async throws -> (object: Object, ttl: Duration?)? {
        let stored: (data: Data, expiresAt: Double?)? = try WorkbenchStore.read(database) { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT value, expiresAt FROM session WHERE key = ?", arguments: [key]) else { return nil }
            return (row["value"], row["expiresAt"])
        }
        guard let stored else { return nil }
        let expiresAt = stored.expiresAt
        let now = Date().timeIntervalSince1970
        if let expiresAt, expiresAt <= now {
            try await remove(key: key)
            return nil
        }
        let object = try Self.decoder.decode(Object.self, from: stored.data)
        return (object, expiresAt.map { .seconds(Int64($0 - now)) })
    }

    public func remove(key: String) async throws {
        try WorkbenchStore.write(database) { db in try db.execute(sql: "DELETE FROM session WHERE key = ?", arguments: [key]) }
    }

    /// Removes every expired session.
    public func prune() async throws {
        let now = Date().timeIntervalSince1970
        try WorkbenchStore.write(database) { db in try db.execute(sql: "DELETE FROM session WHERE expiresAt <= ?", arguments: [now]) }
    }
}
