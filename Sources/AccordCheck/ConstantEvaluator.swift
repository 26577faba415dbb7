import AccordSyntax

/// Values that must be known before anything runs: defaults, the fields of facts in
/// files and scenarios, keys, salience. A constant is a literal, a list of constants, a
/// negated number, or one of these in parentheses — nothing that needs a fact.
public enum ConstantEvaluator {
    /// The value of a constant expression, widened to `type` when one is given; nil when
    /// the expression is not a constant or has no value of that type.
    public static func evaluate(_ expression: Expression, as type: ValueType? = nil) -> Value? {
        var ignored: [Diagnostic] = []
        guard let (value, valueType) = fold(expression, rule: "", diagnostics: &ignored) else { return nil }
        guard let type else { return value }
        return type.canHold(valueType) ? value.coerced(to: type) : nil
    }

    /// Folds a constant, reporting why it is not one (`rule` says what had to be constant).
    static func fold(_ expression: Expression, rule: String, diagnostics: inout [Diagnostic]) -> (Value, ValueType)? {
        switch expression.kind {
        case .integer(let number):
            return (.int(number), .int)
        case .float(let number):
            return (.float(number), .float)
        case .boolean(let flag):
            return (.bool(flag), .bool)
        case .string(let segments):
            var text = ""
            for segment in segments {
                switch segment {
                case .text(let part): text += part
                case .interpolation:
                    diagnostics.append(.notConstant(expression, rule: rule))
                    return nil
                }
            }
            return (.string(text), .string)
        case .list(let elements):
            return foldList(elements, rule: rule, diagnostics: &diagnostics)
        case .unary(.negate, let operand):
            guard let (value, type) = fold(operand, rule: rule, diagnostics: &diagnostics) else { return nil }
            switch value {
            case .int(let number) where number != .min: return (.int(-number), type)
            case .float(let number): return (.float(-number), type)
            case .int, .string, .bool, .list:
                diagnostics.append(.operandNeeds("`-`", "a number", found: type, at: operand.span))
                return nil
            }
        case .group(let inner):
            return fold(inner, rule: rule, diagnostics: &diagnostics)
        case .unary(.not, _), .variable, .field, .member, .binary, .call, .aggregate:
            diagnostics.append(.notConstant(expression, rule: rule))
            return nil
        }
    }

    private static func foldList(_ elements: [Expression], rule: String, diagnostics: inout [Diagnostic]) -> (Value, ValueType)? {
        var values: [Value] = []
        var elementType = ValueType.unknown
        var failed = false
        for element in elements {
            guard let (value, type) = fold(element, rule: rule, diagnostics: &diagnostics) else {
                failed = true
                continue
            }
            guard let joined = ValueType.join(elementType, type) else {
                diagnostics.append(.mixedList(element: type, earlier: elementType, at: element.span))
                failed = true
                continue
            }
            elementType = joined
            values.append(value)
        }
        if failed { return nil }
        let type = ValueType.list(elementType)
        return (Value.list(values).coerced(to: type), type)
    }
}

/// Checks a constant against the type where it will be stored.
enum ConstantCheck {
    /// The value, widened to `type`; nil after reporting why there is none. `what` names
    /// the destination in messages ("field `trade`"); `rule` says why it had to be constant.
    static func value(of expression: Expression, as type: ValueType, what: @autoclosure () -> String, rule: String,
                      diagnostics: inout [Diagnostic]) -> Value? {
        guard let (value, valueType) = ConstantEvaluator.fold(expression, rule: rule, diagnostics: &diagnostics) else {
            return nil
        }
        guard type.canHold(valueType) else {
            diagnostics.append(.expected(type, for: what(), found: valueType, at: expression.span))
            return nil
        }
        return value.coerced(to: type)
    }
}

// MARK: - Diagnostics

extension Diagnostic {
    static func notConstant(_ expression: Expression, rule: String) -> Diagnostic {
        .error("check.not-constant", rule, at: expression.span,
               notes: [.init("use a literal, a list of literals or a negative number")])
    }

    static func mixedList(element: ValueType, earlier: ValueType, at span: SourceSpan) -> Diagnostic {
        .typeMismatch("list element is `\(element)`, but the elements before it are `\(earlier)`", at: span)
    }
}
