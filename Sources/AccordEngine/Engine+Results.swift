import AccordCheck

extension Engine {
    /// The recommendations, ranked: highest score first; ties by the rule's declaration
    /// order, then subject, then text.
    public func recommendations() -> [RecommendationResult] {
        let symbols = network.symbols
        var results: [RecommendationResult] = []
        for entry in network.recommendations.entries.values {
            guard let best = entry.best else { continue }
            let rule = network.rules[entry.key.rule]
            var tags = rule.tags
            for tag in best.tags.map(symbols.text) where !tags.contains(tag) { tags.append(tag) }
            var explained = Set<FactID>()
            var because = supports(ofActivation: best.activation, explained: &explained)
            for other in entry.supports where other.activation != best.activation {
                for support in supports(ofActivation: other.activation, explained: &explained) where !because.contains(support) {
                    because.append(support)
                }
            }
            results.append(RecommendationResult(
                rank: 0, rule: rule.name, subject: symbols.text(entry.key.subject), text: symbols.text(entry.key.text),
                score: best.score, category: symbols.text(best.category), tags: tags, cite: rule.cite,
                details: best.details.map { NamedValue($0.name, symbols.value($0.value)) }, because: because,
                ruleOrder: rule.index))
        }
        results.sort { a, b in
            if a.score != b.score { return a.score > b.score }
            if a.ruleOrder != b.ruleOrder { return a.ruleOrder < b.ruleOrder }
            if a.subject != b.subject { return a.subject < b.subject }
            return a.text < b.text
        }
        for index in results.indices { results[index].rank = index + 1 }
        return results
    }

    /// Live facts, in the order they were made, optionally of one template.
    public func facts(of template: String? = nil) -> [FactSnapshot] {
        network.memory.liveIDs.compactMap { id in
            let record = network.memory[id]
            let model = network.templates[record.template]
            if let template, model.name != template { return nil }
            return FactSnapshot(id: id, template: model.name, fields: namedValues(record), cite: record.cite,
                                isLogical: record.isLogical)
        }
    }

    func namedValues(_ record: FactRecord) -> [NamedValue] {
        let model = network.templates[record.template]
        return zip(model.fieldNames, record.values).map { NamedValue($0, network.symbols.value($1)) }
    }

    /// The facts an activation matched, each with how it came to be. A derived fact's
    /// derivation is told once per explanation (`explained`): derivations share facts,
    /// and expanding each occurrence would grow exponentially with their depth.
    func supports(ofActivation id: Int, explained: inout Set<FactID>, depth: Int = 0) -> [Support] {
        guard let activation = network.activations[id] else { return [] }
        return activation.token.facts.map { support(of: $0, explained: &explained, depth: depth) }
    }

    func support(of fact: FactID, explained: inout Set<FactID>, depth: Int) -> Support {
        let record = network.memory[fact]
        let model = network.templates[record.template]
        var derivation: Derivation?
        if record.isLogical, depth < 32, explained.insert(fact).inserted {
            if let activation = record.supports.lazy.compactMap({ self.network.activations[$0] }).first {
                derivation = Derivation(rule: network.rules[activation.rule].name,
                                        because: supports(ofActivation: activation.id, explained: &explained, depth: depth + 1))
            } else if let entry = network.recommendations.entries.values.first(where: { $0.fact == fact }),
                      let best = entry.best, let activation = network.activations[best.activation] {
                derivation = Derivation(rule: network.rules[activation.rule].name,
                                        because: supports(ofActivation: activation.id, explained: &explained, depth: depth + 1))
            }
        }
        return Support(template: model.name, key: model.key(of: record.values).map(network.symbols.value),
                       fields: namedValues(record), cite: record.cite, derivedBy: derivation)
    }
}
