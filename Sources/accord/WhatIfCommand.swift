import AccordCheck
import AccordEngine
import AccordTooling
import ArgumentParser

/// `accord whatif [PATHS] --scenario NAME ...`: how recommendations change when a
/// scenario applies to the evaluated baseline. The pipeline: analyse → stop on errors →
/// build the engine → run the baseline → per scenario: checkpoint, apply its changes
/// one at a time with a run after each, diff from the engine's events, roll back →
/// render. Exit codes as `run`'s.
struct WhatIfCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whatif", abstract: "Show which recommendations a scenario adds, removes or rescores.",
        discussion: """
        The rules are evaluated first (the baseline); then each scenario's changes, its \
        parents' first, are applied one at a time, each followed by a run, and the \
        difference is read from the engine's own change events. Each line says which \
        change of the scenario caused it. Every scenario starts from the same baseline: \
        its changes are rolled back before the next one. With several --scenario flags, \
        the scenarios are compared side by side.

        Exit status: 0 success; 1 checker errors, a run-time error in a rule or a scenario, \
        the firing limit or the timeout; 2 syntax errors, unreadable files, an unknown \
        scenario or bad usage; 130 interrupted.

        Examples:
          accord whatif Rules --scenario heilongjiang_signs_ecommerce
          accord whatif Rules --scenario heilongjiang_signs_ecommerce \\
            --scenario bigger_push
          accord whatif Rules --scenario bigger_push --format json
        """)

    @OptionGroup var input: PathArguments

    @OptionGroup var loadRoot: LoadRootOptions

    @Option(name: .customLong("scenario"), help: "A scenario to compare with the baseline (repeat to compare several).")
    var scenarios: [String] = []

    @Option(help: "How to print the differences.")
    var format: DiffFormat = .text

    @OptionGroup var limits: LimitOptions

    func validate() throws {
        if scenarios.isEmpty { throw ValidationError("name a scenario with --scenario NAME") }
        if let twice = scenarios.first(where: { name in scenarios.filter { $0 == name }.count > 1 }) {
            throw ValidationError("--scenario \(twice) is given twice")
        }
    }

    func run() throws {
        let cancellation = RunCancellation(timeout: limits.timeout)
        cancellation.watch()
        defer { cancellation.stop() }
        let (model, engine) = try SessionLoader.load(paths: input.resolved, root: loadRoot.root(for: input.resolved),
                                                     scenarios: scenarios, format: format, limits: limits,
                                                     cancellation: cancellation)
        var results: [WhatIfResult] = []
        do {
            cancellation.doing("the baseline run")
            try engine.run(maxFirings: limits.maxFirings, isCancelled: cancellation.isCancelled)
            let runner = WhatIfRunner(engine: engine)
            for (index, scenario) in scenarios.enumerated() {
                cancellation.doing("scenario `\(scenario)`" + (scenarios.count > 1 ? " (\(index + 1) of \(scenarios.count))" : ""))
                results.append(try runner.evaluate(scenario: scenario, maxFirings: limits.maxFirings,
                                                   isCancelled: cancellation.isCancelled))
            }
        } catch {
            throw RunFailure.status(for: error, cancellation: cancellation, model: model, firing: engine.ruleFiringAtError)
        }
        cancellation.doing("writing the report")
        switch format {
        case .text: Terminal.writeOut(WhatIfReport(useColor: Terminal.stdoutWantsColor).render(results, sources: input.resolved))
        case .json: Terminal.writeOut(WhatIfJSON().render(results))
        }
        throw ExitStatus.success
    }
}
