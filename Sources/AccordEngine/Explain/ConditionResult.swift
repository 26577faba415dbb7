import AccordCheck

/// How one condition of a rule held for a match: part of a recommendation's
/// explanation, beside the facts of `because`.
public struct ConditionResult: Sendable, Hashable {
    public enum Outcome: Sendable, Hashable {
        /// A pattern matched `because[fact]` (an index into the recommendation's
        /// `because`), bound to `binding` when the pattern names one.
        case matched(fact: Int, binding: String?)
        /// `exists T(...)`: some fact matches.
        case exists
        /// `not T(...)`: no fact matches, so nothing blocks the rule.
        case notBlocked
        /// `test EXPR` is true; the values it read (fields by `$v.field`, aggregates
        /// by their text).
        case testTrue(values: [NamedValue])
    }

    /// The condition's position among the rule's conditions (0-based).
    public let index: Int
    /// The condition as written, and where.
    public let source: SourceText
    public let outcome: Outcome

    public init(index: Int, source: SourceText, outcome: Outcome) {
        self.index = index
        self.source = source
        self.outcome = outcome
    }
}

/// An aggregate a match computed, by its text as written, with its value and the facts
/// it ranged over (the first `AggregateResult.factLimit`, in fact order).
public struct AggregateResult: Sendable, Hashable {
    public let expression: String
    public let value: Value
    /// The facts it aggregated, at most `factLimit`; empty when they are no longer known
    /// (a match withdrawn while a diff was recorded).
    public let facts: [Support]
    /// How many facts it aggregated, nil when they are no longer known.
    public let factCount: Int?

    public static let factLimit = 10

    public init(expression: String, value: Value, facts: [Support], factCount: Int?) {
        self.expression = expression
        self.value = value
        self.facts = facts
        self.factCount = factCount
    }
}
