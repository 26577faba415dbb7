import AccordSyntax

/// An aggregate node: for each token, the facts of its alpha memory that the join spec
/// accepts, and the aggregate of `value` over them (`count`, `sum`, `min`, `max`, `avg`).
/// The value travels in the child token's slot; when facts come or go and the value
/// changes, the child is replaced, so everything built on the old value is retracted.
/// `min`, `max` and `avg` of no facts have no value: the token does not pass.
final class AggregateNode: BetaNode, AlphaSuccessor {
    let level: Int
    let alpha: AlphaMemory
    let spec: JoinSpec
    let function: AggregateFunction
    let value: CompiledExpression?
    let signature: String
    @exclusivity(unchecked) var successors: [any BetaNode] = []
    @exclusivity(unchecked) private(set) var indexes = JoinIndexes()
    @exclusivity(unchecked) private var states: [ObjectIdentifier: State] = [:]

    private struct State {
        var members = StableSet<FactID>()
        var result: Datum?
        var child: Token?
    }

    init(level: Int, alpha: AlphaMemory, spec: JoinSpec, function: AggregateFunction, value: CompiledExpression?, signature: String) {
        self.level = level
        self.alpha = alpha
        self.spec = spec
        self.function = function
        self.value = value
        self.signature = signature
    }

    func leftActivate(_ token: Token, in network: Network) throws {
        var state = State()
        for fact in try indexes.file(token, spec, in: network) { state.members.insert(fact) }
        state.result = try compute(state.members, token: token, in: network)
        states[ObjectIdentifier(token)] = state
        try publish(token, in: network)
    }

    func leftRetract(_ token: Token, in network: Network) {
        indexes.remove(token)
        states[ObjectIdentifier(token)] = nil
    }

    func rightActivate(_ fact: FactID, in network: Network) throws {
        for token in try indexes.file(fact, spec, in: network) where token.alive {
            try update(token, in: network) { $0.insert(fact) }
        }
    }

    func rightRetract(_ fact: FactID, in network: Network) throws -> (() throws -> Void)? {
        let keys = indexes.remove(fact, spec, values: network.memory.values(of: fact))
        let affected = keys.flatMap(indexes.tokens)
        guard !affected.isEmpty else { return nil }
        return { [self] in
            for token in affected where token.alive {
                try update(token, in: network) { $0.remove(fact) }
            }
        }
    }

    private func update(_ token: Token, in network: Network, _ change: (inout StableSet<FactID>) -> Bool) throws {
        let id = ObjectIdentifier(token)
        guard var state = states[id], change(&state.members) else { return }
        let result = try compute(state.members, token: token, in: network)
        guard result != state.result else {
            states[id] = state
            return
        }
        if let child = state.child { network.remove(child) }
        state.result = result
        state.child = nil
        states[id] = state
        try publish(token, in: network)
    }

    private func publish(_ token: Token, in network: Network) throws {
        let id = ObjectIdentifier(token)
        guard let result = states[id]?.result else { return }
        let child = Token(parent: token, level: level, slot: result, node: self)
        states[id]?.child = child
        try network.emit(child, from: self)
    }

    /// The facts aggregated for a parent token, sorted, nil when the token is gone
    /// (explanations list them).
    func members(of token: Token) -> [FactID]? {
        guard let state = states[ObjectIdentifier(token)] else { return nil }
        var facts: [FactID] = []
        state.members.forEach { facts.append($0) }
        return facts.sorted()
    }

    private func compute(_ members: StableSet<FactID>, token: Token, in network: Network) throws -> Datum? {
        if function == .count { return .int(Int64(members.count)) }
        guard let value else { return nil }
        var values: [Datum] = []
        values.reserveCapacity(members.count)
        try members.forEach { fact in
            let context = EvaluationContext(network: network, token: token, current: network.memory[fact].values)
            values.append(try value.evaluate(context))
        }
        return try AggregateNode.combine(values, count: members.count, function: function, operations: network.operations,
                                         at: value.span)
    }

    /// The aggregate of the members' values, with the language's rules: the sum of
    /// nothing is 0; `min`, `max` and `avg` of nothing have no value (nil).
    static func combine(_ values: [Datum], count: Int, function: AggregateFunction, operations: Operations,
                        at span: SourceSpan) throws -> Datum? {
        switch function {
        case .count:
            return .int(Int64(count))
        case .sum:
            var total: Datum = .int(0)
            for item in values { total = try operations.binary(.add, total, item, at: span) }
            return total
        case .min, .max:
            guard !values.isEmpty else { return nil }
            return try operations.call(function == .min ? .min : .max, [.list(values)], at: span)
        case .avg:
            guard !values.isEmpty else { return nil }
            var total = 0.0
            for item in values { total += item.asDouble ?? 0 }
            return .float(total / Double(values.count))
        }
    }
}
