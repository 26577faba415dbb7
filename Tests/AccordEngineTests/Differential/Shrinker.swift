/// Reduces a failing scenario to a small one that still fails, so that a failure reads as
/// a bug report rather than a puzzle: greedily, it removes one change, rule, fact,
/// condition, constraint, binding or action detail at a time, and keeps the removal when
/// the engine still disagrees with the naive evaluator (programs that no longer check are
/// discarded), until no single removal fails any more.
enum Shrinker {
    /// Bounds the work on programs with many candidates; a failure is still reported.
    static let maxRuns = 3_000

    static func shrink(_ scenario: Scenario) -> Scenario {
        var best = scenario
        var runs = 0
        var progress = true
        while progress, runs < maxRuns {
            progress = false
            for candidate in smaller(best) {
                runs += 1
                if case .disagrees = candidate.run() {
                    best = candidate
                    progress = true
                    break
                }
                if runs >= maxRuns { break }
            }
        }
        return best
    }

    /// Every scenario one removal smaller, the biggest cuts first.
    static func smaller(_ scenario: Scenario) -> [Scenario] {
        var result: [Scenario] = []
        func with(_ change: (inout Scenario) -> Void) {
            var candidate = scenario
            change(&candidate)
            result.append(candidate)
        }
        let rules = scenario.ruleBase.rules
        for index in rules.indices where rules.count > 1 { with { $0.ruleBase.rules.remove(at: index) } }
        for index in scenario.changes.indices { with { $0.changes.remove(at: index) } }
        for index in scenario.ruleBase.facts.indices { with { $0.ruleBase.facts.remove(at: index) } }
        for (ruleIndex, rule) in rules.enumerated() {
            for (conditionIndex, condition) in rule.conditions.enumerated() {
                with { $0.ruleBase.rules[ruleIndex].conditions.remove(at: conditionIndex) }
                for smaller in smaller(condition) { with { $0.ruleBase.rules[ruleIndex].conditions[conditionIndex] = smaller } }
            }
            for actionIndex in rule.actions.indices where rule.actions.count > 1 {
                with { $0.ruleBase.rules[ruleIndex].actions.remove(at: actionIndex) }
            }
            for (actionIndex, action) in rule.actions.enumerated() {
                for smaller in smaller(action) { with { $0.ruleBase.rules[ruleIndex].actions[actionIndex] = smaller } }
            }
        }
        return result
    }

    private static func smaller(_ condition: ConditionSpec) -> [ConditionSpec] {
        func without(_ pattern: PatternSpec) -> [PatternSpec] {
            pattern.constraints.indices.map { index in
                var smaller = pattern
                smaller.constraints.remove(at: index)
                return smaller
            }
        }
        switch condition {
        case .match(let binding, let pattern):
            return without(pattern).map { .match(binding: binding, $0) } + (binding == nil ? [] : [.match(binding: nil, pattern)])
        case .not(let pattern): return without(pattern).map { .not($0) }
        case .exists(let pattern): return without(pattern).map { .exists($0) }
        case .test: return []
        }
    }

    private static func smaller(_ action: ActionSpec) -> [ActionSpec] {
        switch action {
        case .recommend(let text, let subject, let score):
            var result: [ActionSpec] = []
            if score != nil { result.append(.recommend(text: text, subject: subject, score: nil)) }
            if subject != nil { result.append(.recommend(text: text, subject: nil, score: score)) }
            if text.count > 1 { result.append(.recommend(text: [text[0]], subject: subject, score: score)) }
            return result
        case .derive:
            return []
        }
    }
}
