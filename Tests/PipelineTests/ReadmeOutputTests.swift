import AccordTestSupport
import Foundation
import Testing

/// The README shows real output of the article's rule base: `accord run Rules --top 3
/// --explain` and one `accord whatif`. These run the commands on `Rules/` and compare,
/// so the README cannot drift from what the tool prints.
@Suite struct ReadmeOutputTests {
    static let checkout = URL(fileURLWithPath: Fixtures.root).deletingLastPathComponent().deletingLastPathComponent().path

    /// The ```text block that follows the line mentioning `command` in backquotes.
    static func block(after command: String) -> String? {
        let lines = Fixtures.read(checkout + "/README.md").split(separator: "\n", omittingEmptySubsequences: false)
        guard let mention = lines.firstIndex(where: { $0.contains("`\(command)`") }),
              let open = lines[mention...].firstIndex(of: "```text"),
              let close = lines[(open + 1)...].firstIndex(of: "```") else { return nil }
        return lines[(open + 1)..<close].joined(separator: "\n") + "\n"
    }

    @Test(arguments: [
        "accord run Rules --top 3 --explain",
        "accord whatif Rules --scenario heilongjiang_amur_signed",
    ])
    func readmeShowsWhatTheCommandPrints(_ command: String) throws {
        let shown = try #require(Self.block(after: command), "README has no text block after `\(command)`")
        let arguments = command.split(separator: " ").dropFirst().map(String.init)
        let result = try Accord.run(arguments, directory: Self.checkout)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == shown)
    }
}
