import AccordFuzzing
import AccordSyntax
import AccordTestSupport
import Foundation
import Testing

/// The fuzzer in miniature, in the ordinary suite, at the byte level (PipelineTests'
/// `MutationTests` mutates tokens through parse, check and format): the fixtures and the rule base,
/// mutated with a fixed seed (bit flips, deletions, duplications, splices from another
/// file, deep nesting, invalid UTF-8, truncation), each through the fuzz target's entry
/// point. None may crash, and none may break: every diagnostic points inside its file
/// (`FuzzHarness.misplaced`) and the engine reports no internal error.
@Suite struct FuzzMutationTests {
    /// Mutated inputs per run; sized to keep the test at a few seconds in a debug build.
    static let caseCount = 300
    static let seed: UInt64 = 0xACC0_4D

    static func sources() -> [[UInt8]] {
        let tests = (Fixtures.root as NSString).deletingLastPathComponent
        let rules = ((tests as NSString).deletingLastPathComponent as NSString).appendingPathComponent("Rules")
        let paths = SourceLoader.accordFiles(under: Fixtures.root) + SourceLoader.accordFiles(under: rules)
        return paths.compactMap { FileManager.default.contents(atPath: $0).map { [UInt8]($0) } }
    }

    @Test func mutatedFixturesEndCleanly() throws {
        let sources = Self.sources()
        try #require(sources.count > 20, "fixtures not found under \(Fixtures.root)")
        let harness = FuzzHarness(workspace: try FuzzWorkspace())
        var mutator = SeededMutator(seed: Self.seed)
        var endings: [String: Int] = [:]
        for index in 0..<Self.caseCount {
            let original = sources[mutator.below(sources.count)]
            let donor = sources[mutator.below(sources.count)]
            let mutated = mutator.mutate(original, donor: donor, count: 1 + mutator.below(3))
            let outcome = harness.run(mutated)
            #expect(!outcome.isBroken, "case \(index) of seed \(Self.seed): \(outcome.summary)")
            endings[String(outcome.summary.prefix { $0 != " " }), default: 0] += 1
        }
        // The mutations must reach past the parser, or the test checks only error paths.
        #expect(endings["rejected", default: 0] > 0)
        #expect(endings["ran", default: 0] + endings["stopped", default: 0] > 0, "\(endings)")
    }

    @Test func theMutatorIsDeterministic() {
        var first = SeededMutator(seed: 7)
        var second = SeededMutator(seed: 7)
        let text = Array("rule r { when $x: T() then halt }".utf8)
        #expect(first.mutate(text, donor: text, count: 5) == second.mutate(text, donor: text, count: 5))
    }
}
