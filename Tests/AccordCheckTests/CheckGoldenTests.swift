import AccordCheck
import AccordSyntax
import AccordTestSupport
import Foundation
import Testing

/// Every `Tests/Fixtures/check/<case>.accord` against `<case>.diagnostics`: the parse and
/// check diagnostics, one per line. `ACCORD_UPDATE_GOLDEN=1` rewrites them; review the diff.
@Suite struct CheckGoldenTests {
    static let cases = Fixtures.cases("check")

    /// `clean.accord` imports the brief from `../language`, outside its own folder: the
    /// fixtures load as `accord check --allow-path Tests/Fixtures/language FILE` would.
    static func load(_ path: String) -> SourceLoader.Output {
        SourceLoader().load(paths: [path], root: LoadRoot(arguments: [path], allowing: [Fixtures.path("language")]))
    }

    @Test(arguments: cases)
    func fixture(_ path: String) {
        let loaded = CheckGoldenTests.load(path)
        let result = Checker(lint: true).check(loaded.program)
        let actual = DiagnosticLines.render(loaded.diagnostics + result.diagnostics, relativeTo: Fixtures.root)
        let golden = (path as NSString).deletingPathExtension + ".diagnostics"
        if let mismatch = Golden.check(actual, against: golden) {
            Issue.record(Comment(rawValue: mismatch))
        }
    }

    @Test func thereAreFixtures() {
        #expect(CheckGoldenTests.cases.count >= 8)
    }

    /// The brief's own fixture checks clean on its own. As `accord check` sees it, two of
    /// its templates are unused: the brief declares them for examples that have no rule.
    @Test func briefFixtureHasNoDiagnostics() {
        let loaded = SourceLoader().load(paths: [Fixtures.path("language")])
        let result = Checker().check(loaded.program)
        #expect(loaded.diagnostics.isEmpty)
        #expect(result.diagnostics.isEmpty, "\(DiagnosticLines.render(result.diagnostics, relativeTo: Fixtures.root))")
        let linted = Checker(lint: true).check(loaded.program)
        #expect(linted.diagnostics.map { "\($0.code) \($0.span.startLocation)" }
                == ["check.unused-template 2:10", "check.unused-template 25:10"])
    }

    /// The brief's examples, completed with the facts and rules they mention, are clean:
    /// no error and no warning.
    @Test func cleanFixtureHasNoDiagnostics() {
        let loaded = CheckGoldenTests.load(Fixtures.path("check/clean.accord"))
        let result = Checker(lint: true).check(loaded.program)
        #expect(loaded.diagnostics.isEmpty)
        #expect(result.diagnostics.isEmpty, "\(DiagnosticLines.render(result.diagnostics, relativeTo: Fixtures.root))")
    }
}
