import AccordSyntax

/// The values one field may still take under a set of `field OP constant` constraints:
/// interval reasoning for numbers (bounds, with strictness for floats), plus equalities
/// and exclusions. `isEmpty` is exact for these constraints: true exactly when no value
/// of the field's type satisfies them all.
///
/// An `int` field compared with a float constant is rounded to integer bounds
/// (`n > 2.5` is `n >= 3`, `n == 2.5` allows nothing). A `float` field holds every
/// real between its bounds, so finitely many `!=` never empty an open interval.
/// Strings and bools are decided from `==` and `!=`; an ordering on a string is
/// checked only against a value the field must equal.
struct FieldDomain: Sendable {
    enum Comparison: String, Sendable, CaseIterable {
        case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="

        init?(_ op: BinaryOperator) {
            switch op {
            case .equal: self = .equal
            case .notEqual: self = .notEqual
            case .less: self = .less
            case .lessEqual: self = .lessEqual
            case .greater: self = .greater
            case .greaterEqual: self = .greaterEqual
            case .or, .and, .in, .notIn, .contains, .add, .subtract, .multiply, .divide, .remainder: return nil
            }
        }

        /// The comparison with its operands swapped: `5 < x` is `x > 5`.
        var flipped: Comparison {
            switch self {
            case .equal, .notEqual: self
            case .less: .greater
            case .lessEqual: .greaterEqual
            case .greater: .less
            case .greaterEqual: .lessEqual
            }
        }
    }

    private enum Storage: Sendable {
        case integer(IntegerRange)
        case real(RealRange)
        case discrete(DiscreteSet)
    }

    private var storage: Storage

    /// A domain for a field of `type`; nil for lists and unknown types, which this
    /// reasoning does not cover.
    init?(type: ValueType) {
        switch type {
        case .int: storage = .integer(IntegerRange())
        case .float: storage = .real(RealRange())
        case .string: storage = .discrete(DiscreteSet(universe: nil))
        case .bool: storage = .discrete(DiscreteSet(universe: [.bool(false), .bool(true)]))
        case .list, .unknown: return nil
        }
    }

    /// Narrows the domain by `field OP value`. A value of a type the field cannot be
    /// compared with is ignored (the type checker has reported it).
    mutating func add(_ comparison: Comparison, _ value: Value) {
        switch storage {
        case .integer(var range):
            switch value {
            case .int(let number): range.add(comparison, exactly: number)
            case .float(let number): range.add(comparison, number)
            case .string, .bool, .list: return
            }
            storage = .integer(range)
        case .real(var range):
            guard let number = FieldDomain.number(value) else { return }
            range.add(comparison, number)
            storage = .real(range)
        case .discrete(var set):
            set.add(comparison, value)
            storage = .discrete(set)
        }
    }

    /// True when no value satisfies every constraint added.
    var isEmpty: Bool {
        switch storage {
        case .integer(let range): range.isEmpty
        case .real(let range): range.isEmpty
        case .discrete(let set): set.isEmpty
        }
    }

    /// True when `field OP value` holds for some value of the domain after the
    /// constraints so far; used to tell whether a produced fact can match a pattern.
    func allows(_ comparison: Comparison, _ value: Value) -> Bool {
        var copy = self
        copy.add(comparison, value)
        return !copy.isEmpty
    }

    private static func number(_ value: Value) -> Double? {
        switch value {
        case .int(let number): Double(number)
        case .float(let number): number
        case .string, .bool, .list: nil
        }
    }
}

/// An `int` field's values: `lower...upper` (nil for unbounded) without `excluded`.
private struct IntegerRange: Sendable {
    var lower: Int64?
    var upper: Int64?
    var excluded: Set<Int64> = []
    /// Set by a constraint no integer satisfies (`== 2.5`, `> 9.3e18`).
    var impossible = false

    static let twoToThe63: Double = 9_223_372_036_854_775_808

    /// `x OP number` for an int constant, without going through a double.
    mutating func add(_ comparison: FieldDomain.Comparison, exactly number: Int64) {
        switch comparison {
        case .equal:
            raiseLower(number)
            lowerUpper(number)
        case .notEqual: excluded.insert(number)
        case .greater: if number == .max { impossible = true } else { raiseLower(number + 1) }
        case .greaterEqual: raiseLower(number)
        case .less: if number == .min { impossible = true } else { lowerUpper(number - 1) }
        case .lessEqual: lowerUpper(number)
        }
    }

    /// `x OP number` for a float constant: rounded to the integers it allows.
    mutating func add(_ comparison: FieldDomain.Comparison, _ number: Double) {
        switch comparison {
        case .equal:
            guard let exact = IntegerRange.exact(number) else { impossible = true; return }
            raiseLower(exact)
            lowerUpper(exact)
        case .notEqual:
            if let exact = IntegerRange.exact(number) { excluded.insert(exact) }
        case .greater: raiseLower(number.rounded(.down), plusOne: true)
        case .greaterEqual: raiseLower(number.rounded(.up), plusOne: false)
        case .less: lowerUpper(number.rounded(.up), minusOne: true)
        case .lessEqual: lowerUpper(number.rounded(.down), minusOne: false)
        }
    }

    /// The integer a double equals, if it is one in `Int64`'s range.
    private static func exact(_ number: Double) -> Int64? {
        guard number.rounded() == number, let exact = Int64(exactly: number) else { return nil }
        return exact
    }

    private mutating func raiseLower(_ bound: Int64) {
        lower = Swift.max(lower ?? bound, bound)
    }

    private mutating func lowerUpper(_ bound: Int64) {
        upper = Swift.min(upper ?? bound, bound)
    }

    /// `x >= bound (+ 1)` for a whole-numbered double bound.
    private mutating func raiseLower(_ bound: Double, plusOne: Bool) {
        // 2^63 is the first double past `Int64.max`; -2^63 is `Int64.min` exactly.
        guard bound < IntegerRange.twoToThe63 else { impossible = true; return }
        guard bound >= -IntegerRange.twoToThe63 else { return }
        let whole = Int64(bound)
        if plusOne {
            if whole == .max { impossible = true } else { raiseLower(whole + 1) }
        } else {
            raiseLower(whole)
        }
    }

    /// `x <= bound (- 1)` for a whole-numbered double bound.
    private mutating func lowerUpper(_ bound: Double, minusOne: Bool) {
        guard bound >= -IntegerRange.twoToThe63 else { impossible = true; return }
        guard bound < IntegerRange.twoToThe63 else { return }
        let whole = Int64(bound)
        if minusOne {
            if whole == .min { impossible = true } else { lowerUpper(whole - 1) }
        } else {
            lowerUpper(whole)
        }
    }

    var isEmpty: Bool {
        if impossible { return true }
        if let lower, let upper, lower > upper { return true }
        // Only finitely many values are excluded: walk from a finite end past them.
        switch (lower, upper) {
        case (nil, nil):
            return false
        case (let lower?, let upper):
            var value = lower
            while excluded.contains(value) {
                if value == upper || value == .max { return true }
                value += 1
            }
            return upper.map { value > $0 } ?? false
        case (nil, let upper?):
            var value = upper
            while excluded.contains(value) {
                if value == .min { return true }
                value -= 1
            }
            return false
        }
    }
}

/// A `float` field's values: an interval with open or closed ends, minus points.
private struct RealRange: Sendable {
    var lower: (value: Double, strict: Bool)?
    var upper: (value: Double, strict: Bool)?
    var excluded: Set<Double> = []

    mutating func add(_ comparison: FieldDomain.Comparison, _ number: Double) {
        switch comparison {
        case .equal:
            raise(number, strict: false)
            cap(number, strict: false)
        case .notEqual: excluded.insert(number)
        case .greater: raise(number, strict: true)
        case .greaterEqual: raise(number, strict: false)
        case .less: cap(number, strict: true)
        case .lessEqual: cap(number, strict: false)
        }
    }

    private mutating func raise(_ value: Double, strict: Bool) {
        guard let current = lower else { lower = (value, strict); return }
        if value > current.value || (value == current.value && strict) { lower = (value, strict) }
    }

    private mutating func cap(_ value: Double, strict: Bool) {
        guard let current = upper else { upper = (value, strict); return }
        if value < current.value || (value == current.value && strict) { upper = (value, strict) }
    }

    var isEmpty: Bool {
        guard let lower, let upper else { return false }
        if lower.value > upper.value { return true }
        if lower.value < upper.value { return false }
        return lower.strict || upper.strict || excluded.contains(lower.value)
    }
}

/// A string or bool field's values: what it must equal, what it must not, and the
/// orderings to check against the value it must equal.
private struct DiscreteSet: Sendable {
    /// Every value of the type, when there are few (bool); nil for strings.
    let universe: [Value]?
    var required: [Value] = []
    var excluded: Set<Value> = []
    var orderings: [(FieldDomain.Comparison, String)] = []

    init(universe: [Value]?) {
        self.universe = universe
    }

    mutating func add(_ comparison: FieldDomain.Comparison, _ value: Value) {
        switch comparison {
        case .equal: required.append(value)
        case .notEqual: excluded.insert(value)
        case .less, .lessEqual, .greater, .greaterEqual:
            if case .string(let text) = value { orderings.append((comparison, text)) }
        }
    }

    var isEmpty: Bool {
        if let first = required.first {
            return required.contains { $0 != first } || excluded.contains(first) || !satisfiesOrderings(first)
        }
        if let universe { return universe.allSatisfy(excluded.contains) }
        return false
    }

    private func satisfiesOrderings(_ value: Value) -> Bool {
        guard case .string(let text) = value else { return true }
        return orderings.allSatisfy { comparison, bound in
            switch comparison {
            case .less: text < bound
            case .lessEqual: text <= bound
            case .greater: text > bound
            case .greaterEqual: text >= bound
            case .equal: text == bound
            case .notEqual: text != bound
            }
        }
    }
}
