/// The readable report of `accord whatif` for one scenario:
///
///     Scenario heilongjiang_signs_ecommerce: Heilongjiang signs an e-commerce agreement with Amur Oblast
///     7 recommendations in the baseline (rules), 6 with the scenario: +1 -2 ~1
///
///     + 0.70         Jilin         Open a joint logistics centre with ... · rule ... · by modify Region["Jilin"] (...)
///
/// Several scenarios are compared side by side (`WhatIfComparison`). An empty diff says
/// so in words, so it is never mistaken for a failure to run.
public struct WhatIfReport: Sendable {
    public var useColor: Bool

    public init(useColor: Bool = false) {
        self.useColor = useColor
    }

    /// `sources` are the files and folders evaluated, as the user named them.
    public func render(_ results: [WhatIfResult], sources: [String]) -> String {
        let style = TerminalStyle(isEnabled: useColor)
        guard results.count == 1, let result = results.first else {
            return WhatIfComparison(style: style).render(results, sources: sources)
        }
        var out = style.bold(WhatIfReport.heading(result)) + "\n"
        out += "\(ReportText.plural(result.baselineCount, "recommendation")) in the baseline (\(sources.joined(separator: ", "))), "
        out += "\(result.count) with the scenario"
        out += result.diff.isEmpty ? "\n" : ": \(result.diff.tally)\n"
        out += "\n"
        if result.diff.isEmpty {
            return out + "No change: the scenario adds, removes and rescores no recommendation.\n"
        }
        return out + DiffLines(style: style, indent: "").render(result.diff)
    }

    /// `Scenario bigger_push (extends heilongjiang_signs_ecommerce): its title`.
    static func heading(_ result: WhatIfResult) -> String {
        var heading = "Scenario " + result.scenario
        if !result.parents.isEmpty { heading += " (extends " + result.parents.reversed().joined(separator: ", ") + ")" }
        if let title = result.title { heading += ": " + title }
        return heading
    }
}
