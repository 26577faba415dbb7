import AccordSyntax

/// A rule that derives `A` while negating (or aggregating) `B`, where deriving `B`
/// depends on `A`: the program has no stratification, and its result would depend on
/// the order of firing. An error, reported once per cycle at the `not` or aggregate
/// that closes it, with the cycle in the message and a note at each rule on it.
enum NegationCycleCheck {
    static func run(_ context: inout CheckContext) {
        let graph = DerivationGraph(rules: context.symbols.rules, symbols: context.symbols)
        var reported = Set<Int>()
        for edge in graph.edges where edge.polarity != .positive && !reported.contains(edge.from) {
            guard let back = graph.path(from: edge.to, to: edge.from) else { continue }
            let cycle = [edge] + back
            for step in cycle { reported.insert(step.from) }
            context.diagnostics.append(.negationCycle(cycle, in: graph))
        }
    }

    /// `A → not B → A`: the node an edge starts from, then each edge's polarity and target.
    static func describe(_ cycle: [DerivationGraph.Edge], in graph: DerivationGraph) -> String {
        guard let first = cycle.first else { return "" }
        var text = name(of: first.from, in: graph)
        for edge in cycle {
            text += " → " + label(edge.polarity) + name(of: edge.to, in: graph)
        }
        return text
    }

    private static func name(of node: Int, in graph: DerivationGraph) -> String {
        let node = graph.nodes[node]
        guard node.template == "Recommendation" else { return node.template }
        return "Recommendation(rule == \"\(graph.footprints[node.rule].rule.name.name)\")"
    }

    private static func label(_ polarity: RuleFootprint.Polarity) -> String {
        switch polarity {
        case .positive: ""
        case .negated: "not "
        case .aggregated(let function): "\(function.rawValue) "
        }
    }

    fileprivate static func note(for edge: DerivationGraph.Edge, in graph: DerivationGraph) -> Diagnostic.Note {
        let rule = graph.footprints[edge.rule].rule.name.name
        let produced = graph.nodes[edge.from].template
        let verb = produced == "Recommendation" ? "recommends" : "derives `\(produced)`"
        let read = graph.nodes[edge.to].template
        let source = switch edge.polarity {
        case .positive: read
        case .negated: "not \(read)"
        case .aggregated(let function): "\(function.rawValue)(\(read))"
        }
        return Diagnostic.Note("rule `\(rule)` \(verb) from `\(source)` here", span: edge.span)
    }
}

// MARK: - Diagnostics

extension Diagnostic {
    fileprivate static func negationCycle(_ cycle: [DerivationGraph.Edge], in graph: DerivationGraph) -> Diagnostic {
        var notes = cycle.map { NegationCycleCheck.note(for: $0, in: graph) }
        notes.append(Note("`not` and aggregates may only read what does not depend on the rule's own results (stratified negation)"))
        let through = cycle[0].polarity == .negated ? "negation" : "an aggregate"
        return .error("check.negation-cycle",
                      "`\(NegationCycleCheck.describe(cycle, in: graph))` is a cycle through \(through): the rules cannot be stratified",
                      at: cycle[0].span, notes: notes)
    }
}
