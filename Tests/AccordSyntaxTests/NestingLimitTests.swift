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

    @Test func deepListTypesAreAnError() {
        let type = String(repeating: "[", count: 10_000) + "int" + String(repeating: "]", count: 10_000)
        #expect(codes("template T {\n  x: \(type)\n}\n").contains("parse.nesting-too-deep"))
    }
}
