extension Network {
    /// Opens a checkpoint: from here on changes are journaled. Answers its depth.
    func openCheckpoint() -> Int {
        let journal = self.journal ?? ChangeJournal()
        self.journal = journal
        journal.push(ChangeJournal.Mark(entryCount: journal.entries.count, firings: firings, halted: halted))
        return journal.marks.count - 1
    }

    /// Keeps what happened since the checkpoint at `depth` (and any opened after it). An
    /// outer checkpoint can still undo it; with none left, journaling stops.
    func releaseCheckpoint(depth: Int) {
        guard let journal, journal.popMarks(downTo: depth) != nil else { return }
        if journal.marks.isEmpty { self.journal = nil }
    }

    /// Undoes everything since the checkpoint at `depth`: the journaled fact changes in
    /// reverse order, then the matches that had fired at the checkpoint and were lost on
    /// the way fire again, for their logical actions only (`derive`, `recommend`): their
    /// other effects (`assert`, `retract`, `modify`, `print`, `halt`) happened once, before
    /// the checkpoint, and were undone or kept exactly as the journal says.
    func rollback(toDepth depth: Int) throws {
        guard let journal, let mark = journal.popMarks(downTo: depth) else { return }
        // The checkpoint's state was within `--max-facts`; on the way back to it, facts
        // may come back before the ones derived from them go, so the limit is lifted.
        let maxFacts = memory.maxFacts
        memory.maxFacts = .max
        defer { memory.maxFacts = maxFacts }
        let entries = journal.takeEntries(after: mark)
        var firstStates: [ActivationKey: Bool] = [:]
        for case .activationGone(let key, let fired) in entries.reversed() where firstStates[key] == nil {
            firstStates[key] = fired
        }
        journal.firstStates = firstStates
        defer {
            journal.firstStates = nil
            journal.createdWhileUndoing = []
            if journal.marks.isEmpty { self.journal = nil }
        }
        for entry in entries {
            try undo(entry)
            try settle()
        }
        var next = 0
        while next < journal.createdWhileUndoing.count {
            let activation = journal.createdWhileUndoing[next]
            next += 1
            guard activation.alive, !activation.fired, journal.firstStates?[key(of: activation)] == true else { continue }
            try fireLogically(activation)
        }
        firings = mark.firings
        halted = mark.halted
        failedWhileFiring = nil
    }

    private func undo(_ entry: ChangeJournal.Entry) throws {
        switch entry {
        case .added(let id):
            try retractFact(id, journaled: false)
        case .removed(let id, let timetag, let supports):
            guard !memory.isAlive(id) else { return }
            let record = memory[id]
            guard memory.twin(template: record.template, values: record.values) == nil else { return }
            if record.isLogical {
                let live = supports.filter { activations[$0]?.alive == true }
                guard !live.isEmpty else { return }
                memory.revive(id, timetag: timetag)
                memory.setSupports(id, live)
            } else {
                memory.revive(id, timetag: timetag)
            }
            try propagateAddition(of: id)
        case .modified(let id, let values, let timetag):
            guard memory.isAlive(id) else {
                memory.restore(id, values: values, timetag: timetag)
                return
            }
            let template = memory[id].template
            if let twin = memory.twin(template: template, values: values), twin != id { return }
            try propagateRemoval(of: id, template: template)
            memory.restore(id, values: values, timetag: timetag)
            try propagateAddition(of: id)
        case .madeUnconditional(let id, let supports):
            guard memory.isAlive(id) else { return }
            let live = supports.filter { activations[$0]?.alive == true }
            memory.setOrigin(id, .logical)
            memory.setSupports(id, live)
            if live.isEmpty { truth.retractions.append(id) }
        case .activationGone:
            return
        }
    }

    /// Journals a match that goes; while undoing, remembers the state it had at the
    /// checkpoint if nothing earlier told it.
    func noteWithdrawal(of activation: Activation, in journal: ChangeJournal) {
        let key = key(of: activation)
        if journal.isUndoing {
            if journal.firstStates?[key] == nil { journal.firstStates?[key] = activation.fired }
        } else {
            journal.record(.activationGone(key, fired: activation.fired))
        }
    }
}
