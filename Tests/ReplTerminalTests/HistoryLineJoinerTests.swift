@testable import accord
import Testing

/// Multi-line entries go into the history on one line only when that means the same.
@Suite struct HistoryLineJoinerTests {
    @Test func aRuleIsJoinedWithSeparatorsWhereLineBreaksEndedItems() {
        let entry = "rule r {\n  when\n    $p: Park()  // any park\n    Hub()\n  then\n    print \"x\"\n    halt\n}"
        #expect(HistoryLineJoiner.join(entry) == #"rule r { when $p: Park() /* any park */; Hub(); then print "x"; halt }"#)
    }

    @Test func templatesAndFactsJoin() {
        #expect(HistoryLineJoiner.join("template T {\n  url: string = \"http://x\" // a\n}")
            == #"template T { url: string = "http://x" /* a */ }"#)
        #expect(HistoryLineJoiner.join("template T {\n  key a\n  a: int\n  b: string = \"\"\n}")
            == #"template T { key a; a: int; b: string = "" }"#)
        #expect(HistoryLineJoiner.join("facts {\n  T { a: 1,\n    b: \"x\" }\n}") == #"facts { T { a: 1, b: "x" } }"#)
    }

    @Test func changesAndWhatIfsJoin() {
        #expect(HistoryLineJoiner.join("assert Region {\n  name: \"黑龙江\"\n}") == #"assert Region { name: "黑龙江" }"#)
        #expect(HistoryLineJoiner.join("whatif {\n  retract Region[\"Amur\"]\n  assert Region { name: \"B\" }\n}")
            == #"whatif { retract Region["Amur"]; assert Region { name: "B" } }"#)
    }

    @Test func whatCannotBeJoinedSafelyStaysAsTyped() {
        // The rough scan takes the `//` in an interpolated string for a comment; the
        // parse check catches the change.
        #expect(HistoryLineJoiner.join("template T {\n  a: string = \"x{\"//\"}\"\n  b: int\n}") == nil)
        // Broken input is not rewritten.
        #expect(HistoryLineJoiner.join("rule r {\n  when\n") == nil)
        #expect(HistoryLineJoiner.join(":facts Region") == nil)
        #expect(ReplHistory.historyLine("rule r {\n  when\n") == "rule r {\n  when")
        #expect(ReplHistory.historyLine(":facts Region ") == ":facts Region")
    }
}
