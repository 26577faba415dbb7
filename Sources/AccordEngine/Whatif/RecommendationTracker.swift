/// Records which recommendations a change touches, and how each stood before it was
/// first touched, from the events truth maintenance raises as supports come and go.
/// A diff then costs what the change touched, never the size of the result set.
final class RecommendationTracker {
    private var before: [RecommendationKey: RecommendationResult] = [:]
    private var touched: Set<RecommendationKey> = []
    private var order: [RecommendationKey] = []
    private var causes: [RecommendationKey: [Int]] = [:]
    /// The caller's number for the change being made, if it numbers them.
    var cause: Int?
    /// Matches withdrawn while recording: a recommendation that goes later in the same
    /// change is still explained through the derivations it stood on.
    var withdrawn: [Int: Activation] = [:]
    /// A support each derived fact lost while recording, for the same reason.
    var formerSupport: [FactID: Int] = [:]

    /// Called before the store changes `key`.
    func note(_ key: RecommendationKey, in network: Network) {
        if touched.insert(key).inserted {
            order.append(key)
            if let result = network.result(for: key) { before[key] = result }
        }
        if let cause, causes[key]?.last != cause { causes[key, default: []].append(cause) }
    }

    func diff(in network: Network) -> RecommendationDiff {
        var diff = RecommendationDiff()
        for key in order {
            let old = before[key]
            let new = network.result(for: key)
            let causes = causes[key] ?? []
            switch (old, new) {
            case (nil, let added?):
                diff.added.append(.init(recommendation: added, scoreBefore: nil, scoreAfter: added.score, causes: causes))
            case (let removed?, nil):
                diff.removed.append(.init(recommendation: removed, scoreBefore: removed.score, scoreAfter: nil, causes: causes))
            case (let old?, let new?) where old.score != new.score:
                diff.changed.append(.init(recommendation: new, scoreBefore: old.score, scoreAfter: new.score, causes: causes))
            default:
                continue
            }
        }
        diff.added.sort { RecommendationResult.ranksBefore($0.recommendation, $1.recommendation) }
        diff.removed.sort { RecommendationResult.ranksBefore($0.recommendation, $1.recommendation) }
        diff.changed.sort { RecommendationResult.ranksBefore($0.recommendation, $1.recommendation) }
        return diff
    }
}
