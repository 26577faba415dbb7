import AccordEngine

/// A `RecommendationDiff` made ready to report: every entry carries its rank in the full
/// ranked list it belongs to (a removed one in the list before the change, the others
/// in the list after it) and the scenario changes that caused it. The engine's diff
/// stays event-based and unranked; ranking needs the whole lists, which the caller has.
public struct RankedDiff: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        /// As it stands after the change (a removed one as it stood before), ranked.
        public let recommendation: RecommendationResult
        public let scoreBefore: Double?
        public let scoreAfter: Double?
        /// The changes during which it changed, in the order they were applied.
        public let causes: [ChangeCause]

        public init(recommendation: RecommendationResult, scoreBefore: Double?, scoreAfter: Double?, causes: [ChangeCause]) {
            self.recommendation = recommendation
            self.scoreBefore = scoreBefore
            self.scoreAfter = scoreAfter
            self.causes = causes
        }
    }

    /// Each in ranking order, as the engine's diff lists them.
    public let added: [Entry]
    public let removed: [Entry]
    public let changed: [Entry]

    /// `causes[i]` describes change number `i` of the diff's entries; an unknown number is skipped.
    public init(_ diff: RecommendationDiff, before: [RecommendationResult], after: [RecommendationResult],
                causes: [ChangeCause] = []) {
        let beforeRanks = RecommendationIdentity.ranks(before)
        let afterRanks = RecommendationIdentity.ranks(after)
        func entries(_ list: [RecommendationDiff.Entry], ranks: [RecommendationIdentity: Int]) -> [Entry] {
            list.map { entry in
                var recommendation = entry.recommendation
                recommendation.rank = ranks[RecommendationIdentity(recommendation)] ?? 0
                let described = entry.causes.compactMap { causes.indices.contains($0) ? causes[$0] : nil }
                return Entry(recommendation: recommendation, scoreBefore: entry.scoreBefore, scoreAfter: entry.scoreAfter,
                             causes: described)
            }
        }
        added = entries(diff.added, ranks: afterRanks)
        removed = entries(diff.removed, ranks: beforeRanks)
        changed = entries(diff.changed, ranks: afterRanks)
    }

    init(added: [Entry], removed: [Entry], changed: [Entry]) {
        self.added = added
        self.removed = removed
        self.changed = changed
    }

    public var isEmpty: Bool { added.isEmpty && removed.isEmpty && changed.isEmpty }

    /// "+1 -2 ~1": the size of each part, for summaries and table totals.
    public var tally: String { "+\(added.count) -\(removed.count) ~\(changed.count)" }
}

/// A change of a scenario as a diff entry names it: `modify Region["Jilin"]` in
/// scenario `bigger_push`, at `rules/scenarios.accord:14`.
public struct ChangeCause: Sendable, Hashable {
    public let scenario: String
    public let change: String
    /// The file as the user named it (or as the loader found it in a named folder).
    public let file: String
    public let line: Int

    public init(scenario: String, change: String, file: String, line: Int) {
        self.scenario = scenario
        self.change = change
        self.file = file
        self.line = line
    }
}
