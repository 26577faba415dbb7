import AccordCheck
import AccordSyntax

/// The nearest value of a field's type that satisfies `field OP bound`: for an int the
/// next integer past the bound, for a float a clean value just past it (two significant
/// digits of the bound's magnitude: `> 10` gives 11.0, `> 0.6` gives 0.61), for an
/// inclusive bound the bound itself.
enum ThresholdSolver {
    static func solve(_ operation: BinaryOperator, bound: Double, type: ValueType) -> Value? {
        guard bound.isFinite else { return nil }
        switch type {
        case .int:
            let value: Double
            switch operation {
            case .greater: value = bound.rounded(.down) + 1
            case .greaterEqual: value = bound.rounded(.up)
            case .less: value = bound.rounded(.up) - 1
            case .lessEqual: value = bound.rounded(.down)
            case .equal:
                guard bound == bound.rounded() else { return nil }
                value = bound
            case .notEqual: value = bound.rounded(.down) + 1
            case .or, .and, .in, .notIn, .contains, .add, .subtract, .multiply, .divide, .remainder: return nil
            }
            guard abs(value) < 9e15 else { return nil }
            return .int(Int64(value))
        case .float:
            let exponent = magnitude(of: bound) - 1
            func clean(_ steps: Double) -> Double {
                exponent >= 0 ? steps * power(exponent) : steps / power(-exponent)
            }
            let steps = exponent >= 0 ? bound / power(exponent) : bound * power(-exponent)
            switch operation {
            case .greater:
                var value = clean(steps.rounded(.down) + 1)
                if value <= bound { value = clean(steps.rounded(.down) + 2) }
                return .float(value)
            case .less:
                var value = clean(steps.rounded(.up) - 1)
                if value >= bound { value = clean(steps.rounded(.up) - 2) }
                return .float(value)
            case .greaterEqual, .lessEqual, .equal: return .float(bound)
            case .notEqual: return .float(clean(steps.rounded(.down) + 1))
            case .or, .and, .in, .notIn, .contains, .add, .subtract, .multiply, .divide, .remainder: return nil
            }
        case .string, .bool, .list, .unknown:
            return nil
        }
    }

    /// ⌊log₁₀ |x|⌋, 0 for 0 (so the step is 0.1), within ±300.
    private static func magnitude(of value: Double) -> Int {
        var x = abs(value)
        guard x > 0 else { return 0 }
        var exponent = 0
        while x >= 10, exponent < 300 { x /= 10; exponent += 1 }
        while x < 1, exponent > -300 { x *= 10; exponent -= 1 }
        return exponent
    }

    /// 10ⁿ for n ≥ 0, exact up to 10²².
    private static func power(_ n: Int) -> Double {
        var result = 1.0
        for _ in 0..<n { result *= 10 }
        return result
    }

    /// `a OP b` read as `b OP' a`.
    static func flipped(_ operation: BinaryOperator) -> BinaryOperator {
        switch operation {
        case .less: .greater
        case .lessEqual: .greaterEqual
        case .greater: .less
        case .greaterEqual: .lessEqual
        case .or, .and, .equal, .notEqual, .in, .notIn, .contains, .add, .subtract, .multiply, .divide, .remainder: operation
        }
    }
}
