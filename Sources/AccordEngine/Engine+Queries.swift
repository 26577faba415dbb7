import AccordCheck
import AccordSyntax

/// Questions about working memory asked from outside the rules: policy tests'
/// `expect fact T(...)` and the values their expectations compare with.
///
///     let hubs = try engine.facts(matching: pattern)     // Hub(park == "Tomsk Wood Zone")
///     let bound = try engine.value(of: expression)       // 0.5 + 0.1, count(Park())
///
/// Queries compile with the same `ExpressionCompiler` as rules, so an expression means
/// the same in a test as in a rule. Nothing here changes the session.
extension Engine {
    /// The live facts of the pattern's template that satisfy every constraint, in the
    /// order they were made. Bare names are the fact's fields; there are no bindings.
    ///
    /// An aggregate in a constraint cannot read the candidate fact (inside it, bare names
    /// are the aggregated fact's fields), so it is computed once per query. As in a rule,
    /// `min`, `max` and `avg` over no facts have no value, and then no fact matches.
    public func facts(matching pattern: Pattern) throws(EngineError) -> [FactSnapshot] {
        try queried {
            let template = try queryTemplate(pattern.template)
            guard let query = try compileQuery(pattern.constraints, template: template) else { return [] }
            return try liveFacts(of: template).filter { try query.accepts(network.memory[$0].values) }.map(snapshot)
        }
    }

    /// The value of an expression that reads no fact: a constant, or arithmetic over
    /// constants and aggregates (`0.5 + 0.1`, `count(Park(cross_border))`). Nil when an
    /// aggregate in it has no value (the `min` of no facts).
    public func value(of expression: Expression) throws(EngineError) -> Value? {
        try queried {
            let compiler = ExpressionCompiler(symbols: network.symbols)
            var scope = CompileScope()
            guard let slots = try aggregateSlots(in: [expression], scope: &scope) else { return nil }
            let compiled = try compiler.compile(expression, in: scope)
            let context = EvaluationContext(network: network, token: nil, current: nil,
                                            snapshot: FiringSnapshot(values: [], slots: slots))
            return network.symbols.value(try compiled.evaluate(context))
        }
    }

    /// Constraints compiled against one template, with their aggregates' values.
    private struct Query {
        let network: Network
        let constraints: [CompiledExpression]
        let slots: [Datum?]

        func accepts(_ values: [Datum]) throws -> Bool {
            let context = EvaluationContext(network: network, token: nil, current: values,
                                            snapshot: FiringSnapshot(values: [], slots: slots))
            for constraint in constraints where !(try constraint.evaluate(context).asBool) {
                return false
            }
            return true
        }
    }

    /// Nil when an aggregate has no value, so nothing can match.
    private func compileQuery(_ constraints: [Expression], template: TemplateModel) throws -> Query? {
        var scope = CompileScope()
        scope.current = template
        guard let slots = try aggregateSlots(in: constraints, scope: &scope) else { return nil }
        let compiler = ExpressionCompiler(symbols: network.symbols)
        let compiled = try constraints.map { try compiler.compile($0, in: scope) }
        return Query(network: network, constraints: compiled, slots: slots)
    }

    /// Computes every aggregate in `expressions` and gives each a slot of the firing
    /// snapshot, where compiled expressions read aggregate values (as a firing rule's do).
    /// Nil when one has no value.
    private func aggregateSlots(in expressions: [Expression], scope: inout CompileScope) throws -> [Datum?]? {
        var slots: [Datum?] = []
        for expression in expressions {
            for aggregate in ExpressionAnalysis.aggregates(in: expression) {
                guard case .aggregate(let function, let pattern, let value) = aggregate.kind,
                      scope.aggregateLevels[aggregate.span] == nil else { continue }
                guard let result = try self.aggregate(function, over: pattern, value: value) else { return nil }
                scope.aggregateLevels[aggregate.span] = slots.count
                slots.append(result)
            }
        }
        return slots
    }

    /// `count`, `sum`, `min`, `max` or `avg` over the facts matching `pattern`, with the
    /// semantics of `AggregateNode`: the sum of nothing is 0; min, max, avg of nothing are nil.
    private func aggregate(_ function: AggregateFunction, over pattern: Pattern, value: Expression?) throws -> Datum? {
        let template = try queryTemplate(pattern.template)
        // An aggregate inside this one has no slot in this scope: the compiler reports it,
        // as it does in a rule.
        var scope = CompileScope()
        scope.current = template
        let compiler = ExpressionCompiler(symbols: network.symbols)
        let constraints = try pattern.constraints.map { try compiler.compile($0, in: scope) }
        let compiledValue = try value.map { try compiler.compile($0, in: scope) }
        let query = Query(network: network, constraints: constraints, slots: [])
        let members = try liveFacts(of: template).filter { try query.accepts(network.memory[$0].values) }
        if function == .count { return .int(Int64(members.count)) }
        guard let compiledValue else { return nil }
        let values = try members.map { id in
            try compiledValue.evaluate(EvaluationContext(network: network, token: nil, current: network.memory[id].values))
        }
        return try AggregateNode.combine(values, count: members.count, function: function, operations: network.operations,
                                         at: compiledValue.span)
    }

    private func queryTemplate(_ name: Identifier) throws -> TemplateModel {
        guard let template = network.template(named: name.name) else {
            throw CompileError(message: "unknown template `\(name.name)`", span: name.span)
        }
        return template
    }

    private func liveFacts(of template: TemplateModel) -> [FactID] {
        network.memory.liveIDs.filter { network.memory[$0].template == template.id }
    }

    private func snapshot(_ id: FactID) -> FactSnapshot {
        let record = network.memory[id]
        return FactSnapshot(id: id, template: network.templates[record.template].name, fields: network.namedValues(record),
                            cite: record.cite, isLogical: record.isLogical, assertedBy: network.assertingRule(record))
    }

    /// Runs a query, mapping the compiler's and evaluator's errors to `EngineError`.
    private func queried<Result>(_ work: () throws -> Result) throws(EngineError) -> Result {
        do {
            return try work()
        } catch let error as CompileError {
            throw .compile(message: error.message, span: error.span)
        } catch let failure as RuntimeFailure {
            throw .runtime(rule: "", message: failure.message, span: failure.span)
        } catch let error as EngineError {
            throw error
        } catch {
            throw .internalError("\(error)")
        }
    }
}
