import Testing
import AccordSyntax
import AccordFormat
import AccordTestSupport

/// Small cases that pin one rule each; the goldens show them together.
@Suite struct FormatterBehaviorTests {
    @Test func aFileWithSyntaxErrorsIsReportedNotFormatted() {
        let text = "rule broken {\n  when\n    $p: Park(\n  then halt\n}\n\ntemplate   Ok { a: int }\n"
        let result = Formatter.format(text: text, path: "broken.accord")
        #expect(result.text == nil)
        #expect(result.diagnostics.hasErrors)
        #expect(result.diagnostics.allSatisfy { $0.isSyntaxError })
        #expect(!result.isChanged)
        // The unit-level API leaves such a file exactly as it was.
        let (unit, _) = FormatSupport.unit(text)
        #expect(Formatter().format(unit) == text)
    }

    @Test func aCommentThatCannotBePlacedLeavesTheFileUnchanged() {
        // A unit whose comment lies outside its file's text: the safety check declines.
        let text = "template   A { id: int }\n"
        let (unit, _) = FormatSupport.unit(text)
        let (elsewhere, _) = FormatSupport.unit(String(repeating: " ", count: 80) + "// far away\n")
        let odd = SourceUnit(file: unit.file, declarations: unit.declarations, comments: elsewhere.comments)
        #expect(Formatter().format(odd) == text)
        #expect(Formatter().format(unit) == "template A {\n  id: int\n}\n")
    }

    @Test func anUnterminatedStringIsAnError() {
        let result = Formatter.format(text: "import \"a.accord\n", path: "x.accord")
        #expect(result.text == nil)
        #expect(result.diagnostics.contains { $0.code == "parse.unterminated-string" })
    }

    @Test func emptyAndCommentOnlyFiles() {
        #expect(FormatSupport.format("") == "")
        #expect(FormatSupport.format("\n\n  \n") == "")
        #expect(FormatSupport.format("  // only a comment   \n\n\n/* and a block */") == "// only a comment\n\n/* and a block */\n")
    }

    @Test func crlfAndByteOrderMarkBecomePlainLF() {
        let text = "\u{FEFF}template A {\r\n  key id\r\n  id: string // the id\r\n}\r\n"
        #expect(FormatSupport.format(text) == "template A {\n  key id\n  id: string // the id\n}\n")
    }

    @Test(arguments: [
        ("1 + 2 * 3", "1 + 2 * 3"),
        ("(1 + 2) * 3", "(1 + 2) * 3"),
        ("((a))", "((a))"),
        ("a-b-c", "a - b - c"),
        ("a - (b - c)", "a - (b - c)"),
        ("not a == b and c", "not a == b and c"),
        ("not (a or b)", "not (a or b)"),
        ("-x.y * -2", "-x.y * -2"),
        ("a + not b == c", "a + not b == c"),
        ("$p.name not in [\"a\",\"b\"]", "$p.name not in [\"a\", \"b\"]"),
        ("count( Park( cross_border , count(industries)==1 ) ) >= 2", "count(Park(cross_border, count(industries) == 1)) >= 2"),
        ("sum(Park(), enterprises) / 2", "sum(Park(), enterprises) / 2"),
        ("min( $a , 3 )", "min($a, 3)"),
        ("x contains \"y\" or x in []", "x contains \"y\" or x in []"),
        ("12.50 + 1e3 + 0.1 + 1_000", "12.5 + 1000.0 + 0.1 + 1000"),
        ("1e-7 + 2.5e20", "1e-07 + 2.5e+20"),
    ])
    func expressions(_ source: String, _ expected: String) throws {
        let file = SourceFile(path: "e.accord", text: source)
        let (parsed, diagnostics) = Parser.parseExpression(file)
        #expect(diagnostics.isEmpty)
        let expression = try #require(parsed)
        let printed = Formatter().format(expression)
        #expect(printed == expected)
        let (reparsed, _) = Parser.parseExpression(SourceFile(path: "f.accord", text: printed))
        let again = try #require(reparsed)
        #expect(SyntaxDump.dump(again) == SyntaxDump.dump(expression))
    }

    @Test func parenthesesAreAddedWhereATreeNeedsThem() {
        let file = SourceFile(path: "t.accord", text: "")
        let span = SourceSpan(file: file, start: 0, end: 0)
        func e(_ kind: Expression.Kind) -> Expression { Expression(kind, span: span) }
        let a = e(.field("a")), b = e(.field("b")), c = e(.field("c"))
        let sum = e(.binary(.add, a, b))
        let formatter = Formatter()
        #expect(formatter.format(e(.binary(.multiply, sum, c))) == "(a + b) * c")
        #expect(formatter.format(e(.binary(.subtract, a, e(.binary(.subtract, b, c))))) == "a - (b - c)")
        #expect(formatter.format(e(.binary(.equal, e(.binary(.equal, a, b)), c))) == "(a == b) == c")
        #expect(formatter.format(e(.unary(.not, e(.binary(.or, a, b))))) == "not (a or b)")
        #expect(formatter.format(e(.binary(.equal, e(.unary(.not, a)), b))) == "(not a) == b")
        #expect(formatter.format(e(.unary(.negate, sum))) == "-(a + b)")
        #expect(formatter.format(e(.member(sum, Identifier("x", span: span)))) == "(a + b).x")
        // `a * not b` followed by `+ c` would read as `a * not (b + c)`.
        let product = e(.binary(.multiply, a, e(.unary(.not, b))))
        #expect(formatter.format(e(.binary(.add, product, c))) == "(a * not b) + c")
        #expect(formatter.format(e(.binary(.and, product, c))) == "a * not b and c")
        #expect(formatter.format(e(.float(12))) == "12.0")
    }

    @Test func stringsAreReescaped() throws {
        let source = #"print "tab\there \"q\" back\\slash \{brace} }{$x.name} 黑龙江 \u{1} \u{e9}""#
        let text = "rule r {\n  then\n    \(source)\n}\n"
        let formatted = try #require(FormatSupport.format(text))
        #expect(formatted.contains(#"print "tab\there \"q\" back\\slash \{brace} }{$x.name} 黑龙江 \u{1} é""#))
    }

    @Test func longRecordsWrapAndShortOnesStayOnOneLine() throws {
        let long = "facts { Region { name: \"Jilin\", country: \"CN\", borders: [\"Primorsky Krai\"], strengths: [\"automotive\", \"agriculture\"] } }"
        let formatted = try #require(FormatSupport.format(long))
        #expect(formatted == """
            facts {
              Region {
                name: "Jilin"
                country: "CN"
                borders: ["Primorsky Krai"]
                strengths: ["automotive", "agriculture"]
              }
            }

            """)
        let short = try #require(FormatSupport.format("facts{Region{name:\"Jilin\",country:\"CN\"}}"))
        #expect(short == "facts {\n  Region { name: \"Jilin\", country: \"CN\" }\n}\n")
    }

    @Test func aCommentInsideAnExpressionMovesBeforeItsItem() throws {
        let text = "rule r {\n  when\n    $p: Park(a == 1, /* why */\n             b == 2) // end\n  then\n    halt\n}\n"
        let formatted = try #require(FormatSupport.format(text))
        #expect(formatted == "rule r {\n  when\n    /* why */\n    $p: Park(a == 1, b == 2) // end\n  then\n    halt\n}\n")
    }

    @Test func everyCommentIsKept() throws {
        let text = "/*a*/ template /*b*/ T /*c*/ { /*d*/ key /*e*/ x /*f*/ , /*g*/ y /*h*/\n x /*i*/ : /*j*/ int /*k*/ = /*l*/ 1 /*m*/ } /*n*/"
        let formatted = try #require(FormatSupport.format(text))
        let (unit, diagnostics) = FormatSupport.unit(formatted)
        #expect(diagnostics.isEmpty)
        #expect(unit.comments.count == 14)
        #expect(FormatSupport.format(formatted) == formatted)
    }

    @Test func syntaxDumpIgnoresLayoutAndComments() {
        let a = FormatSupport.dump("rule r { when $p: P(x == 1); then recommend \"hi {$p.x}\" { score: 0.5 } }")
        let b = FormatSupport.dump("// c\nrule r {\n  when\n    $p: P(x == 1)   // d\n  then\n    recommend \"hi {$p.x}\" {\n      score: 0.5\n    }\n}\n")
        #expect(a == b)
        #expect(a.contains("(float 0.5)"))
        #expect(a.contains(#"(string "hi " (interp (member $p x)))"#))
        #expect(FormatSupport.dump("rule r { then print (1) }") != FormatSupport.dump("rule r { then print 1 }"))
    }
}
