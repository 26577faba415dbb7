import AccordCheck
import AccordEngine
import AccordSyntax

/// How one `test` block went.
public struct PolicyTestResult: Sendable {
    public enum Outcome: Sendable {
        case passed
        /// The expectations that did not hold, in the order written.
        case failed([ExpectationFailure])
        /// A `given` stopped with an engine error (a run-time error, the firing limit, a
        /// change naming a fact that is gone); no expectation was evaluated.
        case givenFailed(PolicyTestError)
    }

    public let name: String
    /// The whole `test` declaration.
    public let span: SourceSpan
    public let outcome: Outcome

    public init(name: String, span: SourceSpan, outcome: Outcome) {
        self.name = name
        self.span = span
        self.outcome = outcome
    }

    public var passed: Bool {
        switch outcome {
        case .passed: true
        case .failed, .givenFailed: false
        }
    }

    /// `path:line` of the declaration, with the path as it was given.
    public var location: String {
        "\(span.file.path):\(span.startLocation.line)"
    }
}

/// An engine error inside a test, ready to show: as a diagnostic pointing into the
/// files when the error has a place there, otherwise as its message.
public struct PolicyTestError: Sendable {
    public let error: EngineError
    public let diagnostic: Diagnostic?
    /// The `given` that was being applied, if the error came from one.
    public let given: SourceSpan?

    /// `firing` is the rule whose actions were running, when another than the one whose
    /// expression failed. The given becomes a note, so the error says which test line led to it.
    init(_ error: EngineError, program: CheckedProgram, firing: String? = nil, given: TestDeclaration.Given? = nil) {
        self.error = error
        var diagnostic = EngineFailure.diagnostic(for: error, in: program, firing: firing)
        switch given {
        case .scenario(let name):
            self.given = name.span
            diagnostic?.notes.append(Diagnostic.Note("while applying `given \(name.name)`", span: name.span))
        case .inline(_, let span):
            self.given = span
            diagnostic?.notes.append(Diagnostic.Note("while applying this `given`", span: span))
        case nil:
            self.given = nil
        }
        self.diagnostic = diagnostic
    }

    public var message: String { EngineFailure.message(for: error) }
}
