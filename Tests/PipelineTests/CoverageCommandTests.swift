import AccordTestSupport
import Foundation
import Testing

/// `accord test --coverage` on the fixture in `Tests/Fixtures/coverage`: rules fired in
/// the baseline and checked, one fired in the baseline that no `expect` names, one
/// fired only by a test's given (which retracts what fired it), one whose first
/// condition is never true and second never reached, one whose `test` is never true.
/// Goldens of the text and JSON reports, `--coverage-min` exit codes, `--coverage-output`,
/// and the shipped rule base, whose tests fire every rule. `ACCORD_UPDATE_GOLDEN=1`
/// rewrites the goldens.
@Suite struct CoverageCommandTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let golden: String
        let arguments: [String]
        let status: Int32
        var testDescription: String { golden }
    }

    static let folder = Fixtures.path("coverage")

    static let cases: [Case] = [
        Case(golden: "text.txt", arguments: ["base", "--coverage"], status: 0),
        Case(golden: "json.txt", arguments: ["base", "--coverage", "--coverage-format", "json"], status: 0),
        Case(golden: "filter.txt", arguments: ["base", "--coverage", "--filter", "alert"], status: 0),
    ]

    static func run(_ arguments: [String]) throws -> Accord.Result {
        try Accord.run(["test"] + arguments, directory: folder)
    }

    @Test(arguments: cases)
    func outputMatchesGolden(_ golden: Case) throws {
        let result = try Self.run(golden.arguments)
        #expect(result.status == golden.status, "\(result.stderr)")
        #expect(result.stderr == "")
        let mismatch = Golden.check(result.stdout, against: Self.folder + "/" + golden.golden)
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }

    /// The summary stays the last line, with coverage or without.
    @Test(arguments: cases)
    func theSummaryIsStillTheLastLine(_ golden: Case) throws {
        let output = try Self.run(golden.arguments).stdout
        let last = output.split(separator: "\n").last.map(String.init) ?? ""
        #expect(last.hasSuffix(" passed, 0 failed"))
    }

    /// Without a coverage option, `accord test` prints no coverage.
    @Test func noCoverageUnlessAsked() throws {
        let result = try Self.run(["base"])
        #expect(result.status == 0)
        #expect(!result.stdout.contains("coverage"))
    }

    /// Four of six rules are covered: 66.67%, compared exactly.
    @Test(arguments: [("0", Int32(0)), ("66", 0), ("66.6", 0), ("66.7", 1), ("100", 1)])
    func coverageMinFailsBelowTheGivenPercentage(_ minimum: String, _ status: Int32) throws {
        let result = try Self.run(["base", "--coverage-min", minimum])
        #expect(result.status == status, "\(result.stderr)")
        // The report is printed either way, and the summary stays last.
        #expect(result.stdout.contains("coverage: 4 of 6 rules fired by tests (66.6%)"))
        #expect(result.stdout.hasSuffix("4 passed, 0 failed\n"))
        if status == 1 {
            #expect(result.stderr == "accord: error: rule coverage 66.6% is below --coverage-min \(minimum)\n")
        } else {
            #expect(result.stderr == "")
        }
    }

    @Test(arguments: ["-1", "100.5", "nan", "lots"])
    func coverageMinOutsideZeroToHundredIsAUsageError(_ minimum: String) throws {
        let result = try Self.run(["base", "--coverage-min", minimum])
        #expect(result.status == 2)
        #expect(result.stdout == "")
    }

    /// `--coverage-output` writes the report there, atomically, and not to stdout.
    @Test func coverageOutputWritesTheReportToAFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("coverage-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/coverage.json"
        let result = try Self.run(["base", "--coverage-format", "json", "--coverage-output", path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("\"rules\""))
        #expect(result.stdout.hasSuffix("\n\n4 passed, 0 failed\n"))
        let json = Fixtures.read(Self.folder + "/json.txt")
        let start = json.range(of: "{\n")?.lowerBound ?? json.startIndex
        let end = json.range(of: "}\n", options: .backwards)?.upperBound ?? json.endIndex
        #expect(Fixtures.read(path) == String(json[start..<end]))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["coverage.json"])

        let unwritable = try Self.run(["base", "--coverage-output", folder + "/missing/coverage.txt"])
        #expect(unwritable.status == 2)
        #expect(unwritable.stderr.hasPrefix("accord: error: cannot write"))
    }

    /// The JSON report parses, and holds what the contract names.
    @Test func jsonReportIsValidJSON() throws {
        let output = Fixtures.read(Self.folder + "/json.txt")
        guard let start = output.range(of: "{\n"), let end = output.range(of: "}\n", options: .backwards) else {
            Issue.record("no JSON document in json.txt")
            return
        }
        let data = Data(output[start.lowerBound..<end.upperBound].utf8)
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let rules = try #require(document["rules"] as? [[String: Any]])
        #expect(rules.map { $0["rule"] as? String } == [
            "trade_agreement", "busy_region", "russian_partner", "clear_alert", "huge_trade", "negative_trade",
        ])
        #expect((rules[3]["fired_by"] as? [String]) == ["an alert is cleared at once"])
        let statuses = rules.map { ($0["conditions"] as? [[String: Any]] ?? []).map { $0["status"] as? String ?? "" } }
        #expect(statuses[4] == ["never_true", "never_reached"])
        #expect(statuses[5] == ["fine", "never_true"])
        #expect(document["rule_coverage"] as? Double == 66.66)
    }

    /// docs/explain.md § Coverage shows real output: its text example is the text golden,
    /// and its JSON excerpt is one rule of the JSON golden.
    @Test func theDocumentedExampleIsReal() throws {
        let docs = URL(fileURLWithPath: Fixtures.root).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/explain.md").path
        let text = Fixtures.read(docs)
        let section = try #require(text.range(of: "## Coverage\n")).upperBound
        let rest = text[section...]
        let body = rest.range(of: "\n## ").map { rest[..<$0.lowerBound] } ?? rest
        let golden = Fixtures.read(Self.folder + "/text.txt")
        #expect(body.contains("```\n" + golden + "```\n"))
        let json = Fixtures.read(Self.folder + "/json.txt")
        let huge = try #require(json.range(of: "    {\n      \"rule\": \"huge_trade\""))
        let end = try #require(json[huge.lowerBound...].range(of: "\n    }"))
        #expect(body.contains(json[huge.lowerBound..<end.upperBound]))
    }

    /// The shipped rule base's tests fire every one of its rules.
    @Test func theShippedTestsFireEveryRule() throws {
        let rules = URL(fileURLWithPath: Fixtures.root).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Rules").path
        let result = try Accord.run(["test", rules, "--coverage-format", "json", "--coverage-min", "100"])
        #expect(result.status == 0, "\(result.stderr)")
        guard let start = result.stdout.range(of: "{\n"), let end = result.stdout.range(of: "}\n", options: .backwards) else {
            Issue.record("no coverage report")
            return
        }
        let data = Data(result.stdout[start.lowerBound..<end.upperBound].utf8)
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let uncovered = (document["rules"] as? [[String: Any]] ?? [])
            .filter { ($0["fired_by"] as? [String])?.isEmpty != false }.compactMap { $0["rule"] as? String }
        #expect(uncovered == [])
        #expect(document["rule_coverage"] as? Double == 100)
    }
}
