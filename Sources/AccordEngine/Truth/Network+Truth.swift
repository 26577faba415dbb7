import AccordSyntax

extension Network {
    func makeActivation(rule: Int, token: Token) -> Activation {
        var recency: [Int] = []
        var current: Token? = token
        while let step = current {
            if step.fact >= 0 { recency.append(memory.timetag(of: step.fact)) }
            current = step.parent
        }
        recency.sort(by: >)
        let activation = Activation(id: nextActivationID, rule: rule, token: token)
        nextActivationID += 1
        activations[activation.id] = activation
        agenda.add(activation, salience: rules[rule].salience, recency: recency)
        if let journal, journal.isUndoing { journal.createdWhileUndoing.append(activation) }
        return activation
    }

    /// The activation's match is gone: off the agenda if it has not fired; otherwise its
    /// logical facts and recommendations lose this support.
    func withdraw(_ activation: Activation) {
        if let journal { noteWithdrawal(of: activation, in: journal) }
        if let tracker {
            for key in activation.recommended { tracker.note(key, in: self) }
            tracker.withdrawn[activation.id] = activation
        }
        activation.alive = false
        activations[activation.id] = nil
        guard activation.fired else {
            agenda.discard()
            return
        }
        for fact in activation.supported where memory.isAlive(fact) && memory[fact].isLogical {
            let record = memory[fact]
            let remaining = record.supports.filter { $0 != activation.id }
            if let tracker, tracker.formerSupport[fact] == nil { tracker.formerSupport[fact] = activation.id }
            memory.setSupports(fact, remaining)
            if remaining.isEmpty {
                truth.retractions.append(fact)
            } else if recursion.templates.contains(record.template), !remaining.contains(where: isWellFounded) {
                // Every remaining support may run through this fact: over-delete, and let
                // the settle loop rederive it from the supports that survive.
                truth.overDeleted.append((fact, remaining))
                truth.retractions.append(fact)
            }
        }
        let recommendationsRecurse = recursion.recommendationRules.contains(activation.rule)
        for key in activation.recommended {
            recommendations.removeSupport(of: activation.id, from: key)
            // Over-delete, as for derived facts: the refresh after the cascade rebuilds
            // the fact from the supports that survived it.
            if recommendationsRecurse, let fact = recommendations[key]?.fact, memory.isAlive(fact) {
                truth.retractions.append(fact)
            }
            truth.refresh(key)
        }
    }

    /// A support that cannot depend on a recursive fact: its match holds no fact of a
    /// template on a derivation cycle and passed no `exists`, `not` or aggregate over
    /// one, so no cycle can be keeping it alive.
    private func isWellFounded(_ support: Int) -> Bool {
        var current = activations[support]?.token
        guard current != nil else { return false }
        while let token = current {
            if token.fact >= 0, recursion.templates.contains(memory[token.fact].template) { return false }
            if let negative = token.node as? NegativeNode, recursion.templates.contains(negative.alpha.template) { return false }
            if let aggregate = token.node as? AggregateNode, recursion.templates.contains(aggregate.alpha.template) { return false }
            current = token.parent
        }
        return true
    }

    /// `derive T {...}`: the fact exists while some supporting activation holds.
    func derive(template: Int, values: [Datum], by activation: Activation) throws {
        if let twin = memory.twin(template: template, values: values) {
            guard memory[twin].values == values else { throw DuplicateKey(template: template, twin: twin) }
            // The activation's own list is short; the fact's may hold thousands of supports.
            if memory[twin].isLogical, !activation.supported.contains(twin) {
                memory.addSupport(twin, activation.id)
                activation.supported.append(twin)
            }
            return
        }
        let id = try memory.add(template: template, values: values, cite: nil, origin: .logical)
        memory.setSupports(id, [activation.id])
        activation.supported.append(id)
        try propagateAddition(of: id)
    }

    func recommend(_ payload: RecommendationPayload, key: RecommendationKey, by activation: Activation) {
        tracker?.note(key, in: self)
        recommendations.add(payload, to: key)
        if !activation.recommended.contains(key) { activation.recommended.append(key) }
        truth.refresh(key)
    }

    /// Settles what truth maintenance queued: retractions (which may queue more),
    /// recommendation facts to update, and rederivation of over-deleted facts that
    /// still have a live support. Loops until nothing is left.
    func settle() throws {
        while !truth.isSettled {
            while let fact = truth.retractions.popLast() {
                try retractFact(fact, journaled: false)
            }
            for key in truth.takeRefreshes() {
                try refreshRecommendation(key)
            }
            guard truth.retractions.isEmpty, truth.refreshes.isEmpty else { continue }
            let candidates = truth.overDeleted
            truth.overDeleted = []
            for (fact, supports) in candidates where !memory.isAlive(fact) {
                let live = supports.filter { activations[$0]?.alive == true }
                guard !live.isEmpty else { continue }
                guard memory.twin(template: memory[fact].template, values: memory[fact].values) == nil else { continue }
                memory.revive(fact)
                memory.setSupports(fact, live)
                try propagateAddition(of: fact)
            }
        }
    }

    /// Brings a recommendation's `Recommendation` fact in line with its supports.
    private func refreshRecommendation(_ key: RecommendationKey) throws {
        guard let entry = recommendations[key], let best = entry.best,
              let template = template(named: "Recommendation") else {
            if let fact = recommendations[key]?.fact { try retractFact(fact, journaled: false) }
            recommendations.remove(key)
            return
        }
        let values = recommendationValues(key, best, template: template)
        if let fact = entry.fact, memory.isAlive(fact) {
            if memory[fact].values != values { try modifyFact(fact, values: values, journaled: false) }
            return
        }
        if let twin = memory.twin(template: template.id, values: values) {
            recommendations.setFact(twin, for: key)
            return
        }
        let fact = try memory.add(template: template.id, values: values, cite: rules[key.rule].cite, origin: .logical)
        recommendations.setFact(fact, for: key)
        try propagateAddition(of: fact)
    }

    func recommendationValues(_ key: RecommendationKey, _ best: RecommendationPayload, template: TemplateModel) -> [Datum] {
        var values = [Datum](repeating: .int(0), count: template.fieldNames.count)
        let tags = ruleTags(key.rule) + best.tags.filter { !ruleTags(key.rule).contains($0) }
        let fields: [(String, Datum)] = [
            ("rule", .string(symbols.intern(rules[key.rule].name))), ("subject", .string(key.subject)),
            ("text", .string(key.text)), ("score", .float(best.score)), ("category", .string(best.category)),
            ("tags", .list(tags.map(Datum.string))),
        ]
        for (name, value) in fields {
            if let index = template.index(of: name) { values[index] = value }
        }
        return values
    }

    func ruleTags(_ rule: Int) -> [Symbol] {
        rules[rule].tags.map { symbols.intern($0) }
    }
}
