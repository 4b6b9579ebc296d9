import Foundation
import GRDB

/// The workbench's one database: a SQLite file in WAL mode (readers never wait for the writer), migrated on open, and
/// the folder beside it where evidence files are kept under their sha256. Every part of the server reads and writes
/// through it; replacing SQLite (PostgreSQL, for a province) means another implementation of these methods.
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
