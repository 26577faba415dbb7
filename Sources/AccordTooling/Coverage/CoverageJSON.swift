/// `CoverageReport` as JSON (`accord test --coverage --coverage-format json`):
///
///     {"rules": [{"rule", "file", "line", "fired_by": [test names], "fires_in_baseline",
///                 "baseline_only", "conditions": [{"condition", "line", "col", "status"}]}],
///      "rule_coverage": 75, "condition_coverage": 62.5, "tests": 4}
///
/// `condition` is the condition as written in the source; `status` is `fine`,
/// `never_true` or `never_reached`. Coverages are percentages rounded down to two
/// decimals.
public struct CoverageJSON: Sendable {
    public init() {}

    public func render(_ report: CoverageReport) -> String {
        document(report).rendered()
    }

    public func document(_ report: CoverageReport) -> JSONValue {
        .object([
            .init("rules", .array(report.rules.map(rule))),
            .init("rule_coverage", .double(Self.rounded(report.ruleCoverage))),
            .init("condition_coverage", .double(Self.rounded(report.conditionCoverage))),
            .init("tests", .int(Int64(report.testCount))),
        ])
    }

    private func rule(_ rule: CoverageReport.Rule) -> JSONValue {
        .object([
            .init("rule", .string(rule.name)),
            .init("file", .string(rule.file)),
            .init("line", .int(Int64(rule.line))),
            .init("fired_by", .array(rule.firedBy.map(JSONValue.string))),
            .init("fires_in_baseline", .bool(rule.firesInBaseline)),
            .init("baseline_only", .bool(rule.baselineOnly)),
            .init("conditions", .array(rule.conditions.map { condition in
                .object([
                    .init("condition", .string(condition.text)),
                    .init("line", .int(Int64(condition.line))),
                    .init("col", .int(Int64(condition.column))),
                    .init("status", .string(condition.status.rawValue)),
                ])
            })),
        ])
    }

    /// Two decimals, rounded down, so 100 means every one.
    static func rounded(_ value: Double) -> Double {
        (value * 100 + 1e-9).rounded(.down) / 100
    }
}
