import AccordSyntax

/// A scenario whose changes leave every fact as it was — a `modify` to the values the
/// fact already has, an `assert` of a copy, changes that cancel out (an `assert` then a
/// `retract` of the same key) — or that has no changes at all. Computed on the facts of
/// the files after the scenario's ancestors. A scenario that only `extends` another is
/// a deliberate alias and is not reported.
enum ScenarioNoEffectCheck {
    static func run(_ context: inout CheckContext) {
        let files = FactState(facts: context.facts.instances, symbols: context.symbols)
        for case .scenario(let scenario) in context.program.declarations {
            guard !(scenario.changes.isEmpty && scenario.parent != nil) else { continue }
            var state = files
            for ancestor in ScenarioCheck.ancestors(of: scenario, symbols: context.symbols) {
                ancestor.changes.forEach { state.apply($0) }
            }
            let before = state
            var idle: [Change] = []
            var understood = true
            for change in scenario.changes {
                let previous = state
                understood = state.apply(change) && understood
                if state == previous { idle.append(change) }
            }
            guard understood, state == before else { continue }
            context.diagnostics.append(.scenarioNoEffect(scenario, idle: idle))
        }
    }
}

// MARK: - Diagnostics

extension Diagnostic {
    fileprivate static func scenarioNoEffect(_ scenario: ScenarioDeclaration, idle: [Change]) -> Diagnostic {
        var notes: [Note] = []
        if scenario.changes.isEmpty {
            notes.append(Note("it has no changes"))
        } else if idle.count == scenario.changes.count {
            notes += idle.map { change in
                switch change {
                case .assert: Note("this fact already exists", span: change.span)
                case .modify: Note("the fact already has these values", span: change.span)
                case .retract: Note("this change leaves the facts as they are", span: change.span)
                }
            }
        } else {
            notes.append(Note("its changes cancel each other out", span: scenario.changes[0].span))
        }
        return .warning("check.scenario-no-effect", "scenario `\(scenario.name.name)` changes no fact", at: scenario.name.span,
                        notes: notes)
    }
}
