import AccordSyntax

/// Static facts about an expression that decide where in the network it is evaluated.
enum ExpressionAnalysis {
    /// Whether it reads the candidate fact's own fields (bare names) and whether it reads
    /// anything from earlier levels (bindings, aggregate values).
    static func references(_ expression: Expression) -> (current: Bool, outer: Bool) {
        var current = false
        var outer = false
        visit(expression) { node in
            switch node.kind {
            case .field: current = true
            case .variable, .aggregate: outer = true
            case .integer, .float, .boolean, .string, .list, .member, .unary, .binary, .call, .group: break
            }
        }
        return (current, outer)
    }

    /// The aggregates in an expression, outermost only, in source order.
    static func aggregates(in expression: Expression) -> [Expression] {
        var found: [Expression] = []
        visit(expression) { node in
            if case .aggregate = node.kind { found.append(node) }
        }
        return found
    }

    /// Calls `body` on every node, parents first, without entering aggregates (their
    /// insides belong to another scope).
    static func visit(_ root: Expression, _ body: (Expression) -> Void) {
        root.forEachNode(intoAggregates: false, body)
    }

    /// The names of the bindings an expression reads, for sharing signatures.
    static func variables(in expressions: [Expression]) -> Set<String> {
        var names = Set<String>()
        for expression in expressions {
            visitAll(expression) { node in
                if case .variable(let name) = node.kind { names.insert(name) }
            }
        }
        return names
    }

    /// Like `visit`, but also inside aggregates.
    static func visitAll(_ root: Expression, _ body: (Expression) -> Void) {
        root.forEachNode(intoAggregates: true, body)
    }
}
