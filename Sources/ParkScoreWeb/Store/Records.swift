import Foundation
import GRDB

/// A person who signs in: a park's staff, an evaluator, the panel's chair, or the bureau's administrator.
public struct Account: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    public enum Role: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
        /// 园区：fills in and submits its own applications.
        case park
        /// 评审专家 (or 初审): reviews the applications assigned to them.
        case reviewer
        /// 评审组长：sees the aggregate, resolves, finalises.
        case chair
        /// 主管部门：accounts, assignments, comparison, export.
        case admin
    }

    public static let databaseTableName = "account"
    public var id: Int64?
    /// The sign-in name: letters, digits, `.`, `_`, `-` (see `AccountName`).
    public var name: String
    public var displayName: String
    public var passwordHash: String
    public var role: Role
    /// A park account's organisation (shown on its applications).
    public var organisation: String
    public var disabled: Bool
    public var createdAt: Date

    public init(id: Int64? = nil, name: String, displayName: String, passwordHash: String, role: Role, organisation: String = "",
                disabled: Bool = false, createdAt: Date) {
        self.id = id
        self.name = name
        self.displayName = displayName
        self.passwordHash = passwordHash
        self.role = role
        self.organisation = organisation
        self.disabled = disabled
        self.createdAt = createdAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// One park's application under one scorecard: its form as the park typed it (JSON of `SelfReportForm.State`), its
/// stage, and a version that every save checks and raises (optimistic versioning: a second writer is told).
public struct ApplicationRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    public enum Status: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
        /// 草稿：the park edits it.
        case draft
        /// 已提交：read-only for the park, visible to the bureau and to the evaluators assigned.
        case submitted
        /// 已定稿：the chair finalised it; its result and dossier are fixed.
        case finalised
    }

    public static let databaseTableName = "application"
    public var id: Int64?
    public var ownerID: Int64
    public var scorecardID: String
    public var parkName: String
    public var status: Status
    public var version: Int64
    /// The form's state as JSON (what the park typed, field by field).
    public var form: String
    /// The self-report the form stands for, as the YAML the CLI reads (`self-report.yaml`): written at every save from
    /// the form, and what every assessment, download and export uses.
    public var selfReport: String
    public var createdAt: Date
    public var updatedAt: Date
    public var submittedAt: Date?
    public var finalisedAt: Date?

    public init(id: Int64? = nil, ownerID: Int64, scorecardID: String, parkName: String, status: Status = .draft, version: Int64 = 1,
                form: String, selfReport: String, createdAt: Date, updatedAt: Date, submittedAt: Date? = nil, finalisedAt: Date? = nil) {
        self.id = id
        self.ownerID = ownerID
        self.scorecardID = scorecardID
        self.parkName = parkName
        self.status = status
        self.version = version
        self.form = form
        self.selfReport = selfReport
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.submittedAt = submittedAt
        self.finalisedAt = finalisedAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// An evidence file uploaded to an application: its content is stored once, under its sha256 (`EvidenceBlobs`), never
/// under a name anyone chose.
public struct EvidenceRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "evidence"
    public var id: Int64?
    public var applicationID: Int64
    /// The self-report's evidence id (`E1`, `licence`): letters, digits, `_`, `-`, `.`.
    public var evidenceID: String
    public var title: String
    /// The file name as uploaded (shown, and offered on download; never used as a path).
    public var originalName: String
    /// Where the self-report says the file is, relative to the application folder (`evidence/licence.pdf`): checked
    /// with `isSafePath` before it is stored; an export writes the file there.
    public var path: String
    public var sha256: String
    public var size: Int64
    /// Fact keys and criterion ids it supports, as JSON array of strings.
    public var supports: String
    public var uploadedBy: Int64
    public var createdAt: Date

    public init(id: Int64? = nil, applicationID: Int64, evidenceID: String, title: String, originalName: String, path: String,
                sha256: String, size: Int64, supports: String, uploadedBy: Int64, createdAt: Date) {
        self.id = id
        self.applicationID = applicationID
        self.evidenceID = evidenceID
        self.title = title
        self.originalName = originalName
        self.path = path
        self.sha256 = sha256
        self.size = size
        self.supports = supports
        self.uploadedBy = uploadedBy
        self.createdAt = createdAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The path an uploaded file gets: `evidence/<evidence id>` plus the uploaded name's extension when it is a plain
    /// one (`.pdf`, `.xlsx`); the evidence id is checked first, so the path never leaves the folder.
    public static func defaultPath(id: String, originalName: String) -> String {
        "evidence/" + id + safeExtension(originalName)
    }

    /// A relative path inside the application folder: at most 200 bytes, segments of ASCII letters, digits, `_`, `-`,
    /// `.` or CJK (no `..`, no empty segment, no leading `/`, no control character).
    public static func isSafePath(_ path: String) -> Bool {
        guard !path.isEmpty, path.utf8.count <= 200, !path.hasPrefix("/") else { return false }
        for segment in path.split(separator: "/", omittingEmptySubsequences: false) {
            guard !segment.isEmpty, segment != ".", segment != "..", !segment.hasPrefix(".") else { return false }
            guard segment.unicodeScalars.allSatisfy(isPathScalar) else { return false }
        }
        return true
    }

    /// `.pdf`, `.jpg`, …: 1–8 ASCII letters or digits after the last dot, lowercased; "" otherwise.
    public static func safeExtension(_ name: String) -> String {
        guard let dot = name.lastIndex(of: ".") else { return "" }
        let ext = name[name.index(after: dot)...].lowercased()
        guard (1...8).contains(ext.count), ext.unicodeScalars.allSatisfy({ ($0.value >= 48 && $0.value <= 57) || ($0.value >= 97 && $0.value <= 122) })
        else { return "" }
        return "." + ext
    }

    /// Evidence ids: 1–64 ASCII letters, digits, `_`, `-`, `.`, starting with a letter or digit (as a YAML id is written).
    public static func isValidID(_ id: String) -> Bool {
        let bytes = Array(id.utf8)
        guard (1...64).contains(bytes.count), let first = bytes.first, first != UInt8(ascii: "."), first != UInt8(ascii: "-"),
              first != UInt8(ascii: "_") else { return false }
        return bytes.allSatisfy(isIDByte) && !id.contains("..")
    }

    static func isPathScalar(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return isIDByte(UInt8(v)) }
        let ranges: [ClosedRange<UInt32>] = [0x4E00...0x9FFF, 0x3400...0x4DBF, 0xFF01...0xFF5E, 0x3000...0x303F]
        return ranges.contains { $0.contains(v) }
    }

    static func isIDByte(_ b: UInt8) -> Bool {
        if b >= 48 && b <= 57 { return true }
        if b >= 65 && b <= 90 { return true }
        if b >= 97 && b <= 122 { return true }
        return b == 0x5F || b == 0x2D || b == 0x2E
    }
}

/// An evaluator assigned to an application, in a review role (`preliminary`, `panel` or `chair`, as `Review.Role`).
public struct AssignmentRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "assignment"
    public var id: Int64?
    public var applicationID: Int64
    public var reviewerID: Int64
    /// `preliminary`, `panel` or `chair`.
    public var reviewRole: String
    public var createdAt: Date

    public init(id: Int64? = nil, applicationID: Int64, reviewerID: Int64, reviewRole: String, createdAt: Date) {
        self.id = id
        self.applicationID = applicationID
        self.reviewerID = reviewerID
        self.reviewRole = reviewRole
        self.createdAt = createdAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// One evaluator's review of one application: its form state as JSON, whether it is submitted, and a version.
public struct ReviewRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "review"
    public var id: Int64?
    public var applicationID: Int64
    public var reviewerID: Int64
    public var reviewRole: String
    /// The review's form state as JSON (ratings, evidence verdicts, overrides, resolutions, comments).
    public var form: String
    /// The review as the YAML file the CLI reads (`reviews/<reviewer>.yaml`), written at every save from the form: what
    /// the pipeline, the export and the comparison use.
    public var reviewYAML: String
    public var submitted: Bool
    public var version: Int64
    public var createdAt: Date
    public var updatedAt: Date
    public var submittedAt: Date?

    public init(id: Int64? = nil, applicationID: Int64, reviewerID: Int64, reviewRole: String, form: String, reviewYAML: String,
                submitted: Bool = false, version: Int64 = 1, createdAt: Date, updatedAt: Date, submittedAt: Date? = nil) {
        self.id = id
        self.applicationID = applicationID
        self.reviewerID = reviewerID
        self.reviewRole = reviewRole
        self.form = form
        self.reviewYAML = reviewYAML
        self.submitted = submitted
        self.version = version
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.submittedAt = submittedAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A finalised application's fixed outcome: the result and the dossier as the chair finalised them.
public struct OutcomeRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "outcome"
    public var applicationID: Int64
    /// 评审分 as exact decimal text, the grade's label and the verdict, as the result gave them.
    public var total: String
    public var grade: String
    public var verdict: String
    /// The dossier, HTML, as rendered at finalisation (zh), and the review files it was scored from (YAML, JSON array).
    public var dossierHTML: String
    public var reviews: String
    public var finalisedBy: Int64
    public var finalisedAt: Date

    public init(applicationID: Int64, total: String, grade: String, verdict: String, dossierHTML: String, reviews: String,
                finalisedBy: Int64, finalisedAt: Date) {
        self.applicationID = applicationID
        self.total = total
        self.grade = grade
        self.verdict = verdict
        self.dossierHTML = dossierHTML
        self.reviews = reviews
        self.finalisedBy = finalisedBy
        self.finalisedAt = finalisedAt
    }
}

/// One change, append-only (the database refuses to update or delete one): who, when, what, old → new, why.
public struct AuditEvent: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "audit_event"
    public var id: Int64?
    /// The application it concerns (nil: an account or assignment change of no one application).
    public var applicationID: Int64?
    public var actorID: Int64?
    public var at: Date
    /// A catalogue key under `web.audit.action.` (`application.saved`, `review.submitted`, …).
    public var action: String
    /// What changed (a field's key, an evidence id, a criterion id), empty when the whole record.
    public var subject: String
    public var oldValue: String
    public var newValue: String
    public var reason: String

    public init(id: Int64? = nil, applicationID: Int64?, actorID: Int64?, at: Date, action: String, subject: String = "",
                oldValue: String = "", newValue: String = "", reason: String = "") {
        self.id = id
        self.applicationID = applicationID
        self.actorID = actorID
        self.at = at
        self.action = action
        self.subject = subject
        self.oldValue = oldValue
        self.newValue = newValue
        self.reason = reason
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
