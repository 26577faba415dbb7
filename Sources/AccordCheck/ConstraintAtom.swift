import AccordSyntax

/// One comparison of a fact's field with a constant, as written in a pattern (`trade > 10`,
/// `5 > trade`, a bare bool field, `not flag`) or a `test` (`$r.trade < 5`): what the
/// interval reasoning of `FieldDomain` works on. Anything else is not an atom.
struct ConstraintAtom: Sendable {
    /// The field compared: a bare name in a pattern, or `$v.field`.
    enum Subject: Sendable, Hashable {
        case field(String)
        case member(binding: String, field: String)

        var field: String {
            switch self {
            case .field(let name), .member(_, let name): name
            }
        }
    }

    let subject: Subject
    let comparison: FieldDomain.Comparison
    let value: Value
    /// The comparison as written.
    let span: SourceSpan

    /// The atoms among the parts of `expression` that must all hold.
    static func atoms(in expression: Expression) -> [ConstraintAtom] {
        ExpressionWalk.conjuncts(expression).compactMap(atom)
    }

    private static func atom(_ expression: Expression) -> ConstraintAtom? {
        switch expression.kind {
        case .field(let name):
            return ConstraintAtom(subject: .field(name), comparison: .equal, value: .bool(true), span: expression.span)
        case .unary(.not, let operand):
            guard case .field(let name) = operand.ungrouped.kind else { return nil }
            return ConstraintAtom(subject: .field(name), comparison: .equal, value: .bool(false), span: expression.span)
        case .binary(let op, let lhs, let rhs):
            guard let comparison = FieldDomain.Comparison(op) else { return nil }
            if let subject = subject(lhs), let value = ConstantEvaluator.evaluate(rhs) {
                return ConstraintAtom(subject: subject, comparison: comparison, value: value, span: expression.span)
            }
            if let subject = subject(rhs), let value = ConstantEvaluator.evaluate(lhs) {
                return ConstraintAtom(subject: subject, comparison: comparison.flipped, value: value, span: expression.span)
            }
            return nil
        case .integer, .float, .boolean, .string, .list, .variable, .member, .unary, .call, .aggregate, .group:
            return nil
        }
    }

    private static func subject(_ expression: Expression) -> Subject? {
        switch expression.ungrouped.kind {
        case .field(let name):
            return .field(name)
        case .member(let base, let field):
            guard case .variable(let binding) = base.ungrouped.kind else { return nil }
            return .member(binding: binding, field: field.name)
        case .integer, .float, .boolean, .string, .list, .variable, .unary, .binary, .call, .aggregate, .group:
            return nil
        }
    }
}
