import AccordEngine

/// Several scenarios side by side against the same baseline: one row per
/// recommendation that changed in any of them, one column per scenario, and the
/// recommendation last so the columns line up however long its text is:
///
///     7 recommendations in the baseline (rules), against 2 scenarios:
///       heilongjiang_signs_ecommerce  Heilongjiang signs an e-commerce agreement with Amur Oblast
///       bigger_push                   The agreement, and ... (extends heilongjiang_signs_ecommerce)
///
///     heilongjiang_signs_ecommerce  bigger_push    recommendation
///     + 0.70                        + 0.70         Jilin         Open a joint logistics centre ... · rule ...
///     ~ 0.56 → 0.62                 ~ 0.56 → 0.68  Jilin         Sign an e-commerce agreement ... · rule ...
///     6: +1 -2 ~1                   4: +1 -4 ~1    with the scenario
///
/// A cell is `+ score`, `- score`, `~ before → after`, or blank where that scenario
/// left the recommendation alone. Rows go by rule order, then subject and text.
struct WhatIfComparison {
    let style: TerminalStyle

    func render(_ results: [WhatIfResult], sources: [String]) -> String {
        let baseline = results.first?.baselineCount ?? 0
        var out = style.bold("\(ReportText.plural(baseline, "recommendation")) in the baseline (\(sources.joined(separator: ", "))), "
            + "against \(ReportText.plural(results.count, "scenario")):") + "\n"
        let nameWidth = results.map(\.scenario.count).max() ?? 0
        for result in results {
            var legend = result.title ?? ""
            if !result.parents.isEmpty {
                let extends = "extends " + result.parents.reversed().joined(separator: ", ")
                legend += legend.isEmpty ? extends : " (\(extends))"
            }
            let line = "  " + pad(result.scenario, nameWidth) + "  " + legend
            out += String(line.reversed().drop(while: { $0 == " " }).reversed()) + "\n"
        }
        let rows = WhatIfComparison.rows(results)
        guard !rows.isEmpty else {
            return out + "\nNo change: no scenario adds, removes or rescores a recommendation.\n"
        }
        let totals = results.map { "\($0.count): " + ($0.diff.isEmpty ? "no change" : $0.diff.tally) }
        var widths = results.indices.map { index in
            ([results[index].scenario.count, totals[index].count] + rows.map { $0.cellText(index).count }).max() ?? 0
        }
        widths = widths.map { max($0, 1) }
        let subjectWidth = rows.map(\.subject.count).max() ?? 0

        out += "\n"
        out += style.bold(zip(results, widths).map { pad($0.scenario, $1) }.joined(separator: "  ") + "  recommendation") + "\n"
        for row in rows {
            var line = ""
            for index in results.indices {
                let text = pad(row.cellText(index), widths[index])
                line += (row.cells[index].map { style.mark($0.mark, text) } ?? text) + "  "
            }
            let recommendation = row.recommendation
            line += style.bold(pad(row.subject, subjectWidth)) + "  " + recommendation.text
            line += style.dim(" · rule ") + style.rule(recommendation.rule)
            out += line + "\n"
        }
        out += zip(totals, widths).map { pad($0, $1) }.joined(separator: "  ") + "  " + style.dim("with the scenario") + "\n"
        return out
    }

    private struct Cell {
        let mark: DiffMark
        let entry: RankedDiff.Entry
    }

    private struct Row {
        let recommendation: RecommendationResult
        var cells: [Cell?]

        var subject: String { recommendation.subject.isEmpty ? "(no subject)" : recommendation.subject }

        func cellText(_ index: Int) -> String {
            guard let cell = cells[index] else { return "" }
            return cell.mark.sign + " " + DiffLines.score(cell.entry, cell.mark)
        }
    }

    /// One row per recommendation any scenario touched; where several did, the row shows
    /// the recommendation as the first of them saw it.
    private static func rows(_ results: [WhatIfResult]) -> [Row] {
        var rows: [RecommendationIdentity: Row] = [:]
        for (index, result) in results.enumerated() {
            let entries = result.diff.added.map { ($0, DiffMark.added) } + result.diff.removed.map { ($0, DiffMark.removed) }
                + result.diff.changed.map { ($0, DiffMark.changed) }
            for (entry, mark) in entries {
                let identity = RecommendationIdentity(entry.recommendation)
                var row = rows[identity]
                    ?? Row(recommendation: entry.recommendation, cells: Array(repeating: nil, count: results.count))
                row.cells[index] = Cell(mark: mark, entry: entry)
                rows[identity] = row
            }
        }
        return rows.values.sorted { lhs, rhs in
            let (a, b) = (lhs.recommendation, rhs.recommendation)
            if a.ruleOrder != b.ruleOrder { return a.ruleOrder < b.ruleOrder }
            if a.subject != b.subject { return a.subject < b.subject }
            return a.text < b.text
        }
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }
}
