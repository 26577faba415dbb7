import AccordCheck
import AccordEngine
import AccordSyntax
import AccordTooling
import ArgumentParser

/// `accord run [PATHS]`: evaluate the rules and print the ranked recommendations.
/// The pipeline reads top to bottom: analyse (parse and check) → stop on errors →
/// build the engine with the facts → apply the scenario → run → filter → render.
/// Exit codes: 0 success; 1 checker errors, a run-time error, the firing limit or the
/// timeout; 2 syntax errors, unreadable input, an unknown scenario or bad usage;
/// 130 interrupted (Ctrl-C), as shells report a SIGINT.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Evaluate rules and print ranked recommendations.",
        discussion: """
        Recommendations are ranked by score, ties by the rule's order, then subject. \
        --subject, --tag and --top only choose what is shown: every recommendation keeps \
        its rank in the whole run. `print` actions write to stdout with --format text and \
        to stderr otherwise, so JSON stays valid.

        Exit status: 0 success; 1 checker errors, a run-time error in a rule, the firing \
        limit or the timeout; 2 syntax errors, unreadable files, an unknown scenario or bad \
        usage; 130 interrupted.

        Examples:
          accord run Rules
          accord run Rules --format json --top 5
          accord run Rules --scenario bigger_push --subject Heilongjiang --explain
        """)

    @OptionGroup var input: PathArguments

    @Option(help: "How to print the recommendations.")
    var format: OutputFormat = .text

    @Flag(help: "Show the facts behind each recommendation, and how derived facts were derived.")
    var explain = false

    @Option(help: "Apply this scenario to the facts before running.")
    var scenario: String?

    @Option(help: "Show only recommendations for this subject.")
    var subject: String?

    @Option(name: .customLong("tag"), help: "Show only recommendations with this tag (repeat to require several).")
    var tags: [String] = []

    @Option(help: "Show at most this many recommendations, the best ranked.")
    var top: Int?

    @Option(help: "Stop with an error after this many rule firings.")
    var maxFirings: Int = Engine.defaultMaxFirings

    @Option(help: "Stop with an error when evaluating takes longer than this many seconds, loading included.")
    var timeout: Double?

    func validate() throws {
        if let top, top < 1 { throw ValidationError("--top must be at least 1") }
        if maxFirings < 1 { throw ValidationError("--max-firings must be at least 1") }
        if let timeout, !(timeout > 0 && timeout.isFinite) { throw ValidationError("--timeout must be a positive number of seconds") }
    }

    func run() throws {
        let cancellation = RunCancellation(timeout: timeout)
        let analysis = Frontend.analyze(paths: input.resolved)
        Terminal.report(analysis.diagnostics)
        let analysed = ExitStatus.forAnalysis(analysis)
        guard analysed.code == 0, let model = analysis.model else {
            throw analysed.code == 0 ? ExitStatus.failures : analysed
        }
        if let scenario, model.scenario(named: scenario) == nil {
            throw unknownScenario(scenario, in: model)
        }
        let printsToStandardOutput = format.printsToStandardOutput
        let engine: Engine
        do {
            engine = try Engine(program: model) { line in
                printsToStandardOutput ? Terminal.writeOut(line + "\n") : Terminal.writeError(line + "\n")
            }
        } catch {
            throw RunFailure.status(for: error, cancellation: cancellation, model: model)
        }
        do {
            if let scenario { try engine.apply(scenario: scenario) }
            cancellation.watch()
            defer { cancellation.stop() }
            try engine.run(maxFirings: maxFirings, isCancelled: cancellation.isCancelled)
        } catch {
            throw RunFailure.status(for: error, cancellation: cancellation, model: model, firing: engine.ruleFiringAtError)
        }
        let filter = RecommendationFilter(subject: subject, tags: tags, top: top)
        let result = RunResult(recommendations: filter.apply(engine.recommendations()), statistics: engine.statistics,
                               sources: input.resolved, scenario: scenario)
        Terminal.writeOut(format.render(result, explain: explain, useColor: Terminal.stdoutWantsColor))
        throw ExitStatus.success
    }

    /// Bad usage (exit 2): the name is checked before anything runs, and the message
    /// lists the scenarios there are.
    private func unknownScenario(_ name: String, in model: CheckedProgram) -> ExitStatus {
        let known = model.scenarios.map { "`\($0.name.name)`" }
        let note = known.isEmpty ? "the rules define no scenarios" : "the rules define " + known.joined(separator: ", ")
        Terminal.writeError("accord: error: no scenario `\(name)`\nnote: \(note)\n")
        return .invalidInput
    }
}
