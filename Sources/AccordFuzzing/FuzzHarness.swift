import AccordCheck
import AccordEngine
import AccordFormat
import AccordSyntax
import AccordTooling

/// The one entry point the fuzzer, its regression fixtures and the mutation test share:
/// bytes in, the whole front end and a short run, an outcome out. It goes the way
/// `accord run` goes (files on disk, parse, check with lint, build, run), renders every
/// diagnostic and formats every file, so a crash anywhere on that path is found.
public struct FuzzHarness {
    /// Small, so a rule that loops costs milliseconds, not the default ten million firings.
    public static let defaultMaxFirings = 1000
    /// Small for the same reason: a 4 KB input cannot state more facts than this, so more
    /// come from rules, and a rule that makes facts without end stops here.
    public static let defaultMaxFacts = 10_000
    /// Scenarios (and policy tests) evaluated per input; each is a checkpoint, a run per
    /// change and a rollback.
    public static let maxScenarios = 4

    public let workspace: FuzzWorkspace
    public var maxFirings: Int
    public var maxFacts: Int

    public init(workspace: FuzzWorkspace, maxFirings: Int = FuzzHarness.defaultMaxFirings,
                maxFacts: Int = FuzzHarness.defaultMaxFacts) {
        self.workspace = workspace
        self.maxFirings = maxFirings
        self.maxFacts = maxFacts
    }

    public func run(_ bytes: [UInt8]) -> FuzzOutcome {
        let main: String
        do {
            main = try workspace.write(FuzzInput(bytes))
        } catch {
            return .broken("cannot write the workspace: \(error)")
        }
        let analysis = Frontend.analyze(paths: [main], lint: true)
        if let bad = FuzzHarness.misplaced(analysis.diagnostics) ?? workspace.escape(in: analysis.program) {
            return .broken(bad)
        }
        _ = DiagnosticRenderer().render(analysis.diagnostics)
        for unit in analysis.program.units {
            _ = Formatter().format(unit)
        }
        guard !analysis.hasErrors, let model = analysis.model else {
            let codes = Set(analysis.diagnostics.filter { $0.severity == .error }.map(\.code))
            return .rejected(codes: codes.sorted())
        }
        return evaluate(model)
    }

    /// Builds and runs the program and renders its report (with explanations); then, each
    /// from the baseline, its first scenarios and policy tests and a why-not with
    /// suggested changes for its last rule: the paths `run`, `whatif`, `test` and `whynot` take.
    func evaluate(_ model: CheckedProgram) -> FuzzOutcome {
        do {
            var engine = try Engine(program: model, maxFacts: maxFacts)
            try engine.run(maxFirings: maxFirings)
            let result = RunResult(recommendations: engine.recommendations(), statistics: engine.statistics,
                                   sources: [FuzzInput.mainName])
            _ = TextReport(explain: true).render(result)
            let runner = WhatIfRunner(engine: engine)
            for scenario in model.scenarios.prefix(FuzzHarness.maxScenarios) {
                _ = try runner.evaluate(scenario: scenario.name.name, maxFirings: maxFirings)
            }
            let tests = PolicyTestRunner(program: model, maxFirings: maxFirings)
            _ = try tests.run(Array(model.tests.prefix(FuzzHarness.maxScenarios)), on: &engine)
            if let rule = model.rules.last {
                let report = try engine.whyNot(rule: rule.name.name, subject: nil, suggestingChanges: true, maxFirings: maxFirings)
                _ = WhyNotText.render(report)
            }
            return .ran
        } catch {
            if let diagnostic = error.diagnostic, let bad = FuzzHarness.misplaced([diagnostic]) { return .broken(bad) }
            return .stopped(error)
        }
    }

    /// A description of the first diagnostic whose span (or a note's) does not lie inside
    /// its file, or nil when all do: every diagnostic must point at text a user can see.
    public static func misplaced(_ diagnostics: [Diagnostic]) -> String? {
        for diagnostic in diagnostics {
            let spans = [diagnostic.span] + diagnostic.notes.compactMap(\.span)
            for span in spans where !(0 <= span.start && span.start <= span.end && span.end <= span.file.bytes.count) {
                return "diagnostic \(diagnostic.code) has span \(span.start)..<\(span.end) in a file of \(span.file.bytes.count) bytes"
            }
        }
        return nil
    }
}
