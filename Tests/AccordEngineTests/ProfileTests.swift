import AccordCheck
import AccordEngine
import AccordTestSupport
import Testing

/// `Engine(program:profile:)` and `profile()`: the counts are exact (times are only
/// checked to be there), and they agree with the run's statistics.
@Suite struct ProfileTests {
    static func engine(_ path: String = Fixtures.path("run/rules"), profile: Bool = true) throws -> Engine {
        let analysis = Frontend.analyze(paths: [path])
        let program = try #require(analysis.model)
        return try Engine(program: program, profile: profile)
    }

    static func profiled(_ text: String) throws -> Engine {
        let analysis = Frontend.analyze(text: text, path: "profile.accord")
        #expect(!analysis.hasErrors, "\(analysis.diagnostics.map(\.message))")
        return try Engine(program: try #require(analysis.model), profile: true)
    }

    @Test func noProfileUnlessAskedFor() throws {
        let engine = try Self.engine(profile: false)
        try engine.run()
        #expect(engine.profile() == nil)
    }

    @Test func firingsAndActivationsPerRule() throws {
        let engine = try Self.engine()
        try engine.run()
        let profile = try #require(engine.profile())
        let byName = Dictionary(uniqueKeysWithValues: profile.rules.map { ($0.name, $0) })
        #expect(byName.mapValues(\.firings) == [
            "border_corridor": 2, "corridor_agreement": 2, "park_tech_transfer_hub": 2, "port_freight": 1,
        ])
        #expect(byName.mapValues(\.activations) == byName.mapValues(\.firings))
        #expect(profile.rules.map(\.firings).reduce(0, +) == engine.statistics.firings)
        #expect(profile.rules.allSatisfy { $0.matchingTime <= $0.time })
        #expect(profile.rules.allSatisfy { $0.firings == 0 || $0.time > .zero })
        #expect(profile.matchingOutsideRules > .zero)
        let times = profile.rules.map(\.time)
        #expect(times == times.sorted(by: >))
    }

    /// Per node: the facts each memory holds and the pairs it tested. A node shared by
    /// two rules is listed once, with both.
    @Test func nodesWithTheirMemories() throws {
        let engine = try Self.engine()
        try engine.run()
        let profile = try #require(engine.profile())
        let rows = profile.nodes.map {
            "\($0.kind.rawValue) \($0.condition) @\($0.line):\($0.column) left \($0.leftTokens) right \($0.rightFacts) "
                + "tests \($0.joinTests) [\($0.rules.joined(separator: ", "))]"
        }
        #expect(rows == [
            #"join $cn: Region(country == "CN") @4:5 left 1 right 2 tests 2 [border_corridor]"#,
            #"join $ru: Region(country == "RU", $cn.name in borders) @5:5 left 2 right 2 tests 2 [border_corridor]"#,
            #"join $c: Corridor() @15:5 left 1 right 2 tests 2 [corridor_agreement, port_freight]"#,
            #"join $cn: Region(name == $c.from) @16:5 left 2 right 4 tests 2 [corridor_agreement]"#,
            #"join $park: Park(cross_border, count(industries) == 1) @34:5 left 1 right 2 tests 2 [park_tech_transfer_hub]"#,
            #"join $ru: Region(name == $c.to, count(ports) > 0) @48:5 left 2 right 1 tests 1 [port_freight]"#,
            #"not not Agreement($c.from in parties, $c.to in parties) @17:5 left 2 right 0 tests 0 [corridor_agreement]"#,
            #"not not Hub(park == $park.name) @35:5 left 2 right 0 tests 0 [park_tech_transfer_hub]"#,
        ])
    }

    /// An activation that goes before it fires counts as an activation, not a firing;
    /// matching caused by a rule's `retract` is that rule's.
    @Test func activationsThatNeverFire() throws {
        let engine = try Self.profiled("""
        template Job { key id; id: int }
        template Stop { on: bool = true }
        facts {
          Job { id: 1 }
          Job { id: 2 }
          Job { id: 3 }
          Stop {}
        }
        rule cancel {
          salience 10
          when
            $s: Stop()
            $j: Job(id > 1)
          then
            retract $j
        }
        rule work {
          when
            $j: Job()
            not Stop()
          then
            print "job {$j.id}"
        }
        rule count_jobs {
          when
            test count(Job()) > 0
          then
            print "jobs: {count(Job())}"
        }
        """)
        try engine.run()
        let profile = try #require(engine.profile())
        let byName = Dictionary(uniqueKeysWithValues: profile.rules.map { ($0.name, $0) })
        #expect(byName["cancel"]?.activations == 2)
        #expect(byName["cancel"]?.firings == 2)
        #expect(byName["cancel"].map { $0.matchingTime > .zero } == true)
        // The jobs matched `work` until `Stop` came, after them: three activations, no firing.
        #expect(byName["work"]?.activations == 3)
        #expect(byName["work"]?.firings == 0)
        // Each of the three jobs' arrival replaces the match twice (both aggregates
        // change, one after the other); each retraction once: the count is matched anew.
        #expect(byName["count_jobs"]?.activations == 8)
        #expect(byName["count_jobs"]?.firings == 1)
        #expect(profile.rules.map(\.firings).reduce(0, +) == engine.statistics.firings)
        let aggregate = try #require(profile.nodes.first { $0.kind == .aggregate })
        #expect(aggregate.condition == "count(Job())")
        #expect(aggregate.rightFacts == 1)
        #expect(profile.nodes.contains { $0.kind == .not && $0.template == "Stop" })
    }

    /// A scenario's changes and later runs keep counting.
    @Test func countsAcrossScenarioAndRuns() throws {
        let engine = try Self.engine()
        try engine.apply(scenario: "heilongjiang_signs_ecommerce")
        try engine.run()
        let profile = try #require(engine.profile())
        #expect(profile.rules.map(\.firings).reduce(0, +) == engine.statistics.firings)
        #expect(profile.rules.allSatisfy { $0.activations >= $0.firings })
    }
}
