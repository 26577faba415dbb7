import AccordEngine

/// The `--subject`, `--tag` and `--top` filters of `accord run`. Filtering never
/// re-ranks: a recommendation keeps the rank it has in the whole run, so "3" means the
/// same advice with or without filters, and scripts can tell what was left out.
public struct RecommendationFilter: Sendable, Hashable {
    /// Keep only recommendations whose subject is exactly this.
    public var subject: String?
    /// Keep only recommendations that carry every one of these tags.
    public var tags: [String]
    /// Keep at most this many, the best ranked of those the other filters keep.
    public var top: Int?

    public init(subject: String? = nil, tags: [String] = [], top: Int? = nil) {
        self.subject = subject
        self.tags = tags
        self.top = top
    }

    public static let none = RecommendationFilter()

    /// The recommendations that pass, in rank order.
    public func apply(_ recommendations: [RecommendationResult]) -> [RecommendationResult] {
        var kept = recommendations.filter(matches)
        kept.sort { $0.rank < $1.rank }
        if let top { kept = Array(kept.prefix(max(0, top))) }
        return kept
    }

    public func matches(_ recommendation: RecommendationResult) -> Bool {
        if let subject, recommendation.subject != subject { return false }
        return tags.allSatisfy(recommendation.tags.contains)
    }
}
