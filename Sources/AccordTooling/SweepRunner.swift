import AccordCheck
import AccordEngine

/// Runs a sweep on an engine that has run its starting state (the baseline, or a
/// scenario applied on it): `Engine.sweep` modifies the fact in place, propagates and
/// diffs at each value, never rebuilding anything.
///
/// The engine is asked one value at a time so that a tipping point can be ranked: its
/// diff is unranked, and ranks need the full list at that moment — after the point
/// (read from the engine, then) and before it (rebuilt from the list after and the
/// diff). Between tipping points nothing reads the full list, so a sweep's cost follows
/// what changes, not how many recommendations there are.
public enum SweepRunner {
    public static func run(_ target: SweepTarget, values: [Value], on engine: Engine, scenario: String? = nil,
                           maxFirings: Int = Engine.defaultMaxFirings,
                           isCancelled: () -> Bool = { false },
                           willEvaluate: (_ index: Int, _ value: Value) -> Void = { _, _ in }) throws(EngineError) -> SweepOutcome {
        let reference = target.reference
        let startCount = engine.recommendationCount
        let startValue = engine.fact(reference.template, key: reference.key).flatMap { id in
            engine.facts(of: reference.template).first { $0.id == id }?.fields.first { $0.name == reference.field }?.value
        }
        var points: [SweepPoint] = []
        var tippingPoints: [SweepOutcome.TippingPoint] = []
        points.reserveCapacity(values.count)
        for (index, value) in values.enumerated() {
            willEvaluate(index, value)
            let step = try engine.sweep(reference.template, key: reference.key, field: reference.field, values: [value],
                                        maxFirings: maxFirings, isCancelled: isCancelled)
            points.append(contentsOf: step.points)
            for tip in step.tippingPoints {
                let after = engine.recommendations()
                let before = RecommendationIdentity.rankedBefore(tip.diff, after: after)
                tippingPoints.append(.init(value: tip.value, index: points.count - 1,
                                           diff: RankedDiff(tip.diff, before: before, after: after)))
            }
        }
        return SweepOutcome(reference: reference, scenario: scenario, startValue: startValue, startCount: startCount,
                            points: points, tippingPoints: tippingPoints)
    }
}
