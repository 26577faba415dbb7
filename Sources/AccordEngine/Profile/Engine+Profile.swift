import AccordSyntax

extension Engine {
    /// The profile of everything the session did since it was made with `profile: true`
    /// (loading, scenarios, runs); nil without it. Memory sizes are as they stand now.
    public func profile() -> RunProfile? {
        guard let profiler = network.profiler else { return nil }
        let rules = network.rules.map { rule in
            RunProfile.Rule(name: rule.name, order: rule.index, activations: profiler.activations[rule.index],
                            firings: profiler.firings[rule.index], time: profiler.actionTime[rule.index],
                            matchingTime: profiler.matchingTime[rule.index])
        }
        return RunProfile(rules: rules, nodes: nodeProfiles(), matchingOutsideRules: profiler.matchingOutsideRules)
    }

    /// Every two-input node once, in the order the rules reach them, then sorted by join
    /// tests (a stable sort keeps that order for ties).
    private func nodeProfiles() -> [RunProfile.Node] {
        var order: [ObjectIdentifier] = []
        var found: [ObjectIdentifier: (node: any BetaNode, condition: SourceSpan?, rules: [String])] = [:]
        for rule in network.rules {
            let layout = RuleLayout(rule.declaration, templates: network.templatesByName)
            for (level, node) in network.chain(of: rule).enumerated() {
                let id = ObjectIdentifier(node)
                if found[id] != nil {
                    found[id]?.rules.append(rule.name)
                    continue
                }
                guard node is JoinNode || node is NegativeNode || node is AggregateNode else { continue }
                order.append(id)
                found[id] = (node, Self.conditionSpan(at: level, layout: layout, rule: rule.declaration), [rule.name])
            }
        }
        let nodes = order.compactMap { id -> RunProfile.Node? in
            guard let entry = found[id] else { return nil }
            return profile(of: entry.node, condition: entry.condition, rules: entry.rules)
        }
        return nodes.enumerated().sorted { ($0.element.joinTests, $1.offset) > ($1.element.joinTests, $0.offset) }
            .map(\.element)
    }

    private func profile(of node: any BetaNode, condition: SourceSpan?, rules: [String]) -> RunProfile.Node? {
        let kind: RunProfile.Node.Kind
        let alpha: AlphaMemory
        let indexes: JoinIndexes
        if let join = node as? JoinNode {
            (kind, alpha, indexes) = (.join, join.alpha, join.indexes)
        } else if let negative = node as? NegativeNode {
            (kind, alpha, indexes) = (negative.isExists ? .exists : .not, negative.alpha, negative.indexes)
        } else if let aggregate = node as? AggregateNode {
            (kind, alpha, indexes) = (.aggregate, aggregate.alpha, aggregate.indexes)
        } else {
            return nil
        }
        let text = condition.map { $0.text.split(whereSeparator: \.isWhitespace).joined(separator: " ") } ?? ""
        let location = condition?.startLocation
        return RunProfile.Node(kind: kind, template: network.templates[alpha.template].name, condition: text,
                               file: condition?.file.path ?? "", line: location?.line ?? 0, column: location?.column ?? 0,
                               rules: rules, leftTokens: indexes.tokenCount, rightFacts: indexes.factCount,
                               joinTests: indexes.joinTests)
    }

    /// Where the condition (or aggregate) a level of a rule's chain matches is written.
    private static func conditionSpan(at level: Int, layout: RuleLayout, rule: RuleDeclaration) -> SourceSpan? {
        guard level < layout.levels.count else { return nil }
        switch layout.levels[level] {
        case .condition(let index): return rule.conditions[index].span
        case .aggregate(let expression, _): return expression.span
        }
    }
}
