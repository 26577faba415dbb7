import AccordCheck
import AccordEngine
import Testing

/// What a recommendation's explanation records: the variable each fact was bound to,
/// each condition's result, and the aggregates with their values and (the first ten of)
/// their facts.
@Suite struct ExplanationTests {
    static let text = """
    template Region {
      key name
      name: string
      trade: int = 0
    }
    template Crossing {
      key name
      name: string
      region: string
    }
    template Sanction {
      region: string
    }
    template Busy {
      region: string
    }
    facts {
      Region { name: "Heilongjiang", trade: 23 }
    \((0..<12).map { "  Crossing { name: \"C\($0)\", region: \"Heilongjiang\" }" }.joined(separator: "\n"))
    }
    rule busy {
      when
        $r: Region()
        test count(Crossing(region == $r.name)) > 3
      then
        derive Busy { region: $r.name }
    }
    rule staff {
      when
        $b: Busy()
        $r: Region(name == $b.region)
        not Sanction(region == $r.name)
        exists Crossing(region == $r.name)
        test $r.trade >= 15
      then
        recommend "Staff {$r.name}" { subject: $r.name, score: count(Crossing(region == $r.name)) / 100 }
    }
    """

    @Test func conditionsBindingsAndAggregatesAreRecorded() throws {
        let engine = try makeEngine(Self.text)
        try engine.run()
        let recommendation = try #require(engine.recommendations().first)
        #expect(recommendation.because.map(\.binding) == ["b", "r"])
        #expect(recommendation.because.first?.derivedBy?.because.map(\.binding) == ["r"])
        let outcomes = recommendation.conditions.map(\.outcome)
        #expect(outcomes == [
            .matched(fact: 0, binding: "b"), .matched(fact: 1, binding: "r"), .notBlocked, .exists,
            .testTrue(values: [NamedValue("$r.trade", .int(23))]),
        ])
        #expect(recommendation.conditions.map(\.source.text) == [
            "$b: Busy()", "$r: Region(name == $b.region)", "not Sanction(region == $r.name)",
            "exists Crossing(region == $r.name)", "test $r.trade >= 15",
        ])
        #expect(recommendation.conditions.map(\.source.line) == [41, 42, 43, 44, 45])
        let aggregate = try #require(recommendation.aggregates.first)
        #expect(recommendation.aggregates.count == 1)
        #expect(aggregate.expression == "count(Crossing(region == $r.name))")
        #expect(aggregate.value == .int(12))
        #expect(aggregate.factCount == 12)
        #expect(aggregate.facts.count == AggregateResult.factLimit)
        #expect(aggregate.facts.first?.key == [.string("C0")])
    }

    @Test func aRemovedRecommendationIsStillExplained() throws {
        let engine = try makeEngine(Self.text)
        try engine.run()
        let start = engine.checkpoint()
        let id = try #require(engine.fact("Region", key: [.string("Heilongjiang")]))
        engine.startDiff()
        try engine.modify(id, ["trade": .int(1)])
        try engine.run()
        let diff = engine.finishDiff()
        let removed = try #require(diff.removed.first?.recommendation)
        #expect(removed.conditions.count == 5)
        #expect(removed.aggregates.first?.value == .int(12))
        try engine.rollback(to: start)
    }
}
