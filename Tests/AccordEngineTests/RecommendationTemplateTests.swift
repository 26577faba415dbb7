import AccordCheck
import AccordEngine
import Testing

/// The built-in template `Recommendation`: every recommendation is a fact that rules can
/// match, so advice can build on advice, and follows it when it changes or goes.
@Suite struct RecommendationTemplateTests {
    static let program = """
    template Region { key name; name: string, trade: float = 0 }
    facts {
      Region { name: "Jilin", trade: 40 }
      Region { name: "Liaoning", trade: 60 }
    }
    rule open_office {
      tags trade
      when $r: Region(trade > 30)
      then recommend "Open a trade office in {$r.name}" { subject: $r.name, score: $r.trade / 100, category: "trade" }
    }
    rule staff_office {
      when $rec: Recommendation(rule == "open_office", category == "trade")
      then
        recommend "Staff the office in {$rec.subject}" {
          subject: $rec.subject
          score: $rec.score / 2
          after: $rec.text
        }
    }
    rule few_offices {
      when
        $r: Region()
        not Recommendation(rule == "open_office", subject == $r.name)
      then
        recommend "Consider an office in {$r.name}" { subject: $r.name, score: 0.1 }
    }
    rule office_count {
      when test count(Recommendation(rule == "open_office")) >= 2
      then recommend "Coordinate {count(Recommendation(rule == \"open_office\"))} offices" { score: 0.05 }
    }
    """

    @Test func adviceBuildsOnAdvice() throws {
        let engine = try makeEngine(RecommendationTemplateTests.program)
        try engine.run()
        #expect(engine.advice == [
            "open_office Liaoning 0.6 Open a trade office in Liaoning",
            "open_office Jilin 0.4 Open a trade office in Jilin",
            "staff_office Liaoning 0.3 Staff the office in Liaoning",
            "staff_office Jilin 0.2 Staff the office in Jilin",
            "office_count  0.05 Coordinate 2 offices",
        ])
        let staff = try #require(engine.recommendations().first { $0.rule == "staff_office" })
        #expect(staff.details == [NamedValue("after", .string("Open a trade office in Liaoning"))])
        let support = try #require(staff.because.first)
        #expect(support.template == "Recommendation")
        #expect(support.derivedBy?.rule == "open_office")
        #expect(support.derivedBy?.because.map(\.template) == ["Region"])
        #expect(support.fields.first { $0.name == "tags" }?.value == .list([.string("trade")]))
    }

    @Test func followsAdviceWhenItGoes() throws {
        let engine = try makeEngine(RecommendationTemplateTests.program)
        try engine.run()
        try engine.modify(try engine.id("Region", ["name": .string("Jilin")]), ["trade": .float(10)])
        try engine.run()
        #expect(engine.advice == [
            "open_office Liaoning 0.6 Open a trade office in Liaoning",
            "staff_office Liaoning 0.3 Staff the office in Liaoning",
            "few_offices Jilin 0.1 Consider an office in Jilin",
        ])
        try engine.retract(try engine.id("Region", ["name": .string("Liaoning")]))
        try engine.run()
        #expect(engine.advice == ["few_offices Jilin 0.1 Consider an office in Jilin"])
        #expect(engine.count("Recommendation") == 1)
    }

    /// A change of score changes the `Recommendation` fact, and advice built on it follows.
    @Test func followsAdviceWhenItsScoreChanges() throws {
        let engine = try makeEngine(RecommendationTemplateTests.program)
        try engine.run()
        try engine.modify(try engine.id("Region", ["name": .string("Jilin")]), ["trade": .float(90)])
        try engine.run()
        #expect(engine.advice == [
            "open_office Jilin 0.9 Open a trade office in Jilin",
            "open_office Liaoning 0.6 Open a trade office in Liaoning",
            "staff_office Jilin 0.45 Staff the office in Jilin",
            "staff_office Liaoning 0.3 Staff the office in Liaoning",
            "office_count  0.05 Coordinate 2 offices",
        ])
        #expect(engine.count("Recommendation") == 5)
        let scores = engine.facts(of: "Recommendation").compactMap { fact -> String? in
            guard case .string(let subject)? = fact.fields.first(where: { $0.name == "subject" })?.value,
                  case .string(let rule)? = fact.fields.first(where: { $0.name == "rule" })?.value,
                  case .float(let score)? = fact.fields.first(where: { $0.name == "score" })?.value else { return nil }
            return "\(rule) \(subject) \(formatScore(score))"
        }.sorted()
        #expect(scores == [
            "office_count  0.05", "open_office Jilin 0.9", "open_office Liaoning 0.6",
            "staff_office Jilin 0.45", "staff_office Liaoning 0.3",
        ])
    }

    /// A recommendation reached by two matches is one `Recommendation` fact; the rule
    /// built on it fires once, and keeps it while either match holds.
    @Test func mergedAdviceIsOneFact() throws {
        let log = PrintLog()
        let engine = try makeEngine("""
        template Port { key name; name: string, region: string }
        facts {
          Port { name: "Dalian", region: "Liaoning" }
          Port { name: "Yingkou", region: "Liaoning" }
        }
        rule ports { when $p: Port() then recommend "Develop ports" { subject: $p.region } }
        rule follow {
          when $rec: Recommendation(rule == "ports")
          then
            print "follow {$rec.subject}"
            recommend "Fund ports" { subject: $rec.subject }
        }
        """, print: log.sink)
        try engine.run()
        #expect(log.lines == ["follow Liaoning"])
        #expect(engine.count("Recommendation") == 2)
        try engine.retract(try engine.id("Port", ["name": .string("Dalian")]))
        try engine.run()
        #expect(engine.texts == ["Develop ports", "Fund ports"])
        // The advice it follows never went away, so it did not fire again.
        #expect(log.lines == ["follow Liaoning"])
        try engine.retract(try engine.id("Port", ["name": .string("Yingkou")]))
        try engine.run()
        #expect(engine.texts.isEmpty)
    }
}
