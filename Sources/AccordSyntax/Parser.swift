/// A recursive-descent parser for whole files. It recovers from errors (panic mode):
/// a bad declaration skips to the next declaration keyword, a bad condition, action
/// or field skips to the next line, so one run reports every error in a file.
///
/// Nesting deeper than `maximumNestingDepth` (parentheses, lists, interpolations,
/// operator chains) is an error rather than a stack overflow.
public struct Parser {
    public static let maximumNestingDepth = 256
    /// The depth budget bounds the parser's own recursion, but not the tree: a chain's
    /// operands stack up (`((a + b) + c) + d` is one level per operator), so a chain
    /// inside parentheses inside a chain, or `$x.a.a.a...`, could build trees thousands
    /// deep for the passes after the parser (and Swift's recursive `deinit`) to walk.
    /// Every expression's `height` stays within this.
    public static let maximumExpressionHeight = 300

    public struct Output: Sendable {
        public let unit: SourceUnit
        public let diagnostics: [Diagnostic]
    }

    /// Thrown after a diagnostic is recorded, to unwind to the nearest recovery point.
    struct Abort: Error {}

    let file: SourceFile
    var tokens: [Token]
    var position = 0
    var diagnostics: [Diagnostic] = []
    var depth = 0

    init(file: SourceFile, tokens: [Token], depth: Int = 0) {
        self.file = file
        self.tokens = tokens.isEmpty
            ? [Token(kind: .endOfFile, start: file.bytes.count, end: file.bytes.count, newlineBefore: true)]
            : tokens
        self.depth = depth
    }

    /// Parses one file: lexing, then declarations.
    public static func parse(_ file: SourceFile) -> Output {
        let lexed = Lexer.tokenize(file)
        var parser = Parser(file: file, tokens: lexed.tokens)
        let declarations = parser.parseDeclarations()
        let unit = SourceUnit(file: file, declarations: declarations, comments: lexed.comments)
        if let interrupted = parser.diagnostics.first(where: { $0.code == "load.interrupted" }) {
            // What was reported on the way out (an unclosed block) is not the file's fault.
            return Output(unit: unit, diagnostics: [interrupted])
        }
        return Output(unit: unit, diagnostics: lexed.diagnostics + parser.diagnostics)
    }

    /// Parses `text` as a single expression (the REPL and `--vary` use this).
    public static func parseExpression(_ file: SourceFile) -> (Expression?, [Diagnostic]) {
        let lexed = Lexer.tokenize(file)
        var parser = Parser(file: file, tokens: lexed.tokens)
        let expression = try? parser.parseExpression()
        if expression != nil, !parser.current.isEndOfFile {
            parser.report("parse.expected-token", "expected end of expression, found \(parser.current.display)", at: parser.current)
        }
        return (expression, lexed.diagnostics + parser.diagnostics)
    }

    // MARK: - Token access

    var current: Token { tokens[position] }

    func peek(_ offset: Int = 1) -> Token {
        tokens[min(position + offset, tokens.count - 1)]
    }

    var previous: Token { tokens[max(0, position - 1)] }

    @discardableResult
    mutating func advance() -> Token {
        let token = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    func span(_ token: Token) -> SourceSpan {
        SourceSpan(file: file, start: token.start, end: token.end)
    }

    /// From the start of `first` to the end of the last consumed token.
    func span(from first: Token) -> SourceSpan {
        SourceSpan(file: file, start: first.start, end: max(first.end, previous.end))
    }

    func span(from start: Int) -> SourceSpan {
        SourceSpan(file: file, start: start, end: max(start, previous.end))
    }

    // MARK: - Expecting

    mutating func report(_ code: String, _ message: String, at token: Token, notes: [Diagnostic.Note] = []) {
        diagnostics.append(.error(code, message, at: span(token), notes: notes))
    }

    mutating func fail(_ code: String, _ message: String, at token: Token, notes: [Diagnostic.Note] = []) -> Abort {
        // The lexer reported this token already; one error per problem is enough.
        if case .invalid = token.kind { return Abort() }
        report(code, message, at: token, notes: notes)
        return Abort()
    }

    /// Reports "expected X, found Y" at the current token. A token on a later line
    /// is not what the user was writing: the error then points just past the end
    /// of the previous line and says "found end of line".
    mutating func unexpected(_ code: String, _ expectation: String, notes: [Diagnostic.Note] = []) -> Abort {
        if case .invalid = current.kind { return Abort() }
        if current.newlineBefore, position > 0 {
            let end = previous.end
            let found = current.isEndOfFile ? "end of file" : "end of line"
            diagnostics.append(.error(code, "\(expectation), found \(found)",
                                      at: SourceSpan(file: file, start: end, end: end), notes: notes))
        } else {
            report(code, "\(expectation), found \(current.display)", at: current, notes: notes)
        }
        return Abort()
    }

    /// What follows a clause word must start on its line.
    mutating func expectOnSameLine(_ expectation: String) throws {
        if current.newlineBefore || current.isEndOfFile {
            throw unexpected("parse.expected-expression", "expected \(expectation)")
        }
    }

    mutating func consume(_ punctuation: Punctuation) -> Bool {
        guard current.isPunctuation(punctuation) else { return false }
        advance()
        return true
    }

    @discardableResult
    mutating func expect(_ punctuation: Punctuation, _ context: @autoclosure () -> String) throws -> Token {
        guard current.isPunctuation(punctuation) else {
            throw unexpected("parse.expected-token", "expected `\(punctuation.rawValue)` \(context())")
        }
        return advance()
    }

    /// A name. Names continue the line they belong to; only the first name of an
    /// item (a field, a fact, a pattern) may start a new line.
    mutating func expectIdentifier(_ what: String, allowNewline: Bool = false, fieldName: Bool = false) throws -> Identifier {
        if fieldName, let word = keywordAsFieldName, allowNewline || !current.newlineBefore {
            let token = advance()
            return Identifier(word, span: span(token))
        }
        guard case .identifier(let name) = current.kind, allowNewline || !current.newlineBefore || position == 0 else {
            if allowNewline, current.newlineBefore {
                let notes: [Diagnostic.Note] = []
                throw fail("parse.expected-identifier", "expected \(what), found \(current.display)", at: current, notes: notes)
            }
            let notes: [Diagnostic.Note]
            if case .keyword(let keyword) = current.kind {
                notes = [.init("`\(keyword.rawValue)` is reserved and cannot be used as a name")]
            } else {
                notes = []
            }
            throw unexpected("parse.expected-identifier", "expected \(what)", notes: notes)
        }
        let token = advance()
        return Identifier(name, span: span(token))
    }

    mutating func expectString(_ what: String) throws -> StringLiteral {
        guard case .string(let parts) = current.kind else {
            throw unexpected("parse.expected-string", "expected \(what)")
        }
        let token = advance()
        if parts.count == 1, case .text(let only) = parts[0] {
            return StringLiteral(only, span: span(token))
        }
        var text = ""
        for part in parts {
            switch part {
            case .text(let value): text += value
            case .interpolation:
                report("parse.interpolation-not-allowed", "\(what) cannot contain an interpolation; escape the brace as `\\{`", at: token)
            }
        }
        return StringLiteral(text, span: span(token))
    }

    // MARK: - Nesting

    mutating func nested<T>(at token: Token, _ body: (inout Parser) throws -> T) throws -> T {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Parser.maximumNestingDepth else {
            throw fail("parse.nesting-too-deep", "nesting deeper than \(Parser.maximumNestingDepth) levels", at: token)
        }
        return try body(&self)
    }

    /// Fails once an expression grows past `maximumExpressionHeight`, before anything
    /// taller can be built on it.
    mutating func limitHeight(of expression: Expression, at token: Token) throws {
        guard expression.height > Parser.maximumExpressionHeight else { return }
        throw fail("parse.nesting-too-deep", "expression nested deeper than \(Parser.maximumExpressionHeight) levels", at: token)
    }

    /// Ctrl-C or the timeout: report it once and skip to the end of the file.
    mutating func stopInterrupted() {
        diagnostics.append(.interrupted(at: span(current)))
        position = tokens.count - 1
    }

    // MARK: - Recovery

    /// True when the current token may not continue the item on the previous line:
    /// a line break, `;`, or the end of the enclosing block.
    var atItemBoundary: Bool {
        current.newlineBefore || current.isPunctuation(.semicolon) || current.isPunctuation(.rightBrace)
            || current.isKeyword(.when) || current.isKeyword(.then) || current.isEndOfFile || atDeclarationKeyword
    }

    /// The current token starts a declaration. `test` also starts a condition, so it
    /// counts only as `test "name" {`.
    /// Declaration words double as field names (`Recommendation(rule == "x")`, `$r.rule`),
    /// so a word counts as a declaration start only in a declaration's shape.
    var atDeclarationKeyword: Bool {
        guard case .keyword(let keyword) = current.kind else { return false }
        let next = peek()
        switch keyword {
        case .import:
            if case .string = next.kind { return true }
            return current.newlineBefore && next.identifier != nil
        case .template, .rule, .scenario:
            return next.identifier != nil && !next.newlineBefore
        case .facts:
            return next.isPunctuation(.leftBrace) || next.identifier != nil
        case .test:
            if case .string = next.kind, peek(2).isPunctuation(.leftBrace) { return true }
            return false
        case .when, .then:
            return false
        }
    }

    /// A keyword used where a field name is expected (`rule: string`, `$r.rule`).
    var keywordAsFieldName: String? {
        guard case .keyword(let keyword) = current.kind, keyword != .when, keyword != .then, !atDeclarationKeyword else {
            return nil
        }
        return keyword.rawValue
    }

    /// After an error inside a block: skip to the start of the next line (outside any
    /// brackets opened meanwhile), a `;`, the block's `}`, or a declaration keyword.
    /// When the error was found at such a boundary, past the item's first token, the
    /// token there is kept: it starts the next item.
    mutating func recoverToNextItem(itemStart: Int, stopAt stops: [Keyword] = []) {
        func atStop(_ parser: Parser) -> Bool {
            if case .keyword(let keyword) = parser.current.kind, stops.contains(keyword) { return true }
            return parser.current.isPunctuation(.rightBrace) || parser.atDeclarationKeyword || parser.current.isEndOfFile
        }
        if position > itemStart, current.newlineBefore || atStop(self) { return }
        // Only braces count: a line break inside an unclosed `(` or `[` still ends the
        // item, since those rarely span lines and an unclosed one is the usual error.
        var braces = 0
        var first = true
        while !current.isEndOfFile {
            if !first, braces == 0 {
                if current.newlineBefore || atStop(self) { return }
                if current.isPunctuation(.semicolon) {
                    advance()
                    return
                }
            }
            if !first, braces > 0, atDeclarationKeyword { return }
            first = false
            if current.isPunctuation(.leftBrace) { braces += 1 }
            if current.isPunctuation(.rightBrace) { braces = max(0, braces - 1) }
            advance()
        }
    }

    /// Requires that the next item starts on a new line or after `;`.
    mutating func expectItemSeparator(_ what: String) throws {
        if consume(.semicolon) { return }
        guard atItemBoundary else {
            throw unexpected("parse.expected-separator", "expected a line break or `;` after \(what)")
        }
    }
}
