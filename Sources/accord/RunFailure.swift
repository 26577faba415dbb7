import AccordCheck
import AccordEngine
import AccordTooling

/// Reports why `accord run` stopped with an engine error and picks the exit code:
/// errors with a place render like any diagnostic (`path:line:col: error: ...` with the
/// source line and a caret), the others as `accord: error: ...`. Every run-time failure,
/// the firing limit and a timeout exit 1; Ctrl-C exits 130 with `interrupted: ...`.
enum RunFailure {
    static func status(for error: EngineError, cancellation: RunCancellation, model: CheckedProgram, firing: String? = nil) -> ExitStatus {
        switch error {
        case .cancelled(let firings):
            switch cancellation.reason {
            case .interrupted:
                Terminal.writeError("interrupted: the run stopped after \(firings) firings\n")
                return .interrupted
            case .timedOut(let seconds):
                Terminal.writeError("accord: error: timed out after \(describe(seconds)) s (\(firings) firings)\n")
                return .failures
            }
        case .firingLimit, .runtime, .duplicateKey, .unknownFact, .unkeyedTemplate, .compile, .internalError:
            if let diagnostic = EngineFailure.diagnostic(for: error, in: model, firing: firing) {
                Terminal.report([diagnostic])
            } else {
                Terminal.writeError("accord: error: \(EngineFailure.message(for: error))\n")
            }
            return .failures
        }
    }

    /// `5` for a whole number of seconds, `0.25` otherwise.
    private static func describe(_ seconds: Double) -> String {
        seconds == seconds.rounded() && abs(seconds) < 1e15 ? String(Int64(seconds)) : seconds.description
    }
}
