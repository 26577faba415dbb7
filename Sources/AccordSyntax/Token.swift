/// The reserved words: only declaration words and clause words. Everything else
/// (`key`, `from`, `for`, `with`, `not`, ...) is an identifier that the parser reads
/// by context, so such words stay usable as field names.
public enum Keyword: String, Sendable, CaseIterable {
    case `import`, template, facts, rule, scenario, test, when, then

    public var isDeclaration: Bool {
        switch self {
        case .import, .template, .facts, .rule, .scenario, .test: true
        case .when, .then: false
        }
    }
}

public enum Punctuation: String, Sendable, CaseIterable {
    case leftBrace = "{", rightBrace = "}", leftParen = "(", rightParen = ")"
    case leftBracket = "[", rightBracket = "]", comma = ",", semicolon = ";", colon = ":", dot = "."
    case assign = "=", equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case plus = "+", minus = "-", star = "*", slash = "/", percent = "%"
}

/// A piece of a string literal: literal text, or an interpolated `{expr}` held as
/// the tokens between the braces (the parser turns them into an expression).
public enum StringPart: Sendable, Hashable {
    case text(String)
    case interpolation([Token], start: Int, end: Int)
}

public enum TokenKind: Sendable, Hashable {
    case identifier(String)
    case variable(String)          // `$name`, without the dollar
    case integer(Int64)
    case float(Double)
    case string([StringPart])
    case keyword(Keyword)
    case punctuation(Punctuation)
    /// Text the lexer already reported (an unterminated string, a stray character):
    /// the parser abandons the item quietly instead of adding a second error.
    case invalid
    case endOfFile
}

public struct Token: Sendable, Hashable {
    public let kind: TokenKind
    /// Offsets as 32 bits: a token takes 32 bytes instead of 48, and a large fact file
    /// has one token per four bytes, all alive while it parses. Files are read up to
    /// `SourceReader.defaultMaximumSize` (1 GiB), well inside the range.
    private let startOffset: UInt32
    private let endOffset: UInt32
    /// A line break separates this token from the previous one: conditions and
    /// actions end at line breaks, and a `(` or `[` on a new line starts afresh.
    public let newlineBefore: Bool

    public var start: Int { Int(startOffset) }
    public var end: Int { Int(endOffset) }

    public init(kind: TokenKind, start: Int, end: Int, newlineBefore: Bool) {
        self.kind = kind
        self.startOffset = UInt32(clamping: start)
        self.endOffset = UInt32(clamping: end)
        self.newlineBefore = newlineBefore
    }

    public var isEndOfFile: Bool {
        if case .endOfFile = kind { return true }
        return false
    }

    public func isPunctuation(_ punctuation: Punctuation) -> Bool {
        if case .punctuation(let found) = kind { return found == punctuation }
        return false
    }

    public func isKeyword(_ keyword: Keyword) -> Bool {
        if case .keyword(let found) = kind { return found == keyword }
        return false
    }

    /// True for the identifier `word`; contextual words are spelled exactly.
    public func isWord(_ word: String) -> Bool {
        if case .identifier(let name) = kind { return name == word }
        return false
    }

    public var identifier: String? {
        if case .identifier(let name) = kind { return name }
        return nil
    }

    /// How the token reads in a message: `{`, `rule`, identifier `Park`, end of file.
    public var display: String {
        switch kind {
        case .identifier(let name): "`\(name)`"
        case .variable(let name): "`$\(name)`"
        case .integer(let value): "`\(value)`"
        case .float(let value): "`\(value)`"
        case .string: "string"
        case .keyword(let keyword): "`\(keyword.rawValue)`"
        case .punctuation(let punctuation): "`\(punctuation.rawValue)`"
        case .invalid: "invalid text"
        case .endOfFile: "end of file"
        }
    }
}

/// A comment kept beside the token stream so the formatter can put it back.
public struct Comment: Sendable, Hashable {
    public let text: String
    public let start: Int
    public let end: Int
    public let isBlock: Bool
    /// Nothing but whitespace precedes it on its line.
    public let startsLine: Bool
    /// Blank lines (two or more line breaks) come before it.
    public let blankLineBefore: Bool
}
