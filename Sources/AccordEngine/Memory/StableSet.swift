/// A set that iterates in insertion order, with O(1) insert and remove: removed slots
/// become holes that are compacted away when they outnumber the members. Iteration order
/// never depends on hashing, which keeps every run deterministic.
struct StableSet<Element: Hashable> {
    private var slots: [Element?] = []
    private var positions: [Element: Int] = [:]

    var count: Int { positions.count }
    var isEmpty: Bool { positions.isEmpty }

    func contains(_ element: Element) -> Bool { positions[element] != nil }

    @discardableResult
    mutating func insert(_ element: Element) -> Bool {
        guard positions[element] == nil else { return false }
        positions[element] = slots.count
        slots.append(element)
        return true
    }

    @discardableResult
    mutating func remove(_ element: Element) -> Bool {
        guard let position = positions.removeValue(forKey: element) else { return false }
        slots[position] = nil
        if slots.count > 32, positions.count * 2 < slots.count { compact() }
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
