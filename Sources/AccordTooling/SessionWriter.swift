import AccordCheck
import AccordEngine
import AccordFormat
import AccordSyntax

/// A session written back as one `.accord` file that stands alone: the REPL's
/// `:save`. It holds the program's templates (not the built-in ones), rules, scenarios
/// and tests as written (comments inside them kept), and one `facts { }` block with the
/// session's given facts in their current values, each with its `cite`. The files'
/// `facts` blocks and `facts T from "file.csv"` loads are not copied: their facts are
/// inline now, as the session has them. Imports go too: everything they brought is in.
///
/// Facts that rules made are left out: logical ones follow from the rules, and a fact a
/// rule `assert`ed is asserted again when the saved file runs.
///
///     let text = SessionWriter.render(program: engine.program, facts: engine.facts())
///     try AtomicFile.write(text, to: "session.accord")
public enum SessionWriter {
    /// The formatted text. `path` names the file in the formatter's diagnostics only.
    public static func render(program: CheckedProgram, facts: [FactSnapshot], path: String = "session.accord") -> String {
        var sections: [String] = []
        var parsed = ParsedFiles()
        for template in program.templates where !template.isBuiltIn {
            sections.append(parsed.templateText(template) ?? templateText(template))
        }
        sections.append(factsBlock(facts.filter { $0.isGiven && program.template(named: $0.template)?.isBuiltIn == false },
                                   program: program))
        sections += program.rules.map(\.span.text)
        sections += program.scenarios.map(\.span.text)
        sections += program.tests.map(\.span.text)
        let text = sections.joined(separator: "\n\n") + "\n"
        // The formatter re-prints what it parsed; text it cannot parse is returned as is
        // (it never is: every section comes from a checked program or from values).
        return Formatter.format(text: text, path: path).text ?? text
    }

    /// `facts { ... }` with one record per fact, in the order the facts were made.
    static func factsBlock(_ facts: [FactSnapshot], program: CheckedProgram) -> String {
        var lines = ["facts {"]
        for fact in facts {
            // A field that holds its template's default is left out, as a file would
            // write it; the default is in the same file, so the value reads back the same.
            let template = program.template(named: fact.template)
            let fields = fact.fields
                .filter { field in template?.field(named: field.name)?.defaultValue != field.value }
                .map { "\($0.name): \(valueText($0.value))" }.joined(separator: ", ")
            lines.append("  \(fact.template) { \(fields) }")
            if let cite = fact.cite { lines.append("    cite \(StringEscaping.literal(cite))") }
        }
        lines.append("}")
        return lines.joined(separator: "\n")
    }

    /// A value as Accord source (strings quoted and escaped, floats with a `.`).
    static func valueText(_ value: Value) -> String {
        value.description
    }

    /// A template rebuilt from what the checker knows, for one whose declaration cannot
    /// be found in its file (it always can when the file is still the one checked).
    static func templateText(_ template: TemplateInfo) -> String {
        var lines = ["template \(template.name) {"]
        if template.isKeyed { lines.append("  key " + template.key.joined(separator: ", ")) }
        for field in template.fields {
            var line = "  \(field.name): \(field.type)"
            if let value = field.defaultValue { line += " = " + valueText(value) }
            lines.append(line)
        }
        lines.append("}")
        return lines.joined(separator: "\n")
    }

    /// The files templates were declared in, parsed once each, to copy a template's
    /// declaration as written (with its comments) from the span of its name.
    struct ParsedFiles {
        private var units: [ObjectIdentifier: SourceUnit] = [:]

        mutating func templateText(_ template: TemplateInfo) -> String? {
            let file = template.span.file
            let unit = units[ObjectIdentifier(file)] ?? Parser.parse(file).unit
            units[ObjectIdentifier(file)] = unit
            for case .template(let declaration) in unit.declarations where declaration.name.span == template.span {
                return declaration.span.text
            }
            return nil
        }
    }
}
