import AccordCheck
import AccordEngine
import AccordSyntax
import Testing

/// Compiles Accord text into an engine, failing the test on any diagnostic.
func makeEngine(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation,
                print: @escaping (String) -> Void = { _ in }) throws -> Engine {
    let analysis = Frontend.analyze(text: text, path: "test.accord")
    let errors = analysis.diagnostics.filter { $0.severity == .error }
    #expect(errors.isEmpty, "\(DiagnosticRenderer().render(errors))", sourceLocation: sourceLocation)
    guard let model = analysis.model, errors.isEmpty else { throw TestFailure.invalidProgram }
    return try Engine(program: model, print: print)
}

enum TestFailure: Error {
    case invalidProgram
}

extension Engine {
    /// `rule subject score` per recommendation, in rank order.
    var ranked: [String] {
        recommendations().map { "\($0.rule) \($0.subject) \(formatScore($0.score))" }
    }

    func count(_ template: String) -> Int { facts(of: template).count }
}

/// Scores to six decimals, so float noise (0.23199999999999998) does not leak into expectations.
func formatScore(_ score: Double) -> String {
    let rounded = (score * 1e6).rounded() / 1e6
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
}
