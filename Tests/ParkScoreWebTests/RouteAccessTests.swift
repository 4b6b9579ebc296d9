import Foundation
import Hummingbird
import HummingbirdTesting
import ParkScoreIO
@testable import ParkScoreWeb
import XCTest

/// Every route of the workbench, each tried by every kind of visitor: signed out, each role, and a visitor of the right
/// role who does not own (or is not assigned to) the application. A route missing from `RouteAccessTests.rules` fails
/// the test, so a new route cannot be added without saying who may use it.
final class RouteAccessTests: WebTestCase {
    /// Who may use a route.
    enum Rule {
        /// Anyone, signed in or not.
        case open
        /// Any account signed in.
        case signedIn
        /// Only these roles; others get 403.
        case roles(Set<Account.Role>)
        /// Only these roles, and of them only the owner of (park) or someone assigned to (reviewer, chair) the
        /// application in the path; the others of these roles get 404, other roles 403.
        case owned(Set<Account.Role>)
    }

    static let rules: [String: Rule] = [
        "GET /": .open,
        "GET /login": .open,
        "POST /login": .open,
        "POST /logout": .open,
        "GET /lang/{code}": .open,
        "GET /static/{name}": .open,
        "GET /account/password": .signedIn,
        "POST /account/password": .signedIn,
        // The park desk: a park's own applications.
        "GET /park/applications": .roles([.park]),
        "GET /park/applications/new": .roles([.park]),
        "POST /park/applications": .roles([.park]),
        "GET /park/applications/{id}": .owned([.park]),
        "POST /park/applications/{id}": .owned([.park]),
        "GET /park/applications/{id}/dossier": .owned([.park]),
        "GET /park/applications/{id}/self-report.yaml": .owned([.park]),
        "GET /park/applications/{id}/evidence/{eid}": .owned([.park]),
        "POST /park/applications/{id}/evidence": .owned([.park]),
        "POST /park/applications/{id}/evidence/{eid}": .owned([.park]),
        "POST /park/applications/{id}/evidence/{eid}/delete": .owned([.park]),
        "POST /park/applications/{id}/import": .owned([.park]),
        "POST /park/applications/{id}/preview": .owned([.park]),
        "POST /park/applications/{id}/submit": .owned([.park]),
        // The evaluators' desk: the applications assigned to them; submitting is a reviewer's, finalising the chair's.
        "GET /review": .roles([.reviewer, .chair]),
        "GET /review/applications/{id}": .owned([.reviewer, .chair]),
        "POST /review/applications/{id}": .owned([.reviewer, .chair]),
        // A panel member sees the dossier (with the others' ratings) only after submitting (ReviewRouteTests): here the
        // chair's.
        "GET /review/applications/{id}/dossier": .owned([.chair]),
        "GET /review/applications/{id}/evidence/{eid}": .owned([.reviewer, .chair]),
        "POST /review/applications/{id}/submit": .owned([.reviewer]),
        "POST /review/applications/{id}/finalise": .owned([.chair]),
        // An application's history: its park, its evaluators and the bureau (each seeing what is theirs to see).
        "GET /applications/{id}/history": .owned([.park, .reviewer, .chair, .admin]),
        // The bureau's desk. (Tried last, as admin1: disabling or resetting account 1 then harms no other visitor.)
        "GET /admin": .roles([.admin]),
        "GET /admin/accounts": .roles([.admin]),
        "POST /admin/accounts": .roles([.admin]),
        "POST /admin/accounts/{id}/disable": .roles([.admin]),
        "POST /admin/accounts/{id}/enable": .roles([.admin]),
        "POST /admin/accounts/{id}/password": .roles([.admin]),
        "GET /admin/applications": .roles([.admin]),
        "GET /admin/applications/{id}": .roles([.admin]),
        "GET /admin/applications/{id}/dossier": .roles([.admin]),
        "GET /admin/applications/{id}/evidence/{eid}": .roles([.admin]),
        "POST /admin/applications/{id}/assignments": .roles([.admin]),
        "POST /admin/applications/{id}/assignments/{aid}/delete": .roles([.admin]),
        "GET /admin/compare": .roles([.admin]),
        "GET /admin/compare/{scorecard}": .roles([.admin]),
        "GET /admin/compare/{scorecard}/csv": .roles([.admin]),
        "GET /admin/compare/{scorecard}/html": .roles([.admin]),
        "GET /admin/export": .roles([.admin]),
        "GET /admin/export/{scorecard}": .roles([.admin]),
    ]

    /// The visitors: a name, the account (nil: signed out).
    static let visitors: [(String, String?)] = [("signed-out", nil), ("park1", "park1"), ("park2", "park2"), ("reviewer1", "reviewer1"),
                                                ("reviewer3", "reviewer3"), ("chair1", "chair1"), ("admin1", "admin1")]

    func testEveryRouteHasARule() throws {
        let router = workbench.router()
        let routes = Set(router.routes.map { "\($0.method) \($0.path)" })
        for route in routes.sorted() where Self.rules[route] == nil {
            XCTFail("no access rule for \(route): add it to RouteAccessTests.rules")
        }
        for route in Self.rules.keys.sorted() where !routes.contains(route) {
            XCTFail("a rule for \(route), which is no route")
        }
    }

    func testEachVisitorGetsOnlyWhatTheRuleAllows() async throws {
        // park1's submitted application, assigned to reviewer1 (panel) and chair1 (chair); reviewer3 is not assigned.
        let application = try insertSample("beijing-xinghe", owner: "park1", status: .submitted)
        try assign("reviewer1", to: application, as: "panel")
        try assign("chair1", to: application, as: "chair")
        let id = String(application.id ?? 0)
        // The park's and the bureau's desks name an evidence file by its row, the review desk by its evidence id.
        let first = try workbench.evidence(of: application.id ?? 0).first
        let evidence = (row: String(first?.id ?? 0), id: first?.evidenceID ?? "licence")
        let routes = workbench.router().routes.map { ("\($0.method)", "\($0.path)") }
        let workbench = self.workbench!
        try await withClient { client in
            for (visitorName, accountName) in Self.visitors {
                var visitor = Visitor(client)
                if let accountName { try await visitor.signIn(accountName) } else { try await visitor.get("/login") }
                let account = try accountName.flatMap { try workbench.store.account(named: $0) }
                for (method, pattern) in routes {
                    // Open routes are not tried (signing out would end the visitor's session).
                    guard let rule = Self.rules["\(method) \(pattern)"] else { continue }
                    if case .open = rule { continue }
                    let path = Self.fill(pattern, id: id, evidence: evidence)
                    // A page with the session's token first (the sign-in page for one signed out).
                    try await visitor.get(accountName == nil ? "/login" : "/account/password")
                    let page = method == "GET" ? try await visitor.get(path) : try await visitor.post(path)
                    let status = page.status.code
                    XCTAssertLessThan(status, 500, "\(visitorName) \(method) \(path)")
                    let allowed: Bool, notFound: Bool
                    switch rule {
                    case .open: allowed = true; notFound = false
                    case .signedIn: allowed = account != nil; notFound = false
                    case .roles(let roles): allowed = account.map { roles.contains($0.role) } ?? false; notFound = false
                    case .owned(let roles):
                        let ofRole = account.map { roles.contains($0.role) } ?? false
                        let mine = ["park1", "reviewer1", "chair1", "admin1"].contains(accountName ?? "")
                        allowed = ofRole && mine
                        notFound = ofRole && !mine
                    }
                    if account == nil {
                        // Signed out: sent to sign in (a GET), or refused (a POST: no session token to match).
                        XCTAssertTrue(status == 303 || status == 403, "\(visitorName) \(method) \(path): \(status)")
                    } else if notFound {
                        XCTAssertEqual(status, 404, "\(visitorName) \(method) \(path)")
                    } else if !allowed {
                        // Another role: 403, or 404 when not even assigned to the application.
                        XCTAssertTrue(status == 403 || status == 404, "\(visitorName) \(method) \(path): \(status)")
                    } else {
                        XCTAssertFalse(status == 403 || status == 404, "\(visitorName) \(method) \(path): \(status)")
                    }
                }
            }
        }
    }

    /// A route's pattern with its parameters filled in.
    static func fill(_ pattern: String, id: String, evidence: (row: String, id: String)) -> String {
        var parts: [String] = []
        for part in pattern.split(separator: "/", omittingEmptySubsequences: false) {
            switch part {
            case "{id}": parts.append(id)
            case "{eid}": parts.append(pattern.hasPrefix("/review/") ? evidence.id : evidence.row)
            case "{code}": parts.append("en")
            case "{name}": parts.append("workbench.css")
            case "{scorecard}": parts.append("beijing-digital-advertising-park")
            default: parts.append(part.hasPrefix("{") ? "1" : String(part))
            }
        }
        return parts.joined(separator: "/")
    }
}
