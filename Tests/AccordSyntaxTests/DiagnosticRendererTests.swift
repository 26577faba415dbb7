import Testing
import AccordSyntax

@Suite struct DiagnosticRendererTests {
    @Test func rendersPositionLineCaretAndNotes() {
        let file = SourceFile(path: "Rules/parks.accord", text: "rule r {\n  when\n    $p: Prak(cross_border)\n}\n")
        let start = 16 + 8
        let diagnostic = Diagnostic.error("check.unknown-template", "unknown template `Prak`",
                                          at: SourceSpan(file: file, start: start, end: start + 4),
                                          notes: [.init("did you mean `Park`?")])
        #expect(DiagnosticRenderer().render(diagnostic) == """
            Rules/parks.accord:3:9: error: unknown template `Prak`
                $p: Prak(cross_border)
                    ^~~~
            note: did you mean `Park`?

            """)
    }

    @Test func caretStaysUnderWideCharacters() {
        let text = "print \"黑龙江\" + x"
        let file = SourceFile(path: "t.accord", text: text)
        let offset = Array(text.utf8).count - 1
        let rendered = DiagnosticRenderer().render(.error("check.unbound", "m", at: SourceSpan(file: file, start: offset, end: offset + 1)))
        let lines = rendered.split(separator: "\n")
        #expect(lines[0] == "t.accord:1:15: error: m")
        #expect(lines[2] == String(repeating: " ", count: 17) + "^")
    }

    @Test func notesWithTheirOwnSpanShowTheirPlace() {
        let file = SourceFile(path: "a.accord", text: "rule x {}\nrule x {}\n")
        let diagnostic = Diagnostic.error("check.duplicate-rule", "duplicate rule `x`",
                                          at: SourceSpan(file: file, start: 15, end: 16),
                                          notes: [.init("first defined here", span: SourceSpan(file: file, start: 5, end: 6))])
        #expect(DiagnosticRenderer().render(diagnostic) == """
            a.accord:2:6: error: duplicate rule `x`
            rule x {}
                 ^
            a.accord:1:6: note: first defined here
            rule x {}
                 ^

            """)
    }

    @Test func sortingIsByFileThenPosition() {
        let a = SourceFile(path: "a.accord", text: "xx yy")
        let b = SourceFile(path: "b.accord", text: "zz")
        let diagnostics: [Diagnostic] = [
            .error("c", "3", at: SourceSpan(file: b, start: 0, end: 1)),
            .error("c", "2", at: SourceSpan(file: a, start: 3, end: 4)),
            .error("c", "1", at: SourceSpan(file: a, start: 0, end: 1)),
        ]
        #expect(diagnostics.sortedByLocation().map(\.message) == ["1", "2", "3"])
    }
}
