/// A complete match of a rule, waiting on the agenda or already fired.
final class Activation {
    let id: Int
    let rule: Int
    let token: Token
    @exclusivity(unchecked) var fired = false
    @exclusivity(unchecked) var alive = true
    /// Logical facts this activation's `derive` and `recommend` produced.
    @exclusivity(unchecked) var supported: [FactID] = []
    /// Recommendations this activation's `recommend` reached.
    @exclusivity(unchecked) var recommended: [RecommendationKey] = []

    init(id: Int, rule: Int, token: Token) {
        self.id = id
        self.rule = rule
        self.token = token
    }
}
