import ParkScore
import ParkScoreIO
import ParkScoreTestSupport
import XCTest

/// Improvements ranked by effort, then by points; the next-grade path as the cheapest set of steps; no empty action
/// line (issue 12, item 5). Every expected number is worked by hand from the scorecard in the comments.
final class ImprovementEffortTests: XCTestCase {
    let dictionary = Fixtures.dictionary()
    lazy var scorecard = Fixtures.scorecard(dictionary: dictionary)
    lazy var engine = ScoringEngine(dictionary: dictionary)

    func score(facts: String, assessment: String = "", options: ScoringOptions = ScoringOptions()) -> ScoreResult {
        let report = Fixtures.report(Fixtures.reportYAML(facts: facts, assessment: assessment), dictionary: dictionary)
        return engine.score(report, against: scorecard, options: options)
    }

    let notApplicable = """
    not_applicable:
      c.na: 本园区不涉及
      c.opt: 本园区不涉及
    """

    // MARK: The case, on the real Zhejiang scorecard

    /// A provincial base one missing figure short of grade A. Worked from Criteria/zhejiang-audiovisual-base.yaml:
    /// - planning 15: plan 4 + targets 3 + incubator 4 + special fund 2 = 13 of 13 → 15
    /// - agglomeration 20: chain 4 of 7 (no directory), firms 3 + 2 + 3 = 8 of 10 (specialized_firms missing), focus
    ///   self-rated 3 → 6 of 6: 18 of 23 → 20 × 18/23 = 360/23
    /// - technology 20: 8 + 4 + 6 = 18 of 18 → 20
    /// - talent 10: teams 1 → 2 of 4, training 3 × 5/12 = 5/4 of 3, forums 3: 25/4 of 10 → 25/4
    /// - digital 10: 5 + 5 of 10 → 10
    /// - exchange 10: four items of six, 8 of 12 → 20/3
    /// - standing 15: level 3 of 6 (provincial), statistics 3 of 3, party 3: 9 of 12 → 45/4
    /// total = 15 + 360/23 + 20 + 25/4 + 10 + 20/3 + 45/4 = 84.8188… → 84.82, grade B; A from 85: 0.18 short.
    static let oneFigureShortOfA = """
    park: {id: one-figure-short, name: 差一项数据园区}
    period: {from: 2025-01-01, to: 2025-12-31}
    applies_to: [zhejiang-audiovisual-base]
    facts:
      management: {development_plan: true, annual_targets: true, statistics: [statistics_staff, data_reporting, analysis_reports], party_organization: true}
      incubator.exists: true
      finance.special_fund_applied: true
      industry: {chain_map: true, investment_directory: false}
      tenants: {leading_firms: 2, gazelle_firms: 1, high_tech_firms: 8}
      tech.digital_technologies: [big_data, cloud_computing, artificial_intelligence, 5g, vr, ar]
      research: {projects: 4, platforms: 2}
      talent: {high_level_teams: 1, training_sessions: 5, forums: 5}
      services: {digital_platform: true, research_partners: 5}
      exchange: {international_fairs: true, joint_booth: false, brand_festival: true, overseas_projects: 0, cloud_trading_platform: true, base_cooperation: true}
      park.level: provincial
    self_assessment:
      zhejiang-audiovisual-base:
        ratings: {agglomeration.focus: 3}
    """

    func testEnteringTheMissingFigureComesBeforeNationalAccreditation() throws {
        let dictionary = try Repository.dictionary()
        let card = try Repository.scorecard("zhejiang-audiovisual-base", dictionary: dictionary)
        let loaded = SelfReportLoader.decode(SourceFile(path: "self-report.yaml", bytes: Array(Self.oneFigureShortOfA.utf8)),
                                             dictionary: dictionary, scorecards: [card])
        XCTAssertEqual(loaded.diagnostics.filter { $0.severity == .error }, [])
        let report = try XCTUnwrap(loaded.value)
        let result = ScoringEngine(dictionary: dictionary).score(report, against: card)
        XCTAssertEqual(result.total, r(8482, 100))
        XCTAssertEqual(result.grade?.id, "B")

        // Gains at full marks: firms 20 × 2/23 = 40/23 (+1.74, data); exchange.channels 10 × 4/12 = 10/3;
        // agglomeration.chain 20 × 3/23 = 60/23; talent.teams 10 × 2/10 = 2; talent.training 10 × (3 − 5/4)/10 = 7/4
        // (changes, by gain); standing.level 15 × 3/12 = 15/4 (+3.75, national accreditation, which the scorecard marks
        // `effort: recognition`), last though its gain is the largest.
        XCTAssertEqual(result.improvements.map(\.criterionID),
                       ["agglomeration.firms", "exchange.channels", "agglomeration.chain", "talent.teams", "talent.training", "standing.level"])
        XCTAssertEqual(result.improvements.map(\.gain), [r(40, 23), r(10, 3), r(60, 23), r(2), r(7, 4), r(15, 4)])
        XCTAssertEqual(result.improvements.map(\.effort), [.data, .change, .change, .change, .change, .recognition])
        XCTAssertEqual(result.improvements[0].action, .provideData(["tenants.specialized_firms"]))
        XCTAssertEqual(result.improvements[5].action, .addItems(["national"]))

        // 85 − 84.82 = 0.18; entering the one figure (+40/23 ≥ 0.18) closes it: national accreditation is not needed.
        XCTAssertEqual(result.nextGrade?.target.id, "A")
        XCTAssertEqual(result.nextGrade?.pointsNeeded, r(18, 100))
        XCTAssertEqual(result.nextGrade?.criteria, ["agglomeration.firms"])
        XCTAssertEqual(result.nextGrade?.isReachable, true)

        let zh = ResultText(messages: TestCatalogue.messages(.zh)).render(result, scorecard: card, report: report)
        XCTAssertTrue(zh.contains("  1. +1.74 agglomeration.firms 龙头、“瞪羚”、高新技术、“专精特新”企业 — 补充数据：tenants.specialized_firms\n"), zh)
        XCTAssertTrue(zh.contains("  最省力路径（1 步）：agglomeration.firms\n"), zh)
        let en = ResultText(messages: TestCatalogue.messages(.en)).render(result, scorecard: card, report: report)
        XCTAssertTrue(en.contains("  cheapest way (1 step): agglomeration.firms\n"), en)
    }

    // MARK: Ranking

    func testImprovementsAreRankedByEffortThenByGain() {
        // Test card, c.na and c.opt N/A: d1 counts 60/90 × 100 = 200/3, d2 30/90 × 100 = 100/3.
        // b missing: c.check missing data, gain 4/15 × 200/3 = 160/9 (data).
        // c.linear (5 − 1.875)/15 × 200/3 = 125/9, c.bands (6 − 3)/15 × 200/3 = 40/3, c.list (5 − 4)/10 × 100/3 = 10/3
        // (change); c.judged self-rated 1: (5 − 2)/10 × 100/3 = 10 (reach a level, the costliest class).
        // By points alone c.judged (10) would come before c.list (10/3).
        let facts = """
        flag: true
        ok: true
        a: 7
        share: 35%
        tech: [x, z]
        """
        let result = score(facts: facts, assessment: "ratings: {c.judged: 1}\n" + notApplicable)
        XCTAssertEqual(result.improvements.map(\.criterionID), ["c.check", "c.linear", "c.bands", "c.list", "c.judged"])
        XCTAssertEqual(result.improvements.map(\.gain), [r(160, 9), r(125, 9), r(40, 3), r(10, 3), r(10)])
        XCTAssertEqual(result.improvements.map(\.effort), [.data, .change, .change, .change, .recognition])
    }

    func testEvidenceAndRatingComeBetweenDataAndChanges() {
        // Evaluation, no evidence listed: c.check (b = 12 ≥ 10, 4 points) is withheld: gain 4/15 × 200/3 = 160/9
        // (evidence); a missing: c.bands gain 6/15 × 200/3 = 80/3 (data); c.judged unrated: 5/10 × 100/3 = 50/3
        // (rating); c.linear 125/9 and c.list 10/3 (change).
        let facts = """
        flag: true
        ok: true
        b: 12
        share: 35%
        tech: [x, z]
        """
        let result = score(facts: facts, assessment: notApplicable, options: ScoringOptions(mode: .evaluation))
        XCTAssertEqual(result.improvements.map(\.criterionID), ["c.bands", "c.check", "c.judged", "c.linear", "c.list"])
        XCTAssertEqual(result.improvements.map(\.effort), [.data, .evidence, .rating, .change, .change])
        XCTAssertEqual(result.improvements.map(\.gain), [r(80, 3), r(160, 9), r(50, 3), r(125, 9), r(10, 3)])
    }

    // MARK: The next-grade path

    func testTwoChangesBeatOneHigherRubricLevel() {
        // a 12 → bands 6, b 12 → check 4, share 35% → linear 15/8: d1 = 200/3 × (95/8)/15 = 475/9;
        // tech [x, z] → list 4, c.judged self-rated 0 → 0: d2 = 100/3 × 4/10 = 40/3.
        // total = 475/9 + 120/9 = 595/9 = 66.11… → 66.11 (B); A from 80: 13.89 short.
        // c.judged to level 2 alone (+50/3 = 16.67) would close it, but reaching a rubric level is the costliest class;
        // c.linear (+125/9 = 13.888…) falls 0.0011 short alone, so c.list (+10/3) is the second change.
        let facts = """
        flag: true
        ok: true
        a: 12
        b: 12
        share: 35%
        tech: [x, z]
        """
        let result = score(facts: facts, assessment: "ratings: {c.judged: 0}\n" + notApplicable)
        XCTAssertEqual(result.total, r(6611, 100))
        XCTAssertEqual(result.improvements.map(\.criterionID), ["c.linear", "c.list", "c.judged"])
        XCTAssertEqual(result.nextGrade?.target.id, "A")
        XCTAssertEqual(result.nextGrade?.pointsNeeded, r(1389, 100))
        XCTAssertEqual(result.nextGrade?.criteria, ["c.linear", "c.list"])
        XCTAssertEqual(result.nextGrade?.isReachable, true)
    }

    func testDataBeforeChangesAndOneChangeBeforeARubricLevel() {
        // The test card, c.na and c.opt N/A (d1 counts 200/3, d2 100/3); b missing throughout: c.check is missing data,
        // +4/15 × 200/3 = 160/9 = 17.78 (data).

        // 1. a 0 → bands 0 of 6 (+80/3 = 26.67, change), share 60% → linear 5 of 5, tech [x, z] → list 4 (+10/3),
        //    c.judged 2 → 5 of 5. d1 = 200/3 × 5/15 = 200/9, d2 = 100/3 × 9/10 = 30; total = 470/9 = 52.22 (C),
        //    B from 60: 7.78 short. Entering b (+17.78) closes it; by points alone the path was c.bands, a change.
        let dataCloses = score(facts: "flag: true\nok: true\na: 0\nshare: 60%\ntech: [x, z]",
                               assessment: "ratings: {c.judged: 2}\n" + notApplicable)
        XCTAssertEqual(dataCloses.total, r(5222, 100))
        XCTAssertEqual(dataCloses.nextGrade?.pointsNeeded, r(778, 100))
        XCTAssertEqual(dataCloses.nextGrade?.criteria, ["c.check"])

        // 2. a 0, share 35% → linear 15/8 (+125/9 = 13.89): d1 = 200/3 × (15/8)/15 = 25/3, total = 25/3 + 30 = 115/3
        //    = 38.33 (C), 21.67 short. Data alone (17.78) falls short, so one change is needed; the largest, c.bands
        //    (+26.67), closes the gap by itself, and then no data entry is needed.
        let oneChange = score(facts: "flag: true\nok: true\na: 0\nshare: 35%\ntech: [x, z]",
                              assessment: "ratings: {c.judged: 2}\n" + notApplicable)
        XCTAssertEqual(oneChange.total, r(3833, 100))
        XCTAssertEqual(oneChange.nextGrade?.pointsNeeded, r(2167, 100))
        XCTAssertEqual(oneChange.nextGrade?.criteria, ["c.bands"])

        // 3. a 5 → bands 3 of 6 (+40/3 = 13.33), share 35% (+125/9 = 13.89), tech [x, z] (+10/3), c.judged 0 (+50/3 =
        //    16.67, a rubric level). d1 = 200/3 × (3 + 15/8)/15 = 65/3, d2 = 100/3 × 4/10 = 40/3; total = 35.00 (C),
        //    25 short to B. All the cheaper steps (17.78 + 13.89 + 13.33 + 3.33 = 48.33) can close it, so no
        //    rubric level; data alone cannot, so one change, the largest (c.linear): 25 − 13.89 = 11.11 ≤ 17.78, and the
        //    data entry closes the rest. By points alone the path was c.check then c.judged (a rubric level).
        let mixed = score(facts: "flag: true\nok: true\na: 5\nshare: 35%\ntech: [x, z]",
                          assessment: "ratings: {c.judged: 0}\n" + notApplicable)
        XCTAssertEqual(mixed.total, r(35))
        XCTAssertEqual(mixed.nextGrade?.pointsNeeded, r(25))
        XCTAssertEqual(mixed.nextGrade?.criteria, ["c.check", "c.linear"])
        XCTAssertEqual(mixed.improvements.map(\.criterionID), ["c.check", "c.linear", "c.bands", "c.list", "c.judged"])
    }

    func testAnOutOfReachBandNamesNoPath() {
        // Evaluation. e1 (verified) supports b: c.check 4 of 4. e2 supports share and fails its hash: c.linear's
        // 5 × (21% − 20%)/40% = 1/8 point is withheld, and supplying the evidence restores only that: +200/3 × (1/8)/15
        // = 5/9. a 12 → 6, tech [x, y, z] → 5, c.judged rated 2 → 5.
        // d1 = 200/3 × (4 + 6 + 0)/15 = 400/9, d2 = 100/3; total = 700/9 = 77.78 (B); A from 80: 2.22 short, and the
        // only gain, 5/9 = 0.56, cannot close it: no path, out of reach on points.
        let facts = """
        flag: true
        ok: true
        a: 12
        b: 12
        share: 21%
        tech: [x, y, z]
        """
        let evidence = """
          - {id: e1, title: 证明, file: evidence/e1.pdf, supports: [b]}
          - {id: e2, title: 占比, file: evidence/e2.pdf, supports: [share]}
        """
        let report = Fixtures.report(Fixtures.reportYAML(facts: facts, assessment: notApplicable, evidence: evidence),
                                     dictionary: dictionary)
        var options = ScoringOptions(mode: .evaluation, evidenceFiles: ["e1": .verified, "e2": .hashMismatch])
        options.ratings = ["c.judged": ScoringOptions.Rating(level: r(2), points: r(5))]
        let result = engine.score(report, against: scorecard, options: options)
        XCTAssertEqual(result.total, r(7778, 100))
        XCTAssertEqual(result.improvements.map(\.criterionID), ["c.linear"])
        XCTAssertEqual(result.improvements.map(\.gain), [r(5, 9)])
        XCTAssertEqual(result.nextGrade?.target.id, "A")
        XCTAssertEqual(result.nextGrade?.pointsNeeded, r(222, 100))
        XCTAssertEqual(result.nextGrade?.isReachable, false)
        XCTAssertEqual(result.nextGrade?.criteria, [])
        let zh = ResultText(messages: TestCatalogue.messages(.zh)).render(result, scorecard: scorecard, report: report)
        XCTAssertTrue(zh.contains("  全部评分项满分仍不足，按分数无法达到该等级\n"), zh)
        XCTAssertFalse(zh.contains("最省力路径"), zh)
    }

    // MARK: A scorecard's stated effort

    func testAScorecardMarksAnAccreditationAsRecognition() {
        // c.check marked `effort: recognition`: its "meet the condition" step is the costliest class.
        // baseline test card, b 9 → c.check 0 of 4 (+160/9 = 17.78), a 12, share 60%, tech [x, y, z], c.judged 2:
        // d1 = 200/3 × 11/15 = 440/9, d2 = 100/3; total = 740/9 = 82.22 (A). Ranked: nothing but c.check.
        let text = Fixtures.scorecardYAML.replacingOccurrences(of: "        when: b >= 10\n        points: 4\n",
                                                               with: "        when: b >= 10\n        points: 4\n        effort: recognition\n")
        XCTAssertNotEqual(text, Fixtures.scorecardYAML)
        let marked = Fixtures.scorecard(text, dictionary: dictionary)
        XCTAssertEqual(marked.criterion("c.check")?.effort, .recognition)
        let facts = "flag: true\nok: true\na: 12\nb: 9\nshare: 60%\ntech: [x, y, z]"
        let report = Fixtures.report(Fixtures.reportYAML(facts: facts, assessment: "ratings: {c.judged: 2}\n" + notApplicable),
                                     dictionary: dictionary)
        let result = engine.score(report, against: marked)
        XCTAssertEqual(result.improvements.map(\.criterionID), ["c.check"])
        XCTAssertEqual(result.improvements.map(\.effort), [.recognition])
        // Missing data stays data, whatever the criterion's stated class.
        let missing = Fixtures.report(Fixtures.reportYAML(facts: facts.replacingOccurrences(of: "b: 9\n", with: ""),
                                                          assessment: "ratings: {c.judged: 2}\n" + notApplicable), dictionary: dictionary)
        XCTAssertEqual(engine.score(missing, against: marked).improvements.map(\.effort), [.data])

        let wrong = Fixtures.scorecardLoad(text.replacingOccurrences(of: "effort: recognition", with: "effort: hard"), dictionary: dictionary)
        XCTAssertEqual(wrong.diagnostics.map { TestCatalogue.en.text(of: $0) },
                       ["'effort' must be 'change' or 'recognition' (the class of the criterion's own steps), not 'hard'"])
    }

    /// Samples/jiading-anting (84.10, B, worked in SampleScoresTests; A from 85: 0.90 short). Gains, from
    /// jiading-digital-advertising: targets weighs 30 over 8 + 12 + 10 = 30 points, 1 a point: becoming a branch of the
    /// national park +8 (marked `effort: recognition`), entity growth 30% → 40% (6 → 12 points) +6; innovation weighs
    /// 20 over 4 + 3 + 5 + 5 + 4 = 21 points: 3 → 5 technologies (3 → 5 points) +2 × 20/21 = 40/21 = 1.90.
    /// By points alone the path was the branch designation. Now no recognition is needed (6 + 1.90 ≥ 0.90) and one
    /// change does: the larger, targets.entities.
    func testJiadingAntingIsNotSentToTheNationalParkForNinetyHundredths() throws {
        let dictionary = try Repository.dictionary()
        let card = try Repository.scorecard("jiading-digital-advertising", dictionary: dictionary)
        let report = try Repository.sample("jiading-anting", dictionary: dictionary, scorecards: [card])
        let result = ScoringEngine(dictionary: dictionary).score(report, against: card)
        XCTAssertEqual(result.total, r(8410, 100))
        XCTAssertEqual(result.improvements.map(\.criterionID), ["targets.entities", "innovation.technologies", "targets.branch"])
        XCTAssertEqual(result.improvements.map(\.gain), [r(6), r(40, 21), r(8)])
        XCTAssertEqual(result.improvements.map(\.effort), [.change, .change, .recognition])
        XCTAssertEqual(result.nextGrade?.pointsNeeded, r(90, 100))
        XCTAssertEqual(result.nextGrade?.criteria, ["targets.entities"])
    }

    // MARK: No empty action line

    func testAnActionWithoutItemsIsWordedWithoutThem() throws {
        let card = scorecard
        for language in LocalizedText.Language.allCases {
            let words = ResultText(messages: TestCatalogue.messages(language))
            let actions: [Improvement.Action] = [
                .addItems([]), .provideData([]), .improveValue(current: nil, target: nil), .improveValue(current: r(3), target: nil),
                .improveValue(current: nil, target: r(5)), .addressOverride(reason: " "),
            ]
            for action in actions {
                let text = words.action(action, scorecard: card, criterion: "c.list")
                XCTAssertFalse(text.isEmpty, "\(action)")
                for ending in ["：", ":", ": ", "?", "、", ", "] {
                    XCTAssertFalse(text.hasSuffix(ending), "\(language) \(action): '\(text)'")
                }
                XCTAssertFalse(text.contains("?"), "\(language) \(action): '\(text)'")
            }
        }
        XCTAssertEqual(ResultText(messages: TestCatalogue.messages(.zh)).action(.addItems([]), scorecard: card, criterion: "c.list"), "补齐该项清单中尚未具备的事项")
        XCTAssertEqual(ResultText(messages: TestCatalogue.messages(.zh)).action(.addItems(["y"]), scorecard: card, criterion: "c.list"), "补齐：Y")
    }

    func testNoSampleHasAnEmptyActionLine() throws {
        let dictionary = try Repository.dictionary()
        for (name, id) in [("beijing-dongling", "beijing-digital-advertising-park"), ("beijing-xinghe", "beijing-digital-advertising-park"),
                           ("jiading-anting", "jiading-digital-advertising"), ("jiading-huating", "jiading-digital-advertising"),
                           ("nanshan-shekou", "nanshan-livestreaming"), ("nanshan-xingchao", "nanshan-livestreaming"),
                           ("shenzhen-guangming", "shenzhen-digital-creative"), ("shenzhen-nanyou", "shenzhen-digital-creative"),
                           ("zhejiang-qiantang", "zhejiang-audiovisual-base"), ("zhejiang-wuzhen", "zhejiang-audiovisual-base")] {
            let card = try Repository.scorecard(id, dictionary: dictionary)
            let report = try Repository.sample(name, dictionary: dictionary, scorecards: [card])
            for mode in [ScoringMode.selfAssessment, .evaluation] {
                let result = ScoringEngine(dictionary: dictionary).score(report, against: card, options: ScoringOptions(mode: mode))
                XCTAssertEqual(result.improvements.map(\.effort), result.improvements.map(\.effort).sorted(), name)
                for improvement in result.improvements {
                    if case .addItems(let items) = improvement.action { XCTAssertFalse(items.isEmpty, name) }
                    if case .provideData(let facts) = improvement.action { XCTAssertFalse(facts.isEmpty, name) }
                    for language in LocalizedText.Language.allCases {
                        let text = ResultText(messages: TestCatalogue.messages(language)).action(improvement.action, scorecard: card, criterion: improvement.criterionID,
                                                                         mode: mode)
                        XCTAssertFalse(text.hasSuffix("：") || text.hasSuffix(": ") || text.hasSuffix(":"), "\(name) \(improvement.criterionID): \(text)")
                    }
                }
            }
        }
    }
}
