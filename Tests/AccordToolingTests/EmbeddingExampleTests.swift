import AccordCheck
import AccordEngine
import AccordTestSupport
import AccordTooling
import Testing

/// The README's "Embedding" section, run against the `accord run` fixture rule base,
/// so that the ten lines it shows keep compiling and keep meaning what they say.
@Suite struct EmbeddingExampleTests {
    @Test func theReadmeExampleWorks() throws {
        let analysis = Frontend.analyze(paths: [Fixtures.path("run/rules")])
        let program = try #require(analysis.model)
        #expect(!analysis.hasErrors)
        let engine = try Engine(program: program)
        try engine.run()
        #expect(engine.recommendations().map(\.rank) == [1, 2, 3, 4, 5])

        try engine.assert("Agreement", ["parties": .list([.string("Jilin"), .string("Primorsky Krai")])])
        if let jilin = engine.fact("Region", key: [.string("Jilin")]) {
            try engine.modify(jilin, ["trade_busd": .float(12.5)])
        }
        try engine.run()
        let texts = engine.recommendations().map(\.text)
        #expect(!texts.contains("Sign an e-commerce agreement with Primorsky Krai"))
        #expect(texts.count == 4)

        let report = TextReport().render(RunResult(recommendations: engine.recommendations(),
                                                   statistics: engine.statistics, sources: ["rules"]))
        #expect(report.hasPrefix("4 recommendations from 4 rules (rules)\n"))
    }
}
