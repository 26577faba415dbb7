import AccordSyntax

/// A rule's `then` clause. Every binding of the conditions is visible; bare names are
/// not (there is no single fact to take them from).
enum RuleActionCheck {
    /// Fields of `recommend` the engine reads; any other field is kept as a detail.
    static let recommendationFields: [String: ValueType] = [
        "subject": .string, "score": .float, "category": .string, "tags": .list(.string),
    ]

    static func check(_ action: Action, with checker: inout ExpressionTypeChecker) {
        switch action {
        case .recommend(let text, let fields, _):
            checker.expect(text, .string, what: "the text of a recommendation")
            var seen: [String: SourceSpan] = [:]
            for field in fields {
                if let first = seen[field.name.name] {
                    checker.diagnostics.append(.fieldGivenTwice(field.name, first: first))
                }
                seen[field.name.name] = field.name.span
                if let type = recommendationFields[field.name.name] {
                    checker.expect(field.value, type, what: "the `\(field.name.name)` of a recommendation")
                } else {
                    _ = checker.check(field.value)
                }
            }
        case .derive(let record, _):
            checkRecord(record, action: "derive", with: &checker)
        case .assert(let record, _):
            checkRecord(record, action: "assert", with: &checker)
        case .retract(let variable, _):
            _ = boundTemplate(variable, action: "retract", with: &checker)
        case .modify(let variable, let fields, _):
            guard let template = boundTemplate(variable, action: "modify", with: &checker) else {
                fields.forEach { _ = checker.check($0.value) }
                return
            }
            let matched = RecordShape.match(fields, to: template, at: variable, requireAll: false, diagnostics: &checker.diagnostics)
            checkValues(fields, matched: matched, with: &checker)
        case .print(let expression, _):
            _ = checker.check(expression)
        case .halt:
            return
        }
    }

    private static func checkRecord(_ record: Record, action: String, with checker: inout ExpressionTypeChecker) {
        guard let template = checker.symbols.lookupTemplate(record.template, into: &checker.diagnostics),
              RecordShape.allowsChanges(to: template, at: record.template.span, action: action, diagnostics: &checker.diagnostics)
        else {
            record.fields.forEach { _ = checker.check($0.value) }
            return
        }
        let matched = RecordShape.match(record.fields, to: template, at: record.template, requireAll: true,
                                        diagnostics: &checker.diagnostics)
        checkValues(record.fields, matched: matched, with: &checker)
    }

    /// Checks every value, typed against its field where the field exists, so that the
    /// bindings it uses count as used even when its field name is wrong.
    private static func checkValues(_ fields: [FieldValue], matched: [(value: FieldValue, field: FieldInfo)],
                                    with checker: inout ExpressionTypeChecker) {
        for value in fields {
            if let field = matched.first(where: { $0.value == value })?.field {
                checker.expect(value.value, field.type, what: "field `\(field.name)`")
            } else {
                _ = checker.check(value.value)
            }
        }
    }

    /// The template of the fact `$v` matched, for `retract $v` and `modify $v`.
    private static func boundTemplate(_ variable: Identifier, action: String, with checker: inout ExpressionTypeChecker) -> TemplateInfo? {
        guard let binding = checker.scope.use(variable.name) else {
            checker.report(unbound: variable.name, at: variable.span)
            return nil
        }
        guard let template = binding.template,
              RecordShape.allowsChanges(to: template, at: variable.span, action: action, diagnostics: &checker.diagnostics)
        else { return nil }
        return template
    }
}
