import Foundation
import Hummingbird
import ParkScore
import ParkScoreDossier

/// Signing in and out, the language switch, the static files, and the home page that sends each role to its desk.
struct AccountRoutes {
    let workbench: Workbench

    func register(on router: Router<WorkbenchContext>) {
        router.get("/") { _, context -> Response in
            guard let account = context.account else { return .redirect(to: "/login", type: .normal) }
            return .redirect(to: Self.desk(of: account.role), type: .normal)
        }
        router.get("/login") { request, context -> Response in
            let next = Self.safeNext(request.uri.queryParameters.get("next"))
            return page(context, next: next, problem: nil)
        }
        router.post("/login") { request, context -> Response in
            let name = (context.form["name"] ?? "").trimmingCharacters(in: .whitespaces).lowercased()
            let password = context.form["password"] ?? ""
            let next = Self.safeNext(context.form["next"])
            let client = context.remoteAddress.map { "ip:" + ($0.ipAddress ?? "?") } ?? "ip:local"
            let keys = ["name:" + String(name.prefix(64)), client]
            guard await workbench.throttle.allows(keys) else {
                return page(context, next: next, problem: workbench.pages.word("login.throttled", context.language), status: .tooManyRequests)
            }
            let account = Accounts.isValidName(name) ? try workbench.store.account(named: name) : nil
            let ok = await Accounts.verifyOffRequestThreads(password, hash: account?.passwordHash ?? Accounts.decoyHash)
            guard ok, let account, !account.disabled else {
                await workbench.throttle.failed(keys)
                return page(context, next: next, problem: workbench.pages.word("login.failed", context.language), status: .unauthorized)
            }
            await workbench.throttle.succeeded(["name:" + name])
            // A new session (and token) on sign-in: a session id known before signing in is worth nothing after.
            context.sessions.clearSession()
            context.sessions.createSession(WebSession(accountID: account.id))
            return .redirect(to: next == "/" ? Self.desk(of: account.role) : next, type: .normal)
        }
        router.post("/logout") { _, context -> Response in
            context.sessions.clearSession()
            return .redirect(to: "/login", type: .normal)
        }
        router.get("/lang/:code") { request, context -> Response in
            guard let code = context.parameters.get("code"), let language = LocalizedText.Language(rawValue: code) else {
                throw HTTPError(.notFound)
            }
            var response = Response.redirect(to: Self.safeNext(request.uri.queryParameters.get("next")), type: .normal)
            response.setCookie(Cookie(name: LanguageChoice.cookie, value: language.rawValue, maxAge: 365 * 24 * 3600, path: "/",
                                      secure: workbench.secureCookies, httpOnly: true, sameSite: .lax))
            return response
        }
        router.get("/static/:name") { _, context -> Response in
            guard let name = context.parameters.get("name"), let response = workbench.pages.staticFile(name) else {
                throw HTTPError(.notFound)
            }
            return response
        }
        router.get("/account/password") { _, context -> Response in
            _ = try context.requireAccount()
            return passwordPage(context, problem: nil, done: false)
        }
        router.post("/account/password") { _, context -> Response in
            let account = try context.requireAccount()
            let current = context.form["current"] ?? "", new = context.form["new"] ?? "", again = context.form["again"] ?? ""
            guard await Accounts.verifyOffRequestThreads(current, hash: account.passwordHash) else {
                return passwordPage(context, problem: "account.problem.current-wrong", done: false, status: .badRequest)
            }
            guard new == again else { return passwordPage(context, problem: "account.problem.password-mismatch", done: false, status: .badRequest) }
            do { try Accounts.checkPassword(new) } catch Accounts.Problem.invalid(let key) {
                return passwordPage(context, problem: "account.problem." + key, done: false, status: .badRequest)
            }
            let hash = try await Accounts.hashOffRequestThreads(new)
            try workbench.store.write { db in
                var changed = account
                changed.passwordHash = hash
                try changed.update(db)
                try WorkbenchStore.record(AuditEvent(applicationID: nil, actorID: account.id, at: Date(), action: "account.password",
                                                     subject: account.name), in: db)
            }
            return passwordPage(context, problem: nil, done: true)
        }
    }

    func page(_ context: WorkbenchContext, next: String, problem: String?, status: HTTPResponse.Status = .ok) -> Response {
        var values: [String: TemplateValue] = ["next": .string(next)]
        if let problem { values["problem"] = .string(problem) }
        return workbench.pages.page("login", title: workbench.pages.word("login.title", context.language), values: values,
                                    context: context, status: status)
    }

    func passwordPage(_ context: WorkbenchContext, problem: String?, done: Bool, status: HTTPResponse.Status = .ok) -> Response {
        var values: [String: TemplateValue] = ["done": .bool(done)]
        if let problem { values["problem"] = .string(workbench.pages.word(problem, context.language)) }
        return workbench.pages.page("password", title: workbench.pages.word("account.password.title", context.language),
                                    values: values, context: context, status: status)
    }

    /// Each role's first page.
    static func desk(of role: Account.Role) -> String {
        switch role {
        case .park: return "/park/applications"
        case .reviewer, .chair: return "/review"
        case .admin: return "/admin"
        }
    }

    /// A path on this server to go back to after signing in: a plain absolute path, never another host (`//x`, `/\x`).
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.hasPrefix("/\\"), next.count < 512,
              next.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }) else { return "/" }
        return next
    }
}
