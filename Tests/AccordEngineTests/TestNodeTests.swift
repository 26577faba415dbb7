import AccordCheck
import AccordEngine
import Testing

/// Test nodes: `test EXPR` over earlier bindings passes a match on while the expression
/// holds, and follows changes to any fact it reads.
@Suite struct TestNodeTests {
    static let program = """
    template Region { key name; name: string, trade: float = 0, ports: [string] = [] }
    template Target { key region; region: string, trade: float }
    facts {
      Region { name: "Jilin", trade: 4 }
      Region { name: "Liaoning", trade: 12, ports: ["Dalian"] }
      Target { region: "Jilin", trade: 5 }
      Target { region: "Liaoning", trade: 10 }
    }
    rule below_target {
      when
        $r: Region()
        $t: Target(region == $r.name)
        test $r.trade < $t.trade
      then
        recommend "raise trade of {$r.name}" { subject: $r.name, score: ($t.trade - $r.trade) / $t.trade }
    }
    rule port_or_large {
      when
        $r: Region()
        test len($r.ports) > 0 or $r.trade >= 20
      then
        recommend "ship from {$r.name}" { subject: $r.name }
    }
    """

    @Test func testOverTwoBindings() throws {
        let engine = try makeEngine(TestNodeTests.program)
        try engine.run()
        #expect(engine.ranked.filter { $0.hasPrefix("below_target") } == ["below_target Jilin 0.2"])
        // The test becomes false through the left fact, then true through the right one.
        let jilin = try engine.id("Region", ["name": .string("Jilin")])
        try engine.modify(jilin, ["trade": .float(5)])
        try engine.run()
        #expect(!engine.ranked.contains { $0.hasPrefix("below_target") })
        try engine.modify(try engine.id("Target", ["region": .string("Jilin")]), ["trade": .float(8)])
        try engine.modify(try engine.id("Target", ["region": .string("Liaoning")]), ["trade": .float(16)])
        try engine.run()
        #expect(engine.ranked.filter { $0.hasPrefix("below_target") } == ["below_target Jilin 0.375", "below_target Liaoning 0.25"])
        try engine.retract(try engine.id("Target", ["region": .string("Jilin")]))
        try engine.run()
        #expect(engine.ranked.filter { $0.hasPrefix("below_target") } == ["below_target Liaoning 0.25"])
    }

    @Test func testOverOneBinding() throws {
        let engine = try makeEngine(TestNodeTests.program)
        try engine.run()
        #expect(engine.texts.filter { $0.hasPrefix("ship") } == ["ship from Liaoning"])
        let jilin = try engine.id("Region", ["name": .string("Jilin")])
        try engine.modify(jilin, ["trade": .float(20)])
        try engine.modify(try engine.id("Region", ["name": .string("Liaoning")]), ["ports": .list([])])
        try engine.run()
        #expect(engine.texts.filter { $0.hasPrefix("ship") } == ["ship from Jilin"])
        try engine.modify(jilin, ["trade": .float(19.5)])
        try engine.run()
        #expect(engine.texts.filter { $0.hasPrefix("ship") }.isEmpty)
    }

    /// A test that is false for every match stops everything below it, and a test that
    /// reads no binding at all (a constant) passes or blocks the whole rule.
    @Test func constantTests() throws {
        let engine = try makeEngine("""
        template Region { key name; name: string }
        facts { Region { name: "Jilin" } }
        rule never { when $r: Region(); test 1 > 2 then recommend "never" { subject: $r.name } }
        rule always { when test 2 > 1; $r: Region() then recommend "always" { subject: $r.name } }
        """)
        try engine.run()
        #expect(engine.ranked == ["always Jilin 0.5"])
        try engine.assert("Region", ["name": .string("Liaoning")])
        try engine.run()
        #expect(engine.ranked == ["always Jilin 0.5", "always Liaoning 0.5"])
    }
}
