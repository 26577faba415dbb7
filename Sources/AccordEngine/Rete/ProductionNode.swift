/// The end of a rule's chain (Doorenbos §2.1): each complete match becomes an
/// activation; a match that goes takes its activation off the agenda, or, if it has
/// fired, withdraws the logical facts it supported.
final class ProductionNode: BetaNode, TokenMemoUser {
    let rule: Int
    @exclusivity(unchecked) var successors: [any BetaNode] = []
    /// When set, each token's activation lives in its memo; otherwise in `activationOf`.
    @exclusivity(unchecked) var claimsTokenMemo = false
    @exclusivity(unchecked) private var activationOf: [ObjectIdentifier: Activation] = [:]
    /// Every activation made, oldest first; withdrawn ones are dropped in a sweep once
    /// they outnumber the live ones.
    @exclusivity(unchecked) private var made: [Activation] = []
    @exclusivity(unchecked) private(set) var activationCount = 0

    init(rule: Int) {
        self.rule = rule
    }

    func leftActivate(_ token: Token, in network: Network) throws {
        let activation = network.makeActivation(rule: rule, token: token)
        if let profiler = network.profiler { profiler.activationCreated(rule: rule) }
        if claimsTokenMemo {
            token.memo = .activation(activation)
        } else {
            activationOf[ObjectIdentifier(token)] = activation
        }
        made.append(activation)
        activationCount += 1
    }

    func leftRetract(_ token: Token, in network: Network) {
        let activation: Activation
        if claimsTokenMemo {
            guard case .activation(let memo) = token.memo else { return }
            token.memo = .none
            activation = memo
        } else {
            guard let entry = activationOf.removeValue(forKey: ObjectIdentifier(token)) else { return }
            activation = entry
        }
        network.withdraw(activation)
        activationCount -= 1
        if made.count > 64, activationCount * 2 < made.count { made.removeAll { !$0.alive } }
    }

    /// The complete matches' activations, oldest first (waiting or fired).
    var matches: [Activation] { made.filter(\.alive).sorted { $0.id < $1.id } }
}
