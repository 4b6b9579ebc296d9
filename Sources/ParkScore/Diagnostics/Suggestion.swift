/// "Did you mean …": the closest of some names to a misspelt one.
public enum Suggestion {
    /// The candidate nearest to `name` by edit distance, if it is near enough to be a likely typo.
    /// Names longer than this get no suggestion: a typo of a key is short, and edit distance costs length².
    public static let maxLength = 80

    public static func closest(to name: String, in candidates: some Sequence<String>) -> String? {
        guard name.utf8.count <= maxLength * 4, name.count <= maxLength else { return nil }
        let target = Array(name.lowercased())
        var best: (name: String, distance: Int)?
        for candidate in candidates where candidate.count <= maxLength {
            let d = distance(target, Array(candidate.lowercased()))
            if best == nil || d < best!.distance || (d == best!.distance && candidate < best!.name) {
                best = (candidate, d)
            }
        }
        guard let best else { return nil }
        let limit = max(2, target.count / 3)
        return best.distance <= limit && best.distance < target.count ? best.name : nil
    }

    /// The candidate a typo away from `name` (at most two edits: a letter missing, doubled, swapped or wrong), if one is.
    /// Closer than `closest`: what is this near is almost surely meant, not another name.
    public static func typo(of name: String, in candidates: some Sequence<String>) -> String? {
        guard let best = closest(to: name, in: candidates), best != name else { return nil }
        return distance(Array(name.lowercased()), Array(best.lowercased())) <= 2 ? best : nil
    }

    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
