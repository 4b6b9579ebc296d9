import Foundation
import GRDB
import Hummingbird
import ParkScore
import ParkScoreDossier

/// The bureau's accounts: the list, making one (any role), disabling and enabling one (never one's own), and setting a
/// new password for someone who lost theirs. Each change is audited with the admin who made it.
extension AdminRoutes {
    func registerAccounts(on router: Router<WorkbenchContext>) {
        router.get("/admin/accounts") { _, context -> Response in
            _ = try context.require(.admin)
            return try accountsPage(context)
        }
        router.post("/admin/accounts") { _, context -> Response in
            let admin = try context.require(.admin)
            let form = context.form
            let name = (form["name"] ?? "").trimmingCharacters(in: .whitespaces)
            let displayName = form["displayName"] ?? ""
            let organisation = (form["organisation"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            let password = form["password"] ?? ""
            let language = context.language
            guard let role = Account.Role(rawValue: form["role"] ?? "") else {
                return try accountsPage(context, problem: workbench.pages.word("admin.accounts.problem.role", language), status: .badRequest)
            }
            do {
                let store = workbench.store, actorID = admin.id
                let made = try await Accounts.offRequestThreads {
                    try Accounts.create(in: store, name: name, displayName: displayName, password: password, role: role,
                                        organisation: organisation, actorID: actorID)
                }
                return try accountsPage(context, done: workbench.pages.word("admin.accounts.created", language, ["name": made.name]))
            } catch Accounts.Problem.invalid(let key) {
                return try accountsPage(context, problem: workbench.pages.word("account.problem." + key, language), status: .badRequest)
            }
        }
        router.post("/admin/accounts/:id/disable") { _, context -> Response in
            try setDisabled(true, context)
        }
        router.post("/admin/accounts/:id/enable") { _, context -> Response in
            try setDisabled(false, context)
        }
        router.post("/admin/accounts/:id/password") { _, context -> Response in
            let admin = try context.require(.admin)
            let target = try accountParameter(context)
            let password = context.form["password"] ?? ""
            do { try Accounts.checkPassword(password) } catch Accounts.Problem.invalid(let key) {
                return try accountsPage(context, problem: workbench.pages.word("account.problem." + key, context.language), status: .badRequest)
            }
            let hash = try await Accounts.hashOffRequestThreads(password)
            let why = reason(context)
            try workbench.store.write { db in
                guard var changed = try Account.fetchOne(db, key: target.id) else { throw HTTPError(.notFound) }
                changed.passwordHash = hash
                try changed.update(db)
                // Whoever is signed in with the old password is signed out: a reset after a leak must end the leak.
                try AdminRoutes.endSessions(of: target.id, in: db)
                try WorkbenchStore.record(AuditEvent(applicationID: nil, actorID: admin.id, at: Date(), action: "account.password-reset",
                                                     subject: changed.name, reason: why), in: db)
            }
            return try accountsPage(context, done: workbench.pages.word("admin.accounts.password-done", context.language, ["name": target.name]))
        }
    }

    /// The account named by the path's `:id`, else 404.
    func accountParameter(_ context: WorkbenchContext) throws -> Account {
        guard let id = context.parameters.get("id", as: Int64.self), id > 0, let account = try workbench.store.account(id: id) else {
            throw HTTPError(.notFound)
        }
        return account
    }

    func setDisabled(_ disabled: Bool, _ context: WorkbenchContext) throws -> Response {
        let admin = try context.require(.admin)
        let target = try accountParameter(context)
        let language = context.language
        guard target.id != admin.id else {
            return try accountsPage(context, problem: workbench.pages.word("admin.accounts.problem.self", language), status: .badRequest)
        }
        let why = reason(context)
        try workbench.store.write { db in
            guard var changed = try Account.fetchOne(db, key: target.id) else { throw HTTPError(.notFound) }
            guard changed.disabled != disabled else { return }
            changed.disabled = disabled
            try changed.update(db)
            try WorkbenchStore.record(AuditEvent(applicationID: nil, actorID: admin.id, at: Date(),
                                                 action: disabled ? "account.disabled" : "account.enabled", subject: changed.name,
                                                 reason: why),
                                      in: db)
        }
        let done = disabled ? workbench.pages.word("admin.accounts.disabled-done", language, ["name": target.name])
            : workbench.pages.word("admin.accounts.enabled-done", language, ["name": target.name])
        return try accountsPage(context, done: done)
    }

    func accountsPage(_ context: WorkbenchContext, done: String? = nil, problem: String? = nil,
                      status: HTTPResponse.Status = .ok) throws -> Response {
        let language = context.language
        let accounts = try workbench.store.database.read { db in try Account.order(Column("role"), Column("name")).fetchAll(db) }
        let me = context.account?.id
        let formatter = HistoryWords.formatter()
        let rows: [TemplateValue] = accounts.map { account in
            .object(TemplateObject([
                "id": .string(String(account.id ?? 0)),
                "name": .string(account.name),
                "displayName": .string(account.displayName),
                "organisation": .string(account.organisation),
                "roleLabel": .string(roleWord(account.role, language)),
                "disabled": .bool(account.disabled),
                "isSelf": .bool(account.id == me),
                "createdAt": .string(formatter.string(from: account.createdAt)),
            ]))
        }
        let roles: [TemplateValue] = Account.Role.allCases.map { role in
            .object(TemplateObject(["value": .string(role.rawValue), "label": .string(roleWord(role, language))]))
        }
        var values: [String: TemplateValue] = ["accounts": .list(rows), "roles": .list(roles),
                                               "minPassword": .string(String(Accounts.minPasswordLength))]
        if let done { values["flash"] = .string(done) }
        if let problem { values["flashError"] = .string(problem) }
        return workbench.pages.page("admin-accounts", title: workbench.pages.word("admin.accounts.title", language), values: values,
                                    context: context, status: status)
    }

    /// Removes every stored session signed in as `accountID` (sessions are kept as `WebSession` JSON).
    static func endSessions(of accountID: Int64?, in db: Database) throws {
        guard let accountID else { return }
        let decoder = JSONDecoder()
        for row in try Row.fetchAll(db, sql: "SELECT key, value FROM session") {
            let key: String = row["key"], value: Data = row["value"]
            guard let session = try? decoder.decode(WebSession.self, from: value), session.accountID == accountID else { continue }
            try db.execute(sql: "DELETE FROM session WHERE key = ?", arguments: [key])
        }
    }

    func roleWord(_ role: Account.Role, _ language: LocalizedText.Language) -> String {
        switch role {
        case .park: return workbench.pages.word("role.park", language)
        case .reviewer: return workbench.pages.word("role.reviewer", language)
        case .chair: return workbench.pages.word("role.chair", language)
        case .admin: return workbench.pages.word("role.admin", language)
        }
    }
}
