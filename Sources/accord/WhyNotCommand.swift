import AccordCheck
import AccordEngine
import AccordTooling
import ArgumentParser

/// `accord whynot RULE [PATHS]`: why a rule gives no recommendation (for a subject), and
/// the smallest fact changes that would make it fire, each verified. The pipeline:
/// analyse → stop on errors → check the rule's name → build the engine → apply the
/// scenario → run → why-not with verified changes → render. Exit codes as `run`'s; 0
/// whether or not the rule fired; an unknown rule is bad usage (2).
struct WhyNotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whynot", abstract: "Say why a rule does not fire, and which fact changes would make it fire.",
        discussion: """
        The rules are evaluated (with --scenario, that scenario applied first); then the \
        rule's partial matches are read from the network: the closest ones, the first \
        condition they fail with the values that made it fail, and for a `not` the facts \
        that block it. Candidate changes (a threshold solved, an equality's value, a \
        blocking fact retracted, a missing fact asserted) are each applied in a checkpoint, \
        the rules run, and only those after which the rule fires for the subject are shown; \
        pairs are tried when no single change verifies.

        Exit status: 0 whether or not the rule fired; 1 checker errors, a run-time error in \
        a rule, the firing limit or the timeout; 2 syntax errors, unreadable files, an \
        unknown rule or scenario, or bad usage; 130 interrupted.

        Examples:
          accord whynot port_freight Rules --subject Heilongjiang
          accord whynot corridor_agreement Rules --subject Heilongjiang --format json
        """)

    @Argument(help: "The rule to explain.")
    var rule: String

    @OptionGroup var input: PathArguments

    @OptionGroup var loadRoot: LoadRootOptions

    @Option(help: "Ask about the recommendation for this subject.")
    var subject: String?

    @Option(help: "How to print the answer.")
    var format: DiffFormat = .text

    @Option(help: "Apply this scenario to the facts before running.")
    var scenario: String?

    @OptionGroup var limits: LimitOptions

    func run() throws {
        let cancellation = RunCancellation(timeout: limits.timeout)
        cancellation.watch()
        defer { cancellation.stop() }
        let (model, engine) = try SessionLoader.load(paths: input.resolved, root: loadRoot.root(for: input.resolved),
                                                     scenarios: scenario.map { [$0] } ?? [],
                                                     format: format, limits: limits, cancellation: cancellation)
        let rules = model.rules.map(\.name.name)
        guard rules.contains(rule) else {
            var message = "accord: error: no rule `\(rule)`\n"
            if let suggestion = NameSuggestion.best(for: rule, among: rules) { message += "note: did you mean `\(suggestion)`?\n" }
            Terminal.writeError(message)
            throw ExitStatus.invalidInput
        }
        let report: WhyNotReport
        do {
            if let scenario {
                cancellation.doing("applying scenario `\(scenario)`")
                try engine.apply(scenario: scenario)
            }
            cancellation.doing("the run")
            try engine.run(maxFirings: limits.maxFirings, isCancelled: cancellation.isCancelled)
            cancellation.doing("why-not of rule `\(rule)`")
            report = try engine.whyNot(rule: rule, subject: subject, suggestingChanges: true,
                                       maxFirings: limits.maxFirings, isCancelled: cancellation.isCancelled)
        } catch {
            throw RunFailure.status(for: error, cancellation: cancellation, model: model, firing: engine.ruleFiringAtError)
        }
        switch format {
        case .text: Terminal.writeOut(WhyNotText.render(report))
        case .json: Terminal.writeOut(WhyNotJSON().render(report))
        }
        throw ExitStatus.success
    }
}
