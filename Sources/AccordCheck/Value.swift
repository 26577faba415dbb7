import AccordSyntax

/// A constant: a field value of a fact, a default, a key. The engine computes with the
/// same values at run time.
public enum Value: Sendable, Hashable, CustomStringConvertible {
    case int(Int64)
    case float(Double)
    case string(String)
    case bool(Bool)
    case list([Value])

    /// The value's type; a list takes the type its elements share (`[]` for none).
    public var type: ValueType {
        switch self {
        case .int: return .int
        case .float: return .float
        case .string: return .string
        case .bool: return .bool
        case .list(let elements):
            var element = ValueType.unknown
            for value in elements {
                element = ValueType.join(element, value.type) ?? element
            }
            return .list(element)
        }
    }

    /// The value stored in a field of `type`: ints become floats where a float is
    /// expected, so the engine never sees an int in a float field.
    public func coerced(to type: ValueType) -> Value {
        switch (self, type) {
        case (.int(let number), .float): .float(Double(number))
        case (.list(let elements), .list(let element)): .list(elements.map { $0.coerced(to: element) })
        case (.int, _), (.float, _), (.string, _), (.bool, _), (.list, _): self
        }
    }

    /// How the value is written in Accord source: strings quoted, lists in brackets.
    public var description: String {
        switch self {
        case .int(let number): String(number)
        case .float(let number): number.description
        case .string(let text): Value.quote(text)
        case .bool(let flag): flag ? "true" : "false"
        case .list(let elements): "[" + elements.map(\.description).joined(separator: ", ") + "]"
        }
    }

    static func quote(_ text: String) -> String {
        StringEscaping.literal(text)
    }
}
