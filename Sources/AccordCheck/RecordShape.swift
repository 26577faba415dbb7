import AccordSyntax

/// The part of checking `Template { field: value, ... }` that does not depend on where
/// the record is: every named field exists and is given once, and a record that creates
/// a fact gives every required field. Callers check the values, constant or not.
enum RecordShape {
    /// Each given field with its declaration, in the order written.
    static func match(_ fields: [FieldValue], to template: TemplateInfo, at name: Identifier, requireAll: Bool,
                      diagnostics: inout [Diagnostic]) -> [(value: FieldValue, field: FieldInfo)] {
        var matched: [(value: FieldValue, field: FieldInfo)] = []
        matched.reserveCapacity(fields.count)
        // Records are small: a scan finds repeats without hashing every field name.
        var seen: [Identifier] = []
        seen.reserveCapacity(fields.count)
        for value in fields {
            if let first = seen.first(where: { $0.name == value.name.name }) {
                diagnostics.append(.fieldGivenTwice(value.name, first: first.span))
                continue
            }
            seen.append(value.name)
            guard let field = template.field(named: value.name.name) else {
                diagnostics.append(.unknownField(value.name, of: template))
                continue
            }
            matched.append((value, field))
        }
        if requireAll {
            let missing = template.fields.filter { field in field.isRequired && !seen.contains { $0.name == field.name } }
            if !missing.isEmpty {
                diagnostics.append(.missingFields(missing, of: template, at: name.span))
            }
        }
        return matched
    }

    /// Facts of a built-in template come from the engine alone; returns false after
    /// reporting an attempt to make or change one.
    static func allowsChanges(to template: TemplateInfo, at span: SourceSpan, action: String, diagnostics: inout [Diagnostic]) -> Bool {
        guard template.isBuiltIn else { return true }
        diagnostics.append(.changesBuiltIn(template, action: action, at: span))
        return false
    }

    /// The fact a checked record describes: the given values, then the defaults, in
    /// the template's field order. Nil when a required value is missing (already reported).
    static func fact(_ given: [Value?], of template: TemplateInfo, cite: String?, span: SourceSpan) -> FactInstance? {
        var values: [Value] = []
        values.reserveCapacity(given.count)
        for (value, field) in zip(given, template.fields) {
            guard let value = value ?? field.defaultValue else { return nil }
            values.append(value)
        }
        return FactInstance(template: template.name, fieldNames: template.fieldNames, values: values, cite: cite, span: span)
    }

    /// As `fact(_:of:cite:span:)`, from values by field name.
    static func fact(_ given: [String: Value], of template: TemplateInfo, cite: String?, span: SourceSpan) -> FactInstance? {
        fact(template.fieldNames.map { given[$0] }, of: template, cite: cite, span: span)
    }
}

// MARK: - Diagnostics

extension Diagnostic {
    static func fieldGivenTwice(_ name: Identifier, first: SourceSpan) -> Diagnostic {
        .duplicate("check.duplicate-field", "field `\(name.name)` is given twice", at: name.span, first: first)
    }

    fileprivate static func changesBuiltIn(_ template: TemplateInfo, action: String, at span: SourceSpan) -> Diagnostic {
        .error("check.builtin-template", "cannot \(action) a `\(template.name)` fact", at: span,
               notes: [.init("`\(template.name)` facts come only from `recommend` actions")])
    }

    fileprivate static func missingFields(_ missing: [FieldInfo], of template: TemplateInfo, at span: SourceSpan) -> Diagnostic {
        let names = missing.map { "`\($0.name)`" }.joined(separator: ", ")
        let noun = missing.count == 1 ? "field" : "fields"
        return .error("check.missing-field", "missing \(noun) \(names) of `\(template.name)`", at: span,
                      notes: [.init("a field without a default must be given")])
    }
}
