import AccordCheck
import AccordSyntax

/// The fact changes that could carry the closest partial match past the condition it
/// fails, before any is verified: for a constraint or a `test` comparing a field of a
/// keyed fact, the field's nearest satisfying value (a threshold solved, an equality's
/// value, a list given the element it must hold); for a missing fact, one built from
/// the pattern's constraints; for a blocking `not`, retracting what blocks it. Reads the
/// network and changes nothing; `Engine.whyNot(... suggestingChanges:)` verifies each.
struct WhyNotCandidates {
    let network: Network
    let rule: CompiledRule
    let layout: RuleLayout

    /// The field a constraint can change: of the pattern's own fact (`binding` nil) or
    /// of a bound fact (`$v.field`).
    private struct Target {
        let binding: String?
        let field: String
    }

    func candidates(for failure: FailedCondition, after token: Token) -> [SuggestedChange] {
        guard failure.index < rule.declaration.conditions.count, failure.index < layout.scopes.count else { return [] }
        let condition = rule.declaration.conditions[failure.index]
        let scope = layout.scopes[failure.index]
        switch condition {
        case .match(_, let pattern, _), .exists(let pattern, _):
            var result: [SuggestedChange] = []
            if case .constraint(let constraint) = failure.reason, constraint.satisfiedConstraints < pattern.constraints.count,
               let fact = factID(of: constraint.fact) {
                let expression = pattern.constraints[constraint.satisfiedConstraints]
                result += modification(expression, scope: scope, token: token, ownFact: fact)
            }
            switch failure.reason {
            case .constraint, .noFacts:
                if let change = newFact(pattern, scope: scope, token: token) { result.append(SuggestedChange([change])) }
            case .blocked, .test, .noAggregateValue, .unexplained:
                break
            }
            return result
        case .not:
            guard case .blocked(let blockers) = failure.reason, !blockers.isEmpty else { return [] }
            return [SuggestedChange(blockers.map(FactChange.retract))]
        case .test(let expression, _):
            guard case .test = failure.reason else { return [] }
            let changes = modification(expression, scope: scope, token: token, ownFact: nil)
            if !changes.isEmpty { return changes }
            if let change = oneMoreFact(expression, scope: scope, token: token) { return [SuggestedChange([change])] }
            return []
        }
    }

    // MARK: - One more fact for a count

    /// `count(T(...)) OP n` short by exactly one fact: assert one built from the
    /// aggregate's pattern. (Identical unkeyed facts are added once, so more than one
    /// missing fact cannot be built this way.)
    private func oneMoreFact(_ expression: Expression, scope: CompileScope, token: Token) -> FactChange? {
        guard case .binary(let operation, let lhs, let rhs) = expression.ungrouped.kind else { return nil }
        let sides: [(aggregate: Expression, other: Expression, operation: BinaryOperator)] = [
            (lhs, rhs, operation), (rhs, lhs, ThresholdSolver.flipped(operation)),
        ]
        for side in sides {
            guard case .aggregate(.count, let pattern, nil) = side.aggregate.ungrouped.kind,
                  case .int(let now)? = evaluate(side.aggregate, scope: scope, token: token, current: nil),
                  let bound = evaluate(side.other, scope: scope, token: token, current: nil) else { continue }
            let limit: Double
            switch bound {
            case .int(let number): limit = Double(number)
            case .float(let number): limit = number
            case .string, .bool, .list: continue
            }
            guard case .int(let needed)? = ThresholdSolver.solve(side.operation, bound: limit, type: .int),
                  needed == now + 1 else { continue }
            return newFact(pattern, scope: scope, token: token)
        }
        return nil
    }

    // MARK: - Changing a field

    /// The changes of one field that make `expression` (a constraint, or a `test`) true,
    /// when it compares a changeable field with a value (on either side): a `modify` of
    /// a keyed fact, or for an unkeyed one, retracting it and asserting it with the new
    /// value.
    private func modification(_ expression: Expression, scope: CompileScope, token: Token,
                              ownFact: FactID?) -> [SuggestedChange] {
        var scope = scope
        if let ownFact { scope.current = network.templates[network.memory[ownFact].template] }
        let current = ownFact.map { network.memory[$0].values }
        let changes = solutions(expression, scope: scope, token: token, current: current).compactMap { target, needs, value in
            change(target, needs: needs, value: value, scope: scope, token: token, ownFact: ownFact)
        }
        // A `modify` first: replacing an unkeyed fact is the bigger change.
        return (changes.filter { $0.count == 1 } + changes.filter { $0.count > 1 }).map(SuggestedChange.init)
    }

    private func change(_ target: Target, needs: String, value: Value, scope: CompileScope, token: Token,
                        ownFact: FactID?) -> [FactChange]? {
        let fact: FactID
        if let binding = target.binding {
            guard let level = scope.bindings[binding]?.level, let bound = token.at(level: level)?.fact, bound >= 0 else {
                return nil
            }
            fact = bound
        } else if let ownFact {
            fact = ownFact
        } else {
            return nil
        }
        let record = network.memory[fact]
        let model = network.templates[record.template]
        // A key field names the fact: changing it would make another fact, not this one.
        guard let index = model.index(of: target.field), !model.keyIndices.contains(index) else { return nil }
        let now = network.symbols.value(record.values[index])
        let wanted = value.coerced(to: model.info.fields[index].type)
        guard wanted != now else { return nil }
        if model.isKeyed {
            return [.modify(template: model.name, key: model.key(of: record.values).map(network.symbols.value),
                            field: target.field, current: now, needs: needs, value: wanted)]
        }
        guard !model.info.isBuiltIn else { return nil }
        var explanation = Network.Explanation(valuesBefore: nil)
        let old = network.support(of: fact, in: &explanation, depth: 32)
        var fields = old.fields
        fields[index] = NamedValue(target.field, wanted)
        return [.retract(old), .assert(template: model.name, fields: fields)]
    }

    /// The first way to make a comparison true (see `solutions`).
    private func solve(_ expression: Expression, scope: CompileScope, token: Token,
                       current: [Datum]?) -> (Target, String, Value)? {
        solutions(expression, scope: scope, token: token, current: current).first
    }

    /// The target fields of a comparison (the left side's, then the right side's), what
    /// each needs, and the nearest value that gives it.
    private func solutions(_ expression: Expression, scope: CompileScope, token: Token,
                           current: [Datum]?) -> [(Target, String, Value)] {
        let node = expression.ungrouped
        switch node.kind {
        case .field, .member:
            guard let target = target(node, scope: scope), type(of: target, scope: scope) == .bool else { return [] }
            return [(target, "== true", .bool(true))]
        case .unary(.not, let operand):
            guard let target = target(operand, scope: scope), type(of: target, scope: scope) == .bool else { return [] }
            return [(target, "== false", .bool(false))]
        case .binary(let operation, let lhs, let rhs):
            var result: [(Target, String, Value)] = []
            if let target = target(lhs, scope: scope),
               let other = evaluate(rhs, scope: scope, token: token, current: current),
               let value = satisfying(operation, other, target: target, scope: scope, token: token, current: current) {
                result.append((target, "\(operation.rawValue) \(other)", value))
            }
            if let target = target(rhs, scope: scope),
               let other = evaluate(lhs, scope: scope, token: token, current: current) {
                if operation == .in {
                    // `x in field`: the list must hold x.
                    if case .list(let now)? = currentValue(of: target, scope: scope, token: token, current: current) {
                        result.append((target, "to contain \(other)", .list(now + [other])))
                    }
                } else {
                    let flipped = ThresholdSolver.flipped(operation)
                    if let value = satisfying(flipped, other, target: target, scope: scope, token: token, current: current) {
                        result.append((target, "\(flipped.rawValue) \(other)", value))
                    }
                }
            }
            return result
        case .integer, .float, .boolean, .string, .list, .variable, .unary, .call, .aggregate, .group:
            return []
        }
    }

    /// The value `target OP other` needs.
    private func satisfying(_ operation: BinaryOperator, _ other: Value, target: Target, scope: CompileScope,
                            token: Token, current: [Datum]?) -> Value? {
        guard let type = type(of: target, scope: scope) else { return nil }
        switch operation {
        case .greater, .greaterEqual, .less, .lessEqual, .notEqual:
            let bound: Double
            switch other {
            case .int(let number): bound = Double(number)
            case .float(let number): bound = number
            case .string, .bool, .list: return nil
            }
            return ThresholdSolver.solve(operation, bound: bound, type: type)
        case .equal:
            if case .int = type, case .float(let number) = other {
                return ThresholdSolver.solve(.equal, bound: number, type: .int)
            }
            return other.coerced(to: type)
        case .contains:
            guard case .list(let now)? = currentValue(of: target, scope: scope, token: token, current: current) else {
                return nil
            }
            return .list(now + [other])
        case .in:
            guard case .list(let options) = other else { return nil }
            return options.first
        case .or, .and, .notIn, .add, .subtract, .multiply, .divide, .remainder:
            return nil
        }
    }

    private func target(_ expression: Expression, scope: CompileScope) -> Target? {
        switch expression.ungrouped.kind {
        case .field(let name):
            return scope.current?.index(of: name) == nil ? nil : Target(binding: nil, field: name)
        case .member(let base, let field):
            guard case .variable(let name) = base.ungrouped.kind, scope.bindings[name] != nil else { return nil }
            return Target(binding: name, field: field.name)
        case .integer, .float, .boolean, .string, .list, .variable, .unary, .binary, .call, .aggregate, .group:
            return nil
        }
    }

    private func type(of target: Target, scope: CompileScope) -> ValueType? {
        let model = target.binding.map { scope.bindings[$0]?.template } ?? scope.current
        guard let model, let index = model.index(of: target.field) else { return nil }
        return model.info.fields[index].type
    }

    private func currentValue(of target: Target, scope: CompileScope, token: Token, current: [Datum]?) -> Value? {
        let model = target.binding.map { scope.bindings[$0]?.template } ?? scope.current
        guard let model, let index = model.index(of: target.field) else { return nil }
        if let binding = target.binding {
            guard let level = scope.bindings[binding]?.level, let fact = token.at(level: level)?.fact, fact >= 0 else {
                return nil
            }
            return network.symbols.value(network.memory[fact].values[index])
        }
        guard let current, index < current.count else {
            return model.info.fields[index].defaultValue ?? .list([])
        }
        return network.symbols.value(current[index])
    }

    /// An expression's value against the partial match (and the candidate fact, when one
    /// is given); nil when it reads a bare field without one, or fails.
    private func evaluate(_ expression: Expression, scope: CompileScope, token: Token, current: [Datum]?) -> Value? {
        if current == nil {
            var readsField = false
            ExpressionAnalysis.visit(expression) { if case .field = $0.kind { readsField = true } }
            if readsField { return nil }
        }
        guard let compiled = try? ExpressionCompiler(symbols: network.symbols).compile(expression, in: scope),
              let value = try? compiled.evaluate(EvaluationContext(network: network, token: token, current: current))
        else { return nil }
        return network.symbols.value(value)
    }

    // MARK: - A new fact

    /// `assert Template { ... }` from the pattern's constraints: equalities fill fields,
    /// thresholds are solved from the field's default, lists get the element they must
    /// hold; other fields take their defaults. Nil when a required field stays unknown.
    private func newFact(_ pattern: Pattern, scope: CompileScope, token: Token) -> FactChange? {
        guard let model = network.template(named: pattern.template.name), !model.info.isBuiltIn else { return nil }
        var scope = scope
        scope.current = model
        var values: [String: Value] = [:]
        for constraint in pattern.constraints {
            let defaults = model.info.fields.map { field in
                values[field.name].map(network.symbols.datum) ?? field.defaultValue.map(network.symbols.datum)
            }
            // The fact being built, as far as it is known, for lists that must grow.
            let current: [Datum]? = defaults.allSatisfy { $0 != nil } ? defaults.compactMap { $0 } : nil
            guard let (target, _, value) = solve(constraint, scope: scope, token: token, current: nil)
                    ?? solveWithCurrent(constraint, scope: scope, token: token, current: current),
                  target.binding == nil, let index = model.index(of: target.field) else { continue }
            values[target.field] = value.coerced(to: model.info.fields[index].type)
        }
        var fields: [NamedValue] = []
        for field in model.info.fields {
            if let value = values[field.name] {
                fields.append(NamedValue(field.name, value))
            } else if field.defaultValue == nil {
                return nil
            }
        }
        return .assert(template: model.name, fields: fields)
    }

    private func solveWithCurrent(_ constraint: Expression, scope: CompileScope, token: Token,
                                  current: [Datum]?) -> (Target, String, Value)? {
        guard let current else { return nil }
        return solve(constraint, scope: scope, token: token, current: current)
    }

    func factID(of support: Support) -> FactID? {
        WhyNotCandidates.factID(of: support, in: network)
    }

    /// The live fact a support describes: by key, or by its values for an unkeyed template.
    static func factID(of support: Support, in network: Network) -> FactID? {
        guard let model = network.template(named: support.template) else { return nil }
        if model.isKeyed {
            return network.memory.fact(template: model.id, key: support.key.map(network.symbols.datum))
        }
        let values = support.fields.map { network.symbols.datum($0.value) }
        return network.memory.liveIDs.first { network.memory[$0].template == model.id && network.memory[$0].values == values }
    }
}
