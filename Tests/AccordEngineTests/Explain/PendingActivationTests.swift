import AccordCheck
import AccordEngine
import Testing

/// `Engine.pendingActivations()`: the agenda as the REPL's `:agenda` shows it, in the
/// order the next run fires it.
@Suite struct PendingActivationTests {
    static let program = """
    template Region { key name; name: string, trade: float = 0 }
    template Big { name: string }
    facts {
      Region { name: "Jilin", trade: 4 } cite "Jilin yearbook"
      Region { name: "Heilongjiang", trade: 23.2 }
    }
    rule big {
      when $r: Region(trade > 10)
      then derive Big { name: $r.name }
    }
    rule urgent {
      salience 10
      when $r: Region()
      then recommend "look at {$r.name}" { subject: $r.name }
    }
    rule onBig {
      when $b: Big()
      then recommend "big {$b.name}" { subject: $b.name }
    }
    """

    @Test func listsMatchesInFiringOrderWithTheirFacts() throws {
        let engine = try makeEngine(Self.program)
        let pending = engine.pendingActivations()
        // Salience first; then the newest fact first (Heilongjiang was made after Jilin).
        #expect(pending.map(\.rule) == ["urgent", "urgent", "big"])
        #expect(pending.map(\.salience) == [10, 10, 0])
        #expect(pending[0].facts.map(\.key) == [[.string("Heilongjiang")]])
        #expect(pending[1].facts.first?.cite == "Jilin yearbook")
        #expect(pending[2].facts.first?.fields.first { $0.name == "trade" }?.value == .float(23.2))
    }

    @Test func firingEmptiesTheAgendaAndDerivedFactsCarryTheirDerivation() throws {
        let engine = try makeEngine(Self.program)
        // The firing limit stops the run with `onBig` still waiting.
        #expect(throws: EngineError.self) { try engine.run(maxFirings: 3) }
        let pending = engine.pendingActivations()
        #expect(pending.map(\.rule) == ["onBig"])
        #expect(pending.first?.facts.first?.derivedBy?.rule == "big")
        try engine.run()
        #expect(engine.pendingActivations().isEmpty)
    }

    @Test func aRuleWithoutPatternsHasNoFacts() throws {
        let engine = try makeEngine("""
        rule always {
          then recommend "always"
        }
        """)
        let pending = engine.pendingActivations()
        #expect(pending.map(\.rule) == ["always"])
        #expect(pending.first?.facts == [])
    }
}
