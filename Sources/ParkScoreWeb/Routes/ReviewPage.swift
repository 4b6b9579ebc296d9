import Foundation
import ParkScore
import ParkScoreDossier
import ParkScoreIO

/// The values of an evaluator's application page (`review-application.html.mustache`): the application's facts,
/// evidence and self-ratings, the evaluator's own form (or, once submitted, what they submitted), other panel members'
/// submitted ratings once the evaluator has submitted their own (blind before), and for the chair the panel's
/// aggregate and the finalisation.
struct ReviewPage {
    let workbench: Workbench
    let seat: ReviewSeat
    let language: LocalizedText.Language

    func word(_ key: String, _ values: [String: String] = [:]) -> String { workbench.pages.word(key, language, values) }

    /// What the page shows beyond the stored state: the form as posted (when re-shown with its problems), the
    /// problems by field, a note at the top.
    struct Shown {
        var form: ReviewForm?
        var problems: [String: [String]] = [:]
        var flash: String?
        var flashError: String?
    }

    /// `states`: each evidence item's state in force (the chair: after every submitted review; a panel member: after
    /// the preliminary check), worded, by evidence id.
    func values(_ shown: Shown, panel: PanelSummary?, states: [String: String] = [:]) throws -> [String: TemplateValue] {
        let application = seat.application
        let scorecard = seat.scorecard.scorecard
        let form = shown.form ?? seat.form
        let editable = !seat.isSubmitted && !seat.isFinalised
        // The application as the pipeline reads it (no reviews): its report, and the points each criterion has before
        // any review, for the overrides' "from".
        let base = try workbench.assess(application, evaluation: true)
        guard let assessment = base.value, let result = assessment.results.first?.result else {
            throw ReviewPageError.unreadable
        }
        let report = assessment.report
        var values: [String: TemplateValue] = [
            "applicationID": .string(String(seat.applicationID)),
            "parkName": .string(application.parkName),
            "scorecardTitle": .string(scorecard.title.text(language)),
            "scorecardLine": .string(word("review.application.scorecard-line", ["title": scorecard.title.text(language), "version": scorecard.version])),
            "statusLabel": .string(statusLabel(application.status)),
            "statusClass": .string(application.status.rawValue),
            "roleLabel": .string(roleLabel(seat.role)),
            "isPreliminary": .bool(seat.role == .preliminary),
            "isPanel": .bool(seat.role == .panel),
            "isChair": .bool(seat.isChair),
            "editable": .bool(editable),
            "submitted": .bool(seat.isSubmitted),
            "finalised": .bool(seat.isFinalised),
            "version": .string(String(seat.version)),
            "comments": .string(form.comments),
            "hasComments": .bool(!form.comments.isEmpty),
        ]
        if let flash = shown.flash { values["flash"] = .string(flash) }
        if let flashError = shown.flashError { values["flashError"] = .string(flashError) }
        values["generalProblems"] = .list((shown.problems[""] ?? []).map { .string($0) })
        values["commentsProblems"] = .list((shown.problems["comments"] ?? []).map { .string($0) })

        // Facts, in the dictionary's order.
        let dictionary = assessment.dictionary
        var facts: [TemplateValue] = []
        for key in dictionary.keys {
            guard let entry = report.facts[key] else { continue }
            facts.append(.object(TemplateObject([
                "key": .string(key),
                "title": .string(dictionary[key]?.description.text(language) ?? key),
                "value": .string(show(entry.value, key: key, dictionary: dictionary)),
                "unit": .string(dictionary[key]?.unit ?? ""),
            ])))
        }
        for key in report.facts.keys.sorted() where dictionary[key] == nil {
            guard let entry = report.facts[key] else { continue }
            facts.append(.object(TemplateObject(["key": .string(key), "title": .string(key),
                                                 "value": .string(show(entry.value, key: key, dictionary: dictionary)), "unit": .string("")])))
        }
        values["facts"] = .list(facts)
        values["factsSummary"] = .string(word("review.facts.summary", ["count": String(facts.count)]))

        // Evidence, with my verdict.
        let stored = try workbench.evidence(of: seat.applicationID)
        values["evidence"] = .list(report.evidence.map { item in
            let file = stored.first { $0.evidenceID == item.id }
            let verdict = form.evidence[item.id]
            let problems = shown.problems["evidence." + item.id] ?? []
            return .object(TemplateObject([
                "id": .string(item.id),
                "title": .string(item.title),
                "fileName": .string(file?.originalName ?? SourceFile.name(of: item.file)),
                "size": .string(file.map { sizeText($0.size) } ?? ""),
                "sha256": .string(file?.sha256 ?? item.sha256 ?? ""),
                "supports": .string(item.supports.map { dictionary[$0]?.description.text(language) ?? scorecard.criterion($0)?.title.text(language) ?? $0 }
                    .joined(separator: language == .zh ? "、" : ", ")),
                "hasFile": .bool(file != nil),
                "href": .string("/review/applications/\(seat.applicationID)/evidence/" + (item.id.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")),
                "state": .string(states[item.id] ?? ""),
                "hasState": .bool(states[item.id] != nil),
                "accepted": .bool(verdict?.verdict == "accepted"),
                "rejected": .bool(verdict?.verdict == "rejected"),
                "none": .bool(verdict == nil),
                "verdictLabel": .string(verdict.map { $0.verdict == "accepted" ? word("review.evidence.accepted") : word("review.evidence.rejected") }
                    ?? word("review.evidence.no-verdict")),
                "reason": .string(verdict?.reason ?? ""),
                "hasReason": .bool(!(verdict?.reason ?? "").isEmpty),
                "problems": .list(problems.map { .string($0) }),
                "hasProblem": .bool(!problems.isEmpty),
            ]))
        })

        // Judged criteria: the park's self-rating, my rating (panel) or resolution (chair), others' ratings once allowed.
        let selfRatings = report.assessments[scorecard.id]?.ratings ?? [:]
        let others = try othersRatings()
        var judged: [TemplateValue] = []
        for criterion in scorecard.criteria {
            guard case .judged(let rubric) = criterion.kind else { continue }
            let mine = seat.isChair ? form.resolutions[criterion.id]?.level : form.ratings[criterion.id]?.level
            let field = (seat.isChair ? "resolution." : "rating.") + criterion.id
            let problems = shown.problems[field] ?? []
            let own = selfRatings[criterion.id]
            let aggregate = panel?.rows.first { $0.criterionID == criterion.id }
            let comment = seat.isChair ? (form.resolutions[criterion.id]?.reason ?? "") : (form.ratings[criterion.id]?.comment ?? "")
            judged.append(.object(TemplateObject([
                "id": .string(criterion.id),
                "title": .string(criterion.title.text(language)),
                "clause": .string(criterion.clause.map { word("review.clause", ["ref": $0.ref, "quote": $0.quote]) } ?? ""),
                "levels": .list(rubric.levels.map { level in
                    .object(TemplateObject([
                        "level": .string(String(level.level)),
                        "points": .string(level.points.formatted(places: 2)),
                        "descriptor": .string(level.descriptor.text(language)),
                        "selected": .bool(mine == level.level),
                    ]))
                }),
                "mine": .string(mine.map(String.init) ?? ""),
                "hasMine": .bool(mine != nil),
                "comment": .string(comment),
                "hasComment": .bool(!comment.isEmpty),
                "selfLine": .string(selfLine(own)),
                "mineLine": .string(mineLine(mine, comment: comment)),
                "others": .list((others[criterion.id] ?? []).map {
                    .object(TemplateObject(["text": .string(word("review.member-level", ["name": $0.name, "level": String($0.level)]))]))
                }),
                "hasOthers": .bool(!(others[criterion.id] ?? []).isEmpty),
                "disagreement": .bool(aggregate?.disagreement ?? false),
                "problems": .list(problems.map { .string($0) }),
                "hasProblem": .bool(!problems.isEmpty),
            ])))
        }
        values["judged"] = .list(judged)
        values["hasJudged"] = .bool(!judged.isEmpty)
        values["showOthers"] = .bool(seat.role == .panel && (seat.isSubmitted || seat.isFinalised))

        // Overrides: every criterion with the points it has before any review.
        var overrides: [TemplateValue] = []
        var myOverrides: [TemplateValue] = []
        for criterion in scorecard.criteria {
            let mine = form.overrides[criterion.id]
            let problems = shown.problems["override." + criterion.id] ?? []
            let row = TemplateValue.object(TemplateObject([
                "id": .string(criterion.id),
                "title": .string(criterion.title.text(language)),
                "computed": .string(result.criterion(criterion.id).map { $0.points.formatted(places: 2) } ?? ""),
                "max": .string(criterion.maxPoints.formatted(places: 2)),
                "points": .string(mine?.points ?? ""),
                "reason": .string(mine?.reason ?? ""),
                "problems": .list(problems.map { .string($0) }),
                "hasProblem": .bool(!problems.isEmpty),
            ]))
            overrides.append(row)
            if mine != nil { myOverrides.append(row) }
        }
        values["overrides"] = .list(overrides)
        values["myOverrides"] = .list(myOverrides)
        values["hasMyOverrides"] = .bool(!myOverrides.isEmpty)
        values["hasStates"] = .bool(!states.isEmpty)

        if let panel { values["panel"] = panel.values(word: word, language: language) }
        return values
    }

    /// Other panel members' submitted ratings by criterion, shown only to a panel member who has submitted their own
    /// (or once the application is finalised): the blind rule.
    func othersRatings() throws -> [String: [(name: String, level: Int)]] {
        guard seat.role == .panel, seat.isSubmitted || seat.isFinalised else { return [:] }
        var out: [String: [(name: String, level: Int)]] = [:]
        for entry in try ReviewDesk(workbench: workbench).panel(of: seat.applicationID) {
            guard entry.account.id != seat.accountID, entry.assignment.reviewRole == Review.Role.panel.rawValue,
                  let review = entry.review, review.submitted else { continue }
            for (id, rating) in ReviewForm.decode(review.form).ratings { out[id, default: []].append((entry.account.displayName, rating.level)) }
        }
        return out
    }

    func selfLine(_ own: SelfRating?) -> String {
        guard let own else { return word("review.judged.self-none") }
        if let note = own.note, !note.isEmpty { return word("review.judged.self-note", ["level": String(own.level), "note": note]) }
        return word("review.judged.self", ["level": String(own.level)])
    }

    func mineLine(_ level: Int?, comment: String) -> String {
        guard let level else { return word("review.judged.mine-none") }
        if !comment.isEmpty { return word("review.judged.mine-comment", ["level": String(level), "comment": comment]) }
        return word("review.judged.mine", ["level": String(level)])
    }

    func statusLabel(_ status: ApplicationRecord.Status) -> String {
        switch status {
        case .draft: return word("review.status.draft")
        case .submitted: return word("review.status.submitted")
        case .finalised: return word("review.status.finalised")
        }
    }

    func roleLabel(_ role: Review.Role) -> String {
        switch role {
        case .preliminary: return word("review.role.preliminary")
        case .panel: return word("review.role.panel")
        case .chair: return word("review.role.chair")
        }
    }

    func sizeText(_ bytes: Int64) -> String {
        if bytes >= 1 << 20, let mib = Rational(Int(bytes), 1 << 20) { return word("review.size.mib", ["n": mib.formatted(places: 1)]) }
        if bytes >= 1024, let kib = Rational(Int(bytes), 1024) { return word("review.size.kib", ["n": kib.formatted(places: 1)]) }
        return word("review.size.bytes", ["n": String(bytes)])
    }

    /// A fact's value as a person reads it: 是/否, a percentage, an amount in yuan, the labels of listed values.
    func show(_ value: Value, key: String, dictionary: FactDictionary) -> String {
        let type = dictionary.type(of: key)
        switch value {
        case .number(let n):
            if case .percent? = type { return n.shown(percent: true) }
            if case .money? = type { return n.yuan }
            return n.formatted(places: 3)
        case .bool(let b): return b ? word("review.value.yes") : word("review.value.no")
        case .text(let s): return dictionary[key]?.valueLabels[s]?.text(language) ?? s
        case .date(let d): return d
        case .list(let items):
            if items.isEmpty { return word("review.value.none") }
            let labels = dictionary[key]?.valueLabels ?? [:]
            return items.map { item -> String in
                switch item {
                case .text(let s): return labels[s]?.text(language) ?? s
                case .record: return word("review.value.record")
                default: return show(item, key: "", dictionary: dictionary)
                }
            }.joined(separator: language == .zh ? "、" : ", ")
        case .record: return word("review.value.record")
        case .unknown: return word("review.value.none")
        case .error: return word("review.value.none")
        }
    }
}

enum ReviewPageError: Error {
    /// The stored application no longer assesses (its self-report or scorecard fails to load).
    case unreadable
}
