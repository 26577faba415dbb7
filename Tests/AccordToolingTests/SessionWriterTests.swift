import AccordCheck
import AccordEngine
import AccordSyntax
import AccordTestSupport
import AccordTooling
import Testing

/// `SessionWriter.render`: the saved session is a valid, formatted file that stands
/// alone and means the same program with the same facts.
@Suite struct SessionWriterTests {
    static func engine(_ paths: [String]) throws -> Engine {
        let analysis = Frontend.analyze(paths: paths)
        let errors = analysis.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(DiagnosticRenderer().render(errors))")
        guard let program = analysis.model, errors.isEmpty else { throw SessionWriterTestFailure.invalid }
        return try Engine(program: program)
    }

    /// What a fact is, apart from its id.
    static func given(_ engine: Engine) -> [String] {
        engine.facts().filter(\.isGiven).map { "\($0.template) \($0.fields) \($0.cite ?? "-")" }
    }

    static func roundTrip(_ paths: [String], change: (Engine) throws -> Void = { _ in }) throws {
        let original = try engine(paths)
        try change(original)
        try original.run()
        let text = SessionWriter.render(program: original.program, facts: original.facts())
        #expect(!text.contains("facts Region from"), "CSV loads are inline")
        #expect(!text.contains("import "))

        let analysis = Frontend.analyze(text: text, path: "session.accord")
        let problems = analysis.diagnostics.filter { $0.severity == .error }
        #expect(problems.isEmpty, "\(DiagnosticRenderer().render(problems))")
        let program = try #require(analysis.model)
        #expect(program.templates.map(\.name) == original.program.templates.map(\.name))
        #expect(program.templates.map(\.fields.count) == original.program.templates.map(\.fields.count))
        #expect(program.rules.map(\.name.name) == original.program.rules.map(\.name.name))
        #expect(program.scenarios.map(\.name.name) == original.program.scenarios.map(\.name.name))
        #expect(program.tests.map(\.name.value) == original.program.tests.map(\.name.value))

        let saved = try Engine(program: program)
        #expect(given(saved) == given(original))
        try saved.run()
        // The conditions are quoted from where they are written, which saving moves.
        #expect(saved.recommendations().map(Self.placeless) == original.recommendations().map(Self.placeless))
        // Saving the saved session changes nothing.
        #expect(SessionWriter.render(program: saved.program, facts: saved.facts()) == text)
    }

    static func placeless(_ recommendation: RecommendationResult) -> RecommendationResult {
        var result = recommendation
        result.conditions = recommendation.conditions.map {
            ConditionResult(index: $0.index, source: SourceText(text: "", path: "", line: 0, column: 0), outcome: $0.outcome)
        }
        return result
    }

    @Test func theRunFixtureRoundTrips() throws {
        try Self.roundTrip([Fixtures.path("run/rules")])
    }

    @Test func theArticlesRuleBaseWithItsCSVFactsRoundTrips() throws {
        try Self.roundTrip([Fixtures.path("../../Rules")])
    }

    @Test func changedFactsAreSavedWithTheirCurrentValues() throws {
        try Self.roundTrip([Fixtures.path("run/rules")]) { engine in
            try engine.assert("Agreement", ["parties": .list([.string("Jilin"), .string("Primorsky Krai")])])
            if let jilin = engine.fact("Region", key: [.string("Jilin")]) {
                try engine.modify(jilin, ["trade_busd": .float(-1.5), "ports": .list([.string("Hun \"chun\" {x}")])])
            }
        }
    }

    @Test func derivedAndRecommendedFactsAreLeftOut() throws {
        let engine = try Self.engine([Fixtures.path("run/rules")])
        try engine.run()
        let text = SessionWriter.render(program: engine.program, facts: engine.facts())
        #expect(!text.contains("\n  Corridor {"))
        #expect(!text.contains("template Recommendation"))
        #expect(text.components(separatedBy: "facts {").count == 2)
        #expect(text.contains("cite \"China Daily, 2025-05-10\""))
    }
}

enum SessionWriterTestFailure: Error {
    case invalid
}
