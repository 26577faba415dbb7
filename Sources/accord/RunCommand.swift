import AccordCheck
import AccordSyntax
import ArgumentParser

/// `accord run [PATHS]`. The engine that evaluates rules arrives with issue 3; until
/// then `run` loads and checks the rule base and says so plainly, so that `make run`
/// shows the state of `Rules/` instead of pretending to recommend.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Evaluate rules and print ranked recommendations (checks only, until the engine lands).")

    @OptionGroup var input: PathArguments

    func run() throws {
        let analysis = Frontend.analyze(paths: input.resolved)
        Terminal.report(analysis.diagnostics)
        let status = ExitStatus.forAnalysis(analysis)
        if let model = analysis.model, status.code == 0 {
            let summary = Summary(program: analysis.program, model: model, diagnostics: analysis.diagnostics)
            Terminal.writeOut(summary.line + "\n")
            Terminal.writeOut("not evaluated: the rule engine is not built yet, so no recommendations are printed.\n")
        }
        throw status
    }
}
