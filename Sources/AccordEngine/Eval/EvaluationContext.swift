import AccordSyntax

/// What an expression reads: the bindings of a token (or, while a rule fires, the
/// values its facts had when they matched), and the candidate fact for bare field names.
struct EvaluationContext {
    /// `unowned(unsafe)`: a context never outlives the network that made it, and every
    /// expression evaluation reads it, so the checked unowned load is not worth paying.
    unowned(unsafe) let network: Network
    let token: Token?
    let current: [Datum]?
    var snapshot: FiringSnapshot?

    init(network: Network, token: Token?, current: [Datum]?, snapshot: FiringSnapshot? = nil) {
        self.network = network
        self.token = token
        self.current = current
        self.snapshot = snapshot
    }
}

/// The values a firing rule's facts had when they matched, by level, so that
/// `$v.field` keeps reading them after a `modify $v` in the same firing.
struct FiringSnapshot {
    var values: [[Datum]?]
    var slots: [Datum?]
}

/// A run-time error inside an expression: the message and the place in the rule.
struct RuntimeFailure: Error {
    let message: String
    let span: SourceSpan
}

/// An expression compiled to a closure over an evaluation context.
struct CompiledExpression {
    let evaluate: (EvaluationContext) throws -> Datum
    /// The expression as written, for explanations and why-not.
    let source: String
    let span: SourceSpan
}
