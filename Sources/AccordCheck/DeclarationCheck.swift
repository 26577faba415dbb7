import AccordSyntax

/// Collects every declared name before any body is checked, and reports names declared
/// twice: templates, rules and scenarios are errors (the first one wins), tests a
/// warning (both run, but a report could not tell them apart).
enum DeclarationCheck {
    static func run(_ context: inout CheckContext) {
        for declaration in context.program.declarations {
            switch declaration {
            case .template(let template):
                if let builtIn = context.symbols.template(named: template.name.name), builtIn.isBuiltIn {
                    context.diagnostics.append(.builtInTemplateRedefined(template.name))
                } else if let first = context.symbols.declare(template) {
                    context.diagnostics.append(.duplicate("check.duplicate-template", "duplicate template `\(template.name.name)`",
                                                          at: template.name.span, first: first))
                }
            case .rule(let rule):
                if let first = context.symbols.declare(rule) {
                    context.diagnostics.append(.duplicate("check.duplicate-rule", "duplicate rule `\(rule.name.name)`",
                                                          at: rule.name.span, first: first))
                }
            case .scenario(let scenario):
                if let first = context.symbols.declare(scenario) {
                    context.diagnostics.append(.duplicate("check.duplicate-scenario", "duplicate scenario `\(scenario.name.name)`",
                                                          at: scenario.name.span, first: first))
                }
            case .test(let test):
                if let first = context.symbols.declare(test) {
                    context.diagnostics.append(.duplicateTest(test, first: first))
                }
            case .import, .facts, .factsFrom:
                continue
            }
        }
    }
}

// MARK: - Diagnostics

extension Diagnostic {
    fileprivate static func duplicateTest(_ test: TestDeclaration, first: SourceSpan) -> Diagnostic {
        .warning("check.duplicate-test", "duplicate test `\(test.name.value)`", at: test.name.span,
                 notes: [.init("first defined here", span: first)])
    }

    fileprivate static func builtInTemplateRedefined(_ name: Identifier) -> Diagnostic {
        .error("check.builtin-template", "`\(name.name)` is a built-in template and cannot be redefined", at: name.span,
               notes: [.init("the engine makes `\(name.name)` facts from `recommend` actions")])
    }
}
