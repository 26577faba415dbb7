extension Expression {
    /// The height of the tallest direct child, read from the children's own stored
    /// heights: constant work per child, so building a tree stays linear.
    static func tallestChild(of kind: Kind) -> Int {
        switch kind {
        case .integer, .float, .boolean, .variable, .field:
            return 0
        case .string(let segments):
            var tallest = 0
            for case .interpolation(let inner) in segments { tallest = max(tallest, inner.height) }
            return tallest
        case .list(let elements):
            return elements.reduce(0) { max($0, $1.height) }
        case .member(let base, _):
            return base.height
        case .unary(_, let operand):
            return operand.height
        case .binary(_, let lhs, let rhs):
            return max(lhs.height, rhs.height)
        case .call(_, let arguments):
            return arguments.reduce(0) { max($0, $1.height) }
        case .aggregate(_, let pattern, let value):
            return pattern.constraints.reduce(value?.height ?? 0) { max($0, $1.height) }
        case .group(let inner):
            return inner.height
        }
    }
}
