import AccordEngine

/// The JSON of a diff, shared by `whatif` and `sweep`: the recommendation objects of
/// `accord run --format json` (`JSONReport.recommendation`), ranked, with a changed one
/// adding `score_before` and `score_after`, and, where causes are known,
/// `caused_by: [{"change", "scenario", "line"}]`.
enum DiffJSON {
    /// `"added"`, `"removed"` and `"changed"`, in that order.
    static func members(_ diff: RankedDiff, causes: Bool) -> [JSONValue.Member] {
        [
            .init("added", .array(diff.added.map { entry($0, scores: false, causes: causes) })),
            .init("removed", .array(diff.removed.map { entry($0, scores: false, causes: causes) })),
            .init("changed", .array(diff.changed.map { entry($0, scores: true, causes: causes) })),
        ]
    }

    static func entry(_ entry: RankedDiff.Entry, scores: Bool, causes: Bool) -> JSONValue {
        var members: [JSONValue.Member] = []
        if case .object(let fields) = JSONReport.recommendation(entry.recommendation) { members = fields }
        if scores {
            members.append(.init("score_before", entry.scoreBefore.map(JSONValue.double) ?? .null))
            members.append(.init("score_after", entry.scoreAfter.map(JSONValue.double) ?? .null))
        }
        if causes {
            members.append(.init("caused_by", .array(entry.causes.map(cause))))
        }
        return .object(members)
    }

    static func cause(_ cause: ChangeCause) -> JSONValue {
        .object([
            .init("change", .string(cause.change)),
            .init("scenario", .string(cause.scenario)),
            .init("line", .int(Int64(cause.line))),
        ])
    }
}
