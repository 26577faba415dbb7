import AccordCheck
import AccordEngine
import AccordFormat
import AccordSyntax
import AccordTooling
import Foundation

extension ReplSession {
    /// `:save PATH`: every declaration of the session except its facts, then the facts as
    /// they stand (the files' facts with the session's changes applied) in one `facts`
    /// block. The text is checked before it is written, so a saved file always loads.
    func save(_ arguments: String) -> ReplReply {
        let path = ReplSession.unquoted(arguments)
        guard !path.isEmpty else { return .error("error: :save needs a path\nexample: :save session.accord") }
        let text: String
        do {
            text = try sessionText()
        } catch {
            return .error("error: cannot save: \(error.message)")
        }
        let analysis = Frontend.analyze(text: text, path: path)
        if analysis.hasErrors {
            return ReplReply(diagnostics: render(analysis.diagnostics.filter { $0.severity == .error })
                             + "error: the session cannot be written as one file that checks; nothing was written\n")
        }
        do {
            try AtomicFile.write(text, to: path)
        } catch {
            return .error("error: \(error.description)")
        }
        let facts = givenFacts()?.count ?? 0
        return ReplReply(output: "saved \(path): \(ReplText.plural(declarationCount, "declaration")) and \(ReplText.plural(facts, "fact"))\n")
    }

    struct SaveError: Error {
        let message: String
    }

    var declarationCount: Int {
        state.units.flatMap(\.declarations).filter { declaration in
            switch declaration {
            case .import, .facts, .factsFrom: false
            case .template, .rule, .scenario, .test: true
            }
        }.count
    }

    func sessionText() throws(SaveError) -> String {
        var out = "// Saved from accord repl (\(sources.joined(separator: ", "))).\n"
        out += "// The facts are the session's as they stood: the files' facts with the changes applied.\n"
        for unit in state.units {
            let kept = unit.declarations.filter { declaration in
                switch declaration {
                case .import, .facts, .factsFrom: false
                case .template, .rule, .scenario, .test: true
                }
            }
            guard !kept.isEmpty else { continue }
            out += "\n// From \(unit.file.path)\n"
            for declaration in kept {
                out += declarationText(declaration, in: unit) + "\n\n"
            }
        }
        guard let facts = givenFacts() else { throw SaveError(message: "the session's facts could not be rebuilt") }
        if !facts.isEmpty {
            out += "\nfacts {\n"
            for fact in facts {
                out += "  " + fact.template + " { "
                out += fact.fields.map { "\($0.name): \($0.value.description)" }.joined(separator: ", ") + " }"
                if let cite = fact.cite { out += " cite " + StringEscaping.literal(cite) }
                out += "\n"
            }
            out += "}\n"
        }
        return out
    }

    /// A declaration's text as written, with the comments just above it.
    func declarationText(_ declaration: Declaration, in unit: SourceUnit) -> String {
        let span = declaration.span
        let file = unit.file
        var start = span.start
        // Comments on the lines right above belong to the declaration.
        let leading = unit.comments.filter { $0.end <= span.start }.sorted { $0.start > $1.start }
        for comment in leading {
            let between = file.text(of: SourceSpan(file: file, start: comment.end, end: start))
            guard between.allSatisfy(\.isWhitespace), between.filter({ $0 == "\n" }).count <= 1 else { break }
            start = comment.start
        }
        return file.text(of: SourceSpan(file: file, start: start, end: span.end))
    }

    /// The facts the session was given, after its changes, without anything rules derived
    /// or asserted: an engine without rules, fed the program's facts and the change blocks.
    func givenFacts() -> [FactSnapshot]? {
        let check = SessionCheck(units: state.units, blocks: state.changeBlocks)
        guard let model = check.model else { return nil }
        let factsOnly = CheckedProgram(templates: model.templates, rules: [], scenarios: [], tests: [], facts: model.facts)
        do {
            let engine = try Engine(program: factsOnly)
            for changes in check.blockChanges { try engine.apply(changes) }
            return engine.facts().filter { $0.template != "Recommendation" && !$0.isLogical }
        } catch {
            return nil
        }
    }
}
