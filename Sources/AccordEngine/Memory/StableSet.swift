/// A set that iterates in insertion order, with O(1) insert and remove: removed slots
/// become holes that are compacted away when they outnumber the members. Iteration order
/// never depends on hashing, which keeps every run deterministic.
///
/// Most sets are small (a join bucket often holds one token or fact): up to
/// `smallLimit` members they are a plain array searched linearly, with no hashed
/// index and no holes; the index is built when the set outgrows that.
struct StableSet<Element: Hashable> {
    private var slots: [Element?] = []
    private var positions: [Element: Int] = [:]
    private var indexed = false
    private var members = 0

    private static var smallLimit: Int { 8 }

    var count: Int { members }
    var isEmpty: Bool { members == 0 }

    func contains(_ element: Element) -> Bool {
        if indexed { return positions[element] != nil }
        return slots.contains { $0 == element }
    }

    @discardableResult
    mutating func insert(_ element: Element) -> Bool {
        if indexed {
            guard positions[element] == nil else { return false }
            positions[element] = slots.count
        } else {
            guard !slots.contains(where: { $0 == element }) else { return false }
            if slots.count >= Self.smallLimit {
                for (position, member) in slots.enumerated() {
                    if let member { positions[member] = position }
                }
                positions[element] = slots.count
                indexed = true
            }
        }
        slots.append(element)
        members += 1
        return true
    }

    @discardableResult
    mutating func remove(_ element: Element) -> Bool {
        if indexed {
            guard let position = positions.removeValue(forKey: element) else { return false }
            slots[position] = nil
            members -= 1
            if slots.count > 32, members * 2 < slots.count { compact() }
            return true
        }
        guard let position = slots.firstIndex(where: { $0 == element }) else { return false }
        slots.remove(at: position)
        members -= 1
        return true
    }

    private mutating func compact() {
        slots = slots.filter { $0 != nil }
        for (position, element) in slots.enumerated() {
            if let element { positions[element] = position }
        }
    }

    /// The members in insertion order.
    var elements: [Element] { slots.compactMap { $0 } }

    func forEach(_ body: (Element) throws -> Void) rethrows {
        for case let element? in slots { try body(element) }
    }
}
