import AccordSyntax

/// Walks over expressions for the lint checks, which look at what rules read rather
/// than at types.
enum ExpressionWalk {
    /// Calls `body` on every node, parents first, inside aggregates too.
    static func visitAll(_ root: Expression, _ body: (Expression) -> Void) {
        var stack = [root]
        while let node = stack.popLast() {
            body(node)
            switch node.kind {
            case .integer, .float, .boolean, .variable, .field: break
            case .aggregate(_, let pattern, let value):
                if let value { stack.append(value) }
                stack.append(contentsOf: pattern.constraints.reversed())
            case .string(let segments):
                for case .interpolation(let inner) in segments.reversed() { stack.append(inner) }
            case .list(let elements): stack.append(contentsOf: elements.reversed())
            case .member(let base, _): stack.append(base)
            case .unary(_, let operand): stack.append(operand)
            case .binary(_, let lhs, let rhs): stack.append(contentsOf: [rhs, lhs])
            case .call(_, let arguments): stack.append(contentsOf: arguments.reversed())
            case .group(let inner): stack.append(inner)
            }
        }
    }

    /// The aggregates in an expression, outermost first, with the span of each.
    static func aggregates(in root: Expression) -> [(function: AggregateFunction, pattern: Pattern, span: SourceSpan)] {
        var found: [(function: AggregateFunction, pattern: Pattern, span: SourceSpan)] = []
        visitAll(root) { node in
            if case .aggregate(let function, let pattern, _) = node.kind { found.append((function, pattern, node.span)) }
        }
        return found
    }

    /// The parts of an expression that must all hold: `a and (b and c)` is `a`, `b`, `c`.
    static func conjuncts(_ root: Expression) -> [Expression] {
        var found: [Expression] = []
        var stack = [root]
        while let node = stack.popLast() {
            let bare = node.ungrouped
            if case .binary(.and, let lhs, let rhs) = bare.kind {
                stack.append(contentsOf: [rhs, lhs])
            } else {
                found.append(bare)
            }
        }
        return found
    }
}
