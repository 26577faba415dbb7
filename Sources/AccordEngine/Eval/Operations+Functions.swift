import AccordSyntax

extension Operations {
    func call(_ function: BuiltinFunction, _ arguments: [Datum], at span: SourceSpan) throws -> Datum {
        switch function {
        case .min, .max:
            var values = arguments
            if arguments.count == 1, case .list(let elements) = arguments[0] { values = elements }
            guard var best = values.first else { throw failure("`\(function.rawValue)` of an empty list", span) }
            for value in values.dropFirst() {
                let order = try compare(value, best, at: span)
                if function == .min ? order < 0 : order > 0 { best = value }
            }
            // Mixed ints and floats give a float, as arithmetic does.
            if values.contains(where: { if case .float = $0 { true } else { false } }), let number = best.asDouble {
                return .float(number)
            }
            return best
        case .abs:
            switch arguments.first {
            case .int(let number)?:
                guard number != .min else { throw failure("integer overflow", span) }
                return .int(Swift.abs(number))
            case .float(let number)?: return .float(Swift.abs(number))
            case .bool?, .string?, .list?, nil: throw failure("`abs` needs a number", span)
            }
        case .round, .floor, .ceil:
            guard let number = arguments.first?.asDouble else { throw failure("`\(function.rawValue)` needs a number", span) }
            let rule: FloatingPointRoundingRule = function == .round ? .toNearestOrAwayFromZero : (function == .floor ? .down : .up)
            let rounded = number.rounded(rule)
            guard rounded.isFinite, Swift.abs(rounded) < 9.2e18 else { throw failure("integer overflow", span) }
            return .int(Int64(rounded))
        case .count, .len:
            switch arguments.first {
            case .list(let elements)?: return .int(Int64(elements.count))
            case .string(let symbol)?: return .int(Int64(symbols.text(symbol).count))
            case .int?, .float?, .bool?, nil: throw failure("`\(function.rawValue)` needs a list or a string", span)
            }
        case .lower, .upper:
            guard case .string(let symbol)? = arguments.first else { throw failure("`\(function.rawValue)` needs a string", span) }
            let text = symbols.text(symbol)
            return .string(symbols.intern(function == .lower ? text.lowercased() : text.uppercased()))
        case .starts_with, .ends_with:
            guard arguments.count == 2, case .string(let a) = arguments[0], case .string(let b) = arguments[1] else {
                throw failure("`\(function.rawValue)` needs two strings", span)
            }
            let text = symbols.text(a)
            let part = symbols.text(b)
            return .bool(function == .starts_with ? text.hasPrefix(part) : text.hasSuffix(part))
        }
    }
}
