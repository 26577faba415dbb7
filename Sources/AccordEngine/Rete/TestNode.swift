/// `test EXPR`: passes a token on when the expression holds for its bindings.
final class TestNode: BetaNode {
    let level: Int
    let test: CompiledExpression
    let signature: String
    var successors: [any BetaNode] = []

    init(level: Int, test: CompiledExpression, signature: String) {
        self.level = level
        self.test = test
        self.signature = signature
    }

    func leftActivate(_ token: Token, in network: Network) throws {
        let context = EvaluationContext(network: network, token: token, current: nil)
        if try test.evaluate(context).asBool {
            try network.emit(Token(parent: token, level: level, node: self), from: self)
        }
    }

    func leftRetract(_ token: Token, in network: Network) {}
}
