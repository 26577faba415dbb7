import AccordSyntax

/// Collects the formatted output line by line. It owns the whitespace rules that do
/// not depend on the syntax: two spaces per indentation level, at most one blank
/// line in a row, no blank line right after a line that opens a block, LF endings,
/// no trailing whitespace, one final newline.
struct LineWriter {
    static let indentWidth = 2

    private(set) var lines: [String] = []
    /// Nothing but a block opener (or the start of the file) has been written since
    /// the last opener: a blank line here would be noise, so `blankLine()` skips it.
    private var atBlockStart = true

    var count: Int { lines.count }

    static func padding(_ level: Int) -> String {
        String(repeating: " ", count: level * indentWidth)
    }

    /// Writes one line at an indentation level. `opensBlock` marks lines such as
    /// `rule name {` or `when`, after which blank lines are dropped.
    mutating func write(_ text: String, level: Int, opensBlock: Bool = false) {
        lines.append(LineWriter.padding(level) + text)
        atBlockStart = opensBlock
    }

    /// Asks for one blank line before whatever comes next.
    mutating func blankLine() {
        guard !atBlockStart, let last = lines.last, !last.isEmpty else { return }
        lines.append("")
    }

    /// Writes a comment on its own line(s): the first line at `level`, the further
    /// lines of a block comment verbatim.
    mutating func writeComment(_ comment: Comment, level: Int) {
        let parts = LineWriter.commentLines(comment)
        lines.append(LineWriter.padding(level) + (parts.first ?? ""))
        lines += parts.dropFirst()
        atBlockStart = false
    }

    /// Appends a comment to the end of the last line, one space after it.
    mutating func appendComment(_ comment: Comment) {
        let parts = LineWriter.commentLines(comment)
        guard let last = lines.popLast() else {
            lines += parts
            return
        }
        lines.append(last.isEmpty ? (parts.first ?? "") : last + " " + (parts.first ?? ""))
        lines += parts.dropFirst()
    }

    /// Comment lines for `lines` that were rendered apart and belong before `index`.
    mutating func insert(_ comments: [Comment], at index: Int, level: Int) {
        var block: [String] = []
        for comment in comments {
            let parts = LineWriter.commentLines(comment)
            block.append(LineWriter.padding(level) + (parts.first ?? ""))
            block += parts.dropFirst()
        }
        lines.insert(contentsOf: block, at: min(max(0, index), lines.count))
    }

    /// The text of a comment split into lines, CRLF read as LF and trailing
    /// whitespace dropped from every line; the rest is kept verbatim. (Works on
    /// scalars: in Swift, CRLF is one `Character`.)
    static func commentLines(_ comment: Comment) -> [String] {
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        func finish() {
            while let last = current.last, last == " " || last == "\t" || last == "\r" { current.removeLast() }
            lines.append(String(current))
            current = String.UnicodeScalarView()
        }
        for scalar in comment.text.unicodeScalars {
            if scalar == "\n" { finish() } else { current.append(scalar) }
        }
        finish()
        return lines
    }

    /// A comment's text as the formatter writes it.
    static func normalized(_ comment: Comment) -> String {
        commentLines(comment).joined(separator: "\n")
    }

    /// The finished text: lines joined with LF, without blank lines at the end, and one
    /// final newline (none for an empty file).
    var text: String {
        var body = lines
        while let last = body.last, last.isEmpty { body.removeLast() }
        return body.isEmpty ? "" : body.joined(separator: "\n") + "\n"
    }
}
