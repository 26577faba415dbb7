import AccordCheck
import AccordEngine

/// `accord whynot --format json`: one object,
///
///     {"rule", "subject", "fired", "closest": [{"satisfied", "facts", "aggregates"}],
///      "failed": {"condition", "line", "col", "values", "fact", "blocked_by", "error"} | null,
///      "changes": [...]}
///
/// `condition` is the failing constraint as written (a pattern's first false constraint,
/// or the whole condition for `not`, `test` and a missing fact), `line` and `col` where it
/// is written, `values` what it read. Each change is verified:
/// `{"ref", "field", "current", "needs", "try"}`, `{"retract": "T[...]"}`,
/// `{"assert": "T {...}"}`, or `{"together": [change, change]}` for a pair.
public struct WhyNotJSON: Sendable {
    public init() {}

    public func render(_ report: WhyNotReport) -> String {
        document(report).rendered()
    }

    public func document(_ report: WhyNotReport) -> JSONValue {
        .object([
            .init("rule", .string(report.rule)),
            .init("subject", report.subject.map(JSONValue.string) ?? .null),
            .init("fired", .bool(report.fired)),
            .init("closest", .array(report.closest.map(Self.partial))),
            .init("failed", report.failed.map(Self.failed) ?? .null),
            .init("changes", .array(report.changes.map(Self.suggestion))),
        ])
    }

    static func partial(_ match: PartialMatch) -> JSONValue {
        .object([
            .init("satisfied", .int(Int64(match.satisfied))),
            .init("facts", .array(match.facts.map(JSONReport.support))),
            .init("aggregates", .object(match.aggregates.map { .init($0.name, JSONReport.value($0.value)) })),
        ])
    }

    static func failed(_ failed: FailedCondition) -> JSONValue {
        var source = failed.source
        var values: [NamedValue] = []
        var fact: JSONValue = .null
        var blockers: [Support] = []
        var error: String?
        switch failed.reason {
        case .constraint(let constraint):
            source = constraint.source
            values = constraint.values
            fact = JSONReport.support(constraint.fact)
            error = constraint.error
        case .test(let read, let failure):
            values = read
            error = failure
        case .blocked(let by):
            blockers = by
        case .noFacts, .noAggregateValue, .unexplained:
            break
        }
        return .object([
            .init("condition", .string(source.text)),
            .init("line", .int(Int64(source.line))),
            .init("col", .int(Int64(source.column))),
            .init("values", .object(values.map { .init($0.name, JSONReport.value($0.value)) })),
            .init("fact", fact),
            .init("blocked_by", .array(blockers.map(JSONReport.support))),
            .init("error", error.map(JSONValue.string) ?? .null),
        ])
    }

    static func suggestion(_ suggestion: SuggestedChange) -> JSONValue {
        if suggestion.changes.count == 1, let change = suggestion.changes.first { return Self.change(change) }
        return .object([.init("together", .array(suggestion.changes.map(Self.change)))])
    }

    static func change(_ change: FactChange) -> JSONValue {
        switch change {
        case .modify(let template, let key, let field, let current, let needs, let value):
            return .object([
                .init("ref", .string(SuggestedChangeText.reference(template, key: key))),
                .init("field", .string(field)),
                .init("current", JSONReport.value(current)),
                .init("needs", .string(needs)),
                .init("try", JSONReport.value(value)),
            ])
        case .retract(let fact):
            return .object([.init("retract", .string(SuggestedChangeText.target(fact)))])
        case .assert(let template, let fields):
            return .object([.init("assert", .string(SuggestedChangeText.record(template, fields)))])
        }
    }
}
