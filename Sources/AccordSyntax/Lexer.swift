/// Turns a source file's bytes into tokens in one linear pass. Works on UTF-8 bytes
/// (every delimiter is ASCII) and decodes only identifiers and strings, so large fact
/// files lex quickly. Comments are collected on the side for the formatter.
public struct Lexer {
    public struct Output: Sendable {
        public var tokens: [Token]
        public var comments: [Comment]
        public var diagnostics: [Diagnostic]
    }

    /// Interpolations may nest strings that interpolate again; past this depth the
    /// lexer reports an error instead of recursing further.
    public static let maximumInterpolationDepth = 32

    let file: SourceFile
    let bytes: [UInt8]
    var index: Int
    var comments: [Comment] = []
    var diagnostics: [Diagnostic] = []
    var sawNewline = false
    var newlinesSinceToken = 0
    var lineHasToken = false
    /// Set when an interpolation past the nesting limit abandoned its line, so the
    /// strings around it do not report their missing `}` as well.
    var abandonedInterpolation = false

    public init(file: SourceFile) {
        self.file = file
        self.bytes = file.bytes
        self.index = file.contentStart
    }

    public static func tokenize(_ file: SourceFile) -> Output {
        var lexer = Lexer(file: file)
        // Not text: one error at the first bad byte, rather than one per token after it.
        let notText: Diagnostic?
        if let bad = file.firstInvalidUTF8Offset() {
            notText = .error("source.invalid-utf8", "invalid UTF-8 at byte \(bad)",
                             at: SourceSpan(file: file, start: bad, end: bad + 1))
        } else if let nul = file.firstNULOffset() {
            notText = .error("source.nul-byte", "NUL byte at byte \(nul): a rule file is text",
                             at: SourceSpan(file: file, start: nul, end: nul + 1))
        } else {
            notText = nil
        }
        if let diagnostic = notText {
            let end = Token(kind: .endOfFile, start: file.bytes.count, end: file.bytes.count, newlineBefore: true)
            return Output(tokens: [end], comments: [], diagnostics: [diagnostic])
        }
        let tokens = lexer.lexTokens(until: nil, depth: 0)
        return Output(tokens: tokens, comments: lexer.comments, diagnostics: lexer.diagnostics)
    }

    /// Lexes until end of input or, inside an interpolation, until the `}` that closes it.
    mutating func lexTokens(until closer: UInt8?, depth: Int) -> [Token] {
        var tokens: [Token] = []
        if closer == nil {
            // One token per four bytes covers a dense fact file, so the array never
            // grows (a growth holds old and new buffers at once); capacity a sparser file
            // leaves unused is never touched, so it costs address space, not memory.
            tokens.reserveCapacity(bytes.count / 4 + 16)
        }
        var braceDepth = 0
        while true {
            skipTrivia()
            let newline = sawNewline || (tokens.isEmpty && closer == nil)
            sawNewline = false
            // An interpolation ends on its line; a missing `}` is reported by the string.
            if closer != nil, newline {
                sawNewline = true
                tokens.append(Token(kind: .endOfFile, start: index, end: index, newlineBefore: true))
                return tokens
            }
            guard index < bytes.count else {
                tokens.append(Token(kind: .endOfFile, start: bytes.count, end: bytes.count, newlineBefore: true))
                return tokens
            }
            let byte = bytes[index]
            if let closer, byte == closer, braceDepth == 0 {
                tokens.append(Token(kind: .endOfFile, start: index, end: index, newlineBefore: newline))
                return tokens
            }
            if byte == UInt8(ascii: "{") { braceDepth += 1 }
            if byte == UInt8(ascii: "}") { braceDepth -= 1 }
            if let token = lexToken(newlineBefore: newline, depth: depth) {
                tokens.append(token)
                lineHasToken = true
            }
        }
    }

    mutating func lexToken(newlineBefore: Bool, depth: Int) -> Token? {
        let start = index
        let byte = bytes[index]
        switch byte {
        case UInt8(ascii: "\""):
            return lexString(newlineBefore: newlineBefore, depth: depth)
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            return lexNumber(newlineBefore: newlineBefore)
        case UInt8(ascii: "$"):
            index += 1
            let nameStart = index
            scanIdentifierBody()
            if index == nameStart {
                report("parse.invalid-variable", "expected a variable name after `$`", start, index)
                return Token(kind: .invalid, start: start, end: index, newlineBefore: newlineBefore)
            }
            return Token(kind: .variable(decode(nameStart, index)), start: start, end: index, newlineBefore: newlineBefore)
        default:
            if identifierCharacterLength(at: index, allowDigits: false) != nil {
                scanIdentifierBody()
                let kind: TokenKind = keyword(start, index).map { .keyword($0) } ?? .identifier(decode(start, index))
                return Token(kind: kind, start: start, end: index, newlineBefore: newlineBefore)
            }
            if let punctuation = lexPunctuation() {
                return Token(kind: .punctuation(punctuation), start: start, end: index, newlineBefore: newlineBefore)
            }
            skipCharacter()
            let text = decode(start, index)
            var notes: [Diagnostic.Note] = []
            if let scalar = text.unicodeScalars.first, (0xFF01...0xFF5E).contains(scalar.value),
               let ascii = Unicode.Scalar(scalar.value - 0xFEE0) {
                notes.append(.init("this is a full-width character; did you mean `\(Character(ascii))`?"))
            }
            diagnostics.append(.error("parse.unexpected-character", "unexpected character `\(text)`",
                                      at: SourceSpan(file: file, start: start, end: index), notes: notes))
            return Token(kind: .invalid, start: start, end: index, newlineBefore: newlineBefore)
        }
    }

    mutating func lexPunctuation() -> Punctuation? {
        let byte = bytes[index]
        let next: UInt8 = index + 1 < bytes.count ? bytes[index + 1] : 0
        let two: Punctuation?
        switch (byte, next) {
        case (UInt8(ascii: "="), UInt8(ascii: "=")): two = .equal
        case (UInt8(ascii: "!"), UInt8(ascii: "=")): two = .notEqual
        case (UInt8(ascii: "<"), UInt8(ascii: "=")): two = .lessEqual
        case (UInt8(ascii: ">"), UInt8(ascii: "=")): two = .greaterEqual
        default: two = nil
        }
        if let two {
            index += 2
            return two
        }
        let single: Punctuation
        switch byte {
        case UInt8(ascii: "{"): single = .leftBrace
        case UInt8(ascii: "}"): single = .rightBrace
        case UInt8(ascii: "("): single = .leftParen
        case UInt8(ascii: ")"): single = .rightParen
        case UInt8(ascii: "["): single = .leftBracket
        case UInt8(ascii: "]"): single = .rightBracket
        case UInt8(ascii: ","): single = .comma
        case UInt8(ascii: ";"): single = .semicolon
        case UInt8(ascii: ":"): single = .colon
        case UInt8(ascii: "."): single = .dot
        case UInt8(ascii: "="): single = .assign
        case UInt8(ascii: "<"): single = .less
        case UInt8(ascii: ">"): single = .greater
        case UInt8(ascii: "+"): single = .plus
        case UInt8(ascii: "-"): single = .minus
        case UInt8(ascii: "*"): single = .star
        case UInt8(ascii: "/"): single = .slash
        case UInt8(ascii: "%"): single = .percent
        default: return nil
        }
        index += 1
        return single
    }

    mutating func lexNumber(newlineBefore: Bool) -> Token {
        let start = index
        var isFloat = false
        scanDigits()
        if index + 1 < bytes.count, bytes[index] == UInt8(ascii: "."), Lexer.isDigit(bytes[index + 1]) {
            isFloat = true
            index += 1
            scanDigits()
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            var probe = index + 1
            if probe < bytes.count, bytes[probe] == UInt8(ascii: "+") || bytes[probe] == UInt8(ascii: "-") { probe += 1 }
            if probe < bytes.count, Lexer.isDigit(bytes[probe]) {
                isFloat = true
                index = probe
                scanDigits()
            }
        }
        let end = index
        if index < bytes.count, identifierCharacterLength(at: index, allowDigits: false) != nil {
            scanIdentifierBody()
            report("parse.invalid-number", "invalid number `\(decode(start, index))`", start, index)
        }
        // Integers, nearly every number in a fact file, are read from the bytes directly;
        // the text is built only for a float or an integer too large for 64 bits.
        if !isFloat, let value = Lexer.integerValue(bytes, start, end) {
            return Token(kind: .integer(value), start: start, end: index, newlineBefore: newlineBefore)
        }
        let text = String(decoding: bytes[start..<end].filter { $0 != UInt8(ascii: "_") }, as: UTF8.self)
        if isFloat {
            guard let value = Double(text), value.isFinite else {
                report("parse.number-out-of-range", "number `\(text)` is out of range", start, index)
                return Token(kind: .float(0), start: start, end: index, newlineBefore: newlineBefore)
            }
            return Token(kind: .float(value), start: start, end: index, newlineBefore: newlineBefore)
        }
        guard let value = Int64(text) else {
            report("parse.number-out-of-range", "integer `\(text)` does not fit in 64 bits", start, index)
            return Token(kind: .integer(0), start: start, end: index, newlineBefore: newlineBefore)
        }
        return Token(kind: .integer(value), start: start, end: index, newlineBefore: newlineBefore)
    }

    /// The value of decimal digits (and `_` separators) in `bytes[start..<end]`, or nil
    /// when it does not fit in an `Int64`.
    static func integerValue(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Int64? {
        var value: Int64 = 0
        for position in start..<end {
            let byte = bytes[position]
            if byte == UInt8(ascii: "_") { continue }
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(Int64(byte &- UInt8(ascii: "0")))
            if overflow1 || overflow2 { return nil }
            value = sum
        }
        return value
    }

    mutating func scanDigits() {
        while index < bytes.count, Lexer.isDigit(bytes[index]) || bytes[index] == UInt8(ascii: "_") { index += 1 }
    }

    mutating func scanIdentifierBody() {
        while index < bytes.count {
            let byte = bytes[index]
            // ASCII first: nearly every identifier is ASCII.
            if (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || byte == UInt8(ascii: "_") || Lexer.isDigit(byte) {
                index += 1
            } else if byte >= 0x80, let length = identifierCharacterLength(at: index, allowDigits: true) {
                index += length
            } else {
                return
            }
        }
    }

    /// The byte length of the identifier character at `offset`, or nil if there is none.
    /// Identifiers may use any script (letters, marks, digits, `_`), but not spaces or
    /// punctuation from other scripts: a full-width comma must not end up inside a name.
    func identifierCharacterLength(at offset: Int, allowDigits: Bool) -> Int? {
        let byte = bytes[offset]
        if byte < 0x80 {
            let isLetter = (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) || byte == UInt8(ascii: "_")
            return isLetter || (allowDigits && Lexer.isDigit(byte)) ? 1 : nil
        }
        guard let (scalar, length) = scalar(at: offset) else { return nil }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .letterNumber:
            return length
        case .nonspacingMark, .spacingMark, .decimalNumber, .connectorPunctuation:
            return allowDigits ? length : nil
        default:
            return nil
        }
    }

    /// Decodes the scalar at `offset` (the input was validated as UTF-8 up front).
    func scalar(at offset: Int) -> (Unicode.Scalar, Int)? {
        let lead = bytes[offset]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        guard offset + length <= bytes.count else { return nil }
        var value = UInt32(lead) & (length == 1 ? 0x7F : UInt32(0xFF) >> (length + 1))
        for next in bytes[(offset + 1)..<(offset + length)] {
            value = value << 6 | UInt32(next & 0x3F)
        }
        return Unicode.Scalar(value).map { ($0, length) }
    }

    /// Skips one whole UTF-8 encoded character.
    mutating func skipCharacter() {
        index += 1
        while index < bytes.count, bytes[index] & 0xC0 == 0x80 { index += 1 }
    }

    /// The reserved word spelled by `bytes[start..<end]`, checked without making a
    /// String: most identifiers are ruled out by their length or first letter.
    func keyword(_ start: Int, _ end: Int) -> Keyword? {
        let length = end - start
        guard length >= 4, length <= 8 else { return nil }
        let candidate: Keyword
        switch bytes[start] {
        case UInt8(ascii: "i"): candidate = .import
        case UInt8(ascii: "f"): candidate = .facts
        case UInt8(ascii: "r"): candidate = .rule
        case UInt8(ascii: "s"): candidate = .scenario
        case UInt8(ascii: "w"): candidate = .when
        case UInt8(ascii: "t"):
            guard length >= 4, bytes[start + 1] != UInt8(ascii: "h") else { return spells(.then, start, end) }
            return length == 4 ? spells(.test, start, end) : spells(.template, start, end)
        default: return nil
        }
        return spells(candidate, start, end)
    }

    private func spells(_ keyword: Keyword, _ start: Int, _ end: Int) -> Keyword? {
        let word = keyword.rawValue.utf8
        guard word.count == end - start else { return nil }
        return word.elementsEqual(bytes[start..<end]) ? keyword : nil
    }

    func decode(_ start: Int, _ end: Int) -> String {
        String(decoding: bytes[start..<end], as: UTF8.self)
    }

    mutating func report(_ code: String, _ message: String, _ start: Int, _ end: Int) {
        diagnostics.append(.error(code, message, at: SourceSpan(file: file, start: start, end: end)))
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
