import AccordSyntax

/// Scenarios: the parent each `extends` names exists, the `extends` chains have no
/// cycle, and each scenario's changes hold on top of the facts of the files and of its
/// ancestors' changes.
enum ScenarioCheck {
    static func run(_ context: inout CheckContext) {
        for case .scenario(let scenario) in context.program.declarations {
            if let parent = scenario.parent {
                _ = context.symbols.lookupScenario(parent, into: &context.diagnostics)
            }
        }
        reportCycles(&context)
        for case .scenario(let scenario) in context.program.declarations {
            var inherited = ChangeCheck(symbols: context.symbols, facts: context.facts.keys)
            for ancestor in ancestors(of: scenario, symbols: context.symbols) {
                inherited.apply(ancestor.changes)
            }
            var own = ChangeCheck(symbols: context.symbols, facts: inherited.facts)
            own.apply(scenario.changes)
            context.diagnostics += own.diagnostics
        }
    }

    /// The scenarios `scenario` extends, outermost first, stopping at an unknown
    /// parent or a cycle (both reported elsewhere).
    static func ancestors(of scenario: ScenarioDeclaration, symbols: SymbolTable) -> [ScenarioDeclaration] {
        var chain: [ScenarioDeclaration] = []
        var seen: Set<String> = [scenario.name.name]
        var current = scenario
        while let parentName = current.parent?.name, let parent = symbols.scenario(named: parentName),
              seen.insert(parentName).inserted {
            chain.append(parent)
            current = parent
        }
        return chain.reversed()
    }

    /// Reports each cycle once, at the `extends` that closes it when the chains are
    /// followed from the scenarios in load order.
    private static func reportCycles(_ context: inout CheckContext) {
        var finished: Set<String> = []
        for start in context.symbols.scenarios where !finished.contains(start.name.name) {
            var path: [ScenarioDeclaration] = []
            var current: ScenarioDeclaration? = start
            while let scenario = current, !finished.contains(scenario.name.name) {
                path.append(scenario)
                guard let parentName = scenario.parent, let parent = context.symbols.scenario(named: parentName.name) else { break }
                if let index = path.firstIndex(where: { $0.name.name == parent.name.name }) {
                    let cycle = path[index...].map(\.name.name) + [parent.name.name]
                    context.diagnostics.append(.extendsCycle(cycle, at: parentName.span))
                    break
                }
                current = parent
            }
            path.forEach { finished.insert($0.name.name) }
        }
    }
}

// MARK: - Diagnostics

extension Diagnostic {
    fileprivate static func extendsCycle(_ cycle: [String], at span: SourceSpan) -> Diagnostic {
        .error("check.extends-cycle", "cycle in `extends`: " + cycle.map { "`\($0)`" }.joined(separator: " → "), at: span)
    }
}
