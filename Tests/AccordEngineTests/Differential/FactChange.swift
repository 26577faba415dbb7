/// One change to a running engine's given facts, as the library API offers them.
/// Changes name facts by their values, not by engine ids, so that a sequence of changes
/// still means something after the shrinker has removed facts or earlier changes.
/// `RuleBase.describe(_:)` renders one.
enum FactChange {
    case assert(template: String, fields: [(name: String, value: Scalar)])
    case retract(Fact)
    case modify(Fact, fields: [(name: String, value: Scalar)])
}

/// The given (non-derived) facts as the test expects working memory to hold them: the
/// naive evaluator's starting point. It follows the documented contract: asserting a
/// fact identical to an unkeyed one adds nothing, `modify` replaces a fact's values.
struct GivenFacts {
    let ruleBase: RuleBase
    /// In the order they came; each once.
    private(set) var facts: [Fact] = []
    /// Facts retracted and not asserted again: retracting one once more must do nothing.
    private(set) var gone: [Fact] = []

    init(ruleBase: RuleBase) {
        self.ruleBase = ruleBase
        for fact in ruleBase.givenFacts where !facts.contains(fact) { facts.append(fact) }
    }

    /// The live fact that stands in the way of asserting `fact`: one with the same key,
    /// or for an unkeyed template the same values.
    func twin(of fact: Fact) -> Fact? {
        let template = ruleBase.template(named: fact.template)
        guard let key = template.key else { return facts.first { $0 == fact } }
        let index = template.index(of: key)
        return facts.first { $0.template == fact.template && $0.values[index] == fact.values[index] }
    }

    /// The fact an `assert` with these fields makes: defaults filled in, ints widened.
    func fact(_ template: String, _ fields: [(name: String, value: Scalar)]) -> Fact {
        let model = ruleBase.template(named: template)
        return Fact(template: template, values: model.fields.map { field in
            guard let value = fields.first(where: { $0.name == field.name })?.value ?? field.defaultValue else {
                preconditionFailure("no value for required field `\(field.name)`")
            }
            return coerce(value, to: field.kind)
        })
    }

    /// `fact` after `modify` with these fields.
    func modified(_ fact: Fact, _ fields: [(name: String, value: Scalar)]) -> Fact {
        let model = ruleBase.template(named: fact.template)
        var values = fact.values
        for (name, value) in fields { values[model.index(of: name)] = coerce(value, to: model.field(named: name).kind) }
        return Fact(template: fact.template, values: values)
    }

    /// Whether the language allows the change here: no second fact with a key in use, no
    /// `modify` of a fact that is not there or into a twin of another fact.
    func allows(_ change: FactChange) -> Bool {
        switch change {
        case .assert(let template, let fields):
            let fact = fact(template, fields)
            return ruleBase.template(named: template).key == nil || twin(of: fact) == nil
        case .retract:
            return true
        case .modify(let fact, let fields):
            guard facts.contains(fact) else { return false }
            let new = modified(fact, fields)
            return twin(of: new).map { $0 == fact } ?? true
        }
    }

    mutating func apply(_ change: FactChange) {
        switch change {
        case .assert(let template, let fields):
            let fact = fact(template, fields)
            guard twin(of: fact) == nil else { return }
            facts.append(fact)
            gone.removeAll { $0 == fact }
        case .retract(let fact):
            guard let index = facts.firstIndex(of: fact) else { return }
            facts.remove(at: index)
            gone.append(fact)
        case .modify(let fact, let fields):
            guard let index = facts.firstIndex(of: fact) else { return }
            facts[index] = modified(fact, fields)
        }
    }
}

extension RuleBase {
    /// The facts of the files with their defaults filled in, as the naive evaluator takes them.
    var givenFacts: [Fact] {
        facts.map { spec in
            let template = template(named: spec.template)
            return Fact(template: spec.template, values: template.fields.map { field in
                guard let value = spec.given.first(where: { $0.name == field.name })?.value ?? field.defaultValue else {
                    preconditionFailure("fact of `\(spec.template)` without required `\(field.name)`")
                }
                return coerce(value, to: field.kind)
            })
        }
    }
}
