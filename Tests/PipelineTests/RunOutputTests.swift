import AccordTestSupport
import Foundation
import Testing

/// What scripts rely on in `accord run`'s output: the JSON contract, the filters, the
/// scenario and where `print` lines go.
@Suite struct RunOutputTests {
    static let folder = Fixtures.path("run")

    static func run(_ arguments: [String]) throws -> Accord.Result {
        try Accord.run(["run"] + arguments, directory: folder)
    }

    static func json(_ arguments: [String]) throws -> [String: Any] {
        let result = try run(["rules", "--format", "json"] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        return try #require(object as? [String: Any])
    }

    static func recommendations(_ document: [String: Any]) throws -> [[String: Any]] {
        try #require(document["recommendations"] as? [[String: Any]])
    }

    @Test func jsonHasExactlyTheContractsKeys() throws {
        let document = try Self.json([])
        #expect(Set(document.keys) == ["recommendations", "stats"])
        let stats = try #require(document["stats"] as? [String: Any])
        #expect(Set(stats.keys) == ["facts", "recommendations", "rules", "firings"])
        #expect(stats["rules"] as? Int == 4)
        let recommendations = try Self.recommendations(document)
        #expect(recommendations.count == 5)
        // The contract's keys, then the explanation's additions (`conditions`, `aggregates`;
        // a support's `binding`).
        let contract: Set = ["rank", "rule", "subject", "text", "score", "category", "tags", "cite", "details", "because",
                             "conditions", "aggregates"]
        for recommendation in recommendations {
            #expect(Set(recommendation.keys) == contract)
            for support in try #require(recommendation["because"] as? [[String: Any]]) {
                let keys = Set(support.keys)
                #expect(keys == ["template", "key", "fields", "cite", "binding"]
                    || keys == ["template", "key", "fields", "cite", "derived_by", "binding"])
            }
        }
        // Added keys come after the contract's, in the text too.
        let text = try Self.run(["rules", "--format", "json"]).stdout
        let order = ["\"because\"", "\"conditions\"", "\"aggregates\""].map { text.range(of: $0)?.lowerBound }
        #expect(order.allSatisfy { $0 != nil } && zip(order, order.dropFirst()).allSatisfy { $0! < $1! })
        #expect(recommendations.map { $0["rank"] as? Int } == [1, 2, 3, 4, 5])
    }

    @Test func aDerivedFactCarriesItsDerivation() throws {
        let recommendations = try Self.recommendations(try Self.json([]))
        let agreement = try #require(recommendations.first { $0["rule"] as? String == "corridor_agreement" })
        let because = try #require(agreement["because"] as? [[String: Any]])
        let corridor = try #require(because.first)
        #expect(corridor["template"] as? String == "Corridor")
        #expect((corridor["key"] as? [Any])?.isEmpty == true)
        #expect(corridor["cite"] is NSNull)
        let derivation = try #require(corridor["derived_by"] as? [String: Any])
        #expect(derivation["rule"] as? String == "border_corridor")
        let base = try #require(derivation["because"] as? [[String: Any]])
        #expect(base.map { $0["template"] as? String } == ["Region", "Region"])
        #expect(base.allSatisfy { $0["derived_by"] == nil })
        #expect(base.first?["key"] as? [String] == ["Heilongjiang"])
        #expect(base.first?["cite"] as? String == "China Daily, 2025-05-10")
    }

    @Test func filtersKeepTheRunsRanks() throws {
        let jilin = try Self.recommendations(try Self.json(["--subject", "Jilin"]))
        #expect(jilin.map { $0["rank"] as? Int } == [1, 4, 5])
        #expect(jilin.allSatisfy { $0["subject"] as? String == "Jilin" })

        let trade = try Self.recommendations(try Self.json(["--tag", "trade"]))
        #expect(trade.map { $0["rank"] as? Int } == [2, 4])

        let both = try Self.recommendations(try Self.json(["--tag", "logistics", "--tag", "ports"]))
        #expect(both.map { $0["rule"] as? String } == ["port_freight"])
        #expect(try Self.recommendations(try Self.json(["--tag", "logistics", "--tag", "trade"])).isEmpty)

        let top = try Self.recommendations(try Self.json(["--tag", "trade", "--top", "1"]))
        #expect(top.map { $0["rank"] as? Int } == [2])

        // Stats describe the whole run, whatever the filters show.
        let stats = try #require(try Self.json(["--top", "1"])["stats"] as? [String: Any])
        #expect(stats["recommendations"] as? Int == 5)
    }

    @Test func aScenarioChangesTheRecommendations() throws {
        let baseline = try Self.recommendations(try Self.json([]))
        let scenario = try Self.recommendations(try Self.json(["--scenario", "heilongjiang_signs_ecommerce"]))
        let texts = { (list: [[String: Any]]) in Set(list.compactMap { $0["text"] as? String }) }
        #expect(texts(baseline).subtracting(texts(scenario)) == [
            "Sign an e-commerce agreement with Amur Oblast", "Upgrade Tomsk Wood Zone into a technology-transfer hub",
        ])
        let jilinBefore = baseline.first { $0["text"] as? String == "Sign an e-commerce agreement with Primorsky Krai" }
        let jilinAfter = scenario.first { $0["text"] as? String == "Sign an e-commerce agreement with Primorsky Krai" }
        #expect(abs((jilinBefore?["score"] as? Double ?? 0) - 0.56) < 1e-9)
        #expect(abs((jilinAfter?["score"] as? Double ?? 0) - 0.625) < 1e-9)
    }

    @Test func printGoesToStdoutInTextAndStderrOtherwise() throws {
        let text = try Self.run(["cases/printing.accord"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.hasPrefix("visiting Jilin\n1 recommendation from 1 rule (cases/printing.accord)\n"))
        #expect(text.stderr == "")

        for format in ["json", "markdown"] {
            let result = try Self.run(["cases/printing.accord", "--format", format])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr == "visiting Jilin\n")
            #expect(!result.stdout.contains("visiting"))
        }
        let json = try Self.run(["cases/printing.accord", "--format", "json"])
        #expect(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) is [String: Any])
    }

    @Test func noRecommendationsSaysSo() throws {
        let result = try Self.run(["rules/templates.accord"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "0 recommendations from 0 rules (rules/templates.accord)\n\nNo recommendations: there are no rules to evaluate.\n")
        let filtered = try Self.run(["rules", "--subject", "Nowhere"])
        #expect(filtered.stdout.hasSuffix("\nNo recommendation matches the filters.\n"))
        #expect(filtered.stdout.hasPrefix("0 of 5 recommendations from 4 rules (rules)\n"))
    }
}
