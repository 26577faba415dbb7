import AccordSyntax

/// Walks over expressions for the lint checks, which look at what rules read rather
/// than at types.
enum ExpressionWalk {
    /// Calls `body` on every node, parents first, inside aggregates too.
    static func visitAll(_ root: Expression, _ body: (Expression) -> Void) {
        root.forEachNode(intoAggregates: true, body)
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
