@testable import AccordCheck
import AccordSyntax
import Foundation
import Testing

/// Huge fields and many rows load, with positions still right. Kept to a few MB so the
/// suite stays fast; docs/sanitizers.md reports hand measurements on 200 MB files.
@Suite struct LargeInputTests {
    let port = "template Port {\n  key code\n  code: int\n  name: string\n}\n"

    func check(_ accord: String, csv: String) throws -> CheckResult {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("accord-large-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(csv.utf8).write(to: folder.appendingPathComponent("ports.csv"))
        return checkSnippet(accord, path: folder.appendingPathComponent("main.accord").path)
    }

    @Test func aFourMegabyteCellLoadsWhole() throws {
        let big = String(repeating: "港口", count: 700_000)
        let result = try check(port + "facts Port from \"ports.csv\"\n", csv: "code,name\n1,\"\(big)\"\n2,Dalian\n")
        #expect(result.diagnostics.isEmpty)
        #expect(result.model.facts.map { $0.fields["name"] } == [.string(big), .string("Dalian")])
    }

    /// The bad cell after a huge one: its column counts characters, and the shown line is cut.
    @Test func aBadCellAfterAHugeOneKeepsItsColumn() throws {
        let big = String(repeating: "x", count: 3_000_000)
        let result = try check(port + "facts Port from \"ports.csv\"\n", csv: "name,code\n\(big),1\n\"\(big)\",one\n")
        #expect(located(result) == ["check.csv-bad-value 3:3000004"])
        let rendered = DiagnosticRenderer().render(result.diagnostics)
        #expect(rendered.utf8.count < 1000)
        #expect(rendered.contains("…" + String(repeating: "x", count: 118) + "\",one\n"))
    }

    @Test func manyRowsLoad() throws {
        let rows = (0..<20_000).map { "\($0),port \($0)" }.joined(separator: "\n")
        let result = try check(port + "facts Port from \"ports.csv\"\n", csv: "code,name\n" + rows + "\n20000,\"unclosed\n")
        #expect(located(result) == ["check.csv-unterminated-quote 20002:7"])
    }

    /// A 4 MB string literal in a rule file lexes in one token.
    @Test func aHugeStringLiteral() {
        let big = String(repeating: "a", count: 4_000_000)
        let loaded = SourceLoader().load(text: "facts {\n  Port { code: 1, name: \"\(big)\" }\n}\n" + port, path: "big.accord")
        #expect(loaded.diagnostics.isEmpty)
        let result = Checker().check(loaded.program)
        #expect(result.diagnostics.isEmpty)
        #expect(result.model.facts.first?.fields["name"] == .string(big))
    }
}
