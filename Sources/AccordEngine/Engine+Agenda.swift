import AccordCheck

/// A match waiting on the agenda: the rule that would fire and the facts it matched.
/// What the REPL's `:agenda` lists.
public struct PendingActivation: Sendable, Hashable {
    public let rule: String
    public let salience: Int
    /// The matched facts, one per positive pattern, in condition order; a derived fact
    /// carries its derivation.
    public let facts: [Support]

    public init(rule: String, salience: Int, facts: [Support]) {
        self.rule = rule
        self.salience = salience
        self.facts = facts
    }
}

extension Engine {
    /// The activations that have not fired yet, in the order `run()` would fire them
    /// (salience, then recency, then rule order). Nothing fires and nothing changes.
    public func pendingActivations() -> [PendingActivation] {
        network.agenda.pending().map { activation in
            var explanation = Network.Explanation(valuesBefore: nil)
            let rule = network.rules[activation.rule]
            return PendingActivation(
                rule: rule.name, salience: rule.salience,
                facts: activation.token.facts.map { network.support(of: $0, in: &explanation, depth: 0) })
        }
    }
}
