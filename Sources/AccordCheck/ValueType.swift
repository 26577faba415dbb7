/// The type of a field or an expression. `unknown` is what an expression gets once an
/// error has been reported about it (or the element type of `[]`): it is compatible with
/// everything, so that one mistake produces one diagnostic rather than a cascade.
public indirect enum ValueType: Sendable, Hashable, CustomStringConvertible {
    case string
    case int
    case float
    case bool
    case list(ValueType)
    case unknown

    public var description: String {
        switch self {
        case .string: "string"
        case .int: "int"
        case .float: "float"
        case .bool: "bool"
        case .list(.unknown): "[]"
        case .list(let element): "[\(element)]"
        case .unknown: "unknown"
        }
    }

    public var isNumeric: Bool { self == .int || self == .float }

    public var isKnown: Bool { self != .unknown }

    var isList: Bool {
        if case .list = self { return true }
        return false
    }

    /// True when a value of `other` may be stored where `self` is expected: the same
    /// type, an int where a float is expected (widening, also inside lists), `[]` as any list.
    public func canHold(_ other: ValueType) -> Bool {
        switch (self, other) {
        case (.unknown, _), (_, .unknown): true
        case (.float, .int): true
        case (.list(let mine), .list(let theirs)): mine.canHold(theirs)
        case (.string, _), (.int, _), (.float, _), (.bool, _), (.list, _): self == other
        }
    }

    /// The type both operands of `==`, a list literal's elements or `min(a, b)` share,
    /// widening int to float; nil when they have none.
    public static func join(_ lhs: ValueType, _ rhs: ValueType) -> ValueType? {
        switch (lhs, rhs) {
        case (.unknown, _): rhs
        case (_, .unknown): lhs
        case (.int, .float), (.float, .int): .float
        case (.list(let left), .list(let right)): join(left, right).map { .list($0) }
        case (.string, _), (.int, _), (.float, _), (.bool, _), (.list, _): lhs == rhs ? lhs : nil
        }
    }

    /// The type of `+ - * %` on two numbers: int for two ints, float as soon as one is a float.
    static func arithmetic(_ lhs: ValueType, _ rhs: ValueType) -> ValueType {
        lhs == .int && rhs == .int ? .int : .float
    }
}

extension ValueType {
    /// The type a declaration names, or nil for a name that is not a type.
    init?(named name: String) {
        switch name {
        case "string": self = .string
        case "int": self = .int
        case "float": self = .float
        case "bool": self = .bool
        default: return nil
        }
    }

    static let scalarNames = ["bool", "float", "int", "string"]
}
