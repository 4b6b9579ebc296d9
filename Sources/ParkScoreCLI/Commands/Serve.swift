import ArgumentParser
import Foundation
import ParkScore
import ParkScoreDossier
import ParkScoreIO
import ParkScoreWeb

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start the web workbench: parks fill in and submit applications, evaluators review them, the bureau compares.",
        discussion: """
        The workbench keeps everything in one SQLite database (created and migrated on first start; evidence files in \
        a folder beside it, named <db>.evidence). Make the first account, the bureau's administrator, with \
        --create-admin; the password is read from $PARKSCORE_ADMIN_PASSWORD when set, else asked for at the terminal. \
        The administrator then makes the parks' and evaluators' accounts in the browser.

        Behind a TLS reverse proxy, pass --secure-cookies so that the session cookie is sent over HTTPS only.

        Examples:
          parkscore serve --create-admin admin
          parkscore serve
          parkscore serve --db /srv/parkscore/workbench.sqlite --host 0.0.0.0 --port 8080 --secure-cookies
        """
    )

    @Option(name: .long, help: "The database file (default: out/workbench.sqlite).")
    var db: String = "out/workbench.sqlite"

    @Option(name: .long, help: "The port to listen on.")
    var port: Int = 8080

    @Option(name: .long, help: "The address to listen on (127.0.0.1: this machine only).")
    var host: String = "127.0.0.1"

    @Option(name: .customLong("create-admin"), help: "Make an administrator account with this name, then exit.")
    var createAdmin: String?

    @Option(name: .customLong("display-name"), help: "The administrator's display name (with --create-admin).")
    var displayName: String = "主管部门管理员"

    @Flag(name: .customLong("secure-cookies"), help: "Mark the session cookie Secure (the server is reached over HTTPS).")
    var secureCookies = false

    @OptionGroup var language: LanguageOption
    var lang: LocalizedText.Language { language.resolved }

    @OptionGroup var options: CriteriaOption

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be between 1 and 65535") }
    }

    func run() async throws {
        let workspace = try Workspace(criteria: options.criteria, language: lang)
        let messages = workspace.messages
        let folder = (db as NSString).deletingLastPathComponent
        if !folder.isEmpty { try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        let store: WorkbenchStore
        do {
            store = try WorkbenchStore(path: db)
        } catch {
            Console.error(messages("cli.serve.db-failed", ["path": db, "reason": String(describing: error)]) + "\n")
            throw ExitCode(1)
        }
        if let name = createAdmin {
            let password: String
            if let given = ProcessInfo.processInfo.environment["PARKSCORE_ADMIN_PASSWORD"], !given.isEmpty {
                password = given
            } else {
                guard let typed = Self.readPassword(messages("cli.serve.password-prompt")) else {
                    Console.error(messages("cli.serve.no-password") + "\n")
                    throw ExitCode(1)
                }
                password = typed
            }
            do {
                let account = try Accounts.create(in: store, name: name, displayName: displayName, password: password, role: .admin)
                Console.out(messages("cli.serve.admin-created", ["name": account.name, "db": db]) + "\n")
            } catch let problem as Accounts.Problem {
                guard case .invalid(let key) = problem else { throw problem }
                Console.error(messages("web.account.problem." + key) + "\n")
                throw ExitCode(1)
            }
            return
        }
        guard let templates = TemplatesFolder.locate() else {
            Console.error(messages("cli.serve.no-templates") + "\n")
            throw ExitCode(1)
        }
        let workbench: Workbench
        do {
            workbench = try Workbench(store: store, criteria: try workspace.library(), templates: templates, secureCookies: secureCookies)
        } catch let error as PageRenderer.LoadError {
            Console.error(error.description + "\n")
            throw ExitCode(1)
        }
        // Sessions that expired while the server was down are removed now; the others stay signed in.
        try? await SessionStore(database: store.database).prune()
        if try store.accountCount() == 0 {
            Console.error(messages("cli.serve.no-accounts", ["db": db]) + "\n")
        }
        Console.error(messages("cli.serve.listening", ["url": "http://\(host):\(port)/", "db": db]) + "\n")
        try await workbench.application(host: host, port: port).runService()
    }

    /// A password typed at the terminal, not echoed; nil when there is no terminal.
    static func readPassword(_ prompt: String) -> String? {
        guard isatty(STDIN_FILENO) != 0 else { return nil }
        guard let pointer = getpass(prompt) else { return nil }
        return String(cString: pointer)
    }
}
