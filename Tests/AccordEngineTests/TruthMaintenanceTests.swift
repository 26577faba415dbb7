import AccordCheck
import AccordEngine
import Testing

/// Truth maintenance (logical support, CLIPS `lgcldpnd.c`): a derived fact lasts while
/// some match that derived it holds. Retractions cascade through chains of derivations;
/// a fact with two supports survives losing one; recursive derivations are withdrawn
/// exactly when no well-founded support is left (delete and rederive).
@Suite struct TruthMaintenanceTests {
    static let chain = """
    template Sensor { key id; id: string, zone: string, reading: int }
    template Alarm { sensor: string, zone: string }
    template Evacuate { zone: string }
    facts {
      Sensor { id: "s1", zone: "north", reading: 150 }
      Sensor { id: "s2", zone: "north", reading: 20 }
      Sensor { id: "s3", zone: "south", reading: 120 }
    }
    rule alarm {
      when $s: Sensor(reading > 100)
      then derive Alarm { sensor: $s.id, zone: $s.zone }
    }
    rule evacuate {
      when $a: Alarm()
      then derive Evacuate { zone: $a.zone }
    }
    rule advise {
      when $e: Evacuate()
      then recommend "evacuate {$e.zone}" { subject: $e.zone }
    }
    """

    @Test func derivedChainReachesARecommendation() throws {
        let engine = try makeEngine(TruthMaintenanceTests.chain)
        try engine.run()
        #expect(engine.column("Alarm", "sensor") == ["\"s1\"", "\"s3\""])
        #expect(engine.column("Evacuate", "zone") == ["\"north\"", "\"south\""])
        #expect(engine.texts == ["evacuate north", "evacuate south"])
        #expect(engine.facts(of: "Evacuate").allSatisfy { $0.isLogical })
        // The explanation runs down the chain to the sensor.
        let north = try #require(engine.recommendations().first { $0.subject == "north" })
        let evacuate = try #require(north.because.first)
        #expect(evacuate.derivedBy?.rule == "evacuate")
        let alarm = try #require(evacuate.derivedBy?.because.first)
        #expect(alarm.derivedBy?.rule == "alarm")
        #expect(alarm.derivedBy?.because.map(\.template) == ["Sensor"])
        #expect(alarm.derivedBy?.because.first?.derivedBy == nil)
    }

    @Test func retractingTheBaseFactCascades() throws {
        let engine = try makeEngine(TruthMaintenanceTests.chain)
        try engine.run()
        try engine.retract(try engine.id("Sensor", ["id": .string("s3")]))
        // Truth maintenance settles with the change, before any rule fires.
        #expect(engine.column("Alarm", "sensor") == ["\"s1\""])
        #expect(engine.column("Evacuate", "zone") == ["\"north\""])
        #expect(engine.texts == ["evacuate north"])
        try engine.run()
        #expect(engine.texts == ["evacuate north"])
    }

    @Test func modifyingTheBaseFactCascades() throws {
        let engine = try makeEngine(TruthMaintenanceTests.chain)
        try engine.run()
        let s1 = try engine.id("Sensor", ["id": .string("s1")])
        try engine.modify(s1, ["reading": .int(50)])
        try engine.run()
        #expect(engine.column("Alarm", "sensor") == ["\"s3\""])
        #expect(engine.texts == ["evacuate south"])
        // Back over the threshold, in the other zone: the chain rebuilds there.
        try engine.modify(s1, ["reading": .int(101), "zone": .string("south")])
        try engine.run()
        #expect(engine.column("Alarm", "sensor") == ["\"s1\"", "\"s3\""])
        #expect(engine.column("Evacuate", "zone") == ["\"south\""])
        #expect(engine.texts == ["evacuate south"])
    }

    /// Two alarms in one zone derive the same `Evacuate` fact: it has two supports and
    /// survives losing either one.
    @Test func aDerivedFactWithTwoSupportsSurvivesLosingOne() throws {
        let engine = try makeEngine(TruthMaintenanceTests.chain)
        try engine.run()
        let s2 = try engine.id("Sensor", ["id": .string("s2")])
        try engine.modify(s2, ["reading": .int(200)])
        try engine.run()
        #expect(engine.column("Alarm", "sensor") == ["\"s1\"", "\"s2\"", "\"s3\""])
        #expect(engine.count("Evacuate") == 2)
        let evacuateNorth = try engine.id("Evacuate", ["zone": .string("north")])
        try engine.retract(try engine.id("Sensor", ["id": .string("s1")]))
        try engine.run()
        #expect(engine.texts == ["evacuate north", "evacuate south"])
        #expect(try engine.id("Evacuate", ["zone": .string("north")]) == evacuateNorth, "the fact survived, not re-made")
        try engine.modify(s2, ["reading": .int(0)])
        try engine.run()
        #expect(engine.column("Evacuate", "zone") == ["\"south\""])
        #expect(engine.texts == ["evacuate south"])
    }

    /// The same fact derived by two different rules.
    @Test func twoRulesSupportingOneFact() throws {
        let engine = try makeEngine("""
        template Region { key name; name: string, ports: int = 0, rail: int = 0 }
        template Gateway { region: string }
        facts { Region { name: "Jilin", ports: 1, rail: 2 } }
        rule by_port { when $r: Region(ports > 0) then derive Gateway { region: $r.name } }
        rule by_rail { when $r: Region(rail > 0) then derive Gateway { region: $r.name } }
        rule gateway { when $g: Gateway() then recommend "gateway {$g.region}" { subject: $g.region } }
        """)
        try engine.run()
        #expect(engine.count("Gateway") == 1)
        let jilin = try engine.id("Region", ["name": .string("Jilin")])
        try engine.modify(jilin, ["ports": .int(0)])
        try engine.run()
        #expect(engine.texts == ["gateway Jilin"])
        try engine.modify(jilin, ["rail": .int(0)])
        try engine.run()
        #expect(engine.count("Gateway") == 0)
        #expect(engine.texts.isEmpty)
        try engine.modify(jilin, ["rail": .int(3)])
        try engine.run()
        #expect(engine.texts == ["gateway Jilin"])
    }

    /// A fact asserted from outside that is identical to a derived one is not added twice,
    /// but it is no longer only derived: as in CLIPS, an unconditional assertion of a
    /// logically supported fact makes it unconditional, so it stays when the support goes.
    @Test func assertingADerivedFactMakesItUnconditional() throws {
        let engine = try makeEngine(TruthMaintenanceTests.chain)
        try engine.run()
        let alarm = try engine.id("Alarm", ["sensor": .string("s3")])
        let asserted = try engine.assert("Alarm", ["sensor": .string("s3"), "zone": .string("south")])
        #expect(asserted == alarm)
        try engine.retract(try engine.id("Sensor", ["id": .string("s3")]))
        try engine.run()
        #expect(engine.column("Alarm", "sensor") == ["\"s1\"", "\"s3\""])
        #expect(engine.texts == ["evacuate north", "evacuate south"])
    }

    /// A derived fact read by a `not`: when the derived fact goes, the advice it blocked
    /// comes back; when it comes, that advice goes.
    @Test func derivedFactsBlockThroughNot() throws {
        let engine = try makeEngine(TruthMaintenanceTests.chain + """

        rule all_clear {
          when
            $s: Sensor()
            not Alarm(zone == $s.zone)
          then
            recommend "all clear in {$s.zone}" { subject: $s.zone }
        }
        """)
        try engine.run()
        #expect(engine.texts == ["evacuate north", "evacuate south"])
        try engine.modify(try engine.id("Sensor", ["id": .string("s3")]), ["reading": .int(1)])
        try engine.run()
        #expect(engine.texts == ["all clear in south", "evacuate north"])
        try engine.modify(try engine.id("Sensor", ["id": .string("s3")]), ["reading": .int(101)])
        try engine.run()
        #expect(engine.texts == ["evacuate north", "evacuate south"])
    }

    static let graph = """
    template Edge { from: string, to: string }
    template Reach { from: string, to: string }
    facts {
      Edge { from: "a", to: "b" }
      Edge { from: "b", to: "c" }
      Edge { from: "c", to: "a" }
      Edge { from: "c", to: "d" }
    }
    rule base { when $e: Edge() then derive Reach { from: $e.from, to: $e.to } }
    rule step {
      when
        $r: Reach()
        $e: Edge(from == $r.to)
      then
        derive Reach { from: $r.from, to: $e.to }
    }
    rule reaches_d {
      when $r: Reach(to == "d")
      then recommend "{$r.from} reaches d" { subject: $r.from }
    }
    """

    static let fullClosure = ["a>a", "a>b", "a>c", "a>d", "b>a", "b>b", "b>c", "b>d", "c>a", "c>b", "c>c", "c>d"]

    @Test func reachabilityOfACycle() throws {
        let engine = try makeEngine(TruthMaintenanceTests.graph)
        try engine.run()
        #expect(engine.pairs("Reach") == TruthMaintenanceTests.fullClosure)
        #expect(engine.texts == ["a reaches d", "b reaches d", "c reaches d"])
    }

    /// Removing `b → c` breaks the cycle: `a` and `b` reach only what is still reachable,
    /// even though `a → c`, `b → a` and the like supported each other around the cycle.
    @Test func removingAnEdgeOfTheCycleRetractsExactlyWhatNoLongerHolds() throws {
        let engine = try makeEngine(TruthMaintenanceTests.graph)
        try engine.run()
        try engine.retract(try engine.id("Edge", ["from": .string("b")]))
        try engine.run()
        #expect(engine.pairs("Reach") == ["a>b", "c>a", "c>b", "c>d"])
        #expect(engine.texts == ["c reaches d"])
        // Putting it back restores the closure.
        try engine.assert("Edge", ["from": .string("b"), "to": .string("c")])
        try engine.run()
        #expect(engine.pairs("Reach") == TruthMaintenanceTests.fullClosure)
        #expect(engine.texts == ["a reaches d", "b reaches d", "c reaches d"])
    }

    @Test func removingTheOnlyExitKeepsTheCycle() throws {
        let engine = try makeEngine(TruthMaintenanceTests.graph)
        try engine.run()
        try engine.retract(try engine.id("Edge", ["to": .string("d")]))
        try engine.run()
        #expect(engine.pairs("Reach") == ["a>a", "a>b", "a>c", "b>a", "b>b", "b>c", "c>a", "c>b", "c>c"])
        #expect(engine.texts.isEmpty)
    }

    /// `a → c` holds directly and through `b`; losing the path through `b` leaves it
    /// holding all along, so a rule on it has nothing new to fire for. Delete and
    /// rederive is an implementation of truth maintenance, not a change users see.
    @Test func aRecursiveFactThatKeepsASupportIsNotMadeAgain() throws {
        let log = PrintLog()
        let engine = try makeEngine("""
        template Edge { from: string, to: string }
        template Reach { from: string, to: string }
        facts {
          Edge { from: "a", to: "b" }
          Edge { from: "b", to: "a" }
          Edge { from: "a", to: "c" }
          Edge { from: "b", to: "c" }
        }
        rule base { when $e: Edge() then derive Reach { from: $e.from, to: $e.to } }
        rule step {
          when
            $r: Reach()
            $e: Edge(from == $r.to)
          then
            derive Reach { from: $r.from, to: $e.to }
        }
        rule announce { when $r: Reach(from == "a", to == "c") then print "a reaches c" }
        """, print: log.sink)
        try engine.run()
        #expect(log.lines == ["a reaches c"])
        let reach = try engine.id("Reach", ["from": .string("a"), "to": .string("c")])
        try engine.retract(try engine.id("Edge", ["from": .string("b"), "to": .string("c")]))
        try engine.run()
        #expect(engine.pairs("Reach") == ["a>a", "a>b", "a>c", "b>a", "b>b", "b>c"])
        #expect(try engine.id("Reach", ["from": .string("a"), "to": .string("c")]) == reach)
        #expect(log.lines == ["a reaches c"], "the fact never stopped holding")
    }

    /// An edge that the cycle already implies, removed: nothing else changes, since every
    /// reachability fact still has a well-founded derivation.
    @Test func removingARedundantEdgeKeepsEverything() throws {
        let engine = try makeEngine(TruthMaintenanceTests.graph)
        try engine.assert("Edge", ["from": .string("a"), "to": .string("c")])
        try engine.run()
        #expect(engine.pairs("Reach") == TruthMaintenanceTests.fullClosure)
        try engine.retract(try engine.id("Edge", ["from": .string("a"), "to": .string("c")]))
        try engine.run()
        #expect(engine.pairs("Reach") == TruthMaintenanceTests.fullClosure)
        #expect(engine.texts == ["a reaches d", "b reaches d", "c reaches d"])
        // Modifying an edge of the cycle redirects it: `c → a` becomes `c → b`.
        try engine.modify(try engine.id("Edge", ["from": .string("c"), "to": .string("a")]), ["to": .string("b")])
        try engine.run()
        #expect(engine.pairs("Reach") == ["a>b", "a>c", "a>d", "b>b", "b>c", "b>d", "c>b", "c>c", "c>d"])
        #expect(engine.texts == ["a reaches d", "b reaches d", "c reaches d"])
    }
}
