/// One evaluator's review of one application: ratings of judged criteria, verdicts on evidence, overrides
/// (each with a reason), and comments.
public struct Review: Sendable {
    public enum Role: String, Sendable, Hashable, CaseIterable {
        /// 初审: the preliminary check.
        case preliminary
        /// 评审: a member of the expert panel.
        case panel
        /// 组长: the panel's chair, who records the panel's decisions (`resolutions`, and verdicts and overrides
        /// that become the panel's); a chair who rates counts as one panel member.
        case chair

        /// The stage a reviewer of this role takes part in.
        public var stage: EvaluationStage { self == .preliminary ? .preliminary : .panel }
    }

    public struct Reviewer: Sendable, Hashable {
        public var id: String
        public var name: String
        public var role: Role

        public init(id: String, name: String, role: Role) {
            self.id = id
            self.name = name
            self.role = role
        }
    }

    public struct Rating: Sendable, Hashable {
        public var level: Int
        public var comment: String?
        public var location: SourceLocation?

        public init(level: Int, comment: String? = nil, location: SourceLocation? = nil) {
            self.level = level
            self.comment = comment
            self.location = location
        }
    }

    public struct EvidenceVerdict: Sendable, Hashable {
        public var accepted: Bool
        public var reason: String?
        public var location: SourceLocation?

        public init(accepted: Bool, reason: String? = nil, location: SourceLocation? = nil) {
            self.accepted = accepted
            self.reason = reason
            self.location = location
        }
    }

    /// New points for a criterion, replacing what the engine computed; the reason is mandatory.
    public struct Override: Sendable, Hashable {
        public var points: Rational
        public var reason: String
        public var location: SourceLocation?

        public init(points: Rational, reason: String, location: SourceLocation? = nil) {
            self.points = points
            self.reason = reason
            self.location = location
        }
    }

    /// The chair's settlement of a judged criterion: the level that replaces the panel's aggregate, and why.
    public struct Resolution: Sendable, Hashable {
        public var level: Int
        public var reason: String
        public var location: SourceLocation?

        public init(level: Int, reason: String, location: SourceLocation? = nil) {
            self.level = level
            self.reason = reason
            self.location = location
        }
    }

    public var reviewer: Reviewer
    /// `YYYY-MM-DD`.
    public var date: String
    public var scorecardID: String
    public var ratings: [String: Rating]
    public var evidence: [String: EvidenceVerdict]
    public var overrides: [String: Override]
    /// The chair's resolutions of judged criteria, by criterion id (a chair's review only).
    public var resolutions: [String: Resolution]
    public var comments: String?
    /// The park id the review names, if it names one: it must be the report's.
    public var park: String?
    public var file: String?
    /// The sha256 of the review file's bytes, when it was read from bytes.
    public var sha256: String?
    public var location: SourceLocation?

    public init(reviewer: Reviewer, date: String, scorecardID: String, ratings: [String: Rating] = [:],
                evidence: [String: EvidenceVerdict] = [:], overrides: [String: Override] = [:],
                resolutions: [String: Resolution] = [:], comments: String? = nil, file: String? = nil, sha256: String? = nil,
                location: SourceLocation? = nil) {
        self.reviewer = reviewer
        self.date = date
        self.scorecardID = scorecardID
        self.ratings = ratings
        self.evidence = evidence
        self.overrides = overrides
        self.resolutions = resolutions
        self.comments = comments
        self.file = file
        self.sha256 = sha256
        self.location = location
    }
}

/// The stages of an evaluation form: 自评 (the park's own), 初审 (the preliminary check), 评审 (the panel).
public enum EvaluationStage: String, Sendable, Hashable, CaseIterable, Comparable {
    case selfAssessment = "self"
    case preliminary
    case panel

    public static func < (a: EvaluationStage, b: EvaluationStage) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
