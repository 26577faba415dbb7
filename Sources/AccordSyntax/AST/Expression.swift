/// An expression with its span. Bare names are fields of the fact a pattern is
/// matching; `$v` names are bindings; `T(...)` inside `count`/`sum`/`min`/`max`/`avg`
/// is an aggregate over facts (the parser decides: any callee that is not a built-in
/// function names a template).
public struct Expression: Sendable, Hashable {
    public indirect enum Kind: Sendable, Hashable {
        case integer(Int64)
        case float(Double)
        case boolean(Bool)
        case string([StringSegment])
        case list([Expression])
        case variable(String)
        case field(String)
        case member(Expression, Identifier)
        case unary(UnaryOperator, Expression)
        case binary(BinaryOperator, Expression, Expression)
        case call(Identifier, [Expression])
        case aggregate(AggregateFunction, Pattern, Expression?)
        case group(Expression)
    }

    public let kind: Kind
    public let span: SourceSpan
    /// Levels from this node down to its deepest leaf (a literal is 1). The parser
    /// bounds it, so every pass that recurses over the tree has a bounded depth.
    public let height: Int

    public init(_ kind: Kind, span: SourceSpan) {
        self.kind = kind
        self.span = span
        height = 1 + Expression.tallestChild(of: kind)
    }

    /// The expression without redundant parentheses around it.
    public var ungrouped: Expression {
        var current = self
        while case .group(let inner) = current.kind { current = inner }
        return current
    }
}

public enum StringSegment: Sendable, Hashable {
    case text(String)
    case interpolation(Expression)
}

public enum UnaryOperator: String, Sendable, Hashable {
    case negate = "-"
    case not = "not"
}

public enum BinaryOperator: String, Sendable, Hashable, CaseIterable {
    case or, and
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case `in`, notIn = "not in", contains
    case add = "+", subtract = "-", multiply = "*", divide = "/", remainder = "%"

    /// Binding strength: higher binds tighter. Comparisons do not chain.
    public var precedence: Int {
        switch self {
        case .or: 1
        case .and: 2
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual, .in, .notIn, .contains: 4
        case .add, .subtract: 5
        case .multiply, .divide, .remainder: 6
        }
    }

    public var isComparison: Bool { precedence == 4 }
}

/// Precedence of prefix `not` (between `and` and the comparisons) and unary minus.
public enum OperatorPrecedence {
    public static let prefixNot = 3
    public static let unaryMinus = 7
}

public enum AggregateFunction: String, Sendable, Hashable, CaseIterable {
    case count, sum, min, max, avg
}

/// The built-in functions. A call to any other name inside an aggregate function is
/// read as a pattern over that template.
public enum BuiltinFunction: String, Sendable, Hashable, CaseIterable {
    case min, max, abs, round, count, lower, upper, starts_with, ends_with, floor, ceil, len
}
