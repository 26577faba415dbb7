import AccordSyntax

/// The run-time meaning of operators and built-in functions. The checker has proven the
/// operand types; what is left to fail is arithmetic (division by zero, overflow).
struct Operations {
    unowned let symbols: SymbolTable

    func binary(_ op: BinaryOperator, _ lhs: Datum, _ rhs: Datum, at span: SourceSpan) throws -> Datum {
        switch op {
        case .add:
            if case .string(let a) = lhs, case .string(let b) = rhs {
                return .string(symbols.intern(symbols.text(a) + symbols.text(b)))
            }
            if case .list(let a) = lhs, case .list(let b) = rhs { return .list(a + b) }
            return try arithmetic(lhs, rhs, at: span, int: { $0.addingReportingOverflow($1) }, float: +)
        case .subtract:
            return try arithmetic(lhs, rhs, at: span, int: { $0.subtractingReportingOverflow($1) }, float: -)
        case .multiply:
            return try arithmetic(lhs, rhs, at: span, int: { $0.multipliedReportingOverflow(by: $1) }, float: *)
        case .divide:
            guard let a = lhs.asDouble, let b = rhs.asDouble else { throw failure("`/` needs numbers", span) }
            guard b != 0 else { throw failure("division by zero", span) }
            return .float(a / b)
        case .remainder:
            if case .int(let a) = lhs, case .int(let b) = rhs {
                guard b != 0 else { throw failure("remainder of division by zero", span) }
                return .int(a.remainderReportingOverflow(dividingBy: b).partialValue)
            }
            guard let a = lhs.asDouble, let b = rhs.asDouble else { throw failure("`%` needs numbers", span) }
            guard b != 0 else { throw failure("remainder of division by zero", span) }
            return .float(a.truncatingRemainder(dividingBy: b))
        case .equal: return .bool(lhs == rhs)
        case .notEqual: return .bool(lhs != rhs)
        case .less: return .bool(try compare(lhs, rhs, at: span) < 0)
        case .lessEqual: return .bool(try compare(lhs, rhs, at: span) <= 0)
        case .greater: return .bool(try compare(lhs, rhs, at: span) > 0)
        case .greaterEqual: return .bool(try compare(lhs, rhs, at: span) >= 0)
        case .in: return .bool(contains(rhs, lhs))
        case .notIn: return .bool(!contains(rhs, lhs))
        case .contains: return .bool(contains(lhs, rhs))
        case .and, .or:
            // Short-circuited by the compiler; reaching here means both sides were evaluated.
            return .bool(op == .and ? lhs.asBool && rhs.asBool : lhs.asBool || rhs.asBool)
        }
    }

    /// `element in container`: list membership, or a substring of a string.
    func contains(_ container: Datum, _ element: Datum) -> Bool {
        switch container {
        case .list(let elements): return elements.contains(element)
        case .string(let text):
            guard case .string(let part) = element else { return false }
            return symbols.text(text).contains(symbols.text(part))
        case .int, .float, .bool: return false
        }
    }

    /// Negative, zero or positive as `lhs` orders before, with or after `rhs`.
    func compare(_ lhs: Datum, _ rhs: Datum, at span: SourceSpan) throws -> Int {
        if let a = lhs.asDouble, let b = rhs.asDouble {
            if case .int(let x) = lhs, case .int(let y) = rhs { return x < y ? -1 : (x == y ? 0 : 1) }
            return a < b ? -1 : (a == b ? 0 : 1)
        }
        if case .string(let a) = lhs, case .string(let b) = rhs {
            let x = symbols.text(a)
            let y = symbols.text(b)
            return x < y ? -1 : (x == y ? 0 : 1)
        }
        throw failure("cannot order these values", span)
    }

    private func arithmetic(_ lhs: Datum, _ rhs: Datum, at span: SourceSpan,
                            int: (Int64, Int64) -> (partialValue: Int64, overflow: Bool),
                            float: (Double, Double) -> Double) throws -> Datum {
        if case .int(let a) = lhs, case .int(let b) = rhs {
            let result = int(a, b)
            guard !result.overflow else { throw failure("integer overflow", span) }
            return .int(result.partialValue)
        }
        guard let a = lhs.asDouble, let b = rhs.asDouble else { throw failure("arithmetic needs numbers", span) }
        let result = float(a, b)
        guard result.isFinite else { throw failure("the result is not a finite number", span) }
        return .float(result)
    }

    func negate(_ value: Datum, at span: SourceSpan) throws -> Datum {
        switch value {
        case .int(let number):
            guard number != .min else { throw failure("integer overflow", span) }
            return .int(-number)
        case .float(let number): return .float(-number)
        case .bool, .string, .list: throw failure("`-` needs a number", span)
        }
    }

    func failure(_ message: String, _ span: SourceSpan) -> RuntimeFailure {
        RuntimeFailure(message: message, span: span)
    }
}
