import AccordCheck

extension Network {
    /// A recommendation as embedders see it (rank 0: ranking needs the whole set), or nil
    /// when no match supports it.
    func result(for key: RecommendationKey) -> RecommendationResult? {
        recommendations[key].flatMap { result(for: $0, valuesBefore: nil) }
    }

    /// The recommendation an entry describes. `valuesBefore` gives facts modified since the
    /// entry was copied their values of then (a diff explaining what a change removed).
    func result(for entry: RecommendationEntry, valuesBefore: [FactID: [Datum]]?) -> RecommendationResult? {
        guard let best = entry.best else { return nil }
        let key = entry.key
        let rule = rules[key.rule]
        var tags = rule.tags
        for tag in best.tags.map(symbols.text) where !tags.contains(tag) { tags.append(tag) }
        var explanation = Explanation(valuesBefore: valuesBefore)
        var because = supports(ofActivation: best.activation, in: &explanation)
        for other in entry.supports where other.activation != best.activation {
            for support in supports(ofActivation: other.activation, in: &explanation) where !because.contains(support) {
                because.append(support)
            }
        }
        let match = activation(best.activation).map { matchExplanation(of: $0, in: &explanation) }
        return RecommendationResult(
            rank: 0, rule: rule.name, subject: symbols.text(key.subject), text: symbols.text(key.text),
            score: best.score, category: symbols.text(best.category), tags: tags, cite: rule.cite,
            details: best.details.map { NamedValue($0.name, symbols.value($0.value)) }, because: because,
            ruleOrder: rule.index, conditions: match?.conditions ?? [], aggregates: match?.aggregates ?? [])
    }

    /// What one explanation has told so far. A derived fact's derivation is told once
    /// (`explained`): derivations share facts, and expanding each occurrence would grow
    /// exponentially with their depth.
    struct Explanation {
        let valuesBefore: [FactID: [Datum]]?
        var explained = Set<FactID>()
    }

    /// A live activation, or one withdrawn while a diff is recorded.
    func activation(_ id: Int) -> Activation? {
        activations[id] ?? tracker?.withdrawn[id]
    }

    func namedValues(_ record: FactRecord) -> [NamedValue] {
        let model = templates[record.template]
        return zip(model.fieldNames, record.values).map { NamedValue($0, symbols.value($1)) }
    }

    /// The facts an activation matched, each with how it came to be and the variable its
    /// condition bound it to.
    func supports(ofActivation id: Int, in explanation: inout Explanation, depth: Int = 0) -> [Support] {
        guard let activation = activation(id) else { return [] }
        let rule = rules[activation.rule]
        return matchedFacts(of: activation.token).map { level, fact in
            var support = support(of: fact, in: &explanation, depth: depth)
            support.binding = binding(at: level, of: rule)
            return support
        }
    }

    /// The fact-holding levels of a token's path, root first.
    func matchedFacts(of token: Token) -> [(level: Int, fact: FactID)] {
        var result: [(level: Int, fact: FactID)] = []
        result.reserveCapacity(max(0, token.level + 1))
        var current: Token? = token
        while let step = current {
            if step.fact >= 0 { result.append((step.level, step.fact)) }
            current = step.parent
        }
        return result.reversed()
    }

    /// The variable a rule binds at a level (`r` for `$r: Region(...)`), if any.
    func binding(at level: Int, of rule: CompiledRule) -> String? {
        level >= 0 && level < rule.layout.bindings.count ? rule.layout.bindings[level] : nil
    }

    func support(of fact: FactID, in explanation: inout Explanation, depth: Int) -> Support {
        let record = memory[fact]
        let model = templates[record.template]
        var derivation: Derivation?
        if record.isLogical, depth < 32, explanation.explained.insert(fact).inserted {
            if let activation = record.supports.lazy.compactMap(activation).first
                ?? tracker?.formerSupport[fact].flatMap(activation) {
                derivation = Derivation(rule: rules[activation.rule].name,
                                        because: supports(ofActivation: activation.id, in: &explanation, depth: depth + 1))
            } else if let entry = recommendations.entries.values.first(where: { $0.fact == fact }),
                      let best = entry.best, let activation = activation(best.activation) {
                derivation = Derivation(rule: rules[activation.rule].name,
                                        because: supports(ofActivation: activation.id, in: &explanation, depth: depth + 1))
            }
        }
        let values = explanation.valuesBefore?[fact] ?? record.values
        return Support(template: model.name, key: model.key(of: values).map(symbols.value),
                       fields: zip(model.fieldNames, values).map { NamedValue($0, symbols.value($1)) }, cite: record.cite,
                       derivedBy: derivation)
    }
}

extension RecommendationResult {
    /// The ranking order: highest score first; ties by the rule's declaration order, then
    /// subject, then text.
    public static func ranksBefore(_ a: RecommendationResult, _ b: RecommendationResult) -> Bool {
        if a.score != b.score { return a.score > b.score }
        if a.ruleOrder != b.ruleOrder { return a.ruleOrder < b.ruleOrder }
        if a.subject != b.subject { return a.subject < b.subject }
        return a.text < b.text
    }
}
