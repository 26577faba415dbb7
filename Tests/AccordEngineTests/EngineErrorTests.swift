import AccordCheck
import AccordEngine
import AccordSyntax
import Testing

/// How runs end in error: the firing limit names the busiest rule; a run-time error
/// names the rule and the place; a duplicate key is refused wherever it comes from; an
/// identical unkeyed fact is added once; cancellation stops between firings.
@Suite struct EngineErrorTests {
    /// Runs and returns the error, failing the test when there is none.
    static func runError(_ engine: Engine, maxFirings: Int = Engine.defaultMaxFirings,
                         sourceLocation: Testing.SourceLocation = #_sourceLocation) -> EngineError? {
        do {
            let outcome = try engine.run(maxFirings: maxFirings)
            Issue.record("the run ended normally: \(outcome)", sourceLocation: sourceLocation)
            return nil
        } catch {
            return error
        }
    }

    @Test func firingLimitNamesTheBusiestRule() throws {
        let engine = try makeEngine("""
        template Counter { key name; name: string, value: int = 0 }
        facts { Counter { name: "c" } }
        rule forever {
          when $c: Counter()
          then modify $c { value: $c.value + 1 }
        }
        rule every_tenth {
          salience 1
          when $c: Counter(value % 10 == 5)
          then print "at {$c.value}"
        }
        """)
        let error = try #require(EngineErrorTests.runError(engine, maxFirings: 100))
        guard case .firingLimit(let limit, let rule, let firings) = error else {
            Issue.record("expected the firing limit, got \(error)")
            return
        }
        #expect(limit == 100)
        #expect(rule == "forever")
        // 100 firings in all: `every_tenth` at 5, 15, ..., 85 (9 times), `forever` the rest.
        #expect(firings == 91)
        #expect(engine.statistics.firings == 100)
        #expect(error.description.contains("`forever`"))
    }

    @Test func divisionByZeroInAnActionNamesTheRuleAndTheDivision() throws {
        let text = """
        template Share { key name; name: string, total: int, parts: int }
        facts {
          Share { name: "ok", total: 10, parts: 2 }
          Share { name: "bad", total: 10, parts: 0 }
        }
        rule split {
          when $s: Share()
          then
            print "{$s.name}: {$s.total / $s.parts}"
        }
        """
        let log = PrintLog()
        let engine = try makeEngine(text, print: log.sink)
        let error = try #require(EngineErrorTests.runError(engine))
        guard case .runtime(let rule, let message, let span) = error else {
            Issue.record("expected a run-time error, got \(error)")
            return
        }
        #expect(rule == "split")
        #expect(message == "division by zero")
        #expect(span.text == "$s.total / $s.parts")
        #expect(span.startLocation.line == 9)
        #expect(error.diagnostic?.code == "run.error")
        // The newest fact fires first: "bad" stops the run before "ok" prints.
        #expect(log.lines.isEmpty)
    }

    @Test func remainderByZeroInAScore() throws {
        let engine = try makeEngine("""
        template Share { key name; name: string, parts: int }
        facts { Share { name: "bad", parts: 0 } }
        rule score_by_parts {
          when $s: Share()
          then recommend "split {$s.name}" { score: 1 % $s.parts }
        }
        """)
        let error = try #require(EngineErrorTests.runError(engine))
        guard case .runtime(let rule, _, let span) = error else {
            Issue.record("expected a run-time error, got \(error)")
            return
        }
        #expect(rule == "score_by_parts")
        #expect(span.text == "1 % $s.parts")
    }

    /// The limit stops the run before the activation it would exceed on; that activation
    /// stays on the agenda, so a later run with more room fires it.
    @Test func theFiringLimitKeepsThePendingActivation() throws {
        let log = PrintLog()
        let engine = try makeEngine(EngineErrorTests.countToFive, print: log.sink)
        #expect(throws: EngineError.self) { try engine.run(maxFirings: 2) }
        #expect(log.lines == ["at 0", "at 1"])
        #expect(try engine.run() == .quiescent)
        #expect(log.lines == ["at 0", "at 1", "at 2", "at 3", "at 4"])
    }

    /// `maxFirings` bounds one run: a session whose earlier runs fired many times can still
    /// run a change that needs few firings.
    @Test func theFiringLimitCountsTheFiringsOfOneRun() throws {
        let log = PrintLog()
        let engine = try makeEngine("""
        template Ping { n: int }
        rule pong { when $p: Ping() then print "pong {$p.n}" }
        """, print: log.sink)
        for n in 1...3 {
            try engine.assert("Ping", ["n": .int(Int64(n))])
            #expect(try engine.run(maxFirings: 2) == .quiescent)
        }
        #expect(log.lines == ["pong 1", "pong 2", "pong 3"])
    }

    static let countToFive = """
    template Counter { key name; name: string, value: int = 0 }
    facts { Counter { name: "c" } }
    rule count_up {
      when $c: Counter(value < 5)
      then
        print "at {$c.value}"
        modify $c { value: $c.value + 1 }
    }
    """

    static let conditionDivides = """
    template Share { key name; name: string, total: int, parts: int }
    template Seed { n: int }
    rule make_share {
      when $s: Seed()
      then assert Share { name: "bad", total: 10, parts: $s.n }
    }
    rule small_parts {
      when
        $s: Share()
        test $s.total / $s.parts < 3
      then
        print "small"
    }
    """

    static func expectDivisionInSmallParts(_ error: EngineError?, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        guard case .runtime(let rule, let message, let span)? = error else {
            Issue.record("expected a run-time error, got \(String(describing: error))", sourceLocation: sourceLocation)
            return
        }
        #expect(message == "division by zero", sourceLocation: sourceLocation)
        #expect(span.text == "$s.total / $s.parts", sourceLocation: sourceLocation)
        #expect(rule == "small_parts", sourceLocation: sourceLocation)
    }

    /// A division by zero in a condition is found while a change propagates; the error
    /// names the rule whose condition divides, not whichever rule was firing.
    @Test func divisionByZeroInAConditionDuringARun() throws {
        let engine = try makeEngine(EngineErrorTests.conditionDivides + "facts { Seed { n: 0 } }\n")
        EngineErrorTests.expectDivisionInSmallParts(EngineErrorTests.runError(engine))
    }

    /// The same, found while the program's own facts are loaded.
    @Test func divisionByZeroInAConditionWhileLoading() throws {
        do {
            _ = try makeEngine(EngineErrorTests.conditionDivides + "facts { Share { name: \"bad\", total: 1, parts: 0 } }\n")
            Issue.record("the engine was built")
        } catch let error as EngineError {
            EngineErrorTests.expectDivisionInSmallParts(error)
        }
    }

    /// The same, found while a fact given through the API propagates.
    @Test func divisionByZeroInAConditionFromTheAPI() throws {
        let engine = try makeEngine(EngineErrorTests.conditionDivides)
        do {
            try engine.assert("Share", ["name": .string("bad"), "total": .int(1), "parts": .int(0)])
            Issue.record("the fact was asserted")
        } catch {
            EngineErrorTests.expectDivisionInSmallParts(error)
        }
    }

    static let keyed = """
    template Region { key name; name: string, trade: int = 0 }
    template Seed { name: string }
    facts {
      Region { name: "Jilin" }
      Seed { name: "Liaoning" }
    }
    rule copy_seed {
      when $s: Seed()
      then assert Region { name: $s.name, trade: 1 }
    }
    """

    @Test func aDuplicateKeyFromARuleIsARuntimeError() throws {
        let engine = try makeEngine(EngineErrorTests.keyed)
        try engine.run()
        #expect(engine.count("Region") == 2)
        try engine.assert("Seed", ["name": .string("Jilin")])
        let error = try #require(EngineErrorTests.runError(engine))
        guard case .runtime(let rule, let message, let span) = error else {
            Issue.record("expected a run-time error, got \(error)")
            return
        }
        #expect(rule == "copy_seed")
        #expect(message.contains("`Region`"))
        #expect(message.contains("\"Jilin\""))
        #expect(span.text.hasPrefix("assert Region"))
        #expect(try engine.id("Region", ["name": .string("Jilin")]) >= 0)
        #expect(engine.count("Region") == 2)
    }

    @Test func aDuplicateKeyFromTheAPIIsADuplicateKeyError() throws {
        let engine = try makeEngine(EngineErrorTests.keyed)
        try engine.run()
        #expect(throws: EngineError.self) {
            try engine.assert("Region", ["name": .string("Jilin"), "trade": .int(5)])
        }
        do {
            try engine.assert("Region", ["name": .string("Liaoning"), "trade": .int(5)])
            Issue.record("a second `Liaoning` was accepted")
        } catch {
            guard case .duplicateKey(let template, let key, _) = error else {
                Issue.record("expected a duplicate key, got \(error)")
                return
            }
            #expect(template == "Region")
            #expect(key == "\"Liaoning\"")
        }
        // A keyed fact identical to the one that exists is refused too: use `modify`.
        #expect(throws: EngineError.self, "an identical keyed fact was accepted") {
            try engine.assert("Region", ["name": .string("Jilin")])
        }
        // The original fact is untouched.
        let liaoning = try #require(engine.facts(of: "Region").first { $0.fields.first?.value == .string("Liaoning") })
        #expect(liaoning.fields.last?.value == .int(1))
    }

    @Test func anIdenticalUnkeyedFactIsAddedOnce() throws {
        let log = PrintLog()
        let engine = try makeEngine("""
        template Visit { who: string, day: int }
        facts { Visit { who: "Ann", day: 1 } }
        rule twice {
          when $v: Visit(day == 1)
          then
            assert Visit { who: $v.who, day: 2 }
            assert Visit { who: $v.who, day: 2 }
        }
        rule seen { when $v: Visit() then print "{$v.who} on day {$v.day}" }
        """, print: log.sink)
        try engine.run()
        #expect(engine.count("Visit") == 2)
        #expect(log.lines.sorted() == ["Ann on day 1", "Ann on day 2"])
        let first = try engine.assert("Visit", ["who": .string("Ann"), "day": .int(1)])
        let again = try engine.assert("Visit", ["who": .string("Ann"), "day": .int(1)])
        #expect(first == again)
        try engine.run()
        #expect(engine.count("Visit") == 2)
        #expect(log.lines.count == 2)
    }

    @Test func cancellationStopsBetweenFirings() throws {
        let log = PrintLog()
        let engine = try makeEngine(EngineErrorTests.countToFive, print: log.sink)
        var asked = 0
        do {
            let outcome = try engine.run { asked += 1; return asked > 3 }
            Issue.record("the run ended: \(outcome)")
        } catch {
            guard case .cancelled(let firings) = error else {
                Issue.record("expected cancellation, got \(error)")
                return
            }
            #expect(firings == 3)
        }
        #expect(log.lines == ["at 0", "at 1", "at 2"])
        // The session is still usable: the next run continues where this one stopped.
        #expect(try engine.run() == .quiescent)
        #expect(log.lines == ["at 0", "at 1", "at 2", "at 3", "at 4"])
    }
}
