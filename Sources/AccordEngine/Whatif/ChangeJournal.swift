/// What a session did since its checkpoints, so that `rollback` can undo it exactly:
/// every change to a fact that truth maintenance does not own (facts given, asserted by
/// rules, retracted or modified by anyone), and every activation that lost its match
/// with whether it had fired. Logical facts and recommendations are not recorded: they
/// follow from the rest, and truth maintenance restores them as the changes are undone.
final class ChangeJournal {
    enum Entry {
        /// A non-logical fact was added.
        case added(FactID)
        /// A fact was removed by a change or a rule (not by truth maintenance); logical
        /// facts keep the supports they had, to stand on again if those still hold.
        case removed(FactID, timetag: Int, supports: [Int])
        /// A fact got new values; these are the old ones.
        case modified(FactID, values: [Datum], timetag: Int)
        /// A logical fact was asserted and so became unconditional.
        case madeUnconditional(FactID, supports: [Int])
        /// An activation lost its match. The first such entry after a checkpoint for a
        /// match tells whether it had fired at the checkpoint.
        case activationGone(ActivationKey, fired: Bool)
    }

    struct Mark {
        let entryCount: Int
        let firings: Int
        let halted: String?
    }

    private(set) var entries: [Entry] = []
    private(set) var marks: [Mark] = []
    /// While undoing: the state each match had at the checkpoint, filled from the entries
    /// being undone and from matches the undoing itself removes.
    var firstStates: [ActivationKey: Bool]?
    /// While undoing: activations made meanwhile, to replay if they had fired.
    var createdWhileUndoing: [Activation] = []

    var isUndoing: Bool { firstStates != nil }

    func record(_ entry: Entry) {
        entries.append(entry)
    }

    func push(_ mark: Mark) {
        marks.append(mark)
    }

    /// Removes the marks from `depth` up and answers the lowest of them.
    func popMarks(downTo depth: Int) -> Mark? {
        guard depth < marks.count else { return nil }
        let mark = marks[depth]
        marks.removeSubrange(depth...)
        return mark
    }

    /// The entries after a mark, newest first, removed from the journal.
    func takeEntries(after mark: Mark) -> [Entry] {
        let taken = entries[mark.entryCount...]
        entries.removeSubrange(mark.entryCount...)
        return taken.reversed()
    }

    func clear() {
        entries = []
        marks = []
    }
}
