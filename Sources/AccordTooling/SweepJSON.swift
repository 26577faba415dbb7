/// `accord sweep --format json`, the shape of the command-line contract (language brief
/// §6):
///
///     {"points": [{"value": v, "recommendations": N}],
///      "changes": [{"at": v, "added": [...], "removed": [...]}]}
///
/// A count per point, and the full recommendation objects (those of `run --format json`,
/// ranked in the list at that point, or for a removed one in the list just before it)
/// only at the tipping points. Values keep the field's type: `2` for an int field,
/// `2.0` for a float field.
public struct SweepJSON: Sendable {
    public init() {}

    public func render(_ outcome: SweepOutcome) -> String {
        document(outcome).rendered()
    }

    public func document(_ outcome: SweepOutcome) -> JSONValue {
        .object([
            .init("points", .array(outcome.points.map { point in
                .object([
                    .init("value", JSONReport.value(point.value)),
                    .init("recommendations", .int(Int64(point.recommendations))),
                ])
            })),
            .init("changes", .array(outcome.tippingPoints.map { tip in
                .object([
                    .init("at", JSONReport.value(tip.value)),
                    .init("added", .array(tip.diff.added.map { DiffJSON.entry($0, scores: false, causes: false) })),
                    .init("removed", .array(tip.diff.removed.map { DiffJSON.entry($0, scores: false, causes: false) })),
                ])
            })),
        ])
    }
}
