/// The partial matches of one rule as the beta network holds them (Doorenbos §2.3):
/// the tokens each node of the rule's chain produced, level by level.
extension Network {
    /// The nodes of a rule's chain, root's successor first (index = level), ending
    /// before its production node. Nodes are shared but each has one parent, so the
    /// chain is the one path from the root to the production node.
    func chain(of rule: CompiledRule) -> [any BetaNode] {
        var stack: [(node: any BetaNode, path: [any BetaNode])] = [(root, [])]
        while let entry = stack.popLast() {
            for successor in entry.node.successors {
                if successor === rule.production { return entry.path }
                stack.append((successor, entry.path + [successor]))
            }
        }
        // The builder attaches every production node under its chain.
        preconditionFailure("rule `\(rule.name)` has no production node in the network")
    }

    /// The live tokens at each level of a rule's chain: `result[level]` holds the
    /// matches of every node up to and including that level, sorted by their facts.
    func partialMatches(of rule: CompiledRule) -> [[Token]] {
        let chain = chain(of: rule)
        var result: [[Token]] = []
        var previous = [rootToken]
        for node in chain {
            let tokens = previous.flatMap { parent in parent.children.filter { $0.alive && $0.node === node } }
            result.append(tokens.sorted { $0.facts.lexicographicallyPrecedes($1.facts) })
            previous = tokens
        }
        return result
    }
}
