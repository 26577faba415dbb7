import AccordCheck
import AccordEngine
import AccordSyntax
import AccordTooling
import Testing

/// Runs Accord text through the front end and the engine and returns what the
/// renderers take. The result types have no public initialisers, so a report's input
/// is always a real run, as it is in the CLI.
enum ReportFixture {
    static let program = """
    template Region {
      key name
      name: string
      country: string
      borders: [string] = []
      trade: float = 0
    }
    template Link { from: string, to: string }
    facts {
      Region { name: "Heilongjiang", country: "CN", borders: ["Amur Oblast"], trade: 23.2 }
        cite "China Daily"
      Region { name: "Amur Oblast", country: "RU", borders: ["Heilongjiang"] }
    }
    rule link {
      when
        $cn: Region(country == "CN")
        $ru: Region(country == "RU", $cn.name in borders)
      then
        derive Link { from: $cn.name, to: $ru.name }
    }
    rule trade_more {
      tags trade
      cite "Ministry | report *2025*"
      when
        $l: Link()
      then
        recommend "Trade more with {$l.to} | now" {
          subject: $l.from
          score: 0.75
          category: "trade"
          partners: 2
          weight: 1.5
          open: true
          sectors: ["wood", "grain"]
        }
    }
    rule plain {
      when
        Region(name == "Amur Oblast")
      then
        recommend "Keep watching"
    }
    """

    static func result(_ text: String = program, filter: RecommendationFilter = .none,
                       sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> RunResult {
        let analysis = Frontend.analyze(text: text, path: "fixture.accord")
        let errors = analysis.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(DiagnosticRenderer().render(errors))", sourceLocation: sourceLocation)
        guard let model = analysis.model, errors.isEmpty else { throw FixtureError.invalidProgram }
        let engine = try Engine(program: model)
        try engine.run()
        return RunResult(recommendations: filter.apply(engine.recommendations()), statistics: engine.statistics,
                         sources: ["fixture.accord"])
    }

    enum FixtureError: Error {
        case invalidProgram
    }
}
