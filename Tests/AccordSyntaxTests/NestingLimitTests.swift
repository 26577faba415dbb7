import Testing
import AccordSyntax

/// Deep input ends in an error, never in a stack overflow.
@Suite struct NestingLimitTests {
    func codes(_ text: String) -> [String] {
        Parser.parse(SourceFile(path: "deep.accord", text: text)).diagnostics.map(\.code)
    }

    func rule(test expression: String) -> String {
        "rule deep {\n  when\n    test \(expression)\n  then\n    halt\n}\n"
    }

    @Test func nestingUpToTheLimitParses() {
        let depth = 200
        let expression = String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth) + " > 0"
        #expect(codes(rule(test: expression)) == [])
    }

    @Test func deepParenthesesAreAnError() {
        let depth = 100_000
        let expression = String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth)
        #expect(codes(rule(test: expression)).contains("parse.nesting-too-deep"))
    }

    @Test func deepListsAreAnError() {
        let depth = 50_000
        let expression = String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + " == []"
        #expect(codes(rule(test: expression)).contains("parse.nesting-too-deep"))
    }

    @Test func longOperatorChainsAreAnError() {
        let expression = Array(repeating: "1", count: 100_000).joined(separator: " + ") + " > 0"
        #expect(codes(rule(test: expression)).contains("parse.nesting-too-deep"))
    }

    @Test func deepUnaryOperatorsAreAnError() {
        let expression = String(repeating: "not ", count: 50_000) + "true"
        #expect(codes(rule(test: expression)).contains("parse.nesting-too-deep"))
        let minus = String(repeating: "- ", count: 50_000) + "1 > 0"
        #expect(codes(rule(test: minus)).contains("parse.nesting-too-deep"))
    }

    @Test func deepInterpolationIsAnError() {
        var text = "1"
        for _ in 0..<40 { text = "\"{\(text)}\"" }
        #expect(codes(rule(test: text + " == \"1\"")).contains("parse.nesting-too-deep"))
    }

    /// Each paren level may hold a chain of its own: the tree under them grows with the
    /// sum of the chains, so its height is bounded separately.
    @Test func chainsInsideParenthesesInsideChainsAreBoundedByHeight() {
        var expression = "1"
        for _ in 0..<12 { expression = "(" + expression + String(repeating: " + 1", count: 28) + ")" }
        let diagnostics = Parser.parse(SourceFile(path: "deep.accord", text: rule(test: expression + " > 0"))).diagnostics
        #expect(diagnostics.map(\.code) == ["parse.nesting-too-deep"])
        #expect(diagnostics.first?.message == "expression nested deeper than \(Parser.maximumExpressionHeight) levels")
    }

    @Test func longMemberChainsAreAnErrorAtTheDotPastTheLimit() throws {
        let expression = "$x" + String(repeating: ".a", count: 100_000)
        let diagnostics = Parser.parse(SourceFile(path: "deep.accord", text: rule(test: expression))).diagnostics
        let error = try #require(diagnostics.first)
        #expect(diagnostics.map(\.code) == ["parse.nesting-too-deep"])
        // `$x` (at column 10 of line 3) is level 1 and each `.a` one more: the 300th dot,
        // at column 10 + 2 × 300, makes level 301.
        #expect(error.span.startLocation.line == 3)
        #expect(error.span.startLocation.column == 10 + 2 * 300)
    }

    @Test func heightsUpToTheLimitParse() {
        let expression = "$x" + String(repeating: ".a", count: Parser.maximumExpressionHeight - 2) + " > 0"
        #expect(codes(rule(test: expression)) == [])
    }

    @Test func deepListTypesAreAnError() {
        let type = String(repeating: "[", count: 10_000) + "int" + String(repeating: "]", count: 10_000)
        #expect(codes("template T {\n  x: \(type)\n}\n").contains("parse.nesting-too-deep"))
    }
}
