/// A mistake in what the user typed on the command line (a `--vary` reference, a value
/// range, a fact that does not exist): bad usage, which the CLI reports with exit 2.
/// The message follows the diagnostic style (one line, lower case, user text in
/// backticks); notes add help such as "did you mean".
public struct InputError: Error, Sendable, Hashable {
    public let message: String
    public let notes: [String]
    /// The typed text and the character range of the mistake in it, so the CLI can
    /// underline it as it underlines a place in a rule file.
    public let excerpt: Excerpt?

    public struct Excerpt: Sendable, Hashable {
        public let text: String
        /// Characters (not bytes) before the mistake, and its length in characters.
        public let column: Int
        public let length: Int

        public init(text: String, column: Int, length: Int) {
            self.text = text
            self.column = column
            self.length = length
        }
    }

    public init(_ message: String, notes: [String] = [], excerpt: Excerpt? = nil) {
        self.message = message
        self.notes = notes
        self.excerpt = excerpt
    }

    /// `accord: error: ...`, the excerpt with a caret and tildes under the mistake, then
    /// `note: ...` lines: what the CLI writes to stderr.
    public var rendered: String {
        var out = "accord: error: \(message)\n"
        if let excerpt {
            out += "  \(excerpt.text)\n"
            out += "  " + String(repeating: " ", count: excerpt.column) + "^"
                + String(repeating: "~", count: max(0, excerpt.length - 1)) + "\n"
        }
        for note in notes { out += "note: \(note)\n" }
        return out
    }
}
