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
    /// A run-time error in a condition is raised while some change is being matched,
    /// and the engine names whatever was going on: a compile error while it loads the
    /// facts, no rule (`""`; `?` in earlier versions) while a scenario changes facts,
    /// and the rule whose action made the change while running. The rule whose
    /// expression failed is recovered here from the place of the error, since every
    /// rule's span is known; the rule that was firing, if another, becomes a note.
    public static func diagnostic(for error: EngineError, in program: CheckedProgram, firing: String? = nil) -> Diagnostic? {
        switch error {
        case .runtime(let rule, let message, let span):
            let owner = owner(of: span, in: program) ?? rule
            let firingRule = firing ?? rule
            let notes = firingRule.isEmpty || firingRule == owner ? [] : [Diagnostic.Note("while rule `\(firingRule)` was firing")]
            guard !owner.isEmpty else { return error.diagnostic }
            return .error("run.error", "rule `\(owner)`: \(message)", at: span, notes: notes)
        case .compile(let message, let span):
            guard let owner = owner(of: span, in: program) else { return error.diagnostic }
            return .error("run.compile", "rule `\(owner)`: \(message)", at: span)
        case .firingLimit, .factLimit, .duplicateKey, .unknownFact, .unkeyedTemplate, .cancelled, .internalError:
            return error.diagnostic
        }
    }

    /// The message of an error without a place, as `accord: error: ...` would end.
    public static func message(for error: EngineError) -> String {
        error.description
    }

    /// The name of the rule whose declaration holds `span`.
    private static func owner(of span: SourceSpan, in program: CheckedProgram) -> String? {
        program.rules.first { contains($0.span, span) }?.name.name
    }

    private static func contains(_ outer: SourceSpan, _ inner: SourceSpan) -> Bool {
        outer.file.path == inner.file.path && outer.start <= inner.start && inner.end <= outer.end
    }
}
