import AccordCheck

/// The per-condition part of an explanation, read from an activation's token: the
/// token is what the network recorded when the match formed (Doorenbos §2.3: one
/// element per condition level), and it never changes while the activation lives —
/// a fact that changes or goes takes its tokens with it, and an aggregate whose value
/// changes replaces its child token. So reading it when asked gives what the rule saw
/// when it fired, without slowing down the firing loop.
extension Network {
    struct MatchExplanation {
        var conditions: [ConditionResult] = []
        var aggregates: [AggregateResult] = []
    }

    /// How each condition of the activation's rule held, and the aggregates it computed.
    /// `conditions[i]` of a pattern points into the activation's facts, in the order
    /// `supports(ofActivation:)` lists them.
    func matchExplanation(of activation: Activation, in explanation: inout Explanation) -> MatchExplanation {
        let rule = rules[activation.rule]
        let token = activation.token
        let layout = rule.layout
        let factLevels = matchedFacts(of: token).map(\.level)
        var result = MatchExplanation()
        let probe = WhyNotProbe(network: self, rule: rule, layout: layout, subject: nil)
        let context = EvaluationContext(network: self, token: token, current: nil)
        for (index, condition) in rule.declaration.conditions.enumerated() {
            let source = index < layout.sources.count ? layout.sources[index] : WhyNotProbe.source(condition.span)
            let outcome: ConditionResult.Outcome
            switch condition {
            case .match:
                let level = index < rule.conditionLevels.count ? rule.conditionLevels[index] : -1
                guard let position = factLevels.firstIndex(of: level) else { continue }
                outcome = .matched(fact: position, binding: binding(at: level, of: rule))
            case .exists:
                outcome = .exists
            case .not:
                outcome = .notBlocked
            case .test(let expression, _):
                let values = token.alive && index < layout.scopes.count
                    ? probe.readings(of: expression, scope: layout.scopes[index], context: context) : []
                outcome = .testTrue(values: values)
            }
            result.conditions.append(ConditionResult(index: index, source: source, outcome: outcome))
        }
        var current: Token? = token
        while let step = current, step.level >= 0 {
            if let slot = step.slot, step.level < layout.levels.count,
               case .aggregate(let expression, _) = layout.levels[step.level] {
                var facts: [Support] = []
                var count: Int?
                if let node = step.node as? AggregateNode, let parent = step.parent, let members = node.members(of: parent) {
                    count = members.count
                    // The aggregated facts by their values only: their derivations would bury the match.
                    facts = members.prefix(AggregateResult.factLimit).map { support(of: $0, in: &explanation, depth: 32) }
                }
                let aggregate = AggregateResult(expression: expression.span.text, value: symbols.value(slot),
                                                facts: facts, factCount: count)
                // The same aggregate written in a condition and again in the actions is
                // computed twice: told once.
                if let twin = result.aggregates.firstIndex(where: {
                    $0.expression == aggregate.expression && $0.value == aggregate.value
                }) {
                    result.aggregates[twin] = aggregate
                } else {
                    result.aggregates.insert(aggregate, at: 0)
                }
            }
            current = step.parent
        }
        return result
    }
}
