import AccordSyntax

typealias FactID = Int

/// One fact in working memory. Its id is its identity for life (`modify` keeps it);
/// its timetag says how recent it is for conflict resolution (`modify` renews it).
struct FactRecord {
    enum Origin {
        /// From a `facts` block, a CSV row, a scenario or the library API.
        case given(SourceSpan?)
        /// From a rule's `assert`.
        case asserted(rule: Int)
        /// From `derive` or `recommend`: exists while a supporting activation holds.
        case logical

        var isLogical: Bool {
            if case .logical = self { return true }
            return false
        }
    }

    let template: Int
    var values: [Datum]
    var timetag: Int
    var alive: Bool
    var cite: String?
    var origin: Origin
    /// Activations whose `derive` or `recommend` produced this fact.
    var supports: [Int] = []

    var isLogical: Bool { origin.isLogical }
}
