import AccordSyntax

/// A rule has at most `maximumConditions` conditions. The engine matches a rule's
/// conditions one level per condition: each new match is passed down the rule's chain
/// of nodes by a call per level, and each match holds its levels, so a rule's size
/// bounds both the stack a change needs and the memory of its partial matches (they
/// grow with the square of the conditions). Real rules have a few dozen at most.
enum ConditionCountCheck {
    static let maximumConditions = 1000

    static func run(_ context: inout CheckContext) {
        for case .rule(let rule) in context.program.declarations where rule.conditions.count > maximumConditions {
            context.diagnostics.append(.tooManyConditions(rule))
        }
    }
}

// MARK: - Diagnostics

extension Diagnostic {
    /// At the first condition past the limit.
    fileprivate static func tooManyConditions(_ rule: RuleDeclaration) -> Diagnostic {
        let limit = ConditionCountCheck.maximumConditions
        return .error("check.too-many-conditions",
                      "rule `\(rule.name.name)` has \(rule.conditions.count) conditions; at most \(limit) are allowed",
                      at: rule.conditions[limit].span,
                      notes: [.init("split the rule: derive a fact from some of its conditions and match that fact instead")])
    }
}
