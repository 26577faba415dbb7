import AccordCheck
import AccordEngine

/// Applies `FactChange`s to an engine through the library API while keeping the test's
/// own account of the given facts (`given`), which the naive evaluator starts from.
struct ChangeApplier {
    private(set) var given: GivenFacts
    /// Ids of retracted facts: retracting one again must do nothing.
    private var retired: [Fact: Int] = [:]

    init(ruleBase: RuleBase) {
        given = GivenFacts(ruleBase: ruleBase)
    }

    enum Outcome {
        /// A change the shrinker has left without its fact (or with a new twin).
        case skipped
        case applied
        /// The engine answered something the contract rules out.
        case disagrees(String)
    }

    /// Applies the change (without running) and records it in `given`.
    mutating func apply(_ change: FactChange, to engine: Engine) throws -> Outcome {
        guard given.allows(change) else { return .skipped }
        switch change {
        case .assert(let template, let fields):
            let identical = given.twin(of: given.fact(template, fields)).flatMap { id(of: $0, in: engine) }
            let answered = try engine.assert(template, values(fields))
            if let identical, answered != identical {
                return .disagrees("asserting a fact identical to #\(identical) answered #\(answered)")
            }
        case .retract(let fact):
            guard let id = id(of: fact, in: engine) ?? retired[fact] else { return .skipped }
            try engine.retract(id)
            retired[fact] = id
        case .modify(let fact, let fields):
            guard let id = id(of: fact, in: engine) else {
                return .disagrees("the engine has no given fact \(given.ruleBase.describe(fact)) to modify")
            }
            try engine.modify(id, values(fields))
        }
        given.apply(change)
        return .applied
    }

    /// The engine's id of a live given fact with these values.
    private func id(of fact: Fact, in engine: Engine) -> Int? {
        engine.facts(of: fact.template).first { snapshot in
            !snapshot.isLogical && snapshot.fields.map { Scalar($0.value) } == fact.values
        }?.id
    }

    private func values(_ fields: [(name: String, value: Scalar)]) -> [String: Value] {
        var values: [String: Value] = [:]
        for (name, scalar) in fields { values[name] = scalar.value }
        return values
    }
}
