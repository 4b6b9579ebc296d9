@testable import ParkScore
import ParkScoreTestSupport
import XCTest

/// The next-grade path's greedy choice against an exhaustive search: on random lists of up to 10 steps, it closes the
/// gap whenever some set does, its cost is the least of every subset that closes it, and its gains are the largest of
/// the sets of that cost.
final class CheapestPathTests: XCTestCase {
    typealias Step = (effort: Improvement.Effort, gain: Rational)

    /// Steps of each class, from the costliest down: what "cheapest" compares, first element first.
    func cost(_ set: [Int], _ steps: [Step]) -> [Int] {
        Improvement.Effort.allCases.reversed().map { effort in set.filter { steps[$0].effort == effort }.count }
    }

    func sum(_ set: [Int], _ steps: [Step]) -> Rational { set.reduce(Rational.zero) { $0.adding(steps[$1].gain)! } }

    func testGreedyIsTheCheapestOfEverySubset() {
        var random = SplitMix(seed: 12)
        for round in 0..<1500 {
            let count = Int.random(in: 0...10, using: &random)
            let steps: [Step] = (0..<count).map { _ in
                (Improvement.Effort.allCases.randomElement(using: &random)!, Rational(Int.random(in: 1...40, using: &random), 4)!)
            }
            let needed = Rational(Int.random(in: -4...200, using: &random), 8)!
            let log = ArithmeticLog()
            let greedy = CheapestPath.steps(steps, needed: needed, log: log)
            XCTAssertEqual(log.problems, [])

            var best: (cost: [Int], gain: Rational)?
            for mask in 0..<(1 << count) {
                let set = (0..<count).filter { mask & (1 << $0) != 0 }
                let gain = sum(set, steps)
                guard gain >= needed else { continue }
                let c = cost(set, steps)
                if let b = best, b.cost.lexicographicallyPrecedes(c) || (b.cost == c && gain <= b.gain) { continue }
                best = (c, gain)
            }
            guard let best else {
                XCTAssertNil(greedy, "round \(round): \(steps) needed \(needed)")
                continue
            }
            guard let greedy else { return XCTFail("round \(round): no path, but \(best.cost) closes \(needed) in \(steps)") }
            if needed <= .zero { XCTAssertEqual(greedy, [], "round \(round)") }
            XCTAssertGreaterThanOrEqual(sum(greedy, steps), needed, "round \(round)")
            XCTAssertEqual(cost(greedy, steps), best.cost, "round \(round): \(steps) needed \(needed)")
            XCTAssertEqual(sum(greedy, steps), best.gain, "round \(round): \(steps) needed \(needed)")
            XCTAssertEqual(greedy, greedy.sorted())
        }
    }
}
