/// The `+`, `-` and `~` lines of a diff, one per recommendation, shared by `whatif`
/// and `sweep`:
///
///     + 0.70         Jilin         Open a joint logistics centre with ... · rule joint_logistics_centre · by modify ...
///     ~ 0.56 → 0.63  Jilin         Sign an e-commerce agreement with ... · rule corridor_agreement · by modify ...
///
/// Scores and subjects are padded to the widest in the diff so the texts line up.
struct DiffLines {
    let style: TerminalStyle
    let indent: String

    func render(_ diff: RankedDiff) -> String {
        let rows = DiffLines.rows(diff)
        let scoreWidth = rows.map { $0.score.count }.max() ?? 0
        let subjectWidth = rows.map { $0.subject.count }.max() ?? 0
        var out = ""
        for row in rows {
            let entry = row.entry
            var line = indent + style.mark(row.mark, row.mark.sign + " " + pad(row.score, scoreWidth))
            line += "  " + style.bold(pad(row.subject, subjectWidth)) + "  " + entry.recommendation.text
            line += style.dim(" · rule ") + style.rule(entry.recommendation.rule)
            if !entry.causes.isEmpty {
                line += style.dim(" · by " + entry.causes.map(DiffLines.cause).joined(separator: ", "))
            }
            out += line + "\n"
        }
        return out
    }

    /// `modify Region["Jilin"] (rules/scenarios.accord:9)`.
    static func cause(_ cause: ChangeCause) -> String {
        "\(cause.change) (\(cause.file):\(cause.line))"
    }

    /// The score cell: the score after the change, the score it had for a removed one,
    /// both for a changed one.
    static func score(_ entry: RankedDiff.Entry, _ mark: DiffMark) -> String {
        let before = entry.scoreBefore.map(ReportText.score) ?? ""
        let after = entry.scoreAfter.map(ReportText.score) ?? ""
        switch mark {
        case .added: return after
        case .removed: return before
        case .changed: return before + " → " + after
        }
    }

    /// Added, then removed, then changed, as the JSON lists them.
    private static func rows(_ diff: RankedDiff) -> [Row] {
        diff.added.map { Row(mark: .added, entry: $0) } + diff.removed.map { Row(mark: .removed, entry: $0) }
            + diff.changed.map { Row(mark: .changed, entry: $0) }
    }

    private struct Row {
        let mark: DiffMark
        let entry: RankedDiff.Entry
        var score: String { DiffLines.score(entry, mark) }
        var subject: String { entry.recommendation.subject.isEmpty ? "(no subject)" : entry.recommendation.subject }
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }
}
