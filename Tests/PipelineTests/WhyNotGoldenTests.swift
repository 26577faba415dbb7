import AccordTestSupport
import Foundation
import Testing

/// `accord whynot` on the fixture in `Tests/Fixtures/whynot/rules`: every kind of failing
/// condition and suggested change, in text and JSON, pinned by goldens beside it
/// (`<case>.txt`, `<case>.json`); and `accord run --explain` there, whose explanations
/// show bindings, an aggregate with its facts, a `not` and `test`s. Runs inside
/// `Tests/Fixtures/whynot` with the relative path `rules`. `ACCORD_UPDATE_GOLDEN=1`
/// rewrites the goldens.
@Suite struct WhyNotGoldenTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let arguments: [String]
        var testDescription: String { name }
    }

    static let folder = Fixtures.path("whynot")

    static let cases: [Case] = [
        Case(name: "int_threshold", arguments: ["trade_push", "--subject", "Jilin"]),
        Case(name: "float_threshold", arguments: ["gdp_fund", "--subject", "Jilin"]),
        Case(name: "blocking_not", arguments: ["seek_agreement", "--subject", "Jilin"]),
        Case(name: "missing_fact", arguments: ["hub_logistics", "--subject", "Jilin"]),
        Case(name: "no_facts", arguments: ["deep_berth", "--subject", "Jilin"]),
        Case(name: "count_short", arguments: ["road_network", "--subject", "Jilin"]),
        Case(name: "unkeyed_replaced", arguments: ["hub_port", "--subject", "Heilongjiang"]),
        Case(name: "test_on_binding", arguments: ["busy_border", "--subject", "Jilin"]),
        Case(name: "pair", arguments: ["deep_port", "--subject", "Jilin"]),
        Case(name: "nothing_verifies", arguments: ["impossible", "--subject", "Jilin"]),
        Case(name: "fired", arguments: ["trade_push", "--subject", "Heilongjiang"]),
        Case(name: "fired_any_subject", arguments: ["trade_push"]),
        Case(name: "scenario", arguments: ["trade_push", "--subject", "Jilin", "--scenario", "jilin_trades"]),
    ]

    @Test(arguments: cases)
    func textMatchesGolden(_ golden: Case) throws {
        let result = try Accord.run(["whynot"] + golden.arguments + ["rules"], directory: Self.folder)
        #expect(result.status == 0, "\(result.stderr)")
        let mismatch = Golden.check(result.stdout, against: Self.folder + "/" + golden.name + ".txt")
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }

    @Test(arguments: cases)
    func jsonMatchesGolden(_ golden: Case) throws {
        let result = try Accord.run(["whynot"] + golden.arguments + ["rules", "--format", "json"], directory: Self.folder)
        #expect(result.status == 0, "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(object?.keys.sorted() == ["changes", "closest", "failed", "fired", "rule", "subject"])
        let mismatch = Golden.check(result.stdout, against: Self.folder + "/" + golden.name + ".json")
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }

    @Test(arguments: [("explain.txt", ["--explain"]), ("explain.json", ["--format", "json"]),
                      ("explain.md", ["--format", "markdown", "--explain"])])
    func explanationsMatchGolden(_ golden: String, _ arguments: [String]) throws {
        let result = try Accord.run(["run", "rules"] + arguments, directory: Self.folder)
        #expect(result.status == 0, "\(result.stderr)")
        let mismatch = Golden.check(result.stdout, against: Self.folder + "/" + golden)
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }

    /// docs/explain.md quotes these goldens; they must not drift apart.
    @Test func documentationQuotesTheGoldens() throws {
        let docs = Fixtures.read(Fixtures.root + "/../../docs/explain.md")
        #expect(docs.contains(Fixtures.read(Self.folder + "/int_threshold.txt")))
        let pair = Fixtures.read(Self.folder + "/pair.txt")
        let changes = try #require(pair.range(of: "changes that make it fire"))
        #expect(docs.contains(String(pair[changes.lowerBound...])))
        let explain = Fixtures.read(Self.folder + "/explain.txt")
        let tree = try #require(explain.range(of: "   because:\n     $r: Region[\"Heilongjiang\"]", options: .backwards))
        #expect(docs.contains(String(explain[tree.lowerBound...])))
    }

    @Test func unknownRuleIsBadUsageWithASuggestion() throws {
        let result = try Accord.run(["whynot", "trade_psh", "rules"], directory: Self.folder)
        #expect(result.status == 2)
        #expect(result.stdout == "")
        #expect(result.stderr.contains("accord: error: no rule `trade_psh`\nnote: did you mean `trade_push`?\n"))
    }

    @Test func firedOrNotExitsZero() throws {
        for rule in ["trade_push", "impossible"] {
            let result = try Accord.run(["whynot", rule, "rules", "--subject", "Jilin"], directory: Self.folder)
            #expect(result.status == 0, "\(rule): \(result.stderr)")
        }
    }

    @Test func unknownScenarioAndBadFormatAreBadUsage() throws {
        let scenario = try Accord.run(["whynot", "trade_push", "rules", "--scenario", "nope"], directory: Self.folder)
        #expect(scenario.status == 2)
        let format = try Accord.run(["whynot", "trade_push", "rules", "--format", "yaml"], directory: Self.folder)
        #expect(format.status == 2)
    }

    /// The trial runs that verify changes are not the session's: their `print` lines are
    /// not shown.
    @Test func verifyingPrintsNothing() throws {
        let folder = NSTemporaryDirectory() + "accord-whynot-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try """
        template Region {
          key name
          name: string
          trade: int = 0
        }
        facts {
          Region { name: "Jilin", trade: 4 }
        }
        rule talk {
          when
            $r: Region(trade > 10)
          then
            print "trade in {$r.name}"
            recommend "Trade {$r.name}" { subject: $r.name }
        }
        """.write(toFile: folder + "/print.accord", atomically: true, encoding: .utf8)
        let result = try Accord.run(["whynot", "talk", "print.accord", "--subject", "Jilin"], directory: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasSuffix("  modify Region[\"Jilin\"] { trade: 11 }  // trade = 4, needs > 10\n"))
        #expect(!result.stdout.contains("trade in") && !result.stderr.contains("trade in"))
    }

    @Test func firingLimitExitsOne() throws {
        let result = try Accord.run(["whynot", "trade_push", "rules", "--max-firings", "1"], directory: Self.folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("firing"))
    }
}
