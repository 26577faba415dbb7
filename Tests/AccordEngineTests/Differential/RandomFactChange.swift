/// Draws the next change to a running engine's given facts: asserts (sometimes of a fact
/// that exists already, sometimes an int into a float field), retracts (now and then of
/// a fact that is gone already), and modifies of one or two fields (now and then the key).
/// Changes the language calls errors are never drawn: a second fact with an existing key,
/// or a `modify` that would make two facts identical.
enum RandomFactChange {
    static func make(_ given: GivenFacts, using random: inout SplitMix64) -> FactChange {
        let roll = random.int(in: 0...99)
        if given.facts.isEmpty || roll < 40 { return assertion(given, using: &random) }
        if roll < 70 {
            if !given.gone.isEmpty, random.chance(0.1) { return .retract(random.pick(given.gone)) }
            return .retract(random.pick(given.facts))
        }
        for _ in 0..<5 {
            if let change = modification(of: random.pick(given.facts), given, using: &random) { return change }
        }
        return assertion(given, using: &random)
    }

    /// The whole sequence of `count` changes, from the facts of the files.
    static func sequence(for ruleBase: RuleBase, count: Int, using random: inout SplitMix64) -> [FactChange] {
        var given = GivenFacts(ruleBase: ruleBase)
        var changes: [FactChange] = []
        for _ in 0..<count {
            let change = make(given, using: &random)
            given.apply(change)
            changes.append(change)
        }
        return changes
    }

    private static func assertion(_ given: GivenFacts, using random: inout SplitMix64) -> FactChange {
        let template = random.pick(given.ruleBase.baseTemplates)
        var fields: [(name: String, value: Scalar)] = []
        for field in template.fields {
            if field.name == template.key {
                fields.append((field.name, freshKey(template, given, using: &random)))
            } else if field.defaultValue == nil || !random.chance(0.4) {
                fields.append((field.name, value(field, using: &random)))
            }
        }
        return .assert(template: template.name, fields: fields)
    }

    private static func modification(of fact: Fact, _ given: GivenFacts, using random: inout SplitMix64) -> FactChange? {
        let template = given.ruleBase.template(named: fact.template)
        var fields: [(name: String, value: Scalar)] = []
        for field in random.shuffled(template.fields).prefix(random.int(in: 1...2)) {
            if field.name == template.key {
                guard random.chance(0.5) else { continue }
                fields.append((field.name, freshKey(template, given, using: &random)))
            } else {
                fields.append((field.name, value(field, using: &random)))
            }
        }
        let change = FactChange.modify(fact, fields: fields)
        return !fields.isEmpty && given.allows(change) ? change : nil
    }

    /// A value from the field's domain; for a float field, sometimes an int to widen.
    private static func value(_ field: FieldSpec, using random: inout SplitMix64) -> Scalar {
        if field.kind == .float, random.chance(0.25) { return .int(Int64(random.int(in: 0...2))) }
        return RandomRuleBase.literal(field.kind, using: &random)
    }

    /// A key no live fact of the template has (there are at most 60 of them: 40 facts
    /// and 20 asserts, so one of the 100 candidates is free).
    private static func freshKey(_ template: TemplateSpec, _ given: GivenFacts, using random: inout SplitMix64) -> Scalar {
        let index = template.index(of: template.key ?? "id")
        let used = Set(given.facts.filter { $0.template == template.name }.map { $0.values[index] })
        while true {
            let key = Scalar.int(Int64(random.int(in: 0...99)))
            if !used.contains(key) { return key }
        }
    }
}
