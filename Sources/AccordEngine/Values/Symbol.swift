/// An interned string: comparing and hashing symbols costs an integer compare, which
/// keeps joins on names (the common case in policy rules) cheap.
struct Symbol: Hashable, Comparable, Sendable {
    let id: UInt32

    static func < (lhs: Symbol, rhs: Symbol) -> Bool { lhs.id < rhs.id }
}

/// The engine's string table. One per engine; symbols are never freed during a session.
final class SymbolTable {
    private var strings: [String] = []
    private var ids: [String: UInt32] = [:]

    func intern(_ text: String) -> Symbol {
        if let id = ids[text] { return Symbol(id: id) }
        let id = UInt32(strings.count)
        strings.append(text)
        ids[text] = id
        return Symbol(id: id)
    }

    func text(_ symbol: Symbol) -> String {
        Int(symbol.id) < strings.count ? strings[Int(symbol.id)] : ""
    }

    /// The symbol of `text` if it was ever interned: a lookup that adds nothing.
    func existing(_ text: String) -> Symbol? {
        ids[text].map(Symbol.init(id:))
    }
}
