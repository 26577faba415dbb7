/// Work that truth maintenance queues while a change propagates, settled afterwards in
/// a loop (never by recursion): logical facts that lost their last support, facts of
/// recursive templates to over-delete and then rederive, recommendations whose best
/// support changed.
struct TruthMaintenance {
    var retractions: [FactID] = []
    /// Over-deleted facts of recursive templates with the supports they had.
    var overDeleted: [(fact: FactID, supports: [Int])] = []
    var refreshes: [RecommendationKey] = []
    var refreshSet: Set<RecommendationKey> = []

    var isSettled: Bool { retractions.isEmpty && refreshes.isEmpty && overDeleted.isEmpty }

    mutating func refresh(_ key: RecommendationKey) {
        if refreshSet.insert(key).inserted { refreshes.append(key) }
    }

    mutating func takeRefreshes() -> [RecommendationKey] {
        let keys = refreshes
        refreshes = []
        refreshSet = []
        return keys
    }
}
