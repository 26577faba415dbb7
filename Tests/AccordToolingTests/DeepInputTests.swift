import AccordCheck
import AccordEngine
import AccordFormat
import AccordSyntax
import AccordTooling
import Testing

/// The deepest expressions the parser accepts go through every stage — parser, checker
/// and lint, formatter, network compiler, compiled closures, explanations, why-not, the
/// session writer — within a fixed stack budget (`SmallStack`), without overflow.
@Suite struct DeepInputTests {
    static func parse(_ text: String, path: String) throws -> SourceLoader.Output {
        try SmallStack.run { SourceLoader().load(text: text, path: path) }
    }

    /// Parentheses around chains, nine times: 9 × (28 operators + 1 group) levels, near
    /// `Parser.maximumExpressionHeight`. Its value is 1 + 9 × 28 = 253.
    static let stacked: String = {
        var text = "1"
        for _ in 0..<9 { text = "(" + text + String(repeating: " + 1", count: 28) + ")" }
        return text
    }()

    /// A chain of 250 operators.
    static let chain = "1" + String(repeating: " + 1", count: 250)
    static let parentheses = String(repeating: "(", count: 250) + "1" + String(repeating: ")", count: 250)
    static let nots = String(repeating: "not ", count: 250) + "true"
    static let minuses = String(repeating: "- ", count: 250) + "1"
    static let lists = String(repeating: "[", count: 120) + "1" + String(repeating: "]", count: 120)
    static let calls = String(repeating: "abs(", count: 120) + "1" + String(repeating: ")", count: 120)
    /// Strings interpolating strings, 30 deep.
    static let interpolation: String = {
        var text = "\"x\""
        for _ in 0..<30 { text = "\"[{" + text + "}]\"" }
        return text
    }()

    static let program = """
        template T {
          key a
          a: int
        }
        facts {
          T { a: 253 }
        }
        rule deep {
          when
            $t: T(a == \(stacked))
            test \(parentheses) > 0
            test \(chain) > 0
            test \(stacked) == 253
            test \(nots)
            test \(minuses) > 0
            test len(\(lists)) == 1
            test \(calls) > 0
            test count(T(a == \(stacked))) >= 1
          then
            recommend "r {\(interpolation)}" {
              subject: "s"
              score: min(0.9, \(stacked) / 1000)
              category: "deep"
            }
        }
        rule never {
          when
            $t: T()
            test \(chain) < 0
          then
            recommend "never" {
              subject: "s"
              score: 0.5
              category: "deep"
            }
        }
        """

    @Test func everyStageSurvivesTheDeepestExpressionsOnASmallStack() throws {
        let parsed = try Self.parse(Self.program, path: "deep.accord")
        #expect(parsed.diagnostics.isEmpty)
        let outcome = try SmallStack.run { () throws -> [String] in
            var log: [String] = []
            let checked = Checker(lint: true).check(parsed.program)
            log.append("errors: \(checked.diagnostics.filter { $0.severity == .error }.map(\.code))")
            guard !checked.hasErrors else { return log }
            let model = checked.model
            let formatted = parsed.program.units.map { Formatter().format($0) }.joined()
            log.append("formatted: \(formatted.contains("test (((("))")
            let engine = try Engine(program: model)
            try engine.run()
            let recommendations = engine.recommendations()
            log.append("recommendations: \(recommendations.map(\.text))")
            let report = TextReport(explain: true).render(RunResult(recommendations: recommendations,
                                                                    statistics: engine.statistics, sources: ["deep.accord"]))
            log.append("explained: \(report.contains("because:"))")
            let whyNot = try engine.whyNot(rule: "never", subject: nil, suggestingChanges: true)
            log.append("why not: \(!WhyNotText.render(whyNot).isEmpty)")
            log.append("saved: \(!SessionWriter.render(program: model, facts: engine.facts()).isEmpty)")
            return log
        }
        let nested = String(repeating: "[", count: 30) + "x" + String(repeating: "]", count: 30)
        #expect(outcome == [
            "errors: []",
            "formatted: true",
            "recommendations: [\"r \(nested)\"]",
            "explained: true",
            "why not: true",
            "saved: true",
        ])
    }

    /// Past the limits, the parser's error comes back on the same small stack: the tree
    /// that would have been too deep is never built.
    @Test func tooDeepExpressionsAreErrorsOnASmallStack() throws {
        var stackedTooHigh = "1"
        for _ in 0..<12 { stackedTooHigh = "(" + stackedTooHigh + String(repeating: " + 1", count: 28) + ")" }
        let inputs = [
            "$t" + String(repeating: ".a", count: 100_000),
            stackedTooHigh,
            String(repeating: "(", count: 300) + "1" + String(repeating: ")", count: 300),
        ]
        for expression in inputs {
            let text = "template T {\n  key a\n  a: int\n}\nrule r {\n  when\n    $t: T()\n    test \(expression) > 0\n  then\n    halt\n}\n"
            let codes = try SmallStack.run {
                Frontend.analyze(text: text, path: "deep.accord").diagnostics.map(\.code)
            }
            #expect(codes == ["parse.nesting-too-deep"], "\(expression.prefix(40))")
        }
    }
}
