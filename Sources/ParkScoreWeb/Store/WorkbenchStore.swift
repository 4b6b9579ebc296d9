import Foundation
import GRDB

/// The workbench's one database: a SQLite file in WAL mode (readers never wait for the writer), migrated on open, and
/// the folder beside it where evidence files are kept under their sha256. Every part of the server reads and writes
/// through it; replacing SQLite (PostgreSQL, for a province) means another implementation of these methods.
///
/// Every access is GRDB's synchronous `read`/`write`, never the `async` ones: an async access waits for a reader on a
/// thread of Swift's cooperative pool and releases it only when its task runs again there, so under load (100
/// sessions, 2 cores, 2 pool threads) async and sync accesses together can leave every pool thread waiting for a
/// reader that only a pool thread could release. The load test found exactly that deadlock. A synchronous access
/// holds a reader only while its closure runs.
public final class WorkbenchStore: Sendable {
    public let database: DatabasePool
    public let blobs: EvidenceBlobs
    public let path: String

    /// Opens (creating and migrating when new) the database at `path`; evidence goes into `<path>.evidence/`.
    public init(path: String) throws {
        self.path = path
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(5)
        configuration.maximumReaderCount = 8
        configuration.prepareDatabase { db in
            // Durable and fast under WAL: a crash loses no committed transaction of a checkpointed database.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        database = try DatabasePool(path: path, configuration: configuration)
        try Migrations.migrator.migrate(database)
        blobs = try EvidenceBlobs(folder: path + ".evidence")
    }

    /// A synchronous write (see above), callable from async code.
    public func write<T>(_ updates: (Database) throws -> T) throws -> T { try Self.write(database, updates) }

    /// A synchronous read (see above), callable from async code.
    public func read<T>(_ value: (Database) throws -> T) throws -> T { try Self.read(database, value) }

    static func write<T>(_ database: DatabasePool, _ updates: (Database) throws -> T) throws -> T { try database.write(updates) }
    static func read<T>(_ database: DatabasePool, _ value: (Database) throws -> T) throws -> T { try database.read(value) }

    /// Appends an audit event inside the caller's transaction (an event and its change are committed together).
    public static func record(_ event: AuditEvent, in db: Database) throws {
        var event = event
        try event.insert(db)
    }

    /// An application's history, oldest first.
    public func history(of applicationID: Int64) throws -> [AuditEvent] {
        try database.read { db in
            try AuditEvent.filter(Column("applicationID") == applicationID).order(Column("id")).fetchAll(db)
        }
    }

    public func account(id: Int64) throws -> Account? {
        try database.read { db in try Account.fetchOne(db, key: id) }
    }

    public func account(named name: String) throws -> Account? {
        try database.read { db in try Account.filter(Column("name") == name).fetchOne(db) }
    }

    public func accountCount() throws -> Int {
        try database.read { db in try Account.fetchCount(db) }
    }
}
