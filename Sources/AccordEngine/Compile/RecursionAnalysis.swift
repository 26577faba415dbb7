import AccordSyntax

/// Which templates' logical facts can support themselves through rules: those on a
/// cycle of the graph "a rule matching template A derives template B". Their facts are
/// retracted by delete-and-rederive (over-delete, then rederive from what still holds),
/// so that a cycle of derivations cannot keep itself alive.
enum RecursionAnalysis {
    static func recursiveTemplates(_ rules: [RuleDeclaration], templates: [String: TemplateModel]) -> Set<Int> {
        var edges: [Int: Set<Int>] = [:]
        for rule in rules {
            let produced = Set(rule.actions.compactMap { action -> Int? in
                switch action {
                case .derive(let record, _): templates[record.template.name]?.id
                case .recommend: templates["Recommendation"]?.id
                case .assert, .retract, .modify, .print, .halt: nil
                }
            })
            guard !produced.isEmpty else { continue }
            for source in matchedTemplates(rule).compactMap({ templates[$0]?.id }) {
                edges[source, default: []].formUnion(produced)
            }
        }
        var recursive = Set<Int>()
        for start in edges.keys {
            var seen = Set<Int>()
            var stack = Array(edges[start] ?? [])
            while let next = stack.popLast() {
                if next == start {
                    recursive.insert(start)
                    break
                }
                if seen.insert(next).inserted { stack.append(contentsOf: edges[next] ?? []) }
            }
        }
        return recursive
    }

    private static func matchedTemplates(_ rule: RuleDeclaration) -> [String] {
        var names: [String] = []
        var expressions: [Expression] = []
        for condition in rule.conditions {
            switch condition {
            case .match(_, let pattern, _), .not(let pattern, _), .exists(let pattern, _):
                names.append(pattern.template.name)
                expressions += pattern.constraints
            case .test(let expression, _):
                expressions.append(expression)
            }
        }
        for action in rule.actions { expressions += NetworkBuilder.expressions(of: action) }
        for expression in expressions {
            ExpressionAnalysis.visitAll(expression) { node in
                if case .aggregate(_, let pattern, _) = node.kind { names.append(pattern.template.name) }
            }
        }
        return names
    }
}
