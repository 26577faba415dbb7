import AccordCheck
import AccordEngine
import Testing

@Suite struct EngineSmokeTests {
    static let brief = """
    template Region {
      key name
      name: string
      country: string
      borders: [string] = []
      trade: float = 0
    }
    template Park {
      key name
      name: string
      host: string
      industries: [string] = []
      cross_border: bool = false
      enterprises: int = 0
    }
    template Hub {
      park: string
    }
    facts {
      Region { name: "Heilongjiang", country: "CN", borders: ["Amur Oblast"], trade: 23.2 }
      Region { name: "Amur Oblast", country: "RU", borders: ["Heilongjiang"] }
      Park { name: "A", host: "Heilongjiang", industries: ["wood"], cross_border: true, enterprises: 50 }
      Park { name: "B", host: "Jilin", industries: ["wood", "auto"], cross_border: true }
    }
    rule park_tech_transfer_hub {
      tags innovation
      when
        $park: Park(cross_border, count(industries) == 1)
        not Hub(park == $park.name)
      then
        recommend "Upgrade {$park.name} into a technology-transfer hub" {
          subject: $park.host
          score: 0.6 + 0.1 * min($park.enterprises / 25, 3)
          category: "innovation"
        }
    }
    rule neighbours {
      when
        $cn: Region(country == "CN")
        $ru: Region(country == "RU", $cn.name in borders)
      then
        recommend "Work with {$ru.name}" { subject: $cn.name, score: $cn.trade / 100 }
    }
    """

    @Test func recommendsFromFacts() throws {
        let engine = try makeEngine(EngineSmokeTests.brief)
        try engine.run()
        #expect(engine.ranked == ["park_tech_transfer_hub Heilongjiang 0.8", "neighbours Heilongjiang 0.232"])
        let first = try #require(engine.recommendations().first)
        #expect(first.text == "Upgrade A into a technology-transfer hub")
        #expect(first.because.map(\.template) == ["Park"])
    }

    @Test func aNewFactRetiresAdviceThroughNot() throws {
        let engine = try makeEngine(EngineSmokeTests.brief)
        try engine.run()
        try engine.assert("Hub", ["park": Value.string("A")])
        try engine.run()
        #expect(engine.ranked == ["neighbours Heilongjiang 0.232"])
        let hub = try #require(engine.facts(of: "Hub").first)
        try engine.retract(hub.id)
        try engine.run()
        #expect(engine.ranked.count == 2)
    }

    @Test func modifyChangesScore() throws {
        let engine = try makeEngine(EngineSmokeTests.brief)
        try engine.run()
        let id = try #require(engine.fact("Region", key: [Value.string("Heilongjiang")]))
        try engine.modify(id, ["trade": Value.float(50)])
        try engine.run()
        #expect(engine.ranked.last == "neighbours Heilongjiang 0.5")
        let amur = try #require(engine.fact("Region", key: [Value.string("Amur Oblast")]))
        try engine.modify(amur, ["borders": Value.list([])])
        try engine.run()
        #expect(engine.ranked == ["park_tech_transfer_hub Heilongjiang 0.8"])
    }

    @Test func transitiveClosureRetractsExactly() throws {
        // The same graph as the truth maintenance tests, broken at another edge of the cycle.
        let engine = try makeEngine(TruthMaintenanceTests.graph)
        try engine.run()
        #expect(engine.count("Reach") == 12)
        let cd = try #require(engine.facts(of: "Edge").first { $0.fields.map(\.value) == [Value.string("c"), Value.string("a")] })
        try engine.retract(cd.id)
        try engine.run()
        // a→b, b→c, c→d, a→c, a→d, b→d
        #expect(engine.count("Reach") == 6)
    }

    @Test func productionRulesCountWithModify() throws {
        var lines: [String] = []
        let engine = try makeEngine("""
        template Counter { key name; name: string, value: int = 0 }
        facts { Counter { name: "c" } }
        rule count_up {
          when $c: Counter(value < 5)
          then
            print "at {$c.value}"
            modify $c { value: $c.value + 1 }
        }
        rule done { salience -1; when Counter(value == 5) then print "done"; halt }
        """, print: { lines.append($0) })
        let outcome = try engine.run()
        #expect(lines == ["at 0", "at 1", "at 2", "at 3", "at 4", "done"])
        #expect(outcome == .halted(rule: "done"))
    }
}
