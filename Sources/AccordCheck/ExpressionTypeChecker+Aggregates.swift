import AccordSyntax

/// `count(T(...))`, `sum(T(...), e)`, `min`, `max`, `avg`: inside the pattern and in
/// `e`, bare names are fields of T (the aggregated fact), and `$` names are the rule's
/// earlier bindings.
extension ExpressionTypeChecker {
    mutating func checkAggregate(_ function: AggregateFunction, _ pattern: Pattern, _ value: Expression?,
                                 span: SourceSpan) -> ValueType {
        let template = symbols.lookupTemplate(pattern.template, into: &diagnostics)
        checkConstraints(of: pattern, template: template)
        let outer = fieldScope
        fieldScope = template.map(FieldScope.template) ?? .unresolved
        let valueType = value.map { check($0) }
        fieldScope = outer

        switch function {
        case .count:
            if let value {
                diagnostics.append(.countTakesNoValue(pattern, at: value.span))
            }
            return .int
        case .sum, .min, .max, .avg:
            guard let value, let valueType else {
                diagnostics.append(.aggregateNeedsValue(function, pattern, at: span))
                return function == .avg ? .float : .unknown
            }
            let allowsStrings = function == .min || function == .max
            if valueType.isNumeric || !valueType.isKnown || (allowsStrings && valueType == .string) {
                return function == .avg ? .float : valueType
            }
            let needs = allowsStrings ? "a number or a string for each fact" : "a number for each fact"
            diagnostics.append(.operandNeeds("`\(function.rawValue)`", needs, found: valueType, at: value.span))
            return function == .avg ? .float : .unknown
        }
    }
}

// MARK: - Diagnostics

extension Diagnostic {
    fileprivate static func countTakesNoValue(_ pattern: Pattern, at span: SourceSpan) -> Diagnostic {
        .error("check.wrong-argument-count", "`count(\(pattern.template.name)(...))` counts facts and takes no value expression", at: span)
    }

    fileprivate static func aggregateNeedsValue(_ function: AggregateFunction, _ pattern: Pattern, at span: SourceSpan) -> Diagnostic {
        .error("check.wrong-argument-count",
               "`\(function.rawValue)` needs a value to aggregate: `\(function.rawValue)(\(pattern.template.name)(...), EXPR)`", at: span)
    }
}
