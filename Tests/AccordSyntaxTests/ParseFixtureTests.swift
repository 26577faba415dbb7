import Testing
import AccordSyntax
import AccordTestSupport

/// Every `Tests/Fixtures/parse/*.accord` pins its syntax diagnostics (code, line,
/// column, message) in `<case>.diagnostics` beside it.
@Suite struct ParseFixtureTests {
    static let cases = Fixtures.cases("parse")

    @Test(arguments: cases)
    func diagnosticsMatchGolden(path: String) throws {
        let output = SourceLoader().load(paths: [path])
        let actual = DiagnosticLines.render(output.diagnostics, relativeTo: Fixtures.root)
        let golden = String(path.dropLast(".accord".count)) + ".diagnostics"
        if let mismatch = Golden.check(actual, against: golden) {
            Issue.record(Comment(rawValue: mismatch))
        }
        #expect(!output.diagnostics.isEmpty, "a parse fixture exists to show errors")
    }

    @Test func everyFixtureHasCases() {
        #expect(ParseFixtureTests.cases.count >= 10)
    }

    /// The language brief's examples parse without a single diagnostic.
    @Test(arguments: Fixtures.cases("language"))
    func languageExamplesParseClean(path: String) {
        let output = SourceLoader().load(paths: [path])
        #expect(output.diagnostics.isEmpty, "\(DiagnosticLines.render(output.diagnostics))")
        #expect(!output.program.declarations.isEmpty)
        // The tree is pinned too: precedence, segments, clauses, exactly as parsed.
        if let unit = output.program.units.first, let mismatch = Golden.check(SyntaxDump.dump(unit), against: path + ".dump") {
            Issue.record(Comment(rawValue: mismatch))
        }
    }
}
