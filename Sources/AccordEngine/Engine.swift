import AccordCheck
import AccordSyntax

/// The engine facade: a checked program compiled into a Rete network, its facts
/// loaded, ready to run, change and query. One engine is one session; it is not
/// shared between threads. Everything it returns is a `Sendable` value.
///
///     let analysis = Frontend.analyze(paths: ["Rules"])
///     let engine = try Engine(program: model)
///     try engine.run()
///     for recommendation in engine.recommendations() { print(recommendation.text) }
public final class Engine {
    public static let defaultMaxFirings = 10_000_000
    /// Ten million facts take a few gigabytes: past that, a rule base is more likely
    /// running away than meant to be that large.
    public static let defaultMaxFacts = 10_000_000

    let network: Network
    public let program: CheckedProgram

    /// `print` actions write here, one line per call, in firing order. With `profile`,
    /// the session counts and times its work from the first fact on (`profile()`).
    /// Working memory holds at most `maxFacts` facts, the program's own included.
    public init(program: CheckedProgram, print: @escaping (String) -> Void = { _ in }, profile: Bool = false,
                maxFacts: Int = Engine.defaultMaxFacts) throws(EngineError) {
        self.program = program
        network = Network(program: program)
        network.memory.maxFacts = maxFacts
        network.printer = print
        if profile { network.profiler = Profiler(ruleCount: program.rules.count) }
        do {
            var builder = NetworkBuilder(network: network)
            try builder.build(program.rules)
            // Loading a million facts takes seconds: Ctrl-C is looked for along the way.
            let limits = LoadLimits.current
            for (index, fact) in program.facts.enumerated() {
                if index % 1024 == 1023, limits.isCancelled() { throw EngineError.cancelled(firings: 0) }
                guard let template = network.template(named: fact.template) else { continue }
                let values = template.fieldNames.map { name in network.symbols.datum(fact[name] ?? .int(0)) }
                do {
                    try network.assertFact(template: template.id, values: values, cite: fact.cite, origin: .given(fact.span))
                } catch let full as FactLimitReached {
                    throw EngineError.factLimit(limit: full.limit, template: template.name, rule: nil, span: fact.span)
                }
            }
        } catch let error as EngineError {
            throw error
        } catch let error as CompileError {
            throw .compile(message: error.message, span: error.span)
        } catch let error as RuntimeFailure {
            throw .runtime(rule: network.ruleName(containing: error.span) ?? "", message: error.message, span: error.span)
        } catch let duplicate as DuplicateKey {
            throw .duplicateKey(template: network.templates[duplicate.template].name, key: describeKey(duplicate.twin), span: nil)
        } catch {
            throw .internalError("\(error)")
        }
    }

    /// Fires rules until none is ready, a rule halts, `maxFirings` is reached (an error
    /// naming the busiest rule) or `isCancelled` answers true between two firings.
    @discardableResult
    public func run(maxFirings: Int = Engine.defaultMaxFirings, isCancelled: () -> Bool = { false }) throws(EngineError) -> RunOutcome {
        var outcome = RunOutcome.quiescent
        try mapped { outcome = try network.run(maxFirings: maxFirings, isCancelled: isCancelled) }
        return outcome
    }

    /// The most facts working memory may hold (`--max-facts`); lowering it below the
    /// facts there are stops the next change that adds one.
    public var maxFacts: Int {
        get { network.memory.maxFacts }
        set { network.memory.maxFacts = newValue }
    }

    /// The rule whose actions were running when the last run stopped with an error (it
    /// may differ from the rule the error names, whose condition failed on the change).
    public var ruleFiringAtError: String? { network.failedWhileFiring }

    public var statistics: RunStatistics {
        let recommendationTemplate = network.template(named: "Recommendation")?.id
        let facts = network.memory.liveIDs.filter { network.memory[$0].template != recommendationTemplate }.count
        return RunStatistics(facts: facts, recommendations: network.recommendations.count, rules: network.rules.count,
                             firings: network.firings)
    }

    /// Runs engine work, mapping internal errors to `EngineError`.
    func mapped(_ work: () throws -> Void) throws(EngineError) {
        do {
            try work()
        } catch let error as EngineError {
            throw error
        } catch let failure as RuntimeFailure {
            throw .runtime(rule: network.ruleName(containing: failure.span) ?? "", message: failure.message, span: failure.span)
        } catch let duplicate as DuplicateKey {
            throw .duplicateKey(template: network.templates[duplicate.template].name, key: describeKey(duplicate.twin), span: nil)
        } catch let full as FactLimitReached {
            throw .factLimit(limit: full.limit, template: network.templates[full.template].name, rule: nil, span: nil)
        } catch {
            throw .internalError("\(error)")
        }
    }

    func describeKey(_ fact: FactID) -> String {
        let record = network.memory[fact]
        return network.templates[record.template].key(of: record.values)
            .map { network.symbols.value($0).description }.joined(separator: ", ")
    }
}
