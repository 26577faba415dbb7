import AccordTestSupport
import Foundation
import Testing

/// `accord whatif` and `accord sweep`'s errors and exit codes: 2 for an unknown
/// scenario and every mistake in `--vary` or the values (each message names what is
/// wrong, with a "did you mean" where a close name exists); 1 for an engine error,
/// rendered as a diagnostic with a caret.
@Suite struct WhatIfExitCodeTests {
    static let folder = Fixtures.path("whatif")
    static let jilinTrade = #"Region["Jilin"].trade_busd"#

    static func run(_ arguments: [String]) throws -> Accord.Result {
        try Accord.run(arguments, directory: folder)
    }

    static func sweep(_ vary: String, _ values: [String]) throws -> Accord.Result {
        try run(["sweep", "rules", "--vary", vary] + values)
    }

    @Test func anUnknownScenarioExitsWithTwoAndListsTheKnownOnes() throws {
        let known = "note: the rules define `heilongjiang_signs_ecommerce`, `bigger_push`, `amur_trade_figure`\n"
        let whatIf = try Self.run(["whatif", "rules", "--scenario", "bigger_push", "--scenario", "biger_push"])
        #expect(whatIf.status == 2)
        #expect(whatIf.stderr == "accord: error: no scenario `biger_push`\n" + known)
        #expect(whatIf.stdout == "")
        let sweep = try Self.sweep(Self.jilinTrade, ["--values", "1", "--scenario", "nope"])
        #expect(sweep.status == 2)
        #expect(sweep.stderr == "accord: error: no scenario `nope`\n" + known)
    }

    @Test func whatIfNeedsAScenario() throws {
        let result = try Self.run(["whatif", "rules"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("name a scenario with --scenario NAME"))
    }

    @Test func aMalformedReferenceIsUnderlined() throws {
        let result = try Self.sweep(#"Region["Jilin"]trade_busd"#, ["--values", "1"])
        #expect(result.status == 2)
        #expect(result.stderr == """
            accord: error: expected `.` and a field name after `]`, found `trade_busd`
              Region["Jilin"]trade_busd
                             ^~~~~~~~~~
            note: write it as Template["key"].field, for example Region["Jilin"].trade_busd

            """)
        #expect(result.stdout == "")
    }

    /// The shell took the quotes: the note says how to keep them.
    @Test func anUnquotedKeyExplainsTheQuotes() throws {
        let result = try Self.sweep("Region[Jilin].trade_busd", ["--values", "1"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("accord: error: expected a key value (a string, a number, true or false), found `Jilin`\n"))
        #expect(result.stderr.contains("in a shell, put the whole reference in single quotes"))
    }

    @Test func anUnknownFieldSuggestsTheClosestOne() throws {
        let result = try Self.sweep(#"Region["Jilin"].trade"#, ["--from", "0", "--to", "1", "--step", "1"])
        #expect(result.status == 2)
        #expect(result.stderr == "accord: error: `Region` has no field `trade`\nnote: did you mean `trade_busd`?\n")
    }

    @Test func anUnknownTemplateSuggestsTheClosestOne() throws {
        let result = try Self.sweep(#"Regoin["Jilin"].trade_busd"#, ["--values", "1"])
        #expect(result.status == 2)
        #expect(result.stderr == "accord: error: no template `Regoin`\nnote: did you mean `Region`?\n")
    }

    @Test func aMissingFactSuggestsTheClosestKey() throws {
        let result = try Self.sweep(#"Region["Jillin"].trade_busd"#, ["--values", "1"])
        #expect(result.status == 2)
        #expect(result.stderr == "accord: error: no `Region` fact with key \"Jillin\"\nnote: did you mean `Region[\"Jilin\"]`?\n")
        #expect(result.stdout == "")
    }

    /// The fact is looked up after the scenario: one the scenario retracts is missing.
    @Test func aFactTheScenarioRetractsIsMissing() throws {
        let folder = try Scratch.folder()
        let rules = """
            template Park {
              key name
              name: string
              enterprises: int = 0
            }
            facts {
              Park { name: "Harbin New Area" }
            }
            scenario closes {
              retract Park["Harbin New Area"]
            }

            """
        try rules.write(toFile: folder + "/parks.accord", atomically: true, encoding: .utf8)
        let vary = #"Park["Harbin New Area"].enterprises"#
        let plain = try Accord.run(["sweep", "parks.accord", "--vary", vary, "--values", "1"], directory: folder)
        #expect(plain.status == 0, "\(plain.stderr)")
        let closed = try Accord.run(["sweep", "parks.accord", "--vary", vary, "--values", "1", "--scenario", "closes"],
                                    directory: folder)
        #expect(closed.status == 2)
        #expect(closed.stderr == "accord: error: no `Park` fact with key \"Harbin New Area\"\n")
    }

    @Test func aKeyFieldOrAListFieldCannotBeVaried() throws {
        let key = try Self.sweep(#"Region["Jilin"].name"#, ["--values", "Harbin"])
        #expect(key.status == 2)
        #expect(key.stderr.contains("cannot vary `name`: it is part of `Region`'s key"))
        let list = try Self.sweep(#"Region["Jilin"].borders"#, ["--values", "x"])
        #expect(list.status == 2)
        #expect(list.stderr.contains("cannot vary `borders`, a `[string]` field"))
        let unkeyed = try Self.sweep(#"Hub["x"].park"#, ["--values", "x"])
        #expect(unkeyed.status == 2)
        #expect(unkeyed.stderr.contains("`Hub` has no key field"))
    }

    @Test func anIntFieldRefusesANonIntegralStep() throws {
        let result = try Self.sweep(#"Park["Tomsk Wood Zone"].enterprises"#, ["--from", "0", "--to", "10", "--step", "2.5"])
        #expect(result.status == 2)
        #expect(result.stderr == "accord: error: --step: `2.5` is not a whole number, and `enterprises` is an int field\n")
        let values = try Self.sweep(#"Park["Tomsk Wood Zone"].enterprises"#, ["--values", "1,1.5"])
        #expect(values.status == 2)
        #expect(values.stderr.contains("`1.5` is not a whole number"))
    }

    @Test func theStepMustBeNonzeroAndGoTowardTheEnd() throws {
        let zero = try Self.sweep(Self.jilinTrade, ["--from", "0", "--to", "10", "--step", "0"])
        #expect(zero.status == 2)
        #expect(zero.stderr == "accord: error: --step must not be 0\n")
        let away = try Self.sweep(Self.jilinTrade, ["--from", "10", "--to", "0", "--step", "1"])
        #expect(away.status == 2)
        #expect(away.stderr == "accord: error: --step 1 moves away from --to\nnote: going from 10 to 0 needs a negative step\n")
    }

    @Test func tooManyPointsIsAnError() throws {
        let result = try Self.sweep(Self.jilinTrade, ["--from", "0", "--to", "1", "--step", "0.000001"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("accord: error: the range has 1000001 points; a sweep tries at most 100000\n"))
    }

    @Test func valuesMustFitTheField() throws {
        let number = try Self.sweep(Self.jilinTrade, ["--values", "1,abc"])
        #expect(number.status == 2)
        #expect(number.stderr == "accord: error: --values: `abc` is not a number, and `trade_busd` is a float field\n")
        let range = try Self.sweep(#"Region["Jilin"].country"#, ["--from", "1", "--to", "2", "--step", "1"])
        #expect(range.status == 2)
        #expect(range.stderr.contains("--from, --to and --step need a number field, and `country` is a string"))
    }

    @Test func rangeAndValuesDoNotMix() throws {
        let both = try Self.sweep(Self.jilinTrade, ["--values", "1", "--from", "0"])
        #expect(both.status == 2)
        #expect(both.stderr.contains("give either --values or --from, --to and --step, not both"))
        let partial = try Self.sweep(Self.jilinTrade, ["--from", "0", "--to", "1"])
        #expect(partial.status == 2)
        #expect(partial.stderr.contains("--from, --to and --step go together; missing --step"))
    }

    /// An engine error while a scenario applies is a run-time failure (1), rendered with a caret.
    @Test func aRuntimeErrorInAScenarioExitsWithOne() throws {
        let folder = try Scratch.folder()
        let rules = """
            template Region {
              key name
              name: string
              trade: float = 0
              parks: int = 1
            }
            facts {
              Region { name: "Jilin", trade: 6, parks: 2 }
            }
            rule trade_per_park {
              when
                $r: Region(trade / parks > 1)
              then
                recommend "Grow parks in {$r.name}" { subject: $r.name }
            }
            scenario parks_close {
              modify Region["Jilin"] { parks: 0 }
            }

            """
        try rules.write(toFile: folder + "/rules.accord", atomically: true, encoding: .utf8)
        let whatIf = try Accord.run(["whatif", "rules.accord", "--scenario", "parks_close"], directory: folder)
        #expect(whatIf.status == 1)
        #expect(whatIf.stderr.hasPrefix("rules.accord:12:16: error: rule `trade_per_park`: division by zero\n"))
        #expect(whatIf.stderr.contains("^~~~~~~~~~~~~"))
        #expect(whatIf.stdout == "")
        let sweep = try Accord.run(["sweep", "rules.accord", "--vary", #"Region["Jilin"].parks"#, "--values", "1,0"], directory: folder)
        #expect(sweep.status == 1)
        #expect(sweep.stderr.hasPrefix("rules.accord:12:16: error: rule `trade_per_park`: division by zero\n"))
    }

    /// A counter that counts up to its limit: a scenario or a sweep value that raises
    /// the limit makes the run long.
    static let counter = CounterRuleBase.text + """

        scenario endless {
          modify Counter["c"] { limit: 1000000000000 }
        }

        """

    @Test func theFiringLimitStopsASweepWithOne() throws {
        let folder = try Scratch.folder()
        try Self.counter.write(toFile: folder + "/counter.accord", atomically: true, encoding: .utf8)
        let result = try Accord.run(["sweep", "counter.accord", "--vary", #"Counter["c"].limit"#, "--values", "5,1000",
                                     "--max-firings", "100"], directory: folder)
        #expect(result.status == 1)
        #expect(result.stderr == "accord: error: stopped after 100 firings: rule `tick` fired 100 times; raise --max-firings if the rules are meant to run this long\n")
        #expect(result.stdout == "")
    }

    @Test func ctrlCInterruptsAScenarioWith130() throws {
        let folder = try Scratch.folder()
        try Self.counter.write(toFile: folder + "/counter.accord", atomically: true, encoding: .utf8)
        let result = try Accord.run(["whatif", "counter.accord", "--scenario", "endless"], directory: folder, interruptAfter: 1)
        #expect(result.status == 130)
        // With the firings counted, unless undoing the scenario outlasted the watchdog.
        #expect(result.stderr.hasPrefix("interrupted: scenario `endless`"))
        #expect(result.stdout == "")
    }
}
