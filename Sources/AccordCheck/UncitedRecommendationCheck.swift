import AccordSyntax

/// Advice should say where it comes from: a rule that recommends needs a `cite` in its
/// header (the engine attaches it to every recommendation the rule makes), or a `cite:`
/// detail on each `recommend`.
enum UncitedRecommendationCheck {
    static func run(_ context: inout CheckContext) {
        for rule in context.symbols.rules where rule.cite == nil {
            for case .recommend(_, let fields, let span) in rule.actions where !fields.contains(where: { $0.name.name == "cite" }) {
                context.diagnostics.append(.uncitedRecommendation(rule, at: span))
                break
            }
        }
    }
}

// MARK: - Diagnostics

extension Diagnostic {
    fileprivate static func uncitedRecommendation(_ rule: RuleDeclaration, at span: SourceSpan) -> Diagnostic {
        .warning("check.uncited-recommendation", "rule `\(rule.name.name)` recommends without citing a source", at: span,
                 notes: [.init("add `cite \"...\"` to the rule's header", span: rule.name.span)])
    }
}
