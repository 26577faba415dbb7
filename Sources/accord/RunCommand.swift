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

    @OptionGroup var loadRoot: LoadRootOptions

    @Option(help: "How to print the recommendations.")
    var format: OutputFormat = .text

    @Flag(help: "Show the facts behind each recommendation, and how derived facts were derived.")
    var explain = false

    @Flag(help: "After the recommendations, show per rule its activations, firings and time, and per join node its memories.")
    var profile = false

    @Option(help: "Apply this scenario to the facts before running.")
    var scenario: String?

    @Option(help: "Show only recommendations for this subject.")
    var subject: String?

    @Option(name: .customLong("tag"), help: "Show only recommendations with this tag (repeat to require several).")
    var tags: [String] = []

    @Option(help: "Show at most this many recommendations, the best ranked.")
    var top: Int?

    @OptionGroup var limits: LimitOptions

    func validate() throws {
        if let top, top < 1 { throw ValidationError("--top must be at least 1") }
    }

    func run() throws {
        let cancellation = RunCancellation(timeout: limits.timeout)
        cancellation.watch()
        defer { cancellation.stop() }
        let model = try SessionLoader.program(paths: input.resolved, root: loadRoot.root(for: input.resolved),
                                              scenarios: scenario.map { [$0] } ?? [], maxFacts: limits.maxFacts,
                                              cancellation: cancellation)
        let printsToStandardOutput = format.printsToStandardOutput
        let engine = try SessionLoader.engine(for: model, limits: limits, cancellation: cancellation, profile: profile) { line in
            printsToStandardOutput ? Terminal.writeOut(line + "\n") : Terminal.writeError(line + "\n")
        }
        do {
            if let scenario {
                cancellation.doing("applying scenario `\(scenario)`")
                try engine.apply(scenario: scenario)
            }
            cancellation.doing("the run")
            try engine.run(maxFirings: limits.maxFirings, isCancelled: cancellation.isCancelled)
        } catch {
            throw RunFailure.status(for: error, cancellation: cancellation, model: model, firing: engine.ruleFiringAtError)
        }
        cancellation.doing("writing the report")
        let filter = RecommendationFilter(subject: subject, tags: tags, top: top)
        let result = RunResult(recommendations: filter.apply(engine.recommendations()), statistics: engine.statistics,
                               sources: input.resolved, scenario: scenario)
        Terminal.writeOut(format.render(result, explain: explain, useColor: Terminal.stdoutWantsColor,
                                        profile: engine.profile()))
        throw ExitStatus.success
    }
}
