import AccordCheck
import AccordEngine
import Testing

/// `Engine.whyNot(rule:subject:)` over small rule bases: the verdict, the closest
/// partial matches and the first failing condition with the values that made it fail.
@Suite struct WhyNotTests {
    static let program = """
    template Region { key name; name: string, country: string, trade: float = 0 }
    template Port { key name; name: string, region: string }
    template Sanction { region: string }
    facts {
      Region { name: "Jilin", country: "CN", trade: 4 } cite "Jilin yearbook"
      Region { name: "Heilongjiang", country: "CN", trade: 23.2 }
      Region { name: "Amur Oblast", country: "RU", trade: 12 }
      Port { name: "Blagoveshchensk", region: "Amur Oblast" }
      Sanction { region: "Heilongjiang" }
    }
    rule bigTrade {
      when
        $r: Region(country == "CN", trade > 10)
      then
        recommend "expand {$r.name}" { subject: $r.name }
    }
    rule portLink {
      when
        $r: Region(trade > 10)
        $p: Port(region == $r.name)
      then
        recommend "link {$r.name}" { subject: $r.name }
    }
    rule unsanctioned {
      when
        $r: Region(country == "CN", trade > 20)
        not Sanction(region == $r.name)
      then
        recommend "open {$r.name}" { subject: $r.name }
    }
    rule manyPorts {
      when
        test count(Port()) > 2
      then
        recommend "ports"
    }
    """

    static func engine() throws -> Engine {
        let engine = try makeEngine(program)
        try engine.run()
        return engine
    }

    @Test func aFailingThresholdNamesTheConstraintAndTheValueItRead() throws {
        let report = try Self.engine().whyNot(rule: "bigTrade", subject: "Jilin")
        #expect(report.verdict == .failed)
        #expect(report.recommendedSubjects == ["Heilongjiang"])
        #expect(report.closest.first?.satisfied == 0)
        let failed = try #require(report.failed)
        #expect(failed.index == 0)
        #expect(failed.source.text == #"$r: Region(country == "CN", trade > 10)"#)
        #expect((failed.source.line, failed.source.column) == (13, 5))
        guard case .constraint(let constraint) = failed.reason else {
            Issue.record("expected a failing constraint, got \(failed.reason)")
            return
        }
        #expect(constraint.source.text == "trade > 10")
        #expect((constraint.source.line, constraint.source.column) == (13, 33))
        #expect(constraint.fact.key == [.string("Jilin")])
        #expect(constraint.fact.cite == "Jilin yearbook")
        #expect(constraint.values == [NamedValue("trade", .float(4))])
        #expect(constraint.satisfiedConstraints == 1)
        #expect(constraint.candidates == 3)
    }

    @Test func aJoinWithoutPartnerKeepsTheFactsBoundSoFar() throws {
        let report = try Self.engine().whyNot(rule: "portLink", subject: "Heilongjiang")
        #expect(report.verdict == .failed)
        let closest = try #require(report.closest.first)
        #expect(closest.satisfied == 1)
        #expect(closest.facts.map(\.key) == [[.string("Heilongjiang")]])
        let failed = try #require(report.failed)
        #expect(failed.index == 1)
        #expect(failed.source.text == "$p: Port(region == $r.name)")
        guard case .constraint(let constraint) = failed.reason else {
            Issue.record("expected a failing constraint, got \(failed.reason)")
            return
        }
        #expect(constraint.source.text == "region == $r.name")
        #expect(constraint.values == [NamedValue("region", .string("Amur Oblast")),
                                      NamedValue("$r.name", .string("Heilongjiang"))])
    }

    @Test func aBlockingNotNamesTheFactThatBlocksIt() throws {
        let report = try Self.engine().whyNot(rule: "unsanctioned", subject: nil)
        #expect(report.verdict == .failed)
        let failed = try #require(report.failed)
        #expect(failed.index == 1)
        #expect(failed.source.text == "not Sanction(region == $r.name)")
        guard case .blocked(let blockers) = failed.reason else {
            Issue.record("expected blocking facts, got \(failed.reason)")
            return
        }
        #expect(blockers.map(\.template) == ["Sanction"])
        #expect(blockers.first?.fields == [NamedValue("region", .string("Heilongjiang"))])
    }

    @Test func aFailingTestReportsTheAggregatesValue() throws {
        let report = try Self.engine().whyNot(rule: "manyPorts", subject: nil)
        #expect(report.verdict == .failed)
        #expect(report.closest.first?.aggregates == [NamedValue("count(Port())", .int(1))])
        let failed = try #require(report.failed)
        #expect(failed.source.text == "test count(Port()) > 2")
        #expect(failed.reason == .test(values: [NamedValue("count(Port())", .int(1))], error: nil))
    }

    @Test func aRuleThatFiredSaysSo() throws {
        let engine = try Self.engine()
        #expect(try engine.whyNot(rule: "bigTrade", subject: nil).verdict == .fired)
        let report = try engine.whyNot(rule: "portLink", subject: "Amur Oblast")
        #expect(report.fired)
        #expect(report.failed == nil)
        #expect(report.closest.isEmpty)
    }

    @Test func theSubjectChoosesWhichPartialMatchIsExplained() throws {
        let engine = try Self.engine()
        // Without a subject the rule fired; for Jilin it fails at the first condition,
        // for Heilongjiang at the second.
        #expect(try engine.whyNot(rule: "portLink", subject: nil).fired)
        #expect(try engine.whyNot(rule: "portLink", subject: "Jilin").failed?.index == 0)
        #expect(try engine.whyNot(rule: "portLink", subject: "Heilongjiang").failed?.index == 1)
        // No fact mentions the subject: the furthest match overall is complete, for
        // another subject.
        let nowhere = try engine.whyNot(rule: "portLink", subject: "Nowhere")
        #expect(nowhere.verdict == .otherSubject)
        #expect(nowhere.recommendedSubjects == ["Amur Oblast"])
    }

    @Test func aMatchOnTheSubjectsFactsThatRecommendsForAnotherSubject() throws {
        let engine = try makeEngine("""
        template Region { key name; name: string, country: string }
        facts {
          Region { name: "Jilin", country: "CN" }
        }
        rule china {
          when
            $r: Region(country == "CN")
          then
            recommend "engage {$r.name}" { subject: $r.country }
        }
        """)
        try engine.run()
        let report = try engine.whyNot(rule: "china", subject: "Jilin")
        #expect(report.verdict == .otherSubject)
        #expect(report.recommendedSubjects == ["CN"])
        #expect(report.closest.first?.facts.map(\.key) == [[.string("Jilin")]])
        #expect(try engine.whyNot(rule: "china", subject: "CN").fired)
    }

    @Test func beforeARunTheCompleteMatchIsPending() throws {
        let engine = try makeEngine(Self.program)
        let report = try engine.whyNot(rule: "bigTrade", subject: "Heilongjiang")
        #expect(report.verdict == .pending)
        #expect(report.closest.first?.satisfied == 1)
    }

    @Test func aRuleWithoutConditions() throws {
        let engine = try makeEngine("""
        rule always {
          then recommend "always" { subject: "all" }
        }
        """)
        #expect(try engine.whyNot(rule: "always", subject: nil).verdict == .pending)
        try engine.run()
        let report = try engine.whyNot(rule: "always", subject: "some")
        #expect(report.verdict == .otherSubject)
        #expect(report.conditionCount == 0)
        #expect(report.recommendedSubjects == ["all"])
    }

    @Test func anAggregateWithoutValueStopsTheMatch() throws {
        let engine = try makeEngine("""
        template Region { key name; name: string, trade: float = 0 }
        rule top {
          when
            $r: Region(trade >= max(Region(), trade))
          then
            recommend "top {$r.name}"
        }
        """)
        try engine.run()
        let failed = try #require(try engine.whyNot(rule: "top", subject: nil).failed)
        #expect(failed.reason == .noAggregateValue(aggregate: "max(Region(), trade)"))
        #expect(failed.index == 0)
    }

    @Test func aTemplateWithoutFacts() throws {
        let engine = try makeEngine("""
        template Region { key name; name: string }
        rule any {
          when
            $r: Region()
          then
            recommend "r"
        }
        """)
        let failed = try #require(try engine.whyNot(rule: "any", subject: nil).failed)
        #expect(failed.reason == .noFacts(template: "Region"))
    }

    @Test func anUnknownRuleIsAnErrorWithASuggestion() throws {
        let engine = try Self.engine()
        #expect {
            try engine.whyNot(rule: "bigTrad", subject: nil)
        } throws: { error in
            "\(error)" == "unknown rule `bigTrad`; did you mean `bigTrade`?"
        }
    }
}
