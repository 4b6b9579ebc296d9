import Foundation
import Hummingbird
import ParkScore

/// An error thrown by a route becomes a page in the visitor's language, never a stack trace: 401 sends the visitor to
/// sign in (and back afterwards), every other status has its page (`error.html.mustache`).
struct ErrorPages: RouterMiddleware {
    typealias Context = WorkbenchContext
    let pages: PageRenderer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError {
            var context = context
            if let language = LanguageChoice.of(request) { context.language = language }
            if error.status == .unauthorized {
                let path = request.uri.path
                let next = path.hasPrefix("/") && !path.hasPrefix("//") && request.method == .get ? path : "/"
                return Response.redirect(to: "/login?next=" + (next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"),
                                         type: .normal)
            }
            return pages.errorPage(error.status, context: context, reason: error.body)
        } catch {
            var context = context
            if let language = LanguageChoice.of(request) { context.language = language }
            context.logger.log(level: .error, "request failed: \(String(describing: error))")
            return pages.errorPage(.internalServerError, context: context)
        }
    }
}

/// The page language a visitor chose: the `lang` cookie (`zh` or `en`); Chinese when none.
enum LanguageChoice {
    static let cookie = "lang"

    static func of(_ request: Request) -> LocalizedText.Language? {
        guard let value = request.cookies[cookie]?.value else { return nil }
        return LocalizedText.Language(rawValue: value)
    }
}
