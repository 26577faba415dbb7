import AccordSyntax

/// Finds the type of an expression and reports every type and name error in it. An
/// expression whose type cannot be found gets `unknown`, which every operator accepts,
/// so one mistake is reported once. Errors point at the offending operand, not at the
/// whole expression.
struct ExpressionTypeChecker {
    /// What a bare name means where the expression is.
    enum FieldScope {
        /// Outside any pattern: a bare name is an error.
        case none
        /// Inside `T(...)`: a bare name is a field of T.
        case template(TemplateInfo)
        /// Inside a pattern over an unknown template (reported): anything goes.
        case unresolved
    }

    let symbols: SymbolTable
    var scope: Scope
    var fieldScope: FieldScope = .none
    var diagnostics: [Diagnostic] = []

    init(symbols: SymbolTable, scope: Scope = Scope()) {
        self.symbols = symbols
        self.scope = scope
    }

    mutating func check(_ expression: Expression) -> ValueType {
        switch expression.kind {
        case .integer: return .int
        case .float: return .float
        case .boolean: return .bool
        case .string(let segments):
            for case .interpolation(let inner) in segments {
                _ = check(inner)
            }
            return .string
        case .list(let elements):
            return checkList(elements)
        case .variable(let name):
            if scope.use(name) != nil {
                diagnostics.append(.factAsValue(name, at: expression.span))
            } else {
                report(unbound: name, at: expression.span)
            }
            return .unknown
        case .field(let name):
            return checkBareName(name, at: expression.span)
        case .member(let base, let field):
            return checkMember(base, field)
        case .unary(let op, let operand):
            return checkUnary(op, operand)
        case .binary(let op, let lhs, let rhs):
            return checkBinary(op, lhs, rhs)
        case .call(let callee, let arguments):
            return checkCall(callee, arguments, span: expression.span)
        case .aggregate(let function, let pattern, let value):
            return checkAggregate(function, pattern, value, span: expression.span)
        case .group(let inner):
            return check(inner)
        }
    }

    /// Checks `expression` where a value of `expected` will be stored or used; `what`
    /// names the place in the message ("field `score`", "a constraint").
    @discardableResult
    mutating func expect(_ expression: Expression, _ expected: ValueType, what: String) -> ValueType {
        let type = check(expression)
        if !expected.canHold(type) {
            diagnostics.append(.expected(expected, for: what, found: type, at: expression.span))
        }
        return type
    }

    /// Checks a pattern's constraints with its template's fields in scope.
    mutating func checkConstraints(of pattern: Pattern, template: TemplateInfo?) {
        let outer = fieldScope
        fieldScope = template.map(FieldScope.template) ?? .unresolved
        defer { fieldScope = outer }
        for constraint in pattern.constraints {
            let type = check(constraint)
            if type != .bool, type.isKnown {
                diagnostics.append(.constraintNotBool(type, at: constraint.span))
            }
        }
    }

    mutating func report(unbound name: String, at span: SourceSpan) {
        scope.noteEarlyUse(name)
        diagnostics.append(.unboundVariable(name, at: span, notes: scope.notesForUnbound(name, at: span)))
    }

    // MARK: Names

    private mutating func checkBareName(_ name: String, at span: SourceSpan) -> ValueType {
        switch fieldScope {
        case .none:
            diagnostics.append(.bareField(name, at: span))
            return .unknown
        case .unresolved:
            return .unknown
        case .template(let template):
            guard let field = template.field(named: name) else {
                diagnostics.append(.unknownField(Identifier(name, span: span), of: template))
                return .unknown
            }
            return field.type
        }
    }

    private mutating func checkMember(_ base: Expression, _ field: Identifier) -> ValueType {
        guard case .variable(let name) = base.ungrouped.kind else {
            let type = check(base)
            if type.isKnown {
                diagnostics.append(.memberOfValue(type, field))
            }
            return .unknown
        }
        guard let binding = scope.use(name) else {
            report(unbound: name, at: base.span)
            return .unknown
        }
        guard let template = binding.template else { return .unknown }
        guard let info = template.field(named: field.name) else {
            diagnostics.append(.unknownField(field, of: template))
            return .unknown
        }
        return info.type
    }

    // MARK: Lists

    private mutating func checkList(_ elements: [Expression]) -> ValueType {
        var elementType = ValueType.unknown
        for element in elements {
            let type = check(element)
            guard let joined = ValueType.join(elementType, type) else {
                diagnostics.append(.mixedList(element: type, earlier: elementType, at: element.span))
                continue
            }
            elementType = joined
        }
        return .list(elementType)
    }
}

// MARK: - Diagnostics

extension Diagnostic {
    /// "expected `string` for field `host`, found `int`": a value where a type is required.
    static func expected(_ expected: ValueType, for what: String, found type: ValueType, at span: SourceSpan) -> Diagnostic {
        .typeMismatch("expected `\(expected)` for \(what), found `\(type)`", at: span)
    }

    static func unboundVariable(_ name: String, at span: SourceSpan, notes: [Note]) -> Diagnostic {
        .error("check.unbound-variable", "unbound variable `$\(name)`", at: span, notes: notes)
    }

    fileprivate static func constraintNotBool(_ type: ValueType, at span: SourceSpan) -> Diagnostic {
        .typeMismatch("a constraint must be a `bool`, found `\(type)`", at: span)
    }

    fileprivate static func factAsValue(_ name: String, at span: SourceSpan) -> Diagnostic {
        .error("check.fact-as-value", "`$\(name)` is a fact, not a value", at: span,
               notes: [.init("use one of its fields, such as `$\(name).name`")])
    }

    fileprivate static func bareField(_ name: String, at span: SourceSpan) -> Diagnostic {
        .error("check.bare-field", "bare name `\(name)` outside a pattern", at: span,
               notes: [.init("a bare name is a field only inside `Template(...)`; elsewhere write `$v.\(name)`")])
    }

    fileprivate static func memberOfValue(_ type: ValueType, _ field: Identifier) -> Diagnostic {
        .typeMismatch("a `\(type)` has no fields", at: field.span,
                      notes: [.init("`.\(field.name)` reads a field of a fact bound to a `$` variable")])
    }
}
