/// A problem found in the user's input, as a value: the library never prints.
/// `code` is stable (`parse.expected-token`, `check.unknown-template`) so tests and
/// scripts match on it rather than on the prose.
public struct Diagnostic: Sendable, Hashable, Error {
    public enum Severity: String, Sendable, Hashable, Comparable {
        case error
        case warning
        case note

        private var rank: Int {
            switch self {
            case .error: 0
            case .warning: 1
            case .note: 2
            }
        }
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    public struct Note: Sendable, Hashable {
        public let message: String
        public let span: SourceSpan?

        public init(_ message: String, span: SourceSpan? = nil) {
            self.message = message
            self.span = span
        }
    }

    public let severity: Severity
    public let code: String
    public let message: String
    public let span: SourceSpan
    public var notes: [Note]

    public init(_ severity: Severity, _ code: String, _ message: String, at span: SourceSpan, notes: [Note] = []) {
        self.severity = severity
        self.code = code
        self.message = message
        self.span = span
        self.notes = notes
    }

    public static func error(_ code: String, _ message: String, at span: SourceSpan, notes: [Note] = []) -> Diagnostic {
        Diagnostic(.error, code, message, at: span, notes: notes)
    }

    public static func warning(_ code: String, _ message: String, at span: SourceSpan, notes: [Note] = []) -> Diagnostic {
        Diagnostic(.warning, code, message, at: span, notes: notes)
    }

    /// True for errors from reading and parsing (exit code 2), as opposed to the checker's (exit code 1).
    public var isSyntaxError: Bool {
        severity == .error && (code.hasPrefix("parse.") || code.hasPrefix("source.") || code.hasPrefix("load."))
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Sorted by file, then position, then code: the order in which they are shown.
    public func sortedByLocation() -> [Diagnostic] {
        sorted { lhs, rhs in
            if lhs.span != rhs.span { return lhs.span < rhs.span }
            return lhs.code < rhs.code
        }
    }
}
