import ParkScore
import ParkScoreIO
import ParkScoreTestSupport
import XCTest

/// The auditors' wording of explanation steps (StepText): formula symbols as they are, the words from the catalogue,
/// in Chinese and in English. Expected texts are written by hand from the steps' values.
final class StepTextTests: XCTestCase {
    let zh = TestCatalogue.zh, en = TestCatalogue.en

    func testALinearScaleKeepsItsFormulaAndWordsTheClamp() {
        // 3 points × (24 − 0) / (12 − 0) = 6, clamped to the full 3 points.
        let step = ExplanationStep.linear(points: 3, value: 24, from: 0, to: 12, result: 3, clamped: true, percent: false)
        XCTAssertEqual(step.text(zh), "3 × (24 − 0) / (12 − 0)（限定在 0…1） = 3")
        XCTAssertEqual(step.text(en), "3 × (24 − 0) / (12 − 0) (clamped to 0…1) = 3")
    }

    func testAnAmountOverYears() {
        // A ceiling of ¥700,000 a year for 3 years: ¥2,100,000.
        let step = ExplanationStep.amount(base: nil, rate: nil, cap: 700_000, perPeriod: 700_000, periods: 3, total: 2_100_000)
        XCTAssertEqual(step.text(zh), "最高 ¥700,000 × 3 年 = ¥2,100,000")
        XCTAssertEqual(step.text(en), "up to ¥700,000 × 3 years = ¥2,100,000")
        // ¥1,200,000 × 50% = ¥600,000, under the cap of ¥1,000,000; one year only.
        let once = ExplanationStep.amount(base: 1_200_000, rate: Rational(1, 2), cap: 1_000_000, perPeriod: 600_000, periods: 1, total: 600_000)
        XCTAssertEqual(once.text(zh), "min(¥1,200,000 × 50%, ¥1,000,000) = ¥600,000")
        XCTAssertEqual(once.text(en), "min(¥1,200,000 × 50%, ¥1,000,000) = ¥600,000")
    }

    func testEnglishCountsAreSingularForOne() {
        XCTAssertEqual(ExplanationStep.noYearsLeft(years: 1).text(en), "its 1 year of support is over")
        XCTAssertEqual(ExplanationStep.noYearsLeft(years: 3).text(en), "its 3 years of support are over")
        XCTAssertEqual(ExplanationStep.noYearsLeft(years: 3).text(zh), "3 年支持期已满")
        let step = ExplanationStep.perFirm(table: "firms", firms: 5, eligible: 1, undetermined: 1, total: 700_000)
        XCTAssertEqual(step.text(en), "firm by firm (firms, 5 firms): 1 qualifies, ¥700,000 together; 1 more lacks data, its amount undetermined")
        XCTAssertEqual(step.text(zh), "逐家测算（firms，共 5 家）：1 家符合条件，合计 ¥700,000；另有 1 家缺少数据，金额待定")
    }

    func testRatingsResolutionsAndOverrides() {
        XCTAssertEqual(ExplanationStep.selfRated(level: 2, points: 4).text(zh), "自评等级 2 → 4（暂定）")
        XCTAssertEqual(ExplanationStep.selfRated(level: 2, points: 4).text(en), "self-rated level 2 → 4 (provisional)")
        let resolved = ExplanationStep.resolved(level: 2, aggregate: Rational(5, 3), points: 4, chair: "周组长", reason: "有一定基础")
        XCTAssertEqual(resolved.text(zh), "评审组平均等级 1.67，经组长合议（周组长）确定为等级 2 → 4，理由：有一定基础")
        XCTAssertEqual(resolved.text(en), "the panel's aggregate 1.67; settled by the chair 周组长 at level 2 → 4, because 有一定基础")
        let overridden = ExplanationStep.overridden(old: 3, new: 1, reviewer: "赵初审", reason: "协议到期")
        XCTAssertEqual(overridden.text(zh), "评审调整（赵初审）：3 → 1，理由：协议到期")
        XCTAssertEqual(overridden.text(en), "overridden by 赵初审: 3 → 1, because 协议到期")
    }

    func testEvidenceProblemsAndCodedProblems() {
        let rejected = EvidenceProblem(evidenceID: "tenants", title: "入驻单位名录", kind: .rejected(by: "李评审", reason: "未盖章"))
        XCTAssertEqual(rejected.text(zh), "「入驻单位名录」（tenants）经李评审审核未采信：未盖章")
        XCTAssertEqual(rejected.text(en), "'入驻单位名录' (tenants) rejected by 李评审: 未盖章")
        let none = EvidenceProblem(evidenceID: nil, title: nil, kind: .noneListed(required: LocalizedText(zh: "园区规划", en: "The park plan")))
        let step = ExplanationStep.evidenceNotAccepted(Unsubstantiated(facts: [], problems: [none]))
        XCTAssertEqual(step.text(zh), "证明材料不足以支持该项（未提供所需证明材料：园区规划）→ 0")
        XCTAssertEqual(step.text(en), "the evidence does not hold (no evidence listed where it is required: The park plan) → 0")
        // A problem is worded by the catalogue, in the language of the step around it.
        let problem = ExplanationStep.problem(Message("expression.division-by-zero"))
        XCTAssertEqual(problem.text(zh), "无法计算：除数为零")
        XCTAssertEqual(problem.text(en), "cannot evaluate: division by zero")
    }

    /// Every kind of step, in both languages: nothing missing from the catalogue, Chinese words in Chinese, no
    /// full-width punctuation in English.
    func testEveryStepReadsInItsLanguage() {
        let trace = (try? Expression("3 - 2")).map { ExpressionTrace($0, FactEnvironment()) }
        let steps: [ExplanationStep] = [
            .band(value: 7, min: 5, points: 3, percent: false), .belowBands(value: 4, lowest: 5, percent: false),
            .sum(items: [2, 2, 2], total: 6, cap: 5), .fromParkTotals(table: "firms"), .fromParkTotals(table: nil),
            .accreditation(.eligible), .accreditation(.ineligible), .accreditation(.undetermined),
            .rated(level: 2, points: 4), .selfRatingForReference(level: 2), .notRated(mode: .selfAssessment), .notRated(mode: .evaluation),
            .levelNotInRubric(5), .notApplicableRefused(allowed: true), .notApplicableRefused(allowed: false),
            .resolved(level: 2, aggregate: nil, points: 4, chair: "周组长", reason: "理由"), .perFirm(table: "firms", firms: 2, eligible: 2, undetermined: 0, total: 1),
        ] + (trace.map { [ExplanationStep.yearsLeft($0)] } ?? [])
        for step in steps {
            let chinese = step.text(zh), english = step.text(en)
            XCTAssertFalse(chinese.contains("⟦") || english.contains("⟦"), "\(step)")
            XCTAssertEqual(MessageCatalogueTests.englishWords(in: chinese).filter { $0 != "firms" }, [], chinese)
            XCTAssertNil(english.range(of: "[，：（）；、「」。]", options: .regularExpression), english)
        }
    }
}
