import Testing
import AccordSyntax
import AccordFormat
import AccordTestSupport

/// Pins the shape of `SyntaxDump` (`<case>.accord.dump`), which the formatter's checks
/// and the parser's golden tests rely on. These cases hold every kind of node.
@Suite struct SyntaxDumpTests {
    static let cases = ["expressions", "facts", "one_line", "scenarios"].map { Fixtures.path("format/\($0).accord") }

    @Test(arguments: cases)
    func dumpMatchesGolden(_ path: String) {
        let (unit, diagnostics) = FormatSupport.unit(FormatSupport.readRaw(path), path: path)
        #expect(diagnostics.isEmpty)
        if let mismatch = Golden.check(SyntaxDump.dump(unit), against: path + ".dump") {
            Issue.record("\(mismatch)")
        }
    }

    @Test(arguments: cases)
    func formattedTextDumpsTheSame(_ path: String) {
        let (original, _) = FormatSupport.unit(FormatSupport.readRaw(path), path: path)
        let (formatted, _) = FormatSupport.unit(FormatSupport.readRaw(path + ".formatted"), path: path)
        #expect(SyntaxDump.dump(formatted) == SyntaxDump.dump(original))
        #expect(SyntaxDump.sameProgram(formatted, original))
    }

    @Test func sameProgramSeesEveryDifference() {
        let base = FormatSupport.unit("rule r {\n  when\n    $p: P(x == 1.5)\n  then\n    halt\n}\n").0
        for changed in [
            "rule r {\n  when\n    $p: P(x == 1.25)\n  then\n    halt\n}\n",
            "rule r {\n  when\n    $p: P(x != 1.5)\n  then\n    halt\n}\n",
            "rule r {\n  when\n    $q: P(x == 1.5)\n  then\n    halt\n}\n",
            "rule r {\n  when\n    $p: P((x == 1.5))\n  then\n    halt\n}\n",
            "rule s {\n  when\n    $p: P(x == 1.5)\n  then\n    halt\n}\n",
        ] {
            #expect(!SyntaxDump.sameProgram(base, FormatSupport.unit(changed).0), "\(changed)")
        }
        #expect(SyntaxDump.sameProgram(base, FormatSupport.unit("rule r { when\n $p: P(x==1.50) // c\nthen halt }").0))
    }
}
