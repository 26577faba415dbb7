import AccordTestSupport
import Foundation
import Testing

/// `accord run`'s exit codes and error messages: 0 success; 1 checker errors, run-time
/// errors, the firing limit and timeouts; 2 syntax errors, unknown scenarios and bad
/// usage; 130 Ctrl-C.
@Suite struct RunExitCodeTests {
    static let folder = Fixtures.path("run")

    static func run(_ arguments: [String], interruptAfter: Double? = nil) throws -> Accord.Result {
        try Accord.run(["run"] + arguments, directory: folder, interruptAfter: interruptAfter)
    }

    @Test func syntaxErrorsExitWithTwo() throws {
        let result = try Accord.run(["run", Fixtures.path("parse/missing_brace.accord")])
        #expect(result.status == 2)
        #expect(result.stderr.contains("missing_brace.accord:6:55: error: "))
        #expect(result.stdout == "")
    }

    @Test func checkerErrorsExitWithOne() throws {
        let folder = try Scratch.folder()
        try "rule r {\n  when\n    $p: Prak()\n  then\n    halt\n}\n".write(toFile: folder + "/r.accord", atomically: true, encoding: .utf8)
        let result = try Accord.run(["run", folder])
        #expect(result.status == 1)
        #expect(result.stderr.contains("r.accord:3:9: error: unknown template `Prak`"))
        #expect(result.stdout == "")
    }

    @Test func anUnknownScenarioExitsWithTwoAndListsTheKnownOnes() throws {
        let result = try Self.run(["rules", "--scenario", "heilongjiang_signs"])
        #expect(result.status == 2)
        #expect(result.stderr == "accord: error: no scenario `heilongjiang_signs`\nnote: the rules define `heilongjiang_signs_ecommerce`\n")
        #expect(result.stdout == "")
    }

    @Test func divisionByZeroInAnActionPointsAtTheExpression() throws {
        let result = try Self.run(["cases/division_in_action.accord"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("cases/division_in_action.accord:16:73: error: rule `ports_per_region`: division by zero\n"))
        #expect(result.stderr.contains("^~~~~~~~~~~~~~~~~~~"))
        #expect(result.stdout == "")
    }

    @Test func divisionByZeroInAConditionNamesTheRule() throws {
        let result = try Self.run(["cases/division_in_condition.accord"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("cases/division_in_condition.accord:15:16: error: rule `trade_per_park`: division by zero\n"))
    }

    @Test func divisionByZeroWhileAScenarioAppliesNamesTheRule() throws {
        let result = try Self.run(["cases/division_in_scenario.accord", "--scenario", "parks_close"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("cases/division_in_scenario.accord:16:16: error: rule `trade_per_park`: division by zero\n"))
        #expect(!result.stderr.contains("note:"))
    }

    /// The failing condition belongs to one rule, the change that reached it was made by
    /// another: the error names the first and notes the second.
    @Test func divisionByZeroAfterAnotherRulesChangeNamesBoth() throws {
        let result = try Self.run(["cases/division_in_scenario.accord"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("cases/division_in_scenario.accord:16:16: error: rule `trade_per_park`: division by zero\n"))
        #expect(result.stderr.hasSuffix("note: while rule `close_parks` was firing\n"))
    }

    @Test func theFiringLimitNamesTheBusiestRule() throws {
        let result = try Self.run(["cases/endless_counter.accord", "--max-firings", "30"])
        #expect(result.status == 1)
        #expect(result.stderr == "accord: error: stopped after 30 firings: rule `tick` fired 27 times; raise --max-firings if the rules are meant to run this long\n")
        // Printed lines came before the error, in firing order.
        #expect(result.stdout == "passed 5\npassed 15\npassed 25\n")
    }

    @Test func maxFiringsIsHonoured() throws {
        let short = try Self.run(["cases/endless_counter.accord", "--max-firings", "7", "--format", "json"])
        #expect(short.status == 1)
        #expect(short.stderr.contains("stopped after 7 firings: rule `tick` fired 6 times"))
        let enough = try Self.run(["cases/printing.accord", "--max-firings", "1", "--format", "json"])
        #expect(enough.status == 0, "\(enough.stderr)")
        #expect(enough.stdout.contains("\"firings\": 1\n"))
        let invalid = try Self.run(["cases/printing.accord", "--max-firings", "0"])
        #expect(invalid.status == 2)
    }

    @Test func aTimeoutStopsTheRunWithOne() throws {
        let result = try Self.run(["cases/endless_counter.accord", "--max-firings", "1000000000000", "--timeout", "0.3",
                                   "--format", "json"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("accord: error: timed out after 0.3 s ("))
        #expect(result.stdout == "")
    }

    @Test func ctrlCStopsTheRunWith130() throws {
        let result = try Self.run(["cases/endless_counter.accord", "--max-firings", "1000000000000", "--timeout", "60"],
                                  interruptAfter: 1)
        #expect(result.status == 130)
        #expect(result.stderr.hasPrefix("interrupted: the run stopped after "))
    }

    @Test func badFilterValuesAreUsageErrors() throws {
        #expect(try Self.run(["rules", "--top", "0"]).status == 2)
        #expect(try Self.run(["rules", "--timeout", "-1"]).status == 2)
        #expect(try Self.run(["rules", "--format", "yaml"]).status == 2)
    }
}
