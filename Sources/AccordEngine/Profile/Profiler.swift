/// The counters and clocks of `accord run --profile`, kept while the network runs.
/// The network holds it as an optional: with profiling off, each hot path pays one
/// test of a nil reference and nothing else. Per rule: activations created, firings,
/// time in the rule's actions (the matching their changes cause included), and the
/// share of that time spent propagating changes through the network. The per-node
/// counts (memory sizes, join tests) live in the nodes themselves (`JoinIndexes`).
final class Profiler {
    private(set) var activations: [Int]
    private(set) var firings: [Int]
    private(set) var actionTime: [Duration]
    /// Indexed by rule; the extra last entry is matching outside any rule's actions
    /// (loading the facts, a scenario's changes).
    private(set) var matchingTime: [Duration]
    private let clock = ContinuousClock()
    /// The rule whose actions are running, if any.
    private var firingRule: Int?
    /// Propagation can nest (a `modify` removes, then adds); only the outermost is timed.
    private var matchingDepth = 0
    private var matchingStart: ContinuousClock.Instant

    init(ruleCount: Int) {
        activations = Array(repeating: 0, count: ruleCount)
        firings = Array(repeating: 0, count: ruleCount)
        actionTime = Array(repeating: .zero, count: ruleCount)
        matchingTime = Array(repeating: .zero, count: ruleCount + 1)
        matchingStart = clock.now
    }

    var matchingOutsideRules: Duration { matchingTime[matchingTime.count - 1] }

    func activationCreated(rule: Int) {
        activations[rule] += 1
    }

    /// Runs one firing of `rule`, timing it.
    func firing(rule: Int, _ body: () throws -> Void) rethrows {
        firings[rule] += 1
        let outer = firingRule
        firingRule = rule
        let start = clock.now
        defer {
            actionTime[rule] += clock.now - start
            firingRule = outer
        }
        try body()
    }

    /// Runs one propagation of a change through the network, timing it for the rule
    /// whose actions made the change.
    func matching(_ body: () throws -> Void) rethrows {
        if matchingDepth == 0 { matchingStart = clock.now }
        matchingDepth += 1
        defer {
            matchingDepth -= 1
            if matchingDepth == 0 {
                matchingTime[firingRule ?? matchingTime.count - 1] += clock.now - matchingStart
            }
        }
        try body()
    }
}
