/// Expressions, exactly as the language reference (docs/language.md §4.5, §5.2) defines
/// them: `+` joins two strings; `+ - * %` on numbers give an int when both operands are ints and a float otherwise, `/`
/// always gives a float, numbers compare by value across int and float, strings compare
/// by their characters, `min`/`max` give a float when any argument is one.
extension NaiveEvaluator {
    /// An aggregate over no facts where the function needs at least one (`min`, `max`, `avg`).
    struct NoValue: Error {}

    /// `current` is the fact a pattern or an aggregate is looking at: bare names read it.
    func evaluate(_ expression: Expr, _ bindings: Bindings, current: Fact?, in facts: FactSet) throws -> Scalar {
        switch expression {
        case .literal(let value):
            return value
        case .field(let name):
            guard let current else { preconditionFailure("bare field `\(name)` outside a pattern") }
            return field(name, of: current)
        case .binding(let binding, let name):
            guard let fact = bindings[binding] else { preconditionFailure("unbound `$\(binding)`") }
            return field(name, of: fact)
        case .binary(let op, let lhs, let rhs):
            // Both sides always: an aggregate without a value spoils the match even where
            // `and`/`or` would not need it (the engine computes aggregates before tests).
            let left = try evaluate(lhs, bindings, current: current, in: facts)
            let right = try evaluate(rhs, bindings, current: current, in: facts)
            return Self.binary(op, left, right)
        case .not(let inner):
            guard case .bool(let flag) = try evaluate(inner, bindings, current: current, in: facts) else {
                preconditionFailure("`not` of a non-bool")
            }
            return .bool(!flag)
        case .negate(let inner):
            switch try evaluate(inner, bindings, current: current, in: facts) {
            case .int(let number): return .int(-number)
            case .float(let number): return .float(-number)
            case .string, .bool: preconditionFailure("`-` of a non-number")
            }
        case .call(let function, let arguments):
            let values = try arguments.map { try evaluate($0, bindings, current: current, in: facts) }
            switch function {
            case .min: return Self.extreme(values, smallest: true)
            case .max: return Self.extreme(values, smallest: false)
            case .abs:
                switch values.first {
                case .int(let number)?: return .int(Swift.abs(number))
                case .float(let number)?: return .float(Swift.abs(number))
                default: preconditionFailure("`abs` of a non-number")
                }
            }
        case .aggregate(let function, let pattern, let value):
            // Plain loops rather than `filter`/`map`: in a debug build their generic
            // machinery costs more than the evaluation itself.
            var members: [Fact] = []
            for fact in facts.of(pattern.template) where holds(pattern, on: fact, bindings, in: facts) { members.append(fact) }
            if function == .count { return .int(Int64(members.count)) }
            guard let value else { preconditionFailure("`\(function)` without a value") }
            var values: [Scalar] = []
            for member in members { values.append(try evaluate(value, bindings, current: member, in: facts)) }
            switch function {
            case .count:
                return .int(Int64(members.count))
            case .sum:
                return values.reduce(.int(0)) { Self.binary(.add, $0, $1) }
            case .min, .max:
                guard !values.isEmpty else { throw NoValue() }
                return Self.extreme(values, smallest: function == .min)
            case .avg:
                guard !values.isEmpty else { throw NoValue() }
                let total = values.reduce(0.0) { $0 + ($1.number ?? 0) }
                return .float(total / Double(values.count))
            }
        }
    }

    private func field(_ name: String, of fact: Fact) -> Scalar {
        guard let index = fieldIndexes[fact.template]?[name] else { preconditionFailure("`\(fact.template)` has no field `\(name)`") }
        return fact.values[index]
    }

    static func binary(_ op: BinaryOp, _ lhs: Scalar, _ rhs: Scalar) -> Scalar {
        switch op {
        case .add, .subtract, .multiply, .remainder:
            if op == .add, case .string(let a) = lhs, case .string(let b) = rhs { return .string(a + b) }
            if case .int(let a) = lhs, case .int(let b) = rhs {
                switch op {
                case .add: return .int(a + b)
                case .subtract: return .int(a - b)
                case .multiply: return .int(a * b)
                default: return .int(a % b)
                }
            }
            guard let a = lhs.number, let b = rhs.number else { preconditionFailure("arithmetic on non-numbers") }
            switch op {
            case .add: return .float(a + b)
            case .subtract: return .float(a - b)
            case .multiply: return .float(a * b)
            default: return .float(a.truncatingRemainder(dividingBy: b))
            }
        case .divide:
            guard let a = lhs.number, let b = rhs.number, b != 0 else { preconditionFailure("the generator divides by non-zero constants") }
            return .float(a / b)
        case .equal: return .bool(equal(lhs, rhs))
        case .notEqual: return .bool(!equal(lhs, rhs))
        case .less: return .bool(order(lhs, rhs) < 0)
        case .lessEqual: return .bool(order(lhs, rhs) <= 0)
        case .greater: return .bool(order(lhs, rhs) > 0)
        case .greaterEqual: return .bool(order(lhs, rhs) >= 0)
        case .and, .or:
            guard case .bool(let a) = lhs, case .bool(let b) = rhs else { preconditionFailure("`\(op)` of non-bools") }
            return .bool(op == .and ? a && b : a || b)
        }
    }

    static func equal(_ lhs: Scalar, _ rhs: Scalar) -> Bool {
        if let a = lhs.number, let b = rhs.number { return a == b }
        return lhs == rhs
    }

    /// Negative, zero or positive as `lhs` orders before, with or after `rhs`.
    static func order(_ lhs: Scalar, _ rhs: Scalar) -> Int {
        switch (lhs, rhs) {
        case (.int(let a), .int(let b)): return a < b ? -1 : (a == b ? 0 : 1)
        case (.string(let a), .string(let b)): return a < b ? -1 : (a == b ? 0 : 1)
        default:
            guard let a = lhs.number, let b = rhs.number else { preconditionFailure("ordering \(lhs) and \(rhs)") }
            return a < b ? -1 : (a == b ? 0 : 1)
        }
    }

    /// The smallest or largest value; a float when any value is a float.
    static func extreme(_ values: [Scalar], smallest: Bool) -> Scalar {
        guard var best = values.first else { preconditionFailure("`min`/`max` of nothing") }
        for value in values.dropFirst() where smallest ? order(value, best) < 0 : order(value, best) > 0 {
            best = value
        }
        if values.contains(where: { if case .float = $0 { true } else { false } }), let number = best.number {
            return .float(number)
        }
        return best
    }
}

extension Scalar {
    /// The value as a number, for ints and floats.
    var number: Double? {
        switch self {
        case .int(let number): Double(number)
        case .float(let number): number
        case .string, .bool: nil
        }
    }
}
