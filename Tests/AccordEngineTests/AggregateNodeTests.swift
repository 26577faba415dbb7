import AccordCheck
import AccordEngine
import Testing

/// Aggregate nodes: `count`, `sum`, `min`, `max` and `avg` over the facts that match a
/// pattern correlated with earlier bindings, kept up to date as facts come, go and
/// change. A changed value replaces the match, so the recommendation it made changes
/// score rather than appearing twice; `min`, `max` and `avg` of nothing block the match.
@Suite struct AggregateNodeTests {
    static let facts = """
    template Region { key name; name: string }
    template Park { key name; name: string, host: string, enterprises: int, revenue: float = 0 }
    facts {
      Region { name: "Jilin" }
      Region { name: "Liaoning" }
      Region { name: "Empty" }
      Park { name: "P1", host: "Jilin", enterprises: 10, revenue: 1.5 }
      Park { name: "P2", host: "Jilin", enterprises: 30, revenue: 2 }
      Park { name: "P3", host: "Liaoning", enterprises: 5 }
    }

    """

    static func engine(_ rules: String) throws -> Engine {
        try makeEngine(facts + rules)
    }

    /// `rule subject score`, sorted, so the expectations do not depend on ranking.
    static func results(_ engine: Engine) -> [String] {
        engine.ranked.sorted()
    }

    @Test func countInATestAndInTheScore() throws {
        let engine = try Self.engine("""
        rule cluster {
          when
            $r: Region()
            test count(Park(host == $r.name)) >= 2
          then
            recommend "cluster {$r.name}" { subject: $r.name, score: count(Park(host == $r.name)) / 10 }
        }
        """)
        try engine.run()
        #expect(engine.ranked == ["cluster Jilin 0.2"])
        try engine.assert("Park", ["name": .string("P4"), "host": .string("Jilin"), "enterprises": .int(1)])
        try engine.run()
        #expect(engine.ranked == ["cluster Jilin 0.3"])
        try engine.modify(try engine.id("Park", ["name": .string("P3")]), ["host": .string("Jilin")])
        try engine.run()
        #expect(engine.ranked == ["cluster Jilin 0.4"])
        try engine.retract(try engine.id("Park", ["name": .string("P1")]))
        try engine.retract(try engine.id("Park", ["name": .string("P4")]))
        try engine.run()
        #expect(engine.ranked == ["cluster Jilin 0.2"])
        try engine.retract(try engine.id("Park", ["name": .string("P3")]))
        try engine.run()
        #expect(engine.ranked.isEmpty)
    }

    @Test func countOfNothingIsZero() throws {
        let engine = try Self.engine("""
        rule lonely {
          when
            $r: Region()
            test count(Park(host == $r.name)) == 0
          then
            recommend "lonely {$r.name}" { subject: $r.name, score: 0.1 + count(Park(host == $r.name)) }
        }
        """)
        try engine.run()
        #expect(engine.ranked == ["lonely Empty 0.1"])
        let park = try engine.assert("Park", ["name": .string("P4"), "host": .string("Empty"), "enterprises": .int(1)])
        try engine.run()
        #expect(engine.ranked.isEmpty)
        try engine.retract(park)
        try engine.run()
        #expect(engine.ranked == ["lonely Empty 0.1"])
    }

    @Test func sumFollowsEveryChange() throws {
        let engine = try Self.engine("""
        rule total {
          when
            $r: Region()
          then
            recommend "total of {$r.name}" { subject: $r.name, score: sum(Park(host == $r.name), enterprises) / 100 }
        }
        """)
        try engine.run()
        // The sum of nothing is 0.
        #expect(Self.results(engine) == ["total Empty 0", "total Jilin 0.4", "total Liaoning 0.05"])
        try engine.modify(try engine.id("Park", ["name": .string("P2")]), ["enterprises": .int(50)])
        try engine.run()
        #expect(Self.results(engine) == ["total Empty 0", "total Jilin 0.6", "total Liaoning 0.05"])
        try engine.modify(try engine.id("Park", ["name": .string("P3")]), ["host": .string("Jilin")])
        try engine.run()
        #expect(Self.results(engine) == ["total Empty 0", "total Jilin 0.65", "total Liaoning 0"])
        #expect(engine.recommendations().count == 3)
    }

    @Test func sumOfFloats() throws {
        let engine = try Self.engine("""
        rule revenue {
          when
            $r: Region()
            test sum(Park(host == $r.name), revenue) > 1
          then
            recommend "revenue of {$r.name}" { subject: $r.name, score: sum(Park(host == $r.name), revenue + enterprises) }
        }
        """)
        try engine.run()
        #expect(engine.ranked == ["revenue Jilin 43.5"])
        try engine.modify(try engine.id("Park", ["name": .string("P3")]), ["revenue": .float(1.25)])
        try engine.run()
        #expect(Self.results(engine) == ["revenue Jilin 43.5", "revenue Liaoning 6.25"])
    }

    @Test func minMaxAndAverage() throws {
        let engine = try Self.engine("""
        rule smallest {
          when $r: Region()
          then recommend "smallest" { subject: $r.name, score: min(Park(host == $r.name), enterprises) / 100 }
        }
        rule largest {
          when $r: Region()
          then recommend "largest" { subject: $r.name, score: max(Park(host == $r.name), enterprises) / 100 }
        }
        rule mean {
          when $r: Region()
          then recommend "mean" { subject: $r.name, score: avg(Park(host == $r.name), enterprises) / 100 }
        }
        """)
        try engine.run()
        // Nothing to aggregate for Empty: no min, max or average, so no match.
        #expect(Self.results(engine) == [
            "largest Jilin 0.3", "largest Liaoning 0.05", "mean Jilin 0.2", "mean Liaoning 0.05",
            "smallest Jilin 0.1", "smallest Liaoning 0.05",
        ])
        let park = try engine.assert("Park", ["name": .string("P4"), "host": .string("Empty"), "enterprises": .int(7)])
        try engine.assert("Park", ["name": .string("P5"), "host": .string("Jilin"), "enterprises": .int(2)])
        try engine.run()
        #expect(Self.results(engine) == [
            "largest Empty 0.07", "largest Jilin 0.3", "largest Liaoning 0.05",
            "mean Empty 0.07", "mean Jilin 0.14", "mean Liaoning 0.05",
            "smallest Empty 0.07", "smallest Jilin 0.02", "smallest Liaoning 0.05",
        ])
        #expect(engine.recommendations().count == 9)
        try engine.retract(park)
        try engine.retract(try engine.id("Park", ["name": .string("P2")]))
        try engine.run()
        #expect(Self.results(engine) == [
            "largest Jilin 0.1", "largest Liaoning 0.05", "mean Jilin 0.06", "mean Liaoning 0.05",
            "smallest Jilin 0.02", "smallest Liaoning 0.05",
        ])
        // The last fact of a group goes: its min, max and average go with it.
        try engine.retract(try engine.id("Park", ["name": .string("P3")]))
        try engine.run()
        #expect(Self.results(engine) == ["largest Jilin 0.1", "mean Jilin 0.06", "smallest Jilin 0.02"])
    }

    @Test func minOverNothingBlocksATest() throws {
        let engine = try Self.engine("""
        rule no_tiny_parks {
          when
            $r: Region()
            test min(Park(host == $r.name), enterprises) >= 5
          then
            recommend "no tiny parks in {$r.name}" { subject: $r.name }
        }
        """)
        try engine.run()
        #expect(engine.texts == ["no tiny parks in Jilin", "no tiny parks in Liaoning"])
        try engine.modify(try engine.id("Park", ["name": .string("P3")]), ["enterprises": .int(4)])
        try engine.run()
        #expect(engine.texts == ["no tiny parks in Jilin"])
    }

    /// An aggregate inside a later pattern's constraint, correlated with `$r`: the
    /// largest park of each region, which moves as parks change.
    @Test func aggregateInAPatternConstraint() throws {
        let engine = try Self.engine("""
        rule flagship {
          when
            $r: Region()
            $p: Park(host == $r.name, enterprises == max(Park(host == $r.name), enterprises))
          then
            recommend "flagship {$p.name}" { subject: $r.name }
        }
        """)
        try engine.run()
        #expect(engine.texts == ["flagship P2", "flagship P3"])
        let p1 = try engine.id("Park", ["name": .string("P1")])
        try engine.modify(p1, ["enterprises": .int(40)])
        try engine.run()
        #expect(engine.texts == ["flagship P1", "flagship P3"])
        try engine.modify(p1, ["enterprises": .int(30)])
        try engine.run()
        #expect(engine.texts == ["flagship P1", "flagship P2", "flagship P3"])
        try engine.retract(try engine.id("Park", ["name": .string("P2")]))
        try engine.modify(try engine.id("Park", ["name": .string("P3")]), ["host": .string("Empty")])
        try engine.run()
        #expect(engine.texts == ["flagship P1", "flagship P3"])
        #expect(engine.recommendations().first { $0.text == "flagship P3" }?.subject == "Empty")
    }

    /// Constant tests inside the aggregate's pattern, and an aggregate with no binding at all.
    @Test func filteredAndUncorrelatedAggregates() throws {
        let engine = try Self.engine("""
        rule big_parks {
          when
            $r: Region()
            test count(Park(host == $r.name, enterprises > 8)) > 0
          then
            recommend "big parks in {$r.name}" { subject: $r.name, score: count(Park(host == $r.name, enterprises > 8)) }
        }
        rule many_parks {
          when
            test count(Park()) >= 4
          then
            recommend "many parks" { score: count(Park()) }
        }
        """)
        try engine.run()
        #expect(Self.results(engine) == ["big_parks Jilin 2"])
        try engine.modify(try engine.id("Park", ["name": .string("P3")]), ["enterprises": .int(9)])
        try engine.assert("Park", ["name": .string("P4"), "host": .string("Nowhere"), "enterprises": .int(100)])
        try engine.run()
        #expect(Self.results(engine) == ["big_parks Jilin 2", "big_parks Liaoning 1", "many_parks  4"])
        try engine.assert("Park", ["name": .string("P5"), "host": .string("Jilin"), "enterprises": .int(1)])
        try engine.run()
        #expect(Self.results(engine) == ["big_parks Jilin 2", "big_parks Liaoning 1", "many_parks  5"])
        #expect(engine.recommendations().count == 3)
    }

    /// Sum and count in one action over the same pattern: the average size, computed
    /// from two aggregates that must both be current when the rule fires.
    @Test func twoAggregatesInOneRule() throws {
        let log = PrintLog()
        let engine = try makeEngine(Self.facts + """
        rule report {
          when
            $r: Region()
            test count(Park(host == $r.name)) > 0
          then
            print "{$r.name}: {sum(Park(host == $r.name), enterprises)} in {count(Park(host == $r.name))}"
        }
        """, print: log.sink)
        try engine.run()
        #expect(log.lines.sorted() == ["Jilin: 40 in 2", "Liaoning: 5 in 1"])
        log.lines = []
        try engine.assert("Park", ["name": .string("P4"), "host": .string("Liaoning"), "enterprises": .int(6)])
        try engine.run()
        #expect(log.lines == ["Liaoning: 11 in 2"])
    }

    /// The aggregate counts the pattern's own fact: each park's share of its region. A
    /// new park lowers the others' shares; each keeps one recommendation.
    @Test func aggregateOverTheMatchedFactsOwnGroup() throws {
        let engine = try Self.engine("""
        rule share {
          when
            $p: Park()
          then
            recommend "share of {$p.name}" { subject: $p.host, score: $p.enterprises / sum(Park(host == $p.host), enterprises) }
        }
        """)
        try engine.run()
        #expect(Self.results(engine) == ["share Jilin 0.25", "share Jilin 0.75", "share Liaoning 1"])
        let p4 = try engine.assert("Park", ["name": .string("P4"), "host": .string("Jilin"), "enterprises": .int(40)])
        try engine.run()
        #expect(Self.results(engine) == ["share Jilin 0.125", "share Jilin 0.375", "share Jilin 0.5", "share Liaoning 1"])
        try engine.modify(p4, ["host": .string("Liaoning")])
        try engine.run()
        #expect(Self.results(engine) == [
            "share Jilin 0.25", "share Jilin 0.75", "share Liaoning 0.111111", "share Liaoning 0.888889",
        ])
        try engine.retract(p4)
        try engine.run()
        #expect(Self.results(engine) == ["share Jilin 0.25", "share Jilin 0.75", "share Liaoning 1"])
        #expect(engine.recommendations().count == 3)
    }
}
