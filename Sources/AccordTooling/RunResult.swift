import AccordEngine

/// What one evaluation produced, as the renderers need it: the recommendations to
/// show (possibly filtered, keeping the ranks of the full run), the run's statistics
/// (always of the full run), and where the rules came from. Plain values, so a report
/// can be rendered long after the engine is gone, or on another thread.
public struct RunResult: Sendable, Hashable {
    public var recommendations: [RecommendationResult]
    public var statistics: RunStatistics
    /// The files and folders evaluated, as the user named them.
    public var sources: [String]
    /// The scenario applied before running, if any.
    public var scenario: String?

    public init(recommendations: [RecommendationResult], statistics: RunStatistics, sources: [String],
                scenario: String? = nil) {
        self.recommendations = recommendations
        self.statistics = statistics
        self.sources = sources
        self.scenario = scenario
    }

    /// True when filters left out some of the run's recommendations.
    public var isFiltered: Bool { recommendations.count != statistics.recommendations }

    /// "5 recommendations from 4 rules (rules, scenario `dry_year`)", or "2 of 5 ..." when
    /// filtered: the one-line summary that heads the text and Markdown reports.
    public var summaryLine: String {
        summary(text: { $0 }, code: { "`\($0)`" })
    }

    /// The summary with user text passed through `text` and names through `code`, so
    /// that Markdown can escape the one and set the other as code.
    func summary(text: (String) -> String, code: (String) -> String) -> String {
        let shown = isFiltered
            ? "\(recommendations.count) of \(ReportText.plural(statistics.recommendations, "recommendation"))"
            : ReportText.plural(statistics.recommendations, "recommendation")
        var origin = sources.map(text)
        if let scenario { origin.append("scenario " + code(scenario)) }
        return "\(shown) from \(ReportText.plural(statistics.rules, "rule")) (\(origin.joined(separator: ", ")))"
    }

    /// Said instead of a list when there is nothing to show, so an empty report is
    /// never mistaken for a failure to run.
    public var emptyLine: String {
        if statistics.recommendations > 0 { return "No recommendation matches the filters." }
        if statistics.rules == 0 { return "No recommendations: there are no rules to evaluate." }
        return "No recommendations: no rule's conditions hold for these facts."
    }
}
