import AccordEngine

/// What identifies a recommendation across two moments of a session: its rule, subject
/// and text (the language brief, §3). Its score, supports and rank may differ.
struct RecommendationIdentity: Hashable {
    let rule: String
    let subject: String
    let text: String

    init(_ recommendation: RecommendationResult) {
        rule = recommendation.rule
        subject = recommendation.subject
        text = recommendation.text
    }

    /// Each recommendation's rank in a ranked list.
    static func ranks(_ ranked: [RecommendationResult]) -> [RecommendationIdentity: Int] {
        Dictionary(ranked.map { (RecommendationIdentity($0), $0.rank) }, uniquingKeysWith: { first, _ in first })
    }

    /// The ranked list as it stood before `diff`, rebuilt from the list after it: the
    /// added ones taken out, the removed ones put back, changed ones at their old score.
    /// Costs one sort, so a sweep pays it only at a tipping point.
    static func rankedBefore(_ diff: RecommendationDiff, after: [RecommendationResult]) -> [RecommendationResult] {
        let added = Set(diff.added.map { RecommendationIdentity($0.recommendation) })
        var oldScores: [RecommendationIdentity: Double] = [:]
        for entry in diff.changed {
            if let score = entry.scoreBefore { oldScores[RecommendationIdentity(entry.recommendation)] = score }
        }
        var before: [RecommendationResult] = []
        before.reserveCapacity(after.count + diff.removed.count)
        for recommendation in after where !added.contains(RecommendationIdentity(recommendation)) {
            before.append(oldScores[RecommendationIdentity(recommendation)].map { recommendation.rescored($0) } ?? recommendation)
        }
        before.append(contentsOf: diff.removed.map(\.recommendation))
        before.sort(by: RecommendationResult.ranksBefore)
        for index in before.indices { before[index].rank = index + 1 }
        return before
    }
}

extension RecommendationResult {
    /// The same recommendation with another score (the one it had before a change).
    func rescored(_ score: Double) -> RecommendationResult {
        RecommendationResult(rank: rank, rule: rule, subject: subject, text: text, score: score, category: category,
                             tags: tags, cite: cite, details: details, because: because, ruleOrder: ruleOrder)
    }
}
