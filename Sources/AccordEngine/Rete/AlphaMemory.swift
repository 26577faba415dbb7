/// The facts of one template that pass the tests on constants of a pattern
/// (Doorenbos §2.2). Shared by every pattern with the same template and tests.
/// Right-activates its successors when a fact enters or leaves.
final class AlphaMemory {
    let template: Int
    let tests: [CompiledExpression]
    let signature: String
    @exclusivity(unchecked) var facts = StableSet<FactID>()
    @exclusivity(unchecked) var successors: [any AlphaSuccessor] = []

    init(template: Int, tests: [CompiledExpression], signature: String) {
        self.template = template
        self.tests = tests
        self.signature = signature
    }

    func accepts(_ values: [Datum], in network: Network) throws -> Bool {
        for test in tests {
            let context = EvaluationContext(network: network, token: nil, current: values)
            guard try test.evaluate(context).asBool else { return false }
        }
        return true
    }
}

/// A node fed by an alpha memory: a join, a negative or exists node, an aggregate.
protocol AlphaSuccessor: AnyObject {
    func rightActivate(_ fact: FactID, in network: Network) throws
    /// The first step of a removal: unfile the fact. What the removal changes for the
    /// node's tokens comes back as work to do once every node has unfiled the fact and
    /// the matches built on it are gone, so that nothing created meanwhile can see it.
    func rightRetract(_ fact: FactID, in network: Network) throws -> (() throws -> Void)?
}
