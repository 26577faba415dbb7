import AccordCheck
import AccordEngine

/// The readable report of `accord sweep`: a small table of the count at each value
/// with a bar chart, then what appears and goes at each tipping point.
///
///     Sweep of Region["Jilin"].trade_busd over 41 values (rules)
///     Start: 7 recommendations, trade_busd = 6.0 (the baseline)
///
///     value        recommendations
///     0.0 … 9.5     7  ██████████████████████████▎
///     10.0          8  ██████████████████████████████  +1
///
///     Tipping points
///     at 10.0: 7 → 8
///       + 0.70  Jilin  Open a joint logistics centre with Primorsky Krai · rule joint_logistics_centre
///
/// Consecutive points where the set does not change share one row (`0.0 … 9.5`), so a
/// sweep of a thousand points stays a few lines long.
public struct SweepReport: Sendable {
    public var useColor: Bool
    /// The widest bar, in columns.
    public static let barWidth = 30

    public init(useColor: Bool = false) {
        self.useColor = useColor
    }

    public func render(_ outcome: SweepOutcome, sources: [String]) -> String {
        let style = TerminalStyle(isEnabled: useColor)
        var origin = sources
        if let scenario = outcome.scenario { origin.append("scenario `\(scenario)`") }
        var out = style.bold("Sweep of \(outcome.reference) over \(ReportText.plural(outcome.points.count, "value")) "
            + "(\(origin.joined(separator: ", ")))") + "\n"
        var start = "Start: " + ReportText.plural(outcome.startCount, "recommendation")
        if let value = outcome.startValue { start += ", \(outcome.reference.field) = \(ReportText.value(value))" }
        start += outcome.scenario.map { " (scenario `\($0)`)" } ?? " (the baseline)"
        out += start + "\n\n"
        out += table(outcome, style: style)
        out += "\n"
        guard !outcome.tippingPoints.isEmpty else {
            return out + "No tipping point: the same recommendations at every value.\n"
        }
        out += style.bold("Tipping points") + "\n"
        let lines = DiffLines(style: style, indent: "  ")
        for tip in outcome.tippingPoints {
            let before = tip.index == 0 ? outcome.startCount : outcome.points[tip.index - 1].recommendations
            let after = outcome.points[tip.index].recommendations
            out += "at \(ReportText.value(tip.value)): \(before) → \(after)\n"
            out += lines.render(tip.diff.withoutScoreChanges)
        }
        return out
    }

    private func table(_ outcome: SweepOutcome, style: TerminalStyle) -> String {
        let rows = SweepReport.rows(outcome)
        let highest = max(outcome.startCount, outcome.points.map(\.recommendations).max() ?? 0)
        let valueWidth = max("value".count, rows.map(\.label.count).max() ?? 0)
        let countWidth = String(highest).count
        var out = style.bold(pad("value", valueWidth) + "  recommendations") + "\n"
        for row in rows {
            let count = String(repeating: " ", count: countWidth - String(row.count).count) + String(row.count)
            let bar = pad(SweepReport.bar(row.count, of: highest), SweepReport.barWidth)
            var line = pad(row.label, valueWidth) + "  " + count + "  " + bar
            if let tip = row.tip {
                var marks: [String] = []
                if !tip.diff.added.isEmpty { marks.append(style.added("+\(tip.diff.added.count)")) }
                if !tip.diff.removed.isEmpty { marks.append(style.removed("-\(tip.diff.removed.count)")) }
                line += "  " + marks.joined(separator: " ")
            }
            out += String(line.reversed().drop(while: { $0 == " " }).reversed()) + "\n"
        }
        return out
    }

    /// A row: one tipping point, or a run of points between tipping points (which all
    /// have the same count, since the set did not change).
    private struct Row {
        let label: String
        let count: Int
        let tip: SweepOutcome.TippingPoint?
    }

    private static func rows(_ outcome: SweepOutcome) -> [Row] {
        var tips: [Int: SweepOutcome.TippingPoint] = [:]
        for tip in outcome.tippingPoints { tips[tip.index] = tip }
        var rows: [Row] = []
        var runStart: Int?
        func closeRun(before end: Int) {
            guard let first = runStart else { return }
            let last = end - 1
            let from = ReportText.value(outcome.points[first].value)
            let label = first == last ? from : from + " … " + ReportText.value(outcome.points[last].value)
            rows.append(Row(label: label, count: outcome.points[first].recommendations, tip: nil))
            runStart = nil
        }
        for (index, point) in outcome.points.enumerated() {
            if let tip = tips[index] {
                closeRun(before: index)
                rows.append(Row(label: ReportText.value(point.value), count: point.recommendations, tip: tip))
            } else if runStart == nil {
                runStart = index
            }
        }
        closeRun(before: outcome.points.count)
        return rows
    }

    /// `count` as a bar of eighth blocks, the highest count filling `barWidth` columns;
    /// a count above zero always shows at least a sliver.
    static func bar(_ count: Int, of highest: Int) -> String {
        guard highest > 0, count > 0 else { return "" }
        let eighths = max(1, Int((Double(count) / Double(highest) * Double(barWidth * 8)).rounded()))
        let partials = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        return String(repeating: "█", count: eighths / 8) + partials[eighths % 8]
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }
}

extension RankedDiff {
    /// Only what appeared and went: a tipping point is about the set, and a score that
    /// moved at the same value is not part of it.
    var withoutScoreChanges: RankedDiff {
        RankedDiff(added: added, removed: removed, changed: [])
    }
}
