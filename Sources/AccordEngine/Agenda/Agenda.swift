/// The conflict set, ordered for firing: higher salience first; then recency (the
/// activation whose most recent fact is newest, comparing timetags newest first, as
/// CLIPS's depth strategy does); then the rule's declaration order; then creation order.
/// A binary heap with lazy deletion: removed activations are skipped when they surface.
struct Agenda {
    struct Entry {
        let salience: Int
        /// The newest timetag (`recency[0]`): most comparisons end on it.
        let newest: Int
        let recency: [Int]
        let ruleOrder: Int
        let id: Int
        let activation: Activation
    }

    private var heap: [Entry] = []
    private(set) var liveCount = 0

    var isEmpty: Bool { liveCount == 0 }

    /// `recency`: the matched facts' timetags, newest first (CLIPS's depth strategy).
    /// Only the agenda keeps it: a fired activation no longer needs it.
    mutating func add(_ activation: Activation, salience: Int, recency: [Int]) {
        heap.append(Entry(salience: salience, newest: recency.first ?? -1, recency: recency, ruleOrder: activation.rule,
                          id: activation.id, activation: activation))
        liveCount += 1
        siftUp(heap.count - 1)
    }

    /// Called when an activation leaves other than by `pop`: it lost its match before
    /// firing, or fired out of turn (the replay after a rollback).
    mutating func discard() {
        liveCount -= 1
        // Lazy deletion leaves the entry in the heap: when most entries are dead (a
        // context change that withdraws a whole conflict set), rebuild from the live ones,
        // so the heap stays proportional to the agenda.
        if heap.count > 64, liveCount * 2 < heap.count { compact() }
    }

    private mutating func compact() {
        heap.removeAll { !$0.activation.alive || $0.activation.fired }
        for start in stride(from: heap.count / 2 - 1, through: 0, by: -1) { siftDown(start) }
    }

    /// The next activation to fire, or nil when none is left.
    mutating func pop() -> Activation? {
        while let top = heap.first {
            let last = heap.removeLast()
            if !heap.isEmpty {
                heap[0] = last
                siftDown(0)
            }
            let activation = top.activation
            if activation.alive, !activation.fired {
                liveCount -= 1
                return activation
            }
        }
        return nil
    }

    /// The live activations in firing order (for `:agenda` and explanations).
    func pending() -> [Activation] {
        heap.filter { $0.activation.alive && !$0.activation.fired }.sorted(by: Agenda.before).map(\.activation)
    }

    static func before(_ a: Entry, _ b: Entry) -> Bool {
        if a.salience != b.salience { return a.salience > b.salience }
        if a.newest != b.newest { return a.newest > b.newest }
        if a.recency != b.recency { return a.recency.lexicographicallyPrecedes(b.recency, by: >) }
        if a.ruleOrder != b.ruleOrder { return a.ruleOrder < b.ruleOrder }
        return a.id < b.id
    }

    private mutating func siftUp(_ start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard Agenda.before(heap[child], heap[parent]) else { return }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var best = parent
            if left < heap.count, Agenda.before(heap[left], heap[best]) { best = left }
            if right < heap.count, Agenda.before(heap[right], heap[best]) { best = right }
            guard best != parent else { return }
            heap.swapAt(parent, best)
            parent = best
        }
    }
}
