import AccordSyntax

extension Formatter.Printer {
    typealias Inline = Formatter.Inline

    /// The whole file: declarations at level 0, one blank line between them, comments
    /// before the first and after the last kept in place.
    func printUnit() -> String {
        let file = unit.file
        let items = unit.declarations.map { declaration in
            Item(declaration.span) { self.declaration(declaration) }
        }
        self.items(items, level: 0, open: file.contentStart, close: file.bytes.count, topLevel: true)
        return writer.text
    }

    func declaration(_ declaration: Declaration) {
        switch declaration {
        case .import(let d):
            writer.write("import " + Inline.string(d.path), level: 0)
        case .template(let d):
            template(d)
        case .facts(let d):
            facts(d)
        case .factsFrom(let d):
            var text = "facts " + d.template.name + " from " + Inline.string(d.path)
            if let cite = d.cite { text += " cite " + Inline.string(cite) }
            writer.write(text, level: 0)
        case .rule(let d):
            rule(d)
        case .scenario(let d):
            scenario(d)
        case .test(let d):
            test(d)
        }
    }

    /// `template Name {`, `key a, b` first, then one `field: type = default` per line.
    func template(_ d: TemplateDeclaration) {
        var members: [Item] = []
        if let keySpan = d.keySpan {
            members.append(line(keySpan, "key " + d.key.map(\.name).joined(separator: ", "), level: 1))
        }
        for field in d.fields {
            var text = field.name.name + ": " + Inline.type(field.type)
            if let value = field.defaultValue { text += " = " + Inline.expression(value) }
            members.append(line(field.span, text, level: 1))
        }
        braced("template " + d.name.name, level: 0, brace: tokens.openBrace(after: d.name.span.end),
               close: d.span.end - 1, items: members)
    }

    /// `facts {` with one entry per line; an entry's `cite` on the next line, indented.
    func facts(_ d: FactsDeclaration) {
        let entries = d.entries.map { entry in
            Item(entry.span) { self.record(entry.record, prefix: "", cite: entry.cite, level: 1) }
        }
        braced("facts", level: 0, brace: tokens.openBrace(after: d.span.start + "facts".utf8.count),
               close: d.span.end - 1, items: entries)
    }

    /// `prefix Template { ... }` by the record rule, then `cite "..."` on its own line
    /// two spaces deeper (facts entries and scenario `assert`s).
    func record(_ record: Record, prefix: String, cite: StringLiteral?, level: Int) {
        fields(prefix + record.template.name, record.fields, level: level,
               after: record.template.span.end, end: record.span.end)
        guard let cite else { return }
        trailing(after: record.span.end, before: wordStart(cite.span))
        writer.write("cite " + Inline.string(cite), level: level + 1)
    }
}
