import AccordSyntax

/// Checks each rule: its salience, then its conditions in order — each pattern sees
/// only the bindings made before it — then its actions, which see every binding.
/// A binding never used afterwards is a warning.
enum RuleCheck {
    static let salienceRange: ClosedRange<Int64> = -10_000...10_000

    static func run(_ context: inout CheckContext) {
        for case .rule(let rule) in context.program.declarations {
            check(rule, in: &context)
        }
    }

    static func check(_ rule: RuleDeclaration, in context: inout CheckContext) {
        if let salience = rule.salience {
            checkSalience(salience, diagnostics: &context.diagnostics)
        }
        var checker = ExpressionTypeChecker(symbols: context.symbols)
        for case .match(let binding?, _, _) in rule.conditions where checker.scope.laterBindings[binding.name] == nil {
            checker.scope.laterBindings[binding.name] = binding.span
        }
        for condition in rule.conditions {
            checkCondition(condition, with: &checker)
        }
        for action in rule.actions {
            RuleActionCheck.check(action, with: &checker)
        }
        for binding in checker.scope.unused {
            checker.diagnostics.append(.unusedBinding(binding))
        }
        context.diagnostics += checker.diagnostics
    }

    static func checkCondition(_ condition: Condition, with checker: inout ExpressionTypeChecker) {
        switch condition {
        case .match(let binding, let pattern, _):
            checker.scope.ownBinding = binding?.name
            let template = checker.symbols.lookupTemplate(pattern.template, into: &checker.diagnostics)
            checker.checkConstraints(of: pattern, template: template)
            checker.scope.ownBinding = nil
            if let binding,
               let first = checker.scope.bind(.init(name: binding.name, template: template, span: binding.span)) {
                checker.diagnostics.append(.duplicateBinding(binding, first: first.span))
            }
        case .not(let pattern, _), .exists(let pattern, _):
            let template = checker.symbols.lookupTemplate(pattern.template, into: &checker.diagnostics)
            checker.checkConstraints(of: pattern, template: template)
        case .test(let expression, _):
            let type = checker.check(expression)
            if type != .bool, type.isKnown {
                checker.diagnostics.append(.operandNeeds("`test`", "a `bool`", found: type, at: expression.span))
            }
        }
    }

    /// Salience orders the agenda, so it must be known before the run: a constant int.
    static func checkSalience(_ expression: Expression, diagnostics: inout [Diagnostic]) {
        guard let value = ConstantCheck.value(of: expression, as: .int, what: "salience",
                                              rule: "salience must be a constant", diagnostics: &diagnostics),
              case .int(let number) = value
        else { return }
        if !salienceRange.contains(number) {
            diagnostics.append(.salienceRange(number, at: expression.span))
        }
    }
}

// MARK: - Diagnostics

extension Diagnostic {
    fileprivate static func unusedBinding(_ binding: Scope.Binding) -> Diagnostic {
        .warning("check.unused-binding", "binding `$\(binding.name)` is never used", at: binding.span,
                 notes: [.init("drop the `$\(binding.name):` or use it in a later condition or action")])
    }

    fileprivate static func duplicateBinding(_ binding: Identifier, first: SourceSpan) -> Diagnostic {
        .error("check.duplicate-binding", "`$\(binding.name)` is already bound", at: binding.span,
               notes: [.init("first bound here", span: first)])
    }

    fileprivate static func salienceRange(_ number: Int64, at span: SourceSpan) -> Diagnostic {
        .error("check.salience-range", "salience \(number) is outside -10000...10000", at: span)
    }
}
