import AccordCheck
import AccordEngine
import AccordSyntax
import Testing

/// `--max-facts`: working memory refuses the fact past the limit, wherever it comes
/// from (a rule's `assert` or `derive`, a recommendation, a given fact, a change), and
/// the error names the limit, the rule and the place.
@Suite struct FactLimitTests {
    static let growing = """
        template Step { key n; n: int }
        facts { Step { n: 0 } }
        rule grow {
          when $s: Step()
          then assert Step { n: $s.n + 1 }
        }
        """

    static func engine(_ text: String, maxFacts: Int) throws -> Engine {
        let analysis = Frontend.analyze(text: text, path: "limit.accord")
        let model = try #require(analysis.model)
        #expect(!analysis.hasErrors)
        return try Engine(program: model, maxFacts: maxFacts)
    }

    @Test func anAssertingRuleStopsAtTheLimit() throws {
        let engine = try Self.engine(Self.growing, maxFacts: 50)
        let error = try #require(EngineErrorTests.runError(engine))
        guard case .factLimit(let limit, let template, let rule, let span?) = error else {
            Issue.record("expected the fact limit, got \(error)")
            return
        }
        #expect(limit == 50)
        #expect(template == "Step")
        #expect(rule == "grow")
        #expect(engine.count("Step") == 50)
        #expect(error.diagnostic?.code == "run.fact-limit")
        // The place is the rule's `assert` action, on line 5.
        #expect(span.text.hasPrefix("assert Step"))
        #expect(span.file.location(of: span.start).line == 5)
        #expect(error.description
            == "stopped at 50 facts: rule `grow` made one more `Step` fact; raise --max-facts if the rules are meant to make this many")
    }

    @Test func derivedFactsAndRecommendationsCount() throws {
        let text = """
            template Step { key n; n: int }
            template Reached { key n; n: int }
            facts {
              Step { n: 1 }
              Step { n: 2 }
              Step { n: 3 }
            }
            rule reach {
              when $s: Step()
              then derive Reached { n: $s.n }
            }
            """
        // Three given facts and room for two derived ones.
        let engine = try Self.engine(text, maxFacts: 5)
        let error = try #require(EngineErrorTests.runError(engine))
        guard case .factLimit(5, "Reached", "reach", _) = error else {
            Issue.record("expected the fact limit, got \(error)")
            return
        }
        #expect(try Self.engine(text, maxFacts: 6).run() == .quiescent)
    }

    @Test func givenFactsPastTheLimitStopTheEngineAtTheFirstOneTooMany() throws {
        let text = """
            template Item { key n; n: int }
            facts {
              Item { n: 1 }
              Item { n: 2 }
              Item { n: 3 }
            }
            """
        let analysis = Frontend.analyze(text: text, path: "limit.accord")
        let model = try #require(analysis.model)
        do {
            _ = try Engine(program: model, maxFacts: 2)
            Issue.record("the engine took three facts with room for two")
        } catch {
            guard case .factLimit(2, "Item", nil, let span?) = error else {
                Issue.record("expected the fact limit, got \(error)")
                return
            }
            #expect(span.file.location(of: span.start).line == 5)
            #expect(error.description == "stopped at 2 facts: one more `Item` fact would exceed --max-facts; raise it to load more")
        }
    }

    @Test func aChangeThatAddsAFactPastTheLimitFailsAndRollsBack() throws {
        let engine = try Self.engine("template Item { key n; n: int }\nfacts { Item { n: 1 } }\n", maxFacts: 1)
        let start = engine.checkpoint()
        #expect(throws: EngineError.self) { try engine.assert("Item", ["n": .int(2)]) }
        try engine.rollback(to: start)
        #expect(engine.count("Item") == 1)
        engine.maxFacts = 2
        try engine.assert("Item", ["n": .int(2)])
        #expect(engine.count("Item") == 2)
    }

    @Test func retractedFactsMakeRoom() throws {
        let text = """
            template Token { key n; n: int }
            facts { Token { n: 0 } }
            rule next {
              when $t: Token(n < 100)
              then
                retract $t
                assert Token { n: $t.n + 1 }
            }
            """
        // Never more than one live fact, so a limit of one is enough for 100 steps.
        let engine = try Self.engine(text, maxFacts: 1)
        #expect(try engine.run() == .quiescent)
        #expect(engine.count("Token") == 1)
    }
}
