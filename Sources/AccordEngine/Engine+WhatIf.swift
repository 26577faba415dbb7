import AccordCheck
import AccordSyntax

/// What-if support: checkpoints that undo exactly, diffs from truth-maintenance events,
/// and sweeps of one field over many values.
///
///     let start = engine.checkpoint()
///     let diff = try engine.whatIf(changes)      // added, removed, changed in score
///     try engine.rollback(to: start)             // the session as it was
extension Engine {
    /// Opens a checkpoint. From now on every change is journaled, so `rollback(to:)` can
    /// return the session to this moment: its facts, its recommendations, its agenda.
    /// Checkpoints nest.
    public func checkpoint() -> Checkpoint {
        Checkpoint(depth: network.openCheckpoint())
    }

    /// The number of open checkpoints.
    public var openCheckpoints: Int { network.journal?.marks.count ?? 0 }

    /// Undoes everything since the checkpoint and closes it (and any opened after it).
    public func rollback(to checkpoint: Checkpoint) throws(EngineError) {
        guard checkpoint.depth < openCheckpoints else { throw .internalError("the checkpoint is no longer open") }
        try mapped { try network.rollback(toDepth: checkpoint.depth) }
    }

    /// Keeps everything since the checkpoint and closes it (and any opened after it); an
    /// outer checkpoint still undoes it.
    public func release(_ checkpoint: Checkpoint) {
        network.releaseCheckpoint(depth: checkpoint.depth)
    }

    /// Starts recording how recommendations change; a recording under way starts over.
    public func startDiff() {
        network.tracker = RecommendationTracker()
    }

    /// Numbers the change about to be made, so diff entries tell which changes changed them
    /// (a change that only retracted and rederived a recommendation at the same score is not one).
    public func noteCause(_ cause: Int?) {
        network.tracker?.begin(cause, in: network)
    }

    /// The recommendations that appeared, went or changed score since `startDiff()`, and
    /// stops recording. Its cost follows the number of recommendations touched.
    public func finishDiff() -> RecommendationDiff {
        guard let tracker = network.tracker else { return RecommendationDiff() }
        // Recording stops after the diff is taken: removed recommendations are explained
        // through the matches the tracker kept.
        defer { network.tracker = nil }
        return tracker.diff(in: network)
    }

    /// Applies changes one at a time, each followed by a run to quiescence, and answers
    /// how recommendations changed; entry causes are indexes into `changes`. The changes
    /// stay: open a checkpoint first to undo them.
    public func whatIf(_ changes: [Change], maxFirings: Int = Engine.defaultMaxFirings,
                       isCancelled: () -> Bool = { false }) throws(EngineError) -> RecommendationDiff {
        startDiff()
        defer { network.tracker = nil }
        for (index, change) in changes.enumerated() {
            noteCause(index)
            try apply([change])
            try run(maxFirings: maxFirings, isCancelled: isCancelled)
        }
        return finishDiff()
    }

    /// The number of recommendations now, in constant time.
    public var recommendationCount: Int { network.recommendations.count }

    /// Sets `Template[key].field` to each value in turn, incrementally (modify, run,
    /// diff), and answers the count at each point and the points where the set of
    /// recommendations changed. The last value stays: open a checkpoint first to undo.
    public func sweep(_ template: String, key: [Value], field: String, values: [Value],
                      maxFirings: Int = Engine.defaultMaxFirings,
                      isCancelled: () -> Bool = { false }) throws(EngineError) -> SweepResult {
        guard let id = fact(template, key: key) else {
            throw .unknownFact(template: template, key: key.map(\.description).joined(separator: ", "), span: nil)
        }
        let start = recommendationCount
        var points: [SweepPoint] = []
        var tippingPoints: [TippingPoint] = []
        points.reserveCapacity(values.count)
        defer { network.tracker = nil }
        for value in values {
            if isCancelled() { throw .cancelled(firings: network.firings) }
            startDiff()
            try modify(id, [field: value])
            try run(maxFirings: maxFirings, isCancelled: isCancelled)
            let diff = finishDiff()
            points.append(SweepPoint(value: value, recommendations: recommendationCount))
            if diff.changesTheSet { tippingPoints.append(TippingPoint(value: value, diff: diff)) }
        }
        return SweepResult(startCount: start, points: points, tippingPoints: tippingPoints)
    }
}
