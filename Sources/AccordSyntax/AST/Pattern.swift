/// `Template(constraint, ...)`: matches facts of a template. Inside the parentheses a
/// bare name is the matched fact's own field.
public struct Pattern: Sendable, Hashable {
    public let template: Identifier
    public let constraints: [Expression]
    public let span: SourceSpan

    public init(template: Identifier, constraints: [Expression], span: SourceSpan) {
        self.template = template
        self.constraints = constraints
        self.span = span
    }
}

/// One entry of a rule's `when` clause.
public enum Condition: Sendable, Hashable {
    /// `$v: T(...)` or `T(...)`.
    case match(binding: Identifier?, Pattern, span: SourceSpan)
    /// `not T(...)`: no fact matches.
    case not(Pattern, span: SourceSpan)
    /// `exists T(...)`: at least one fact matches (bindings inside do not escape).
    case exists(Pattern, span: SourceSpan)
    /// `test EXPR`.
    case test(Expression, span: SourceSpan)

    public var span: SourceSpan {
        switch self {
        case .match(_, _, let span), .not(_, let span), .exists(_, let span), .test(_, let span): span
        }
    }
}
