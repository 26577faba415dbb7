import AccordCheck
import AccordEngine
import AccordSyntax
import AccordTestSupport
import Testing

/// Production-style programs (`assert`, `retract`, `modify`, `print`, `halt`) run from
/// `Tests/Fixtures/engine/<name>.accord`; their `print` lines, how the run ended, the
/// facts left and the recommendations are compared with `<name>.out`. Regenerate with
/// `ACCORD_UPDATE_GOLDEN=1` and review the diff like code.
@Suite struct ProductionGoldenTests {
    static let programs = Fixtures.cases("engine")

    /// Each program pins one behaviour; a missing one is a lost test.
    @Test func everyProgramIsThere() {
        let names = ProductionGoldenTests.programs.map(ProductionGoldenTests.name(of:))
        #expect(names == [
            "assert_chain", "counter", "declaration_order", "double_modify", "halt", "manners", "recency",
            "refraction", "retract", "salience",
        ])
    }

    @Test(arguments: programs)
    func matchesGolden(path: String) throws {
        let text = Fixtures.read(path)
        // Every fixture is also run through the formatter and mutation tests: it must check
        // without errors or warnings.
        let diagnostics = Frontend.analyze(text: text, path: path).diagnostics
        #expect(diagnostics.isEmpty, "\(DiagnosticLines.render(diagnostics))")
        let log = PrintLog()
        let engine = try makeEngine(text, print: log.sink)
        let outcome = try engine.run(maxFirings: 10_000)
        let output = ProductionGoldenTests.render(lines: log.lines, outcome: outcome, engine: engine)
        let golden = String(path.dropLast(".accord".count)) + ".out"
        if let mismatch = Golden.check(output, against: golden) {
            Issue.record(Comment(rawValue: mismatch))
        }
    }

    /// The file name of a path without folder and extension.
    static func name(of path: String) -> String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        return file.hasSuffix(".accord") ? String(file.dropLast(".accord".count)) : file
    }

    /// The printed lines, then how the run ended, the facts in working memory (by id)
    /// and the ranked recommendations.
    static func render(lines: [String], outcome: RunOutcome, engine: Engine) -> String {
        var out = lines
        switch outcome {
        case .quiescent: out.append("-- quiescent after \(engine.statistics.firings) firings")
        case .halted(let rule): out.append("-- halted by \(rule) after \(engine.statistics.firings) firings")
        }
        out.append("-- facts")
        for fact in engine.facts() where fact.template != "Recommendation" {
            let fields = fact.fields.map { "\($0.name): \($0.value)" }.joined(separator: ", ")
            out.append("\(fact.template) { \(fields) }\(fact.isLogical ? " (logical)" : "")")
        }
        let recommendations = engine.recommendations()
        if !recommendations.isEmpty {
            out.append("-- recommendations")
            for result in recommendations {
                out.append("\(result.rank). \(result.rule) \"\(result.subject)\" \(formatScore(result.score)): \(result.text)")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }
}
