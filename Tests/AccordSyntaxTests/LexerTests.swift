import Testing
@testable import AccordSyntax

@Suite struct LexerTests {
    func kinds(_ text: String) -> [TokenKind] {
        Lexer.tokenize(SourceFile(path: "t.accord", text: text)).tokens.map(\.kind)
    }

    @Test func punctuationAndWords() {
        #expect(kinds("rule r { when $p: Park(a >= 1.5, b != \"x\") }") == [
            .keyword(.rule), .identifier("r"), .punctuation(.leftBrace), .keyword(.when),
            .variable("p"), .punctuation(.colon), .identifier("Park"), .punctuation(.leftParen),
            .identifier("a"), .punctuation(.greaterEqual), .float(1.5), .punctuation(.comma),
            .identifier("b"), .punctuation(.notEqual), .string([.text("x")]), .punctuation(.rightParen),
            .punctuation(.rightBrace), .endOfFile,
        ])
    }

    @Test func onlyDeclarationAndClauseWordsAreReserved() {
        #expect(kinds("key from to for with not in") == [
            .identifier("key"), .identifier("from"), .identifier("to"), .identifier("for"),
            .identifier("with"), .identifier("not"), .identifier("in"), .endOfFile,
        ])
    }

    @Test func numbers() {
        #expect(kinds("12 3.5 1_000 2e3 7.") == [
            .integer(12), .float(3.5), .integer(1000), .float(2000), .integer(7), .punctuation(.dot), .endOfFile,
        ])
    }

    @Test func stringEscapesAndInterpolation() {
        let tokens = Lexer.tokenize(SourceFile(path: "t", text: #""a\"b\\c\{d} {$x.name}!""#)).tokens
        guard case .string(let parts) = tokens[0].kind else {
            Issue.record("expected a string token")
            return
        }
        #expect(parts.count == 3)
        #expect(parts.first == .text("a\"b\\c{d} "))
        if case .interpolation(let inner, _, _) = parts[1] {
            #expect(inner.map(\.kind) == [.variable("x"), .punctuation(.dot), .identifier("name"), .endOfFile])
        } else {
            Issue.record("expected an interpolation")
        }
        #expect(parts.last == .text("!"))
    }

    @Test func newlineFlags() {
        let tokens = Lexer.tokenize(SourceFile(path: "t", text: "a b\n c // note\n d")).tokens
        #expect(tokens.map(\.newlineBefore) == [true, false, true, true, true])
    }

    @Test func commentsAreKeptWithTheirPlacement() {
        let output = Lexer.tokenize(SourceFile(path: "t", text: "a // tail\n\n// own\n/* block */ b"))
        #expect(output.comments.map(\.text) == ["// tail", "// own", "/* block */"])
        #expect(output.comments.map(\.startsLine) == [false, true, true])
        #expect(output.comments.map(\.blankLineBefore) == [false, true, false])
    }

    @Test func byteOrderMarkAndCRLFAreTolerated() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("rule r {\r\n  then\r\n    halt\r\n}\r\n".utf8)
        let file = SourceFile(path: "t", bytes: bytes)
        let output = Parser.parse(file)
        #expect(output.diagnostics.isEmpty)
        #expect(file.location(of: output.unit.declarations[0].span.start) == SourceLocation(line: 1, column: 1, offset: 3))
        #expect(file.lineText(2) == "  then")
    }

    @Test func columnsCountCharactersNotBytes() {
        let file = SourceFile(path: "t", text: "print \"黑龙江\" x")
        let tokens = Lexer.tokenize(file).tokens
        #expect(file.location(of: tokens[2].start).column == 13)
    }

    @Test func invalidUTF8IsReportedWithItsBytePosition() {
        let file = SourceFile(path: "t", bytes: Array("ok \"".utf8) + [0xC3, 0x28] + Array("\"".utf8))
        let output = Lexer.tokenize(file)
        #expect(output.diagnostics.map(\.code) == ["source.invalid-utf8"])
        #expect(output.diagnostics.first?.message == "invalid UTF-8 at byte 4")
    }

    @Test func overlongAndSurrogateEncodingsAreInvalid() {
        #expect(UTF8Validation.firstInvalidByte(in: [0xC0, 0x80]) == 0)
        #expect(UTF8Validation.firstInvalidByte(in: [0x41, 0xED, 0xA0, 0x80]) == 1)
        #expect(UTF8Validation.firstInvalidByte(in: [0xF0, 0x9F, 0x98]) == 0)
        #expect(UTF8Validation.firstInvalidByte(in: Array("黑龙江 😀".utf8)) == nil)
    }

    @Test func unterminatedStringPointsAtItsStart() {
        let file = SourceFile(path: "t", text: "print \"abc\nhalt")
        let diagnostic = Lexer.tokenize(file).diagnostics.first
        #expect(diagnostic?.code == "parse.unterminated-string")
        #expect(diagnostic?.span.startLocation.description == "1:7")
    }
}
