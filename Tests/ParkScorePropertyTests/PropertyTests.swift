import Foundation
import ParkScore
import ParkScoreIO
import PropertyBased
import ParkScoreTestSupport
import Testing

/// Properties checked on generated inputs (swift-property-based): exact arithmetic, three-valued logic, and the
/// engine's invariants on every built-in scorecard.
struct RationalProperties {
    static let small = Gen.int(in: -1_000_000...1_000_000)
    static let positive = Gen.int(in: 1...1_000_000)

    @Test func additionAndMultiplicationAreExact() async {
        await propertyCheck(count: 400, input: Self.small, Self.positive, Self.small, Self.positive) { a, b, c, d in
            let x = Rational(a, b)!, y = Rational(c, d)!
            #expect(x.adding(y)?.subtracting(y) == x)
            if !y.isZero { #expect(x.multiplied(by: y)?.divided(by: y) == x) }
            // a/b + c/d = (ad + cb)/bd, reduced.
            #expect(x.adding(y) == Rational(a * d + c * b, b * d))
        }
    }

    @Test func orderingAgreesWithCrossMultiplication() async {
        await propertyCheck(count: 400, input: Self.small, Self.positive, Self.small, Self.positive) { a, b, c, d in
            #expect((Rational(a, b)! < Rational(c, d)!) == (a * d < c * b))
        }
    }

    @Test func roundingIsHalfAwayFromZero() async {
        // n/1000 to two places: the third decimal decides, 5 rounds away from zero.
        await propertyCheck(count: 400, input: Gen.int(in: -10_000_000...10_000_000)) { n in
            let text = Rational(n, 1000)!.fixed(places: 2)
            let magnitude = abs(n)
            var hundredths = magnitude / 10
            if magnitude % 10 >= 5 { hundredths += 1 }
            let expected = (n < 0 && hundredths != 0 ? "-" : "") + "\(hundredths / 100)." + String(format: "%02d", hundredths % 100)
            #expect(text == expected)
        }
    }
}

struct LogicProperties {
    enum Truth: CaseIterable, Sendable { case yes, no, unknown }

    static func value(_ t: Truth) -> Value {
        switch t {
        case .yes: return .bool(true)
        case .no: return .bool(false)
        case .unknown: return .unknown(missing: ["u"])
        }
    }

    /// Kleene's strong three-valued logic, as the README states it.
    static func and(_ a: Truth, _ b: Truth) -> Truth { a == .no || b == .no ? .no : (a == .yes && b == .yes ? .yes : .unknown) }
    static func or(_ a: Truth, _ b: Truth) -> Truth { a == .yes || b == .yes ? .yes : (a == .no && b == .no ? .no : .unknown) }

    static func truth(_ v: Value) -> Truth? {
        switch v {
        case .bool(true): return .yes
        case .bool(false): return .no
        case .unknown: return .unknown
        default: return nil
        }
    }

    @Test func andOrNotFollowKleene() async throws {
        let truths = Gen.element(of: Truth.allCases).compactMap { $0 }
        await propertyCheck(count: 200, input: truths, truths, truths) { a, b, c in
            let environment = FactEnvironment(values: ["a": Self.value(a), "b": Self.value(b), "c": Self.value(c)])
            let expression = try! Expression("(a and b) or not c")
            let notC: Truth = c == .yes ? .no : (c == .no ? .yes : .unknown)
            #expect(Self.truth(expression.value(in: environment)) == Self.or(Self.and(a, b), notC))
        }
    }
}

/// The engine on random facts for every built-in scorecard.
struct EngineProperties {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let library = CriteriaLibrary.open(CriteriaCatalog(directory: root.appendingPathComponent("Criteria").path)).validValue!
    static let scorecards = library.builtInScorecards().value!.map(\.scorecard)

    /// A value of a fact's type; a table gets up to four records with some fields left out.
    static func value(of type: FactType, _ generator: inout SplitMix) -> Value? {
        let n = Int(generator.next() % 200)
        switch type {
        case .boolean: return .bool(n % 2 == 0)
        case .integer: return .number(Rational(n))
        case .number: return .number(Rational(n, 3)!)
        case .percent: return .number(Rational(n % 101, 100)!)
        case .money: return .number(Rational(n * 10_000))
        case .date: return .date("202\(n % 6)-0\(1 + n % 9)-1\(n % 10)")
        case .text: return .text("文本\(n)")
        case .enumeration(let allowed): return allowed.isEmpty ? nil : .text(allowed[n % allowed.count])
        case .list(let allowed):
            let items = (allowed ?? ["甲", "乙", "丙"]).filter { _ in generator.next() % 2 == 0 }
            return .list(items.map(Value.text))
        case .records(let schema):
            var records: [Value] = []
            for _ in 0..<(n % 5) {
                var fields: [String: Value] = [:]
                for field in schema.fields where generator.next() % 6 != 0 {
                    fields[field.name] = value(of: field.type, &generator)
                }
                records.append(.record(fields))
            }
            return .list(records)
        }
    }

    /// A report giving each fact a scorecard reads a value of its type, chosen by `seed`; some left out.
    static func report(for scorecard: Scorecard, seed: UInt64) -> SelfReport {
        var generator = SplitMix(seed: seed)
        var facts: [String: FactEntry] = [:]
        for key in scorecard.factKeys {
            guard let type = library.dictionary.type(of: key), generator.next() % 5 != 0 else { continue }
            if let value = value(of: type, &generator) { facts[key] = FactEntry(value) }
        }
        // related counts never above their totals (the dictionary's at_most), so reports stay valid.
        for (key, definition) in library.dictionary.definitions {
            if let bound = definition.atMost, case .number(let v)? = facts[key]?.value, case .number(let b)? = facts[bound]?.value, b < v {
                facts[key] = FactEntry(.number(b))
            }
        }
        return SelfReport(park: ParkProfile(name: "随机园区"), period: ReportingPeriod(from: "2025-01-01", to: "2025-12-31"), facts: facts)
    }

    @Test func totalsStayWithinBoundsAndAddUp() async {
        await propertyCheck(count: 150, input: Gen.int(in: 0...Int.max)) { seed in
            for scorecard in Self.scorecards {
                let result = ScoringEngine(dictionary: Self.library.dictionary).score(Self.report(for: scorecard, seed: UInt64(seed)), against: scorecard)
                #expect(result.arithmeticProblems.isEmpty)
                #expect(Rational.zero <= result.total && result.total <= Rational(100))
                let sum = result.dimensions.reduce(Rational.zero) { $0.adding($1.score)! }
                #expect(sum.rounded(places: 2) == result.total, "dimension scores add up to the total")
                for criterion in result.criteria where criterion.status != .notApplicable {
                    #expect(.zero <= criterion.points && criterion.points <= criterion.maxPoints)
                }
            }
        }
    }

    @Test func moreOfAGoodNumberNeverLowersAScale() async {
        // Scales on a bare fact whose bands pay more for more (or linear ones): raising the fact never lowers points.
        await propertyCheck(count: 100, input: Gen.int(in: 0...Int.max), Gen.int(in: 1...50)) { seed, step in
            for scorecard in Self.scorecards {
                let base = Self.report(for: scorecard, seed: UInt64(seed))
                let engine = ScoringEngine(dictionary: Self.library.dictionary)
                let before = engine.score(base, against: scorecard)
                for criterion in scorecard.criteria {
                    guard case .scale(let scale) = criterion.kind, case .fact(let key) = scale.value.root.kind,
                          case .number(let v)? = base.facts[key]?.value, Self.isIncreasing(scale) else { continue }
                    var more = base
                    let raised = v.adding(Rational(step))!
                    if case .percent? = Self.library.dictionary.type(of: key), Rational(1) < raised { continue }
                    more.facts[key] = FactEntry(.number(raised))
                    let after = engine.score(more, against: scorecard)
                    #expect((after.criterion(criterion.id)?.points ?? .zero) >= (before.criterion(criterion.id)?.points ?? .zero),
                            "\(scorecard.id) \(criterion.id)")
                }
            }
        }
    }

    static func isIncreasing(_ scale: Scale) -> Bool {
        switch scale.mapping {
        case .linear(let from, let to, _): return from < to
        case .bands(let bands):
            let sorted = bands.sorted { $0.min < $1.min }
            return zip(sorted, sorted.dropFirst()).allSatisfy { $0.points <= $1.points }
        }
    }
}

