import Foundation
import Testing
import AccordSyntax
import AccordFormat
import AccordTestSupport

/// `Tests/Fixtures/format/<case>.accord` formats to `<case>.accord.formatted`
/// (regenerate with `ACCORD_UPDATE_GOLDEN=1`, then review the diff like code).
@Suite struct FormatterGoldenTests {
    static let cases = Fixtures.cases("format")

    @Test func thereAreGoldenCases() {
        #expect(Self.cases.count >= 5)
    }

    @Test(arguments: cases)
    func formatsToGolden(_ path: String) throws {
        let result = Formatter.format(text: FormatSupport.readRaw(path), path: path)
        #expect(result.diagnostics.isEmpty, "\(DiagnosticLines.render(result.diagnostics))")
        let text = try #require(result.text)
        if let mismatch = Golden.check(text, against: path + ".formatted") {
            Issue.record("\(mismatch)")
        }
        #expect(Formatter.format(text: text, path: path).text == text, "formatting twice changes the text")
    }

    @Test(arguments: cases)
    func goldenIsAlreadyFormatted(_ path: String) throws {
        // While goldens are being rewritten (in parallel), the text is checked above.
        guard !Golden.isUpdating else { return }
        let golden = FormatSupport.readRaw(path + ".formatted")
        try #require(!golden.isEmpty)
        let result = Formatter.format(text: golden, path: path + ".formatted")
        #expect(result.diagnostics.isEmpty)
        #expect(result.text == golden)
        #expect(!result.isChanged)
    }

    @Test func goldensFollowTheWhitespaceRules() {
        for path in Self.cases {
            let golden = FormatSupport.readRaw(path + ".formatted")
            #expect(!golden.utf8.contains(UInt8(ascii: "\r")), "\(path): CR in output")
            #expect(!golden.hasPrefix("\u{FEFF}"), "\(path): byte-order mark in output")
            #expect(golden.hasSuffix("\n") && !golden.hasSuffix("\n\n"), "\(path): must end with one newline")
            for (number, line) in golden.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                #expect(line.last != " " && line.last != "\t", "\(path):\(number + 1): trailing whitespace")
            }
            #expect(!golden.contains("\n\n\n"), "\(path): two blank lines in a row")
        }
    }
}

enum FormatSupport {
    /// The file's text exactly, byte-order mark and CRLF included.
    static func readRaw(_ path: String) -> String {
        guard let data = FileManager.default.contents(atPath: path) else { return "" }
        return String(decoding: data, as: UTF8.self)
    }

    static func unit(_ text: String, path: String = "test.accord") -> (SourceUnit, [Diagnostic]) {
        let parsed = Parser.parse(SourceFile(path: path, text: text))
        return (parsed.unit, parsed.diagnostics)
    }

    static func dump(_ text: String) -> String {
        SyntaxDump.dump(unit(text).0)
    }

    /// Formats `text`, requiring a clean result (no syntax errors, not declined).
    static func format(_ text: String) -> String? {
        let result = Formatter.format(text: text, path: "test.accord")
        guard result.diagnostics.isEmpty else { return nil }
        return result.text
    }
}
