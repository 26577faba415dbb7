import AccordTestSupport
import Foundation
import Testing

/// `accord run --profile`: the report unchanged, then the profile; in JSON a
/// `"profile"` object after `"stats"` whose firings add up to the run's.
@Suite struct ProfileCommandTests {
    static let folder = Fixtures.path("run")

    @Test func textAppendsTheTablesAfterTheReport() throws {
        let result = try Accord.run(["run", "rules", "--profile"], directory: Self.folder)
        #expect(result.status == 0, "\(result.stderr)")
        let report = Fixtures.read(Self.folder + "/run.txt")
        #expect(result.stdout.hasPrefix(report + "\nProfile\n\n"))
        let profile = result.stdout.dropFirst(report.count)
        let lines = profile.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("rule ") && $0.hasSuffix("activations  firings  time ms  matching ms") })
        #expect(lines.contains { $0.hasPrefix("node  where ") && $0.hasSuffix("left  right  join tests  rules") })
        // Rule rows: the name, then activations and firings exactly, then two times.
        let expected = ["border_corridor": "2 2", "corridor_agreement": "2 2", "park_tech_transfer_hub": "2 2", "port_freight": "1 1"]
        for (rule, counts) in expected {
            let row = try #require(lines.first { $0.hasPrefix(rule + " ") }, "\(rule)")
            let cells = row.split(separator: " ")
            #expect(cells.count == 5, "\(row)")
            #expect(cells[1...2].joined(separator: " ") == counts, "\(row)")
            #expect(cells[3...4].allSatisfy { $0.wholeMatch(of: /[0-9]+\.[0-9]{3}/) != nil }, "\(row)")
        }
        #expect(lines.contains { $0.wholeMatch(of: /matching outside rule actions \(facts, scenario\): [0-9]+\.[0-9]{3} ms/) != nil })
    }

    @Test func jsonAddsProfileAfterStats() throws {
        let result = try Accord.run(["run", "rules", "--profile", "--format", "json"], directory: Self.folder)
        #expect(result.status == 0, "\(result.stderr)")
        let stats = try #require(result.stdout.range(of: "\n  \"stats\": {"))
        let profileKey = try #require(result.stdout.range(of: "\n  \"profile\": {"))
        #expect(stats.lowerBound < profileKey.lowerBound)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(Set(document.keys) == ["recommendations", "stats", "profile"])
        let profile = try #require(document["profile"] as? [String: Any])
        let rules = try #require(profile["rules"] as? [[String: Any]])
        let firings = rules.compactMap { $0["firings"] as? Int }
        #expect(firings.count == 4)
        #expect(firings.reduce(0, +) == (document["stats"] as? [String: Any])?["firings"] as? Int)
        for rule in rules {
            #expect((rule["time_ms"] as? Double).map { $0 >= 0 } == true)
            #expect((rule["matching_ms"] as? Double).map { $0 >= 0 } == true)
        }
        let nodes = try #require(profile["nodes"] as? [[String: Any]])
        #expect(nodes.count == 8)
        #expect(nodes.allSatisfy { ($0["file"] as? String) == "rules/rules.accord" })
        #expect(profile["matching_outside_rules_ms"] is Double)
    }

    /// Without `--profile` the output is what it always was.
    @Test func nothingChangesWithoutTheFlag() throws {
        let result = try Accord.run(["run", "rules", "--format", "json"], directory: Self.folder)
        #expect(!result.stdout.contains("\"profile\""))
        #expect(result.stdout == Fixtures.read(Self.folder + "/run.json"))
    }

    @Test func markdownEndsWithTheProfile() throws {
        let result = try Accord.run(["run", "rules", "--profile", "--format", "markdown"], directory: Self.folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix(Fixtures.read(Self.folder + "/run.md")))
        #expect(result.stdout.contains("\n## Profile\n\n```\nProfile\n\n"))
        #expect(result.stdout.hasSuffix("```\n"))
    }
}
