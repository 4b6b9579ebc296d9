import Foundation
import ParkScore
import ParkScoreIO

/// One evaluator's review form as typed (stored as JSON in `ReviewRecord.form`): ratings of judged criteria, verdicts
/// on evidence, overrides, the chair's resolutions, comments. Values are kept as typed (a number the evaluator wrote is
/// text until the pipeline reads it), so a draft loses nothing; `ReviewYAML` turns the form into the file the CLI reads,
/// and every check of it is the pipeline's.
public struct ReviewForm: Codable, Sendable, Equatable {
    public struct Rating: Codable, Sendable, Equatable {
        public var level: Int
        public var comment: String
    }

    public struct Verdict: Codable, Sendable, Equatable {
        /// `accepted` or `rejected`.
        public var verdict: String
        public var reason: String
    }

    public struct Override: Codable, Sendable, Equatable {
        /// The new points as typed (decimal text).
        public var points: String
        public var reason: String
    }

    public struct Resolution: Codable, Sendable, Equatable {
        public var level: Int
        public var reason: String
    }

    public var ratings: [String: Rating] = [:]
    public var evidence: [String: Verdict] = [:]
    public var overrides: [String: Override] = [:]
    public var resolutions: [String: Resolution] = [:]
    public var comments: String = ""

    public init() {}

    /// The most a reason, comment or the general comments may hold (characters).
    public static let maxText = 2000
    public static let maxComments = 8000

    /// The form's JSON (sorted keys: the same form gives the same text).
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(self) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    /// The stored form; an empty form when the text is empty or not a form (a review not yet saved).
    public static func decode(_ text: String) -> ReviewForm {
        guard let data = text.data(using: .utf8), let form = try? JSONDecoder().decode(ReviewForm.self, from: data) else {
            return ReviewForm()
        }
        return form
    }

    /// What the form may hold for one application: the criteria that may be rated or resolved (judged, with their
    /// levels), every criterion that may be overridden, the evidence ids, and what the reviewer's role may write.
    public struct Scope: Sendable {
        public var judged: [String: Set<Int>]
        public var criteria: Set<String>
        public var evidence: Set<String>
        public var role: Review.Role

        public init(scorecard: Scorecard, evidence: [String], role: Review.Role) {
            var judged: [String: Set<Int>] = [:]
            for criterion in scorecard.criteria {
                if case .judged(let rubric) = criterion.kind { judged[criterion.id] = Set(rubric.levels.map(\.level)) }
            }
            self.judged = judged
            criteria = Set(scorecard.criteria.map(\.id))
            self.evidence = Set(evidence)
            self.role = role
        }

        /// A panel member rates; the preliminary reviewer and the chair do not (the chair resolves instead).
        public var rates: Bool { role == .panel }
        public var resolves: Bool { role == .chair }
    }

    /// Problems of the posted fields themselves (a level that is not one of the rubric's, a text too long), by field
    /// key (`rating.<id>`, …) → catalogue key under `web.review.problem.`.
    public typealias FieldProblems = [String: String]

    /// The form posted: `rating.<criterion>` (a level or empty), `rating-comment.<criterion>`, `evidence.<id>`
    /// (`accepted`, `rejected` or empty), `evidence-reason.<id>`, `override.<criterion>` (points or empty),
    /// `override-reason.<criterion>`, `resolution.<criterion>`, `resolution-reason.<criterion>`, `comments`. Only ids
    /// of `scope` are read; anything else posted is ignored. Text is trimmed and bounded.
    public static func read(_ fields: FormFields, scope: Scope) -> (form: ReviewForm, problems: FieldProblems) {
        var form = ReviewForm()
        var problems: FieldProblems = [:]
        func text(_ name: String, limit: Int = maxText) -> String {
            let value = (fields[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if value.count > limit {
                problems[name] = "too-long"
                return String(value.prefix(limit))
            }
            return value
        }
        func level(_ name: String, allowed: Set<Int>) -> Int? {
            let value = text(name, limit: 8)
            guard !value.isEmpty else { return nil }
            guard let n = Int(value), allowed.contains(n) else {
                problems[name] = "level"
                return nil
            }
            return n
        }
        for (id, levels) in scope.judged {
            if scope.rates, let n = level("rating." + id, allowed: levels) {
                form.ratings[id] = Rating(level: n, comment: text("rating-comment." + id))
            }
            if scope.resolves, let n = level("resolution." + id, allowed: levels) {
                form.resolutions[id] = Resolution(level: n, reason: text("resolution-reason." + id))
            }
        }
        for id in scope.evidence {
            let verdict = text("evidence." + id, limit: 16)
            switch verdict {
            case "": continue
            case "accepted", "rejected": form.evidence[id] = Verdict(verdict: verdict, reason: text("evidence-reason." + id))
            default: problems["evidence." + id] = "verdict"
            }
        }
        for id in scope.criteria {
            let points = text("override." + id, limit: 24)
            guard !points.isEmpty else { continue }
            if Rational(decimal: points) == nil { problems["override." + id] = "points" }
            form.overrides[id] = Override(points: points, reason: text("override-reason." + id))
        }
        form.comments = text("comments", limit: maxComments)
        return (form, problems)
    }

    /// One changed item, for the audit log: what (`ratings.<id>`, `evidence.<id>`, …), old → new, and the reason the
    /// new value gives.
    public struct Change: Sendable, Equatable {
        public var subject: String
        public var old: String
        public var new: String
        public var reason: String
    }

    /// Every item that differs from `old`, in a fixed order.
    public func changes(from old: ReviewForm) -> [Change] {
        var out: [Change] = []
        func compare<T>(_ section: String, _ a: [String: T], _ b: [String: T], show: (T) -> String, reason: (T) -> String) {
            for id in Set(a.keys).union(b.keys).sorted() {
                let before = a[id].map(show) ?? "", after = b[id].map(show) ?? ""
                let why = b[id].map(reason) ?? ""
                if before != after || (a[id].map(reason) ?? "") != why {
                    out.append(Change(subject: section + "." + id, old: before, new: after, reason: why))
                }
            }
        }
        compare("ratings", old.ratings, ratings, show: { String($0.level) }, reason: { $0.comment })
        compare("evidence", old.evidence, evidence, show: { $0.verdict }, reason: { $0.reason })
        compare("overrides", old.overrides, overrides, show: { $0.points }, reason: { $0.reason })
        compare("resolutions", old.resolutions, resolutions, show: { String($0.level) }, reason: { $0.reason })
        if old.comments != comments { out.append(Change(subject: "comments", old: old.comments, new: comments, reason: "")) }
        return out
    }
}

/// A review form as the YAML file the CLI reads (`reviews/<reviewer>.yaml`, the format of the samples' review files):
/// reviewer, date, scorecard, ratings, evidence verdicts, overrides, resolutions, comments. Every text is written
/// double-quoted with everything YAML would read otherwise escaped, so nothing an evaluator types can change the file's
/// structure; a points value that is not plain decimal text is written as text, for the pipeline to refuse at its
/// place.
public enum ReviewYAML {
    public static func render(_ form: ReviewForm, reviewer: Review.Reviewer, date: String, scorecard: String) -> String {
        var out = "reviewer: {id: \(quoted(reviewer.id)), name: \(quoted(reviewer.name)), role: \(reviewer.role.rawValue)}\n"
        out += "date: \(date)\n"
        out += "scorecard: \(quoted(scorecard))\n"
        if !form.ratings.isEmpty {
            out += "ratings:\n"
            for (id, rating) in form.ratings.sorted(by: { $0.key < $1.key }) {
                out += "  \(quoted(id)): {level: \(rating.level)"
                if !rating.comment.isEmpty { out += ", comment: \(quoted(rating.comment))" }
                out += "}\n"
            }
        }
        if !form.evidence.isEmpty {
            out += "evidence:\n"
            for (id, verdict) in form.evidence.sorted(by: { $0.key < $1.key }) {
                out += "  \(quoted(id)): {verdict: \(verdict.verdict == "accepted" ? "accepted" : "rejected")"
                if !verdict.reason.isEmpty { out += ", reason: \(quoted(verdict.reason))" }
                out += "}\n"
            }
        }
        if !form.overrides.isEmpty {
            out += "overrides:\n"
            for (id, override) in form.overrides.sorted(by: { $0.key < $1.key }) {
                let points = isPlainDecimal(override.points) ? override.points : quoted(override.points)
                out += "  \(quoted(id)): {points: \(points), reason: \(quoted(override.reason))}\n"
            }
        }
        if !form.resolutions.isEmpty {
            out += "resolutions:\n"
            for (id, resolution) in form.resolutions.sorted(by: { $0.key < $1.key }) {
                out += "  \(quoted(id)): {level: \(resolution.level), reason: \(quoted(resolution.reason))}\n"
            }
        }
        if !form.comments.isEmpty { out += "comments: \(quoted(form.comments))\n" }
        return out
    }

    /// `12`, `1.5`, `-3`: digits with at most one point, nothing else.
    static func isPlainDecimal(_ text: String) -> Bool {
        var body = Substring(text)
        if body.hasPrefix("-") { body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy { (48...57).contains($0) } }) else {
            return false
        }
        return body.utf8.count <= 20
    }

    /// Double-quoted, with every character YAML would read otherwise escaped: the Excel form's quoting, the same for
    /// every typed text the workbench writes into a YAML file.
    static func quoted(_ text: String) -> String { WorkbookYAML.quoted(text) }
}
