import Foundation

/// Sign-in attempts, bounded: at most `limit` failed attempts per sign-in name and per client address in `window`
/// seconds; past that, every attempt is refused (429) until the window moves on. Memory is bounded too: at most
/// `maxKeys` keys are tracked, the oldest dropped first.
public actor LoginThrottle {
    public let limit: Int
    public let window: TimeInterval
    let maxKeys = 10_000
    private var failures: [String: [Date]] = [:]

    public init(limit: Int = 10, window: TimeInterval = 300) {
        self.limit = limit
        self.window = window
    }

    /// Whether another attempt may be made for these keys now.
    public func allows(_ keys: [String], now: Date = Date()) -> Bool {
        keys.allSatisfy { key in (failures[key] ?? []).filter { now.timeIntervalSince($0) < window }.count < limit }
    }

    public func failed(_ keys: [String], now: Date = Date()) {
        if failures.count > maxKeys {
            let stale = failures.filter { ($0.value.last.map { now.timeIntervalSince($0) } ?? window) >= window }.map(\.key)
            for key in stale { failures[key] = nil }
            if failures.count > maxKeys { failures.removeAll() }
        }
        for key in keys {
            var list = (failures[key] ?? []).filter { now.timeIntervalSince($0) < window }
            list.append(now)
            failures[key] = list
        }
    }

    public func succeeded(_ keys: [String]) {
        for key in keys { failures[key] = nil }
    }
}
