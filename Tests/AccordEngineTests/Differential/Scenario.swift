import AccordCheck
import AccordEngine
import AccordSyntax

/// One differential experiment: a rule base, loaded from its canonical or a shuffled
/// text, run to quiescence, then changed step by step. After the first run and after
/// every change (each followed by `run()`), the engine must hold exactly what the naive
/// evaluator finds from scratch for the given facts of that moment.
struct Scenario {
    var ruleBase: RuleBase
    /// Nil for the canonical text; otherwise the declarations shuffled with this seed.
    var shuffleSeed: UInt64?
    var changes: [FactChange] = []

    var text: String {
        guard let shuffleSeed else { return ruleBase.text }
        var random = SplitMix64(seed: shuffleSeed)
        return ruleBase.shuffledText(using: &random)
    }

    enum Result {
        case agrees
        /// The text does not check: a generator bug, or a candidate the shrinker must drop.
        case invalid(String)
        /// `step` 0 is the first run; step k is after the k-th change.
        case disagrees(step: Int, problem: String)
    }

    static let maxFirings = 1_000_000

    func run() -> Result {
        let analysis = Frontend.analyze(text: text, path: "differential.accord")
        let errors = analysis.diagnostics.filter { $0.severity == .error }
        guard let model = analysis.model, errors.isEmpty else { return .invalid(DiagnosticRenderer().render(errors)) }
        let engine: Engine
        do {
            engine = try Engine(program: model)
            try engine.run(maxFirings: Self.maxFirings)
        } catch {
            return .disagrees(step: 0, problem: "the engine failed: \(error)")
        }
        var given = GivenFacts(ruleBase: ruleBase)
        if let problem = compare(engine, given) { return .disagrees(step: 0, problem: problem) }
        // Ids of retracted facts: retracting one again must do nothing.
        var retired: [Fact: Int] = [:]
        for (index, change) in changes.enumerated() {
            // A change the shrinker has left without its fact (or with a new twin) is skipped.
            guard given.allows(change) else { continue }
            do {
                switch change {
                case .assert(let template, let fields):
                    let identical = given.twin(of: given.fact(template, fields)).flatMap { id(of: $0, in: engine) }
                    let answered = try engine.assert(template, values(fields))
                    if let identical, answered != identical {
                        return .disagrees(step: index + 1, problem: "asserting a fact identical to #\(identical) answered #\(answered)")
                    }
                case .retract(let fact):
                    guard let id = id(of: fact, in: engine) ?? retired[fact] else { continue }
                    try engine.retract(id)
                    retired[fact] = id
                case .modify(let fact, let fields):
                    guard let id = id(of: fact, in: engine) else {
                        return .disagrees(step: index + 1, problem: "the engine has no given fact \(ruleBase.describe(fact)) to modify")
                    }
                    try engine.modify(id, values(fields))
                }
                try engine.run(maxFirings: Self.maxFirings)
            } catch {
                return .disagrees(step: index + 1, problem: "the engine failed: \(error)")
            }
            given.apply(change)
            if let problem = compare(engine, given) { return .disagrees(step: index + 1, problem: problem) }
        }
        return .agrees
    }

    /// The difference between the engine and the naive evaluation, or nil.
    private func compare(_ engine: Engine, _ given: GivenFacts) -> String? {
        let naive = NaiveEvaluator(ruleBase: ruleBase).evaluate(given: given.facts)
        let expected = Outcome(naive: naive, given: given.facts, ruleBase: ruleBase)
        let actual = Outcome(engine: engine, ruleBase: ruleBase)
        return actual == expected ? nil : actual.difference(from: expected)
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

extension Scalar {
    init(_ value: Value) {
        switch value {
        case .int(let number): self = .int(number)
        case .float(let number): self = .float(number)
        case .string(let text): self = .string(text)
        case .bool(let flag): self = .bool(flag)
        case .list: preconditionFailure("the generator makes no list fields")
        }
    }

    var value: Value {
        switch self {
        case .int(let number): .int(number)
        case .float(let number): .float(number)
        case .string(let text): .string(text)
        case .bool(let flag): .bool(flag)
        }
    }
}
