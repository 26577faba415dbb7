import AccordCheck
import AccordEngine
import AccordSyntax
import AccordTestSupport
import AccordTooling
import Testing

/// The rule base of the `whatif` and `sweep` goldens (`Tests/Fixtures/whatif/rules`),
/// and fresh engines on it, for tests that compare incremental answers with answers
/// computed from scratch.
enum WhatIfFixture {
    static func program(sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> CheckedProgram {
        let analysis = Frontend.analyze(paths: [Fixtures.path("whatif/rules")])
        #expect(!analysis.hasErrors, "\(DiagnosticRenderer().render(analysis.diagnostics))", sourceLocation: sourceLocation)
        return try #require(analysis.model, sourceLocation: sourceLocation)
    }

    /// A new engine with `scenario` applied (if any), then `prepare`, then run.
    static func evaluated(_ program: CheckedProgram, scenario: String? = nil,
                          prepare: (Engine) throws -> Void = { _ in }) throws -> Engine {
        let engine = try Engine(program: program)
        if let scenario { try engine.apply(scenario: scenario) }
        try prepare(engine)
        try engine.run()
        return engine
    }

    /// `rule|subject|text`, what identifies a recommendation, with its rank and score.
    static func ranked(_ list: [RecommendationResult]) -> [String: (rank: Int, score: Double)] {
        Dictionary(list.map { (identity($0), ($0.rank, $0.score)) }, uniquingKeysWith: { first, _ in first })
    }

    static func identity(_ recommendation: RecommendationResult) -> String {
        "\(recommendation.rule)|\(recommendation.subject)|\(recommendation.text)"
    }
}
