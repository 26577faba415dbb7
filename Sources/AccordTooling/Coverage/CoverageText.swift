/// `CoverageReport` as text, printed by `accord test --coverage` after the test lines:
///
///     coverage: 3 of 4 rules fired by tests (75.0%), 6 of 8 conditions fine (75.0%)
///
///       rule      where                 fired by  conditions
///       hub       coverage/rules.accord:3   2 tests   ✓ ✓
///       lonely    coverage/rules.accord:9   none      ✓ ✗ ·
///
///       ✓ fine   ✗ never true (reached, never passed)   · never reached
///
///     no test fires: lonely (coverage/rules.accord:9)
///     never true: coverage/rules.accord:11:5 `trade > 10` in lonely
///     never reached: coverage/rules.accord:12:5 `not Hub()` in lonely
///
/// Percentages are rounded down, so 100.0% means every one.
public struct CoverageText: Sendable {
    public var useColor: Bool

    public init(useColor: Bool = false) {
        self.useColor = useColor
    }

    public func render(_ report: CoverageReport) -> String {
        let style = TestStyle(isEnabled: useColor)
        var out = "coverage: \(report.coveredRules) of \(ReportText.plural(report.rules.count, "rule")) fired by tests"
            + " (\(Self.percent(report.ruleCoverage))), \(report.fineConditions) of "
            + "\(ReportText.plural(report.conditionCount, "condition")) fine (\(Self.percent(report.conditionCoverage)))\n"
        guard !report.rules.isEmpty else { return out }
        let rows = report.rules.map { rule in
            (name: rule.name, place: "\(rule.file):\(rule.line)",
             fired: rule.firedBy.isEmpty ? "none" : ReportText.plural(rule.firedBy.count, "test"),
             marks: rule.conditions.map { condition in
                 switch condition.status {
                 case .fine: style.passed("✓")
                 case .neverTrue: style.failed("✗")
                 case .neverReached: style.dim("·")
                 }
             }.joined(separator: " "))
        }
        let header = (name: "rule", place: "where", fired: "fired by", marks: "conditions")
        let nameWidth = (rows.map(\.name.count) + [header.name.count]).max() ?? 0
        let placeWidth = (rows.map(\.place.count) + [header.place.count]).max() ?? 0
        let firedWidth = (rows.map(\.fired.count) + [header.fired.count]).max() ?? 0
        func line(_ row: (name: String, place: String, fired: String, marks: String)) -> String {
            let text = "  " + Self.pad(row.name, nameWidth) + "  " + Self.pad(row.place, placeWidth) + "  "
                + Self.pad(row.fired, firedWidth) + "  " + row.marks
            return String(text.reversed().drop { $0 == " " }.reversed()) + "\n"
        }
        out += "\n" + line(header) + rows.map(line).joined()
        out += "\n  \(style.passed("✓")) fine   \(style.failed("✗")) never true (reached, never passed)   "
            + "\(style.dim("·")) never reached\n"

        var notes: [String] = []
        for rule in report.rules where !rule.covered {
            notes.append("no test fires: \(rule.name) (\(rule.file):\(rule.line))")
        }
        for status in [CoverageReport.Status.neverTrue, .neverReached] {
            for rule in report.rules {
                for condition in rule.conditions where condition.status == status {
                    let label = status == .neverTrue ? "never true" : "never reached"
                    notes.append("\(label): \(rule.file):\(condition.line):\(condition.column) "
                                 + "`\(Self.oneLine(condition.text))` in \(rule.name)")
                }
            }
        }
        for rule in report.rules where rule.baselineOnly {
            notes.append("fires only in the baseline and no `expect` names it: \(rule.name) (\(rule.file):\(rule.line));"
                         + " counted as covered, but no test checks what it does")
        }
        if !notes.isEmpty { out += "\n" + notes.map { $0 + "\n" }.joined() }
        return out
    }

    /// One decimal, rounded down: `66.6%`, never `100.0%` short of all.
    public static func percent(_ value: Double) -> String {
        let tenths = (value * 10 + 1e-9).rounded(.down)
        return "\(Int(tenths) / 10).\(Int(tenths) % 10)%"
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }

    /// A condition written over several lines, on one.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
