import AccordCheck
import AccordEngine
import AccordTooling
import ArgumentParser

/// `accord sweep [PATHS] --vary 'Template["key"].field' (--from A --to B --step S |
/// --values v1,v2,...)`: the recommendation count at each value of one field, and the
/// values where the set of recommendations changes. The pipeline: read the reference →
/// analyse → stop on errors → check the reference and the values against the program →
/// build the engine → run → apply the scenario, if any, as `whatif` does → sweep (modify in place, run,
/// diff, per value) → render. Exit codes as `run`'s; every mistake in the reference or
/// the values is bad usage (2).
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep", abstract: "Vary one field over a range of values and find where recommendations change.",
        discussion: """
        The rules are evaluated first; with --scenario, that scenario is then applied to \
        the result one change at a time, as whatif does. \
        Then the field is set to each value in turn, in place, and the engine propagates \
        only what that change touches: nothing is rebuilt. Each point is compared with the \
        one before it, the first with the starting state; a tipping point is a value where \
        recommendations appear or go.

        Values take the field's type: an int field needs whole numbers; a float field \
        takes any number. The range includes --to when a step lands on it; floats are \
        computed as from + i * step and rounded to the decimals written in --from and \
        --step, so a step of 0.1 gives 0.3, not 0.30000000000000004. At most 100000 points.

        Exit status: 0 success; 1 checker errors, a run-time error in a rule, the firing \
        limit or the timeout; 2 syntax errors, unreadable files, an unknown scenario, a bad \
        reference, values that do not fit the field, a fact that does not exist, or other \
        bad usage; 130 interrupted.

        Examples:
          accord sweep Rules --vary 'Region["Jilin"].trade_with_russia_busd' \\
            --from 0 --to 20 --step 0.5
          accord sweep Rules --vary 'Park["Harbin New Area"].enterprises' --values 0,10
          accord sweep Rules --vary 'Region["Jilin"].trade_with_russia_busd' \\
            --from 20 --to 0 --step -1 --scenario bigger_push --format json
        """)

    @OptionGroup var input: PathArguments

    @OptionGroup var loadRoot: LoadRootOptions

    @Option(help: ArgumentHelp("The field to vary, written as in a scenario: Template[\"key\"].field.", valueName: "reference"))
    var vary: String

    @Option(parsing: .unconditional, help: "The first value of the range.")
    var from: String?

    @Option(parsing: .unconditional, help: "The last value of the range (included when a step lands on it).")
    var to: String?

    @Option(parsing: .unconditional, help: "The distance between two values (negative to go down).")
    var step: String?

    @Option(parsing: .unconditional,
            help: ArgumentHelp("The values to try, separated by commas, instead of a range.", valueName: "v1,v2,..."))
    var values: String?

    @Option(help: "Apply this scenario before the first value.")
    var scenario: String?

    @Option(help: "How to print the sweep.")
    var format: DiffFormat = .text

    @OptionGroup var limits: LimitOptions

    func validate() throws {
        let range = [("--from", from), ("--to", to), ("--step", step)]
        let given = range.filter { $0.1 != nil }.map(\.0)
        if values != nil, !given.isEmpty {
            throw ValidationError("give either --values or --from, --to and --step, not both")
        }
        if values == nil, given.count < 3 {
            let missing = range.filter { $0.1 == nil }.map(\.0).joined(separator: ", ")
            throw ValidationError(given.isEmpty
                ? "give the values to try: --from A --to B --step S, or --values v1,v2,..."
                : "--from, --to and --step go together; missing \(missing)")
        }
    }

    func run() throws {
        let cancellation = RunCancellation(timeout: limits.timeout)
        let reference: FieldReference
        do { reference = try FieldReference.parse(vary) } catch { throw SessionLoader.usage(error) }
        cancellation.watch()
        defer { cancellation.stop() }
        let (model, engine) = try SessionLoader.load(paths: input.resolved, root: loadRoot.root(for: input.resolved),
                                                     scenarios: scenario.map { [$0] } ?? [],
                                                     format: format, limits: limits, cancellation: cancellation)
        let target: SweepTarget
        let points: [Value]
        do {
            target = try SweepTarget.resolve(reference, in: model)
            points = try sweepValues(for: target.field)
        } catch {
            throw SessionLoader.usage(error)
        }
        let outcome: SweepOutcome
        do {
            cancellation.doing("the baseline run")
            try engine.run(maxFirings: limits.maxFirings, isCancelled: cancellation.isCancelled)
            if let scenario, let chain = model.scenarioChain(scenario) {
                cancellation.doing("scenario `\(scenario)`")
                _ = try engine.whatIf(chain.flatMap(\.changes), maxFirings: limits.maxFirings, isCancelled: cancellation.isCancelled)
            }
            // The fact may come or go with the scenario, so it is looked up only now.
            do { _ = try target.factID(in: engine) } catch { throw SessionLoader.usage(error) }
            outcome = try SweepRunner.run(target, values: points, on: engine, scenario: scenario, maxFirings: limits.maxFirings,
                                          isCancelled: cancellation.isCancelled) { index, value in
                cancellation.doing("sweep point \(vary) = \(value) (\(index + 1) of \(points.count))")
            }
        } catch let error as EngineError {
            throw RunFailure.status(for: error, cancellation: cancellation, model: model, firing: engine.ruleFiringAtError)
        }
        cancellation.doing("writing the report")
        switch format {
        case .text: Terminal.writeOut(SweepReport(useColor: Terminal.stdoutWantsColor).render(outcome, sources: input.resolved))
        case .json: Terminal.writeOut(SweepJSON().render(outcome))
        }
        throw ExitStatus.success
    }

    /// The range or the list, in the field's type; `validate()` made sure one is complete.
    private func sweepValues(for field: FieldInfo) throws(InputError) -> [Value] {
        if let values { return try SweepValues.list(values, field: field) }
        guard let from, let to, let step else { throw InputError("give --from, --to and --step, or --values") }
        return try SweepValues.range(from: from, to: to, step: step, field: field)
    }
}
