import AccordSyntax

extension NetworkBuilder {
    /// Splits a pattern's constraints: those on the fact alone go to the alpha memory;
    /// `field == value` and `value in field` with the value from earlier levels become
    /// hashed join keys; the rest are join tests.
    func plan(_ pattern: Pattern, template: TemplateModel, scope: CompileScope) throws -> (AlphaMemory, JoinSpec) {
        var alphaTests: [CompiledExpression] = []
        var spec = JoinSpec()
        var current = scope
        current.current = template
        var alone = CompileScope()
        alone.current = template
        for constraint in pattern.constraints {
            let references = ExpressionAnalysis.references(constraint)
            if !references.outer {
                alphaTests.append(try compiler.compile(constraint, in: alone))
            } else if let (field, value) = equality(constraint, template) {
                spec.equalities.append((field, try compiler.compile(value, in: scope)))
            } else if spec.membership == nil, spec.listProbe == nil, let (field, value) = membership(constraint, template) {
                spec.membership = (field, try compiler.compile(value, in: scope))
            } else if spec.membership == nil, spec.listProbe == nil, let (field, list) = listProbe(constraint, template) {
                spec.listProbe = (field, try compiler.compile(list, in: scope))
            } else {
                spec.tests.append(try compiler.compile(constraint, in: current))
            }
        }
        return (network.alphaMemory(template: template.id, tests: alphaTests), spec)
    }

    /// `field == value` or `value == field`, the value not reading the candidate fact.
    private func equality(_ constraint: Expression, _ template: TemplateModel) -> (Int, Expression)? {
        guard case .binary(.equal, let lhs, let rhs) = constraint.ungrouped.kind else { return nil }
        if case .field(let name) = lhs.ungrouped.kind, let index = template.index(of: name),
           !ExpressionAnalysis.references(rhs).current {
            return (index, rhs)
        }
        if case .field(let name) = rhs.ungrouped.kind, let index = template.index(of: name),
           !ExpressionAnalysis.references(lhs).current {
            return (index, lhs)
        }
        return nil
    }

    /// `value in field` with `field` a list of the candidate fact.
    private func membership(_ constraint: Expression, _ template: TemplateModel) -> (Int, Expression)? {
        guard case .binary(.in, let lhs, let rhs) = constraint.ungrouped.kind,
              case .field(let name) = rhs.ungrouped.kind, let index = template.index(of: name),
              case .list = template.info.fields[index].type,
              !ExpressionAnalysis.references(lhs).current else { return nil }
        return (index, lhs)
    }

    /// `field in list` with `field` the candidate fact's and the list from earlier levels.
    private func listProbe(_ constraint: Expression, _ template: TemplateModel) -> (Int, Expression)? {
        guard case .binary(.in, let lhs, let rhs) = constraint.ungrouped.kind,
              case .field(let name) = lhs.ungrouped.kind, let index = template.index(of: name),
              !ExpressionAnalysis.references(rhs).current else { return nil }
        return (index, rhs)
    }

    func compileAction(_ action: Action, scope: CompileScope) throws -> CompiledAction {
        switch action {
        case .recommend(let text, let fields, let span):
            var named: [String: CompiledExpression] = [:]
            var details: [(name: String, value: CompiledExpression)] = []
            for field in fields {
                let value = try compiler.compile(field.value, in: scope)
                switch field.name.name {
                case "subject", "score", "category", "tags": named[field.name.name] = value
                default: details.append((field.name.name, value))
                }
            }
            return .recommend(.init(
                text: try compiler.compile(text, in: scope), subject: named["subject"], score: named["score"],
                category: named["category"], tags: named["tags"], details: details, span: span))
        case .derive(let record, let span):
            let (template, fields) = try recordFields(record, scope: scope)
            return .derive(template: template, fields: fields, span: span)
        case .assert(let record, let span):
            let (template, fields) = try recordFields(record, scope: scope)
            return .assert(template: template, fields: fields, span: span)
        case .retract(let variable, let span):
            return .retract(level: try level(of: variable, scope), span: span)
        case .modify(let variable, let values, let span):
            guard let binding = scope.bindings[variable.name] else {
                throw CompileError(message: "`$\(variable.name)` is not bound", span: variable.span)
            }
            let fields = try values.map { value -> CompiledAction.Field in
                guard let index = binding.template.index(of: value.name.name) else {
                    throw CompileError(message: "unknown field `\(value.name.name)`", span: value.name.span)
                }
                return .init(index: index, value: try compiler.compile(value.value, in: scope))
            }
            return .modify(level: binding.level, fields: fields, span: span)
        case .print(let expression, _):
            return .print(try compiler.compile(expression, in: scope))
        case .halt:
            return .halt
        }
    }

    private func recordFields(_ record: Record, scope: CompileScope) throws -> (Int, [CompiledAction.Field]) {
        let template = try model(record.template)
        let fields = try record.fields.map { value -> CompiledAction.Field in
            guard let index = template.index(of: value.name.name) else {
                throw CompileError(message: "unknown field `\(value.name.name)`", span: value.name.span)
            }
            return .init(index: index, value: try compiler.compile(value.value, in: scope))
        }
        return (template.id, fields)
    }

    private func level(of variable: Identifier, _ scope: CompileScope) throws -> Int {
        guard let binding = scope.bindings[variable.name] else {
            throw CompileError(message: "`$\(variable.name)` is not bound", span: variable.span)
        }
        return binding.level
    }
}
