/// A negative node (`not`, Doorenbos §2.7) or its dual for `exists`: for each token it
/// counts the facts that match, and passes the token on while the count is zero
/// (`not`) or positive (`exists`). Counts change incrementally as facts come and go.
final class NegativeNode: BetaNode, AlphaSuccessor, TokenMemoUser {
    let level: Int
    let alpha: AlphaMemory
    let spec: JoinSpec
    let isExists: Bool
    let signature: String
    @exclusivity(unchecked) var successors: [any BetaNode] = []
    @exclusivity(unchecked) private(set) var indexes = JoinIndexes()
    /// When set, each token's state lives in its memo; otherwise in `states`.
    @exclusivity(unchecked) var claimsTokenMemo = false
    @exclusivity(unchecked) private var states: [ObjectIdentifier: NegativeState] = [:]

    init(level: Int, alpha: AlphaMemory, spec: JoinSpec, isExists: Bool, signature: String) {
        self.level = level
        self.alpha = alpha
        self.spec = spec
        self.isExists = isExists
        self.signature = signature
    }

    private func passes(_ count: Int) -> Bool { isExists ? count > 0 : count == 0 }

    private func state(of token: Token) -> NegativeState? {
        guard claimsTokenMemo else { return states[ObjectIdentifier(token)] }
        if case .negative(let state) = token.memo { return state }
        return nil
    }

    private func setState(_ state: NegativeState?, of token: Token) {
        guard claimsTokenMemo else {
            states[ObjectIdentifier(token)] = state
            return
        }
        token.memo = state.map(TokenMemo.negative) ?? .none
    }

    func leftActivate(_ token: Token, in network: Network) throws {
        let count = try indexes.fileAndCount(token, spec, in: network)
        setState(NegativeState(count: count, child: nil), of: token)
        if passes(count) { try pass(token, in: network) }
    }

    func leftRetract(_ token: Token, in network: Network) {
        indexes.remove(token)
        setState(nil, of: token)
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
        guard let state = state(of: token) else { return }
        let count = max(0, state.count + delta)
        setState(NegativeState(count: count, child: state.child), of: token)
        switch (passes(state.count), passes(count)) {
        case (true, false):
            if let child = state.child { network.remove(child) }
            setState(NegativeState(count: count, child: nil), of: token)
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
        setState(NegativeState(count: state(of: token)?.count ?? 0, child: child), of: token)
        try network.emit(child, from: self)
    }
}
