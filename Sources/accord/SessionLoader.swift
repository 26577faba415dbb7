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
    /// load root, 1 for checker errors and more facts than `--max-facts`; 130 when Ctrl-C
    /// stopped the load.
    /// Without a `cancellation` (commands that run no rules), Ctrl-C keeps its default effect.
    static func program(paths: [String], root: LoadRoot, scenarios: [String] = [], maxFacts: Int = Engine.defaultMaxFacts,
                        cancellation: RunCancellation? = nil) throws(ExitStatus) -> CheckedProgram {
        cancellation?.doing("loading the rules")
        let limits = cancellation?.loadLimits(maxFacts: maxFacts) ?? LoadLimits(maxFacts: maxFacts)
        let analysis = LoadLimits.$current.withValue(limits) { Frontend.analyze(paths: paths, root: root) }
        if let cancellation, let stop = analysis.diagnostics.first(where: { $0.code == "load.interrupted" }) {
            throw RunFailure.stopped(cancellation, progress: "loading the rules stopped in \(stop.span.file.path)")
        }
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

    static func load(paths: [String], root: LoadRoot, scenarios: [String], format: DiffFormat, limits: LimitOptions,
                     cancellation: RunCancellation) throws(ExitStatus) -> (CheckedProgram, Engine) {
        let model = try program(paths: paths, root: root, scenarios: scenarios, maxFacts: limits.maxFacts,
                                cancellation: cancellation)
        let printsToStandardOutput = format.printsToStandardOutput
        let engine = try engine(for: model, limits: limits, cancellation: cancellation) { line in
            printsToStandardOutput ? Terminal.writeOut(line + "\n") : Terminal.writeError(line + "\n")
        }
        return (model, engine)
    }

    /// The engine with the program's facts in working memory, within `--max-facts`; a
    /// million facts take seconds, so Ctrl-C is looked for while they go in.
    static func engine(for model: CheckedProgram, limits: LimitOptions, cancellation: RunCancellation, profile: Bool = false,
                       print: @escaping (String) -> Void) throws(ExitStatus) -> Engine {
        cancellation.doing("loading the facts")
        do {
            return try LoadLimits.$current.withValue(cancellation.loadLimits(maxFacts: limits.maxFacts)) {
                try Engine(program: model, print: print, profile: profile, maxFacts: limits.maxFacts)
            }
        } catch let error as EngineError {
            if case .cancelled = error { throw RunFailure.stopped(cancellation, progress: "loading the facts into working memory stopped") }
            throw RunFailure.status(for: error, cancellation: cancellation, model: model)
        } catch {
            throw RunFailure.status(for: .internalError("\(error)"), cancellation: cancellation, model: model)
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
