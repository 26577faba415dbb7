import AccordCheck

/// A run-time value. Strings are interned `Symbol`s. Numbers compare and hash by value
/// across `int` and `float` (`2 == 2.0`), so a hashed join finds what `==` would.
enum Datum: Sendable {
    case int(Int64)
    case float(Double)
    case bool(Bool)
    case string(Symbol)
    case list([Datum])

    var asDouble: Double? {
        switch self {
        case .int(let value): Double(value)
        case .float(let value): value
        case .bool, .string, .list: nil
        }
    }

    var asBool: Bool {
        if case .bool(let value) = self { return value }
        return false
    }
}

extension Datum: Hashable {
    static func == (lhs: Datum, rhs: Datum) -> Bool {
        switch (lhs, rhs) {
        case (.int(let a), .int(let b)): a == b
        case (.float(let a), .float(let b)): a == b
        case (.int(let a), .float(let b)): Double(a) == b
        case (.float(let a), .int(let b)): a == Double(b)
        case (.bool(let a), .bool(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.list(let a), .list(let b)): a == b
        case (.int, _), (.float, _), (.bool, _), (.string, _), (.list, _): false
        }
    }

    func hash(into hasher: inout Hasher) {
        switch self {
        case .int(let value):
            hasher.combine(0 as UInt8)
            hasher.combine(Double(value))
        case .float(let value):
            hasher.combine(0 as UInt8)
            hasher.combine(value)
        case .bool(let value):
            hasher.combine(1 as UInt8)
            hasher.combine(value)
        case .string(let symbol):
            hasher.combine(2 as UInt8)
            hasher.combine(symbol.id)
        case .list(let elements):
            hasher.combine(3 as UInt8)
            hasher.combine(elements)
        }
    }
}

/// Conversions between the checker's `Value` (strings as text) and `Datum`.
extension SymbolTable {
    func datum(_ value: Value) -> Datum {
        switch value {
        case .int(let number): .int(number)
        case .float(let number): .float(number)
        case .bool(let flag): .bool(flag)
        case .string(let text): .string(intern(text))
        case .list(let elements): .list(elements.map(datum))
        }
    }

    func value(_ datum: Datum) -> Value {
        switch datum {
        case .int(let number): .int(number)
        case .float(let number): .float(number)
        case .bool(let flag): .bool(flag)
        case .string(let symbol): .string(text(symbol))
        case .list(let elements): .list(elements.map(value))
        }
    }

    /// How a value reads inside text (interpolation, `print`): strings without quotes,
    /// floats without a needless `.0` tail beyond what Swift prints.
    func display(_ datum: Datum) -> String {
        switch datum {
        case .int(let number): String(number)
        case .float(let number): Datum.format(number)
        case .bool(let flag): flag ? "true" : "false"
        case .string(let symbol): text(symbol)
        case .list(let elements): "[" + elements.map(display).joined(separator: ", ") + "]"
        }
    }
}

extension Datum {
    /// Whole numbers print without a fraction (`12`), others as Swift prints them (`0.75`).
    static func format(_ number: Double) -> String {
        if number.isFinite, number == number.rounded(), abs(number) < 1e15 {
            return String(Int64(number))
        }
        return number.description
    }
}
