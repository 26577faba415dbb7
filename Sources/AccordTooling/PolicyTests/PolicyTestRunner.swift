import AccordCheck
import AccordEngine
import AccordSyntax

/// Runs policy tests (`test` blocks) on one engine, each from the baseline: open a
/// checkpoint, apply the test's givens one change at a time (each change followed by a
/// run to quiescence, as `Engine.whatIf` does), evaluate the expectations, roll back.
/// The engine is built and run once for the whole suite; a test costs the size of its
/// own changes.
///
///     var engine = try Engine(program: model)
///     try engine.run()                                   // the baseline
///     let results = try PolicyTestRunner(program: model).run(model.tests, on: &engine)
///
/// Pure: results are values, and the caller decides how to show them
/// (`PolicyTestReport`).
public struct PolicyTestRunner {
    public let program: CheckedProgram
    /// The firing limit of each run (one per change of a given).
    public var maxFirings: Int
    /// Asked between firings and between tests; a `true` stops the whole suite.
    public var isCancelled: () -> Bool
    /// Builds a fresh engine at the baseline (facts loaded, run). Used only when a
    /// rollback fails, which should never happen; without it, such a failure stops the
    /// suite.
    public var rebuild: (() throws(EngineError) -> Engine)?
    /// Hears each test's outcome with the engine as the test left it (after its givens,
    /// where its expectations were checked), before the rollback; for test coverage.
    public var inspect: ((TestDeclaration, PolicyTestResult.Outcome, Engine) -> Void)?

    public init(program: CheckedProgram, maxFirings: Int = Engine.defaultMaxFirings,
                isCancelled: @escaping () -> Bool = { false }, rebuild: (() throws(EngineError) -> Engine)? = nil) {
        self.program = program
        self.maxFirings = maxFirings
        self.isCancelled = isCancelled
        self.rebuild = rebuild
    }

    /// The tests whose name contains `filter`, ignoring case, in load order; all of
    /// them without a filter.
    public static func select(_ tests: [TestDeclaration], filter: String?) -> [TestDeclaration] {
        guard let filter, !filter.isEmpty else { return tests }
        let needle = filter.lowercased()
        return tests.filter { $0.name.value.lowercased().contains(needle) }
    }

    /// Runs `tests` in order on `engine`, which must be at the baseline, and leaves it
    /// there. `onResult` hears each result as soon as it is known, so a long suite can
    /// print as it goes.
    ///
    /// An engine error inside a test fails that test only. The suite stops, by throwing,
    /// on a cancellation, or when a rollback fails and the engine cannot be rebuilt.
    public func run(_ tests: [TestDeclaration], on engine: inout Engine,
                    onResult: (PolicyTestResult) -> Void = { _ in }) throws(EngineError) -> [PolicyTestResult] {
        var results: [PolicyTestResult] = []
        for test in tests {
            if isCancelled() { throw .cancelled(firings: 0) }
            let result = try run(test, on: &engine)
            onResult(result)
            results.append(result)
        }
        return results
    }

    /// Runs one test from the engine's current state and returns to it.
    public func run(_ test: TestDeclaration, on engine: inout Engine) throws(EngineError) -> PolicyTestResult {
        let start = engine.checkpoint()
        let outcome = self.outcome(of: test, on: engine)
        inspect?(test, outcome, engine)
        do {
            try engine.rollback(to: start)
        } catch {
            guard let rebuild else { throw error }
            engine = try rebuild()
        }
        if case .givenFailed(let failure) = outcome, case .cancelled = failure.error {
            throw failure.error
        }
        return PolicyTestResult(name: test.name.value, span: test.span, outcome: outcome)
    }

    private func outcome(of test: TestDeclaration, on engine: Engine) -> PolicyTestResult.Outcome {
        for given in test.givens {
            if let failure = apply(given, to: engine) { return .givenFailed(failure) }
        }
        let evaluator = ExpectationEvaluator(engine: engine, program: program, expectations: test.expectations)
        let failures = test.expectations.compactMap(evaluator.failure(of:))
        return failures.isEmpty ? .passed : .failed(failures)
    }

    /// Applies and runs one change at a time, like `Engine.whatIf`, but apart: a change
    /// that fails to apply happened outside any firing, so only an error from the run may
    /// name a firing rule (`ruleFiringAtError` still holds the last run's otherwise).
    private func apply(_ given: TestDeclaration.Given, to engine: Engine) -> PolicyTestError? {
        let changes: [Change]
        switch given {
        case .scenario(let name):
            guard let chain = program.scenarioChain(name.name) else {
                // The checker reports unknown scenarios; this is only reached with a
                // program it did not pass.
                return PolicyTestError(.internalError("no scenario `\(name.name)`"), program: program, given: given)
            }
            changes = chain.flatMap(\.changes)
        case .inline(let inline, _):
            changes = inline
        }
        for change in changes {
            do {
                try engine.apply([change])
            } catch {
                return PolicyTestError(error, program: program, given: given)
            }
            do {
                try engine.run(maxFirings: maxFirings, isCancelled: isCancelled)
            } catch {
                return PolicyTestError(error, program: program, firing: engine.ruleFiringAtError, given: given)
            }
        }
        return nil
    }
}
