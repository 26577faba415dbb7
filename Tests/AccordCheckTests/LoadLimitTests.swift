@testable import AccordCheck
import AccordSyntax
import Testing

/// The front end's limits: a rule's number of conditions, `--max-facts` over the files'
/// facts (blocks and CSV rows), and a load stopped by `LoadLimits.isCancelled`.
@Suite struct LoadLimitTests {
    static func rule(conditions: Int) -> String {
        let lines = (0..<conditions).map { "    $x\($0): T(a == \($0 % 3))" }.joined(separator: "\n")
        return "template T {\n  key a\n  a: int\n}\nrule big {\n  when\n\(lines)\n  then\n    halt\n}\n"
    }

    @Test func aRuleMayHaveAThousandConditions() {
        let result = checkSnippet(Self.rule(conditions: ConditionCountCheck.maximumConditions))
        #expect(diagnostics(result, "check.too-many-conditions").isEmpty)
    }

    @Test func moreConditionsAreAnErrorAtTheFirstOneTooMany() throws {
        let result = checkSnippet(Self.rule(conditions: 1500))
        let errors = diagnostics(result, "check.too-many-conditions")
        let error = try #require(errors.first)
        #expect(errors.count == 1)
        #expect(error.message == "rule `big` has 1500 conditions; at most 1000 are allowed")
        // Line 1 is the template; conditions start on line 7, so the 1001st is on 1007.
        #expect(error.span.startLocation.line == 1007)
        #expect(error.span.startLocation.column == 5)
        #expect(error.span.text == "$x1000: T(a == 1)")
    }

    static let items = "template Item {\n  key n\n  n: int\n}\nfacts {\n  Item { n: 1 }\n  Item { n: 2 }\n  Item { n: 3 }\n}\n"

    @Test func factsPastTheLimitAreAnErrorAtTheFirstOneTooMany() throws {
        let result = LoadLimits.$current.withValue(LoadLimits(maxFacts: 2)) { checkSnippet(Self.items) }
        let error = try #require(diagnostics(result, "run.fact-limit").first)
        #expect(error.message == "more than 2 facts; raise --max-facts to load more")
        #expect(error.span.startLocation.line == 8)
        #expect(result.model.facts.count == 2)
        let enough = LoadLimits.$current.withValue(LoadLimits(maxFacts: 3)) { checkSnippet(Self.items) }
        #expect(enough.diagnostics.isEmpty)
    }

    @Test func aCancelledLoadIsAnErrorNotAShorterProgram() {
        let loaded = LoadLimits.$current.withValue(LoadLimits(isCancelled: { true })) {
            SourceLoader().load(text: Self.items, path: "items.accord")
        }
        #expect(loaded.diagnostics.map(\.code) == ["load.interrupted"])
        let analysis = LoadLimits.$current.withValue(LoadLimits(isCancelled: { true })) {
            Frontend.analyze(text: Self.items, path: "items.accord")
        }
        #expect(analysis.model == nil)
        #expect(analysis.hasErrors)
    }
}
