import Foundation
import GRDB
import Hummingbird
import ParkScore
import ParkScoreDossier
import ParkScoreIO

/// What the chair sees of the panel: per judged criterion each member's submitted level, the aggregate and the
/// disagreement flag; the current 评审分, grade and verdict; who has not yet submitted. Every number comes from the
/// assessment pipeline run on the submitted reviews and the chair's own review, never from this type.
struct PanelSummary {
    struct Row {
        var criterionID: String
        var title: String
        var levels: [(name: String, level: Int)]
        var aggregate: String
        var disagreement: Bool
        var resolution: String?
    }

    var rows: [Row]
    var total: String
    var grade: String
    var verdict: String
    var provisional: Bool
    /// Assigned evaluators (preliminary and panel) whose review is not submitted, by name.
    var pending: [String]
    /// Criteria whose disagreement the chair has not resolved, by title.
    var unresolved: [String]
    /// Problems of the chair's own review (it is then left out of the figures).
    var problems: [String]
    var finalised: Bool
    /// Every finding of every submitted review (and the chair's), worded: who, what, where it stands.
    var findings: [(who: String, statement: String, standing: String)] = []
    /// Each evidence item's state in force, worded, by evidence id.
    var evidenceStates: [String: String] = [:]

    var canFinalise: Bool { pending.isEmpty && unresolved.isEmpty && problems.isEmpty && !finalised }

    func values(word: (String, [String: String]) -> String, language: LocalizedText.Language) -> TemplateValue {
        .object(TemplateObject([
            "rows": .list(rows.map { row in
                .object(TemplateObject([
                    "id": .string(row.criterionID),
                    "title": .string(row.title),
                    "levels": .list(row.levels.map {
                        .object(TemplateObject(["text": .string(word("review.member-level", ["name": $0.name, "level": String($0.level)]))]))
                    }),
                    "aggregate": .string(row.aggregate),
                    "disagreement": .bool(row.disagreement),
                    "resolution": .string(row.resolution ?? ""),
                    "hasResolution": .bool(row.resolution != nil),
                ]))
            }),
            "hasRows": .bool(!rows.isEmpty),
            "total": .string(total),
            "grade": .string(grade),
            "verdict": .string(verdict),
            "provisional": .bool(provisional),
            "pending": .list(pending.map { .string($0) }),
            "hasPending": .bool(!pending.isEmpty),
            "unresolved": .list(unresolved.map { .string($0) }),
            "hasUnresolved": .bool(!unresolved.isEmpty),
            "problems": .list(problems.map { .string($0) }),
            "hasProblems": .bool(!problems.isEmpty),
            "canFinalise": .bool(canFinalise),
            "findings": .list(findings.map {
                .object(TemplateObject(["who": .string($0.who), "statement": .string($0.statement), "standing": .string($0.standing)]))
            }),
            "hasFindings": .bool(!findings.isEmpty),
        ]))
    }
}
