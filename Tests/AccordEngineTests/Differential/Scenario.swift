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
        var applier = ChangeApplier(ruleBase: ruleBase)
        if let problem = compare(engine, applier.given) { return .disagrees(step: 0, problem: problem) }
        for (index, change) in changes.enumerated() {
            do {
                switch try applier.apply(change, to: engine) {
                case .skipped: continue
                case .applied: try engine.run(maxFirings: Self.maxFirings)
                case .disagrees(let problem): return .disagrees(step: index + 1, problem: problem)
                }
            } catch {
                return .disagrees(step: index + 1, problem: "the engine failed: \(error)")
            }
            if let problem = compare(engine, applier.given) { return .disagrees(step: index + 1, problem: problem) }
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
