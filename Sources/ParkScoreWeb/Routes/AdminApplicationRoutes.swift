import Foundation
import GRDB
import Hummingbird
import ParkScore
import ParkScoreDossier
import ParkScoreIO

/// The bureau's applications: every submitted or finalised one (drafts are the park's own), one application's details
/// with its evaluators, assigning and unassigning evaluators, and its dossier.
extension AdminRoutes {
    func registerApplications(on router: Router<WorkbenchContext>) {
        router.get("/admin/applications") { request, context -> Response in
            _ = try context.require(.admin)
            return try applicationsPage(request, context)
        }
        router.get("/admin/applications/:id") { _, context -> Response in
            _ = try context.require(.admin)
            return try applicationPage(try bureauApplication(context), context)
        }
        router.post("/admin/applications/:id/assignments") { _, context -> Response in
            let admin = try context.require(.admin)
            let application = try bureauApplication(context)
            return try assign(application, by: admin, context)
        }
        router.post("/admin/applications/:id/assignments/:aid/delete") { _, context -> Response in
            let admin = try context.require(.admin)
            let application = try bureauApplication(context)
            return try unassign(application, by: admin, context)
        }
        router.get("/admin/applications/:id/dossier") { _, context -> Response in
            _ = try context.require(.admin)
            return try dossier(try bureauApplication(context), context)
        }
        router.get("/admin/applications/:id/evidence/:eid") { _, context -> Response in
            _ = try context.require(.admin)
            return try evidenceFile(try bureauApplication(context), context)
        }
    }

    // MARK: - The list

    func applicationsPage(_ request: Request, _ context: WorkbenchContext) throws -> Response {
        let language = context.language
        let query = request.uri.queryParameters
        let scorecard = query.get("scorecard").flatMap { workbench.scorecard($0) != nil ? $0 : nil }
        let status = query.get("status").flatMap { ApplicationRecord.Status(rawValue: $0) }.flatMap { $0 == .draft ? nil : $0 }
        let (applications, owners, assigned) = try workbench.store.database.read { db -> ([ApplicationRecord], [Int64: Account], [Int64: Int]) in
            var request = ApplicationRecord.filter(Column("status") != ApplicationRecord.Status.draft.rawValue)
            if let scorecard { request = request.filter(Column("scorecardID") == scorecard) }
            if let status { request = request.filter(Column("status") == status.rawValue) }
            let applications = try request.order(Column("id")).fetchAll(db)
            var owners: [Int64: Account] = [:]
            for account in try Account.filter(keys: Array(Set(applications.map(\.ownerID)))).fetchAll(db) {
                if let id = account.id { owners[id] = account }
            }
            var assigned: [Int64: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT applicationID, COUNT(*) AS n FROM assignment GROUP BY applicationID") {
                assigned[row["applicationID"]] = row["n"]
            }
            return (applications, owners, assigned)
        }
        let formatter = HistoryWords.formatter()
        let rows: [TemplateValue] = applications.map { application in
            let id = application.id ?? 0
            return .object(TemplateObject([
                "id": .string(String(id)),
                "parkName": .string(application.parkName),
                "organisation": .string(owners[application.ownerID]?.organisation ?? ""),
                "scorecard": .string(scorecardTitle(application.scorecardID, language)),
                "status": .string(application.status.rawValue),
                "statusLabel": .string(statusWord(application.status, language)),
                "submittedAt": .string(application.submittedAt.map { formatter.string(from: $0) } ?? ""),
                "assigned": .string(String(assigned[id] ?? 0)),
            ]))
        }
        let scorecards: [TemplateValue] = workbench.scorecards.map { loaded in
            .object(TemplateObject(["id": .string(loaded.scorecard.id), "title": .string(loaded.scorecard.title.text(language)),
                                    "selected": .bool(loaded.scorecard.id == scorecard)]))
        }
        let statuses: [TemplateValue] = [ApplicationRecord.Status.submitted, .finalised].map { s in
            .object(TemplateObject(["value": .string(s.rawValue), "label": .string(statusWord(s, language)), "selected": .bool(s == status)]))
        }
        return workbench.pages.page("admin-applications", title: workbench.pages.word("admin.applications.title", language),
                                    values: ["applications": .list(rows), "hasApplications": .bool(!rows.isEmpty),
                                             "scorecards": .list(scorecards), "statuses": .list(statuses)],
                                    context: context)
    }

    // MARK: - One application

    func applicationPage(_ application: ApplicationRecord, _ context: WorkbenchContext, done: String? = nil, problem: String? = nil,
                         status: HTTPResponse.Status = .ok) throws -> Response {
        let language = context.language
        guard let id = application.id else { throw HTTPError(.notFound) }
        struct Assigned { let assignment: AssignmentRecord; let account: Account; let review: ReviewRecord? }
        let (owner, evidence, assigned, candidates, outcome) = try workbench.store.database.read { db in
            let owner = try Account.fetchOne(db, key: application.ownerID)
            let evidence = try EvidenceRecord.filter(Column("applicationID") == id).order(Column("evidenceID")).fetchAll(db)
            let assignments = try AssignmentRecord.filter(Column("applicationID") == id).order(Column("id")).fetchAll(db)
            var assigned: [Assigned] = []
            for assignment in assignments {
                guard let account = try Account.fetchOne(db, key: assignment.reviewerID) else { continue }
                let review = try ReviewRecord.filter(Column("applicationID") == id && Column("reviewerID") == assignment.reviewerID).fetchOne(db)
                assigned.append(Assigned(assignment: assignment, account: account, review: review))
            }
            let taken = Set(assignments.map(\.reviewerID))
            let candidates = try Account.filter([Account.Role.reviewer.rawValue, Account.Role.chair.rawValue].contains(Column("role"))
                                                && Column("disabled") == false)
                .order(Column("role"), Column("name")).fetchAll(db).filter { !taken.contains($0.id ?? 0) }
            let outcome = try OutcomeRecord.fetchOne(db, key: id)
            return (owner, evidence, assigned, candidates, outcome)
        }
        let formatter = HistoryWords.formatter()
        let evidenceRows: [TemplateValue] = evidence.map { file in
            .object(TemplateObject([
                "id": .string(file.evidenceID), "title": .string(file.title), "originalName": .string(file.originalName),
                "download": .string("/admin/applications/\(id)/evidence/\(file.id ?? 0)"),
                "path": .string(file.path), "size": .string(Self.size(file.size)), "sha256": .string(String(file.sha256.prefix(16))),
            ]))
        }
        let assignedRows: [TemplateValue] = assigned.map { item in
            let reviewState: String
            if let review = item.review {
                reviewState = review.submitted ? workbench.pages.word("admin.assignment.review.submitted", language)
                    : workbench.pages.word("admin.assignment.review.draft", language)
            } else {
                reviewState = workbench.pages.word("admin.assignment.review.none", language)
            }
            return .object(TemplateObject([
                "assignmentID": .string(String(item.assignment.id ?? 0)),
                "name": .string(item.account.name),
                "displayName": .string(item.account.displayName),
                "role": .string(reviewRoleWord(item.assignment.reviewRole, language)),
                "reviewState": .string(reviewState),
                "submitted": .bool(item.review?.submitted == true),
                "removable": .bool(item.review?.submitted != true && application.status != .finalised),
            ]))
        }
        let candidateRows: [TemplateValue] = candidates.map { account in
            .object(TemplateObject(["name": .string(account.name), "displayName": .string(account.displayName),
                                    "roleLabel": .string(roleWord(account.role, language))]))
        }
        let roles: [TemplateValue] = ["panel", "preliminary", "chair"].map { role in
            .object(TemplateObject(["value": .string(role), "label": .string(reviewRoleWord(role, language))]))
        }
        var values: [String: TemplateValue] = [
            "id": .string(String(id)),
            "applicationID": .string(String(id)),
            "parkName": .string(application.parkName),
            "owner": .string(owner?.displayName ?? ""),
            "scorecard": .string(scorecardTitle(application.scorecardID, language)),
            "scorecardID": .string(application.scorecardID),
            "status": .string(application.status.rawValue),
            "statusLabel": .string(statusWord(application.status, language)),
            "submittedAt": .string(application.submittedAt.map { formatter.string(from: $0) } ?? ""),
            "evidence": .list(evidenceRows), "hasEvidence": .bool(!evidenceRows.isEmpty),
            "assignments": .list(assignedRows), "hasAssignments": .bool(!assignedRows.isEmpty),
            "candidates": .list(candidateRows), "hasCandidates": .bool(!candidateRows.isEmpty),
            "reviewRoles": .list(roles),
            "open": .bool(application.status != .finalised),
        ]
        // Sections show only what there is (an empty text still opens a section).
        if let organisation = owner?.organisation, !organisation.isEmpty { values["organisation"] = .string(organisation) }
        if let finalisedAt = application.finalisedAt { values["finalisedAt"] = .string(formatter.string(from: finalisedAt)) }
        // The result as it stands (the comparison's view): the stage it is of, total, grade, verdict.
        let assessment = try BureauAssessment(application, workbench: workbench)
        if let result = assessment.scored?.result, let scorecard = workbench.scorecard(application.scorecardID)?.scorecard {
            values["current"] = .object(TemplateObject([
                "stage": .string(stageWord(assessment.stage, language)),
                "total": .string(result.total.fixed(places: 2)),
                "grade": .string(gradeTitle(result.grade?.id, scorecard, language)),
                "verdict": .string(verdictWord(result.verdict, language)),
                "provisional": .bool(result.isProvisional),
            ]))
        } else {
            values["unscored"] = .bool(true)
        }
        if let outcome {
            values["outcome"] = .object(TemplateObject(["total": .string(outcome.total), "grade": .string(outcome.grade),
                                                        "verdict": .string(outcome.verdict)]))
        }
        if let done { values["flash"] = .string(done) }
        if let problem { values["flashError"] = .string(problem) }
        return workbench.pages.page("admin-application", title: workbench.pages.word("admin.application.title", language,
                                                                                     ["park": application.parkName]),
                                    values: values, context: context, status: status)
    }

    func verdictWord(_ verdict: ScoreResult.Verdict, _ language: LocalizedText.Language) -> String {
        let messages = workbench.pages.messages(language)
        switch verdict {
        case .eligible: return messages("ranking.verdict_eligible")
        case .ineligible: return messages("ranking.verdict_ineligible")
        case .undetermined: return messages("ranking.verdict_undetermined")
        }
    }

    static func size(_ bytes: Int64) -> String {
        if bytes < 1024 { return "\(bytes) B" }
        if bytes < 1 << 20 { return String(format: "%.1f KiB", Double(bytes) / 1024) }
        return String(format: "%.1f MiB", Double(bytes) / Double(1 << 20))
    }

    // MARK: - Assigning evaluators

    /// Assigns the account named `account` in `role`: a reviewer as `preliminary` or `panel`, a chair as `chair`; at
    /// most one chair and one preliminary reviewer; no account twice; never a park's or an admin's account; not once the
    /// application is finalised.
    func assign(_ application: ApplicationRecord, by admin: Account, _ context: WorkbenchContext) throws -> Response {
        let language = context.language
        let pages = workbench.pages
        guard let id = application.id else { throw HTTPError(.notFound) }
        guard application.status != .finalised else {
            return try applicationPage(application, context, problem: pages.word("admin.assignment.problem.finalised", language),
                                       status: .conflict)
        }
        let name = (context.form["account"] ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let role = context.form["role"] ?? ""
        guard Accounts.isValidName(name), let account = try workbench.store.account(named: name), let accountID = account.id,
              !account.disabled else {
            return try applicationPage(application, context, problem: pages.word("admin.assignment.problem.account", language),
                                       status: .badRequest)
        }
        switch (account.role, role) {
        case (.reviewer, "preliminary"), (.reviewer, "panel"), (.chair, "chair"): break
        case (.park, _), (.admin, _):
            return try applicationPage(application, context, problem: pages.word("admin.assignment.problem.not-evaluator", language),
                                       status: .badRequest)
        default:
            return try applicationPage(application, context, problem: pages.word("admin.assignment.problem.role", language),
                                       status: .badRequest)
        }
        enum Refusal: Error { case twice, oneOnly }
        let why = reason(context)
        do {
            try workbench.store.database.write { db in
                let existing = try AssignmentRecord.filter(Column("applicationID") == id).fetchAll(db)
                guard !existing.contains(where: { $0.reviewerID == accountID }) else { throw Refusal.twice }
                if role == "chair" || role == "preliminary", existing.contains(where: { $0.reviewRole == role }) { throw Refusal.oneOnly }
                var assignment = AssignmentRecord(applicationID: id, reviewerID: accountID, reviewRole: role, createdAt: Date())
                try assignment.insert(db)
                try WorkbenchStore.record(AuditEvent(applicationID: id, actorID: admin.id, at: Date(), action: "assignment.created",
                                                     subject: account.name, newValue: role, reason: why), in: db)
            }
        } catch Refusal.twice {
            return try applicationPage(application, context, problem: pages.word("admin.assignment.problem.twice", language),
                                       status: .conflict)
        } catch Refusal.oneOnly {
            return try applicationPage(application, context, problem: pages.word("admin.assignment.problem.one-only", language,
                                                                                  ["role": reviewRoleWord(role, language)]),
                                       status: .conflict)
        }
        return try applicationPage(application, context, done: pages.word("admin.assignment.done", language,
                                                                          ["name": account.displayName, "role": reviewRoleWord(role, language)]))
    }

    /// Removes an assignment while its evaluator has not submitted a review (a submitted review is part of the record).
    func unassign(_ application: ApplicationRecord, by admin: Account, _ context: WorkbenchContext) throws -> Response {
        let language = context.language
        let pages = workbench.pages
        guard let id = application.id, let assignmentID = context.parameters.get("aid", as: Int64.self), assignmentID > 0 else {
            throw HTTPError(.notFound)
        }
        enum Refusal: Error { case submitted, finalised }
        let why = reason(context)
        let removed: Account
        do {
            removed = try workbench.store.database.write { db -> Account in
                guard let assignment = try AssignmentRecord.fetchOne(db, key: assignmentID), assignment.applicationID == id,
                      let account = try Account.fetchOne(db, key: assignment.reviewerID) else { throw HTTPError(.notFound) }
                guard let current = try ApplicationRecord.fetchOne(db, key: id), current.status != .finalised else { throw Refusal.finalised }
                let submitted = try ReviewRecord.filter(Column("applicationID") == id && Column("reviewerID") == assignment.reviewerID
                                                        && Column("submitted") == true).fetchCount(db) > 0
                guard !submitted else { throw Refusal.submitted }
                _ = try assignment.delete(db)
                try WorkbenchStore.record(AuditEvent(applicationID: id, actorID: admin.id, at: Date(), action: "assignment.deleted",
                                                     subject: account.name, oldValue: assignment.reviewRole, reason: why), in: db)
                return account
            }
        } catch Refusal.submitted {
            return try applicationPage(application, context, problem: pages.word("admin.assignment.problem.submitted", language),
                                       status: .conflict)
        } catch Refusal.finalised {
            return try applicationPage(application, context, problem: pages.word("admin.assignment.problem.finalised", language),
                                       status: .conflict)
        }
        return try applicationPage(application, context, done: pages.word("admin.assignment.removed", language, ["name": removed.displayName]))
    }

    // MARK: - Evidence

    /// One evidence file, always as a download of no type a browser would run: the name shown is the uploaded one,
    /// percent-encoded (RFC 6266 / 5987); the plain fallback is made of the evidence id.
    func evidenceFile(_ application: ApplicationRecord, _ context: WorkbenchContext) throws -> Response {
        guard let id = application.id, let evidenceID = context.parameters.get("eid", as: Int64.self), evidenceID > 0,
              let file = try workbench.store.database.read({ db in try EvidenceRecord.fetchOne(db, key: evidenceID) }),
              file.applicationID == id else { throw HTTPError(.notFound) }
        return try EvidenceDownload.response(file, blobs: workbench.store.blobs)
    }

    // MARK: - The dossier

    /// The finalised dossier as the chair fixed it; before that, the current one from the pipeline (an evaluation once a
    /// review is submitted). Served with the dossier's own policy (its styles are inline; it has no script).
    func dossier(_ application: ApplicationRecord, _ context: WorkbenchContext) throws -> Response {
        guard let id = application.id else { throw HTTPError(.notFound) }
        let html: String
        if application.status == .finalised, let outcome = try workbench.store.database.read({ db in try OutcomeRecord.fetchOne(db, key: id) }) {
            html = outcome.dossierHTML
        } else {
            let assessment = try BureauAssessment(application, workbench: workbench)
            guard let scored = assessment.scored else {
                let messages = workbench.pages.messages(context.language)
                let problems = assessment.loaded.diagnostics.filter { $0.severity == .error }.prefix(20).map { messages.text(of: $0) }
                return workbench.pages.page("error", title: workbench.pages.word("admin.dossier.unscored", context.language),
                                            values: ["message": .string(workbench.pages.word("admin.dossier.unscored-lead", context.language)),
                                                     "detail": .string(problems.joined(separator: " · ")), "code": .string("422")],
                                            context: context, status: .unprocessableContent)
            }
            html = workbench.dossiers.render(.html, scored, language: context.language)
        }
        var response = PageRenderer.html(html)
        response.headers[.contentSecurityPolicy] = SecurityHeaders<WorkbenchContext>.documentPolicy
        return response
    }
}
