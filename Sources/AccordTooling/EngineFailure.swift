import AccordCheck
import AccordEngine
import AccordSyntax

/// How an engine error is shown to a person, the same in every client (CLI, REPL,
/// test runner): as a diagnostic pointing into the rule files when the error has a
/// place there, otherwise as a one-line message.
public enum EngineFailure {
    /// The diagnostic for `error`, or nil when it has no place in the sources (the
    /// firing limit, a cancellation, an internal error).
    ///
    /// A run-time error raised while matching a condition reaches us without its rule's
    /// name: while the engine loads the facts it reports it as a compile error, while
    /// running as rule `?`. The rule is recovered here from the place of the error,
    /// since every rule's span is known, so the message always says which rule failed.
    public static func diagnostic(for error: EngineError, in program: CheckedProgram) -> Diagnostic? {
        switch error {
        case .runtime("?", let message, let span):
            return .error("run.error", named(message, at: span, in: program), at: span)
        case .compile(let message, let span):
            return .error("run.compile", named(message, at: span, in: program), at: span)
        case .runtime, .firingLimit, .duplicateKey, .unknownFact, .cancelled, .internalError:
            return error.diagnostic
        }
    }

    /// The message of an error without a place, as `accord: error: ...` would end.
    public static func message(for error: EngineError) -> String {
        error.description
    }

    /// "rule `x`: message" when the place lies inside rule `x`.
    private static func named(_ message: String, at span: SourceSpan, in program: CheckedProgram) -> String {
        guard let rule = program.rules.first(where: { contains($0.span, span) }) else { return message }
        return "rule `\(rule.name.name)`: \(message)"
    }

    private static func contains(_ outer: SourceSpan, _ inner: SourceSpan) -> Bool {
        outer.file.path == inner.file.path && outer.start <= inner.start && inner.end <= outer.end
    }
}
