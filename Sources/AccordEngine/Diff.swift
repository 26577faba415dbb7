import AccordCheck

/// How recommendations changed between two moments of a session: those that appeared,
/// those that went, and those whose score moved. Plain values, like every result.
public struct RecommendationDiff: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        /// As it stands after the change; a removed one as it stood before. Its `rank` is
        /// 0: ranking needs the whole set, which a diff never reads.
        public var recommendation: RecommendationResult
        public let scoreBefore: Double?
        public let scoreAfter: Double?
        /// The numbers of the changes during which it changed (`Engine.noteCause`), in order.
        public let causes: [Int]

        public init(recommendation: RecommendationResult, scoreBefore: Double?, scoreAfter: Double?, causes: [Int]) {
            self.recommendation = recommendation
            self.scoreBefore = scoreBefore
            self.scoreAfter = scoreAfter
            self.causes = causes
        }
    }

    /// Each list in ranking order.
    public var added: [Entry] = []
    public var removed: [Entry] = []
    public var changed: [Entry] = []

    public init(added: [Entry] = [], removed: [Entry] = [], changed: [Entry] = []) {
        self.added = added
        self.removed = removed
        self.changed = changed
    }

    public var isEmpty: Bool { added.isEmpty && removed.isEmpty && changed.isEmpty }

    /// True when recommendations appeared or went (a score change alone is not a tipping point).
    public var changesTheSet: Bool { !added.isEmpty || !removed.isEmpty }
}

/// An open checkpoint of an engine session: `Engine.rollback(to:)` returns to it.
public struct Checkpoint: Sendable, Hashable {
    let depth: Int
}

/// One point of a sweep: the value tried and how many recommendations it gave.
public struct SweepPoint: Sendable, Hashable {
    public let value: Value
    public let recommendations: Int

    public init(value: Value, recommendations: Int) {
        self.value = value
        self.recommendations = recommendations
    }
}

/// A tipping point: the value at which the set of recommendations changed, against the
/// point before it (the first point against the starting state).
public struct TippingPoint: Sendable, Hashable {
    public let value: Value
    public let diff: RecommendationDiff

    public init(value: Value, diff: RecommendationDiff) {
        self.value = value
        self.diff = diff
    }
}

public struct SweepResult: Sendable, Hashable {
    /// Recommendations before the first point.
    public let startCount: Int
    public let points: [SweepPoint]
    public let tippingPoints: [TippingPoint]

    public init(startCount: Int, points: [SweepPoint], tippingPoints: [TippingPoint]) {
        self.startCount = startCount
        self.points = points
        self.tippingPoints = tippingPoints
    }
}
