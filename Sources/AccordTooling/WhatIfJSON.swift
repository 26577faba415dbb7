/// `accord whatif --format json`, the shape of the command-line contract (language
/// brief §6). One scenario:
///
///     {"added": [...], "removed": [...], "changed": [{..., "score_before", "score_after"}]}
///
/// several: `{"scenarios": [{"name", "added", "removed", "changed"}]}`, in the order
/// the scenarios were named. Every object is a recommendation of `run --format json`
/// plus `caused_by: [{"change", "scenario", "line"}]`.
public struct WhatIfJSON: Sendable {
    public init() {}

    public func render(_ results: [WhatIfResult]) -> String {
        document(results).rendered()
    }

    public func document(_ results: [WhatIfResult]) -> JSONValue {
        if results.count == 1, let only = results.first {
            return .object(DiffJSON.members(only.diff, causes: true))
        }
        return .object([
            .init("scenarios", .array(results.map { result in
                .object([.init("name", .string(result.scenario))] + DiffJSON.members(result.diff, causes: true))
            })),
        ])
    }
}
