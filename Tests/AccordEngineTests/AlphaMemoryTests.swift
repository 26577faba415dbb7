import AccordCheck
import AccordEngine
import Testing

/// Alpha memories (Doorenbos §2.2): tests on constants filter facts before any join,
/// and rules with the same prefix share nodes. Sharing must never mix up the rules
/// that share: each gets exactly its own matches.
@Suite struct AlphaMemoryTests {
    static let program = """
    template Region { key name; name: string, country: string, ports: [string] = [] }
    template Park { key name; name: string, host: string, enterprises: int = 0 }
    facts {
      Region { name: "Jilin", country: "CN" }
      Region { name: "Liaoning", country: "CN", ports: ["Dalian"] }
      Region { name: "Amur Oblast", country: "RU" }
      Park { name: "P1", host: "Jilin", enterprises: 30 }
      Park { name: "P2", host: "Liaoning", enterprises: 5 }
      Park { name: "P3", host: "Amur Oblast", enterprises: 50 }
    }
    rule big_park {
      when
        $r: Region(country == "CN")
        $p: Park(host == $r.name, enterprises >= 20)
      then
        recommend "grow {$p.name}" { subject: $r.name }
    }
    rule small_park {
      when
        $r: Region(country == "CN")
        $p: Park(host == $r.name, enterprises < 20)
      then
        recommend "seed {$p.name}" { subject: $r.name }
    }
    rule any_park {
      when
        $r: Region(country == "CN")
        $p: Park(host == $r.name)
      then
        recommend "list {$p.name}" { subject: $r.name }
    }
    rule port_region {
      when
        $r: Region(country == "CN", count(ports) > 0)
      then
        recommend "ship from {$r.name}" { subject: $r.name }
    }
    rule french {
      when
        $r: Region(country == "FR")
        $p: Park(host == $r.name)
      then
        recommend "never {$p.name}" { subject: $r.name }
    }
    """

    @Test func rulesWithTheSamePrefixAllFire() throws {
        let engine = try makeEngine(AlphaMemoryTests.program)
        try engine.run()
        #expect(engine.texts == ["grow P1", "list P1", "list P2", "seed P2", "ship from Liaoning"])
        #expect(engine.statistics.firings == 5)
    }

    @Test func aRuleWhoseConstantsDoNotMatchNeverFires() throws {
        let engine = try makeEngine(AlphaMemoryTests.program)
        try engine.run()
        #expect(!engine.recommendations().contains { $0.rule == "french" })
        // A French park without a French region, and a French region with only Russian parks.
        try engine.assert("Park", ["name": .string("P4"), "host": .string("Lyon")])
        try engine.assert("Region", ["name": .string("Rhône"), "country": .string("FR")])
        try engine.run()
        #expect(!engine.recommendations().contains { $0.rule == "french" })
        // Once a fact passes the constant test, the rule does fire.
        try engine.modify(try engine.id("Region", ["name": .string("Rhône")]), ["name": .string("Lyon")])
        try engine.run()
        #expect(engine.recommendations().filter { $0.rule == "french" }.map(\.text) == ["never P4"])
    }

    @Test func aFactModifiedOutOfTheAlphaMemoryLeavesEverySharingRule() throws {
        let engine = try makeEngine(AlphaMemoryTests.program)
        try engine.run()
        try engine.modify(try engine.id("Region", ["name": .string("Liaoning")]), ["country": .string("RU")])
        try engine.run()
        #expect(engine.texts == ["grow P1", "list P1"])
        try engine.modify(try engine.id("Region", ["name": .string("Amur Oblast")]), ["country": .string("CN")])
        try engine.run()
        #expect(engine.texts == ["grow P1", "grow P3", "list P1", "list P3"])
    }

    @Test func aFactMovingBetweenSiblingAlphaMemories() throws {
        let engine = try makeEngine(AlphaMemoryTests.program)
        try engine.run()
        let p2 = try engine.id("Park", ["name": .string("P2")])
        try engine.modify(p2, ["enterprises": .int(25)])
        try engine.run()
        #expect(engine.texts == ["grow P1", "grow P2", "list P1", "list P2", "ship from Liaoning"])
        try engine.retract(p2)
        try engine.retract(try engine.id("Park", ["name": .string("P1")]))
        try engine.run()
        #expect(engine.texts == ["ship from Liaoning"])
    }

    /// Two rules whose chains are identical up to the production share every node; both
    /// fire for each match, and both go when it goes.
    @Test func identicalConditionsInTwoRules() throws {
        let engine = try makeEngine("""
        template Alarm { key id; id: int, level: int }
        facts { Alarm { id: 1, level: 5 }, Alarm { id: 2, level: 1 } }
        rule page { when $a: Alarm(level > 3) then recommend "page for {$a.id}" { subject: "ops" } }
        rule log { when $a: Alarm(level > 3) then recommend "log {$a.id}" { subject: "ops" } }
        rule log_any { when $b: Alarm(level > 3) then recommend "any {$b.id}" { subject: "ops" } }
        """)
        try engine.run()
        #expect(engine.texts == ["any 1", "log 1", "page for 1"])
        try engine.modify(try engine.id("Alarm", ["id": .int(2)]), ["level": .int(4)])
        try engine.retract(try engine.id("Alarm", ["id": .int(1)]))
        try engine.run()
        #expect(engine.texts == ["any 2", "log 2", "page for 2"])
    }
}
