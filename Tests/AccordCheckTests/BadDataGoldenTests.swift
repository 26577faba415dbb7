import AccordCheck
import AccordSyntax
import AccordTestSupport
import Foundation
import Testing

/// Broken input (issue 9, "bad data"): every `Tests/Fixtures/baddata/<case>.accord`, with
/// the CSV files it names, against `<case>.rendered`: each diagnostic's stable code, then
/// exactly what `accord check` prints for it (`path:line:col: error:`, the source line,
/// the caret). `ACCORD_UPDATE_GOLDEN=1` rewrites them; review the diff.
@Suite struct BadDataGoldenTests {
    static let cases = Fixtures.cases("baddata")

    @Test(arguments: cases)
    func fixture(_ path: String) {
        let diagnostics = BadDataGoldenTests.diagnostics(loading: path)
        let actual = BadDataGoldenTests.render(diagnostics)
        let golden = (path as NSString).deletingPathExtension + ".rendered"
        if let mismatch = Golden.check(actual, against: golden) {
            Issue.record(Comment(rawValue: mismatch))
        }
        // Every case is bad data except the two that show BOM and CR LF are accepted,
        // and even those carry one deliberate error to pin a column.
        #expect(diagnostics.count >= 1)
    }

    @Test func thereAreFixtures() {
        #expect(BadDataGoldenTests.cases.count >= 10)
    }

    static func diagnostics(loading path: String) -> [Diagnostic] {
        let loaded = SourceLoader().load(paths: [path])
        if loaded.diagnostics.hasErrors { return loaded.diagnostics.sortedByLocation() }
        return Checker().check(loaded.program).diagnostics.sortedByLocation()
    }

    static func render(_ diagnostics: [Diagnostic]) -> String {
        let renderer = DiagnosticRenderer()
        return diagnostics.map { diagnostic in
            "[\(diagnostic.code)]\n" + renderer.render(diagnostic).replacingOccurrences(of: Fixtures.root + "/", with: "")
        }.joined(separator: "\n")
    }
}
