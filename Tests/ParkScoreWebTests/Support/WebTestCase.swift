import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import ParkScore
import ParkScoreIO
@testable import ParkScoreWeb
import XCTest

/// The repository's folders, for the tests.
enum WebRepository {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static var criteria: String { root.appendingPathComponent("Criteria").path }
    static var templates: String { root.appendingPathComponent("Templates").path }
    static var samples: String { root.appendingPathComponent("Samples").path }
}

/// A workbench on a fresh database in a temporary folder, with one account of each role (password `password-123`,
/// hashed at bcrypt's lowest cost to keep the tests quick), and a way to drive it as a browser would.
class WebTestCase: XCTestCase {
    var folder: URL!
    var workbench: Workbench!
    static let password = "password-123"

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("parkscore-web-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        workbench = try Self.makeWorkbench(in: folder)
    }

    override func tearDownWithError() throws {
        workbench = nil
        if let folder { try? FileManager.default.removeItem(at: folder) }
    }

    static let library: CriteriaLibrary = {
        guard let catalog = CriteriaCatalog.locate(explicit: WebRepository.criteria),
              let library = CriteriaLibrary.open(catalog).value else { fatalError("the repository's Criteria/ does not load") }
        return library
    }()

    static func makeWorkbench(in folder: URL, throttle: LoginThrottle = LoginThrottle()) throws -> Workbench {
        let store = try WorkbenchStore(path: folder.appendingPathComponent("workbench.sqlite").path)
        let workbench = try Workbench(store: store, criteria: library, templates: WebRepository.templates, throttle: throttle)
        for (name, role, organisation) in [("park1", Account.Role.park, "星河数字广告产业园（虚构）"), ("park2", .park, "东岭广告产业园（虚构）"),
                                           ("reviewer1", .reviewer, ""), ("reviewer2", .reviewer, ""), ("reviewer3", .reviewer, ""),
                                           ("prelim1", .reviewer, ""), ("chair1", .chair, ""), ("admin1", .admin, "")] {
            try Accounts.create(in: store, name: name, displayName: name, password: password, role: role, organisation: organisation, cost: 4)
        }
        return workbench
    }

    func account(_ name: String) throws -> Account {
        guard let account = try workbench.store.account(named: name) else { throw XCTSkip("no account \(name)") }
        return account
    }

    /// Runs `body` with a test client of the workbench's router.
    func withClient(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let app = Application(router: workbench.router())
        try await app.test(.router) { client in try await body(client) }
    }
}

/// A browser's view of the workbench: its cookies, the CSRF token of the last page, and the last response.
struct Visitor {
    let client: any TestClientProtocol
    var cookies: [String: String] = [:]
    var csrf = ""

    init(_ client: any TestClientProtocol) { self.client = client }

    struct Page {
        let status: HTTPResponse.Status
        let headers: HTTPFields
        let body: String
        let bytes: [UInt8]
        var location: String? { headers[.location] }
    }

    mutating func remember(_ response: TestResponse) -> Page {
        for value in response.headers[values: .setCookie] {
            let pair = value.split(separator: ";", maxSplits: 1)[0]
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else { continue }
            let name = String(parts[0]), cookie = String(parts[1])
            if value.contains("Max-Age=0") || cookie.isEmpty { cookies[name] = nil } else { cookies[name] = cookie }
        }
        let body = String(buffer: response.body)
        if let range = body.range(of: #"name="_csrf" value="([0-9a-f]{64})""#, options: .regularExpression) {
            csrf = String(body[range].dropFirst(#"name="_csrf" value=""#.count).dropLast())
        }
        return Page(status: response.status, headers: response.headers, body: body, bytes: Array(buffer: response.body))
    }

    var cookieHeader: HTTPFields {
        var headers = HTTPFields()
        if !cookies.isEmpty { headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ") }
        return headers
    }

    @discardableResult
    mutating func get(_ path: String) async throws -> Page {
        let response = try await client.execute(uri: path, method: .get, headers: cookieHeader, body: nil)
        return remember(response)
    }

    /// Posts a URL-encoded form with the current CSRF token (unless `csrf` is given: "" sends none).
    @discardableResult
    mutating func post(_ path: String, _ fields: [(String, String)] = [], csrf: String? = nil) async throws -> Page {
        var headers = cookieHeader
        headers[.contentType] = "application/x-www-form-urlencoded"
        var all = fields
        let token = csrf ?? self.csrf
        if !token.isEmpty { all.append(("_csrf", token)) }
        let body = all.map { Self.encode($0.0) + "=" + Self.encode($0.1) }.joined(separator: "&")
        let response = try await client.execute(uri: path, method: .post, headers: headers, body: ByteBuffer(string: body))
        return remember(response)
    }

    /// Posts a multipart form (one file part named `file`, plus fields), the CSRF token in the query.
    @discardableResult
    mutating func upload(_ path: String, fields: [(String, String)], fileName: String, fileType: String = "application/octet-stream",
                         bytes: [UInt8], csrf: String? = nil) async throws -> Page {
        let boundary = "----parkscore-test-boundary"
        var body = ByteBuffer()
        for (name, value) in fields {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(fileName)\"\r\nContent-Type: \(fileType)\r\n\r\n")
        body.writeBytes(bytes)
        body.writeString("\r\n--\(boundary)--\r\n")
        var headers = cookieHeader
        headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
        let token = csrf ?? self.csrf
        let separator = path.contains("?") ? "&" : "?"
        let response = try await client.execute(uri: path + separator + "_csrf=" + token, method: .post, headers: headers, body: body)
        return remember(response)
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }

    /// Signs in (getting the sign-in page first, for its token).
    mutating func signIn(_ name: String, password: String = WebTestCase.password) async throws {
        try await get("/login")
        let page = try await post("/login", [("name", name), ("password", password)])
        guard page.status == .seeOther || page.status == .found, page.location != nil else {
            throw XCTSkip("sign-in as \(name) failed: \(page.status)")
        }
        try await get(page.location ?? "/")
    }
}

extension WebTestCase {
    /// A sample application (`Samples/<name>/`) stored as if its park had filled it in and (unless `status` says
    /// otherwise) submitted it: its self-report YAML as it is, each evidence file stored under its sha256 with the
    /// path the YAML gives. Owned by `owner`; scorecard: the report's first `applies_to`.
    @discardableResult
    func insertSample(_ name: String, owner: String = "park1", status: ApplicationRecord.Status = .submitted) throws -> ApplicationRecord {
        let folder = WebRepository.samples + "/" + name
        let path = folder + "/self-report.yaml"
        guard let data = FileManager.default.contents(atPath: path), let yaml = String(data: data, encoding: .utf8) else {
            throw XCTSkip("no sample \(name)")
        }
        guard let input = ApplicationInput.read(report: path).value,
              let assessment = workbench.pipeline.assess(input).value else { throw XCTSkip("sample \(name) does not assess") }
        let report = assessment.report
        guard let scorecard = report.appliesTo.first else { throw XCTSkip("sample \(name) names no scorecard") }
        let ownerID = try account(owner).id ?? 0
        let now = Date()
        var files: [(EvidenceItemFixture)] = []
        for item in report.evidence {
            guard let bytes = FileManager.default.contents(atPath: folder + "/" + item.file) else { continue }
            let digest = try workbench.store.blobs.store([UInt8](bytes))
            files.append(EvidenceItemFixture(id: item.id, title: item.title, file: item.file, sha256: digest, size: Int64(bytes.count),
                                             supports: item.supports))
        }
        return try workbench.store.database.write { db in
            var application = ApplicationRecord(ownerID: ownerID, scorecardID: scorecard, parkName: report.park.name, status: status,
                                                form: "{}", selfReport: yaml, createdAt: now, updatedAt: now,
                                                submittedAt: status == .draft ? nil : now)
            try application.insert(db)
            for file in files {
                let supports = String(decoding: try JSONEncoder().encode(file.supports), as: UTF8.self)
                var record = EvidenceRecord(applicationID: application.id ?? 0, evidenceID: file.id, title: file.title,
                                            originalName: SourceFile.name(of: file.file), path: file.file, sha256: file.sha256,
                                            size: file.size, supports: supports, uploadedBy: ownerID, createdAt: now)
                try record.insert(db)
            }
            return application
        }
    }

    /// Assigns `reviewer` to `application` in `role` (`preliminary`, `panel` or `chair`).
    func assign(_ reviewer: String, to application: ApplicationRecord, as role: String) throws {
        let reviewerID = try account(reviewer).id ?? 0
        try workbench.store.database.write { db in
            var assignment = AssignmentRecord(applicationID: application.id ?? 0, reviewerID: reviewerID, reviewRole: role, createdAt: Date())
            try assignment.insert(db)
        }
    }
}

struct EvidenceItemFixture {
    let id: String, title: String, file: String, sha256: String, size: Int64, supports: [String]
}
