import AccordCheck
import AccordEngine
import AccordSyntax
import Testing

/// Long chains run from the agenda and settle through truth maintenance in loops, not by
/// recursion: a chain of rules each deriving what the next matches, a chain of rules
/// each negating the one before, and the longest rule allowed, built, run and undone on
/// a thread with the test stack budget (`SmallStack`).
@Suite struct LongChainTests {
    static let length = 400

    static func run(_ text: String, retracting change: String) throws -> [String] {
        try SmallStack.run {
            let analysis = Frontend.analyze(text: text, path: "chain.accord")
            guard let model = analysis.model, !analysis.hasErrors else {
                return analysis.diagnostics.map(\.code)
            }
            let engine = try Engine(program: model)
            try engine.run()
            let before = engine.facts().count
            let start = engine.checkpoint()
            let source = Frontend.analyze(text: text + "\nscenario drop {\n  \(change)\n}\n", path: "chain.accord")
            guard let scenario = source.model?.scenario(named: "drop") else { return ["no scenario"] }
            _ = try engine.whatIf(scenario.changes)
            let during = engine.facts().count
            try engine.rollback(to: start)
            return ["\(before)", "\(during)", "\(engine.facts().count)"]
        }
    }

    @Test func aChainOfDerivationsGrowsAndCollapsesWithoutRecursion() throws {
        var text = "template S {\n  key n\n  n: int\n}\nfacts {\n  S { n: 0 }\n}\n"
        for index in 0..<Self.length {
            text += "rule r\(index) {\n  when\n    S(n == \(index))\n  then\n    derive S { n: \(index + 1) }\n}\n"
        }
        // All 401 facts; retracting the first takes every derived one with it; undone.
        #expect(try Self.run(text, retracting: "retract S[0]") == ["\(Self.length + 1)", "0", "\(Self.length + 1)"])
    }

    @Test func aChainOfNegationsFlipsWithoutRecursion() throws {
        var text = ""
        for index in 0...Self.length { text += "template N\(index) {\n  key k\n  k: int = 0\n}\n" }
        text += "facts {\n  N0 { k: 0 }\n}\n"
        for index in 1...Self.length {
            text += "rule r\(index) {\n  when\n    not N\(index - 1)()\n  then\n    derive N\(index) { k: 0 }\n}\n"
        }
        // N0 given, so N2, N4, ... hold; without N0 the odd ones do.
        let half = Self.length / 2
        #expect(try Self.run(text, retracting: "retract N0[0]") == ["\(half + 1)", "\(half)", "\(half + 1)"])
    }

    @Test func theLongestRuleAllowedMatchesAndUnmatches() throws {
        let conditions = ["    $x0: T(a == 0)"] + (1..<1000).map {
            "    $x\($0): T(a == ($x\($0 - 1).a + 1) % 3)"
        }
        let text = "template T {\n  key a\n  a: int\n}\nfacts {\n  T { a: 0 }\n  T { a: 1 }\n  T { a: 2 }\n}\n"
            + "rule long {\n  when\n" + conditions.joined(separator: "\n")
            + "\n  then\n    recommend \"all\" {\n      subject: \"s\"\n      score: 0.5\n    }\n}\n"
        // 1000 conditions, the most a rule may have (check.too-many-conditions). Three facts
    // and the recommendation; retracting a fact unmatches every level.
        #expect(try Self.run(text, retracting: "retract T[2]") == ["4", "2", "4"])
    }
}
