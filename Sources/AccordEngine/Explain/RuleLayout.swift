import AccordSyntax

/// What each level of a rule's chain holds, and the scope each condition compiled in:
/// the same walk as `NetworkBuilder.compile` (aggregates take the levels just before the
/// condition that reads them; a binding's level is its pattern's), redone from the
/// declaration so why-not can evaluate a condition against a partial match.
struct RuleLayout {
    enum Level {
        /// Condition `index` of the rule.
        case condition(Int)
        /// An aggregate read by condition `index`, or by the actions when `index` is nil.
        case aggregate(Expression, condition: Int?)
    }

    let levels: [Level]
    /// For each condition, the scope its expressions were compiled in.
    let scopes: [CompileScope]
    /// Each condition as written, with its place (explanations quote them).
    let sources: [SourceText]
    /// The variable bound at each level (`r` for `$r: Region(...)`), nil where none is.
    let bindings: [String?]

    init(_ rule: RuleDeclaration, templates: [String: TemplateModel]) {
        var levels: [Level] = []
        var scopes: [CompileScope] = []
        var scope = CompileScope()
        func addAggregates(_ expressions: [Expression], condition: Int?) {
            for expression in expressions {
                for aggregate in ExpressionAnalysis.aggregates(in: expression)
                where scope.aggregateLevels[aggregate.span] == nil {
                    scope.aggregateLevels[aggregate.span] = levels.count
                    levels.append(.aggregate(aggregate, condition: condition))
                }
            }
        }
        for (index, condition) in rule.conditions.enumerated() {
            addAggregates(NetworkBuilder.expressions(of: condition), condition: index)
            scopes.append(scope)
            if case .match(let binding?, let pattern, _) = condition, let template = templates[pattern.template.name] {
                scope.bindings[binding.name] = .init(level: levels.count, template: template)
            }
            levels.append(.condition(index))
        }
        addAggregates(rule.actions.flatMap(NetworkBuilder.expressions(of:)), condition: nil)
        self.levels = levels
        self.scopes = scopes
        sources = rule.conditions.map { WhyNotProbe.source($0.span) }
        var bindings = [String?](repeating: nil, count: levels.count)
        for (name, binding) in scope.bindings where binding.level < bindings.count { bindings[binding.level] = name }
        self.bindings = bindings
    }

    /// How many conditions lie wholly before a level.
    func conditionsBefore(level: Int) -> Int {
        levels.prefix(level).filter { if case .condition = $0 { true } else { false } }.count
    }
}
