import AccordSyntax

/// Prints Accord source in its one canonical layout, keeping every comment.
///
/// Layout:
/// - Two spaces per level, LF line endings, no trailing whitespace, no byte-order
///   mark, one newline at the end of the file (an empty file stays empty).
/// - Exactly one blank line between top-level declarations. Inside blocks the user's
///   blank lines between items are kept, collapsed to one; none right after a line
///   that opens a block (`{`, `when`, `then`) or before a `}`.
/// - `template Name {`, then `key a, b`, then one `field: type = default` per line, `}`.
/// - `facts {` with one entry per line. A record is `Region { name: "Jilin", country:
///   "CN" }` on one line when that line fits in 100 columns (characters, comments not
///   counted) and no comment sits inside its braces; else `Region {`, one `field:
///   value` per line one level deeper, `}`. An entry's `cite "..."` goes on the next
///   line, one level deeper. `facts T from "file.csv" cite "..."` is one line.
/// - `rule name {`, then the header clauses in the order `title`, `salience`, `tags`
///   (quoted when a tag is not a plain identifier), `cite`; then `when` with one
///   condition per line, and `then` with one action per line, each one level deeper
///   (`when` only when there are conditions). `recommend "..." {` puts one field per
///   line; `recommend "..."` stands alone when it has none. `derive T {...}`, `assert
///   T {...}` and `modify $v {...}` follow the record rule.
/// - `scenario name {` with `title`, `extends`, then one change per line (`assert`
///   by the record rule with its `cite` on the next line, `modify T[key] {...}` by the
///   record rule, `retract T[key]`). `test "name" {` with the `given`s, then the
///   `expect`s, each kind in source order; `given {` opens a block of changes.
/// - Expressions on one line: one space around binary operators and after `,` and
///   `:`, none inside `()` and `[]`; the user's parentheses are kept and others added
///   only where the tree needs them. Strings are re-escaped (`\"`, `\\`, `\n`, `\t`,
///   `\r`, `\{`, `\u{..}` for other control characters), interpolations printed as
///   `{expr}`. Floats print the shortest text that reads back as the same `Double`,
///   always with a `.` or an exponent (`0.6`, `12.0`, `1e-07`); integers in decimal.
/// - Empty blocks print as `name {}`.
///
/// Comments (see `CommentPlacer`): every comment is kept, block comments verbatim
/// (their trailing whitespace and CR removed). A comment on its own line stays on its
/// own line before the item that follows it, at that item's level, after a blank line
/// if it had one; a comment at the end of a line stays at the end of the formatted line
/// of the item it followed; comments before a `}` stay inside the block; comments at
/// the end of the file stay there. A comment inside an item that is printed on one
/// line (inside an expression, say) moves to its own line before the item.
///
/// Safety: the result is checked before it is returned. It must parse without errors
/// to the same tree (`SyntaxDump`) and hold the same comments; if it does not, the
/// input is returned unchanged (and `format(text:path:)` says so with a
/// `format.declined` warning). Formatting is idempotent: formatting the result again
/// changes nothing.
public struct Formatter: Sendable {
    /// Records wider than this many columns are printed one field per line.
    public static let lineWidth = 100

    public init() {}

    /// The canonical text of a parsed file. A file with syntax errors, or one the
    /// formatter cannot print safely, comes back unchanged.
    public func format(_ unit: SourceUnit) -> String {
        let original = String(decoding: unit.file.bytes, as: UTF8.self)
        guard !Parser.parse(unit.file).diagnostics.hasErrors else { return original }
        switch Formatter.checkedFormat(unit) {
        case .formatted(let text): return text
        case .declined: return original
        }
    }

    /// One expression in canonical form, as it would appear inside a formatted file.
    public func format(_ expression: Expression) -> String {
        Inline.expression(expression)
    }

    /// Parses and formats a file's text. With syntax errors the result holds them as
    /// diagnostics and no text: a file with errors is never formatted.
    public static func format(text: String, path: String) -> FormatResult {
        let file = SourceFile(path: path, text: text)
        let parsed = Parser.parse(file)
        if parsed.diagnostics.hasErrors {
            return FormatResult(text: nil, diagnostics: parsed.diagnostics.sortedByLocation(), isChanged: false)
        }
        switch checkedFormat(parsed.unit) {
        case .formatted(let formatted):
            return FormatResult(text: formatted, diagnostics: [], isChanged: formatted != text)
        case .declined(let reason):
            let start = SourceSpan(file: file, start: file.contentStart, end: file.contentStart)
            let warning = Diagnostic.warning(
                "format.declined", "file left unformatted: \(reason)", at: start,
                notes: [.init("this is a bug in the formatter; please report it with the file")])
            return FormatResult(text: text, diagnostics: [warning], isChanged: false)
        }
    }
}

extension Formatter {
    enum Outcome {
        case formatted(String)
        /// The output failed a safety check; the reason says which.
        case declined(String)
    }

    /// Formats a unit that parsed without errors, then proves the result before
    /// handing it out: every comment was placed, the output parses without errors to
    /// the same tree, and it holds the same comments (counted, and compared as text).
    /// Anything else is a formatter bug, and the caller keeps the input as it is
    /// rather than lose text.
    static func checkedFormat(_ unit: SourceUnit) -> Outcome {
        let printer = Printer(unit)
        let text = printer.printUnit()
        guard printer.placer.allPlaced else {
            let lost = printer.placer.comments.count - printer.placer.placedCount
            return .declined("\(lost) comment(s) would be lost")
        }
        let reparsed = Parser.parse(SourceFile(path: unit.file.path, text: text))
        if let error = reparsed.diagnostics.first(where: { $0.severity == .error }) {
            let location = error.span.startLocation
            return .declined("the formatted text has a syntax error at \(location.line):\(location.column): \(error.message)")
        }
        guard reparsed.unit.comments.count == unit.comments.count,
              commentTexts(reparsed.unit) == commentTexts(unit) else {
            return .declined("the formatted text would not keep the same comments")
        }
        guard SyntaxDump.sameProgram(reparsed.unit, unit) else {
            return .declined("the formatted text would parse to a different program")
        }
        return .formatted(text)
    }

    /// The comments' texts as the formatter writes them, in a fixed order.
    static func commentTexts(_ unit: SourceUnit) -> [String] {
        unit.comments.map(LineWriter.normalized).sorted()
    }
}

/// What `Formatter.format(text:path:)` found.
public struct FormatResult: Sendable {
    /// The formatted text; `nil` when the input has syntax errors. When the formatter
    /// declined (a `format.declined` warning), the input unchanged.
    public let text: String?
    /// The syntax errors, sorted by location, or the `format.declined` warning.
    public let diagnostics: [Diagnostic]
    /// The formatted text differs from the input: what `accord fmt --check` reports.
    public let isChanged: Bool

    public init(text: String?, diagnostics: [Diagnostic], isChanged: Bool) {
        self.text = text
        self.diagnostics = diagnostics
        self.isChanged = isChanged
    }
}
