import AccordSyntax

/// "Did you mean" for misspelt names. A candidate qualifies when its edit distance
/// (ignoring case) is at most 2 — at most half the name's length, so that `x` does not
/// suggest `y` — or when one name is a prefix of the other (`enterp` → `enterprises`).
/// Public so that clients (the sweep's `--vary`) suggest names the same way.
public enum NameSuggestion {
    public static func best(for name: String, among candidates: [String]) -> String? {
        let typed = Array(name.lowercased())
        var best: (score: Int, name: String)?
        for candidate in Set(candidates) where candidate != name {
            guard let score = score(typed, Array(candidate.lowercased())) else { continue }
            if let current = best, (current.score, current.name) <= (score, candidate) { continue }
            best = (score, candidate)
        }
        return best?.name
    }

    /// The note to attach, if any: "did you mean `Park`?".
    static func notes(for name: String, among candidates: [String], quote: (String) -> String = { "`\($0)`" }) -> [Diagnostic.Note] {
        guard let suggestion = best(for: name, among: candidates) else { return [] }
        return [Diagnostic.Note("did you mean \(quote(suggestion))?")]
    }

    /// Lower is better; nil when the candidate is not close enough. Prefix matches rank
    /// after every close spelling.
    private static func score(_ typed: [Character], _ candidate: [Character]) -> Int? {
        let distance = editDistance(typed, candidate)
        if distance <= min(2, max(0, typed.count / 2)) { return distance }
        let shorter = min(typed.count, candidate.count)
        if shorter >= 3, typed.starts(with: candidate) || candidate.starts(with: typed) {
            return 100 + abs(typed.count - candidate.count)
        }
        return nil
    }

    /// Edit distance over characters where swapping two neighbours counts as one edit
    /// (optimal string alignment), since `Prak` for `Park` is one slip, not two.
    static func editDistance(_ lhs: [Character], _ rhs: [Character]) -> Int {
        if lhs.isEmpty { return rhs.count }
        if rhs.isEmpty { return lhs.count }
        var beforePrevious = [Int](repeating: 0, count: rhs.count + 1)
        var previous = Array(0...rhs.count)
        var current = [Int](repeating: 0, count: rhs.count + 1)
        for i in 1...lhs.count {
            current[0] = i
            for j in 1...rhs.count {
                let cost = lhs[i - 1] == rhs[j - 1] ? 0 : 1
                current[j] = min(previous[j - 1] + cost, previous[j] + 1, current[j - 1] + 1)
                if i > 1, j > 1, lhs[i - 1] == rhs[j - 2], lhs[i - 2] == rhs[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[rhs.count]
    }
}
