import AccordCheck
import AccordEngine
import AccordTooling

/// Reports why a command stopped with an engine error and picks the exit code:
/// errors with a place render like any diagnostic (`path:line:col: error: ...` with the
/// source line and a caret), the others as `accord: error: ...`. Every run-time failure,
/// the firing and fact limits and a timeout exit 1; Ctrl-C exits 130 with
/// `interrupted: ...` saying what was running (`RunCancellation.doing(_:)`).
enum RunFailure {
    static func status(for error: EngineError, cancellation: RunCancellation, model: CheckedProgram, firing: String? = nil) -> ExitStatus {
        switch error {
        case .cancelled(let firings):
            let progress = "\(cancellation.activity) stopped after \(firings) \(firings == 1 ? "firing" : "firings")"
            return stopped(cancellation, progress: progress)
        case .firingLimit, .factLimit, .runtime, .duplicateKey, .unknownFact, .unkeyedTemplate, .compile, .internalError:
            if let diagnostic = EngineFailure.diagnostic(for: error, in: model, firing: firing) {
                Terminal.report([diagnostic])
            } else {
                Terminal.writeError("accord: error: \(EngineFailure.message(for: error))\n")
            }
            return .failures
        }
    }

    /// Ctrl-C (130) or the timeout (1), with what was going on.
    static func stopped(_ cancellation: RunCancellation, progress: String) -> ExitStatus {
        cancellation.finishing()
        switch cancellation.reason {
        case .interrupted:
            Terminal.writeError("interrupted: \(progress)\n")
            return .interrupted
        case .timedOut(let seconds):
            Terminal.writeError("accord: error: timed out after \(RunCancellation.describe(seconds)) s (\(progress))\n")
            return .failures
        }
    }
}
