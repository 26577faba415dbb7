import AccordCheck
import AccordSyntax
import AccordTestSupport
import Foundation
import Testing

/// Every ```accord block of docs/language.md parses: the reference stays true.
@Suite struct DocumentationExampleTests {
    static let reference = URL(fileURLWithPath: Fixtures.root)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("docs/language.md").path

    static var examples: [String] {
        var blocks: [String] = []
        var current: [Substring]?
        for line in Fixtures.read(reference).split(separator: "\n", omittingEmptySubsequences: false) {
            if current == nil, line == "```accord" {
                current = []
            } else if let lines = current, line == "```" {
                blocks.append(lines.joined(separator: "\n"))
                current = nil
            } else {
                current?.append(line)
            }
        }
        return blocks
    }

    @Test func thereAreExamples() {
        #expect(DocumentationExampleTests.examples.count >= 8)
    }

    @Test func examplesParse() {
        for (index, example) in DocumentationExampleTests.examples.enumerated() {
            let output = SourceLoader().load(text: example, path: "docs/language.md#example-\(index + 1)")
            #expect(output.diagnostics.isEmpty, "\(DiagnosticLines.render(output.diagnostics))\n\(example)")
        }
    }

    /// The opening example is a whole program and checks clean.
    @Test func overviewProgramChecks() throws {
        let first = try #require(DocumentationExampleTests.examples.first)
        let analysis = Frontend.analyze(text: first, path: "docs/language.md#overview")
        #expect(!analysis.hasErrors, "\(DiagnosticLines.render(analysis.diagnostics))")
    }
}
