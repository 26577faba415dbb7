import AccordCheck
import AccordEngine
import Testing

/// Checkpoints and rollback on hand-written rule bases, including rules whose actions
/// outlive their match (`assert`, `modify`, `retract`, `print`): undoing a change must
/// give back the session exactly, without firing those actions a second time.
@Suite struct CheckpointTests {
    static let trade = """
    template Region { key name; name: string, trade: float = 0 }
    template Hub { park: string }
    template Log { line: string }
    facts {
      Region { name: "Jilin", trade: 4 }
      Region { name: "Heilongjiang", trade: 12 }
    }
    rule strong { when $r: Region(trade > 10) then derive Hub { park: "{$r.name} park" } }
    rule advise { when $h: Hub() then recommend "Upgrade {$h.park}" { subject: $h.park, score: 0.7 } }
    rule logged { when $r: Region(trade > 10) then assert Log { line: "strong {$r.name}" } }
    """

    @Test func rollbackRestoresFactsAndRecommendations() throws {
        var printed: [String] = []
        let engine = try makeEngine(Self.trade + "\nrule shout { when $l: Log() then print $l.line }") { printed.append($0) }
        try engine.run()
        let facts = engine.contents
        let ranked = engine.ranked
        let printedAtBaseline = printed.count
        let start = engine.checkpoint()
        let jilin = try #require(engine.fact("Region", key: [.string("Jilin")]))
        let heilongjiang = try #require(engine.fact("Region", key: [.string("Heilongjiang")]))
        try engine.modify(jilin, ["trade": .float(20)])
        try engine.retract(heilongjiang)
        try engine.run()
        #expect(engine.ranked == ["advise Jilin park 0.7"])
        try engine.rollback(to: start)
        #expect(engine.contents == facts)
        #expect(engine.ranked == ranked)
        #expect(engine.openCheckpoints == 0)
        // Nothing is left to fire: the rollback restored the fired state of every match.
        let firings = engine.statistics.firings
        try engine.run()
        #expect(engine.statistics.firings == firings)
        #expect(engine.contents == facts)
        #expect(printed.count == printedAtBaseline + 1, "only the scenario's own firing printed")
    }

    @Test func nestedCheckpoints() throws {
        let engine = try makeEngine(Self.trade)
        try engine.run()
        let baseline = engine.contents
        let outer = engine.checkpoint()
        try engine.assert("Region", ["name": .string("Amur"), "trade": .float(50)])
        try engine.run()
        let afterFirst = engine.contents
        let inner = engine.checkpoint()
        try engine.retract(try #require(engine.fact("Region", key: [.string("Amur")])))
        try engine.run()
        try engine.rollback(to: inner)
        #expect(engine.contents == afterFirst)
        try engine.rollback(to: outer)
        #expect(engine.contents == baseline)
    }

    @Test func releaseKeepsChangesForTheOuterCheckpoint() throws {
        let engine = try makeEngine(Self.trade)
        try engine.run()
        let baseline = engine.contents
        let outer = engine.checkpoint()
        let inner = engine.checkpoint()
        try engine.assert("Region", ["name": .string("Amur"), "trade": .float(50)])
        try engine.run()
        engine.release(inner)
        #expect(engine.openCheckpoints == 1)
        #expect(engine.ranked.contains("advise Amur park 0.7"))
        try engine.rollback(to: outer)
        #expect(engine.contents == baseline)
        #expect(throws: EngineError.self) { try engine.rollback(to: outer) }
    }

    @Test func diffComesFromTheChange() throws {
        let engine = try makeEngine(Self.trade)
        try engine.run()
        let program = engine.program
        _ = program
        engine.startDiff()
        engine.noteCause(0)
        try engine.modify(try #require(engine.fact("Region", key: [.string("Jilin")])), ["trade": .float(11)])
        try engine.run()
        engine.noteCause(1)
        try engine.retract(try #require(engine.fact("Region", key: [.string("Heilongjiang")])))
        try engine.run()
        let diff = engine.finishDiff()
        #expect(diff.added.map(\.recommendation.subject) == ["Jilin park"])
        #expect(diff.added.map(\.causes) == [[0]])
        #expect(diff.removed.map(\.recommendation.subject) == ["Heilongjiang park"])
        #expect(diff.removed.map(\.causes) == [[1]])
        #expect(diff.removed.first?.recommendation.because.first?.derivedBy?.rule == "strong")
        #expect(diff.changed.isEmpty)
    }
}

extension Engine {
    /// Every live fact as `Template { field: value, ... }` with its kind, sorted: what a
    /// rollback must give back (logical facts may come back under new ids).
    var contents: [String] {
        facts().map { fact in
            let fields = fact.fields.map { "\($0.name): \($0.value)" }.joined(separator: ", ")
            return "\(fact.template) { \(fields) }\(fact.isLogical ? " (logical)" : "")"
        }.sorted()
    }
}
