import Foundation
import GRDB
import Hummingbird
import ParkScore
import ParkScoreDossier
import ParkScoreIO

/// The park desk's routes: a park's own applications, the form, drafts, the score preview, evidence, the YAML and
/// dossier downloads, and submission. Every route needs the role `park` (403 for another role) and the application's
/// ownership (404 for someone else's, as for one that does not exist).
struct ParkRoutes {
    let workbench: Workbench

    /// The most evidence files one application may have.
    static let maxEvidenceFiles = 100
    /// The longest park name and evidence title taken.
    static let maxNameCharacters = 120
    static let maxTitleCharacters = 200

    func register(on router: Router<WorkbenchContext>) {
        router.get("/park/applications") { _, context -> Response in try list(context) }
        router.get("/park/applications/new") { _, context -> Response in
            _ = try context.require(.park)
            return newPage(context, problem: nil)
        }
        router.post("/park/applications") { _, context -> Response in try create(context) }
        router.get("/park/applications/:id") { request, context -> Response in
            let (_, application) = try owned(context)
            let flash: String?
            switch request.uri.queryParameters.get("done") {
            case "saved": flash = workbench.pages.word("park.flash.saved", context.language)
            case "uploaded": flash = workbench.pages.word("park.flash.uploaded", context.language)
            case "deleted": flash = workbench.pages.word("park.flash.deleted", context.language)
            case "relinked": flash = workbench.pages.word("park.flash.relinked", context.language)
            case "submitted": flash = workbench.pages.word("park.flash.submitted", context.language)
            case "imported": flash = workbench.pages.word("park.flash.imported", context.language)
            case "created": flash = workbench.pages.word("park.flash.created", context.language)
            default: flash = nil
            }
            return try page(application, context: context).response(context: context, flash: flash)
        }
        router.post("/park/applications/:id") { _, context -> Response in try save(context) }
        router.post("/park/applications/:id/preview") { _, context -> Response in
            let (_, application) = try owned(context)
            let state = try postedState(application, context: context)
            let page = try ParkApplicationPage(workbench: workbench, application: application, scorecard: try scorecard(of: application),
                                               state: state, evidence: try workbench.evidence(of: try id(application)), language: context.language)
            return PageRenderer.html(page.previewHTML())
        }
        router.post("/park/applications/:id/evidence") { request, context -> Response in try await upload(request, context) }
        router.post("/park/applications/:id/evidence/:eid/delete") { _, context -> Response in try deleteEvidence(context) }
        router.post("/park/applications/:id/evidence/:eid") { _, context -> Response in try relinkEvidence(context) }
        router.get("/park/applications/:id/evidence/:eid") { _, context -> Response in try download(context) }
        router.get("/park/applications/:id/self-report.yaml") { _, context -> Response in
            let (_, application) = try owned(context)
            return Response(status: .ok, headers: [.contentType: "application/octet-stream",
                                                   .contentDisposition: ParkUpload.attachment("self-report.yaml")],
                            body: .init(byteBuffer: ByteBuffer(string: application.selfReport)))
        }
        router.get("/park/applications/:id/dossier") { _, context -> Response in try dossier(context) }
        router.post("/park/applications/:id/submit") { _, context -> Response in try submit(context) }
        router.post("/park/applications/:id/import") { request, context -> Response in try await importReport(request, context) }
    }

    // MARK: - Who may see what

    /// The park signed in and the application of the path's `:id`, which must be its own (404 otherwise).
    func owned(_ context: WorkbenchContext) throws -> (Account, ApplicationRecord) {
        let account = try context.require(.park)
        guard let raw = context.parameters.get("id"), raw.count <= 18, let id = Int64(raw), id > 0 else { throw HTTPError(.notFound) }
        let application = try workbench.store.database.read { db in try ApplicationRecord.fetchOne(db, key: id) }
        guard let application, application.ownerID == account.id else { throw HTTPError(.notFound) }
        return (account, application)
    }

    func id(_ application: ApplicationRecord) throws -> Int64 {
        guard let id = application.id else { throw WorkbenchError.notStored }
        return id
    }

    func scorecard(of application: ApplicationRecord) throws -> Scorecard {
        guard let loaded = workbench.scorecard(application.scorecardID) else { throw HTTPError(.internalServerError) }
        return loaded.scorecard
    }

    /// The form state of `application`; for one stored without a form (`{}`: made from a self-report YAML, by an
    /// import of the bureau's or a test's fixture), the state its YAML reads as.
    func state(of application: ApplicationRecord) throws -> SelfReportForm.State {
        guard let state = SelfReportForm.State.decode(application.form) else { throw HTTPError(.internalServerError) }
        guard state == SelfReportForm.State(), !application.selfReport.isEmpty else { return state }
        let dictionary = workbench.pipeline.criteria.dictionary
        let file = SourceFile(path: "self-report.yaml", bytes: Array(application.selfReport.utf8))
        guard let report = SelfReportLoader.decodeFacts(file, dictionary: dictionary).value else { return state }
        return SelfReportForm.state(of: report, scorecardID: application.scorecardID, dictionary: dictionary)
    }

    func layout(_ application: ApplicationRecord, state: SelfReportForm.State, language: LocalizedText.Language) throws -> SelfReportForm.Layout {
        SelfReportForm.Layout(scorecard: try scorecard(of: application), dictionary: workbench.pipeline.criteria.dictionary,
                              messages: workbench.pages.messages(language), state: state)
    }

    func page(_ application: ApplicationRecord, state: SelfReportForm.State? = nil, context: WorkbenchContext) throws -> ParkApplicationPage {
        try ParkApplicationPage(workbench: workbench, application: application, scorecard: try scorecard(of: application),
                                state: try state ?? self.state(of: application), evidence: try workbench.evidence(of: try id(application)),
                                language: context.language)
    }

    /// The form state the posted fields stand for (a field longer than the form takes: 400).
    func postedState(_ application: ApplicationRecord, context: WorkbenchContext) throws -> SelfReportForm.State {
        let layout = try layout(application, state: try state(of: application), language: context.language)
        do {
            return try SelfReportForm.state(from: context.form, layout: layout)
        } catch {
            throw HTTPError(.badRequest)
        }
    }

    // MARK: - The list and a new application

    func list(_ context: WorkbenchContext) throws -> Response {
        let account = try context.require(.park)
        let applications = try workbench.store.database.read { db in
            try ApplicationRecord.filter(Column("ownerID") == account.id).order(Column("updatedAt").desc, Column("id").desc).fetchAll(db)
        }
        let rows = applications.compactMap { application -> TemplateValue? in
            guard let appID = application.id else { return nil }
            return ParkApplicationPage.object([
                "parkName": .string(application.parkName),
                "scorecardTitle": .string(workbench.scorecard(application.scorecardID)?.scorecard.title.text(context.language) ?? application.scorecardID),
                "status": .string(application.status.rawValue),
                "statusLabel": .string(ParkFormat.status(application.status, workbench: workbench, language: context.language)),
                "updatedAt": .string(ParkFormat.time(application.updatedAt)),
                "link": .string("/park/applications/" + String(appID)),
            ])
        }
        return workbench.pages.page("park-list", title: workbench.pages.word("park.list.title", context.language),
                                    values: ["applications": .list(rows), "hasApplications": .bool(!rows.isEmpty)], context: context)
    }

    func newPage(_ context: WorkbenchContext, problem: String?, status: HTTPResponse.Status = .ok) -> Response {
        let chosen = context.form["scorecard"] ?? ""
        let options = workbench.scorecards.map { loaded in
            ParkApplicationPage.object(["id": .string(loaded.scorecard.id), "title": .string(loaded.scorecard.title.text(context.language)),
                                        "selected": .bool(loaded.scorecard.id == chosen)])
        }
        var values: [String: TemplateValue] = ["scorecards": .list(options),
                                               "parkName": .string(context.form["parkName"] ?? context.account?.organisation ?? "")]
        if let problem { values["problem"] = .string(problem) }
        return workbench.pages.page("park-new", title: workbench.pages.word("park.new.title", context.language), values: values,
                                    context: context, status: status)
    }

    func create(_ context: WorkbenchContext) throws -> Response {
        let account = try context.require(.park)
        guard let ownerID = account.id else { throw HTTPError(.forbidden) }
        let chosen = context.form["scorecard"] ?? ""
        guard let scorecard = workbench.scorecard(chosen)?.scorecard else {
            return newPage(context, problem: workbench.pages.word("park.new.problem.scorecard", context.language), status: .badRequest)
        }
        let parkName = (context.form["parkName"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...Self.maxNameCharacters).contains(parkName.count), !parkName.unicodeScalars.contains(where: { $0.value < 0x20 }) else {
            return newPage(context, problem: workbench.pages.word("park.new.problem.name", context.language), status: .badRequest)
        }
        var state = SelfReportForm.State()
        state.park["name"] = parkName
        let layout = SelfReportForm.Layout(scorecard: scorecard, dictionary: workbench.pipeline.criteria.dictionary,
                                           messages: workbench.pages.messages(context.language), state: state)
        let yaml = SelfReportFormYAML(state: state, layout: layout, evidence: [])
        let now = Date()
        let application = try workbench.store.write { db -> ApplicationRecord in
            var application = ApplicationRecord(ownerID: ownerID, scorecardID: scorecard.id, parkName: parkName, form: state.json(),
                                                selfReport: yaml.text, createdAt: now, updatedAt: now)
            try application.insert(db)
            try WorkbenchStore.record(AuditEvent(applicationID: application.id, actorID: ownerID, at: now, action: "application.created",
                                                 subject: scorecard.id, newValue: parkName), in: db)
            return application
        }
        return .redirect(to: "/park/applications/\(try id(application))?done=created", type: .normal)
    }

    // MARK: - Saving

    /// A conflict: the form as the visitor posted it, not saved, with the version now stored, and the 409 status.
    func conflict(_ application: ApplicationRecord, state: SelfReportForm.State, context: WorkbenchContext) throws -> Response {
        let current = try workbench.store.database.read { db in try ApplicationRecord.fetchOne(db, key: try id(application)) }
        guard let current else { throw HTTPError(.notFound) }
        let message = workbench.pages.word("error.conflict.message", context.language)
        return try page(current, state: state, context: context).response(context: context, flashError: message, status: .conflict)
    }

    /// Stores `state` over `application` read at `version`: the YAML regenerated, one audit event per changed field,
    /// all in one transaction; false when the version is no longer the stored one (nothing written).
    func store(_ state: SelfReportForm.State, over application: ApplicationRecord, version: Int64, actor: Int64?,
               action: String, language: LocalizedText.Language) throws -> Bool {
        let appID = try id(application)
        let layout = try layout(application, state: state, language: language)
        let now = Date()
        let parkName = state.park["name"].map { String($0.prefix(Self.maxNameCharacters)) } ?? application.parkName
        return try workbench.store.write { db -> Bool in
            // The state being replaced, as stored at the version posted (read in this transaction, for the audit).
            guard let current = try ApplicationRecord.fetchOne(db, key: appID), current.version == version, current.status == .draft else {
                return false
            }
            let old = try self.state(of: current)
            let evidence = try EvidenceRecord.filter(Column("applicationID") == appID).order(Column("evidenceID")).fetchAll(db)
            let yaml = SelfReportFormYAML(state: state, layout: layout, evidence: evidence)
            try db.execute(sql: """
                UPDATE application SET form = ?, selfReport = ?, parkName = ?, version = version + 1, updatedAt = ?
                WHERE id = ? AND version = ? AND status = 'draft'
                """, arguments: [state.json(), yaml.text, parkName.isEmpty ? application.parkName : parkName, now, appID, version])
            guard db.changesCount == 1 else { return false }
            let before = old.flattened(), after = state.flattened()
            for key in Set(before.keys).union(after.keys).sorted() where before[key] != after[key] {
                try WorkbenchStore.record(AuditEvent(applicationID: appID, actorID: actor, at: now, action: action, subject: key,
                                                     oldValue: before[key] ?? "", newValue: after[key] ?? ""), in: db)
            }
            return true
        }
    }

    func save(_ context: WorkbenchContext) throws -> Response {
        let (account, application) = try owned(context)
        guard application.status == .draft else { throw HTTPError(.conflict, message: PageRenderer.readOnly) }
        guard let raw = context.form["version"], let version = Int64(raw) else { throw HTTPError(.badRequest) }
        let state = try postedState(application, context: context)
        guard try store(state, over: application, version: version, actor: account.id, action: "application.field-changed",
                        language: context.language) else {
            return try conflict(application, state: state, context: context)
        }
        return .redirect(to: "/park/applications/\(try id(application))?done=saved", type: .normal)
    }

    /// Rewrites the stored YAML after the evidence list changed (the form state stays as it is), in `db`'s transaction.
    func regenerate(_ application: ApplicationRecord, in db: Database, language: LocalizedText.Language) throws {
        let appID = try id(application)
        // The form as stored now (a save may have come between this request's first read and its transaction).
        guard let current = try ApplicationRecord.fetchOne(db, key: appID) else { throw HTTPError(.notFound) }
        let state = try self.state(of: current)
        let layout = try layout(current, state: state, language: language)
        let evidence = try EvidenceRecord.filter(Column("applicationID") == appID).order(Column("evidenceID")).fetchAll(db)
        let yaml = SelfReportFormYAML(state: state, layout: layout, evidence: evidence)
        try db.execute(sql: "UPDATE application SET selfReport = ?, updatedAt = ? WHERE id = ?", arguments: [yaml.text, Date(), appID])
    }

    // MARK: - Evidence

    /// The page again with a refusal in the visitor's language.
    func refuse(_ application: ApplicationRecord, _ message: String, _ context: WorkbenchContext, status: HTTPResponse.Status) throws -> Response {
        try page(application, context: context).response(context: context, flashError: message, status: status)
    }

    /// The text of `web.<key>` in the visitor's language.
    func word(_ key: String, _ context: WorkbenchContext) -> String { workbench.pages.word(key, context.language) }

    func readUpload(_ request: Request, _ context: WorkbenchContext) async throws -> ParkUpload? {
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: context.maxUploadSize)
        } catch {
            return nil
        }
        // A body past a file's limit and the form's framing holds a file past the limit: refused before it is parsed.
        guard body.readableBytes <= EvidenceBlobs.maxBytes + ParkUpload.framingAllowance else { return nil }
        do {
            return try ParkUpload.parse(body, contentType: request.headers[.contentType])
        } catch {
            throw HTTPError(.badRequest)
        }
    }

    func upload(_ request: Request, _ context: WorkbenchContext) async throws -> Response {
        let (account, application) = try owned(context)
        guard application.status == .draft else { throw HTTPError(.conflict, message: PageRenderer.readOnly) }
        let appID = try id(application)
        guard let uploaderID = account.id else { throw HTTPError(.forbidden) }
        guard let upload = try await readUpload(request, context) else {
            return try refuse(application, word("park.evidence.problem.too-large", context), context, status: .contentTooLarge)
        }
        let evidenceID = (upload.field("evidenceID") ?? "").trimmingCharacters(in: .whitespaces)
        guard EvidenceRecord.isValidID(evidenceID) else {
            return try refuse(application, word("park.evidence.problem.id", context), context, status: .badRequest)
        }
        let title = (upload.field("title") ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...Self.maxTitleCharacters).contains(title.count), !title.unicodeScalars.contains(where: { $0.value < 0x20 }) else {
            return try refuse(application, word("park.evidence.problem.title", context), context, status: .badRequest)
        }
        guard let fileName = upload.fileName, !upload.fileBytes.isEmpty else {
            return try refuse(application, word("park.evidence.problem.empty", context), context, status: .badRequest)
        }
        guard upload.fileBytes.count <= EvidenceBlobs.maxBytes else {
            return try refuse(application, word("park.evidence.problem.too-large", context), context, status: .contentTooLarge)
        }
        let known = try supportable(application)
        var supports: [String] = []
        for key in upload.all("supports") where known.contains(key) && !supports.contains(key) { supports.append(key) }
        let originalName = ParkUpload.cleanName(fileName)
        let path = EvidenceRecord.defaultPath(id: evidenceID, originalName: originalName)
        guard EvidenceRecord.isSafePath(path) else { return try refuse(application, word("park.evidence.problem.id", context), context, status: .badRequest) }
        let digest: String
        do {
            digest = try workbench.store.blobs.store(upload.fileBytes)
        } catch .tooLarge {
            return try refuse(application, word("park.evidence.problem.too-large", context), context, status: .contentTooLarge)
        } catch .empty {
            return try refuse(application, word("park.evidence.problem.empty", context), context, status: .badRequest)
        } catch {
            throw HTTPError(.internalServerError)
        }
        let supportsJSON = String(decoding: try JSONEncoder().encode(supports), as: UTF8.self)
        let now = Date()
        enum Outcome { case stored, tooMany, taken }
        let outcome = try workbench.store.write { db -> Outcome in
            let existing = try EvidenceRecord.filter(Column("applicationID") == appID).fetchAll(db)
            guard existing.count < Self.maxEvidenceFiles else { return .tooMany }
            guard !existing.contains(where: { $0.evidenceID == evidenceID || $0.path == path }) else { return .taken }
            var record = EvidenceRecord(applicationID: appID, evidenceID: evidenceID, title: title, originalName: originalName, path: path,
                                        sha256: digest, size: Int64(upload.fileBytes.count), supports: supportsJSON,
                                        uploadedBy: uploaderID, createdAt: now)
            try record.insert(db)
            try regenerate(application, in: db, language: context.language)
            try WorkbenchStore.record(AuditEvent(applicationID: appID, actorID: account.id, at: now, action: "application.evidence-added",
                                                 subject: evidenceID, newValue: originalName + " sha256:" + digest), in: db)
            return .stored
        }
        switch outcome {
        case .stored: return .redirect(to: "/park/applications/\(appID)?done=uploaded", type: .normal)
        case .tooMany: return try refuse(application, word("park.evidence.problem.too-many", context), context, status: .badRequest)
        case .taken: return try refuse(application, word("park.evidence.problem.taken", context), context, status: .badRequest)
        }
    }

    /// The evidence record of the path's `:eid`, which must belong to `application` (404 otherwise).
    func evidenceRecord(_ application: ApplicationRecord, _ context: WorkbenchContext) throws -> EvidenceRecord {
        guard let raw = context.parameters.get("eid"), raw.count <= 18, let eid = Int64(raw), eid > 0 else { throw HTTPError(.notFound) }
        let record = try workbench.store.database.read { db in try EvidenceRecord.fetchOne(db, key: eid) }
        guard let record, record.applicationID == application.id else { throw HTTPError(.notFound) }
        return record
    }

    /// What an evidence file may support: a fact the dictionary knows, or a gate or criterion of the scorecard.
    func supportable(_ application: ApplicationRecord) throws -> Set<String> {
        let scorecard = try scorecard(of: application)
        return Set(workbench.pipeline.criteria.dictionary.keys).union(scorecard.criteria.map(\.id)).union(scorecard.gates.map(\.id))
    }

    /// A new title and the facts it supports for an evidence file already uploaded (its content stays).
    func relinkEvidence(_ context: WorkbenchContext) throws -> Response {
        let (account, application) = try owned(context)
        let record = try evidenceRecord(application, context)
        guard application.status == .draft, let recordID = record.id else { throw HTTPError(.conflict, message: PageRenderer.readOnly) }
        let appID = try id(application)
        let title = (context.form["title"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...Self.maxTitleCharacters).contains(title.count), !title.unicodeScalars.contains(where: { $0.value < 0x20 }) else {
            return try refuse(application, word("park.evidence.problem.title", context), context, status: .badRequest)
        }
        let known = try supportable(application)
        var supports: [String] = []
        for key in context.form.all("supports") where known.contains(key) && !supports.contains(key) { supports.append(key) }
        let supportsJSON = String(decoding: try JSONEncoder().encode(supports), as: UTF8.self)
        let before = SelfReportFormYAML.supports(record)
        try workbench.store.write { db in
            try db.execute(sql: "UPDATE evidence SET title = ?, supports = ? WHERE id = ? AND applicationID = ?",
                           arguments: [title, supportsJSON, recordID, appID])
            try regenerate(application, in: db, language: context.language)
            if title != record.title {
                try WorkbenchStore.record(AuditEvent(applicationID: appID, actorID: account.id, at: Date(), action: "application.evidence-changed",
                                                     subject: record.evidenceID + ".title", oldValue: record.title, newValue: title), in: db)
            }
            if supports != before {
                try WorkbenchStore.record(AuditEvent(applicationID: appID, actorID: account.id, at: Date(), action: "application.evidence-changed",
                                                     subject: record.evidenceID + ".supports", oldValue: before.joined(separator: "、"),
                                                     newValue: supports.joined(separator: "、")), in: db)
            }
        }
        return .redirect(to: "/park/applications/\(appID)?done=relinked", type: .normal)
    }

    func deleteEvidence(_ context: WorkbenchContext) throws -> Response {
        let (account, application) = try owned(context)
        let record = try evidenceRecord(application, context)
        guard application.status == .draft else { throw HTTPError(.conflict, message: PageRenderer.readOnly) }
        let appID = try id(application)
        try workbench.store.write { db in
            _ = try EvidenceRecord.deleteOne(db, key: record.id)
            try regenerate(application, in: db, language: context.language)
            try WorkbenchStore.record(AuditEvent(applicationID: appID, actorID: account.id, at: Date(), action: "application.evidence-removed",
                                                 subject: record.evidenceID, oldValue: record.originalName + " sha256:" + record.sha256), in: db)
        }
        return .redirect(to: "/park/applications/\(appID)?done=deleted", type: .normal)
    }

    func download(_ context: WorkbenchContext) throws -> Response {
        let (_, application) = try owned(context)
        return try EvidenceDownload.response(try evidenceRecord(application, context), blobs: workbench.store.blobs)
    }

    // MARK: - Dossier, submission, import

    func dossier(_ context: WorkbenchContext) throws -> Response {
        let (_, application) = try owned(context)
        let appID = try id(application)
        var html: [UInt8]
        if application.status == .finalised,
           let outcome = try workbench.store.database.read({ db in try OutcomeRecord.fetchOne(db, key: appID) }) {
            html = Array(outcome.dossierHTML.utf8)
        } else {
            let assessed = try workbench.assess(application)
            guard let scored = assessed.value?.results.first(where: { $0.scorecard.id == application.scorecardID }) else {
                return try refuse(application, word("park.dossier.problem", context), context, status: .conflict)
            }
            html = workbench.dossiers.renderBytes(.html, scored, language: context.language)
        }
        var response = Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: html)))
        response.headers[.contentSecurityPolicy] = SecurityHeaders<WorkbenchContext>.documentPolicy
        html = []
        return response
    }

    func submit(_ context: WorkbenchContext) throws -> Response {
        let (account, application) = try owned(context)
        guard application.status == .draft else { throw HTTPError(.conflict, message: PageRenderer.readOnly) }
        let appID = try id(application)
        let assessed = try workbench.assess(application)
        guard !assessed.diagnostics.contains(where: { $0.severity == .error }), assessed.value != nil else {
            return try refuse(application, word("park.submit.problem", context), context, status: .conflict)
        }
        let version = context.form["version"].flatMap { Int64($0) } ?? application.version
        let now = Date()
        let done = try workbench.store.write { db -> Bool in
            try db.execute(sql: """
                UPDATE application SET status = 'submitted', submittedAt = ?, updatedAt = ?, version = version + 1
                WHERE id = ? AND version = ? AND status = 'draft'
                """, arguments: [now, now, appID, version])
            guard db.changesCount == 1 else { return false }
            try WorkbenchStore.record(AuditEvent(applicationID: appID, actorID: account.id, at: now, action: "application.submitted",
                                                 oldValue: "draft", newValue: "submitted"), in: db)
            return true
        }
        guard done else { return try conflict(application, state: try state(of: application), context: context) }
        return .redirect(to: "/park/applications/\(appID)?done=submitted", type: .normal)
    }

    /// A self-report YAML or 申报表.xlsx read into the form (the same decoders as the CLI), replacing the form's
    /// values; its evidence files are uploaded separately.
    func importReport(_ request: Request, _ context: WorkbenchContext) async throws -> Response {
        let (account, application) = try owned(context)
        guard application.status == .draft else { throw HTTPError(.conflict, message: PageRenderer.readOnly) }
        guard let upload = try await readUpload(request, context) else {
            return try refuse(application, word("park.evidence.problem.too-large", context), context, status: .contentTooLarge)
        }
        guard let raw = upload.field("version"), let version = Int64(raw) else { throw HTTPError(.badRequest) }
        guard let fileName = upload.fileName, !upload.fileBytes.isEmpty else {
            return try refuse(application, word("park.evidence.problem.empty", context), context, status: .badRequest)
        }
        let dictionary = workbench.pipeline.criteria.dictionary
        var file = SourceFile(path: ParkUpload.cleanName(fileName), bytes: upload.fileBytes)
        if WorkbookSelfReport.isWorkbook(file) {
            guard let converted = WorkbookSelfReport.convert(file, dictionary: dictionary).value else {
                return try refuse(application, word("park.import.problem", context), context, status: .badRequest)
            }
            file = SourceFile(path: "self-report.yaml", bytes: Array(converted.yaml.utf8))
        }
        guard let report = SelfReportLoader.decodeFacts(file, dictionary: dictionary).value else {
            return try refuse(application, word("park.import.problem", context), context, status: .badRequest)
        }
        let state = SelfReportForm.state(of: report, scorecardID: application.scorecardID, dictionary: dictionary)
        guard try store(state, over: application, version: version, actor: account.id, action: "application.imported",
                        language: context.language) else {
            return try conflict(application, state: state, context: context)
        }
        return .redirect(to: "/park/applications/\(try id(application))?done=imported", type: .normal)
    }
}

/// The park part's migrations, after the first one, in order.
func registerParkMigrations(_ migrator: inout DatabaseMigrator) {
}
