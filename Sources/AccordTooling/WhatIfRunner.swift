import AccordCheck
import AccordEngine

/// Evaluates scenarios against an engine that has run its baseline: for each, open a
/// checkpoint, apply the scenario's changes (its parents' first) one at a time with a
/// run to quiescence after each, take the diff from the engine's change events, and
/// roll back, so the next scenario starts from the same baseline. Only the ranks need
/// the full lists: the baseline's once, and each scenario's once.
public struct WhatIfRunner {
    let engine: Engine
    let baseline: [RecommendationResult]

    /// `engine` must have run (the baseline is its current state).
    public init(engine: Engine) {
        self.engine = engine
        baseline = engine.recommendations()
    }

    public func evaluate(scenario name: String, maxFirings: Int = Engine.defaultMaxFirings,
                         isCancelled: () -> Bool = { false }) throws(EngineError) -> WhatIfResult {
        let program = engine.program
        guard let chain = program.scenarioChain(name), let scenario = chain.last else {
            throw .internalError("no scenario `\(name)`")
        }
        let start = engine.checkpoint()
        let diff: RecommendationDiff
        let after: [RecommendationResult]
        do {
            diff = try engine.whatIf(chain.flatMap(\.changes), maxFirings: maxFirings, isCancelled: isCancelled)
            after = engine.recommendations()
        } catch {
            // Leave the session at its baseline even when the scenario failed; the
            // scenario's error is the one worth reporting.
            try? engine.rollback(to: start)
            throw error
        }
        try engine.rollback(to: start)
        return WhatIfResult(
            scenario: name, title: scenario.title?.value, parents: chain.dropLast().map(\.name.name),
            baselineCount: baseline.count, count: after.count,
            diff: RankedDiff(diff, before: baseline, after: after, causes: ChangeDescription.causes(of: chain, in: program)))
    }
}
