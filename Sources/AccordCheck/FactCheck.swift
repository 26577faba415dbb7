import AccordSyntax

/// Loads the facts of `facts { }` blocks and CSV files, in load order, checking each
/// against its template. A fact's values must be constants; a keyed fact's key must be
/// new among all the facts of the files. Loading stops at the first fact past
/// `--max-facts` (`LoadLimits`), and on Ctrl-C.
enum FactCheck {
    static func run(_ context: inout CheckContext) {
        let limits = LoadLimits.current
        for unit in context.program.units {
            for declaration in unit.declarations {
                switch declaration {
                case .facts(let facts):
                    for (index, entry) in facts.entries.enumerated() {
                        if context.facts.instances.count >= limits.maxFacts {
                            context.diagnostics.append(.factLimit(limits.maxFacts, at: entry.span))
                            return
                        }
                        if index % 1024 == 1023, limits.isCancelled() {
                            context.diagnostics.append(.interrupted(at: entry.span))
                            return
                        }
                        check(entry, in: &context)
                    }
                case .factsFrom(let source):
                    CSVFactsCheck.load(source, in: &context)
                    // The CSV file stopped at the limit or on Ctrl-C: nothing after it loads.
                    if let last = context.diagnostics.last?.code, last == "run.fact-limit" || last == "load.interrupted" {
                        return
                    }
                case .import, .template, .rule, .scenario, .test:
                    continue
                }
            }
        }
    }

    static func check(_ entry: FactsDeclaration.Entry, in context: inout CheckContext) {
        let record = entry.record
        guard let template = context.symbols.lookupTemplate(record.template, into: &context.diagnostics),
              RecordShape.allowsChanges(to: template, at: record.template.span, action: "declare", diagnostics: &context.diagnostics)
        else { return }
        let errorsBefore = context.diagnostics.count
        var given = [Value?](repeating: nil, count: template.fields.count)
        for (value, field) in RecordShape.match(record.fields, to: template, at: record.template, requireAll: true,
                                                diagnostics: &context.diagnostics) {
            guard let index = template.index(of: field.name) else { continue }
            given[index] = ConstantCheck.value(
                of: value.value, as: field.type, what: "field `\(field.name)`",
                rule: "a value in a `facts` block must be a constant", diagnostics: &context.diagnostics)
        }
        guard let fact = RecordShape.fact(given, of: template, cite: entry.cite?.value, span: record.span) else { return }
        if let key = fact.key(in: template) {
            let span = keySpan(of: record, template: template)
            context.facts.register(key, of: template, at: span, diagnostics: &context.diagnostics)
        }
        if context.diagnostics.count == errorsBefore {
            context.facts.append(fact)
        }
    }

    /// Where a record spells its key: the first key field's `name: value`, or the
    /// template name when the key comes from defaults.
    static func keySpan(of record: Record, template: TemplateInfo) -> SourceSpan {
        guard let first = template.key.first, let value = record.fields.first(where: { $0.name.name == first }) else {
            return record.template.span
        }
        return value.span
    }
}
