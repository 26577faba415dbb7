import AccordSyntax

/// Policy tests: `given` names a scenario or makes changes (checked like a scenario's,
/// on top of the earlier givens), `expect recommend` names a rule, and `expect fact`
/// is a pattern with no bindings around it.
enum TestCheck {
    static func run(_ context: inout CheckContext) {
        for case .test(let test) in context.program.declarations {
            check(test, in: &context)
        }
    }

    static func check(_ test: TestDeclaration, in context: inout CheckContext) {
        warnAboutLateGivens(in: test, into: &context.diagnostics)
        var facts = context.facts.keys
        for given in test.givens {
            switch given {
            case .scenario(let name):
                guard let scenario = context.symbols.lookupScenario(name, into: &context.diagnostics) else { continue }
                var quiet = ChangeCheck(symbols: context.symbols, facts: facts)
                for step in ScenarioCheck.ancestors(of: scenario, symbols: context.symbols) + [scenario] {
                    quiet.apply(step.changes)
                }
                facts = quiet.facts
            case .inline(let changes, _):
                var changeCheck = ChangeCheck(symbols: context.symbols, facts: facts)
                changeCheck.apply(changes)
                context.diagnostics += changeCheck.diagnostics
                facts = changeCheck.facts
            }
        }
        var checker = ExpressionTypeChecker(symbols: context.symbols)
        for expectation in test.expectations {
            switch expectation.kind {
            case .recommend(let rule, let subject, let score):
                _ = context.symbols.lookupRule(rule, into: &checker.diagnostics)
                if let subject {
                    checker.expect(subject, .string, what: "the subject")
                }
                if let score {
                    checker.expect(score.value, .float, what: "the score")
                }
            case .fact(let pattern):
                let template = context.symbols.lookupTemplate(pattern.template, into: &checker.diagnostics)
                checker.checkConstraints(of: pattern, template: template)
            }
        }
        context.diagnostics += checker.diagnostics
    }

    /// Every `given` applies before any expectation, wherever it is written; one written
    /// after an `expect` reads as if that expectation saw the state before it.
    private static func warnAboutLateGivens(in test: TestDeclaration, into diagnostics: inout [Diagnostic]) {
        guard let first = test.expectations.first?.span else { return }
        for given in test.givens {
            let span = switch given {
            case .scenario(let name): name.span
            case .inline(_, let span): span
            }
            guard span.file === first.file, span.start > first.start else { continue }
            diagnostics.append(.warning(
                "check.given-after-expect",
                "this `given` is written after an `expect`, but every `given` applies before the test's expectations",
                at: span, notes: [.init("the first expectation is here; move the `given` above it", span: first)]))
        }
    }
}
