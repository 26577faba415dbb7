import AccordSyntax

/// The changes of scenarios and `given` blocks: `assert T {...}`, `modify T[k] {...}`,
/// `retract T[k]`. Their values are constants, and they track which keyed facts exist
/// as they go, so that a change to a fact that is not there — misspelt, or retracted
/// earlier in the chain — is an error rather than a silent no-op.
struct ChangeCheck {
    let symbols: SymbolTable
    /// The keyed facts of the files, plus the effect of the changes applied so far.
    var facts: KeyIndex
    var diagnostics: [Diagnostic] = []

    static let constantRule = "a value in a scenario or `given` block must be a constant"

    init(symbols: SymbolTable, facts: KeyIndex) {
        self.symbols = symbols
        self.facts = facts
    }

    mutating func apply(_ changes: [Change]) {
        for change in changes {
            apply(change)
        }
    }

    mutating func apply(_ change: Change) {
        switch change {
        case .assert(let record, _, _):
            assert(record)
        case .modify(let reference, let fields, _):
            modify(reference, fields)
        case .retract(let reference, let span):
            guard let (template, key) = resolve(reference),
                  RecordShape.allowsChanges(to: template, at: reference.template.span, action: "retract", diagnostics: &diagnostics),
                  let key
            else { return }
            facts.remove(key, in: template.name, at: span, because: .retracted)
        }
    }

    private mutating func assert(_ record: Record) {
        guard let template = symbols.lookupTemplate(record.template, into: &diagnostics),
              RecordShape.allowsChanges(to: template, at: record.template.span, action: "assert", diagnostics: &diagnostics)
        else { return }
        let given = values(of: record.fields, in: template, at: record.template, requireAll: true)
        let key = template.key.compactMap { given[$0] ?? template.field(named: $0)?.defaultValue }
        guard template.isKeyed, key.count == template.key.count else { return }
        let span = FactCheck.keySpan(of: record, template: template)
        if let first = facts.insert(key, in: template.name, at: span) {
            diagnostics.append(.duplicateKey(key, of: template, at: span, first: first))
        }
    }

    private mutating func modify(_ reference: FactReference, _ fields: [FieldValue]) {
        guard let (template, key) = resolve(reference),
              RecordShape.allowsChanges(to: template, at: reference.template.span, action: "modify", diagnostics: &diagnostics)
        else { return }
        let changed = values(of: fields, in: template, at: reference.template, requireAll: false)
        // Changing a key field moves the fact to its new key.
        guard let key else { return }
        let newKey = zip(template.key, key).map { name, old in changed[name] ?? old }
        guard newKey != key else { return }
        facts.remove(key, in: template.name, at: reference.span, because: .rekeyed)
        if let first = facts.insert(newKey, in: template.name, at: reference.span) {
            diagnostics.append(.duplicateKey(newKey, of: template, at: reference.span, first: first))
        }
    }

    private mutating func values(of fields: [FieldValue], in template: TemplateInfo, at name: Identifier, requireAll: Bool) -> [String: Value] {
        var values: [String: Value] = [:]
        for (value, field) in RecordShape.match(fields, to: template, at: name, requireAll: requireAll, diagnostics: &diagnostics) {
            values[field.name] = ConstantCheck.value(of: value.value, as: field.type, what: "field `\(field.name)`",
                                                     rule: ChangeCheck.constantRule, diagnostics: &diagnostics)
        }
        return values
    }

    /// The template and key `T[k...]` names. The key is nil when it is not fully known
    /// or names no fact; either has been reported.
    mutating func resolve(_ reference: FactReference) -> (TemplateInfo, [Value]?)? {
        guard let template = symbols.lookupTemplate(reference.template, into: &diagnostics) else { return nil }
        let keySpan = reference.key.first.map { $0.span.union(reference.key[reference.key.count - 1].span) } ?? reference.span
        guard template.isKeyed else {
            diagnostics.append(.noKey(template, at: reference.template.span))
            return (template, nil)
        }
        guard reference.key.count == template.key.count else {
            diagnostics.append(.keyArity(template, found: reference.key.count, at: keySpan))
            return (template, nil)
        }
        var key: [Value] = []
        for (expression, field) in zip(reference.key, template.keyFields) {
            if let value = ConstantCheck.value(of: expression, as: field.type, what: "key field `\(field.name)`",
                                               rule: "a key must be a constant", diagnostics: &diagnostics) {
                key.append(value)
            }
        }
        guard key.count == template.key.count else { return (template, nil) }
        guard facts.span(of: key, in: template.name) != nil else {
            diagnostics.append(.unknownFact(key, of: template, at: keySpan, facts: facts))
            return (template, nil)
        }
        return (template, key)
    }
}

// MARK: - Diagnostics

extension Diagnostic {
    fileprivate static func noKey(_ template: TemplateInfo, at span: SourceSpan) -> Diagnostic {
        .error("check.no-key", "template `\(template.name)` has no key, so its facts cannot be addressed as `\(template.name)[...]`",
               at: span, notes: [.init("give the template a `key` to address its facts", span: template.span)])
    }

    fileprivate static func keyArity(_ template: TemplateInfo, found: Int, at span: SourceSpan) -> Diagnostic {
        let names = template.key.map { "`\($0)`" }.joined(separator: ", ")
        let fields = template.key.count == 1 ? "field" : "fields"
        let values = found == 1 ? "value" : "values"
        return .error("check.key-arity", "the key of `\(template.name)` has \(template.key.count) \(fields) (\(names)), found \(found) \(values)",
                      at: span)
    }

    fileprivate static func unknownFact(_ key: [Value], of template: TemplateInfo, at span: SourceSpan, facts: KeyIndex) -> Diagnostic {
        let described = KeyIndex.describe(key)
        var notes: [Note] = []
        if let removal = facts.removal(of: key, in: template.name) {
            switch removal.reason {
            case .retracted: notes.append(.init("it was retracted here", span: removal.span))
            case .rekeyed: notes.append(.init("its key was changed here", span: removal.span))
            }
        } else {
            notes += NameSuggestion.notes(for: described, among: facts.describedKeys(of: template.name)) { $0 }
        }
        return .error("check.unknown-fact", "no `\(template.name)` fact with key \(described)", at: span, notes: notes)
    }
}
