import Foundation
import Hummingbird
import HummingbirdAuth
import Logging
import ParkScore
import ParkScoreDossier
import ParkScoreIO

/// Everything the routes share, made once at start: the store, the one assessment pipeline (the CLI's), the dossier
/// renderer, the pages, the built-in scorecards, and the sign-in throttle.
public struct Workbench: Sendable {
    public let store: WorkbenchStore
    public let pipeline: AssessmentPipeline
    public let dossiers: DossierRenderer
    public let pages: PageRenderer
    /// The built-in scorecards, by id, in the catalogue's order: the only ones an application may name.
    public let scorecards: [LoadedScorecard]
    public let throttle: LoginThrottle
    /// Whether the server is reached over TLS (a reverse proxy): session cookies are then `Secure`.
    public let secureCookies: Bool

    public init(store: WorkbenchStore, criteria: CriteriaLibrary, templates: String, secureCookies: Bool = false,
                throttle: LoginThrottle = LoginThrottle()) throws {
        self.store = store
        pipeline = AssessmentPipeline(criteria: criteria)
        switch DossierTemplates.load(templates) {
        case .success(let loaded): dossiers = DossierRenderer(templates: loaded)
        case .failure(let diagnostic): throw PageRenderer.LoadError.problem(diagnostic.message)
        }
        pages = try PageRenderer(templates: templates)
        let builtIn = criteria.builtInScorecards()
        guard let list = builtIn.value else {
            throw PageRenderer.LoadError.problem(builtIn.diagnostics.map(\.message).joined(separator: "\n"))
        }
        scorecards = list
        self.throttle = throttle
        self.secureCookies = secureCookies
    }

    public func scorecard(_ id: String) -> LoadedScorecard? { scorecards.first { $0.scorecard.id == id } }

    /// The router with every route and middleware: what `serve` runs and what the route tests drive.
    public func router() -> Router<WorkbenchContext> {
        let router = Router(context: WorkbenchContext.self)
        router.add(middleware: SecurityHeaders())
        router.add(middleware: SessionMiddleware(
            storage: SessionStore(database: store.database),
            configuration: .init(sessionCookieParameters: .init(name: "parkscore_session", path: "/", secure: secureCookies,
                                                                sameSite: .strict),
                                 keyPrefix: "s.", defaultSessionExpiration: .seconds(8 * 60 * 60))))
        router.add(middleware: ErrorPages(pages: pages))
        router.add(middleware: SessionGate(store: store))
        AccountRoutes(workbench: self).register(on: router)
        ParkRoutes(workbench: self).register(on: router)
        ReviewRoutes(workbench: self).register(on: router)
        AdminRoutes(workbench: self).register(on: router)
        return router
    }

    /// The HTTP application on `host:port`.
    public func application(host: String, port: Int, logger: Logger? = nil) -> some ApplicationProtocol {
        var logger = logger ?? Logger(label: "parkscore.serve")
        logger.logLevel = .info
        return Application(router: router(), configuration: .init(address: .hostname(host, port: port), serverName: nil),
                           logger: logger)
    }
}
