/// A join node (Doorenbos §2.4): extends each token with each fact of its alpha memory
/// that the join spec accepts. Left activation probes the right index by the token's
/// key; right activation probes the left index by the fact's keys.
final class JoinNode: BetaNode, AlphaSuccessor {
    let level: Int
    let alpha: AlphaMemory
    let spec: JoinSpec
    let signature: String
    @exclusivity(unchecked) var successors: [any BetaNode] = []
    @exclusivity(unchecked) private(set) var indexes = JoinIndexes()

    init(level: Int, alpha: AlphaMemory, spec: JoinSpec, signature: String) {
        self.level = level
        self.alpha = alpha
        self.spec = spec
        self.signature = signature
    }

    func leftActivate(_ token: Token, in network: Network) throws {
        guard spec.hasSingleKey else {
            for fact in try indexes.file(token, spec, in: network) {
                guard token.alive, network.memory.isAlive(fact) else { return }
                try network.emit(Token(parent: token, level: level, fact: fact, node: self), from: self)
            }
            return
        }
        // The bucket is a snapshot: walking it needs no list of matches, and what the
        // successors file meanwhile cannot change it.
        guard let bucket = try indexes.fileUnderSingleKey(token, spec, in: network) else { return }
        try bucket.forEach { fact in
            guard token.alive, try spec.accepts(token, fact, in: network) else { return }
            try network.emit(Token(parent: token, level: level, fact: fact, node: self), from: self)
        }
    }

    func leftRetract(_ token: Token, in network: Network) {
        indexes.remove(token)
    }

    func rightActivate(_ fact: FactID, in network: Network) throws {
        for token in try indexes.file(fact, spec, in: network) where token.alive {
            guard network.memory.isAlive(fact) else { return }
            try network.emit(Token(parent: token, level: level, fact: fact, node: self), from: self)
        }
    }

    func rightRetract(_ fact: FactID, in network: Network) throws -> (() throws -> Void)? {
        indexes.remove(fact, spec, values: network.memory.values(of: fact))
        return nil
    }
}
