import AccordCheck
import AccordEngine
import AccordSyntax
import AccordTooling
import Testing

/// `CoverageRecorder` through `PolicyTestRunner.inspect`, as docs/explain.md shows it:
/// which tests fire which rules, condition statuses (an aggregate without a value makes
/// its condition never true), a rule counted as fired by a given that undoes its own
/// match, a given that fails, and an engine that counts nothing unless asked.
@Suite struct CoverageRecorderTests {
    static let program = """
    template Region { key name; name: string, country: string, trade: float = 0 }
    template Alert { key region; region: string, level: int = 1 }
    facts {
      Region { name: "Heilongjiang", country: "CN", trade: 23.2 }
      Region { name: "Amur Oblast", country: "RU" }
    }
    rule busy {
      when
        $r: Region(trade > 10)
      then
        recommend "Busy" { subject: $r.name, cite: "x" }
    }
    rule above_korea {
      when
        $r: Region(country == "CN", trade > avg(Region(country == "KR"), trade))
      then
        recommend "Above Korea" { subject: $r.name }
    }
    rule clear_alert {
      when
        $a: Alert()
      then
        retract $a
    }
    rule alert_for_a_region {
      when
        $a: Alert(10 / level > 0)
        Region(name == $a.region)
        test $a.region == "nowhere"
      then
        print "never"
    }
    test "busy" {
      expect recommend busy
    }
    test "an alert comes and goes" {
      given { assert Alert { region: "Amur Oblast" } }
      expect no fact Alert()
    }
    test "a given that fails" {
      given { assert Alert { region: "Amur Oblast", level: 0 } }
      expect recommend busy
    }
    """

    static func report(countFirings: Bool = true) throws -> CoverageReport {
        let analysis = Frontend.analyze(text: program, path: "coverage.accord")
        let errors = analysis.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(DiagnosticRenderer().render(errors))")
        guard let model = analysis.model, errors.isEmpty else { throw ReportFixture.FixtureError.invalidProgram }
        var engine = try Engine(program: model)
        if countFirings { engine.startCountingFirings() }
        try engine.run()
        let recorder = CoverageRecorder(program: model, baseline: engine)
        var runner = PolicyTestRunner(program: model)
        runner.inspect = recorder.record
        _ = try runner.run(model.tests, on: &engine)
        return recorder.report(tests: model.tests)
    }

    @Test func testsFireRulesAndConditionsGetStatuses() throws {
        let report = try Self.report()
        let rules = Dictionary(uniqueKeysWithValues: report.rules.map { ($0.name, $0) })
        // The failed given still left the baseline's recommendation in place, but its
        // expectations were not checked: it does not count.
        #expect(rules["busy"]?.firedBy == ["busy", "an alert comes and goes"])
        #expect(rules["busy"]?.firesInBaseline == true)
        #expect(rules["clear_alert"]?.firedBy == ["an alert comes and goes"])
        #expect(rules["clear_alert"]?.firedByGivens == true)
        #expect(rules["above_korea"]?.firedBy == [])
        #expect(rules["above_korea"]?.conditions.map(\.status) == [.neverTrue])
        // The alert is retracted at once, so no state where expectations were checked
        // holds it: its conditions are never reached.
        #expect(rules["alert_for_a_region"]?.conditions.map(\.status) == [.neverTrue, .neverReached, .neverReached])
        #expect(rules["alert_for_a_region"]?.conditions.map(\.text)
                == ["$a: Alert(10 / level > 0)", "Region(name == $a.region)", "test $a.region == \"nowhere\""])
        #expect(report.coveredRules == 2)
        #expect(report.ruleCoverage == 50)
        #expect(report.ruleCoverage(isBelow: 50.5))
        #expect(!report.ruleCoverage(isBelow: 50))
    }

    /// Without `startCountingFirings()`, only what holds where expectations were checked
    /// counts: the rule that undid its own match is missed.
    @Test func withoutCountingOnlyHoldingMatchesCount() throws {
        let report = try Self.report(countFirings: false)
        #expect(report.rules.first { $0.name == "clear_alert" }?.firedBy == [])
        #expect(report.rules.first { $0.name == "busy" }?.firedBy == ["busy", "an alert comes and goes"])
    }
}
