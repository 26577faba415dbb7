import AccordRepl
import AccordTestSupport
import Foundation
import Testing

/// Every kind of entry that fails leaves the session as it was: the facts, the
/// recommendations, the rules and the undo stack (the next `:undo` undoes what came
/// before the failed entry). `ReplLoadTests` does the same for `:load`.
@Suite struct ReplFailedEntryTests {
    struct Failure: CustomTestStringConvertible, Sendable {
        let name: String
        let entry: String
        /// Part of the rendered diagnostic.
        let expected: String
        var testDescription: String { name }
    }

    /// Accepted before each failure: a rule that divides by a fact's field.
    static let shares = """
        template Share { key name; name: string, total: int, parts: int }
        facts { Share { name: "s", total: 10, parts: 2 } }
        rule split { when $s: Share() then print "{$s.name}: {$s.total / $s.parts}" }
        """

    static let failures: [Failure] = [
        Failure(name: "definition with a syntax error", entry: "rule broken {\n  when $r: Region(\n}",
                expected: "error:"),
        Failure(name: "definition with a checker error", entry: "rule bad {\n  when $r: Regoin()\n  then halt\n}",
                expected: "2:12: error: unknown template `Regoin`"),
        Failure(name: "facts from a missing CSV file", entry: #"facts Region from "/nonexistent/accord/missing.csv""#,
                expected: "1:19: error:"),
        Failure(name: "definition that fails when it runs",
                entry: #"facts { Share { name: "none", total: 10, parts: 0 } }"#, expected: "division by zero"),
        Failure(name: "change of an unknown fact", entry: #"modify Region["Nowhere"] { trade_busd: 1 }"#,
                expected: "error:"),
        Failure(name: "change with a wrong type", entry: #"modify Region["Jilin"] { trade_busd: "many" }"#,
                expected: "error:"),
        Failure(name: "change that fails when it runs", entry: #"modify Share["s"] { parts: 0 }"#,
                expected: "division by zero"),
    ]

    @Test(arguments: failures)
    func aFailedEntryLeavesTheSessionAsItWas(_ failure: Failure) {
        let session = ReplFixture.session()
        let start = session.snapshot
        session.enter(#"modify Region["Jilin"] { trade_busd: 40 }"#)
        let defined = session.enter(ReplFailedEntryTests.shares)
        #expect(defined.diagnostics.isEmpty, "\(defined.diagnostics)")
        let before = session.snapshot
        let rules = session.enter(":rules").output

        let reply = session.enter(failure.entry)
        #expect(reply.diagnostics.contains(failure.expected), "\(reply.diagnostics)")
        #expect(reply.diagnostics.hasSuffix("nothing changed\n"), "\(reply.diagnostics)")
        #expect(session.snapshot == before)
        #expect(session.enter(":rules").output == rules)
        #expect(session.enter(":undo").output.hasPrefix("undid definition template Share"))
        #expect(session.enter(":undo").output.hasPrefix(#"undid modified Region["Jilin"]"#))
        #expect(session.enter(":undo").output == "Nothing to undo.\n")
        #expect(session.snapshot == start)
    }
}
