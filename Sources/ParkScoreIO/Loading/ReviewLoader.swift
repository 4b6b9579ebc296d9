import ParkScore
import ParkYAML

/// Reads one evaluator's review and checks it against the scorecard and the self-report it reviews.
///
///     reviewer: {id: r1, name: 李明, role: panel}      # role: preliminary, panel or chair
///     date: 2026-03-02
///     scorecard: beijing-digital-advertising-park
///     ratings:   {basic.positioning: {level: 2, comment: …}}   # or just the level
///     evidence:  {licence: accepted, tenants: {verdict: rejected, reason: …}}
///     overrides: {services.third_party: {points: 1, reason: …}}
///     resolutions: {culture.content: {level: 2, reason: …}}     # the chair only
///     comments: …
public enum ReviewLoader {
    public static func load(_ path: String, scorecard: Scorecard, report: SelfReport?) -> Loaded<Review> {
        SourceFile.load(path) { decode($0, scorecard: scorecard, report: report) }
    }

    /// Decodes and checks a review against the scorecard and report.
    public static func decode(_ file: SourceFile, scorecard: Scorecard, report: SelfReport?) -> Loaded<Review> {
        var loaded = decode(file)
        if let review = loaded.value {
            loaded.diagnostics = (loaded.diagnostics + ReviewValidation.check(review, scorecard: scorecard, report: report)).sortedForReport()
        }
        return loaded
    }

    /// Decodes a review's structure only: which scorecard it is of decides what it is checked against.
    public static func decode(_ file: SourceFile) -> Loaded<Review> {
        file.decodeDocument { node, decoder in
            guard var review = ReviewReader(decoder: decoder).review(node) else {
                return Loaded(value: nil, diagnostics: decoder.diagnostics.sortedForReport())
            }
            review.sha256 = file.sha256
            return Loaded(value: review, diagnostics: decoder.diagnostics.sortedForReport())
        }
    }
}

private struct ReviewReader {
    let decoder: DocumentDecoder

    func review(_ node: Node) -> Review? {
        guard let root = decoder.mapping(node, .root, what: Message("subject.review")) else { return nil }
        var reviewer: Review.Reviewer?
        if let m = root.mapping("reviewer", required: true) {
            let id = m.text("id", required: true)
            let name = m.text("name", required: true)
            var role: Review.Role?
            if let roleNode = m.value("role", required: true), let text = decoder.text(roleNode, m.path.appending("role"), what: Message("subject.key", "role")) {
                role = Review.Role(rawValue: text)
                if role == nil {
                    let roles = Review.Role.allCases.map(\.rawValue)
                    decoder.error(Message("review-file.role", [text], parts: [DocumentDecoder.listing(roles.map { Message("input.list.quoted", $0) }),
                                                                           DocumentDecoder.didYouMean(text, in: roles)]),
                                  at: roleNode, m.path.appending("role"))
                }
            }
            m.finish()
            if let id, let name, let role { reviewer = Review.Reviewer(id: id, name: name, role: role) }
        }
        var date: String?
        if let dateNode = root.value("date", required: true) {
            if let s = dateNode.scalar, s.kind == .string, DateText.isValid(s.text) {
                date = s.text
            } else {
                decoder.error(Message("review-file.date", [], parts: [decoder.written(dateNode)]), at: dateNode, .root.appending("date"))
            }
        }
        let scorecardID = root.text("scorecard", required: true)
        var ratings: [String: Review.Rating] = [:]
        if let m = root.mapping("ratings") {
            for pair in m.pairs {
                guard let id = pair.key.scalar?.text else {
                    decoder.error(Message("review-file.key.not-id", [], parts: [decoder.kind(pair.key)]), at: pair.key, m.path)
                    continue
                }
                let path = m.path.appending(id)
                if pair.value.mapping != nil, let r = decoder.mapping(pair.value, path, what: Message("subject.rating-of", id)) {
                    let level = r.integer("level", required: true)
                    let comment = r.text("comment")
                    r.finish()
                    if let level { ratings[id] = Review.Rating(level: level, comment: comment, location: decoder.location(pair.value)) }
                } else if let level = decoder.integer(pair.value, path, what: Message("subject.rating-of", id)) {
                    ratings[id] = Review.Rating(level: level, location: decoder.location(pair.value))
                }
            }
        }
        var evidence: [String: Review.EvidenceVerdict] = [:]
        if let m = root.mapping("evidence") {
            for pair in m.pairs {
                guard let id = pair.key.scalar?.text else {
                    decoder.error(Message("review-file.key.not-id", [], parts: [decoder.kind(pair.key)]), at: pair.key, m.path)
                    continue
                }
                let path = m.path.appending(id)
                var verdictNode = pair.value
                var reason: String?
                if let v = pair.value.mapping != nil ? decoder.mapping(pair.value, path, what: Message("subject.verdict-on", id)) : nil {
                    verdictNode = v.value("verdict", required: true) ?? pair.value
                    reason = v.text("reason")
                    v.finish()
                }
                switch verdictNode.scalar?.text {
                case "accepted": evidence[id] = Review.EvidenceVerdict(accepted: true, reason: reason, location: decoder.location(pair.value))
                case "rejected": evidence[id] = Review.EvidenceVerdict(accepted: false, reason: reason, location: decoder.location(pair.value))
                default:
                    if verdictNode.mapping == nil {
                        decoder.error(Message("review-file.verdict", [id, "accepted", "rejected"], parts: [decoder.written(verdictNode)]),
                                      at: verdictNode, path)
                    }
                }
            }
        }
        var overrides: [String: Review.Override] = [:]
        if let m = root.mapping("overrides") {
            for pair in m.pairs {
                guard let id = pair.key.scalar?.text else {
                    decoder.error(Message("review-file.key.not-id", [], parts: [decoder.kind(pair.key)]), at: pair.key, m.path)
                    continue
                }
                guard let o = decoder.mapping(pair.value, m.path.appending(id), what: Message("subject.override-of", id)) else { continue }
                let points = o.number("points", required: true)
                let reason = o.value("reason").flatMap { $0.scalar?.isNull == true ? nil : decoder.text($0, o.path.appending("reason"), what: Message("subject.key", "reason")) } ?? ""
                o.finish()
                if let points { overrides[id] = Review.Override(points: points, reason: reason, location: decoder.location(pair.value)) }
            }
        }
        var resolutions: [String: Review.Resolution] = [:]
        if let m = root.mapping("resolutions") {
            for pair in m.pairs {
                guard let id = pair.key.scalar?.text else {
                    decoder.error(Message("review-file.key.not-id", [], parts: [decoder.kind(pair.key)]), at: pair.key, m.path)
                    continue
                }
                guard let r = decoder.mapping(pair.value, m.path.appending(id), what: Message("subject.resolution-of", id)) else { continue }
                let level = r.integer("level", required: true)
                let reason = r.value("reason").flatMap { $0.scalar?.isNull == true ? nil : decoder.text($0, r.path.appending("reason"), what: Message("subject.key", "reason")) } ?? ""
                r.finish()
                if let level { resolutions[id] = Review.Resolution(level: level, reason: reason, location: decoder.location(pair.value)) }
            }
        }
        let comments = root.text("comments")
        let park = root.text("park")
        root.finish()
        guard let reviewer, let date, let scorecardID else { return nil }
        var review = Review(reviewer: reviewer, date: date, scorecardID: scorecardID, ratings: ratings, evidence: evidence,
                            overrides: overrides, resolutions: resolutions, comments: comments, file: decoder.file,
                            location: decoder.location(node))
        review.park = park
        return review
    }
}
