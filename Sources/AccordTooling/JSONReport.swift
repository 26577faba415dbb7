import AccordCheck
import AccordEngine

/// `accord run --format json`: one object, exactly the shape of the command-line
/// contract (language brief §6), which scripts rely on:
///
///     {"recommendations": [{"rank", "rule", "subject", "text", "score", "category",
///                           "tags", "cite", "details", "because"}],
///      "stats": {"facts", "recommendations", "rules", "firings"}}
///
/// Every key is always present (`cite` is null when there is none), so a consumer
/// never has to test for a key. `because` lists the supporting facts as
/// `{"template", "key", "fields", "cite"}`, and a derived fact adds
/// `"derived_by": {"rule", "because"}`, recursively, then `"binding"` (the variable
/// its condition bound, or null). After `because`, a recommendation lists its
/// `conditions` (how each held) and `aggregates` (values and facts). The recommendation and support
/// objects are public so that `whatif` and `sweep` print the same objects.
public struct JSONReport: Sendable {
    public init() {}

    public func render(_ result: RunResult) -> String {
        document(result).rendered()
    }

    public func document(_ result: RunResult) -> JSONValue {
        .object([
            .init("recommendations", .array(result.recommendations.map(JSONReport.recommendation))),
            .init("stats", JSONReport.statistics(result.statistics)),
        ])
    }

    public static func recommendation(_ recommendation: RecommendationResult) -> JSONValue {
        .object([
            .init("rank", .int(Int64(recommendation.rank))),
            .init("rule", .string(recommendation.rule)),
            .init("subject", .string(recommendation.subject)),
            .init("text", .string(recommendation.text)),
            .init("score", .double(recommendation.score)),
            .init("category", .string(recommendation.category)),
            .init("tags", .array(recommendation.tags.map(JSONValue.string))),
            .init("cite", recommendation.cite.map(JSONValue.string) ?? .null),
            .init("details", .object(recommendation.details.map { .init($0.name, value($0.value)) })),
            .init("because", .array(recommendation.because.map(support))),
            .init("conditions", .array(recommendation.conditions.map(condition))),
            .init("aggregates", .array(recommendation.aggregates.map(aggregate))),
        ])
    }

    /// How a condition held: `result` is `matched` (with `fact`, an index into
    /// `because`), `exists`, `not_blocked` or `true` (a `test`, with the `values` it read).
    public static func condition(_ condition: ConditionResult) -> JSONValue {
        var fact: JSONValue = .null
        var values: [JSONValue.Member] = []
        let result: String
        switch condition.outcome {
        case .matched(let index, _):
            result = "matched"
            fact = .int(Int64(index))
        case .exists: result = "exists"
        case .notBlocked: result = "not_blocked"
        case .testTrue(let read):
            result = "true"
            values = read.map { .init($0.name, value($0.value)) }
        }
        return .object([
            .init("condition", .string(condition.source.text)),
            .init("line", .int(Int64(condition.source.line))),
            .init("col", .int(Int64(condition.source.column))),
            .init("result", .string(result)),
            .init("fact", fact),
            .init("values", .object(values)),
        ])
    }

    /// An aggregate's value and the facts it ranged over (the first ten; `count` says
    /// how many, null when no longer known).
    public static func aggregate(_ aggregate: AggregateResult) -> JSONValue {
        .object([
            .init("expression", .string(aggregate.expression)),
            .init("value", value(aggregate.value)),
            .init("count", aggregate.factCount.map { .int(Int64($0)) } ?? .null),
            .init("facts", .array(aggregate.facts.map(support))),
        ])
    }

    /// A supporting fact; fields in the template's field order, the key as a list
    /// (empty for an unkeyed template).
    public static func support(_ support: Support) -> JSONValue {
        var members: [JSONValue.Member] = [
            .init("template", .string(support.template)),
            .init("key", .array(support.key.map(value))),
            .init("fields", .object(support.fields.map { .init($0.name, value($0.value)) })),
            .init("cite", support.cite.map(JSONValue.string) ?? .null),
        ]
        if let derivation = support.derivedBy {
            members.append(.init("derived_by", .object([
                .init("rule", .string(derivation.rule)),
                .init("because", .array(derivation.because.map(JSONReport.support))),
            ])))
        }
        members.append(.init("binding", support.binding.map(JSONValue.string) ?? .null))
        return .object(members)
    }

    public static func statistics(_ statistics: RunStatistics) -> JSONValue {
        .object([
            .init("facts", .int(Int64(statistics.facts))),
            .init("recommendations", .int(Int64(statistics.recommendations))),
            .init("rules", .int(Int64(statistics.rules))),
            .init("firings", .int(Int64(statistics.firings))),
        ])
    }

    /// Ints stay ints and floats stay floats (`1.0`, not `1`), so a consumer sees the
    /// field's declared type.
    public static func value(_ value: Value) -> JSONValue {
        switch value {
        case .int(let number): .int(number)
        case .float(let number): .double(number)
        case .string(let text): .string(text)
        case .bool(let flag): .bool(flag)
        case .list(let elements): .array(elements.map(JSONReport.value))
        }
    }
}
