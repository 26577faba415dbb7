import AccordCheck
import AccordEngine
import AccordSyntax
import Testing

/// `Engine.facts(matching:)` and `Engine.value(of:)`: the queries behind policy tests'
/// `expect fact T(...)` and their subjects and score bounds. The patterns and
/// expressions come from `test` blocks of the program, as they do in the runner.
@Suite struct EngineQueryTests {
    static let program = """
    template Region { key name; name: string, country: string, trade: float = 0, parks: int = 0 }
    facts {
      Region { name: "Heilongjiang", country: "CN", trade: 23.2, parks: 2 }
      Region { name: "Jilin", country: "CN", trade: 6, parks: 1 }
      Region { name: "Amur Oblast", country: "RU" }
    }
    template Link { from: string, to: string }
    rule link { when $cn: Region(country == "CN", trade > 10); $ru: Region(country == "RU") then derive Link { from: $cn.name, to: $ru.name } }
    """

    /// The pattern of each `expect fact` and the bound of each `with score` of one test.
    static func queries(_ entries: String) throws -> (Engine, [Pattern], [Expression]) {
        let engine = try makeEngine(program + "\ntest \"q\" {\n" + entries + "\n}\n")
        try engine.run()
        var patterns: [Pattern] = []
        var values: [Expression] = []
        for expectation in engine.program.tests.flatMap(\.expectations) {
            switch expectation.kind {
            case .fact(let pattern): patterns.append(pattern)
            case .recommend(_, let subject, let score):
                values += [subject, score?.value].compactMap { $0 }
            }
        }
        return (engine, patterns, values)
    }

    static func names(_ facts: [FactSnapshot]) -> [String] {
        facts.map { fact in
            let name = fact.fields.first { $0.name == "name" || $0.name == "from" }?.value
            if case .string(let text)? = name { return text }
            return "?"
        }
    }

    @Test func constraintsFilterTheTemplatesLiveFactsInTheOrderTheyWereMade() throws {
        let (engine, patterns, _) = try Self.queries("""
        expect fact Region(country == "CN")
        expect fact Region(country == "CN", parks > 1)
        expect fact Region()
        expect fact Link(to == "Amur Oblast")
        expect fact Region(country == "KZ")
        """)
        let results = try patterns.map { try Self.names(engine.facts(matching: $0)) }
        #expect(results == [["Heilongjiang", "Jilin"], ["Heilongjiang"], ["Heilongjiang", "Jilin", "Amur Oblast"],
                            ["Heilongjiang"], []])
        let link = try engine.facts(matching: patterns[3])
        #expect(link.first?.isLogical == true)
    }

    @Test func aggregatesAreComputedOnceOverTheirOwnTemplate() throws {
        let (engine, patterns, _) = try Self.queries("""
        expect fact Region(trade > avg(Region(country == "CN"), trade))
        expect fact Region(count(Region(country == "RU")) == 1, country == "RU")
        expect fact Region(parks == max(Region(), parks))
        expect fact Region(sum(Link(), 1) == 2)
        """)
        let results = try patterns.map { try Self.names(engine.facts(matching: $0)) }
        #expect(results == [["Heilongjiang"], ["Amur Oblast"], ["Heilongjiang"], []])
    }

    /// As in a rule: `min`, `max` and `avg` of nothing have no value, so nothing matches,
    /// even a constraint that would hold whatever the value.
    @Test func anAggregateWithoutValueMatchesNothing() throws {
        let (engine, patterns, _) = try Self.queries("""
        expect fact Region(min(Region(country == "KZ"), trade) > 0 or true)
        """)
        #expect(try engine.facts(matching: patterns[0]).isEmpty)
    }

    @Test func aRunTimeErrorPointsAtTheConstraint() throws {
        let (engine, patterns, _) = try Self.queries("""
        expect fact Region(10 / parks > 1)
        """)
        #expect {
            _ = try engine.facts(matching: patterns[0])
        } throws: { error in
            guard case EngineError.runtime(let rule, let message, let span) = error else { return false }
            return rule.isEmpty && message == "division by zero" && span.text == "10 / parks"
        }
    }

    @Test func valuesOfExpressionsThatReadNoFact() throws {
        let (engine, _, values) = try Self.queries("""
        expect recommend link for "Heilong" + "jiang" with score >= 0.5 + 0.25
        expect recommend link with score == count(Region(country == "CN"))
        expect recommend link with score == min(Region(country == "KZ"), trade)
        """)
        #expect(try values.map { try engine.value(of: $0) } == [.string("Heilongjiang"), .float(0.75), .int(2), nil])
    }

    @Test func queriesChangeNothing() throws {
        let (engine, patterns, _) = try Self.queries("expect fact Region(trade > avg(Region(), trade))")
        let before = engine.facts()
        let firings = engine.statistics.firings
        _ = try engine.facts(matching: patterns[0])
        #expect(engine.facts() == before)
        #expect(engine.statistics.firings == firings)
    }
}
