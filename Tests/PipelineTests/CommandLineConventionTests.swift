import AccordTestSupport
import Foundation
import Testing

/// `--version`, `--help` with examples on every command, and shell completion.
@Suite struct CommandLineConventionTests {
    @Test func versionPrintsTheVersion() throws {
        let result = try Accord.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("accord "))
        #expect(result.stdout.split(separator: " ").last?.split(separator: ".").count == 3)
    }

    @Test(arguments: [["run"], ["check"], ["fmt"], []])
    func helpShowsAnExample(_ command: [String]) throws {
        let result = try Accord.run(command + ["--help"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Examples:"))
        #expect(result.stdout.contains("  accord \(command.first ?? "run")"))
    }

    @Test func runHelpDocumentsTheFiringLimitDefault() throws {
        let result = try Accord.run(["run", "--help"])
        #expect(result.stdout.contains("--max-firings"))
        #expect(result.stdout.contains("10000000"))
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func completionScriptsAreGenerated(_ shell: String) throws {
        let result = try Accord.run(["--generate-completion-script", shell])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("accord"))
        #expect(result.stdout.contains("max-firings"))
    }
}
