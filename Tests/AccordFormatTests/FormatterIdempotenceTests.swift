import Foundation
import Testing
import AccordSyntax
import AccordFormat
import AccordTestSupport

/// Every `.accord` file of every fixture area, and of `Rules/`, that parses without
/// errors: formatting it parses to the same program with the same number of comments,
/// and formatting the result again changes nothing.
@Suite struct FormatterIdempotenceTests {
    static let files: [String] = {
        let fixtures = URL(fileURLWithPath: Fixtures.root).resolvingSymlinksInPath()
        let rules = fixtures.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Rules")
            .resolvingSymlinksInPath()
        return SourceLoader.accordFiles(under: fixtures.path) + SourceLoader.accordFiles(under: rules.path)
    }()

    @Test func findsFiles() {
        #expect(Self.files.contains { $0.hasSuffix("language/brief.accord") })
    }

    @Test(arguments: files)
    func formattingIsStable(_ path: String) throws {
        let text = FormatSupport.readRaw(path)
        let (original, diagnostics) = FormatSupport.unit(text, path: path)
        guard !diagnostics.hasErrors else {
            // Files with syntax errors are reported, never formatted.
            let result = Formatter.format(text: text, path: path)
            #expect(result.text == nil)
            #expect(result.diagnostics.hasErrors)
            return
        }
        let first = Formatter.format(text: text, path: path)
        #expect(first.diagnostics.isEmpty, "\(path): \(DiagnosticLines.render(first.diagnostics))")
        let once = try #require(first.text)
        let (formatted, formattedDiagnostics) = FormatSupport.unit(once, path: path)
        #expect(formattedDiagnostics.isEmpty, "\(path): formatted text does not parse")
        #expect(SyntaxDump.dump(formatted) == SyntaxDump.dump(original), "\(path): different program")
        #expect(formatted.comments.count == original.comments.count, "\(path): comments lost")

        let second = Formatter.format(text: once, path: path)
        #expect(second.text == once, "\(path): formatting twice changes the text")
        #expect(!second.isChanged)
        #expect(Formatter().format(original) == once, "\(path): format(unit) and format(text:) differ")
    }
}
