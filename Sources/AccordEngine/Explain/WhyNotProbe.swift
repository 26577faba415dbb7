import AccordFormat
import AccordSyntax

/// Evaluates the condition a partial match fails, to say what made it fail: the
/// closest candidate fact and its first false constraint, the facts that block a
/// `not`, the values a `test` read. It reads the network and changes nothing.
struct WhyNotProbe {
    let network: Network
    let rule: CompiledRule
    let layout: RuleLayout
    let subject: String?

    /// Why `token` (a match of every level before `level`) does not pass `level`.
    func failure(at level: Int, after token: Token) throws -> FailedCondition {
        switch layout.levels[level] {
        case .aggregate(let aggregate, let condition):
            let index = condition ?? rule.declaration.conditions.count
            let span = condition.map { rule.declaration.conditions[$0].span } ?? aggregate.span
            return FailedCondition(index: index, source: Self.source(span),
                                   reason: .noAggregateValue(aggregate: aggregate.span.text))
        case .condition(let index):
            let condition = rule.declaration.conditions[index]
            let scope = layout.scopes[index]
            let reason: WhyNotReason
            switch condition {
            case .match(_, let pattern, _), .exists(let pattern, _):
                reason = try closestCandidate(pattern, scope: scope, token: token)
            case .not(let pattern, _):
                let blockers = try candidates(pattern, scope: scope, token: token).filter { $0.firstFailure == nil }
                reason = blockers.isEmpty ? .unexplained : .blocked(by: blockers.map { support($0.fact) })
            case .test(let expression, _):
                reason = try test(expression, scope: scope, token: token)
            }
            return FailedCondition(index: index, source: Self.source(condition.span), reason: reason)
        }
    }

    /// How far each live fact of the pattern's template gets through its constraints.
    private struct Candidate {
        let fact: FactID
        /// The first constraint that is false (or fails), nil when all hold.
        let firstFailure: Int?
        let error: String?
        let mentionsSubject: Bool

        var satisfied: Int { firstFailure ?? Int.max }
    }

    private func candidates(_ pattern: Pattern, scope: CompileScope, token: Token) throws -> [Candidate] {
        guard let template = network.template(named: pattern.template.name) else { return [] }
        var current = scope
        current.current = template
        let compiler = ExpressionCompiler(symbols: network.symbols)
        let constraints = try pattern.constraints.map { try compiler.compile($0, in: current) }
        return network.memory.liveIDs.filter { network.memory[$0].template == template.id }.map { fact in
            let context = EvaluationContext(network: network, token: token, current: network.memory[fact].values)
            var failure: Int?
            var error: String?
            for (index, constraint) in constraints.enumerated() {
                do {
                    if try constraint.evaluate(context).asBool { continue }
                } catch let runtime as RuntimeFailure {
                    error = runtime.message
                } catch let other {
                    error = "\(other)"
                }
                failure = index
                break
            }
            return Candidate(fact: fact, firstFailure: failure, error: error, mentionsSubject: mentions(fact))
        }
    }

    private func closestCandidate(_ pattern: Pattern, scope: CompileScope, token: Token) throws -> WhyNotReason {
        let all = try candidates(pattern, scope: scope, token: token)
        // A fact mentioning the subject first, unless the match has one already; then
        // the furthest through the constraints; then the oldest fact.
        let preferSubject = !token.facts.contains(where: mentions)
        let best = all.min { a, b in
            if preferSubject, a.mentionsSubject != b.mentionsSubject { return a.mentionsSubject }
            if a.satisfied != b.satisfied { return a.satisfied > b.satisfied }
            return a.fact < b.fact
        }
        guard let best else { return .noFacts(template: pattern.template.name) }
        guard let index = best.firstFailure else { return .unexplained }
        let constraint = pattern.constraints[index]
        var current = scope
        current.current = network.template(named: pattern.template.name)
        let values = readings(of: constraint, scope: current,
                              context: EvaluationContext(network: network, token: token,
                                                         current: network.memory[best.fact].values))
        return .constraint(FailedConstraint(
            source: Self.source(constraint.span), fact: support(best.fact), values: values, error: best.error,
            satisfiedConstraints: index, candidates: all.count))
    }

    private func test(_ expression: Expression, scope: CompileScope, token: Token) throws -> WhyNotReason {
        let compiled = try ExpressionCompiler(symbols: network.symbols).compile(expression, in: scope)
        let context = EvaluationContext(network: network, token: token, current: nil)
        var error: String?
        do {
            if try compiled.evaluate(context).asBool { return .unexplained }
        } catch let runtime as RuntimeFailure {
            error = runtime.message
        }
        return .test(values: readings(of: expression, scope: scope, context: context), error: error)
    }

    /// The values an expression reads, each once, in source order: bare fields by name,
    /// `$v.field`, and aggregates by their text. A value that cannot be read is left out.
    func readings(of expression: Expression, scope: CompileScope, context: EvaluationContext) -> [NamedValue] {
        var readers: [(label: String, expression: Expression)] = []
        ExpressionAnalysis.visit(expression) { node in
            switch node.kind {
            case .field(let name): readers.append((name, node))
            case .member(let base, let field):
                if case .variable(let name) = base.ungrouped.kind { readers.append(("$\(name).\(field.name)", node)) }
            case .aggregate: readers.append((node.span.text, node))
            case .integer, .float, .boolean, .string, .list, .variable, .unary, .binary, .call, .group: break
            }
        }
        var seen = Set<String>()
        let compiler = ExpressionCompiler(symbols: network.symbols)
        return readers.compactMap { reader in
            guard seen.insert(reader.label).inserted,
                  let compiled = try? compiler.compile(reader.expression, in: scope),
                  let value = try? compiled.evaluate(context) else { return nil }
            return NamedValue(reader.label, network.symbols.value(value))
        }
    }

    /// Whether a fact names the subject in its key or one of its string fields.
    /// An int field counts too: subjects are text, so a rule writing `subject: "{$p.region}"`
    /// names an int region as "3".
    func mentions(_ fact: FactID) -> Bool {
        guard let subject else { return false }
        let number = Int64(subject)
        return network.memory[fact].values.contains { value in
            switch value {
            case .string(let symbol): network.symbols.text(symbol) == subject
            case .int(let value): value == number
            case .float, .bool, .list: false
            }
        }
    }

    func support(_ fact: FactID) -> Support {
        var explanation = Network.Explanation(valuesBefore: nil)
        return network.support(of: fact, in: &explanation, depth: 0)
    }

    static func source(_ span: SourceSpan) -> SourceText {
        let location = span.startLocation
        return SourceText(text: span.text, path: span.file.path, line: location.line, column: location.column)
    }
}
