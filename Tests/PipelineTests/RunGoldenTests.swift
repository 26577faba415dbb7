import AccordTestSupport
import Foundation
import Testing

/// `accord run` on the fixture rule base in `Tests/Fixtures/run/rules`, every format,
/// pinned by goldens beside it (`<name>.txt`, `.json`, `.md`). The command runs inside
/// `Tests/Fixtures/run` with the relative path `rules`, so the paths it prints do not
/// depend on where the checkout lives. `ACCORD_UPDATE_GOLDEN=1` rewrites the goldens.
@Suite struct RunGoldenTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let golden: String
        let arguments: [String]
        var testDescription: String { golden }
    }

    static let folder = Fixtures.path("run")

    static let cases: [Case] = [
        Case(golden: "run.txt", arguments: []),
        Case(golden: "explain.txt", arguments: ["--explain"]),
        Case(golden: "run.json", arguments: ["--format", "json"]),
        Case(golden: "run.md", arguments: ["--format", "markdown"]),
        Case(golden: "explain.md", arguments: ["--format", "markdown", "--explain"]),
        Case(golden: "scenario.txt", arguments: ["--scenario", "heilongjiang_signs_ecommerce"]),
        Case(golden: "filtered.txt", arguments: ["--subject", "Jilin", "--top", "2"]),
    ]

    @Test(arguments: cases)
    func outputMatchesGolden(_ golden: Case) throws {
        let result = try Accord.run(["run", "rules"] + golden.arguments, directory: RunGoldenTests.folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "")
        let mismatch = Golden.check(result.stdout, against: RunGoldenTests.folder + "/" + golden.golden)
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }

    /// `--explain` only adds to the text report: without it, the same lines minus the trees.
    @Test func explainAddsSupportsWithoutChangingTheRest() throws {
        let plain = Fixtures.read(RunGoldenTests.folder + "/run.txt")
        let explained = Fixtures.read(RunGoldenTests.folder + "/explain.txt")
        var inTree = false
        var withoutTrees: [Substring] = []
        for line in explained.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "   because:" { inTree = true } else if line.isEmpty { inTree = false }
            if !inTree { withoutTrees.append(line) }
        }
        #expect(explained.contains("   because:\n"))
        #expect(withoutTrees.joined(separator: "\n") == plain)
    }
}
