import ParkScore
import ParkScoreIO
import XCTest

/// Small dictionaries, scorecards and self-reports written inline, loaded through the real loaders.
enum Fixtures {
    static let dictionaryYAML = """
    facts:
      flag: {type: boolean, zh: 标志}
      ok: {type: boolean, zh: 合格}
      a: {type: integer, zh: 甲}
      b: {type: integer, zh: 乙}
      share: {type: percent, zh: 占比}
      tech: {type: list, zh: 技术, values: [x, y, z]}
      rev: {type: money, zh: 收入}
      kind: {type: enum, zh: 类型, values: [park, base]}
      since: {type: date, zh: 成立日期}
      tenants.total: {type: integer, zh: 入驻单位总数}
      tenants.related: {type: integer, zh: 关联单位, at_most: tenants.total}
    """

    static let scorecardYAML = """
    id: test-card
    version: 1.0.0
    title: {zh: 测试评分表, en: Test scorecard}
    source: {file: test.txt, title: 测试文本, jurisdiction: {zh: 测试市, en: Test City}}
    scoring_model: weighted-dimensions
    grades:
      - {id: A, title: {zh: 优秀, en: Excellent}, min: 80, max: 100}
      - {id: B, title: {zh: 良好, en: Good}, min: 60, max: 80}
      - {id: C, title: {zh: 合格, en: Pass}, min: 0, max: 60}
    gates:
      - id: g.flag
        title: 标志
        clause: {ref: 一, quote: 标志}
        basis: text
        when: flag
        on_fail: ineligible
      - id: g.cap
        title: 合格
        clause: {ref: 一, quote: 合格}
        basis: proposal
        when: ok
        on_fail: {cap_grade: B}
    dimensions:
      - id: d1
        title: 维度一
        weight: 60
        criteria:
          - id: c.check
            kind: check
            title: 核查
            clause: {ref: 二, quote: 核查}
            when: b >= 10
            points: 4
            evidence: 证明
          - id: c.bands
            kind: scale
            title: 分档
            clause: {ref: 二, quote: 分档}
            value: a
            bands: [{min: 10, points: 6}, {min: 5, points: 3}]
          - id: c.linear
            kind: scale
            title: 线性
            clause: {ref: 二, quote: 线性}
            value: share
            percent: true
            linear: {from: 20%, to: 60%}
            points: 5
      - id: d2
        title: 维度二
        weight: 30
        criteria:
          - id: c.list
            kind: checklist
            title: 清单
            clause: {ref: 三, quote: 清单}
            cap: 5
            items:
              - {id: x, title: X, when: 'contains(tech, "x")', points: 2}
              - {id: y, title: Y, when: 'contains(tech, "y")', points: 2}
              - {id: z, title: Z, when: 'contains(tech, "z")', points: 2}
          - id: c.judged
            kind: judged
            title: 评议
            clause: {ref: 三, quote: 评议}
            levels:
              - {level: 0, points: 0, descriptor: 无}
              - {level: 1, points: 2, descriptor: 有}
              - {level: 2, points: 5, descriptor: 好}
          - id: c.na
            kind: check
            title: 可不适用
            clause: {ref: 三, quote: 可不适用}
            when: flag
            points: 3
            allow_na: true
      - id: d3
        title: 维度三
        weight: 10
        criteria:
          - id: c.opt
            kind: check
            title: 可选
            clause: {ref: 四, quote: 可选}
            when: flag
            points: 2
            allow_na: true
    incentives:
      - id: s.once
        title: 一次性资助
        clause: {ref: 五, quote: 一次性资助}
        beneficiary: park
        when: flag
        cap: 3000000
        period: once
      - id: s.rate
        title: 活动资助
        clause: {ref: 五, quote: 活动资助}
        beneficiary: tenants
        base: rev
        rate: 50%
        cap: 1000000
        period: once
      - id: s.rent
        title: 房租补贴
        clause: {ref: 五, quote: 房租补贴}
        beneficiary: tenants
        when: a >= 1
        base: rev * 2
        cap: a * 700000
        period: year
        years: 3
    """

    static func dictionary(_ yaml: String = dictionaryYAML) -> FactDictionary {
        let loaded = FactDictionaryLoader.decode(SourceFile(path: "facts.yaml", bytes: Array(yaml.utf8)))
        precondition(!loaded.hasErrors, "\(loaded.diagnostics)")
        return loaded.value!
    }

    static func scorecardLoad(_ yaml: String, dictionary: FactDictionary = dictionary()) -> Loaded<Scorecard> {
        ScorecardLoader.decode(SourceFile(path: "card.yaml", bytes: Array(yaml.utf8)), dictionary: dictionary)
    }

    static func scorecard(_ yaml: String = scorecardYAML, dictionary: FactDictionary = dictionary()) -> Scorecard {
        let loaded = scorecardLoad(yaml, dictionary: dictionary)
        precondition(!loaded.hasErrors, "\(loaded.diagnostics)")
        return loaded.value!
    }

    static func reportLoad(_ yaml: String, dictionary: FactDictionary = dictionary(), scorecards: [Scorecard] = []) -> Loaded<SelfReport> {
        SelfReportLoader.decode(SourceFile(path: "report.yaml", bytes: Array(yaml.utf8)), dictionary: dictionary, scorecards: scorecards)
    }

    static func report(_ yaml: String, dictionary: FactDictionary = dictionary()) -> SelfReport {
        let loaded = reportLoad(yaml, dictionary: dictionary)
        precondition(!loaded.hasErrors, "\(loaded.diagnostics)")
        return loaded.value!
    }

    /// A self-report with these lines under `facts:` and this `self_assessment` for test-card.
    static func reportYAML(facts: String, assessment: String = "", evidence: String = "") -> String {
        var s = """
        park: {name: 测试园区}
        period: {from: 2025-01-01, to: 2025-12-31}
        facts:

        """
        s += facts.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") + "\n"
        if !assessment.isEmpty {
            s += "self_assessment:\n  test-card:\n" + assessment.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n") + "\n"
        }
        if !evidence.isEmpty { s += "evidence:\n" + evidence + "\n" }
        return s
    }
}

func r(_ n: Int, _ d: Int = 1) -> Rational { Rational(n, d)! }
