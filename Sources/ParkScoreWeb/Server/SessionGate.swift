import Foundation
import Hummingbird
import HummingbirdAuth
import NIOCore

/// Runs inside hummingbird-auth's `SessionMiddleware`: gives every visitor a session (so that even the sign-in form
/// carries a CSRF token), loads the account signed in, and refuses a state-changing request whose token does not match
/// the session's (403). A posted URL-encoded form is read here, bounded, into `context.form`; a multipart upload
/// carries its token in the `_csrf` query parameter, any other request in an `X-CSRF-Token` header.
struct SessionGate: RouterMiddleware {
    typealias Context = WorkbenchContext
    let store: WorkbenchStore

    static let tokenField = "_csrf"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        var request = request
        if let session = context.sessions.session {
            if let id = session.accountID {
                let account = try store.account(id: id)
                if let account, !account.disabled {
                    context.account = account
                } else {
                    // The account is gone or disabled: signed out now, whatever the cookie says.
                    context.sessions.clearSession()
                    context.sessions.createSession(WebSession())
                }
            }
        } else {
            context.sessions.createSession(WebSession())
        }
        if let language = LanguageChoice.of(request) { context.language = language }

        if request.method != .get && request.method != .head {
            let expected = context.csrfToken
            var given = request.headers[.init("X-CSRF-Token")!] ?? request.uri.queryParameters.get(Self.tokenField)
            let type = request.headers[.contentType]?.lowercased() ?? ""
            if type.hasPrefix("application/x-www-form-urlencoded") {
                let body = try await request.collectBody(upTo: FormFields.maxBodyBytes)
                guard let form = FormFields.parse(String(buffer: body)) else { throw HTTPError(.badRequest) }
                context.form = form
                given = given ?? form[Self.tokenField]
            }
            guard let given, !expected.isEmpty, Self.constantTimeEqual(given, expected) else {
                throw HTTPError(.forbidden, message: "csrf")
            }
        }
        return try await next(request, context)
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for i in 0..<x.count { difference |= x[i] ^ y[i] }
        return difference == 0
    }
}
