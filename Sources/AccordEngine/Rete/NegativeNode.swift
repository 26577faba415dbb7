/// A negative node (`not`, Doorenbos §2.7) or its dual for `exists`: for each token it
/// counts the facts that match, and passes the token on while the count is zero
/// (`not`) or positive (`exists`). Counts change incrementally as facts come and go.
final class NegativeNode: BetaNode, AlphaSuccessor {
    let level: Int
    let alpha: AlphaMemory
    let spec: JoinSpec
    let isExists: Bool
    let signature: String
    var successors: [any BetaNode] = []
    private(set) var indexes = JoinIndexes()
    private var counts: [ObjectIdentifier: (count: Int, child: Token?)] = [:]

    init(level: Int, alpha: AlphaMemory, spec: JoinSpec, isExists: Bool, signature: String) {
        self.level = level
        self.alpha = alpha
        self.spec = spec
        self.isExists = isExists
        self.signature = signature
    }

    private func passes(_ count: Int) -> Bool { isExists ? count > 0 : count == 0 }

    func leftActivate(_ token: Token, in network: Network) throws {
        let count = try indexes.file(token, spec, in: network).count
        counts[ObjectIdentifier(token)] = (count, nil)
        if passes(count) { try pass(token, in: network) }
    }

    func leftRetract(_ token: Token, in network: Network) {
        indexes.remove(token)
        counts[ObjectIdentifier(token)] = nil
    }

    func rightActivate(_ fact: FactID, in network: Network) throws {
        for token in try indexes.file(fact, spec, in: network) where token.alive {
            try adjust(token, by: 1, in: network)
        }
    }

    func rightRetract(_ fact: FactID, in network: Network) throws -> (() throws -> Void)? {
        let matched = try indexes.unfile(fact, spec, in: network)
        guard !matched.isEmpty else { return nil }
        return { [self] in
            for token in matched where token.alive {
                try adjust(token, by: -1, in: network)
            }
        }
    }

    private func adjust(_ token: Token, by delta: Int, in network: Network) throws {
        let id = ObjectIdentifier(token)
        guard let state = counts[id] else { return }
        let count = max(0, state.count + delta)
        counts[id] = (count, state.child)
        switch (passes(state.count), passes(count)) {
        case (true, false):
            if let child = state.child { network.remove(child) }
            counts[id] = (count, nil)
        case (false, true):
            try pass(token, in: network)
        case (true, true):
            // An `exists` over a template on a derivation cycle: the facts that remain
            // may rest on this match itself. Replace the match, so that truth
            // maintenance withdraws what it supported and rederives only what still holds.
            if isExists, delta < 0, network.recursion.templates.contains(alpha.template), let child = state.child {
                network.remove(child)
                try pass(token, in: network)
            }
        case (false, false):
            break
        }
    }

    private func pass(_ token: Token, in network: Network) throws {
        let child = Token(parent: token, level: level, node: self)
        let id = ObjectIdentifier(token)
        counts[id] = (counts[id]?.count ?? 0, child)
        try network.emit(child, from: self)
    }
}
