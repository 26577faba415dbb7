import AccordSyntax

/// A template no rule reads (in a pattern, `not`, `exists` or aggregate), no test reads
/// (`expect fact`) and no rule makes: its facts only sit there. Built-ins are skipped.
enum UnusedTemplateCheck {
    static func run(_ context: inout CheckContext) {
        var used = Set<String>()
        for rule in context.symbols.rules {
            let footprint = RuleFootprint(rule)
            footprint.reads.forEach { used.insert($0.pattern.template.name) }
            used.formUnion(footprint.producedTemplates)
        }
        for test in context.symbols.tests {
            for expectation in test.expectations {
                switch expectation.kind {
                case .fact(let pattern):
                    used.insert(pattern.template.name)
                    pattern.constraints.flatMap(ExpressionWalk.aggregates).forEach { used.insert($0.pattern.template.name) }
                case .recommend:
                    continue
                }
            }
        }
        for template in context.symbols.templates where !template.isBuiltIn && !used.contains(template.name) {
            context.diagnostics.append(.unusedTemplate(template))
        }
    }
}

// MARK: - Diagnostics

extension Diagnostic {
    fileprivate static func unusedTemplate(_ template: TemplateInfo) -> Diagnostic {
        .warning("check.unused-template", "template `\(template.name)` is never used: no rule or test reads it and no rule makes it",
                 at: template.span, notes: [.init("read it in a rule's pattern or an `expect fact`, or remove it and its facts")])
    }
}
