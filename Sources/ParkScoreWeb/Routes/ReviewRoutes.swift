import Foundation
import GRDB
import Hummingbird
import ParkScore
import ParkScoreDossier
import ParkScoreIO

/// The evaluators' desk (roles `reviewer` and `chair`): the applications assigned to me, each application's facts,
/// evidence and self-ratings with my review form (blind to other panel members' ratings until I have submitted mine),
/// evidence downloads, and for the chair the panel's aggregate, the current dossier and finalisation. Every route
/// checks on the server: park and admin accounts get 403, an evaluator not assigned to the application 404.
struct ReviewRoutes {
    let workbench: Workbench

    var desk: ReviewDesk { ReviewDesk(workbench: workbench) }
    var panel: PanelDesk { PanelDesk(workbench: workbench) }

    func register(on router: Router<WorkbenchContext>) {
        router.get("/review") { _, context -> Response in
            try list(context)
        }
        router.get("/review/applications/:id") { request, context -> Response in
            let seat = try desk.seat(context, context.parameters.get("id"))
            var shown = ReviewPage.Shown()
            let note = request.uri.queryParameters.get("done") ?? ""
            switch note {
            case "saved": shown.flash = word("review.flash.saved", context)
            case "submitted": shown.flash = word("review.flash.submitted", context)
            case "finalised": shown.flash = word("review.flash.finalised", context)
            default: break
            }
            return try page(seat, shown: shown, context: context)
        }
        router.post("/review/applications/:id") { _, context -> Response in
            try save(context, submit: false)
        }
        router.post("/review/applications/:id/submit") { _, context -> Response in
            try save(context, submit: true)
        }
        router.post("/review/applications/:id/finalise") { _, context -> Response in
            try finalise(context)
        }
        router.get("/review/applications/:id/evidence/:eid") { _, context -> Response in
            try download(context)
        }
        router.get("/review/applications/:id/dossier") { _, context -> Response in
            try dossier(context)
        }
    }

    func word(_ key: String, _ context: WorkbenchContext, _ values: [String: String] = [:]) -> String {
        workbench.pages.word(key, context.language, values)
    }

    // MARK: - The list

    func list(_ context: WorkbenchContext) throws -> Response {
        let account = try context.require(.reviewer, .chair)
        guard let accountID = account.id else { throw HTTPError(.notFound) }
        let rows = try workbench.store.database.read { db -> [(AssignmentRecord, ApplicationRecord, ReviewRecord?)] in
            let assignments = try AssignmentRecord.filter(Column("reviewerID") == accountID).order(Column("applicationID")).fetchAll(db)
            var out: [(AssignmentRecord, ApplicationRecord, ReviewRecord?)] = []
            for assignment in assignments {
                guard let application = try ApplicationRecord.fetchOne(db, key: assignment.applicationID), application.status != .draft else { continue }
                let review = try ReviewRecord.filter(Column("applicationID") == assignment.applicationID && Column("reviewerID") == accountID).fetchOne(db)
                out.append((assignment, application, review))
            }
            return out
        }
        let language = context.language
        let items: [TemplateValue] = rows.compactMap { assignment, application, review -> TemplateValue? in
            guard let applicationID = application.id, let role = Review.Role(rawValue: assignment.reviewRole),
                  let scorecard = workbench.scorecard(application.scorecardID) else { return nil }
            let pageWords = ReviewPage(workbench: workbench, seat: ReviewSeat(
                account: account, accountID: accountID, application: application, applicationID: applicationID,
                assignment: assignment, role: role, scorecard: scorecard, review: review), language: language)
            let reviewStatus: String
            if let review { reviewStatus = review.submitted ? word("review.mine.submitted", context) : word("review.mine.draft", context) }
            else { reviewStatus = word("review.mine.none", context) }
            return .object(TemplateObject([
                "id": .string(String(applicationID)),
                "parkName": .string(application.parkName),
                "scorecardTitle": .string(scorecard.scorecard.title.text(language)),
                "roleLabel": .string(pageWords.roleLabel(role)),
                "reviewStatus": .string(reviewStatus),
                "reviewDone": .bool(review?.submitted ?? false),
                "statusLabel": .string(pageWords.statusLabel(application.status)),
                "statusClass": .string(application.status.rawValue),
            ]))
        }
        return workbench.pages.page("review-list", title: word("review.list.title", context),
                                    values: ["applications": .list(items), "hasApplications": .bool(!items.isEmpty)], context: context)
    }

    // MARK: - The application page

    func page(_ seat: ReviewSeat, shown: ReviewPage.Shown, context: WorkbenchContext, status: HTTPResponse.Status = .ok) throws -> Response {
        let summary = seat.isChair ? try panel.summary(seat, language: context.language) : nil
        let states = try summary?.evidenceStates ?? (seat.role == .panel ? panel.preliminaryStates(seat, language: context.language) : [:])
        var values = try ReviewPage(workbench: workbench, seat: seat, language: context.language).values(shown, panel: summary, states: states)
        if seat.isFinalised, let outcome = try workbench.store.database.read({ db in try OutcomeRecord.fetchOne(db, key: seat.applicationID) }) {
            values["outcome"] = .object(TemplateObject([
                "total": .string(outcome.total),
                "grade": .string(outcome.grade),
            ]))
        }
        let title = word("review.application.title", context, ["park": seat.application.parkName])
        return workbench.pages.page("review-application", title: title, values: values, context: context, status: status)
    }

    /// A clear page for a change refused because the review or the application is closed.
    func locked(_ context: WorkbenchContext) -> Response {
        workbench.pages.errorPage(.conflict, context: context, detail: word("review.locked", context))
    }

    func version(_ context: WorkbenchContext) throws -> Int64 {
        guard let text = context.form["version"], text.utf8.count <= 18, let version = Int64(text), version >= 0 else {
            throw HTTPError(.badRequest)
        }
        return version
    }

    // MARK: - Saving and submitting

    func save(_ context: WorkbenchContext, submit: Bool) throws -> Response {
        let seat = try desk.seat(context, context.parameters.get("id"))
        // The chair's review is submitted by finalising, not on its own.
        if submit && seat.role == .chair { throw HTTPError(.forbidden) }
        if seat.isFinalised || seat.isSubmitted { return locked(context) }
        let version = try version(context)
        let scope = ReviewForm.Scope(scorecard: seat.scorecard.scorecard, evidence: try desk.evidenceIDs(of: seat.applicationID), role: seat.role)
        let (form, fieldProblems) = ReviewForm.read(context.form, scope: scope)
        var problems: [String: [String]] = fieldProblems.mapValues { [problemText($0, context)] }
        if submit {
            for (field, list) in try desk.check(desk.yaml(form, seat: seat), seat: seat, language: context.language) {
                problems[field, default: []] += list
            }
        }
        let submitting = submit && problems.isEmpty
        switch try desk.save(form, seat: seat, version: version, submit: submitting) {
        case .locked: return locked(context)
        case .conflict: return workbench.pages.errorPage(.conflict, context: context, detail: word("review.conflict", context))
        case .saved:
            if problems.isEmpty {
                return .redirect(to: "/review/applications/\(seat.applicationID)?done=" + (submitting ? "submitted" : "saved"), type: .normal)
            }
            // Saved as a draft; shown again with each problem beside its field.
            let fresh = try desk.seat(context, context.parameters.get("id"))
            var shown = ReviewPage.Shown(form: form, problems: problems)
            shown.flashError = submit ? word("review.flash.not-submitted", context) : word("review.flash.saved-with-problems", context)
            return try page(fresh, shown: shown, context: context, status: .badRequest)
        }
    }

    /// The words of a field's own problem (`ReviewForm.read`'s codes).
    func problemText(_ code: String, _ context: WorkbenchContext) -> String {
        switch code {
        case "too-long": return word("review.problem.too-long", context)
        case "level": return word("review.problem.level", context)
        case "verdict": return word("review.problem.verdict", context)
        default: return word("review.problem.points", context)
        }
    }

    // MARK: - Finalising

    func finalise(_ context: WorkbenchContext) throws -> Response {
        let seat = try desk.seat(context, context.parameters.get("id"))
        guard seat.isChair else { throw HTTPError(.forbidden) }
        if seat.isFinalised { return locked(context) }
        let version = try version(context)
        let outcome: PanelDesk.FinaliseOutcome
        do {
            outcome = try panel.finalise(seat, version: version, language: context.language)
        } catch is PanelDeskConflict {
            return workbench.pages.errorPage(.conflict, context: context, detail: word("review.conflict", context))
        }
        switch outcome {
        case .finalised: return .redirect(to: "/review/applications/\(seat.applicationID)?done=finalised", type: .normal)
        case .locked: return locked(context)
        case .conflict: return workbench.pages.errorPage(.conflict, context: context, detail: word("review.conflict", context))
        case .notReady:
            var shown = ReviewPage.Shown()
            shown.flashError = word("review.flash.not-ready", context)
            return try page(seat, shown: shown, context: context, status: .conflict)
        }
    }

    // MARK: - Files

    func download(_ context: WorkbenchContext) throws -> Response {
        let seat = try desk.seat(context, context.parameters.get("id"))
        guard let eid = context.parameters.get("eid"), EvidenceRecord.isValidID(eid),
              let file = try workbench.evidence(of: seat.applicationID).first(where: { $0.evidenceID == eid }) else {
            throw HTTPError(.notFound)
        }
        return try EvidenceDownload.response(file, blobs: workbench.store.blobs)
    }

    /// The evaluation dossier: the stored one once finalised; before, the current one — for the chair, and for any
    /// other evaluator only after they have submitted their own review (it shows every member's ratings).
    func dossier(_ context: WorkbenchContext) throws -> Response {
        let seat = try desk.seat(context, context.parameters.get("id"))
        let html: String
        if seat.isFinalised {
            guard let outcome = try workbench.store.database.read({ db in try OutcomeRecord.fetchOne(db, key: seat.applicationID) }) else {
                throw HTTPError(.notFound)
            }
            html = outcome.dossierHTML
        } else {
            guard seat.isChair || seat.isSubmitted else { throw HTTPError(.forbidden) }
            guard let current = try panel.currentDossier(seat, language: context.language) else { throw HTTPError(.notFound) }
            html = current
        }
        return Response(status: .ok, headers: [
            .contentType: "text/html; charset=utf-8",
            .contentSecurityPolicy: SecurityHeaders<WorkbenchContext>.documentPolicy,
        ], body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}

/// The review part's migrations, after the first one, in order.
func registerReviewMigrations(_ migrator: inout DatabaseMigrator) {
}
