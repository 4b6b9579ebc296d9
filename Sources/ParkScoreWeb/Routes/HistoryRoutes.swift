import Foundation
import GRDB
import Hummingbird
import ParkScore
import ParkScoreDossier

/// An application's history page: every audit event of it, oldest first. Seen by the bureau, by the park that owns it,
/// and by the evaluators assigned to it; anyone else is told it is not there (404). Review is blind: an evaluator who
/// has not submitted their own review sees no other evaluator's review events (the chair, who sees the aggregate
/// anyway, sees all).
struct HistoryRoutes {
    let workbench: Workbench

    func register(on router: Router<WorkbenchContext>) {
        router.get("/applications/:id/history") { _, context -> Response in
            let account = try context.requireAccount()
            guard let id = context.parameters.get("id", as: Int64.self), id > 0, let viewer = account.id else {
                throw HTTPError(.notFound)
            }
            let seen = try workbench.store.database.read { db -> (ApplicationRecord, HistoryView)? in
                guard let application = try ApplicationRecord.fetchOne(db, key: id) else { return nil }
                guard let view = try HistoryView.of(application, for: account, viewer: viewer, in: db) else { return nil }
                return (application, view)
            }
            guard let seen else { throw HTTPError(.notFound) }
            let (application, view) = seen
            let events = try workbench.store.history(of: id).filter { view.shows($0, viewer: viewer) }
            let language = context.language
            let rows = try HistoryWords(workbench: workbench, language: language).rows(events, withApplication: false)
            let title = workbench.pages.word("admin.history.title", language)
            var values: [String: TemplateValue] = [
                "applicationID": .string(String(id)),
                "parkName": .string(application.parkName),
                "scorecard": .string(workbench.scorecard(application.scorecardID)?.scorecard.title.text(language) ?? application.scorecardID),
                "events": .list(rows),
                "hasEvents": .bool(!rows.isEmpty),
                "blind": .bool(view == .blind),
                "applicant": .bool(view == .applicant),
            ]
            if account.role == .admin { values["adminLink"] = .string("/admin/applications/\(id)") }
            return workbench.pages.page("history", title: title, values: values, context: context)
        }
    }
}

/// How much of an application's history an account sees: all of it; (an evaluator who has not submitted yet) all but
/// the other evaluators' review events; or (the park) all but the evaluation's own events — who evaluates it and how
/// each evaluator rated stay with the panel; the park sees the outcome in its dossier.
enum HistoryView: Equatable {
    case all
    case blind
    case applicant

    /// nil: the account may not see the application at all.
    static func of(_ application: ApplicationRecord, for account: Account, viewer: Int64, in db: Database) throws -> HistoryView? {
        switch account.role {
        case .admin:
            return application.status == .draft ? nil : .all
        case .park:
            return application.ownerID == viewer ? .applicant : nil
        case .reviewer, .chair:
            guard application.status != .draft, let applicationID = application.id,
                  let assignment = try AssignmentRecord.filter(Column("applicationID") == applicationID && Column("reviewerID") == viewer)
                    .fetchOne(db) else { return nil }
            if assignment.reviewRole == "chair" { return .all }
            let submitted = try ReviewRecord.filter(Column("applicationID") == applicationID && Column("reviewerID") == viewer
                                                    && Column("submitted") == true).fetchCount(db) > 0
            return submitted ? .all : .blind
        }
    }

    func shows(_ event: AuditEvent, viewer: Int64) -> Bool {
        switch self {
        case .all: return true
        case .blind: return !event.action.hasPrefix("review.") || event.actorID == viewer
        case .applicant: return !event.action.hasPrefix("review.") && !event.action.hasPrefix("assignment.")
        }
    }
}

/// Audit events as the history tables show them: the time in Beijing time, the actor's display name, the action in
/// words from the catalogue (`web.audit.action.<action, dots as dashes>`), subject, old → new, reason.
struct HistoryWords {
    let workbench: Workbench
    let language: LocalizedText.Language

    func rows(_ events: [AuditEvent], withApplication: Bool) throws -> [TemplateValue] {
        let actorIDs = Set(events.compactMap(\.actorID))
        let names = try workbench.store.database.read { db -> [Int64: String] in
            var names: [Int64: String] = [:]
            for account in try Account.filter(keys: Array(actorIDs)).fetchAll(db) {
                if let id = account.id { names[id] = account.displayName }
            }
            return names
        }
        let formatter = Self.formatter()
        let system = workbench.pages.word("admin.history.system", language)
        return events.map { event in
            var row: [String: TemplateValue] = [
                "at": .string(formatter.string(from: event.at)),
                "actor": .string(event.actorID.flatMap { names[$0] } ?? system),
                "action": .string(action(event.action)),
                "subject": .string(event.subject),
                "oldValue": .string(value(event.oldValue)),
                "newValue": .string(value(event.newValue)),
                "reason": .string(event.reason),
                "changed": .bool(!event.oldValue.isEmpty || !event.newValue.isEmpty),
            ]
            if withApplication, let id = event.applicationID {
                row["application"] = .string(String(id))
                row["historyLink"] = .string("/applications/\(id)/history")
            }
            return .object(TemplateObject(row))
        }
    }

    /// The action's words, or the action itself when the catalogue has none for it.
    func action(_ action: String) -> String {
        let key = "web.audit.action." + action.replacingOccurrences(of: ".", with: "-")
        let messages = workbench.pages.messages(language)
        return messages.has(key) ? messages(key) : action
    }

    /// A value the workbench itself records (a role, a review role, an application's status) in words; any other value
    /// as it is.
    func value(_ text: String) -> String {
        let pages = workbench.pages
        switch text {
        case "park": return pages.word("role.park", language)
        case "reviewer": return pages.word("role.reviewer", language)
        case "chair": return pages.word("role.chair", language)
        case "admin": return pages.word("role.admin", language)
        case "preliminary": return pages.word("admin.assignment.role.preliminary", language)
        case "panel": return pages.word("admin.assignment.role.panel", language)
        case "draft": return pages.word("admin.status.draft", language)
        case "submitted": return pages.word("admin.status.submitted", language)
        case "finalised": return pages.word("admin.status.finalised", language)
        default: return text
        }
    }

    /// `2026-03-05 14:20`, in Beijing time whatever the server's zone.
    static func formatter() -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter
    }
}
