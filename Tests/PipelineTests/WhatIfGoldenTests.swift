import AccordTestSupport
import Foundation
import Testing

/// `accord whatif` and `accord sweep` on the fixture rule base in
/// `Tests/Fixtures/whatif/rules`, pinned by goldens beside it. The commands run inside
/// `Tests/Fixtures/whatif` with the relative path `rules`, so the paths they print do
/// not depend on where the checkout lives. `ACCORD_UPDATE_GOLDEN=1` rewrites the goldens.
@Suite struct WhatIfGoldenTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let golden: String
        let arguments: [String]
        var testDescription: String { golden }
    }

    static let folder = Fixtures.path("whatif")
    static let jilinTrade = #"Region["Jilin"].trade_busd"#
    static let silkRoadEnterprises = #"Park["Silk Road Innovation Park"].enterprises"#

    static let cases: [Case] = [
        Case(golden: "whatif.txt", arguments: ["whatif", "rules", "--scenario", "heilongjiang_signs_ecommerce"]),
        Case(golden: "whatif-extends.txt", arguments: ["whatif", "rules", "--scenario", "bigger_push"]),
        Case(golden: "whatif-no-change.txt", arguments: ["whatif", "rules", "--scenario", "amur_trade_figure"]),
        Case(golden: "whatif-compare.txt", arguments: [
            "whatif", "rules", "--scenario", "heilongjiang_signs_ecommerce", "--scenario", "bigger_push",
            "--scenario", "amur_trade_figure",
        ]),
        Case(golden: "whatif.json", arguments: ["whatif", "rules", "--scenario", "bigger_push", "--format", "json"]),
        Case(golden: "whatif-compare.json", arguments: [
            "whatif", "rules", "--scenario", "heilongjiang_signs_ecommerce", "--scenario", "amur_trade_figure",
            "--format", "json",
        ]),
        Case(golden: "sweep-float.txt", arguments: ["sweep", "rules", "--vary", jilinTrade, "--from", "0", "--to", "20", "--step", "0.5"]),
        Case(golden: "sweep-float.json", arguments: [
            "sweep", "rules", "--vary", jilinTrade, "--from", "0", "--to", "20", "--step", "2.5", "--format", "json",
        ]),
        Case(golden: "sweep-int.txt", arguments: ["sweep", "rules", "--vary", silkRoadEnterprises, "--from", "0", "--to", "50", "--step", "5"]),
        Case(golden: "sweep-int.json", arguments: [
            "sweep", "rules", "--vary", silkRoadEnterprises, "--from", "50", "--to", "0", "--step", "-10", "--format", "json",
        ]),
        Case(golden: "sweep-values.txt", arguments: ["sweep", "rules", "--vary", #"Region["Jilin"].country"#, "--values", #"CN, RU, "R,U""#]),
        Case(golden: "sweep-scenario.txt", arguments: [
            "sweep", "rules", "--vary", jilinTrade, "--from", "20", "--to", "0", "--step", "-5",
            "--scenario", "heilongjiang_signs_ecommerce",
        ]),
        Case(golden: "sweep-no-tipping-point.txt", arguments: [
            "sweep", "rules", "--vary", #"Region["Amur Oblast"].trade_busd"#, "--from", "0", "--to", "1", "--step", "0.1",
        ]),
    ]

    @Test(arguments: cases)
    func outputMatchesGolden(_ golden: Case) throws {
        let result = try Accord.run(golden.arguments, directory: WhatIfGoldenTests.folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "")
        let mismatch = Golden.check(result.stdout, against: WhatIfGoldenTests.folder + "/" + golden.golden)
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }

    /// The JSON is valid and carries the contract's keys: a single scenario has exactly
    /// `added`, `removed` and `changed`, a changed entry its two scores, every entry its causes.
    @Test func whatIfJSONHasTheContractShape() throws {
        let result = try Accord.run(["whatif", "rules", "--scenario", "bigger_push", "--format", "json"],
                                    directory: WhatIfGoldenTests.folder)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["added", "removed", "changed"])
        let changed = try #require((object["changed"] as? [[String: Any]])?.first)
        #expect(changed["score_before"] as? Double == 0.56)
        #expect(abs((changed["score_after"] as? Double ?? 0) - 0.68) < 1e-9)
        let causes = try #require(changed["caused_by"] as? [[String: Any]])
        #expect(causes.map { $0["change"] as? String } == [#"modify Region["Jilin"]"#, #"modify Region["Jilin"]"#])
        #expect(causes.map { $0["scenario"] as? String } == ["heilongjiang_signs_ecommerce", "bigger_push"])
        #expect(causes.map { $0["line"] as? Int } == [8, 14])
    }

    /// Ints stay ints and floats stay floats in `value` and `at`; 0.1 steps print without noise.
    @Test func sweepJSONKeepsTheFieldsType() throws {
        let floats = try Accord.run(["sweep", "rules", "--vary", Self.jilinTrade, "--from", "0", "--to", "0.3", "--step", "0.1",
                                     "--format", "json"], directory: WhatIfGoldenTests.folder)
        #expect(floats.status == 0, "\(floats.stderr)")
        #expect(floats.stdout.contains("\"value\": 0.3,"))
        #expect(!floats.stdout.contains("0.30000000000000004"))
        let ints = try Accord.run(["sweep", "rules", "--vary", Self.silkRoadEnterprises, "--values", "10,30", "--format", "json"],
                                  directory: WhatIfGoldenTests.folder)
        #expect(ints.stdout.contains("\"value\": 10,"))
        #expect(ints.stdout.contains("\"at\": 30,"))
    }

    /// The text examples of docs/whatif.md are the goldens, verbatim, so the guide stays true.
    @Test(arguments: ["whatif.txt", "whatif-compare.txt", "sweep-float.txt", "sweep-scenario.txt"])
    func documentationShowsTheGolden(_ golden: String) {
        let guide = URL(fileURLWithPath: Fixtures.root).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/whatif.md").path
        let expected = Fixtures.read(WhatIfGoldenTests.folder + "/" + golden)
        #expect(!expected.isEmpty)
        #expect(Fixtures.read(guide).contains(expected), "docs/whatif.md no longer shows \(golden)")
    }

    @Test(arguments: ["whatif", "sweep"])
    func helpShowsExamples(_ command: String) throws {
        let result = try Accord.run([command, "--help"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Examples:\n  accord \(command) Rules"))
        #expect(result.stdout.contains("Exit status:"))
    }
}
