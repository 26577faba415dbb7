/// How far one rule's matches get through its conditions in the network as it stands,
/// for test coverage (`accord test --coverage`): read from the beta memories the way
/// why-not reads them (Doorenbos §2.3, a token per partial match and level).
public struct RuleReach: Sendable, Hashable {
    /// The rule's index in the program's rules.
    public let rule: Int
    /// How many of the rule's conditions, in source order, some partial match got to:
    /// every condition before them held (and the aggregates they read had a value).
    public let reached: Int
    /// How many of the rule's leading conditions some partial match got past.
    public let passed: Int
    /// Whether a complete match that fired holds now (so do its recommendations and
    /// derived facts).
    public let firedMatchHolds: Bool

    public init(rule: Int, reached: Int, passed: Int, firedMatchHolds: Bool) {
        self.rule = rule
        self.reached = reached
        self.passed = passed
        self.firedMatchHolds = firedMatchHolds
    }
}

extension Engine {
    /// Starts counting the firings of each rule (`firingsByRule`), from zero. Counting
    /// costs one addition per firing; without this call, nothing is counted.
    public func startCountingFirings() {
        network.firingsByRule = Array(repeating: 0, count: network.rules.count)
    }

    /// The firings of each rule since `startCountingFirings()`, by rule index; empty when
    /// not counting. A rollback does not take firings back, and the logical actions a
    /// rollback restores are not firings.
    public var firingsByRule: [Int] { network.firingsByRule ?? [] }

    /// For each rule, in program order, how far its partial matches get now. Reads the
    /// network and changes nothing; its cost follows the number of partial matches.
    public func ruleReach() -> [RuleReach] {
        network.rules.map { rule in
            let levels = network.matchedLevels(of: rule)
            // Condition `i` takes the levels after condition `i - 1` up to its own: the
            // aggregates it reads, then itself.
            var reached = 0
            var passed = 0
            for (index, level) in rule.conditionLevels.enumerated() {
                let first = index == 0 ? 0 : rule.conditionLevels[index - 1] + 1
                if first <= levels { reached += 1 }
                if level < levels { passed += 1 }
            }
            return RuleReach(rule: rule.index, reached: reached, passed: passed,
                             firedMatchHolds: rule.production.matches.contains(where: \.fired))
        }
    }
}

extension Network {
    /// How many leading levels of a rule's chain hold a live token: the depth of its
    /// deepest partial match. Live levels form a prefix, since a token extends one of
    /// the level before.
    func matchedLevels(of rule: CompiledRule) -> Int {
        let chain = chain(of: rule)
        var deepest = 0
        var stack: [(token: Token, depth: Int)] = [(rootToken, 0)]
        while let (token, depth) = stack.popLast() {
            deepest = max(deepest, depth)
            if deepest == chain.count { break }
            let node = chain[depth]
            for child in token.children where child.alive && child.node === node {
                stack.append((child, depth + 1))
            }
        }
        return deepest
    }
}
