import AccordCheck

extension Engine {
    /// The recommendations, ranked: highest score first; ties by the rule's declaration
    /// order, then subject, then text.
    public func recommendations() -> [RecommendationResult] {
        let unsorted = network.recommendations.entries.keys.compactMap(network.result(for:))
        // Sorting positions moves two words instead of each result's many fields.
        let order = unsorted.indices.sorted { RecommendationResult.ranksBefore(unsorted[$0], unsorted[$1]) }
        var results: [RecommendationResult] = []
        results.reserveCapacity(order.count)
        for index in order {
            var result = unsorted[index]
            result.rank = results.count + 1
            results.append(result)
        }
        return results
    }

    /// Live facts, in the order they were made, optionally of one template.
    public func facts(of template: String? = nil) -> [FactSnapshot] {
        network.memory.liveIDs.compactMap { id in
            let record = network.memory[id]
            let model = network.templates[record.template]
            if let template, model.name != template { return nil }
            return FactSnapshot(id: id, template: model.name, fields: network.namedValues(record), cite: record.cite,
                                isLogical: record.isLogical, assertedBy: network.assertingRule(record))
        }
    }
}

extension Network {
    /// The rule whose `assert` made a fact, if one did.
    func assertingRule(_ record: FactRecord) -> String? {
        guard case .asserted(let rule) = record.origin else { return nil }
        return rules[rule].name
    }
}
