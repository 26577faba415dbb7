import AccordCheck
import AccordEngine
import AccordSyntax
import AccordTooling
import ArgumentParser

/// `accord test [PATHS]`: run the policy tests (`test` blocks), each from the baseline.
/// The pipeline: analyse → stop on errors → select by `--filter` → build one engine and
/// run the baseline → run the tests (checkpoint, givens, expectations, rollback),
/// printing each result as it comes → the summary line.
/// Exit codes: 0 every test passed (or none was selected); 1 a test failed, checker
/// errors, an error in the baseline run, or the timeout; 2 syntax errors, unreadable
/// input or bad usage; 130 interrupted (Ctrl-C).
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test", abstract: "Run the policy tests (`test` blocks) and report each result.",
        discussion: """
        Every test starts from the baseline: the facts of the files after a run. Its \
        `given`s change the facts, one change at a time with a run after each, then its \
        `expect`s are checked, and its changes are undone. A failure shows what was \
        expected and what the run produced instead. The last line is always \
        `N passed, N failed`. `print` actions write to stderr, so stdout is the report.

        Exit status: 0 every test passed; 1 a test failed, checker errors, a run-time \
        error without any test's changes, the timeout, or rule coverage below \
        `--coverage-min`; 2 syntax errors, unreadable files or bad usage; 130 interrupted.

        With `--coverage`, a report between the test lines and the summary: each rule \
        with the tests that fire it, each condition fine, never true or never reached \
        (docs/explain.md).

        Examples:
          accord test Rules
          accord test Rules --filter heilongjiang
          accord test Rules --max-firings 100000 --timeout 60
          accord test Rules --coverage --coverage-min 90
        """)

    @OptionGroup var input: PathArguments

    @OptionGroup var loadRoot: LoadRootOptions

    @Option(help: "Run only the tests whose name contains this text, ignoring case.")
    var filter: String?

    /// A test that reaches the firing limit fails; the baseline reaching it stops the command.
    @OptionGroup var limits: LimitOptions

    @OptionGroup var coverage: CoverageOptions

    func run() throws {
        let cancellation = RunCancellation(timeout: limits.timeout)
        cancellation.watch()
        defer { cancellation.stop() }
        let model = try SessionLoader.program(paths: input.resolved, root: loadRoot.root(for: input.resolved), maxFacts: limits.maxFacts,
                                              cancellation: cancellation)
        let report = PolicyTestReport(useColor: Terminal.stdoutWantsColor)
        let tests = PolicyTestRunner.select(model.tests, filter: filter)
        guard !tests.isEmpty || coverage.isRequested else {
            Terminal.writeOut(report.render([], filter: filter))
            throw ExitStatus.success
        }
        if tests.isEmpty { Terminal.writeOut(report.nothingSelected(filter: filter)) }
        cancellation.doing("the baseline run")
        var engine = try baseline(model, cancellation: cancellation)
        let maxFirings = limits.maxFirings
        let maxFacts = limits.maxFacts
        let countFirings = coverage.isRequested
        let rebuild = { () throws(EngineError) -> Engine in
            do throws(BaselineError) {
                return try Self.baseline(model, maxFirings: maxFirings, maxFacts: maxFacts, countFirings: countFirings,
                                         cancellation: cancellation)
            } catch {
                throw error.error
            }
        }
        var runner = PolicyTestRunner(program: model, maxFirings: maxFirings, isCancelled: cancellation.isCancelled,
                                      rebuild: rebuild)
        let recorder = coverage.isRequested ? CoverageRecorder(program: model, baseline: engine) : nil
        runner.inspect = recorder?.record
        var finished = 0
        let results: [PolicyTestResult]
        let describeNext = {
            guard finished < tests.count else { return }
            cancellation.doing("test `\(tests[finished].name.value)`, \(finished) of \(tests.count) tests finished")
        }
        describeNext()
        do throws(EngineError) {
            results = try runner.run(tests, on: &engine) { result in
                finished += 1
                Terminal.writeOut(report.block(result))
                describeNext()
            }
        } catch {
            throw stopped(error, finished: finished, of: tests.count, cancellation: cancellation, model: model)
        }
        cancellation.doing("writing the report")
        var coverageFails = false
        if let recorder {
            let measured = recorder.report(tests: tests)
            if !tests.isEmpty, coverage.coverageOutput == nil { Terminal.writeOut("\n") }
            try coverage.write(measured, useColor: Terminal.stdoutWantsColor)
            coverageFails = coverage.fails(measured)
        }
        Terminal.writeOut("\n" + report.summary(results))
        throw results.allSatisfy(\.passed) && !coverageFails ? ExitStatus.success : ExitStatus.failures
    }

    /// The engine at the baseline. An error here is the rules' own, with no test's
    /// changes: reported like `accord run` reports it, and no test runs.
    private func baseline(_ model: CheckedProgram, cancellation: RunCancellation) throws -> Engine {
        do {
            return try Self.baseline(model, maxFirings: limits.maxFirings, maxFacts: limits.maxFacts,
                                     countFirings: coverage.isRequested, cancellation: cancellation)
        } catch {
            let status = RunFailure.status(for: error.error, cancellation: cancellation, model: model, firing: error.firing)
            if case .cancelled = error.error {
                // A timeout or Ctrl-C: nothing is wrong with the rules.
            } else if status.code == ExitStatus.failures.code {
                Terminal.writeError("note: the error comes from the rules without any test's changes, so no test ran\n")
            }
            throw status
        }
    }

    /// An engine error with the rule that was firing when it happened.
    private struct BaselineError: Error {
        let error: EngineError
        let firing: String?
    }

    /// `countFirings` counts each rule's firings from the start, for coverage.
    private static func baseline(_ model: CheckedProgram, maxFirings: Int, maxFacts: Int, countFirings: Bool,
                                 cancellation: RunCancellation) throws(BaselineError) -> Engine {
        let engine: Engine
        do {
            // `print` goes to stderr: stdout is the report, and its last line is for scripts.
            engine = try LoadLimits.$current.withValue(cancellation.loadLimits(maxFacts: maxFacts)) {
                try Engine(program: model, print: { line in Terminal.writeError(line + "\n") }, maxFacts: maxFacts)
            }
        } catch let error as EngineError {
            throw BaselineError(error: error, firing: nil)
        } catch {
            throw BaselineError(error: .internalError("\(error)"), firing: nil)
        }
        if countFirings { engine.startCountingFirings() }
        do {
            try engine.run(maxFirings: maxFirings, isCancelled: cancellation.isCancelled)
        } catch {
            throw BaselineError(error: error, firing: engine.ruleFiringAtError)
        }
        return engine
    }

    /// Why the suite stopped before its end: Ctrl-C (130), the timeout (1), or an engine
    /// that could not be brought back to the baseline (1). No summary line is printed,
    /// so a script cannot mistake part of a suite for all of it.
    private func stopped(_ error: EngineError, finished: Int, of total: Int, cancellation: RunCancellation,
                         model: CheckedProgram) -> ExitStatus {
        guard case .cancelled = error else {
            return RunFailure.status(for: error, cancellation: cancellation, model: model)
        }
        return RunFailure.stopped(cancellation, progress: cancellation.activity)
    }
}
