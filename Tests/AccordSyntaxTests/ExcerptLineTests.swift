import AccordSyntax
import Testing

/// The line shown above a caret: cut around the span when the line is huge (a CSV
/// export's 50 MB cell), with control characters made visible.
@Suite struct ExcerptLineTests {
    @Test func aHugeLineIsCutAroundTheSpanAndTheCaretStaysRight() {
        let huge = String(repeating: "x", count: 4_000_000)
        let text = "a,b\n\(huge),oops,\(huge)\n"
        let file = SourceFile(path: "big.csv", text: text)
        let start = 4 + huge.utf8.count + 1
        let rendered = DiagnosticRenderer().render(.error("check.csv-bad-value", "bad", at: SourceSpan(file: file, start: start, end: start + 4)))
        let lines = rendered.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "big.csv:2:4000002: error: bad")
        #expect(lines[1] == "…" + String(repeating: "x", count: 119) + ",oops," + String(repeating: "x", count: 119) + "…")
        #expect(lines[2] == String(repeating: " ", count: 121) + "^~~~")
        #expect(rendered.utf8.count < 1000)
    }

    @Test func aCutNeverSplitsACharacter() {
        let wide = String(repeating: "港", count: 1000)
        let text = wide + "!" + wide
        let file = SourceFile(path: "t.accord", text: text)
        let start = wide.utf8.count
        let rendered = DiagnosticRenderer().render(.error("parse.unexpected-character", "m", at: SourceSpan(file: file, start: start, end: start + 1)))
        let lines = rendered.split(separator: "\n").map(String.init)
        // 120 bytes of context = 40 three-byte characters each side, drawn two cells wide.
        #expect(lines[1] == "…" + String(repeating: "港", count: 40) + "!" + String(repeating: "港", count: 40) + "…")
        #expect(lines[2] == String(repeating: " ", count: 81) + "^")
        #expect(!rendered.contains("\u{FFFD}"))
    }

    @Test func controlCharactersAreShownAsPictures() {
        let file = SourceFile(path: "t.csv", bytes: Array("1,Dal".utf8) + [0, 0x1B] + Array("ian,x".utf8))
        let rendered = DiagnosticRenderer().render(.error("check.csv-nul-byte", "m", at: SourceSpan(file: file, start: 5, end: 6)))
        #expect(rendered == "t.csv:1:6: error: m\n1,Dal\u{2400}\u{241B}ian,x\n     ^\n")
    }
}
