extension Expression {
    /// Calls `body` on every node of the expression, parents first, children in source
    /// order. Aggregates are entered only `intoAggregates`: inside one, names belong to
    /// the aggregated pattern, so scope-sensitive passes stop at it. Iterative, so no
    /// expression the parser accepts can exhaust the stack.
    public func forEachNode(intoAggregates: Bool, _ body: (Expression) -> Void) {
        var stack = [self]
        while let node = stack.popLast() {
            body(node)
            switch node.kind {
            case .integer, .float, .boolean, .variable, .field: break
            case .aggregate(_, let pattern, let value):
                guard intoAggregates else { break }
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
}
