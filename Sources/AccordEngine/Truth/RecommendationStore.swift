/// Recommendations are identified by (rule, subject, text). Each keeps every match
/// that reached it (its supports) with the score that match gave; it is reported with
/// the highest, and it lasts while any support does.
struct RecommendationKey: Hashable {
    let rule: Int
    let subject: Symbol
    let text: Symbol
}

struct RecommendationPayload {
    let activation: Int
    let score: Double
    let category: Symbol
    let tags: [Symbol]
    let details: [(name: String, value: Datum)]
}

struct RecommendationEntry {
    let key: RecommendationKey
    var supports: [RecommendationPayload] = []
    /// The `Recommendation` fact that makes it visible to rules.
    var fact: FactID?

    /// The support with the highest score; the earliest among equals.
    var best: RecommendationPayload? {
        supports.reduce(nil) { best, payload in
            guard let best else { return payload }
            return payload.score > best.score ? payload : best
        }
    }
}

struct RecommendationStore {
    private(set) var entries: [RecommendationKey: RecommendationEntry] = [:]

    mutating func add(_ payload: RecommendationPayload, to key: RecommendationKey) {
        var entry = entries[key] ?? RecommendationEntry(key: key)
        if let index = entry.supports.firstIndex(where: { $0.activation == payload.activation }) {
            if payload.score > entry.supports[index].score { entry.supports[index] = payload }
        } else {
            entry.supports.append(payload)
        }
        entries[key] = entry
    }

    mutating func removeSupport(of activation: Int, from key: RecommendationKey) {
        entries[key]?.supports.removeAll { $0.activation == activation }
    }

    mutating func setFact(_ fact: FactID?, for key: RecommendationKey) {
        entries[key]?.fact = fact
    }

    mutating func remove(_ key: RecommendationKey) {
        entries[key] = nil
    }

    subscript(key: RecommendationKey) -> RecommendationEntry? { entries[key] }

    var count: Int { entries.count }
}
