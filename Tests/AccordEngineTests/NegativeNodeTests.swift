import AccordCheck
import AccordEngine
import Testing

/// Negative nodes (`not`, Doorenbos §2.7) and their dual for `exists`: a match passes
/// while no fact (or at least one fact) matches, and follows facts that come, go or
/// change so that they start or stop matching.
@Suite struct NegativeNodeTests {
    static let parks = """
    template Park { key name; name: string, host: string }
    template Hub { park: string, active: bool = true }
    facts {
      Park { name: "A", host: "Heilongjiang" }
      Park { name: "B", host: "Jilin" }
    }
    rule upgrade {
      when
        $p: Park()
        not Hub(park == $p.name, active)
      then
        recommend "Upgrade {$p.name}" { subject: $p.host }
    }
    """

    @Test func aBlockingFactRetiresAdviceAndItsRetractionBringsItBack() throws {
        let engine = try makeEngine(NegativeNodeTests.parks)
        try engine.run()
        #expect(engine.texts == ["Upgrade A", "Upgrade B"])
        let hub = try engine.assert("Hub", ["park": .string("A")])
        try engine.run()
        #expect(engine.texts == ["Upgrade B"])
        try engine.retract(hub)
        try engine.run()
        #expect(engine.texts == ["Upgrade A", "Upgrade B"])
    }

    /// The `not` reads `$p.name`: a hub for one park blocks only that park's advice, and
    /// two hubs for one park block it until both are gone.
    @Test func notReadsEarlierBindings() throws {
        let engine = try makeEngine(NegativeNodeTests.parks)
        try engine.run()
        let first = try engine.assert("Hub", ["park": .string("B")])
        let second = try engine.assert("Hub", ["park": .string("B"), "active": .bool(true)])
        #expect(first == second, "an identical unkeyed fact is the same fact")
        let third = try engine.assert("Hub", ["park": .string("B"), "active": .bool(false)])
        try engine.assert("Hub", ["park": .string("C")])
        try engine.run()
        #expect(engine.texts == ["Upgrade A"])
        try engine.retract(first)
        try engine.modify(third, ["active": .bool(true)])
        try engine.run()
        #expect(engine.texts == ["Upgrade A"])
        try engine.retract(third)
        try engine.run()
        #expect(engine.texts == ["Upgrade A", "Upgrade B"])
    }

    @Test func modifyingAFactSoItStopsAndStartsBlocking() throws {
        let engine = try makeEngine(NegativeNodeTests.parks)
        try engine.run()
        let hub = try engine.assert("Hub", ["park": .string("A")])
        try engine.run()
        #expect(engine.texts == ["Upgrade B"])
        // The joined field moves the block from A to B.
        try engine.modify(hub, ["park": .string("B")])
        try engine.run()
        #expect(engine.texts == ["Upgrade A"])
        // A constant test fails: it blocks nothing.
        try engine.modify(hub, ["active": .bool(false)])
        try engine.run()
        #expect(engine.texts == ["Upgrade A", "Upgrade B"])
        // And blocks again.
        try engine.modify(hub, ["active": .bool(true)])
        try engine.run()
        #expect(engine.texts == ["Upgrade A"])
        // The blocked left side changes: the park is renamed out of the block.
        try engine.modify(try engine.id("Park", ["name": .string("B")]), ["name": .string("B2")])
        try engine.run()
        #expect(engine.texts == ["Upgrade A", "Upgrade B2"])
    }

    /// A `not` without bindings, first in the rule.
    @Test func notAtTheTop() throws {
        let engine = try makeEngine("""
        template Alarm { level: int }
        template Park { key name; name: string }
        facts { Park { name: "A" }, Park { name: "B" } }
        rule calm {
          when
            not Alarm(level > 2)
            $p: Park()
          then
            recommend "open {$p.name}" { subject: $p.name }
        }
        """)
        try engine.run()
        #expect(engine.texts == ["open A", "open B"])
        let low = try engine.assert("Alarm", ["level": .int(1)])
        try engine.run()
        #expect(engine.texts == ["open A", "open B"])
        try engine.modify(low, ["level": .int(3)])
        try engine.run()
        #expect(engine.texts.isEmpty)
        try engine.assert("Park", ["name": .string("C")])
        try engine.run()
        #expect(engine.texts.isEmpty)
        try engine.retract(low)
        try engine.run()
        #expect(engine.texts == ["open A", "open B", "open C"])
    }

    static let investors = """
    template Region { key name; name: string }
    template Investor { key name; name: string, region: string, amount: int = 1 }
    facts {
      Region { name: "Jilin" }
      Region { name: "Liaoning" }
      Investor { name: "I1", region: "Jilin" }
      Investor { name: "I2", region: "Jilin" }
      Investor { name: "I3", region: "Jilin", amount: 9 }
    }
    rule courted {
      when
        $r: Region()
        exists Investor(region == $r.name, amount > 0)
      then
        print "courted {$r.name}"
        recommend "{$r.name} is courted" { subject: $r.name }
    }
    """

    @Test func existsFiresOncePerLeftMatch() throws {
        let log = PrintLog()
        let engine = try makeEngine(NegativeNodeTests.investors, print: log.sink)
        try engine.run()
        #expect(log.lines == ["courted Jilin"])
        #expect(engine.texts == ["Jilin is courted"])
        #expect(engine.recommendations().first?.because.map(\.template) == ["Region"])
        // More matching facts, or fewer while some remain, change nothing.
        try engine.assert("Investor", ["name": .string("I4"), "region": .string("Jilin")])
        try engine.retract(try engine.id("Investor", ["name": .string("I1")]))
        try engine.modify(try engine.id("Investor", ["name": .string("I3")]), ["amount": .int(2)])
        try engine.run()
        #expect(log.lines == ["courted Jilin"])
        #expect(engine.statistics.firings == 1)
        // The first match for another region.
        try engine.assert("Investor", ["name": .string("I5"), "region": .string("Liaoning")])
        try engine.run()
        #expect(log.lines == ["courted Jilin", "courted Liaoning"])
        #expect(engine.texts == ["Jilin is courted", "Liaoning is courted"])
    }

    @Test func existsGoesWithTheLastMatchingFact() throws {
        let log = PrintLog()
        let engine = try makeEngine(NegativeNodeTests.investors, print: log.sink)
        try engine.run()
        try engine.retract(try engine.id("Investor", ["name": .string("I1")]))
        try engine.retract(try engine.id("Investor", ["name": .string("I2")]))
        try engine.run()
        #expect(engine.texts == ["Jilin is courted"])
        // The last one stops matching: the advice goes.
        let last = try engine.id("Investor", ["name": .string("I3")])
        try engine.modify(last, ["amount": .int(0)])
        try engine.run()
        #expect(engine.texts.isEmpty)
        // It starts matching again: a new match, a new firing.
        try engine.modify(last, ["amount": .int(5)])
        try engine.run()
        #expect(engine.texts == ["Jilin is courted"])
        #expect(log.lines == ["courted Jilin", "courted Jilin"])
        // It moves to another region.
        try engine.modify(last, ["region": .string("Liaoning")])
        try engine.run()
        #expect(engine.texts == ["Liaoning is courted"])
    }

    /// `not` and `exists` in one rule, each over the other's template.
    @Test func notAndExistsTogether() throws {
        let engine = try makeEngine("""
        template Task { key name; name: string, owner: string = "" }
        template Person { key name; name: string, away: bool = false }
        facts {
          Task { name: "t1", owner: "ann" }
          Task { name: "t2" }
          Person { name: "ann" }
        }
        rule orphaned {
          when
            $t: Task()
            not Person(name == $t.owner, not away)
            exists Person(not away)
          then
            recommend "reassign {$t.name}" { subject: $t.name }
        }
        """)
        try engine.run()
        #expect(engine.texts == ["reassign t2"])
        let ann = try engine.id("Person", ["name": .string("ann")])
        try engine.modify(ann, ["away": .bool(true)])
        try engine.run()
        // Nobody is present: nobody to reassign to.
        #expect(engine.texts.isEmpty)
        try engine.assert("Person", ["name": .string("bo")])
        try engine.run()
        #expect(engine.texts == ["reassign t1", "reassign t2"])
        try engine.modify(ann, ["away": .bool(false)])
        try engine.run()
        #expect(engine.texts == ["reassign t2"])
    }

    /// The `not` ranges over the same template as the pattern before it: the largest park
    /// of each region is the one no other park there outgrows. A fact is on both sides.
    @Test func notOverTheSameTemplate() throws {
        let engine = try makeEngine("""
        template Park { key name; name: string, host: string, enterprises: int }
        facts {
          Park { name: "P1", host: "Jilin", enterprises: 10 }
          Park { name: "P2", host: "Jilin", enterprises: 30 }
          Park { name: "P3", host: "Liaoning", enterprises: 5 }
        }
        rule largest {
          when
            $p: Park()
            not Park(host == $p.host, enterprises > $p.enterprises)
          then
            recommend "{$p.name} leads {$p.host}" { subject: $p.host }
        }
        """)
        try engine.run()
        #expect(engine.texts == ["P2 leads Jilin", "P3 leads Liaoning"])
        let p2 = try engine.id("Park", ["name": .string("P2")])
        try engine.modify(p2, ["enterprises": .int(9)])
        try engine.run()
        #expect(engine.texts == ["P1 leads Jilin", "P3 leads Liaoning"])
        try engine.modify(p2, ["host": .string("Liaoning")])
        try engine.run()
        #expect(engine.texts == ["P1 leads Jilin", "P2 leads Liaoning"])
        try engine.retract(p2)
        try engine.run()
        #expect(engine.texts == ["P1 leads Jilin", "P3 leads Liaoning"])
        try engine.assert("Park", ["name": .string("P4"), "host": .string("Jilin"), "enterprises": .int(10)])
        try engine.run()
        // A tie: neither outgrows the other.
        #expect(engine.texts == ["P1 leads Jilin", "P3 leads Liaoning", "P4 leads Jilin"])
    }
}
