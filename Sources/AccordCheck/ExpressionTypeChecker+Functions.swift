import AccordSyntax

/// The built-in functions, and calls that are not to one.
extension ExpressionTypeChecker {
    mutating func checkCall(_ callee: Identifier, _ arguments: [Expression], span: SourceSpan) -> ValueType {
        guard let function = BuiltinFunction(rawValue: callee.name) else {
            if symbols.template(named: callee.name) != nil {
                diagnostics.append(.patternOutsideAggregate(callee, at: span))
                return .unknown
            }
            for argument in arguments { _ = check(argument) }
            diagnostics.append(.unknownFunction(callee))
            return .unknown
        }
        let types = arguments.map { check($0) }
        switch function {
        case .min, .max:
            return checkMinMax(function, arguments, types, span: span)
        case .abs:
            guard arity(function, arguments, 1, span: span) else { return .unknown }
            return requireNumber(function, arguments[0], types[0])
        case .round, .floor, .ceil:
            guard arity(function, arguments, 1, span: span) else { return .int }
            requireNumber(function, arguments[0], types[0])
            return .int
        case .count, .len:
            guard arity(function, arguments, 1, span: span) else { return .int }
            if !types[0].isList, types[0] != .string, types[0].isKnown {
                diagnostics.append(.operandNeeds("`\(function.rawValue)`", "a list or a string", found: types[0], at: arguments[0].span))
            }
            return .int
        case .lower, .upper:
            guard arity(function, arguments, 1, span: span) else { return .string }
            requireString(function, arguments[0], types[0])
            return .string
        case .starts_with, .ends_with:
            guard arity(function, arguments, 2, span: span) else { return .bool }
            requireString(function, arguments[0], types[0])
            requireString(function, arguments[1], types[1])
            return .bool
        }
    }

    /// `min(a, b, ...)` of two or more numbers, or `min(list)` of one list of numbers.
    private mutating func checkMinMax(_ function: BuiltinFunction, _ arguments: [Expression], _ types: [ValueType],
                                      span: SourceSpan) -> ValueType {
        switch arguments.count {
        case 0:
            diagnostics.append(.minMaxWithoutArguments(function, at: span))
            return .unknown
        case 1:
            switch types[0] {
            case .unknown: return .unknown
            case .list(let element) where element.isNumeric || !element.isKnown:
                return element
            case .list, .string, .int, .float, .bool:
                diagnostics.append(.operandNeeds("`\(function.rawValue)` of one argument", "a list of numbers", found: types[0],
                                                 at: arguments[0].span))
                return .unknown
            }
        default:
            var result = ValueType.unknown
            for (argument, type) in zip(arguments, types) where requireNumber(function, argument, type).isKnown {
                result = ValueType.join(result, type) ?? .float
            }
            return result
        }
    }

    private mutating func arity(_ function: BuiltinFunction, _ arguments: [Expression], _ expected: Int, span: SourceSpan) -> Bool {
        guard arguments.count != expected else { return true }
        diagnostics.append(.wrongArgumentCount(function, expected: expected, found: arguments.count, at: span))
        return false
    }

    /// The number's type, or unknown after reporting that it is not one.
    @discardableResult
    private mutating func requireNumber(_ function: BuiltinFunction, _ argument: Expression, _ type: ValueType) -> ValueType {
        if type.isNumeric || !type.isKnown { return type }
        diagnostics.append(.operandNeeds("`\(function.rawValue)`", "a number", found: type, at: argument.span))
        return .unknown
    }

    private mutating func requireString(_ function: BuiltinFunction, _ argument: Expression, _ type: ValueType) {
        if type == .string || !type.isKnown { return }
        diagnostics.append(.operandNeeds("`\(function.rawValue)`", "a `string`", found: type, at: argument.span))
    }
}

// MARK: - Diagnostics

extension Diagnostic {
    fileprivate static func patternOutsideAggregate(_ template: Identifier, at span: SourceSpan) -> Diagnostic {
        .error("check.pattern-outside-aggregate",
               "a pattern `\(template.name)(...)` can only appear as a condition or inside count/sum/min/max/avg", at: span)
    }

    fileprivate static func unknownFunction(_ callee: Identifier) -> Diagnostic {
        .error("check.unknown-function", "unknown function `\(callee.name)`", at: callee.span,
               notes: NameSuggestion.notes(for: callee.name, among: BuiltinFunction.allCases.map(\.rawValue)))
    }

    fileprivate static func minMaxWithoutArguments(_ function: BuiltinFunction, at span: SourceSpan) -> Diagnostic {
        .error("check.wrong-argument-count", "`\(function.rawValue)` takes a list or two or more numbers, found no argument", at: span)
    }

    fileprivate static func wrongArgumentCount(_ function: BuiltinFunction, expected: Int, found: Int, at span: SourceSpan) -> Diagnostic {
        let noun = expected == 1 ? "argument" : "arguments"
        return .error("check.wrong-argument-count", "`\(function.rawValue)` takes \(expected) \(noun), found \(found)", at: span)
    }
}
