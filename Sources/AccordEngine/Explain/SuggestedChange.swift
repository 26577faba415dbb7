import AccordCheck

/// One change to the facts that why-not proposes, in the terms of a scenario.
public enum FactChange: Sendable, Hashable {
    /// Set a field of the keyed fact `template[key]` to `value`; `needs` is what the
    /// failing condition asks of it (`> 10`, `== "CN"`), `current` its value now.
    case modify(template: String, key: [Value], field: String, current: Value, needs: String, value: Value)
    /// Retract a fact (by its key when its template has one).
    case retract(Support)
    /// Assert a new fact with these fields (the others take their defaults).
    case assert(template: String, fields: [NamedValue])
}

/// Changes that, applied together (in order) to the session, make the rule fire for the
/// subject: one change, or two along the closest partial match when no single one does.
public struct SuggestedChange: Sendable, Hashable {
    public let changes: [FactChange]

    public init(_ changes: [FactChange]) {
        self.changes = changes
    }
}
