import AccordCheck
import AccordEngine
import Testing

/// Recommendations are identified by (rule, subject, text): several matches reaching
/// the same one give one result with the highest score and the supports of every match;
/// as supports go, the score falls to the best that remains.
@Suite struct RecommendationMergeTests {
    static let program = """
    template Region { key name; name: string }
    template Port { key name; name: string, region: string, capacity: int }
    facts {
      Region { name: "Liaoning" }
      Port { name: "Yingkou", region: "Liaoning", capacity: 50 }
      Port { name: "Dalian", region: "Liaoning", capacity: 80 }
    }
    rule develop_ports {
      when
        $r: Region()
        $p: Port(region == $r.name)
      then
        recommend "Develop the ports of {$r.name}" {
          subject: $r.name
          score: $p.capacity / 100
          busiest: $p.name
        }
    }
    """

    static func portsIn(_ result: RecommendationResult) -> [String] {
        result.because.filter { $0.template == "Port" }.compactMap { support in
            support.key.first.map(Engine.plain)
        }
    }

    @Test func twoMatchesGiveOneResultWithTheBestScoreAndBothSupports() throws {
        let engine = try makeEngine(RecommendationMergeTests.program)
        try engine.run()
        #expect(engine.ranked == ["develop_ports Liaoning 0.8"])
        let result = try #require(engine.recommendations().first)
        // The best match first, then the other's facts that are not already listed.
        #expect(result.because.map(\.template) == ["Region", "Port", "Port"])
        #expect(RecommendationMergeTests.portsIn(result) == ["Dalian", "Yingkou"])
        // The details are the best match's.
        #expect(result.details == [NamedValue("busiest", .string("Dalian"))])
        #expect(engine.statistics.firings == 2)
        #expect(engine.statistics.recommendations == 1)
        #expect(engine.count("Recommendation") == 1)
    }

    @Test func losingTheBestSupportLowersTheScore() throws {
        let engine = try makeEngine(RecommendationMergeTests.program)
        try engine.run()
        try engine.retract(try engine.id("Port", ["name": .string("Dalian")]))
        try engine.run()
        #expect(engine.ranked == ["develop_ports Liaoning 0.5"])
        let result = try #require(engine.recommendations().first)
        #expect(RecommendationMergeTests.portsIn(result) == ["Yingkou"])
        #expect(result.details == [NamedValue("busiest", .string("Yingkou"))])
        // A weaker match that goes leaves the score alone.
        try engine.assert("Port", ["name": .string("Dalian"), "region": .string("Liaoning"), "capacity": .int(80)])
        try engine.assert("Port", ["name": .string("Jinzhou"), "region": .string("Liaoning"), "capacity": .int(20)])
        try engine.run()
        #expect(engine.ranked == ["develop_ports Liaoning 0.8"])
        try engine.retract(try engine.id("Port", ["name": .string("Jinzhou")]))
        try engine.run()
        #expect(engine.ranked == ["develop_ports Liaoning 0.8"])
        #expect(RecommendationMergeTests.portsIn(try #require(engine.recommendations().first)) == ["Dalian", "Yingkou"])
    }

    @Test func modifyingASupportMovesTheScoreBothWays() throws {
        let engine = try makeEngine(RecommendationMergeTests.program)
        try engine.run()
        let yingkou = try engine.id("Port", ["name": .string("Yingkou")])
        try engine.modify(yingkou, ["capacity": .int(95)])
        try engine.run()
        #expect(engine.ranked == ["develop_ports Liaoning 0.95"])
        #expect(engine.recommendations().first?.details == [NamedValue("busiest", .string("Yingkou"))])
        try engine.modify(yingkou, ["capacity": .int(10)])
        try engine.run()
        #expect(engine.ranked == ["develop_ports Liaoning 0.8"])
        // The last support goes: the recommendation goes.
        try engine.retract(try engine.id("Region", ["name": .string("Liaoning")]))
        try engine.run()
        #expect(engine.ranked.isEmpty)
        #expect(engine.count("Recommendation") == 0)
    }

    /// Merging is by rule, subject and text: another subject, another text or another
    /// rule with the same text are separate recommendations.
    @Test func theIdentityIsRuleSubjectAndText() throws {
        let engine = try makeEngine(RecommendationMergeTests.program + """

        rule also_develop {
          when $p: Port()
          then recommend "Develop the ports of {$p.region}" { subject: $p.region, score: 0.1 }
        }
        rule by_port {
          when $p: Port()
          then recommend "Develop {$p.name}" { subject: $p.region, score: 0.2 }
        }
        """)
        try engine.run()
        #expect(engine.ranked == [
            "develop_ports Liaoning 0.8", "by_port Liaoning 0.2", "by_port Liaoning 0.2", "also_develop Liaoning 0.1",
        ])
    }
}
