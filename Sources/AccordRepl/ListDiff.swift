import AccordEngine
import AccordTooling

/// How the recommendations differ between two moments of the session: added, removed
/// and rescored, each identified by rule, subject and text (as `accord whatif` does).
struct ListDiff {
    struct Row {
        let mark: Character
        let score: String
        let recommendation: RecommendationResult
    }

    let rows: [Row]
    let added: Int
    let removed: Int
    let changed: Int

    init(before: [RecommendationResult], after: [RecommendationResult]) {
        struct Identity: Hashable { let rule: String, subject: String, text: String }
        func identity(_ r: RecommendationResult) -> Identity { Identity(rule: r.rule, subject: r.subject, text: r.text) }
        let old = Dictionary(before.map { (identity($0), $0) }, uniquingKeysWith: { first, _ in first })
        let new = Set(after.map(identity))
        var addedRows: [Row] = []
        var changedRows: [Row] = []
        for recommendation in after {
            if let previous = old[identity(recommendation)] {
                if previous.score != recommendation.score {
                    changedRows.append(Row(mark: "~", score: ReportText.score(previous.score) + " → " + ReportText.score(recommendation.score),
                                           recommendation: recommendation))
                }
            } else {
                addedRows.append(Row(mark: "+", score: ReportText.score(recommendation.score), recommendation: recommendation))
            }
        }
        let removedRows = before.filter { !new.contains(identity($0)) }
            .map { Row(mark: "-", score: ReportText.score($0.score), recommendation: $0) }
        rows = addedRows + removedRows + changedRows
        added = addedRows.count
        removed = removedRows.count
        changed = changedRows.count
    }

    var isEmpty: Bool { rows.isEmpty }
    var tally: String { "+\(added) -\(removed) ~\(changed)" }

    /// `+ 0.70  Jilin  Open a joint logistics centre ... · rule joint_logistics_centre · #3`.
    func render(style: TerminalStyle) -> String {
        let scoreWidth = rows.map { $0.score.count }.max() ?? 0
        let subjectWidth = rows.map { subject($0).count }.max() ?? 0
        var out = ""
        for row in rows {
            let head = "\(row.mark) " + ReplText.pad(row.score, scoreWidth)
            let marked = row.mark == "+" ? style.added(head) : row.mark == "-" ? style.removed(head) : style.changed(head)
            var line = marked + "  " + style.bold(ReplText.pad(subject(row), subjectWidth)) + "  " + row.recommendation.text
            line += style.dim(" · rule ") + style.rule(row.recommendation.rule)
            if row.mark != "-" { line += style.dim(" · rank \(row.recommendation.rank)") }
            out += line + "\n"
        }
        return out
    }

    private func subject(_ row: Row) -> String {
        row.recommendation.subject.isEmpty ? "(no subject)" : row.recommendation.subject
    }
}
