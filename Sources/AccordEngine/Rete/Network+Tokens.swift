extension Network {
    /// Adds a token made by `node` under `parent` and left-activates the node's successors.
    func emit(_ token: Token, from node: any BetaNode) throws {
        token.parent?.append(child: token)
        let fact = token.fact
        if fact >= 0 {
            if fact >= tokensOfFact.count {
                tokensOfFact.append(contentsOf: repeatElement([], count: fact + 1 - tokensOfFact.count))
            }
            tokensOfFact[fact].append(token)
            // Tokens also die with their parents; drop the dead ones now and then so a
            // long-lived fact's list does not grow with every match it ever had.
            let count = tokensOfFact[fact].count
            if count >= 64, count & (count - 1) == 0 {
                tokensOfFact[fact].removeAll { !$0.alive }
            }
        }
        for successor in node.successors {
            guard token.alive else { return }
            try successor.leftActivate(token, in: self)
        }
    }

    /// Removes a token and every token that extends it (tree-based removal). Iterative,
    /// so deep token trees cannot overflow the stack.
    func remove(_ token: Token) {
        guard token.alive else { return }
        if let parent = token.parent, parent.alive { parent.unlink(child: token) }
        var stack = [token]
        while let current = stack.popLast() {
            guard current.alive else { continue }
            current.alive = false
            for successor in current.node.successors {
                successor.leftRetract(current, in: self)
            }
            stack.append(contentsOf: current.detachChildren())
        }
    }

    /// Removes every token built on a fact that is leaving.
    func removeTokens(of fact: FactID) {
        guard fact < tokensOfFact.count, !tokensOfFact[fact].isEmpty else { return }
        let tokens = tokensOfFact[fact]
        tokensOfFact[fact] = []
        for token in tokens where token.alive {
            remove(token)
        }
    }
}
