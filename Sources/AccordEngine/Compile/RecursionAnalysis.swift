import AccordSyntax

/// Which logical results can support themselves through rules: those on a cycle of
/// the graph "a rule matching A produces B". Their facts are retracted by
/// delete-and-rederive (over-delete, then rederive from what still holds), so that a
/// cycle of derivations cannot keep itself alive; everything else uses plain support
/// counting, which never re-fires rules needlessly.
///
/// Recommendations are told apart by rule: a pattern `Recommendation(rule == "x")`
/// depends only on rule `x`'s advice, so advice built on other advice is not a cycle.
struct RecursionAnalysis {
    /// Templates whose derived facts are on a cycle.
    var templates: Set<Int> = []
    /// Rules whose recommendations are on a cycle.
    var recommendationRules: Set<Int> = []

    init(_ rules: [RuleDeclaration], templates models: [String: TemplateModel]) {
        let recommendationNodes = rules.indices.filter { RecursionAnalysis.recommends(rules[$0]) }.map { "Recommendation:\($0)" }
        var edges: [String: Set<String>] = [:]
        for (index, rule) in rules.enumerated() {
            let produced = RecursionAnalysis.produced(rule, index: index)
            guard !produced.isEmpty else { continue }
            for source in RecursionAnalysis.consumed(rule, rules: rules, recommendationNodes: recommendationNodes) {
                edges[source, default: []].formUnion(produced)
            }
        }
        for start in edges.keys where RecursionAnalysis.reaches(start, start, edges) {
            if start.hasPrefix("Recommendation:"), let rule = Int(start.dropFirst("Recommendation:".count)) {
                recommendationRules.insert(rule)
            } else if let model = models[start] {
                templates.insert(model.id)
            }
        }
    }

    private static func reaches(_ start: String, _ goal: String, _ edges: [String: Set<String>]) -> Bool {
        var seen = Set<String>()
        var stack = Array(edges[start] ?? [])
        while let next = stack.popLast() {
            if next == goal { return true }
            if seen.insert(next).inserted { stack.append(contentsOf: edges[next] ?? []) }
        }
        return false
    }

    private static func recommends(_ rule: RuleDeclaration) -> Bool {
        rule.actions.contains { if case .recommend = $0 { true } else { false } }
    }

    private static func produced(_ rule: RuleDeclaration, index: Int) -> Set<String> {
        Set(rule.actions.compactMap { action -> String? in
            switch action {
            case .derive(let record, _): record.template.name
            case .recommend: "Recommendation:\(index)"
            case .assert, .retract, .modify, .print, .halt: nil
            }
        })
    }

    /// The nodes a rule reads: templates by name; recommendations by the rule that makes them.
    private static func consumed(_ rule: RuleDeclaration, rules: [RuleDeclaration], recommendationNodes: [String]) -> [String] {
        var patterns: [Pattern] = []
        var expressions: [Expression] = []
        for condition in rule.conditions {
            switch condition {
            case .match(_, let pattern, _), .not(let pattern, _), .exists(let pattern, _): patterns.append(pattern)
            case .test(let expression, _): expressions.append(expression)
            }
        }
        expressions += patterns.flatMap(\.constraints)
        for action in rule.actions { expressions += NetworkBuilder.expressions(of: action) }
        for expression in expressions {
            ExpressionAnalysis.visitAll(expression) { node in
                if case .aggregate(_, let pattern, _) = node.kind { patterns.append(pattern) }
            }
        }
        return patterns.flatMap { pattern -> [String] in
            guard pattern.template.name == "Recommendation" else { return [pattern.template.name] }
            guard let name = ruleNamed(in: pattern), let index = rules.firstIndex(where: { $0.name.name == name }) else {
                return recommendationNodes
            }
            return ["Recommendation:\(index)"]
        }
    }

    /// The rule a `Recommendation(rule == "x")` pattern names, if it names one.
    private static func ruleNamed(in pattern: Pattern) -> String? {
        for constraint in pattern.constraints {
            guard case .binary(.equal, let lhs, let rhs) = constraint.ungrouped.kind else { continue }
            for (field, value) in [(lhs, rhs), (rhs, lhs)] {
                if case .field("rule") = field.ungrouped.kind, case .string(let segments) = value.ungrouped.kind,
                   segments.count == 1, case .text(let name) = segments[0] {
                    return name
                }
            }
        }
        return nil
    }
}
