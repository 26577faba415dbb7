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

    /// The README's what-if lines.
    @Test func theReadmeWhatIfExampleWorks() throws {
        let analysis = Frontend.analyze(paths: [Fixtures.path("run/rules")])
        guard let program = analysis.model, !analysis.hasErrors else { throw Accord.LoadError.invalid(analysis.diagnostics) }
        let engine = try Engine(program: program)
        try engine.run()
        let baseline = engine.recommendations()

        let start = engine.checkpoint()
        let changes = program.scenarioChain("heilongjiang_signs_ecommerce")?.flatMap(\.changes) ?? []
        let diff = try engine.whatIf(changes)
        #expect(changes.count == 3)
        #expect(diff.removed.map(\.recommendation.text).contains("Sign an e-commerce agreement with Amur Oblast"))
        #expect(diff.removed.allSatisfy { !$0.causes.isEmpty })
        try engine.rollback(to: start)
        #expect(engine.recommendations() == baseline)
    }

    @Test func loadDoesTheFirstThreeLinesInOne() throws {
        let engine = try Accord.load(paths: [Fixtures.path("run/rules")])
        try engine.run()
        #expect(engine.recommendations().count == 5)
    }
}
