import Foundation
import GRDB
@testable import ParkScoreWeb
import XCTest

/// The store: its schema comes from the migrations (once, in order, on a new or an old file), it runs in WAL mode, and
/// concurrent writers neither fail nor lose an edit.
final class WorkbenchStoreTests: WebTestCase {
    func testANewDatabaseIsMigratedOnceAndReopeningChangesNothing() throws {
        let path = folder.appendingPathComponent("fresh.sqlite").path
        let first = try WorkbenchStore(path: path)
        let applied = try first.database.read { db in try Migrations.migrator.appliedMigrations(db) }
        XCTAssertEqual(applied.first, "v1-accounts-applications-reviews-audit")
        let tables = try first.database.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        }
        for table in ["account", "application", "assignment", "audit_event", "evidence", "outcome", "review", "session"] {
            XCTAssertTrue(tables.contains(table), table)
        }
        let mode = try first.database.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        XCTAssertEqual(mode, "wal")
        try Accounts.create(in: first, name: "someone", displayName: "某人", password: "long-enough-1", role: .park, cost: 4)
        // Reopened (a restart): nothing migrated again, nothing lost.
        let second = try WorkbenchStore(path: path)
        let again = try second.database.read { db in try Migrations.migrator.appliedMigrations(db) }
        XCTAssertEqual(again, applied)
        XCTAssertNotNil(try second.account(named: "someone"))
        let completed = try second.database.read { db in try Migrations.migrator.hasCompletedMigrations(db) }
        XCTAssertTrue(completed)
    }

    func testConcurrentWritersOfOneRecordNeverLoseAnEdit() async throws {
        let application = try insertSample("beijing-xinghe", status: .draft)
        let id = application.id ?? 0
        let database = workbench.store.database
        // 40 writers, each reading the version and saving with it: an edit succeeds only on the version it read; the
        // version ends at 1 + the number of successes, and each success left its audit event.
        let successes = try await withThrowingTaskGroup(of: Bool.self) { group in
            for writer in 0..<40 {
                group.addTask {
                    let version = try await database.read { db in
                        try Int64.fetchOne(db, sql: "SELECT version FROM application WHERE id = ?", arguments: [id]) ?? 0
                    }
                    return try await database.write { db in
                        try db.execute(sql: "UPDATE application SET parkName = ?, version = version + 1 WHERE id = ? AND version = ?",
                                       arguments: ["writer \(writer)", id, version])
                        guard db.changesCount == 1 else { return false }
                        try WorkbenchStore.record(AuditEvent(applicationID: id, actorID: nil, at: Date(), action: "application.saved",
                                                             subject: "park.name", newValue: "writer \(writer)"), in: db)
                        return true
                    }
                }
            }
            var count = 0
            for try await ok in group where ok { count += 1 }
            return count
        }
        XCTAssertGreaterThan(successes, 0)
        let final = try await database.read { db in try ApplicationRecord.fetchOne(db, key: id) }
        XCTAssertEqual(final?.version, 1 + Int64(successes))
        let events = try workbench.store.history(of: id).filter { $0.action == "application.saved" }
        XCTAssertEqual(events.count, successes)
        // The name kept is the last successful writer's, as the last audit event says.
        XCTAssertEqual(final.map(\.parkName), events.last?.newValue)
    }

    func testEvidenceIsStoredOnceUnderItsHashAndNeverThroughALink() throws {
        let blobs = workbench.store.blobs
        let digest = try blobs.store(Array("营业执照".utf8))
        // `printf '营业执照' | sha256sum`
        XCTAssertEqual(digest, "24f8b0135eb70ea18e82851d29de5e48ac893458c925fee0244c20dc0d22416a")
        XCTAssertEqual(try blobs.store(Array("营业执照".utf8)), digest, "the same content, the same file")
        XCTAssertEqual(blobs.read(digest), Array("营业执照".utf8))
        XCTAssertNil(blobs.read("../../etc/passwd"))
        XCTAssertNil(blobs.read(String(repeating: "A", count: 64)), "only lowercase hex names")
        XCTAssertThrowsError(try blobs.store([]))
        // A link planted where a new file would go is not followed: the file stays out of it.
        let other = String(repeating: "0", count: 63) + "1"
        let shard = blobs.folder + "/" + other.prefix(2)
        try FileManager.default.createDirectory(atPath: shard, withIntermediateDirectories: true)
        let outside = folder.appendingPathComponent("outside.txt").path
        XCTAssertTrue(FileManager.default.createFile(atPath: outside, contents: Data("outside".utf8)))
        try FileManager.default.createSymbolicLink(atPath: shard + "/" + other, withDestinationPath: outside)
        XCTAssertFalse(blobs.exists(other), "a link is not a stored file")
        XCTAssertNil(blobs.read(other))
    }
}
