import AccordSyntax

extension Network {
    /// Adds a fact and propagates it. A twin (same key, or same values when unkeyed)
    /// is returned instead: identical facts are added once; a keyed fact whose key exists
    /// with other values is an error.
    @discardableResult
    func assertFact(template: Int, values: [Datum], cite: String?, origin: FactRecord.Origin) throws -> FactID {
        if let twin = memory.twin(template: template, values: values) {
            // A keyed fact is addressed by its key: a second one is an error even when
            // identical (use `modify`). An identical unkeyed fact adds nothing, as in CLIPS.
            guard !templates[template].isKeyed else { throw DuplicateKey(template: template, twin: twin) }
            // Asserting a fact that exists only logically makes it unconditional: it stays
            // when its supports go (CLIPS, Basic Programming Guide §5.4.8).
            if memory[twin].isLogical, !(origin.isLogical) {
                journal?.record(.madeUnconditional(twin, supports: memory[twin].supports))
                memory.setOrigin(twin, origin)
                memory.setSupports(twin, [])
            }
            return twin
        }
        let id = try memory.add(template: template, values: values, cite: cite, origin: origin)
        if !origin.isLogical { journal?.record(.added(id)) }
        try propagateAddition(of: id)
        return id
    }

    func propagateAddition(of id: FactID) throws {
        if let profiler {
            try profiler.matching { try propagateAddition(unprofiled: id) }
        } else {
            try propagateAddition(unprofiled: id)
        }
    }

    private func propagateAddition(unprofiled id: FactID) throws {
        let fact = memory[id]
        for alpha in alphaMemories[fact.template] where try alpha.accepts(fact.values, in: self) {
            alpha.facts.insert(id)
            for successor in alpha.successors {
                guard memory.isAlive(id) else { return }
                try successor.rightActivate(id, in: self)
            }
        }
    }

    /// Removes a fact: first every match built on it, then its alpha memberships, so
    /// that negations and aggregates it affected are re-evaluated without it.
    /// Truth maintenance's own retractions are not `journaled`: undoing the change that
    /// caused them brings them back.
    func retractFact(_ id: FactID, journaled: Bool = true) throws {
        guard memory.isAlive(id) else { return }
        let template = memory[id].template
        if journaled, let journal {
            journal.record(.removed(id, timetag: memory[id].timetag, supports: memory[id].supports))
        }
        memory.remove(id, keepingSupports: tracker != nil)
        try propagateRemoval(of: id, template: template)
    }

    /// In three steps: every node unfiles the fact; the matches built on it go; then
    /// negations and aggregates that counted it are updated. Tokens those updates create
    /// can then never join with the leaving fact (whose values stay readable, and which
    /// `modify` keeps alive).
    func propagateRemoval(of id: FactID, template: Int) throws {
        if let profiler {
            try profiler.matching { try propagateRemoval(unprofiled: id, template: template) }
        } else {
            try propagateRemoval(unprofiled: id, template: template)
        }
    }

    private func propagateRemoval(unprofiled id: FactID, template: Int) throws {
        var updates: [() throws -> Void] = []
        for alpha in alphaMemories[template] where alpha.facts.remove(id) {
            for successor in alpha.successors {
                if let update = try successor.rightRetract(id, in: self) { updates.append(update) }
            }
        }
        removeTokens(of: id)
        for update in updates { try update() }
    }

    /// New values for a fact, keeping its identity; it becomes the most recent fact.
    func modifyFact(_ id: FactID, values: [Datum], journaled: Bool = true) throws {
        guard memory.isAlive(id) else { return }
        let template = memory[id].template
        if let twin = memory.twin(template: template, values: values), twin != id {
            // An unkeyed fact changed into a copy of another is that other fact now: the
            // two merge (as asserting a duplicate adds nothing). A keyed one is an error.
            guard templates[template].isKeyed else {
                try retractFact(id, journaled: journaled)
                return
            }
            throw DuplicateKey(template: template, twin: twin)
        }
        if journaled, let journal {
            journal.record(.modified(id, values: memory[id].values, timetag: memory[id].timetag))
        }
        tracker?.noteModification(of: id, values: memory[id].values)
        try propagateRemoval(of: id, template: template)
        memory.update(id, values: values)
        try propagateAddition(of: id)
    }
}

/// A keyed fact collided with an existing one (or, on modify, a change would make two
/// facts identical). The caller names the place.
struct DuplicateKey: Error {
    let template: Int
    let twin: FactID
}
