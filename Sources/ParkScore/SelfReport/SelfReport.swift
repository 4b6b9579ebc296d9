/// A park's self-report: who the park is, the reporting period, its facts, its self-assessment per
/// scorecard, and its evidence list. One self-report can be scored by every scorecard.
public struct SelfReport: Sendable {
    public var park: ParkProfile
    public var period: ReportingPeriod
    /// The date the report was made, `YYYY-MM-DD`.
    public var reportDate: String?
    /// Ids of the scorecards the park applies under (used when no scorecard is named).
    public var appliesTo: [String]
    public var facts: [String: FactEntry]
    /// Self-ratings and N/A claims, by scorecard id.
    public var assessments: [String: SelfAssessment]
    public var evidence: [Evidence]
    public var file: String?
    /// Fact keys written in the report that the dictionary does not know but that are a typo away from a known key.
    public var misspelledFacts: [MisspelledFact] = []
    /// Where the `facts` mapping is, for messages about facts the report does not give.
    public var factsLocation: SourceLocation?
    /// Where facts written with no value stand (`tenants.total:`, a blank cell of a workbook): a message about a missing
    /// fact points at its place when it has one.
    public var blankFactLocations: [String: SourceLocation] = [:]

    public init(park: ParkProfile, period: ReportingPeriod, reportDate: String? = nil, appliesTo: [String] = [],
                facts: [String: FactEntry] = [:],
                assessments: [String: SelfAssessment] = [:], evidence: [Evidence] = [], file: String? = nil) {
        self.park = park
        self.period = period
        self.reportDate = reportDate
        self.appliesTo = appliesTo
        self.facts = facts
        self.assessments = assessments
        self.evidence = evidence
        self.file = file
    }

    /// The facts as expression values.
    public var factValues: [String: Value] { facts.mapValues(\.value) }
}

public struct ParkProfile: Sendable, Hashable {
    /// A park id names output files: 1 to 64 ASCII letters, digits, `-`, `_` or `.`, starting with a letter or digit
    /// (so never `..`, never a path).
    public static func isValidID(_ id: String) -> Bool {
        let bytes = Array(id.utf8)
        guard (1...64).contains(bytes.count), let first = bytes.first else { return false }
        func alnum(_ b: UInt8) -> Bool { (48...57).contains(b) || (65...90).contains(b) || (97...122).contains(b) }
        return alnum(first) && bytes.allSatisfy { alnum($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") }
    }

    public var id: String?
    public var name: String
    public var nameEn: String?
    public var jurisdiction: String?
    public var operatorName: String?

    public init(id: String? = nil, name: String, nameEn: String? = nil, jurisdiction: String? = nil, operatorName: String? = nil) {
        self.id = id
        self.name = name
        self.nameEn = nameEn
        self.jurisdiction = jurisdiction
        self.operatorName = operatorName
    }
}

/// The period the facts describe, from and to as `YYYY-MM-DD`.
public struct ReportingPeriod: Sendable, Hashable {
    public var from: String
    public var to: String

    public init(from: String, to: String) {
        self.from = from
        self.to = to
    }
}

/// One fact's value as the self-report gives it, and where.
public struct FactEntry: Sendable, Hashable {
    public var value: Value
    public var location: SourceLocation?

    public init(_ value: Value, location: SourceLocation? = nil) {
        self.value = value
        self.location = location
    }
}

/// A park's own ratings of judged criteria and its N/A claims, for one scorecard.
public struct SelfAssessment: Sendable {
    public var ratings: [String: SelfRating]
    public var notApplicable: [String: NotApplicableClaim]
    public var location: SourceLocation?

    public init(ratings: [String: SelfRating] = [:], notApplicable: [String: NotApplicableClaim] = [:],
                location: SourceLocation? = nil) {
        self.ratings = ratings
        self.notApplicable = notApplicable
        self.location = location
    }
}

public struct SelfRating: Sendable, Hashable {
    public var level: Int
    public var note: String?
    public var location: SourceLocation?

    public init(level: Int, note: String? = nil, location: SourceLocation? = nil) {
        self.level = level
        self.note = note
        self.location = location
    }
}

/// A claim that a criterion does not apply to the park, with the park's justification.
public struct NotApplicableClaim: Sendable, Hashable {
    public var justification: String
    public var location: SourceLocation?

    public init(justification: String, location: SourceLocation? = nil) {
        self.justification = justification
        self.location = location
    }
}

/// A fact key the dictionary does not know, a typo away from one it does (`tenants.gazele_firms` for
/// `tenants.gazelle_firms`): the value is not taken, and the known fact is missing unless given elsewhere.
public struct MisspelledFact: Sendable, Hashable {
    public var written: String
    public var known: String
    public var location: SourceLocation?

    public init(written: String, known: String, location: SourceLocation? = nil) {
        self.written = written
        self.known = known
        self.location = location
    }
}
