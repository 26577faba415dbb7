import AccordCheck
import AccordEngine
import AccordFormat
import AccordSyntax
import AccordTooling
import Foundation

extension ReplSession {
    /// `:save PATH`: the session as one `.accord` file that stands alone
    /// (`SessionWriter`: templates, rules, scenarios and tests as written, and one
    /// `facts` block with the given facts as they stand now, changes applied). The text
    /// is checked before it is written, atomically, so a saved file always loads.
    func save(_ arguments: String) -> ReplReply {
        let path = ReplSession.unquoted(arguments)
        guard !path.isEmpty else { return .error("error: :save needs a path\nexample: :save session.accord") }
        let model = live.model
        let program = CheckedProgram(templates: model.templates, rules: model.rules, scenarios: scenarios, tests: model.tests,
                                     facts: model.facts)
        let facts = live.engine.facts().filter(\.isGiven)
        let text = SessionWriter.render(program: program, facts: facts, path: path)
        let analysis = Frontend.analyze(text: text, path: path)
        if analysis.hasErrors {
            return ReplReply(diagnostics: render(analysis.diagnostics.filter { $0.severity == .error })
                             + "error: the session does not make a file that checks; nothing was written\n")
        }
        do {
            try AtomicFile.write(text, to: path)
        } catch {
            return .error("error: \(error.description)")
        }
        let declarations = program.templates.filter { !$0.isBuiltIn }.count + program.rules.count + program.scenarios.count
            + program.tests.count
        var out = "saved \(path): \(ReportText.plural(declarations, "declaration")) and \(ReportText.plural(facts.count, "fact"))"
        if let branch = state.branch { out += " (with the changes of branch \(branch.name))" }
        return ReplReply(output: out + "\n")
    }
}
