import Hummingbird

/// Headers on every response: a strict Content-Security-Policy (everything from this server, no inline script, no
/// framing), no MIME sniffing, no referrer leaking an application's id, and no caching of pages with official data.
/// A route that serves a self-contained dossier (inline styles) sets its own, narrower policy, which is kept.
struct SecurityHeaders<Context: RequestContext>: RouterMiddleware {
    static var pagePolicy: String {
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
    }
    /// A dossier is one HTML file with its styles inline and no script at all.
    static var documentPolicy: String {
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        Self.apply(&response)
        return response
    }

    static func apply(_ response: inout Response) {
        if response.headers[.contentSecurityPolicy] == nil { response.headers[.contentSecurityPolicy] = pagePolicy }
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.init("X-Frame-Options")!] = "DENY"
        response.headers[.init("Referrer-Policy")!] = "same-origin"
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
    }
}
