/// What one entry answers: text for stdout, diagnostics for stderr, and whether the
/// session should end. The reader prints them; the session never writes anywhere.
public struct ReplReply: Sendable, Equatable {
    public var output: String
    public var diagnostics: String
    public var quit: Bool

    public init(output: String = "", diagnostics: String = "", quit: Bool = false) {
        self.output = output
        self.diagnostics = diagnostics
        self.quit = quit
    }

    static func error(_ text: String) -> ReplReply {
        ReplReply(diagnostics: text.hasSuffix("\n") ? text : text + "\n")
    }
}

/// Tab completion: replace the characters from `replaceFrom` (a character offset into
/// the line, not a byte offset) up to the cursor with one of the candidates.
public struct ReplCompletion: Sendable, Equatable {
    public var replaceFrom: Int
    public var candidates: [String]

    public init(replaceFrom: Int, candidates: [String]) {
        self.replaceFrom = replaceFrom
        self.candidates = candidates
    }
}
