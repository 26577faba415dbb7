import AccordSyntax

/// The static checker: names, types, bindings, keys and CSV data, before anything runs.
/// It is a fixed sequence of stages over one shared context (the order is the data
/// below, as in OPA's compiler): names are collected first so that bodies may refer to
/// declarations in any order and any file, then each kind of body is checked.
public struct Checker: Sendable {
    /// Also run the lint stages (`accord check`): warnings about rules that can never
    /// fire, contradictions, unused templates, uncited advice and idle scenarios.
    public let lint: Bool

    public init(lint: Bool = false) {
        self.lint = lint
    }

    public func check(_ program: Program) -> CheckResult {
        var context = CheckContext(program: program)
        for stage in Checker.stages {
            if LoadLimits.current.isCancelled(), let file = program.units.first?.file {
                context.diagnostics.append(.interrupted(at: SourceSpan(file: file, start: 0, end: 0)))
                break
            }
            stage.run(&context)
        }
        // Lint reasons about what rules read and make, which needs every name resolved.
        if lint, !context.diagnostics.hasErrors {
            for stage in Checker.lintStages {
                stage.run(&context)
            }
        }
        return CheckResult(diagnostics: context.diagnostics.sortedByLocation(), model: context.model)
    }

    /// One step of the check, named for tracing and tests.
    struct Stage: Sendable {
        let name: String
        let run: @Sendable (inout CheckContext) -> Void
    }

    static let stages: [Stage] = [
        Stage(name: "declarations", run: { DeclarationCheck.run(&$0) }),
        Stage(name: "templates", run: { TemplateCheck.run(&$0) }),
        Stage(name: "facts", run: { FactCheck.run(&$0) }),
        Stage(name: "rule sizes", run: { ConditionCountCheck.run(&$0) }),
        Stage(name: "rules", run: { RuleCheck.run(&$0) }),
        Stage(name: "scenarios", run: { ScenarioCheck.run(&$0) }),
        Stage(name: "tests", run: { TestCheck.run(&$0) }),
        Stage(name: "negation cycles", run: { NegationCycleCheck.run(&$0) }),
    ]

    /// Stages that run, when asked for, on a program the stages above found no error
    /// in. They only warn: the program means the same with or without them.
    static let lintStages: [Stage] = [
        Stage(name: "rules that never fire", run: { RuleNeverFiresCheck.run(&$0) }),
        Stage(name: "contradictory constraints", run: { ContradictoryConstraintsCheck.run(&$0) }),
        Stage(name: "unused templates", run: { UnusedTemplateCheck.run(&$0) }),
        Stage(name: "uncited recommendations", run: { UncitedRecommendationCheck.run(&$0) }),
        Stage(name: "scenarios without effect", run: { ScenarioNoEffectCheck.run(&$0) }),
    ]
}

public struct CheckResult: Sendable {
    /// Sorted by location; warnings do not make a program invalid.
    public let diagnostics: [Diagnostic]
    public let model: CheckedProgram

    public init(diagnostics: [Diagnostic], model: CheckedProgram) {
        self.diagnostics = diagnostics
        self.model = model
    }

    public var hasErrors: Bool { diagnostics.hasErrors }
}

/// What the stages share: the program, the symbols found so far, the facts loaded so
/// far, and every diagnostic.
struct CheckContext {
    let program: Program
    var symbols = SymbolTable()
    var facts = FactTable()
    var diagnostics: [Diagnostic] = []

    init(program: Program) {
        self.program = program
        for template in BuiltinTemplates.all {
            symbols.add(template)
        }
    }

    var model: CheckedProgram {
        CheckedProgram(
            templates: symbols.templates, rules: symbols.rules, scenarios: symbols.scenarios,
            tests: symbols.tests, facts: facts.instances)
    }
}
