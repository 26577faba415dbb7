import AccordSyntax

/// A rule that needs facts of a template nothing ever makes can never fire. Facts come
/// from `facts` blocks and CSV files, from the `assert`s of scenarios and of tests'
/// `given` blocks, and from rules that can fire themselves (`derive`, `assert`, and
/// `recommend` for `Recommendation`): the rules that can fire are found as a fixpoint,
/// starting from the templates with facts of their own. Only positive patterns count:
/// `not` and aggregates hold without any fact.
enum RuleNeverFiresCheck {
    static func run(_ context: inout CheckContext) {
        let footprints = context.symbols.rules.map(RuleFootprint.init)
        var available = templatesWithFacts(in: context.program)
        var fires = [Bool](repeating: false, count: footprints.count)
        var changed = true
        while changed {
            changed = false
            for (index, footprint) in footprints.enumerated() where !fires[index] {
                guard missing(footprint, available: available) == nil else { continue }
                fires[index] = true
                changed = true
                available.formUnion(footprint.producedTemplates)
            }
        }
        for (index, footprint) in footprints.enumerated() where !fires[index] {
            guard let pattern = missing(footprint, available: available),
                  let template = context.symbols.template(named: pattern.template.name)
            else { continue }
            let producers = footprints.filter { $0.producedTemplates.contains(template.name) }.map(\.rule.name.name)
            context.diagnostics.append(.ruleNeverFires(footprint.rule, needing: template, at: pattern, producers: producers))
        }
    }

    /// The first positive pattern over a template without facts.
    private static func missing(_ footprint: RuleFootprint, available: Set<String>) -> Pattern? {
        footprint.reads.first { $0.polarity == .positive && !available.contains($0.pattern.template.name) }?.pattern
    }

    /// Templates with facts before any rule fires: loaded, or asserted by a scenario or
    /// a test's `given`.
    static func templatesWithFacts(in program: Program) -> Set<String> {
        var names = Set<String>()
        func addAsserts(_ changes: [Change]) {
            for case .assert(let record, _, _) in changes { names.insert(record.template.name) }
        }
        for declaration in program.declarations {
            switch declaration {
            case .facts(let facts): facts.entries.forEach { names.insert($0.record.template.name) }
            case .factsFrom(let source): names.insert(source.template.name)
            case .scenario(let scenario): addAsserts(scenario.changes)
            case .test(let test):
                for case .inline(let changes, _) in test.givens { addAsserts(changes) }
            case .import, .template, .rule:
                continue
            }
        }
        return names
    }
}

// MARK: - Diagnostics

extension Diagnostic {
    fileprivate static func ruleNeverFires(_ rule: RuleDeclaration, needing template: TemplateInfo, at pattern: Pattern,
                                           producers: [String]) -> Diagnostic {
        var notes: [Note] = []
        if producers.isEmpty {
            let reason = template.isBuiltIn ? "no rule recommends anything"
                : "no fact of it is loaded, derived or asserted, by a rule, a scenario or a test's `given`"
            notes.append(Note("`\(template.name)` is declared here; \(reason)", span: template.isBuiltIn ? nil : template.span))
        } else {
            let names = producers.map { "`\($0)`" }.joined(separator: ", ")
            notes.append(Note("`\(template.name)` is made only by rules that can never fire themselves: \(names)"))
        }
        return .warning("check.rule-never-fires",
                        "rule `\(rule.name.name)` can never fire: nothing makes a `\(template.name)` fact for this pattern",
                        at: pattern.template.span, notes: notes)
    }
}
