import AccordCheck
import AccordEngine
import AccordSyntax
import AccordTooling
import Testing

/// The policy test runner on a small rule base: each kind of expectation passing and
/// failing, negation, score bounds, givens (scenario, extended scenario, inline,
/// several), errors in givens, cancellation, and that every test starts from the
/// baseline whatever the tests before it changed.
@Suite struct PolicyTestRunnerTests {
    static let rules = """
    template Region { key name; name: string, country: string, trade: float = 0 }
    template Agreement { parties: [string] }
    template Corridor { from: string, to: string }
    facts {
      Region { name: "Heilongjiang", country: "CN", trade: 23.2 }
      Region { name: "Jilin", country: "CN", trade: 6 }
      Region { name: "Amur Oblast", country: "RU" }
    }
    rule corridor {
      when
        $cn: Region(country == "CN")
        $ru: Region(country == "RU")
      then
        derive Corridor { from: $cn.name, to: $ru.name }
    }
    rule sign {
      when
        $c: Corridor()
        $r: Region(name == $c.from)
        not Agreement($c.from in parties)
      then
        recommend "Sign with {$c.to}" { subject: $c.from, score: 0.5 + $r.trade / 100 }
    }
    rule grow {
      when
        $r: Region(country == "CN", trade < 10)
      then
        recommend "Grow trade" { subject: $r.name, score: 0.3 }
    }
    rule split {
      when
        $r: Region(country == "CN", 100 / trade > 1)
      then
        recommend "Split trade" { subject: $r.name, score: 0.1 }
    }
    scenario signed { assert Agreement { parties: ["Heilongjiang", "Amur Oblast"] } }
    scenario all_signed {
      extends signed
      assert Agreement { parties: ["Jilin", "Amur Oblast"] }
    }
    """

    /// Tests that change the facts in every way a given can, and one that checks the
    /// baseline: run in any order, each must see the baseline.
    static let changingTests = """
    test "retract and assert" {
      given {
        retract Region["Amur Oblast"]
        assert Region { name: "Primorsky Krai", country: "RU" }
      }
      expect fact Corridor(to == "Primorsky Krai")
      expect no fact Corridor(to == "Amur Oblast")
    }
    test "modify" {
      given {
        modify Region["Jilin"] { trade: 50 }
      }
      expect no recommend grow
      expect recommend sign for "Jilin" with score == 1.0
    }
    test "an extended scenario" {
      given all_signed
      expect no recommend sign
      expect fact Agreement("Jilin" in parties)
    }
    test "baseline" {
      expect recommend sign for "Heilongjiang" with score == 0.732
      expect recommend grow for "Jilin"
      expect fact Corridor(to == "Amur Oblast")
      expect no fact Agreement()
      expect no fact Region(name == "Primorsky Krai")
    }
    test "fails at the baseline" {
      expect recommend grow for "Heilongjiang"
      expect fact Agreement()
    }
    """

    struct Suite {
        var engine: Engine
        let program: CheckedProgram
    }

    static func suite(_ tests: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Suite {
        let analysis = Frontend.analyze(text: rules + "\n" + tests, path: "tests.accord")
        let errors = analysis.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(DiagnosticRenderer().render(errors))", sourceLocation: sourceLocation)
        guard let model = analysis.model, errors.isEmpty else { throw ReportFixture.FixtureError.invalidProgram }
        let engine = try Engine(program: model)
        try engine.run()
        return Suite(engine: engine, program: model)
    }

    static func run(_ tests: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> [PolicyTestResult] {
        var suite = try suite(tests, sourceLocation: sourceLocation)
        return try PolicyTestRunner(program: suite.program).run(suite.program.tests, on: &suite.engine)
    }

    /// The failure reasons of a one-test suite.
    static func failures(_ entries: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws
        -> [ExpectationFailure.Reason] {
        let results = try run("test \"t\" {\n\(entries)\n}", sourceLocation: sourceLocation)
        guard case .failed(let failures)? = results.first?.outcome else { return [] }
        return failures.map(\.reason)
    }

    @Test func passingExpectationsOfEachKind() throws {
        let results = try Self.run("""
        test "all hold" {
          expect recommend sign
          expect recommend sign for "Jilin"
          expect recommend sign for "Jilin" with score < 0.6
          expect no recommend sign for "Amur Oblast"
          expect no recommend grow with score > 0.5
          expect fact Corridor(from == "Jilin")
          expect no fact Agreement()
        }
        """)
        #expect(results.map(\.passed) == [true])
        #expect(results.first?.name == "all hold")
        // The test starts on the line after the rules.
        #expect(results.first?.location == "tests.accord:\(Self.rules.split(separator: "\n").count + 1)")
    }

    @Test func aMissingRecommendationShowsWhatTheRuleProduced() throws {
        let reasons = try Self.failures("expect recommend sign for \"Jilin\" with score >= 0.6")
        guard case .recommendationMissing(let query, let produced, let nearest)? = reasons.first else {
            Issue.record("expected a missing recommendation, got \(reasons)")
            return
        }
        #expect(query == RecommendationQuery(rule: "sign", subject: "Jilin", score: ScoreBound(comparison: .greaterEqual, value: 0.6)))
        #expect(produced.map(\.subject) == ["Heilongjiang", "Jilin"])
        #expect(nearest == nil)
    }

    /// A rule with no recommendation at all: the nearest are the subject's from other
    /// rules, or without a subject (or when it has none) the best ranked.
    @Test func aRuleThatProducedNothingShowsTheNearestRecommendations() throws {
        let reasons = try Self.failures("""
        given signed
        given {
          assert Agreement { parties: ["Jilin"] }
        }
        expect recommend sign for "Jilin"
        expect recommend sign
        expect recommend sign for "Amur Oblast"
        """)
        let nearest = reasons.map { reason -> NearestRecommendations? in
            if case .recommendationMissing(_, let produced, let nearest) = reason, produced.isEmpty { return nearest }
            return nil
        }
        #expect(nearest.map { $0?.kind } == [.sameSubject("Jilin"), .topRanked, .topRanked])
        #expect(nearest.map { $0?.recommendations.map(\.rule) } == [["grow", "split"], ["grow", "split", "split"], ["grow", "split", "split"]])
    }

    @Test func aPresentRecommendationShowsTheMatches() throws {
        let reasons = try Self.failures("expect no recommend sign with score > 0.5")
        guard case .recommendationPresent(_, let matches)? = reasons.first else {
            Issue.record("expected a present recommendation, got \(reasons)")
            return
        }
        #expect(matches.map(\.subject) == ["Heilongjiang", "Jilin"])
    }

    @Test func aMissingFactShowsTheTemplatesFacts() throws {
        let reasons = try Self.failures("""
        expect fact Region(trade > 100)
        expect fact Agreement()
        """)
        guard reasons.count == 2, case .factMissing(let query, let total, let examples) = reasons[0],
              case .factMissing(_, let none, let noExamples) = reasons[1] else {
            Issue.record("expected two missing facts, got \(reasons)")
            return
        }
        #expect(query == FactQuery(template: "Region", key: ["name"], pattern: "Region(trade > 100)"))
        #expect(total == 3)
        #expect(examples.count == 3)
        #expect(none == 0 && noExamples.isEmpty)
    }

    @Test func aPresentFactShowsTheMatches() throws {
        let reasons = try Self.failures("expect no fact Corridor(to == \"Amur Oblast\")")
        guard case .factPresent(let query, let matches)? = reasons.first else {
            Issue.record("expected a present fact, got \(reasons)")
            return
        }
        #expect(query.key.isEmpty)
        #expect(matches.count == 2)
    }

    @Test func scoreBoundsCompareWithATolerance() {
        let cases: [(BinaryOperator, Double, Double, Bool)] = [
            (.equal, 0.3, 0.1 + 0.2, true), (.notEqual, 0.3, 0.1 + 0.2, false), (.equal, 0.3, 0.31, false),
            (.notEqual, 0.3, 0.31, true), (.less, 0.3, 0.1 + 0.2, false), (.less, 0.3, 0.2, true),
            (.lessEqual, 0.3, 0.1 + 0.2, true), (.lessEqual, 0.3, 0.4, false), (.greater, 0.3, 0.1 + 0.2, false),
            (.greater, 0.3, 0.4, true), (.greaterEqual, 0.3, 0.1 + 0.2, true), (.greaterEqual, 0.3, 0.2, false),
            (.greaterEqual, 0.3, 0.3 - 1e-10, true), (.greater, 0.3, 0.3 + 1e-6, true),
        ]
        for (comparison, bound, score, accepted) in cases {
            #expect(ScoreBound(comparison: comparison, value: bound).accepts(score) == accepted,
                    "\(score) \(comparison.rawValue) \(bound)")
        }
    }

    /// Subjects and bounds are any expression that reads no fact, evaluated by the engine.
    @Test func subjectsAndBoundsMayBeExpressions() throws {
        let results = try Self.run("""
        test "computed" {
          expect recommend sign for "Heilong" + "jiang" with score == 0.5 + 23.2 / 100
          expect recommend grow with score == count(Region(country == "RU")) * 0.3
        }
        """)
        #expect(results.map(\.passed) == [true])
    }

    @Test func everyTestStartsFromTheBaselineInAnyOrder() throws {
        var suite = try Self.suite(Self.changingTests)
        let baselineFacts = suite.engine.contents
        let baselineRecommendations = suite.engine.recommendations()
        let runner = PolicyTestRunner(program: suite.program)
        let forward = try runner.run(suite.program.tests, on: &suite.engine)
        let backward = try runner.run(suite.program.tests.reversed(), on: &suite.engine)
        #expect(forward.map(\.passed) == [true, true, true, true, false])
        let report = PolicyTestReport()
        #expect(forward.map(report.block) == backward.reversed().map(report.block))
        #expect(suite.engine.contents == baselineFacts)
        #expect(suite.engine.recommendations() == baselineRecommendations)
        #expect(suite.engine.openCheckpoints == 0)
    }

    /// A run-time error in a given fails that test with the error; the next test runs
    /// from the baseline.
    @Test func anErrorInAGivenFailsOnlyThatTest() throws {
        var suite = try Self.suite("""
        test "no trade" {
          given {
            modify Region["Jilin"] { trade: 0 }
          }
          expect recommend grow for "Jilin"
        }
        test "after" {
          expect recommend split for "Jilin"
        }
        """)
        let baseline = suite.engine.contents
        let results = try PolicyTestRunner(program: suite.program).run(suite.program.tests, on: &suite.engine)
        #expect(results.map(\.passed) == [false, true])
        guard case .givenFailed(let failure)? = results.first?.outcome else {
            Issue.record("expected a failed given, got \(String(describing: results.first?.outcome))")
            return
        }
        #expect(failure.diagnostic?.code == "run.error")
        #expect(failure.diagnostic?.message == "rule `split`: division by zero")
        #expect(failure.diagnostic?.notes.map(\.message) == ["while applying this `given`"])
        #expect(failure.given?.text.hasPrefix("given {") == true)
        #expect(suite.engine.contents == baseline)
    }

    @Test func theFiringLimitFailsTheTestThatReachesIt() throws {
        var suite = try Self.suite("""
        template Counter { key name; name: string, value: int = 0 }
        rule tick { when $c: Counter() then modify $c { value: $c.value + 1 } }
        test "endless" {
          given signed
          given {
            assert Counter { name: "c" }
          }
          expect fact Counter()
        }
        test "after" {
          expect no fact Counter()
        }
        """)
        let runner = PolicyTestRunner(program: suite.program, maxFirings: 20)
        let results = try runner.run(suite.program.tests, on: &suite.engine)
        #expect(results.map(\.passed) == [false, true])
        guard case .givenFailed(let failure)? = results.first?.outcome, case .firingLimit(20, "tick", _) = failure.error else {
            Issue.record("expected the firing limit, got \(String(describing: results.first?.outcome))")
            return
        }
        #expect(failure.diagnostic == nil)
    }

    /// Between tests: the results so far were heard, and the suite stops.
    @Test func aCancellationBetweenTestsStopsTheSuite() throws {
        var suite = try Self.suite(Self.changingTests)
        let baseline = suite.engine.contents
        var cancelled = false
        let runner = PolicyTestRunner(program: suite.program, isCancelled: { cancelled })
        var heard: [String] = []
        #expect {
            _ = try runner.run(suite.program.tests, on: &suite.engine) { result in
                heard.append(result.name)
                cancelled = true
            }
        } throws: { error in
            if case EngineError.cancelled = error { return true }
            return false
        }
        #expect(heard == ["retract and assert"])
        #expect(suite.engine.contents == baseline)
    }

    /// Inside a given's run: the test is rolled back, and the cancellation, not a test
    /// failure, comes out.
    @Test func aCancellationInsideATestRollsItBack() throws {
        var suite = try Self.suite(Self.changingTests)
        let baseline = suite.engine.contents
        var asked = 0
        let runner = PolicyTestRunner(program: suite.program, isCancelled: {
            asked += 1
            return asked > 2
        })
        var heard: [String] = []
        #expect {
            _ = try runner.run(suite.program.tests, on: &suite.engine) { heard.append($0.name) }
        } throws: { error in
            if case EngineError.cancelled = error { return true }
            return false
        }
        #expect(heard.isEmpty)
        #expect(suite.engine.contents == baseline)
        #expect(suite.engine.openCheckpoints == 0)
    }

    @Test func theFilterSelectsByNameIgnoringCase() throws {
        let suite = try Self.suite(Self.changingTests)
        let names = { (filter: String?) in PolicyTestRunner.select(suite.program.tests, filter: filter).map(\.name.value) }
        #expect(names("BASELINE") == ["baseline", "fails at the baseline"])
        #expect(names("") == names(nil))
        #expect(names(nil).count == 5)
        #expect(names("nothing like it").isEmpty)
    }
}

extension Engine {
    /// The facts as sorted text, without ids: a rollback brings back the same facts, but
    /// derives the logical ones anew, under new ids.
    var contents: [String] {
        facts().map { fact in
            let fields = fact.fields.map { "\($0.name): \($0.value)" }.joined(separator: ", ")
            return "\(fact.template) { \(fields) }\(fact.isLogical ? " (logical)" : "")"
        }.sorted()
    }
}
