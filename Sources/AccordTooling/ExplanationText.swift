import AccordCheck
import AccordEngine

/// The parts of a recommendation's explanation beyond its facts, worded once for the
/// text report, the Markdown report and the REPL's `:why`: the aggregates the match
/// computed (with the facts they ranged over) and how each condition that binds no fact
/// held.
///
///     count(Crossing(from == $r.name)) = 5, over:
///       Crossing { from: "Heilongjiang", to: "Amur Oblast" }
///     not Agreement($r.name in parties): holds, no fact matches it
///     test $r.trade > 10: true, with $r.trade = 12
public enum ExplanationText {
    /// One item of the explanation: a headline, then facts under it (with their cites).
    public struct Item: Sendable, Hashable {
        public let headline: String
        public let facts: [Support]
        /// Facts aggregated beyond those listed.
        public let more: Int
    }

    public static func items(_ recommendation: RecommendationResult) -> [Item] {
        var items: [Item] = []
        for aggregate in recommendation.aggregates {
            let value = "\(aggregate.expression) = \(ReportText.value(aggregate.value))"
            let listed = aggregate.facts.count
            let count = aggregate.factCount ?? listed
            items.append(Item(headline: listed == 0 ? value : value + ", over:", facts: aggregate.facts,
                              more: max(0, count - listed)))
        }
        for condition in recommendation.conditions {
            switch condition.outcome {
            case .matched:
                continue
            case .exists:
                items.append(Item(headline: "\(condition.source.text): holds", facts: [], more: 0))
            case .notBlocked:
                items.append(Item(headline: "\(condition.source.text): holds, no fact matches it", facts: [], more: 0))
            case .testTrue(let values):
                // Aggregates are listed above with their values.
                let aggregates = Set(recommendation.aggregates.map(\.expression))
                let read = values.filter { !aggregates.contains($0.name) }.map { "\($0.name) = \(ReportText.value($0.value))" }.joined(separator: ", ")
                items.append(Item(headline: "\(condition.source.text): true" + (read.isEmpty ? "" : ", with " + read),
                                  facts: [], more: 0))
            }
        }
        return items
    }

    /// `$r: Region["Jilin"] { ... }`: a supporting fact with the variable its condition bound.
    public static func fact(_ support: Support) -> String {
        (support.binding.map { "$\($0): " } ?? "") + ReportText.fact(support)
    }
}
