import Accord
import AccordTestSupport
import AccordTooling
import Testing

/// The README's "Embedding" section, line for line, run against the `accord run`
/// fixture rule base, so that the lines it shows keep compiling and keep meaning what
/// they say.
@Suite struct EmbeddingExampleTests {
    @Test func theReadmeExampleWorks() throws {
        let analysis = Frontend.analyze(paths: [Fixtures.path("run/rules")])
        guard let program = analysis.model, !analysis.hasErrors else { throw Accord.LoadError.invalid(analysis.diagnostics) }
        let engine = try Engine(program: program)
        try engine.run()
        #expect(engine.recommendations().map(\.rank) == [1, 2, 3, 4, 5])

        try engine.assert("Agreement", ["parties": .list([.string("Jilin"), .string("Primorsky Krai")])])
        if let jilin = engine.fact("Region", key: [.string("Jilin")]) { try engine.modify(jilin, ["ports": .list([.string("Hunchun")])]) }
        try engine.run()
        let texts = engine.recommendations().map(\.text)
        #expect(!texts.contains("Sign an e-commerce agreement with Primorsky Krai"))
        #expect(texts.count == 4)

        let report = TextReport(explain: true).render(RunResult(recommendations: engine.recommendations(),
                                                                statistics: engine.statistics, sources: ["rules"]))
        #expect(report.hasPrefix("4 recommendations from 4 rules (rules)\n"))
        #expect(report.contains("ports: [\"Hunchun\"]"))
    }

    @Test func loadDoesTheFirstThreeLinesInOne() throws {
        let engine = try Accord.load(paths: [Fixtures.path("run/rules")])
        try engine.run()
        #expect(engine.recommendations().count == 5)
    }
}
