/// The oracle of the differential test: the least fixpoint of a `RuleBase`, computed the
/// slow, obvious way, with nothing shared with the engine but the language definition.
///
/// Stratum by stratum, it repeats until nothing changes: for every rule of the stratum,
/// enumerate every combination of facts for its patterns (nested loops, no indexes),
/// check `not`, `exists` and `test` against the current facts, and add what `derive`
/// produces (a set: an identical fact is there once). Then every recommending rule is
/// evaluated once on the final facts; a recommendation is keyed by (rule, subject, text)
/// and keeps its highest score.
///
/// Two semantic points the language leaves to the engine's documentation and that this
/// evaluator follows: `min`, `max` and `avg` over no facts have no value, so a match
/// whose conditions or actions need such a value does not hold at all; and a match
/// evaluates every aggregate it mentions (no short-circuit hides one).
struct NaiveEvaluator {
    let ruleBase: RuleBase
    /// Field positions by template and field name, looked up once rather than searched for
    /// on every read.
    let fieldIndexes: [String: [String: Int]]

    init(ruleBase: RuleBase) {
        self.ruleBase = ruleBase
        var indexes: [String: [String: Int]] = [:]
        for template in ruleBase.templates {
            indexes[template.name] = Dictionary(uniqueKeysWithValues: template.fields.enumerated().map { ($1.name, $0) })
        }
        fieldIndexes = indexes
    }

    struct RecommendationKey: Hashable {
        let rule: String
        let subject: String
        let text: String
    }

    struct Result {
        var derived: Set<Fact>
        var recommendations: [RecommendationKey: Double]
    }

    /// A match's bindings: binding name to the fact it matched.
    typealias Bindings = [String: Fact]

    func evaluate(given: [Fact]) -> Result {
        var facts = FactSet()
        for fact in given { facts.insert(fact) }
        var derived = Set<Fact>()
        let strata = Set(ruleBase.templates.compactMap(\.stratum)).sorted()
        for stratum in strata {
            let rules = ruleBase.rules.filter { self.stratum(of: $0) == stratum }
            var changed = true
            while changed {
                changed = false
                for rule in rules {
                    for match in matches(of: rule, in: facts) {
                        guard let outputs = try? outputs(of: rule, match, in: facts) else { continue }
                        for fact in outputs.derived where facts.insert(fact) {
                            derived.insert(fact)
                            changed = true
                        }
                    }
                }
            }
        }
        var recommendations: [RecommendationKey: Double] = [:]
        for rule in ruleBase.rules {
            for match in matches(of: rule, in: facts) {
                guard let outputs = try? outputs(of: rule, match, in: facts) else { continue }
                for (key, score) in outputs.recommendations {
                    recommendations[key] = max(recommendations[key] ?? -Double.infinity, score)
                }
            }
        }
        return Result(derived: derived, recommendations: recommendations)
    }

    /// The highest stratum a rule derives into (0 for a rule that only recommends).
    private func stratum(of rule: RuleSpec) -> Int {
        rule.actions.map { action in
            if case .derive(let template, _) = action { ruleBase.template(named: template).stratum ?? 0 } else { 0 }
        }.max() ?? 0
    }

    // MARK: Matching

    /// Every assignment of facts to the rule's patterns that satisfies all its conditions.
    func matches(of rule: RuleSpec, in facts: FactSet) -> [Bindings] {
        var results: [Bindings] = []
        // The engine computes the aggregates a condition mentions before the condition
        // itself: one without a value spoils the match, whatever the condition says. (A
        // `test` evaluates all of its aggregates anyway; a pattern may have no candidate.)
        let patternAggregates = rule.conditions.map { condition -> [Expr] in
            switch condition {
            case .match(_, let pattern), .not(let pattern), .exists(let pattern): pattern.constraints.flatMap(\.aggregates)
            case .test: []
            }
        }
        func extend(_ index: Int, _ bindings: Bindings) {
            guard index < rule.conditions.count else {
                results.append(bindings)
                return
            }
            for aggregate in patternAggregates[index] {
                guard (try? evaluate(aggregate, bindings, current: nil, in: facts)) != nil else { return }
            }
            switch rule.conditions[index] {
            case .match(let binding, let pattern):
                for fact in facts.of(pattern.template) where holds(pattern, on: fact, bindings, in: facts) {
                    var next = bindings
                    if let binding { next[binding] = fact }
                    extend(index + 1, next)
                }
            case .not(let pattern):
                if !facts.of(pattern.template).contains(where: { holds(pattern, on: $0, bindings, in: facts) }) {
                    extend(index + 1, bindings)
                }
            case .exists(let pattern):
                if facts.of(pattern.template).contains(where: { holds(pattern, on: $0, bindings, in: facts) }) {
                    extend(index + 1, bindings)
                }
            case .test(let expression):
                if (try? evaluate(expression, bindings, current: nil, in: facts)) == .bool(true) {
                    extend(index + 1, bindings)
                }
            }
        }
        extend(0, [:])
        return results
    }

    /// Every constraint of the pattern is true of the fact. (An aggregate in a constraint
    /// has a value here: `matches` made sure.)
    func holds(_ pattern: PatternSpec, on fact: Fact, _ bindings: Bindings, in facts: FactSet) -> Bool {
        // A plain loop: this is the hot path of the whole test.
        for constraint in pattern.constraints {
            guard (try? evaluate(constraint, bindings, current: fact, in: facts)) == .bool(true) else { return false }
        }
        return true
    }

    // MARK: Actions

    struct Outputs {
        var derived: [Fact] = []
        var recommendations: [(RecommendationKey, Double)] = []
    }

    /// What one match produces. Throws `NoValue` when an expression of any action has no
    /// value: the match then produces nothing at all.
    func outputs(of rule: RuleSpec, _ bindings: Bindings, in facts: FactSet) throws -> Outputs {
        var outputs = Outputs()
        for action in rule.actions {
            switch action {
            case .derive(let name, let fields):
                let template = ruleBase.template(named: name)
                var values: [Scalar] = []
                for field in template.fields {
                    if let given = fields.first(where: { $0.name == field.name }) {
                        values.append(coerce(try evaluate(given.value, bindings, current: nil, in: facts), to: field.kind))
                    } else if let value = field.defaultValue {
                        values.append(value)
                    } else {
                        preconditionFailure("`derive \(name)` in \(rule.name) leaves out required field `\(field.name)`")
                    }
                }
                outputs.derived.append(Fact(template: name, values: values))
            case .recommend(let text, let subject, let score):
                var words = ""
                for piece in text {
                    switch piece {
                    case .literal(let literal): words += literal
                    case .value(let expression): words += display(try evaluate(expression, bindings, current: nil, in: facts))
                    }
                }
                var subjectText = ""
                if let subject {
                    guard case .string(let value) = try evaluate(subject, bindings, current: nil, in: facts) else {
                        preconditionFailure("a subject must be a string")
                    }
                    subjectText = value
                }
                var scoreValue = 0.5
                if let score {
                    guard let number = try evaluate(score, bindings, current: nil, in: facts).number else {
                        preconditionFailure("a score must be a number")
                    }
                    scoreValue = number
                }
                outputs.recommendations.append((RecommendationKey(rule: rule.name, subject: subjectText, text: words), scoreValue))
            }
        }
        return outputs
    }

    /// How a value reads inside text. The generator interpolates only ints and strings.
    private func display(_ value: Scalar) -> String {
        switch value {
        case .int(let number): return String(number)
        case .string(let text): return text
        case .float, .bool: preconditionFailure("the generator interpolates only ints and strings")
        }
    }
}

/// A fact: its template and its values in the template's field order.
struct Fact: Hashable {
    let template: String
    let values: [Scalar]
}

/// Facts by template, each once.
struct FactSet {
    private var byTemplate: [String: [Fact]] = [:]
    private var members = Set<Fact>()

    /// Adds the fact unless an identical one is there; true when it was added.
    @discardableResult
    mutating func insert(_ fact: Fact) -> Bool {
        guard members.insert(fact).inserted else { return false }
        byTemplate[fact.template, default: []].append(fact)
        return true
    }

    func of(_ template: String) -> [Fact] {
        byTemplate[template] ?? []
    }
}

/// An int stored into a float field becomes a float (the language's widening).
func coerce(_ value: Scalar, to kind: FieldKind) -> Scalar {
    if kind == .float, case .int(let number) = value { return .float(Double(number)) }
    return value
}
