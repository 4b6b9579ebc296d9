import GRDB

/// The database's schema, as code: each migration runs once, in order, recorded by GRDB in `grdb_migrations`.
/// A new column or table is a new migration at the end; a migration that has shipped is never edited.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-accounts-applications-reviews-audit") { db in
            try db.create(table: Account.databaseTableName) { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("name", .text).notNull().unique(onConflict: .abort)
                t.column("displayName", .text).notNull()
                t.column("passwordHash", .text).notNull()
                t.column("role", .text).notNull().check { ["park", "reviewer", "chair", "admin"].contains($0) }
                t.column("organisation", .text).notNull().defaults(to: "")
                t.column("disabled", .boolean).notNull().defaults(to: false)
                t.column("createdAt", .datetime).notNull()
            }
            try db.create(table: ApplicationRecord.databaseTableName) { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("ownerID", .integer).notNull().references(Account.databaseTableName, onDelete: .restrict)
                t.column("scorecardID", .text).notNull()
                t.column("parkName", .text).notNull()
                t.column("status", .text).notNull().check { ["draft", "submitted", "finalised"].contains($0) }
                t.column("version", .integer).notNull()
                t.column("form", .text).notNull()
                t.column("selfReport", .text).notNull()
                t.column("createdAt", .datetime).notNull()
                t.column("updatedAt", .datetime).notNull()
                t.column("submittedAt", .datetime)
                t.column("finalisedAt", .datetime)
            }
            try db.create(index: "application_owner", on: ApplicationRecord.databaseTableName, columns: ["ownerID"])
            try db.create(index: "application_scorecard", on: ApplicationRecord.databaseTableName, columns: ["scorecardID", "status"])
            try db.create(table: EvidenceRecord.databaseTableName) { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("applicationID", .integer).notNull().references(ApplicationRecord.databaseTableName, onDelete: .restrict)
                t.column("evidenceID", .text).notNull()
                t.column("title", .text).notNull()
                t.column("originalName", .text).notNull()
                t.column("path", .text).notNull()
                t.column("sha256", .text).notNull()
                t.column("size", .integer).notNull()
                t.column("supports", .text).notNull()
                t.column("uploadedBy", .integer).notNull().references(Account.databaseTableName, onDelete: .restrict)
                t.column("createdAt", .datetime).notNull()
                t.uniqueKey(["applicationID", "evidenceID"])
                t.uniqueKey(["applicationID", "path"])
            }
            try db.create(table: AssignmentRecord.databaseTableName) { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("applicationID", .integer).notNull().references(ApplicationRecord.databaseTableName, onDelete: .restrict)
                t.column("reviewerID", .integer).notNull().references(Account.databaseTableName, onDelete: .restrict)
                t.column("reviewRole", .text).notNull().check { ["preliminary", "panel", "chair"].contains($0) }
                t.column("createdAt", .datetime).notNull()
                t.uniqueKey(["applicationID", "reviewerID"])
            }
            try db.create(index: "assignment_reviewer", on: AssignmentRecord.databaseTableName, columns: ["reviewerID"])
            try db.create(table: ReviewRecord.databaseTableName) { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("applicationID", .integer).notNull().references(ApplicationRecord.databaseTableName, onDelete: .restrict)
                t.column("reviewerID", .integer).notNull().references(Account.databaseTableName, onDelete: .restrict)
                t.column("reviewRole", .text).notNull().check { ["preliminary", "panel", "chair"].contains($0) }
                t.column("form", .text).notNull()
                t.column("reviewYAML", .text).notNull()
                t.column("submitted", .boolean).notNull().defaults(to: false)
                t.column("version", .integer).notNull()
                t.column("createdAt", .datetime).notNull()
                t.column("updatedAt", .datetime).notNull()
                t.column("submittedAt", .datetime)
                t.uniqueKey(["applicationID", "reviewerID"])
            }
            try db.create(table: OutcomeRecord.databaseTableName) { t in
                t.primaryKey("applicationID", .integer).references(ApplicationRecord.databaseTableName, onDelete: .restrict)
                t.column("total", .text).notNull()
                t.column("grade", .text).notNull()
                t.column("verdict", .text).notNull()
                t.column("dossierHTML", .text).notNull()
                t.column("reviews", .text).notNull()
                t.column("finalisedBy", .integer).notNull().references(Account.databaseTableName, onDelete: .restrict)
                t.column("finalisedAt", .datetime).notNull()
            }
            try db.create(table: AuditEvent.databaseTableName) { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("applicationID", .integer).references(ApplicationRecord.databaseTableName, onDelete: .restrict)
                t.column("actorID", .integer).references(Account.databaseTableName, onDelete: .restrict)
                t.column("at", .datetime).notNull()
                t.column("action", .text).notNull()
                t.column("subject", .text).notNull()
                t.column("oldValue", .text).notNull()
                t.column("newValue", .text).notNull()
                t.column("reason", .text).notNull()
            }
            try db.create(index: "audit_application", on: AuditEvent.databaseTableName, columns: ["applicationID", "id"])
            // Append-only: the log cannot be edited or pruned, not even by the server's own code.
            try db.execute(sql: """
                CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
                BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
                CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
                BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
                """)
            try db.create(table: "session") { t in
                t.primaryKey("key", .text)
                t.column("value", .blob).notNull()
                t.column("expiresAt", .double)
            }
        }
        // Later migrations, each in the file of the part it belongs to, registered here in order.
        registerParkMigrations(&migrator)
        registerReviewMigrations(&migrator)
        registerAdminMigrations(&migrator)
        return migrator
    }
}
