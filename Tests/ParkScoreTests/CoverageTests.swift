import Foundation
import ParkScore
import ParkScoreIO
import ParkYAML
import XCTest

/// Every scorecard has a coverage table (`Criteria/coverage/<id>.yaml`): each clause it cites is in the
/// table, each clause in the table is cited or left out with a reason. Where ../shared/seeds is present,
/// every quoted phrase must stand verbatim in its text, and the table must list every numbered clause.
/// Each clause is classified (condition, guidance, target, support, out-of-scope): a gate with `basis: text`
/// cites a condition clause, and a condition clause is used by a gate or says why not (`no_gate`).
final class CoverageTests: XCTestCase {
    struct Coverage {
        var text: String
        var scorecard: String
        var numbering: [NumberingRule]
        var separator: String
        var clauses: [(ref: String, leftOut: String?)]
        /// Each clause's class and, for a condition no gate uses, the reason (`no_gate`), by ref.
        var classes: [String: String] = [:]
        var noGate: [String: String] = [:]
    }

    static let classes = ["condition", "guidance", "target", "support", "out-of-scope"]

    static var seeds: URL { Repository.root.deletingLastPathComponent().appendingPathComponent("shared/seeds") }

    func coverage(_ id: String) throws -> Coverage {
        let path = Repository.path("Criteria/coverage/\(id).yaml")
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let root = try XCTUnwrap(try YAMLReader.document(bytes))
        let clauses = (root["clauses"]?.sequence ?? []).map { node in
            (ref: node["ref"]?.scalar?.text ?? "", leftOut: node["left_out"]?.scalar?.string)
        }
        var classes: [String: String] = [:], noGate: [String: String] = [:]
        for node in root["clauses"]?.sequence ?? [] {
            guard let ref = node["ref"]?.scalar?.text else { continue }
            if let c = node["class"]?.scalar?.text { classes[ref] = c }
            if let reason = node["no_gate"]?.scalar?.string { noGate[ref] = reason }
        }
        var table = Coverage(text: root["text"]?.scalar?.text ?? "", scorecard: root["scorecard"]?.scalar?.text ?? "",
                        numbering: (root["numbering"]?.sequence ?? []).enumerated().compactMap { index, node in
                            if let pattern = node.scalar?.text { return NumberingRule(pattern: pattern, level: index) }
                            guard let pattern = node["pattern"]?.scalar?.text, let level = node["level"]?.scalar?.int else { return nil }
                            return NumberingRule(pattern: pattern, level: level)
                        },
                        separator: root["separator"]?.scalar?.text ?? ".", clauses: clauses)
        table.classes = classes
        table.noGate = noGate
        return table
    }

    /// What is wrong with the table's classification against the scorecard's gates, one line each.
    static func classificationProblems(_ scorecard: Scorecard, _ table: Coverage) -> [String] {
        var problems: [String] = []
        for clause in table.clauses {
            guard let c = table.classes[clause.ref] else {
                problems.append("clause '\(clause.ref)' has no class (\(classes.joined(separator: ", ")))")
                continue
            }
            if !classes.contains(c) { problems.append("clause '\(clause.ref)' has an unknown class '\(c)'") }
        }
        for gate in scorecard.gates where gate.basis == .text {
            guard let ref = gate.clause?.ref else {
                problems.append("gate \(gate.id) has basis text but cites no clause")
                continue
            }
            if table.classes[ref] != "condition" {
                problems.append("gate \(gate.id) has basis text but its clause '\(ref)' is classified \(table.classes[ref] ?? "nothing"), not condition")
            }
        }
        let gated = Set(scorecard.gates.compactMap(\.clause?.ref))
        for clause in table.clauses where table.classes[clause.ref] == "condition" && !gated.contains(clause.ref) {
            if (table.noGate[clause.ref] ?? "").isEmpty {
                problems.append("condition clause '\(clause.ref)' is used by no gate and does not say why (no_gate)")
            }
        }
        for ref in table.noGate.keys.sorted() where table.classes[ref] != "condition" {
            problems.append("clause '\(ref)' gives no_gate but is not classified condition")
        }
        return problems
    }

    /// Refs of every clause the scorecard cites, with the ids citing them, and every quote with its ref.
    func citations(_ scorecard: Scorecard) -> (refs: [String: [String]], quotes: [(id: String, clause: Clause)]) {
        var refs: [String: [String]] = [:]
        var quotes: [(String, Clause)] = []
        let cited = scorecard.gates.map { ($0.id, $0.clause) } + scorecard.criteria.map { ($0.id, $0.clause) }
            + scorecard.incentives.map { ($0.id, $0.clause) }
        for (id, clause) in cited {
            guard let clause else { continue }
            refs[clause.ref, default: []].append(id)
            quotes.append((id, clause))
        }
        return (refs, quotes)
    }

    /// One numbering pattern and the level it numbers (0 for articles, 1 for items in them, …).
    struct NumberingRule {
        var pattern: String
        var level: Int
    }

    /// The refs of the text's numbered clauses: a match of a rule starts a new clause at its level; the rest
    /// of the line may hold a deeper one (an annex row with its task and first measure); a ref joins the
    /// levels' first capture groups with the separator.
    static func numberedClauses(_ text: String, rules: [NumberingRule], separator: String = ".") throws -> [String] {
        let compiled = try rules.map { (try NSRegularExpression(pattern: $0.pattern), $0.level) }
        let depth = (rules.map(\.level).max() ?? 0) + 1
        var levels: [String?] = Array(repeating: nil, count: depth)
        var refs: [String] = []
        for line in text.components(separatedBy: "\n") {
            var rest = line.trimmingCharacters(in: .whitespaces)
            var from = 0
            while !rest.isEmpty {
                let range = NSRange(rest.startIndex..., in: rest)
                guard let (match, level) = compiled.lazy.compactMap({ rule -> (NSTextCheckingResult, Int)? in
                    guard rule.1 >= from, let m = rule.0.firstMatch(in: rest, range: range) else { return nil }
                    return (m, rule.1)
                }).first, let r = Range(match.range(at: 1), in: rest), let whole = Range(match.range, in: rest) else { break }
                levels[level] = String(rest[r])
                for deeper in (level + 1)..<depth { levels[deeper] = nil }
                refs.append(levels[...level].compactMap { $0 }.joined(separator: separator))
                rest = rest[whole.upperBound...].trimmingCharacters(in: .whitespaces)
                from = level + 1
            }
        }
        return refs
    }

    static func numberedClauses(_ text: String, patterns: [String], separator: String = ".") throws -> [String] {
        try numberedClauses(text, rules: patterns.enumerated().map { NumberingRule(pattern: $1, level: $0) }, separator: separator)
    }

    func testEveryScorecardHasACompleteCoverageTable() throws {
        let dictionary = try Repository.dictionary()
        let seedsPresent = FileManager.default.fileExists(atPath: Self.seeds.path)
        if !seedsPresent { print("note: ../shared/seeds is absent: quotes and numbered clauses are not checked against the texts") }
        for id in Repository.catalog.scorecardIDs {
            let scorecard = try Repository.scorecard(id, dictionary: dictionary)
            let table = try coverage(id)
            XCTAssertEqual(table.scorecard, id)
            XCTAssertEqual(table.text, scorecard.source.file, "\(id): the table and the scorecard name different texts")
            let (refs, quotes) = citations(scorecard)
            let listed = Dictionary(table.clauses.map { ($0.ref, $0.leftOut) }, uniquingKeysWith: { a, _ in a })
            XCTAssertEqual(listed.count, table.clauses.count, "\(id): a clause is listed twice")
            for (ref, ids) in refs.sorted(by: { $0.key < $1.key }) {
                XCTAssertTrue(listed.keys.contains(ref), "\(id): clause '\(ref)' is cited by \(ids.joined(separator: ", ")) but not in the coverage table")
                if case .some(.some(let reason)) = listed[ref] {
                    XCTFail("\(id): clause '\(ref)' is cited by \(ids.joined(separator: ", ")) but listed as left out (\(reason))")
                }
            }
            for clause in table.clauses where clause.leftOut == nil && refs[clause.ref] == nil {
                XCTFail("\(id): clause '\(clause.ref)' is in the table but neither cited nor left out with a reason")
            }
            for problem in Self.classificationProblems(scorecard, table) { XCTFail("\(id): \(problem)") }
            guard seedsPresent else { continue }
            let text = try String(contentsOf: Self.seeds.appendingPathComponent(table.text), encoding: .utf8)
            for (citer, clause) in quotes where !text.contains(clause.quote) {
                XCTFail("\(id): the quote of \(citer) (\(clause.ref)) is not in \(table.text) verbatim: \(clause.quote)")
            }
            let numbered = try Self.numberedClauses(text, rules: table.numbering, separator: table.separator)
            XCTAssertFalse(numbered.isEmpty, "\(id): the numbering patterns find no clause in \(table.text)")
            for ref in numbered where listed[ref] == nil {
                XCTFail("\(id): numbered clause '\(ref)' of \(table.text) is not in the coverage table")
            }
        }
    }

    /// The classification check can fail: each way of breaking it on the Beijing table is reported.
    func testClassificationProblemsAreReported() throws {
        let dictionary = try Repository.dictionary()
        let scorecard = try Repository.scorecard("beijing-digital-advertising-park", dictionary: dictionary)
        let table = try coverage("beijing-digital-advertising-park")
        XCTAssertEqual(Self.classificationProblems(scorecard, table), [])
        // 一 carries G0 (basis text): classified as guidance, G0 no longer rests on a condition.
        var guidance = table
        guidance.classes["一"] = "guidance"
        XCTAssertEqual(Self.classificationProblems(scorecard, guidance),
                       ["gate G0 has basis text but its clause '一' is classified guidance, not condition"])
        // 六 reclassified as a condition: no gate uses it, and it does not say why.
        var condition = table
        condition.classes["六"] = "condition"
        XCTAssertEqual(Self.classificationProblems(scorecard, condition),
                       ["condition clause '六' is used by no gate and does not say why (no_gate)"])
        condition.noGate["六"] = "「一般要」无可检验门槛"
        XCTAssertEqual(Self.classificationProblems(scorecard, condition), [])
        // A missing or unknown class.
        var unclassified = table
        unclassified.classes["三"] = nil
        unclassified.classes["四"] = "encouragement"
        XCTAssertEqual(Self.classificationProblems(scorecard, unclassified),
                       ["clause '三' has no class (condition, guidance, target, support, out-of-scope)", "clause '四' has an unknown class 'encouragement'"])
        // A proposal gate may cite any clause: G0 as a proposal on a guidance clause is fine.
        var proposal = scorecard
        proposal.gates[0].basis = .proposal
        XCTAssertEqual(Self.classificationProblems(proposal, guidance), [])
    }

    func testNumberedClausesOfTheNanshanText() throws {
        guard FileManager.default.fileExists(atPath: Self.seeds.path) else {
            throw XCTSkip("../shared/seeds is absent")
        }
        let text = try String(contentsOf: Self.seeds.appendingPathComponent("004_8b3b8105442b44d6.txt"), encoding: .utf8)
        let patterns = ["^([一二三四五六七八九十]+)、", "^(（[一二三四五六七八九十]+）)", "^(?:\\[bookmark: _GoBack\\])?(\\d+)\\."]
        XCTAssertEqual(try Self.numberedClauses(text, patterns: patterns, separator: ""),
                       ["一", "二", "三", "三（一）", "三（二）", "三（三）", "三（四）", "三（五）", "三（六）", "三（七）", "三（八）",
                        "三（九）", "三（十）", "三（十一）", "三（十二）", "三（十二）1", "三（十二）2"])
    }

    func testNumberedClausesOfTheBeijingText() throws {
        guard FileManager.default.fileExists(atPath: Self.seeds.path) else {
            throw XCTSkip("../shared/seeds is absent")
        }
        let text = try String(contentsOf: Self.seeds.appendingPathComponent("000_635c0f08b529d72c.txt"), encoding: .utf8)
        XCTAssertEqual(try Self.numberedClauses(text, patterns: ["^([一二三四五六七八九十]+)、"]),
                       ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"])
    }
}
