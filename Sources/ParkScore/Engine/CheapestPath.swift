/// The next-grade path: the cheapest set of improvement steps whose gains close a gap.
///
/// Cheapest is lexicographic over effort classes, costliest first: fewest `.recognition` steps, then fewest `.change`
/// steps, … down to fewest `.data` steps; a step of one class costs more than any number of steps of cheaper classes.
/// Among the sets of that least cost, the one with the largest gains.
///
/// Greedy by class, costliest first, exact: with R the points still needed and L the sum of every gain of the cheaper
/// classes, class c takes its k largest gains for the least k with (sum of those k) + L ≥ R, and R drops by their sum.
/// Why it is optimal: any set that closes the gap with j steps of c gets at most the j largest gains of c and at most L
/// from below, so j ≥ k; and swapping its c-steps for the k largest leaves it closing the gap with no more cheaper steps
/// (the cheaper classes' fewest steps never grow as R shrinks), so by induction down the classes the greedy choice is at
/// least as cheap as any other, and its gains in each class are the largest that many can be. A sort and a pass: no
/// search, no cap. `CheapestPathTests` checks it against every subset of random small lists.
enum CheapestPath {
    /// Indices into `steps` of the cheapest set whose gains (all positive) add up to `needed`, ascending; empty when
    /// nothing is needed; nil when all of them together fall short.
    static func steps(_ steps: [(effort: Improvement.Effort, gain: Rational)], needed: Rational, log: ArithmeticLog) -> [Int]? {
        guard needed > .zero else { return [] }
        let classes = Array(Improvement.Effort.allCases)
        var below: [Rational] = []  // the sum of every gain of the cheaper classes, in the classes' order
        var running = Rational.zero
        for effort in classes {
            below.append(running)
            for step in steps where step.effort == effort { running = log.add(running, step.gain, at: ArithmeticProblem.nextGrade) }
        }
        guard running >= needed else { return nil }
        var remaining = needed
        var chosen: [Int] = []
        for (position, effort) in classes.enumerated().reversed() where remaining > .zero {
            let cheaper = below[position]
            // Largest gains first; equal gains in list order.
            let inClass = steps.indices.filter { steps[$0].effort == effort }
                .sorted { steps[$0].gain != steps[$1].gain ? steps[$1].gain < steps[$0].gain : $0 < $1 }
            for i in inClass {
                guard log.subtract(remaining, cheaper, at: ArithmeticProblem.nextGrade) > .zero else { break }
                chosen.append(i)
                remaining = log.subtract(remaining, steps[i].gain, at: ArithmeticProblem.nextGrade)
            }
        }
        return chosen.sorted()
    }
}
