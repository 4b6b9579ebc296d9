import Foundation
import GRDB
import Hummingbird
import ParkScore
import ParkScoreDossier
import ParkScoreIO

/// The bureau's desk (role `admin`): the overview, accounts, applications and their evaluators, the comparison of a
/// scorecard's applications, and the export; and every application's history page (for its park, its evaluators and
/// the bureau). Every route checks the role first; a draft is the park's own and is not found here.
struct AdminRoutes {
    let workbench: Workbench

    func register(on router: Router<WorkbenchContext>) {
        router.get("/admin") { _, context -> Response in
            _ = try context.require(.admin)
            return try overview(context)
        }
        registerAccounts(on: router)
        registerApplications(on: router)
        registerComparison(on: router)
        registerExport(on: router)
        HistoryRoutes(workbench: workbench).register(on: router)
    }

    // MARK: - The overview

    func overview(_ context: WorkbenchContext) throws -> Response {
        let language = context.language
        let (counts, events) = try workbench.store.database.read { db -> ([Row], [AuditEvent]) in
            let counts = try Row.fetchAll(db, sql: "SELECT scorecardID, status, COUNT(*) AS n FROM application GROUP BY scorecardID, status")
            // A draft's events are the park's own, like the draft.
            let events = try AuditEvent.fetchAll(db, sql: """
                SELECT audit_event.* FROM audit_event LEFT JOIN application ON application.id = audit_event.applicationID
                WHERE audit_event.applicationID IS NULL OR application.status != 'draft'
                ORDER BY audit_event.id DESC LIMIT ?
                """, arguments: [AdminRoutes.recentEvents])
            return (counts, events)
        }
        var byScorecard: [String: [String: Int]] = [:]
        for row in counts {
            let scorecard: String = row["scorecardID"], status: String = row["status"], n: Int = row["n"]
            byScorecard[scorecard, default: [:]][status] = n
        }
        var rows: [TemplateValue] = []
        // The built-in scorecards in the catalogue's order, then any other id the store holds (none, normally).
        let ids = workbench.scorecards.map(\.scorecard.id) + byScorecard.keys.sorted().filter { workbench.scorecard($0) == nil }
        for id in ids {
            let n = byScorecard[id] ?? [:]
            rows.append(.object(TemplateObject([
                "id": .string(id),
                "title": .string(scorecardTitle(id, language)),
                "draft": .string(String(n["draft"] ?? 0)),
                "submitted": .string(String(n["submitted"] ?? 0)),
                "finalised": .string(String(n["finalised"] ?? 0)),
                "any": .bool((n["submitted"] ?? 0) + (n["finalised"] ?? 0) > 0),
            ])))
        }
        let worded = try HistoryWords(workbench: workbench, language: language).rows(events, withApplication: true)
        let progress = try reviewProgress(language)
        return workbench.pages.page("admin-overview", title: workbench.pages.word("admin.overview.title", language),
                                    values: ["scorecards": .list(rows), "events": .list(worded), "hasEvents": .bool(!worded.isEmpty),
                                             "progress": .list(progress), "hasProgress": .bool(!progress.isEmpty)],
                                    context: context)
    }

    static let recentEvents = 30

    /// Every submitted application not yet finalised, oldest first: its evaluators by role and how many reviews are in,
    /// and whether it still lacks a chair or a panel member (the bureau's to-do list).
    func reviewProgress(_ language: LocalizedText.Language) throws -> [TemplateValue] {
        let rows = try workbench.store.database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT application.id AS id, application.parkName AS parkName, application.scorecardID AS scorecardID,
                  (SELECT COUNT(*) FROM assignment WHERE assignment.applicationID = application.id AND reviewRole = 'panel') AS panel,
                  (SELECT COUNT(*) FROM assignment WHERE assignment.applicationID = application.id AND reviewRole = 'chair') AS chair,
                  (SELECT COUNT(*) FROM assignment WHERE assignment.applicationID = application.id) AS assigned,
                  (SELECT COUNT(*) FROM review WHERE review.applicationID = application.id AND review.submitted = 1) AS submitted
                FROM application WHERE status = 'submitted' ORDER BY submittedAt, id LIMIT ?
                """, arguments: [Self.progressRows])
        }
        return rows.map { row in
            let id: Int64 = row["id"], panel: Int = row["panel"], chair: Int = row["chair"]
            let assigned: Int = row["assigned"], submitted: Int = row["submitted"]
            let parkName: String = row["parkName"], scorecard: String = row["scorecardID"]
            return .object(TemplateObject([
                "id": .string(String(id)),
                "parkName": .string(parkName),
                "scorecard": .string(scorecardTitle(scorecard, language)),
                "panel": .string(String(panel)),
                "reviews": .string(workbench.pages.word("admin.overview.reviews-in", language,
                                                        ["submitted": String(submitted), "assigned": String(assigned)])),
                "needsChair": .bool(chair == 0),
                "needsPanel": .bool(panel == 0),
            ]))
        }
    }

    static let progressRows = 200

    // MARK: - Shared lookups

    /// The scorecard's title in `language`, or its id when it is not a built-in one.
    func scorecardTitle(_ id: String, _ language: LocalizedText.Language) -> String {
        workbench.scorecard(id)?.scorecard.title.text(language) ?? id
    }

    /// An application the bureau may see (submitted or finalised), else 404.
    func bureauApplication(_ context: WorkbenchContext) throws -> ApplicationRecord {
        guard let id = context.parameters.get("id", as: Int64.self), id > 0,
              let application = try workbench.store.database.read({ db in try ApplicationRecord.fetchOne(db, key: id) }),
              application.status != .draft else { throw HTTPError(.notFound) }
        return application
    }

    /// The status's word.
    func statusWord(_ status: ApplicationRecord.Status, _ language: LocalizedText.Language) -> String {
        switch status {
        case .draft: return workbench.pages.word("admin.status.draft", language)
        case .submitted: return workbench.pages.word("admin.status.submitted", language)
        case .finalised: return workbench.pages.word("admin.status.finalised", language)
        }
    }

    /// A review role's word.
    func reviewRoleWord(_ role: String, _ language: LocalizedText.Language) -> String {
        switch role {
        case "preliminary": return workbench.pages.word("admin.assignment.role.preliminary", language)
        case "panel": return workbench.pages.word("admin.assignment.role.panel", language)
        case "chair": return workbench.pages.word("admin.assignment.role.chair", language)
        default: return role
        }
    }

    /// The reason given with a change (optional, at most `maxReason` characters, trimmed), for the audit log.
    func reason(_ context: WorkbenchContext) -> String {
        String((context.form["reason"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines).prefix(Self.maxReason))
    }

    static let maxReason = 500

    /// A page refusing what was asked (400 unless said), saying why (`message`, worded by the caller).
    func refusal(_ context: WorkbenchContext, _ message: String, status: HTTPResponse.Status = .badRequest) -> Response {
        workbench.pages.page("error", title: workbench.pages.word("admin.refused.title", context.language),
                             values: ["message": .string(message), "code": .string(String(status.code))],
                             context: context, status: status)
    }
}

/// The admin part's migrations, after the first one, in order.
func registerAdminMigrations(_ migrator: inout DatabaseMigrator) {
}
