import Crypto
import Foundation
import ParkScore
import ParkScoreIO
import ParkScoreTestSupport
import XCTest

/// The stage rules (README, "Evaluation: the stage rules"), each on Samples/beijing-xinghe through the one pipeline,
/// from bytes in memory. Each test is one of the problems measured in issue 8, and failed before the rules were built.
///
/// What the sample gives (Criteria/beijing-digital-advertising-park.yaml, Samples/beijing-xinghe/self-report.yaml):
/// - G1 reads management.independent_legal_person (supported by evidence 'licence'), G2 reads tenants.total and
///   tenants.advertising_related (supported by 'tenants'); both are ineligibility gates and ask for evidence.
/// - G0 reads park.province (supported by 'licence' too): an ineligibility gate that asks for evidence.
/// - G3 (version 1.2.0: 二's soft and hard services, a gate, no longer 4 points of 'basic') reads
///   management.business_support_services, supported by 'services' (verified by its sha256; no reviewer rules on it).
/// - services.platform (a criterion since version 1.1.0: 4 points) reads services.platform, supported by 'platform'.
/// - services.third_party: 7 institutions ≥ 5 → 3 of 5 points; it asks for evidence, 'platform' supports its fact.
/// - culture.content is judged: levels 0, 1, 2, 3 earn 0, 2, 4, 6 points.
final class StageRulesTests: XCTestCase {
    var library: CriteriaLibrary!
    let folder = Repository.path("Samples/beijing-xinghe")

    override func setUpWithError() throws {
        library = try XCTUnwrap(CriteriaLibrary.open(Repository.catalog).validValue)
    }

    func file(_ name: String) throws -> SourceFile {
        SourceFile(path: "reviews/\(name).yaml", bytes: Array(try Data(contentsOf: URL(fileURLWithPath: "\(folder)/reviews/\(name).yaml"))))
    }

    func review(_ id: String, role: String = "panel", date: String = "2026-03-05", _ body: String) -> SourceFile {
        let text = "reviewer: {id: \(id), name: 评审\(id), role: \(role)}\ndate: \(date)\nscorecard: beijing-digital-advertising-park\n\(body)\n"
        return SourceFile(path: "\(id).yaml", bytes: Array(text.utf8))
    }

    func run(_ reviews: [SourceFile], edit: (String) -> String = { $0 }) throws -> Loaded<Assessment> {
        let text = edit(try String(contentsOfFile: folder + "/self-report.yaml", encoding: .utf8))
        let input = ApplicationInput(selfReport: SourceFile(path: "memory/self-report.yaml", bytes: Array(text.utf8)), reviews: reviews,
                                     evidence: EvidenceFolder(folder))
        return AssessmentPipeline(criteria: library).assess(input)
    }

    func assess(_ reviews: [SourceFile], edit: (String) -> String = { $0 }) throws -> ScorecardAssessment {
        let loaded = try run(reviews, edit: edit)
        XCTAssertEqual(loaded.diagnostics.filter { $0.severity == .error }, [])
        return try XCTUnwrap(loaded.validValue?.results.first)
    }

    // 1. Stages compose: the preliminary override stays in force at the panel stage.
    func testPreliminaryOverrideStaysInForceAtThePanelStage() throws {
        let a = try assess([try file("preliminary"), try file("panel-1"), try file("panel-2"), try file("panel-3")])
        let criterion = try XCTUnwrap(a.staged?.panel?.criterion("services.third_party"))
        XCTAssertEqual(criterion.points, Rational(1))
        XCTAssertEqual(criterion.override?.reviewer, "赵初审")
        XCTAssertEqual(criterion.override?.reason, "7家第三方机构中3家合作协议已到期，有效仅4家")
        // So the final result no longer advises raising a value the preliminary check already corrected to 4.
        XCTAssertEqual(a.result.criterion("services.third_party")?.points, Rational(1))
    }

    // 2. Evidence gates the claim: rejected evidence makes the gates it supports unsubstantiated (待补正).
    func testRejectedEvidenceLeavesTheGatesUnsubstantiated() throws {
        let chair = review("z1", role: "chair", """
            evidence:
              licence: {verdict: rejected, reason: 营业执照已过有效期}
              tenants: {verdict: rejected, reason: 名录未盖章}
            """)
        let a = try assess([try file("preliminary"), chair])
        XCTAssertEqual(a.result.gate("G1")?.status, .unsubstantiated)
        XCTAssertEqual(a.result.gate("G2")?.status, .unsubstantiated)
        // The licence also shows the park's address: G0 rests on it too. The platform evidence the preliminary check
        // accepted still holds: services.platform keeps its 4 points.
        XCTAssertEqual(a.result.gate("G0")?.status, .unsubstantiated)
        XCTAssertEqual(a.result.criterion("services.platform")?.points, Rational(4))
        XCTAssertEqual(a.result.verdict, .undetermined)
        XCTAssertTrue(a.result.needsCorrection)
        XCTAssertNil(a.result.grade)
        // The corrections list: the two rejected items (licence supports G0's and G1's facts; tenants supports tenants.total and advertising_related, which
        // only G2 reads), then the three criteria that ask for evidence the report does not list.
        func none(_ zh: String) -> EvidenceProblem { EvidenceProblem(evidenceID: nil, title: nil, kind: .noneListed(required: a.scorecard.criterion(zh)?.evidence?.description)) }
        XCTAssertEqual(a.result.corrections, [
            CorrectionItem(problem: EvidenceProblem(evidenceID: "licence", title: "园区管理机构营业执照（示例）",
                                                    kind: .rejected(by: "评审z1", reason: "营业执照已过有效期")), affects: ["G0", "G1"]),
            CorrectionItem(problem: EvidenceProblem(evidenceID: "tenants", title: "入驻单位名录（示例）",
                                                    kind: .rejected(by: "评审z1", reason: "名录未盖章")), affects: ["G2"]),
            CorrectionItem(problem: none("basic.district_sign"), affects: ["basic.district_sign"]),
            CorrectionItem(problem: none("layout.digital_technologies"), affects: ["layout.digital_technologies"]),
            CorrectionItem(problem: none("operations.rules"), affects: ["operations.rules"]),
        ])
        XCTAssertEqual(ResultText(messages: TestCatalogue.messages(.zh)).verdict(a.result), "待补正（门槛条件的证明材料未被采信、缺失或校验不符，见补正清单）")
        // The evidence index shows the final state and who decided it.
        XCTAssertEqual(FindingText(messages: TestCatalogue.messages(.zh)).evidenceState(a.evidence["licence"], decision: a.decision("licence")),
                       "未采信：评审z1（评审，2026-03-05）不予采信，理由：营业执照已过有效期")
        // A gate the park's own figures fail still fails, whatever the evidence.
        let failing = try assess([chair]) { $0.replacingOccurrences(of: "independent_legal_person: true", with: "independent_legal_person: false") }
        XCTAssertEqual(failing.result.gate("G1")?.status, .failed)
        XCTAssertEqual(failing.result.verdict, .ineligible)
    }

    // 4. The panel decides, not one member.
    func testOneMembersRejectionOrOverrideIsThatMembersFinding() throws {
        // p3 alone rejects the tenant list (which the preliminary check accepted): it stays accepted.
        let a = try assess([try file("preliminary"), try file("panel-1"), try file("panel-2"), try file("panel-3")])
        XCTAssertEqual(a.result.gate("G2")?.status, .passed)
        XCTAssertEqual(a.decision("tenants")?.accepted, true)
        XCTAssertEqual(a.decision("tenants")?.stage, .preliminary)
        let p3 = try XCTUnwrap(a.staged?.findings.first { $0.reviewer.id == "p3" && $0.subject == .evidence("tenants") })
        XCTAssertEqual(p3.standing, .memberOnly)
        XCTAssertEqual(p3.text, "入驻单位名录未加盖公章")

        // One of three members zeroing tiers.structure does not apply; two of three with the same points do.
        let one = try assess([review("p1", "overrides: {tiers.structure: {points: 0, reason: 结构不实}}"), review("p2", ""), review("p3", "")])
        XCTAssertEqual(one.result.criterion("tiers.structure")?.points, Rational(10))
        let two = try assess([review("p1", "overrides: {tiers.structure: {points: 0, reason: 结构不实}}"),
                              review("p2", "overrides: {tiers.structure: {points: 0, reason: 名录不符}}"), review("p3", "")])
        XCTAssertEqual(two.result.criterion("tiers.structure")?.points, .zero)
        XCTAssertEqual(two.result.criterion("tiers.structure")?.override?.reviewer, "评审p1 / 评审p2")
        // The chair's record makes it the panel's at once.
        let chair = try assess([review("p1", "overrides: {tiers.structure: {points: 6, reason: 名录与结构数据部分不一致}}"), review("p2", ""),
                                review("z1", role: "chair", "overrides: {tiers.structure: {points: 6, reason: 合议采纳}}")])
        XCTAssertEqual(chair.result.criterion("tiers.structure")?.points, Rational(6))

        // A chair reverses the preliminary rejection, with a reason; without one, the rejection stays.
        let rejected = review("c1", role: "preliminary", date: "2026-02-20", "evidence: {licence: {verdict: rejected, reason: 复印件不清晰}}")
        let reversed = try assess([rejected, review("z1", role: "chair", "evidence: {licence: {verdict: accepted, reason: 已补交有效营业执照}}")])
        XCTAssertEqual(reversed.result.gate("G1")?.status, .passed)
        XCTAssertEqual(reversed.staged?.findings.first { $0.reviewer.id == "c1" }?.standing, .reversed(by: ["评审z1"]))
        let unexplained = try assess([rejected, review("z1", role: "chair", "evidence: {licence: accepted}")])
        XCTAssertEqual(unexplained.result.gate("G1")?.status, .unsubstantiated)
        XCTAssertEqual(unexplained.staged?.findings.first { $0.reviewer.id == "z1" }?.standing, .reversalWithoutReason)
    }

    // 3. Reviewers are people: a reviewer id counts once.
    func testTheSameReviewerTwiceIsRefusedWithBothLocations() throws {
        // Four distinct reviewers rate culture.content 1, 2, 2, 3 (mean 2); p4's file given twice would make five
        // ratings and switch the rule to the trimmed mean. It is refused instead.
        let files = [review("p1", "ratings: {culture.content: 1}"), review("p2", "ratings: {culture.content: 2}"),
                     review("p3", "ratings: {culture.content: 2}"), review("p4", "ratings: {culture.content: 3}")]
        let four = try assess(files)
        XCTAssertEqual(four.staged?.panelRatings.first { $0.criterionID == "culture.content" }?.level, Rational(2))
        let twice = try run(files + [files[3]])
        XCTAssertNil(twice.validValue)
        XCTAssertEqual(twice.diagnostics.filter { $0.severity == .error }.map(TestCatalogue.en.text(of:)),
                       ["the same review is given twice (p4.yaml:1:1 and p4.yaml:1:1): a reviewer counts once"])
        let renamed = SourceFile(path: "other.yaml", bytes: Array("reviewer: {id: p4, name: 另一人, role: panel}\ndate: 2026-03-06\nscorecard: beijing-digital-advertising-park\n".utf8))
        let sameID = try run(files + [renamed])
        XCTAssertEqual(sameID.diagnostics.filter { $0.severity == .error }.map(TestCatalogue.en.line(for:)),
                       ["other.yaml:1:1: error: reviewer 'p4' has two review files (p4.yaml:1:1 and other.yaml:1:1): a reviewer counts once"])
        // A review of another scorecard is refused.
        let other = SourceFile(path: "x.yaml", bytes: Array("reviewer: {id: q, name: 某, role: panel}\ndate: 2026-03-06\nscorecard: nanshan-livestreaming\n".utf8))
        XCTAssertEqual(try run([other]).diagnostics.filter { $0.severity == .error }.map(TestCatalogue.en.text(of:)),
                       ["review is of scorecard 'nanshan-livestreaming', but this application is assessed against beijing-digital-advertising-park"])
    }

    // 6. Missing data never beats a bad value: a cap gate with missing data leaves the verdict open.
    // No built-in scorecard has a cap gate since version 1.1.0 (Beijing's 六 is scored, not gated), so this one runs on
    // a copy of Criteria/ whose Beijing scorecard adds a proposal gate G9 on services.platform capping the grade at C.
    func testACapGateWithMissingDataIsUndetermined() throws {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("parkscore-capgate-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: copy) }
        try FileManager.default.copyItem(at: URL(fileURLWithPath: Repository.path("Criteria")), to: copy)
        let card = copy.appendingPathComponent("beijing-digital-advertising-park.yaml")
        let text = try String(contentsOf: card, encoding: .utf8)
        let gate = """
            gates:
              - id: G9
                title: {zh: 搭建园区服务平台, en: A park service platform}
                clause: {ref: 六, quote: 园区一般要搭建园区服务平台}
                basis: proposal
                when: services.platform
                on_fail: {cap_grade: C}

            """
        try text.replacingOccurrences(of: "gates:\n", with: gate).write(to: card, atomically: true, encoding: .utf8)
        library = try XCTUnwrap(CriteriaLibrary.open(CriteriaCatalog(directory: copy.path)).validValue)
        let missing = try assess([]) { $0.replacingOccurrences(of: "    platform: true\n", with: "") }
        XCTAssertEqual(missing.result.gate("G9")?.status, .missingData)
        XCTAssertEqual(missing.result.gate("G9")?.basis, .proposal)
        XCTAssertEqual(missing.result.verdict, .undetermined)
        XCTAssertNil(missing.result.grade)
        let reportedFalse = try assess([]) { $0.replacingOccurrences(of: "    platform: true\n", with: "    platform: false\n") }
        XCTAssertEqual(reportedFalse.result.verdict, .eligible)
        XCTAssertEqual(reportedFalse.result.cappedBy, ["G9"])
        // An empty report with only the park named decides nothing.
        let empty = "park: {name: 空白园区}\nperiod: {from: 2025-01-01, to: 2025-12-31}\napplies_to: [beijing-digital-advertising-park]\nfacts: {}\n"
        let blank = try assess([]) { _ in empty }
        XCTAssertEqual(blank.result.verdict, .undetermined)
        XCTAssertNil(blank.result.grade)
    }

    // 5. Disagreement blocks finality until the chair resolves it.
    func testDisagreementKeepsTheResultProvisionalUntilTheChairResolvesIt() throws {
        let panel = [try file("preliminary"), try file("panel-1"), try file("panel-2"), try file("panel-3")]
        let open = try assess(panel)
        XCTAssertTrue(open.result.isProvisional)
        XCTAssertEqual(open.result.provisionalReasons, [.disagreement(["culture.content"])])
        XCTAssertEqual(open.result.criterion("culture.content")?.points, Rational(10, 3))  // (1 + 3 + 1) / 3 = 5/3 → 2 + 2/3 × 2
        let resolved = try assess(panel + [try file("chair")])
        XCTAssertFalse(resolved.result.isProvisional)
        XCTAssertEqual(resolved.result.criterion("culture.content")?.points, Rational(4))  // level 2 → 4 points
        XCTAssertEqual(resolved.staged?.resolutions["culture.content"]?.aggregate, Rational(5, 3))
        // 8. An evaluation is dated the latest review: the chair's.
        XCTAssertEqual(resolved.date, "2026-03-10")
    }

    // The pipeline: bytes in, one result out; the audit sha256 is that of the bytes scored.
    func testTheAuditFingerprintIsThatOfTheBytesScored() throws {
        // The report exists only in memory (its path names no file): had anything read it again, from disk, the
        // fingerprint or the snippets would be missing.
        let a = try assess([try file("chair")])
        let bytes = Array(try String(contentsOfFile: folder + "/self-report.yaml", encoding: .utf8).utf8)
        let expected = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
        XCTAssertEqual(a.inputs.first, InputFingerprint(name: "self-report: self-report.yaml", sha256: expected))
        XCTAssertEqual(a.inputs.last?.name, "review: chair.yaml")
        // A broken report's snippet comes from the bytes in memory.
        let broken = try run([]) { $0.replacingOccurrences(of: "total: 45", with: "total: 四十五") }
        let text = DiagnosticRenderer().rendering(broken.diagnostics, sources: broken.sources)
        XCTAssertTrue(text.contains("memory/self-report.yaml:"), text)
        XCTAssertTrue(text.contains("    total: 四十五\n"), text)
    }

    /// The sample's evaluation, worked out by hand (README, "A worked example"): dimension weight × points / the
    /// dimension's most points, with the panel's findings applied.
    /// basic 10 × 0/8 (positioning and the district sign ask for evidence the report does not list → 0; the most is
    /// 6 + 2 = 8 since 二's services became gate G3, was 12)
    /// + layout 15 × 6/16 (digital technologies: no evidence listed → 0) + tiers 15 × 15/15
    /// + operations 15 × 8/15 (rules: no evidence listed → 0) + services 15 × (4 + 6 + 1 + 3)/20 (platform 4, its evidence
    /// accepted at the preliminary check; third_party overridden 3 → 1 at the preliminary check, still in force) + talent 10 × (14/3 + 3 + 3 + 2)/16 (system: 2, 2, 3 → 7/3 → 4 + 1/3 × 2)
    /// + culture 10 × (4 + 4)/10 (content: the chair's level 2) + international 10 × 7/10
    /// = 0 + 45/8 + 15 + 8 + 21/2 + 95/12 + 8 + 7 = (0 + 135 + 360 + 192 + 252 + 190 + 192 + 168)/24 = 1489/24
    /// = 62.0417 → 62.04 → C (60–70); final, not provisional (was 65.38 C, with basic 10 × 4/12 for the services).
    /// Self-assessment (自评分) 78.25 (BeijingScorecardTests; was 79.08).
    func testTheSampleEvaluationByHand() throws {
        let a = try assess(["preliminary", "panel-1", "panel-2", "panel-3", "chair"].map(file))
        XCTAssertEqual(a.result.total, Rational(6204, 100))
        XCTAssertEqual(a.result.gate("G3")?.status, .passed)
        XCTAssertEqual(a.result.verdict, .eligible)
        XCTAssertEqual(a.result.grade?.id, "C")
        XCTAssertFalse(a.result.isProvisional)
        XCTAssertEqual(a.staged?.selfAssessment.total, Rational(7825, 100))
        XCTAssertEqual(a.result.criterion("talent.system")?.points, Rational(14, 3))
        // Supplying the missing evidence restores what the park's own figures earn, not full marks. basic.positioning
        // now heads the list: the panel's 2, 3, 2 → 7/3 → 4 + 1/3 × 2 = 14/3 points, withheld, of 8: 10 × (14/3)/8 = 35/6
        // ≈ 5.83 (was 10 × (14/3)/12 ≈ 3.89, out of 12); then layout.digital_technologies (3 technologies ≥ 2 → 6 of 16
        // points: 15 × 6/16 = 45/8 = 5.625). The way to B (70 − 62.04 = 7.96 short) takes both: 35/6 + 45/8 ≈ 11.46.
        XCTAssertEqual(a.result.improvements.first?.criterionID, "basic.positioning")
        XCTAssertEqual(a.result.improvements.first?.gain, Rational(35, 6))
        XCTAssertEqual(a.result.improvements.dropFirst().first?.gain, Rational(45, 8))
        XCTAssertEqual(a.result.nextGrade?.pointsNeeded, Rational(796, 100))
        XCTAssertEqual(a.result.nextGrade?.criteria, ["basic.positioning", "layout.digital_technologies"])
        // The overridden criterion's advice is the evaluator's reason, not "raise the value".
        XCTAssertEqual(a.result.improvements.first { $0.criterionID == "services.third_party" }?.action,
                       .addressOverride(reason: "7家第三方机构中3家合作协议已到期，有效仅4家"))
    }

    // Found in review: rules 2 and 4 at their edges.

    /// A rejected item unsubstantiates criteria reading a derived fact built on what it supports, and criteria it names.
    func testRejectionReachesDerivedFactsAndNamedCriteria() throws {
        let folder = Repository.path("Samples/jiading-huating")
        let text = try String(contentsOfFile: folder + "/self-report.yaml", encoding: .utf8)
        let chair = SourceFile(path: "z1.yaml", bytes: Array("""
            reviewer: {id: z1, name: 组长, role: chair}
            date: 2026-03-10
            scorecard: jiading-digital-advertising
            evidence: {statistics: {verdict: rejected, reason: 统计口径不一致}}
            """.utf8))
        let input = ApplicationInput(selfReport: SourceFile(path: "self-report.yaml", bytes: Array(text.utf8)), reviews: [chair],
                                     evidence: EvidenceFolder(folder))
        let loaded = AssessmentPipeline(criteria: library).assess(input)
        let a = try XCTUnwrap(loaded.validValue?.results.first)
        // targets.entities reads advertising.entity_growth, derived from advertising.entities, which 'statistics' supports.
        let entities = try XCTUnwrap(a.result.criterion("targets.entities"))
        XCTAssertEqual(entities.status, .unsubstantiated)
        XCTAssertEqual(entities.points, .zero)
        XCTAssertEqual(entities.unsubstantiated?.facts.contains("advertising.entities"), true)
    }

    /// In evaluation, an item with no sha256 counts only once a reviewer accepts it.
    func testAFileWithoutAHashCountsOnlyWhenAccepted() throws {
        func unhashed(_ text: String) -> String {
            text.replacingOccurrences(of: "    sha256: 0f65cceb5b75020e18e9b7ce1d986e7415620b19b03b9e9f112c937f17172b46\n", with: "")
        }
        let unreviewed = try assess([review("p1", "")], edit: unhashed)
        XCTAssertEqual(unreviewed.result.gate("G1")?.status, .unsubstantiated)
        XCTAssertEqual(unreviewed.result.corrections.first?.problem.kind, .unverified)
        let accepted = try assess([review("p1", ""), review("z1", role: "chair", "evidence: {licence: {verdict: accepted, reason: 已核对原件}}")],
                                  edit: unhashed)
        XCTAssertEqual(accepted.result.gate("G1")?.status, .passed)
        XCTAssertEqual(FindingText(messages: TestCatalogue.messages(.zh)).evidenceState(accepted.evidence["licence"], decision: accepted.decision("licence")),
                       "已采信：评审z1（评审，2026-03-05），理由：已核对原件；未登记 sha256")
    }

    /// The preliminary check alone is never a final result.
    func testThePreliminaryCheckAloneAwaitsThePanel() throws {
        let ratings = "ratings: {basic.positioning: 2, talent.system: 2, culture.content: 2}"
        let a = try assess([review("c1", role: "preliminary", date: "2026-02-20", ratings)])
        XCTAssertNil(a.staged?.panel)
        XCTAssertTrue(a.result.isProvisional)
        XCTAssertTrue(a.result.provisionalReasons.contains(.awaitingPanel))
    }

    /// The chair's record decides; a majority it overrules is shown as such, not as one member's finding.
    func testTheChairOverrulingTheMajorityIsSaidSo() throws {
        let reject = "evidence: {tenants: {verdict: rejected, reason: 名录未盖章}}"
        let a = try assess([review("p1", reject), review("p2", reject), review("p3", reject),
                            review("z1", role: "chair", "evidence: {tenants: {verdict: accepted, reason: 已补盖公章}}")])
        XCTAssertEqual(a.result.gate("G2")?.status, .passed)
        XCTAssertEqual(Set(a.staged?.findings.filter { $0.subject == .evidence("tenants") && $0.reviewer.role == .panel }.map(\.standing) ?? []),
                       [.overruledByChair])
    }

    /// Two preliminary findings of the same day that disagree: the stricter stands, whatever the reviewer ids.
    func testSameDayPreliminaryConflictKeepsTheStricterFinding() throws {
        for (a, b) in [("c1", "c2"), ("c2", "c1")] {
            let result = try assess([review(a, role: "preliminary", date: "2026-02-20", "evidence: {licence: {verdict: rejected, reason: 复印件不清}}"),
                                     review(b, role: "preliminary", date: "2026-02-20", "evidence: {licence: accepted}")])
            XCTAssertEqual(result.result.gate("G1")?.status, .unsubstantiated, "\(a) rejects, \(b) accepts")
            XCTAssertEqual(result.staged?.findings.first { $0.reviewer.id == b }?.standing, .sameDayConflict)
        }
        // A later day's acceptance without a reason does not reverse the rejection either.
        let later = try assess([review("c1", role: "preliminary", date: "2026-02-20", "evidence: {licence: {verdict: rejected, reason: 复印件不清}}"),
                                review("c2", role: "preliminary", date: "2026-02-21", "evidence: {licence: accepted}")])
        XCTAssertEqual(later.result.gate("G1")?.status, .unsubstantiated)
    }

    /// An acceptance cannot cure a file that fails its hash.
    func testAcceptingAFileThatFailsItsHashDoesNotCount() throws {
        let a = try assess([review("z1", role: "chair", "evidence: {licence: {verdict: accepted, reason: 认可}}")]) {
            $0.replacingOccurrences(of: "0f65cceb5b75020e18e9b7ce1d986e7415620b19b03b9e9f112c937f17172b46",
                                    with: "0000000000000000000000000000000000000000000000000000000000000000")
        }
        XCTAssertEqual(a.result.gate("G1")?.status, .unsubstantiated)
        XCTAssertEqual(a.staged?.findings.first?.standing, .fileProblem)
    }

    /// Narrowing a run to one scorecard sets the other scorecards' reviews aside; a scorecard nobody reviewed stays a
    /// self-assessment.
    func testReviewsOfAnotherAppliedScorecardAreSetAside() throws {
        let two = { (text: String) in
            text.replacingOccurrences(of: "applies_to: [beijing-digital-advertising-park]",
                                      with: "applies_to: [beijing-digital-advertising-park, jiading-digital-advertising]")
        }
        let text = two(try String(contentsOfFile: folder + "/self-report.yaml", encoding: .utf8))
        let input = ApplicationInput(selfReport: SourceFile(path: "self-report.yaml", bytes: Array(text.utf8)), reviews: [try file("chair")],
                                     evidence: EvidenceFolder(folder))
        let narrowed = AssessmentPipeline(criteria: library).assess(input, options: AssessmentOptions(scorecards: ["jiading-digital-advertising"]))
        XCTAssertNotNil(narrowed.validValue)
        let messages = narrowed.diagnostics.map(TestCatalogue.en.text(of:))
        XCTAssertTrue(messages.contains("review of scorecard 'beijing-digital-advertising-park' set aside: this run assesses jiading-digital-advertising"), "\(messages)")
        XCTAssertTrue(messages.contains("no review is of scorecard 'jiading-digital-advertising': it is scored as a self-assessment"), "\(messages)")
        XCTAssertFalse(narrowed.diagnostics.hasErrors)
        XCTAssertEqual(narrowed.validValue?.results.first?.mode, .selfAssessment)
        let both = AssessmentPipeline(criteria: library).assess(input)
        XCTAssertEqual(both.validValue?.results.map(\.mode), [.evaluation, .selfAssessment])
    }
}
