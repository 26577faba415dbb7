import AccordEngine
import AccordTooling

/// `:test [FILTER]`: the policy tests, as `accord test` runs them, on the live session.
extension ReplSession {
    /// The session's policy tests, each from the session as it stands (changes and the
    /// open branch included) and rolled back after it.
    func test(_ arguments: String, isCancelled: @escaping () -> Bool) -> ReplReply {
        let filter = ReplSession.unquoted(arguments)
        let tests = PolicyTestRunner.select(live.model.tests, filter: filter)
        let report = PolicyTestReport(useColor: useColor)
        guard !tests.isEmpty else { return ReplReply(output: report.render([], filter: filter)) }
        var engine = live.engine
        let start = engine.checkpoint()
        _ = live.printer.take()
        let results: [PolicyTestResult]
        do {
            results = try PolicyTestRunner(program: live.model, isCancelled: isCancelled).run(tests, on: &engine)
        } catch {
            try? engine.rollback(to: start)
            _ = live.printer.take()
            return engineFailure(error, model: live.model, script: nil)
        }
        try? engine.rollback(to: start)
        _ = live.printer.take()
        return ReplReply(output: report.render(results, filter: filter))
    }
}
