import AccordEngine

/// The `"profile"` object `accord run --profile --format json` adds after `"stats"`:
///
///     {"rules": [{"rule", "activations", "firings", "time_ms", "matching_ms"}],
///      "matching_outside_rules_ms",
///      "nodes": [{"kind", "template", "condition", "file", "line", "col", "rules",
///                 "left_tokens", "right_facts", "join_tests"}]}
///
/// Rules slowest first, nodes busiest first, as in the text; times in milliseconds,
/// to the microsecond.
public enum ProfileJSON {
    public static func object(_ profile: RunProfile) -> JSONValue {
        .object([
            .init("rules", .array(profile.rules.map(rule))),
            .init("matching_outside_rules_ms", milliseconds(profile.matchingOutsideRules)),
            .init("nodes", .array(profile.nodes.map(node))),
        ])
    }

    static func rule(_ rule: RunProfile.Rule) -> JSONValue {
        .object([
            .init("rule", .string(rule.name)),
            .init("activations", .int(Int64(rule.activations))),
            .init("firings", .int(Int64(rule.firings))),
            .init("time_ms", milliseconds(rule.time)),
            .init("matching_ms", milliseconds(rule.matchingTime)),
        ])
    }

    static func node(_ node: RunProfile.Node) -> JSONValue {
        .object([
            .init("kind", .string(node.kind.rawValue)),
            .init("template", .string(node.template)),
            .init("condition", .string(node.condition)),
            .init("file", .string(node.file)),
            .init("line", .int(Int64(node.line))),
            .init("col", .int(Int64(node.column))),
            .init("rules", .array(node.rules.map(JSONValue.string))),
            .init("left_tokens", .int(Int64(node.leftTokens))),
            .init("right_facts", .int(Int64(node.rightFacts))),
            .init("join_tests", .int(Int64(node.joinTests))),
        ])
    }

    static func milliseconds(_ duration: Duration) -> JSONValue {
        .double(Double(ProfileText.microseconds(duration)) / 1000)
    }
}
