import AccordCheck
import AccordEngine
import Testing

/// A diff entry's causes are the changes that changed it, not every change that touched
/// it: a `modify` of a fact a rule reads retracts and rederives that rule's
/// recommendation, which leaves it as it was when the score does not move.
@Suite struct DiffCauseTests {
    static let rules = """
    template Region { key name; name: string, trade: float = 0, ports: int = 0 }
    facts {
      Region { name: "Jilin", trade: 4 }
    }
    rule diversify { when $r: Region(trade < 15) then recommend "Diversify {$r.name}" { subject: $r.name, score: 0.4 } }
    rule grow { when $r: Region() then recommend "Grow {$r.name}" { subject: $r.name, score: 0.5 + $r.trade / 100 } }
    """

    @Test func aChangeThatOnlyRederivesIsNotACause() throws {
        let engine = try makeEngine(Self.rules)
        try engine.run()
        let jilin = try #require(engine.fact("Region", key: [.string("Jilin")]))
        engine.startDiff()
        engine.noteCause(0)
        try engine.modify(jilin, ["trade": .float(12)])   // diversify rederived, grow rescored
        try engine.run()
        engine.noteCause(1)
        try engine.modify(jilin, ["ports": .int(2)])       // both rederived, neither changed
        try engine.run()
        engine.noteCause(2)
        try engine.modify(jilin, ["trade": .float(20)])   // diversify goes, grow rescored
        try engine.run()
        let diff = engine.finishDiff()
        #expect(diff.removed.map(\.recommendation.rule) == ["diversify"])
        #expect(diff.removed.map(\.causes) == [[2]])
        #expect(diff.changed.map(\.recommendation.rule) == ["grow"])
        #expect(diff.changed.map(\.causes) == [[0, 2]])
    }

    /// A recommendation that goes and comes back within one change did not change.
    @Test func goingAndComingBackWithinAChangeIsNoCause() throws {
        let engine = try makeEngine(Self.rules)
        try engine.run()
        let jilin = try #require(engine.fact("Region", key: [.string("Jilin")]))
        let diff = try engine.whatIf([])
        #expect(diff.isEmpty)
        engine.startDiff()
        engine.noteCause(0)
        try engine.modify(jilin, ["trade": .float(20)])
        try engine.modify(jilin, ["trade": .float(4)])
        try engine.run()
        engine.noteCause(1)
        try engine.modify(jilin, ["trade": .float(30)])
        try engine.run()
        let changes = engine.finishDiff()
        #expect(changes.removed.map(\.causes) == [[1]])
        #expect(changes.changed.map(\.causes) == [[1]])
    }
}
