import AccordCheck
import AccordEngine
import AccordSyntax
import AccordTooling

/// The start the commands that run rules share: analyse the files (parse and check),
/// stop on errors, check the scenario names, build the engine with the facts. Errors
/// are reported here and come back as the exit status to end with.
enum SessionLoader {
    /// The checked program, or the exit status its diagnostics call for (they are
    /// reported either way): 2 for syntax errors, unreadable files and paths outside the
    /// load root, 1 for checker errors.
    static func program(paths: [String], root: LoadRoot, scenarios: [String] = []) throws(ExitStatus) -> CheckedProgram {
        let analysis = Frontend.analyze(paths: paths, root: root)
        Terminal.report(analysis.diagnostics)
        let analysed = ExitStatus.forAnalysis(analysis)
        guard analysed.code == 0, let model = analysis.model else {
            throw analysed.code == 0 ? ExitStatus.failures : analysed
        }
        for name in scenarios where model.scenario(named: name) == nil {
            throw unknownScenario(name, in: model)
        }
        return model
    }

    static func load(paths: [String], root: LoadRoot, scenarios: [String], format: DiffFormat,
                     cancellation: RunCancellation) throws(ExitStatus) -> (CheckedProgram, Engine) {
        let model = try program(paths: paths, root: root, scenarios: scenarios)
        let printsToStandardOutput = format.printsToStandardOutput
        do {
            let engine = try Engine(program: model) { line in
                printsToStandardOutput ? Terminal.writeOut(line + "\n") : Terminal.writeError(line + "\n")
            }
            return (model, engine)
        } catch {
            throw RunFailure.status(for: error, cancellation: cancellation, model: model)
        }
    }

    /// Bad usage (exit 2): the name is checked before anything runs, and the message
    /// lists the scenarios there are.
    static func unknownScenario(_ name: String, in model: CheckedProgram) -> ExitStatus {
        let known = model.scenarios.map { "`\($0.name.name)`" }
        let note = known.isEmpty ? "the rules define no scenarios" : "the rules define " + known.joined(separator: ", ")
        Terminal.writeError("accord: error: no scenario `\(name)`\nnote: \(note)\n")
        return .invalidInput
    }

    /// A mistake in the command's input, reported as bad usage (exit 2).
    static func usage(_ error: InputError) -> ExitStatus {
        Terminal.writeError(error.rendered)
        return .invalidInput
    }
}
