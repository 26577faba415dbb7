import AccordCheck
import AccordEngine
import Testing

/// Join nodes (Doorenbos §2.4): hashed equality joins on strings, ints and mixed
/// int/float values, membership joins on list elements, joins with further tests,
/// three-way joins and a template joined with itself. Each case checks that asserting,
/// retracting and modifying either side changes exactly the affected matches.
@Suite struct JoinNodeTests {
    static let people = """
    template Person { key name; name: string, city: string, age: int = 30 }
    template City { key name; name: string, country: string }
    facts {
      Person { name: "Ann", city: "Harbin" }
      Person { name: "Bo", city: "Harbin" }
      Person { name: "Cy", city: "Vladivostok" }
      Person { name: "Di", city: "Nowhere" }
      City { name: "Harbin", country: "CN" }
      City { name: "Vladivostok", country: "RU" }
    }
    rule lives_in {
      when
        $p: Person()
        $c: City(name == $p.city)
      then
        recommend "{$p.name} lives in {$c.country}" { subject: $p.name }
    }
    """

    @Test func stringEqualityJoin() throws {
        let engine = try makeEngine(JoinNodeTests.people)
        try engine.run()
        #expect(engine.texts == ["Ann lives in CN", "Bo lives in CN", "Cy lives in RU"])
        let first = try #require(engine.recommendations().first { $0.subject == "Ann" })
        #expect(first.because.map(\.template) == ["Person", "City"])
    }

    @Test func retractingTheRightSideRemovesOnlyItsMatches() throws {
        let engine = try makeEngine(JoinNodeTests.people)
        try engine.run()
        try engine.retract(try engine.id("City", ["name": .string("Harbin")]))
        try engine.run()
        #expect(engine.texts == ["Cy lives in RU"])
        try engine.assert("City", ["name": .string("Harbin"), "country": .string("CN")])
        try engine.run()
        #expect(engine.texts == ["Ann lives in CN", "Bo lives in CN", "Cy lives in RU"])
    }

    @Test func retractingTheLeftSideRemovesOnlyItsMatches() throws {
        let engine = try makeEngine(JoinNodeTests.people)
        try engine.run()
        try engine.retract(try engine.id("Person", ["name": .string("Bo")]))
        try engine.run()
        #expect(engine.texts == ["Ann lives in CN", "Cy lives in RU"])
    }

    @Test func modifyingEitherSideMovesTheMatch() throws {
        let engine = try makeEngine(JoinNodeTests.people)
        try engine.run()
        // The left side's join field changes: Di now finds a city, Ann moves country.
        try engine.modify(try engine.id("Person", ["name": .string("Di")]), ["city": .string("Vladivostok")])
        try engine.modify(try engine.id("Person", ["name": .string("Ann")]), ["city": .string("Vladivostok")])
        try engine.run()
        #expect(engine.texts == ["Ann lives in RU", "Bo lives in CN", "Cy lives in RU", "Di lives in RU"])
        // The right side changes a field that is not joined on: every match through it is rebuilt.
        try engine.modify(try engine.id("City", ["name": .string("Vladivostok")]), ["country": .string("XX")])
        try engine.run()
        #expect(engine.texts == ["Ann lives in XX", "Bo lives in CN", "Cy lives in XX", "Di lives in XX"])
        // The right side changes the joined field: its matches go, none appear.
        try engine.modify(try engine.id("City", ["name": .string("Vladivostok")]), ["name": .string("Moscow")])
        try engine.run()
        #expect(engine.texts == ["Bo lives in CN"])
    }

    @Test func modifyingAFieldNobodyReadsKeepsTheResult() throws {
        let engine = try makeEngine(JoinNodeTests.people)
        try engine.run()
        let before = engine.advice
        try engine.modify(try engine.id("Person", ["name": .string("Ann")]), ["age": .int(41)])
        try engine.run()
        #expect(engine.advice == before)
        #expect(engine.recommendations().count == 3)
    }

    @Test func intEqualityJoin() throws {
        let engine = try makeEngine("""
        template Order { key id; id: int, customer: int }
        template Customer { key id; id: int, name: string }
        facts {
          Customer { id: 1, name: "one" }
          Customer { id: 2, name: "two" }
          Order { id: 10, customer: 1 }
          Order { id: 11, customer: 2 }
          Order { id: 12, customer: 2 }
          Order { id: 13, customer: 3 }
        }
        rule billed {
          when
            $o: Order()
            $c: Customer(id == $o.customer)
          then
            recommend "bill {$c.name} for order {$o.id}" { subject: $c.name }
        }
        """)
        try engine.run()
        #expect(engine.texts == ["bill one for order 10", "bill two for order 11", "bill two for order 12"])
        try engine.assert("Customer", ["id": .int(3), "name": .string("three")])
        try engine.retract(try engine.id("Customer", ["id": .int(2)]))
        try engine.run()
        #expect(engine.texts == ["bill one for order 10", "bill three for order 13"])
        try engine.modify(try engine.id("Order", ["id": .int(10)]), ["customer": .int(3)])
        try engine.run()
        #expect(engine.texts == ["bill three for order 10", "bill three for order 13"])
    }

    /// `2 == 2.0`: the hashed join must find what `==` finds, from either side.
    @Test func intJoinsFloat() throws {
        let engine = try makeEngine("""
        template Level { key n; n: int }
        template Threshold { key name; name: string, value: float }
        facts {
          Level { n: 2 }
          Level { n: 3 }
          Threshold { name: "two", value: 2.0 }
          Threshold { name: "half", value: 2.5 }
          Threshold { name: "int", value: 3 }
        }
        rule at_level {
          when
            $l: Level()
            $t: Threshold(value == $l.n)
          then
            recommend "{$t.name} at {$l.n}" { subject: $t.name }
        }
        rule at_threshold {
          when
            $t: Threshold()
            $l: Level(n == $t.value)
          then
            recommend "level {$l.n} for {$t.name}" { subject: $t.name }
        }
        """)
        try engine.run()
        #expect(engine.texts == ["int at 3", "level 2 for two", "level 3 for int", "two at 2"])
        try engine.assert("Level", ["n": .int(5)])
        try engine.assert("Threshold", ["name": .string("five"), "value": .float(5)])
        try engine.modify(try engine.id("Threshold", ["name": .string("half")]), ["value": .float(2)])
        try engine.run()
        #expect(engine.texts == ["five at 5", "half at 2", "int at 3", "level 2 for half", "level 2 for two",
                                 "level 3 for int", "level 5 for five", "two at 2"])
        try engine.retract(try engine.id("Level", ["n": .int(2)]))
        try engine.run()
        #expect(engine.texts == ["five at 5", "int at 3", "level 3 for int", "level 5 for five"])
    }

    static let borders = """
    template Region { key name; name: string, country: string, borders: [string] = [] }
    facts {
      Region { name: "Heilongjiang", country: "CN", borders: ["Amur Oblast", "Jewish AO"] }
      Region { name: "Jilin", country: "CN", borders: ["Primorsky Krai"] }
      Region { name: "Amur Oblast", country: "RU", borders: ["Heilongjiang"] }
      Region { name: "Jewish AO", country: "RU", borders: ["Heilongjiang", "Heilongjiang"] }
      Region { name: "Primorsky Krai", country: "RU", borders: ["Jilin", "Heilongjiang"] }
    }
    rule partner {
      when
        $cn: Region(country == "CN")
        $ru: Region(country == "RU", $cn.name in borders)
      then
        recommend "{$cn.name} with {$ru.name}" { subject: $cn.name }
    }
    rule neighbour {
      when
        $cn: Region(country == "CN")
        $ru: Region(country == "RU", name in $cn.borders)
      then
        recommend "{$cn.name} next to {$ru.name}" { subject: $cn.name }
    }
    """

    /// `$cn.name in borders` is indexed by list element; `name in $cn.borders` is a plain
    /// join test. Both must agree, and a list with a repeated element matches once.
    @Test func membershipJoins() throws {
        let engine = try makeEngine(JoinNodeTests.borders)
        try engine.run()
        #expect(engine.texts == [
            "Heilongjiang next to Amur Oblast", "Heilongjiang next to Jewish AO",
            "Heilongjiang with Amur Oblast", "Heilongjiang with Jewish AO", "Heilongjiang with Primorsky Krai",
            "Jilin next to Primorsky Krai", "Jilin with Primorsky Krai",
        ])
        // One firing per match: the repeated border does not match twice.
        #expect(engine.statistics.firings == 7)
    }

    @Test func membershipJoinFollowsListChanges() throws {
        let engine = try makeEngine(JoinNodeTests.borders)
        try engine.run()
        let primorsky = try engine.id("Region", ["name": .string("Primorsky Krai")])
        try engine.modify(primorsky, ["borders": .list([.string("Jilin")])])
        try engine.run()
        #expect(engine.texts.filter { $0.contains(" with ") } == [
            "Heilongjiang with Amur Oblast", "Heilongjiang with Jewish AO", "Jilin with Primorsky Krai",
        ])
        try engine.modify(primorsky, ["borders": .list([])])
        try engine.retract(try engine.id("Region", ["name": .string("Jewish AO")]))
        try engine.run()
        #expect(engine.texts == [
            "Heilongjiang next to Amur Oblast", "Heilongjiang with Amur Oblast", "Jilin next to Primorsky Krai",
        ])
        // The left side's list changes: only the `name in $cn.borders` rule reads it.
        try engine.modify(try engine.id("Region", ["name": .string("Jilin")]), ["borders": .list([.string("Amur Oblast")])])
        try engine.run()
        #expect(engine.texts == [
            "Heilongjiang next to Amur Oblast", "Heilongjiang with Amur Oblast", "Jilin next to Amur Oblast",
        ])
    }

    @Test func joinWithFurtherTests() throws {
        let engine = try makeEngine("""
        template Item { key name; name: string, reserve: int }
        template Bid { key id; id: int, item: string, amount: int }
        facts {
          Item { name: "vase", reserve: 100 }
          Item { name: "lamp", reserve: 10 }
          Bid { id: 1, item: "vase", amount: 90 }
          Bid { id: 2, item: "vase", amount: 150 }
          Bid { id: 3, item: "lamp", amount: 11 }
          Bid { id: 4, item: "lamp", amount: 10 }
        }
        rule acceptable {
          when
            $i: Item()
            $b: Bid(item == $i.name, amount > $i.reserve, amount != 999)
          then
            recommend "accept bid {$b.id} on {$i.name}" { subject: $i.name, score: $b.amount / 1000 }
        }
        """)
        try engine.run()
        #expect(engine.texts == ["accept bid 2 on vase", "accept bid 3 on lamp"])
        // The item's reserve rises: the lamp bid falls below it; the vase bid stays.
        try engine.modify(try engine.id("Item", ["name": .string("lamp")]), ["reserve": .int(11)])
        try engine.modify(try engine.id("Item", ["name": .string("vase")]), ["reserve": .int(80)])
        try engine.run()
        #expect(engine.texts == ["accept bid 1 on vase", "accept bid 2 on vase"])
        // A bid changes on the right: raised over, then to the excluded amount.
        try engine.modify(try engine.id("Bid", ["id": .int(4)]), ["amount": .int(12)])
        try engine.modify(try engine.id("Bid", ["id": .int(2)]), ["amount": .int(999)])
        try engine.run()
        #expect(engine.texts == ["accept bid 1 on vase", "accept bid 4 on lamp"])
        #expect(engine.ranked == ["acceptable vase 0.09", "acceptable lamp 0.012"])
    }

    @Test func threeWayJoin() throws {
        let engine = try makeEngine("""
        template Region { key name; name: string }
        template Park { key name; name: string, host: string, sector: string }
        template Investor { key name; name: string, sector: string }
        facts {
          Region { name: "Jilin" }
          Region { name: "Heilongjiang" }
          Park { name: "P1", host: "Jilin", sector: "auto" }
          Park { name: "P2", host: "Heilongjiang", sector: "wood" }
          Park { name: "P3", host: "Heilongjiang", sector: "auto" }
          Investor { name: "I1", sector: "auto" }
          Investor { name: "I2", sector: "wood" }
        }
        rule invest {
          when
            $r: Region()
            $p: Park(host == $r.name)
            $i: Investor(sector == $p.sector)
          then
            recommend "{$i.name} into {$p.name}" { subject: $r.name }
        }
        """)
        try engine.run()
        #expect(engine.texts == ["I1 into P1", "I1 into P3", "I2 into P2"])
        // The middle fact goes: only matches through it go.
        try engine.retract(try engine.id("Park", ["name": .string("P3")]))
        try engine.run()
        #expect(engine.texts == ["I1 into P1", "I2 into P2"])
        // The first fact goes: both matches under it go.
        try engine.assert("Park", ["name": .string("P3"), "host": .string("Heilongjiang"), "sector": .string("auto")])
        try engine.retract(try engine.id("Region", ["name": .string("Heilongjiang")]))
        try engine.run()
        #expect(engine.texts == ["I1 into P1"])
        // The last fact changes sector: it leaves one park and joins another.
        try engine.assert("Region", ["name": .string("Heilongjiang")])
        try engine.modify(try engine.id("Investor", ["name": .string("I2")]), ["sector": .string("auto")])
        try engine.run()
        #expect(engine.texts == ["I1 into P1", "I1 into P3", "I2 into P1", "I2 into P3"])
        #expect(engine.recommendations().first { $0.text == "I2 into P3" }?.because.map(\.template) == ["Region", "Park", "Investor"])
    }

    /// One template on both sides of a join: ordered pairs of different people in one
    /// city; a change to one fact changes the pairs on both sides of it.
    @Test func selfJoin() throws {
        let engine = try makeEngine("""
        template Person { key name; name: string, city: string }
        facts {
          Person { name: "Ann", city: "A" }
          Person { name: "Bo", city: "A" }
          Person { name: "Cy", city: "A" }
          Person { name: "Di", city: "B" }
        }
        rule pair {
          when
            $a: Person()
            $b: Person(city == $a.city, name != $a.name)
          then
            recommend "{$a.name}+{$b.name}" { subject: $a.city }
        }
        """)
        try engine.run()
        #expect(engine.texts == ["Ann+Bo", "Ann+Cy", "Bo+Ann", "Bo+Cy", "Cy+Ann", "Cy+Bo"])
        try engine.modify(try engine.id("Person", ["name": .string("Cy")]), ["city": .string("B")])
        try engine.run()
        #expect(engine.texts == ["Ann+Bo", "Bo+Ann", "Cy+Di", "Di+Cy"])
        try engine.retract(try engine.id("Person", ["name": .string("Ann")]))
        try engine.run()
        #expect(engine.texts == ["Cy+Di", "Di+Cy"])
    }

    /// A fact that matches both patterns of a self-join (a loop edge `x → x`) appears
    /// twice in one token; retracting it must remove that token once, cleanly.
    @Test func oneFactInBothPatterns() throws {
        let engine = try makeEngine("""
        template Edge { from: string, to: string }
        facts {
          Edge { from: "x", to: "x" }
          Edge { from: "x", to: "y" }
        }
        rule two_steps {
          when
            $a: Edge()
            $b: Edge(from == $a.to)
          then
            recommend "{$a.from}>{$a.to}>{$b.to}" { subject: $a.from }
        }
        """)
        try engine.run()
        #expect(engine.texts == ["x>x>x", "x>x>y"])
        #expect(engine.statistics.firings == 2)
        try engine.retract(try engine.id("Edge", ["to": .string("x")]))
        try engine.run()
        #expect(engine.texts.isEmpty)
        try engine.assert("Edge", ["from": .string("y"), "to": .string("y")])
        try engine.run()
        #expect(engine.texts == ["x>y>y", "y>y>y"])
        try engine.modify(try engine.id("Edge", ["from": .string("y")]), ["to": .string("z")])
        try engine.run()
        #expect(engine.texts == ["x>y>z"])
    }
}
