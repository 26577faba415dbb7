import AccordFormat
import AccordSyntax

/// Where names in an expression come from while a rule is compiled.
struct CompileScope {
    struct Binding {
        let level: Int
        let template: TemplateModel
    }

    var bindings: [String: Binding] = [:]
    /// The template whose fields bare names denote (a pattern's own, or an aggregate's).
    var current: TemplateModel?
    /// The level that holds each aggregate's value, by the aggregate's span.
    var aggregateLevels: [SourceSpan: Int] = [:]
}

/// Something in a checked rule the engine cannot compile (the checker lets very few
/// such things through, e.g. an aggregate nested in an aggregate).
struct CompileError: Error {
    let message: String
    let span: SourceSpan
}

/// Compiles expressions to closures. Constants are folded into the closure; names are
/// resolved to levels and field positions once, here, not on each evaluation.
struct ExpressionCompiler {
    let symbols: SymbolTable
    let operations: Operations

    init(symbols: SymbolTable) {
        self.symbols = symbols
        self.operations = Operations(symbols: symbols)
    }

    func compile(_ expression: Expression, in scope: CompileScope) throws -> CompiledExpression {
        let evaluate = try closure(expression, scope)
        return CompiledExpression(evaluate: evaluate, source: Formatter().format(expression), span: expression.span)
    }

    // swiftlint:disable:next cyclomatic_complexity
    func closure(_ expression: Expression, _ scope: CompileScope) throws -> (EvaluationContext) throws -> Datum {
        let span = expression.span
        let operations = self.operations
        switch expression.kind {
        case .integer(let value):
            return { _ in .int(value) }
        case .float(let value):
            return { _ in .float(value) }
        case .boolean(let value):
            return { _ in .bool(value) }
        case .string(let segments):
            return try interpolation(segments, scope)
        case .list(let elements):
            let parts = try elements.map { try closure($0, scope) }
            return { context in .list(try parts.map { try $0(context) }) }
        case .group(let inner):
            return try closure(inner, scope)
        case .variable(let name):
            throw CompileError(message: "`$\(name)` is a fact; use one of its fields", span: span)
        case .field(let name):
            guard let template = scope.current, let index = template.index(of: name) else {
                throw CompileError(message: "`\(name)` is not a field here", span: span)
            }
            return { context in
                guard let values = context.current else { throw RuntimeFailure(message: "no fact for `\(name)`", span: span) }
                return values[index]
            }
        case .member(let base, let field):
            return try member(base, field, scope, span)
        case .unary(let op, let operand):
            let inner = try closure(operand, scope)
            switch op {
            case .negate: return { context in try operations.negate(try inner(context), at: span) }
            case .not: return { context in .bool(!(try inner(context)).asBool) }
            }
        case .binary(let op, let lhs, let rhs):
            let left = try closure(lhs, scope)
            let right = try closure(rhs, scope)
            switch op {
            case .and: return { context in .bool(try left(context).asBool && right(context).asBool) }
            case .or: return { context in .bool(try left(context).asBool || right(context).asBool) }
            case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual, .in, .notIn, .contains,
                 .add, .subtract, .multiply, .divide, .remainder:
                return { context in try operations.binary(op, try left(context), try right(context), at: span) }
            }
        case .call(let callee, let arguments):
            guard let function = BuiltinFunction(rawValue: callee.name) else {
                throw CompileError(message: "unknown function `\(callee.name)`", span: callee.span)
            }
            let parts = try arguments.map { try closure($0, scope) }
            return { context in try operations.call(function, try parts.map { try $0(context) }, at: span) }
        case .aggregate:
            guard let level = scope.aggregateLevels[span] else {
                throw CompileError(message: "an aggregate cannot appear here (inside another aggregate)", span: span)
            }
            return { context in
                if let snapshot = context.snapshot, level < snapshot.slots.count, let value = snapshot.slots[level] {
                    return value
                }
                guard let value = context.token?.at(level: level)?.slot else {
                    throw RuntimeFailure(message: "the aggregate has no value here", span: span)
                }
                return value
            }
        }
    }

    private func member(_ base: Expression, _ field: Identifier, _ scope: CompileScope, _ span: SourceSpan) throws
        -> (EvaluationContext) throws -> Datum {
        guard case .variable(let name) = base.ungrouped.kind, let binding = scope.bindings[name],
              let index = binding.template.index(of: field.name) else {
            throw CompileError(message: "cannot read `\(field.name)` here", span: span)
        }
        let level = binding.level
        return { context in
            if let snapshot = context.snapshot, level < snapshot.values.count, let values = snapshot.values[level] {
                return values[index]
            }
            guard let fact = context.token?.fact(at: level), fact >= 0 else {
                throw RuntimeFailure(message: "`$\(name)` is not bound here", span: span)
            }
            return context.network.memory.values(of: fact)[index]
        }
    }

    private func interpolation(_ segments: [StringSegment], _ scope: CompileScope) throws -> (EvaluationContext) throws -> Datum {
        if segments.isEmpty {
            let empty = symbols.intern("")
            return { _ in .string(empty) }
        }
        if segments.count == 1, case .text(let text) = segments[0] {
            let symbol = symbols.intern(text)
            return { _ in .string(symbol) }
        }
        enum Piece {
            case text(String)
            case value((EvaluationContext) throws -> Datum)
        }
        let pieces: [Piece] = try segments.map { segment in
            switch segment {
            case .text(let text): .text(text)
            case .interpolation(let inner): .value(try closure(inner, scope))
            }
        }
        return { context in
            var text = ""
            for piece in pieces {
                switch piece {
                case .text(let part): text += part
                case .value(let evaluate): text += context.network.symbols.display(try evaluate(context))
                }
            }
            return .string(context.network.symbols.intern(text))
        }
    }
}
