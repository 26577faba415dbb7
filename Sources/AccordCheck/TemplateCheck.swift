import AccordSyntax

/// Resolves each template's field types, defaults and key. Every template body is
/// checked, duplicates included, but only the defining one enters the symbol table.
enum TemplateCheck {
    static func run(_ context: inout CheckContext) {
        for case .template(let declaration) in context.program.declarations {
            let template = resolve(declaration, isBuiltIn: false, diagnostics: &context.diagnostics)
            if context.symbols.isDefining(declaration) {
                context.symbols.add(template)
            }
        }
    }

    static func resolve(_ declaration: TemplateDeclaration, isBuiltIn: Bool, diagnostics: inout [Diagnostic]) -> TemplateInfo {
        var fields: [FieldInfo] = []
        for field in declaration.fields {
            if let first = fields.first(where: { $0.name == field.name.name }) {
                diagnostics.append(.duplicate("check.duplicate-field", "duplicate field `\(field.name.name)`",
                                              at: field.name.span, first: first.span))
                continue
            }
            let type = resolve(field.type, diagnostics: &diagnostics)
            var defaultValue: Value?
            if let expression = field.defaultValue {
                defaultValue = ConstantCheck.value(
                    of: expression, as: type, what: "field `\(field.name.name)`",
                    rule: "the default of field `\(field.name.name)` must be a constant", diagnostics: &diagnostics)
            }
            fields.append(FieldInfo(name: field.name.name, type: type, defaultValue: defaultValue, span: field.name.span))
        }
        let key = resolveKey(declaration, fields: fields, diagnostics: &diagnostics)
        return TemplateInfo(name: declaration.name.name, fields: fields, key: key, span: declaration.name.span, isBuiltIn: isBuiltIn)
    }

    static func resolve(_ type: TypeSyntax, diagnostics: inout [Diagnostic]) -> ValueType {
        switch type.kind {
        case .named(let name):
            if let resolved = ValueType(named: name) { return resolved }
            diagnostics.append(.unknownType(name, at: type.span))
            return .unknown
        case .list(let element):
            return .list(resolve(element, diagnostics: &diagnostics))
        }
    }

    /// Key fields must exist, appear once, and be strings or ints: the values that
    /// `Template[...]` can spell.
    private static func resolveKey(_ declaration: TemplateDeclaration, fields: [FieldInfo], diagnostics: inout [Diagnostic]) -> [String] {
        var key: [String] = []
        for name in declaration.key {
            guard let field = fields.first(where: { $0.name == name.name }) else {
                diagnostics.append(.unknownKeyField(name, of: declaration, fields: fields))
                continue
            }
            if key.contains(name.name) {
                diagnostics.append(.repeatedKeyField(name))
                continue
            }
            switch field.type {
            case .string, .int, .unknown:
                key.append(name.name)
            case .float, .bool, .list:
                diagnostics.append(.keyType(name, field: field))
            }
        }
        return key
    }
}

// MARK: - Diagnostics

extension Diagnostic {
    fileprivate static func unknownType(_ name: String, at span: SourceSpan) -> Diagnostic {
        .error("check.unknown-type", "unknown type `\(name)`", at: span,
               notes: NameSuggestion.notes(for: name, among: ValueType.scalarNames)
                   + [.init("a field is `string`, `int`, `float`, `bool` or a list such as `[string]`")])
    }

    fileprivate static func unknownKeyField(_ name: Identifier, of declaration: TemplateDeclaration, fields: [FieldInfo]) -> Diagnostic {
        .error("check.unknown-field", "template `\(declaration.name.name)` has no field `\(name.name)` to use as its key",
               at: name.span, notes: NameSuggestion.notes(for: name.name, among: fields.map(\.name)))
    }

    fileprivate static func repeatedKeyField(_ name: Identifier) -> Diagnostic {
        .error("check.duplicate-field", "field `\(name.name)` is already part of the key", at: name.span)
    }

    fileprivate static func keyType(_ name: Identifier, field: FieldInfo) -> Diagnostic {
        .error("check.key-type", "key field `\(name.name)` is `\(field.type)`; a key field must be `string` or `int`",
               at: name.span, notes: [.init("the field is declared here", span: field.span)])
    }
}
