import Foundation
import Hummingbird
import HummingbirdTesting
import ParkScoreIO
@testable import ParkScoreWeb
import XCTest

/// Signing in and out, the session cookie, CSRF, the throttle, the headers and the error pages.
final class AccountRouteTests: WebTestCase {
    func testSignInSendsEachRoleToItsDeskAndSignOutEndsTheSession() async throws {
        try await withClient { client in
            for (name, desk) in [("park1", "/park/applications"), ("reviewer1", "/review"), ("chair1", "/review"), ("admin1", "/admin")] {
                var visitor = Visitor(client)
                try await visitor.get("/login")
                let page = try await visitor.post("/login", [("name", name), ("password", WebTestCase.password)])
                XCTAssertEqual(page.location, desk, name)
                let home = try await visitor.get("/")
                XCTAssertEqual(home.location, desk, name)
                // Each page carries the session's token (a new one since signing in).
                try await visitor.get("/account/password")
                let out = try await visitor.post("/logout")
                XCTAssertEqual(out.location, "/login", name)
                let after = try await visitor.get("/")
                XCTAssertEqual(after.location, "/login", name)
            }
        }
    }

    func testTheSessionCookieIsHttpOnlyAndSameSiteStrictAndChangesOnSignIn() async throws {
        try await withClient { client in
            var visitor = Visitor(client)
            let login = try await client.execute(uri: "/login", method: .get, headers: [:], body: nil)
            let cookie = login.headers[values: .setCookie].first { $0.hasPrefix("parkscore_session=") } ?? ""
            XCTAssertTrue(cookie.contains("HttpOnly"), cookie)
            XCTAssertTrue(cookie.contains("SameSite=Strict"), cookie)
            XCTAssertFalse(cookie.contains("Secure"), "plain HTTP on loopback: " + cookie)
            _ = visitor.remember(login)
            let before = visitor.cookies["parkscore_session"]
            try await visitor.post("/login", [("name", "park1"), ("password", WebTestCase.password)])
            XCTAssertNotNil(visitor.cookies["parkscore_session"])
            XCTAssertNotEqual(visitor.cookies["parkscore_session"], before, "a new session id on sign-in")
        }
    }

    func testAWrongPasswordAndAnUnknownNameGetTheSameAnswerInChinese() async throws {
        try await withClient { client in
            var visitor = Visitor(client)
            try await visitor.get("/login")
            let wrong = try await visitor.post("/login", [("name", "park1"), ("password", "not-the-password")])
            let unknown = try await visitor.post("/login", [("name", "nobody"), ("password", "not-the-password")])
            XCTAssertEqual(wrong.status, .unauthorized)
            XCTAssertEqual(unknown.status, .unauthorized)
            XCTAssertTrue(wrong.body.contains("账户名或密码不正确"))
            XCTAssertTrue(unknown.body.contains("账户名或密码不正确"))
        }
    }

    func testSigningInIsThrottledAfterTenFailures() async throws {
        try await withClient { client in
            var visitor = Visitor(client)
            try await visitor.get("/login")
            for _ in 0..<10 {
                let page = try await visitor.post("/login", [("name", "park1"), ("password", "wrong-password")])
                XCTAssertEqual(page.status, .unauthorized)
            }
            // The right password no longer helps within the window.
            let page = try await visitor.post("/login", [("name", "park1"), ("password", WebTestCase.password)])
            XCTAssertEqual(page.status, .tooManyRequests)
            XCTAssertTrue(page.body.contains("登录尝试过于频繁"))
        }
    }

    func testAFormWithoutTheTokenOrWithAnotherSessionsTokenIsRefused() async throws {
        try await withClient { client in
            var visitor = Visitor(client)
            try await visitor.signIn("park1")
            let none = try await visitor.post("/logout", csrf: "")
            XCTAssertEqual(none.status, .forbidden)
            var other = Visitor(client)
            try await other.get("/login")
            let forged = try await visitor.post("/logout", csrf: other.csrf)
            XCTAssertEqual(forged.status, .forbidden)
            XCTAssertTrue(forged.body.contains("没有权限"))
            // Still signed in: the forged sign-out did nothing.
            let home = try await visitor.get("/")
            XCTAssertEqual(home.location, "/park/applications")
        }
    }

    func testEveryResponseCarriesTheSecurityHeaders() async throws {
        try await withClient { client in
            for path in ["/login", "/nowhere", "/static/workbench.css"] {
                let response = try await client.execute(uri: path, method: .get, headers: [:], body: nil)
                XCTAssertEqual(response.headers[.contentSecurityPolicy]?.hasPrefix("default-src 'self'"), true, path)
                XCTAssertEqual(response.headers[.xContentTypeOptions], "nosniff", path)
                XCTAssertEqual(response.headers[.init("X-Frame-Options")!], "DENY", path)
            }
        }
    }

    func testPagesNeedASignInAndComeBackAfterIt() async throws {
        try await withClient { client in
            var visitor = Visitor(client)
            let page = try await visitor.get("/account/password")
            XCTAssertEqual(page.status, .seeOther)
            XCTAssertEqual(page.location, "/login?next=%2Faccount%2Fpassword")
            let login = try await visitor.get(page.location ?? "/login")
            XCTAssertTrue(login.body.contains(#"name="next" value="/account/password""#))
            try await visitor.post("/login", [("name", "park1"), ("password", WebTestCase.password), ("next", "/account/password")])
            XCTAssertEqual(visitor.cookies.isEmpty, false)
        }
    }

    func testANextPathLeadingToAnotherHostIsIgnored() {
        XCTAssertEqual(AccountRoutes.safeNext("//evil.example/x"), "/")
        XCTAssertEqual(AccountRoutes.safeNext("https://evil.example/"), "/")
        XCTAssertEqual(AccountRoutes.safeNext("/\\evil.example"), "/")
        XCTAssertEqual(AccountRoutes.safeNext("/park/applications"), "/park/applications")
    }

    func testTheLanguageSwitchGivesEnglishPages() async throws {
        try await withClient { client in
            var visitor = Visitor(client)
            let chinese = try await visitor.get("/login")
            XCTAssertTrue(chinese.body.contains("登录"))
            let switched = try await visitor.get("/lang/en?next=/login")
            XCTAssertEqual(switched.location, "/login")
            let english = try await visitor.get("/login")
            XCTAssertTrue(english.body.contains("Sign in"), english.body)
            XCTAssertTrue(english.body.contains(#"<html lang="en">"#))
        }
    }

    func testAccountsAreRefusedBadNamesAndShortPasswords() throws {
        let store = workbench.store
        XCTAssertThrowsError(try Accounts.create(in: store, name: "../etc", displayName: "x", password: "long-enough-1", role: .park, cost: 4))
        XCTAssertThrowsError(try Accounts.create(in: store, name: "shorty", displayName: "x", password: "short", role: .park, cost: 4))
        XCTAssertThrowsError(try Accounts.create(in: store, name: "park1", displayName: "x", password: "long-enough-1", role: .park, cost: 4))
    }

    func testTheAuditLogCannotBeEditedOrDeleted() throws {
        let database = workbench.store.database
        XCTAssertGreaterThan(try database.read { db in try AuditEvent.fetchCount(db) }, 0)
        XCTAssertThrowsError(try database.write { db in try db.execute(sql: "UPDATE audit_event SET reason = 'x'") })
        XCTAssertThrowsError(try database.write { db in try db.execute(sql: "DELETE FROM audit_event") })
    }
}

/// The shared input path: a stored sample scores as the CLI scores its folder.
final class ApplicationFilesTests: WebTestCase {
    func testAStoredSampleScoresAsItsFolderDoes() throws {
        let application = try insertSample("beijing-xinghe")
        let web = try workbench.assess(application).value
        let folder = try XCTUnwrap(ApplicationInput.read(report: WebRepository.samples + "/beijing-xinghe/self-report.yaml").value)
        let cli = workbench.pipeline.assess(folder).value
        XCTAssertNotNil(web)
        XCTAssertEqual(web?.results.first?.result.total, cli?.results.first?.result.total)
        XCTAssertEqual(web?.results.first?.result.grade?.id, cli?.results.first?.result.grade?.id)
        // The sample lists four evidence items (licence, tenants, platform, services), each stored and found.
        XCTAssertEqual(web?.evidence.files.count, 4)
        XCTAssertEqual(web?.evidence.files.values.filter { $0.state == .verified }.count, 4)
    }
}
