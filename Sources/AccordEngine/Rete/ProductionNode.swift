/// The end of a rule's chain (Doorenbos §2.1): each complete match becomes an
/// activation; a match that goes takes its activation off the agenda, or, if it has
/// fired, withdraws the logical facts it supported.
final class ProductionNode: BetaNode {
    let rule: Int
    var successors: [any BetaNode] = []
    private var activationOf: [ObjectIdentifier: Activation] = [:]

    init(rule: Int) {
        self.rule = rule
    }

    func leftActivate(_ token: Token, in network: Network) throws {
        let activation = network.makeActivation(rule: rule, token: token)
        if let profiler = network.profiler { profiler.activationCreated(rule: rule) }
        activationOf[ObjectIdentifier(token)] = activation
    }

    func leftRetract(_ token: Token, in network: Network) {
        guard let activation = activationOf.removeValue(forKey: ObjectIdentifier(token)) else { return }
        network.withdraw(activation)
    }

    var activationCount: Int { activationOf.count }

    /// The complete matches' activations, oldest first (waiting or fired).
    var matches: [Activation] { activationOf.values.sorted { $0.id < $1.id } }
}
